/* SPDX-License-Identifier: ISC */
/*
 * Forgetting a volunteer on request (GDPR erasure): one transaction that
 * blanks them everywhere, then a checkpoint so no old copy stays in the
 * write-ahead log. The log line says a volunteer was forgotten, not who.
 */
#include "rooster/ops.h"

#include <stdlib.h>

#include "ops_int.h"

int
ops_privacy_forget(struct store *st, int64_t id, struct err *err)
{
	struct volunteer v;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_volunteer_get(st, id, &v, err)) < 0)
		return ops_finish(st, rc, err);
	rc = store_privacy_forget(st, id, v.name, v.email, v.phone,
	    rtime_now(), err);
	rc = ops_log(st, rc, err, "volunteer forget", "volunteer", id,
	    "forgot volunteer %lld", (long long)id);
	volunteer_fini(&v);
	if (ops_finish(st, rc, err) < 0)
		return -1;
	return store_privacy_checkpoint(st, err);
}
