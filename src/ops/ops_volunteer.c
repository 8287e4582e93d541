/* SPDX-License-Identifier: ISC */
/* Adding, editing and deleting volunteers; unavailability; teams. */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

void
ops_volunteer_normalize(struct volunteer *v)
{
	model_fields_normalize(v, volunteer_fields);
}

/* An e-mail address names one volunteer in the plan, whatever its case. */
static int
ops_volunteer_email_free(struct store *st, const struct volunteer *v,
    struct err *err)
{
	struct volunteer other;
	int64_t id;

	if (v->email == NULL || v->email[0] == '\0')
		return 0;
	if ((id = store_volunteer_find_email(st, v->email, err)) < 0)
		return -1;
	if (id == 0 || id == v->id)
		return 0;
	if (store_volunteer_get(st, id, &other, err) < 0)
		return -1;
	err_set(err, ERR_CONFLICT, _("e-mail address %s is already volunteer "
	    "%lld's (%s); each volunteer needs their own"), v->email,
	    (long long)id, other.name);
	volunteer_fini(&other);
	return -1;
}

int
ops_volunteer_add(struct store *st, struct volunteer *v, struct err *err)
{
	int rc;

	if (volunteer_validate(v, err) < 0)
		return -1;
	ops_volunteer_normalize(v);
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = ops_volunteer_email_free(st, v, err);
	if (rc == 0)
		rc = store_volunteer_insert(st, v, err);
	rc = ops_log(st, rc, err, "volunteer add", "volunteer", v->id,
	    "added '%s'", v->name);
	return ops_finish(st, rc, err);
}

int
ops_volunteer_edit(struct store *st, struct volunteer *v, struct err *err)
{
	struct volunteer old;
	int rc;

	if (volunteer_validate(v, err) < 0)
		return -1;
	ops_volunteer_normalize(v);
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_volunteer_get(st, v->id, &old, err)) < 0)
		return ops_finish(st, rc, err);
	if (v->version != 0 && old.version != v->version) {
		volunteer_fini(&old);
		err_set(err, ERR_CONFLICT, _("volunteer %lld was changed by "
		    "someone else meanwhile; reload and edit again"),
		    (long long)v->id);
		return ops_finish(st, -1, err);
	}
	v->version = old.version;
	rc = ops_volunteer_email_free(st, v, err);
	if (rc == 0)
		rc = store_volunteer_update(st, v, err);
	rc = ops_log(st, rc, err, "volunteer edit", "volunteer", v->id,
	    "edited '%s'", v->name);
	volunteer_fini(&old);
	return ops_finish(st, rc, err);
}

int
ops_volunteer_delete(struct store *st, int64_t id, struct err *err)
{
	int rc;

	/* An unknown id is ERR_NOT_FOUND from the delete itself. */
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = store_volunteer_delete(st, id, err);
	rc = ops_log(st, rc, err, "volunteer delete", "volunteer", id,
	    "deleted volunteer %lld", (long long)id);
	return ops_finish(st, rc, err);
}

int
ops_volunteer_unavailable(struct store *st, struct unavailable *u,
    struct err *err)
{
	struct volunteer v;
	int rc;

	if (u->end <= u->start)
		return err_set(err, ERR_INVALID, _("the period ends before it "
		    "starts (--to must be after --from)"));
	if (u->reason != NULL && !text_is_utf8(u->reason))
		return err_set(err, ERR_INVALID, _("reason is not UTF-8 text"));
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_volunteer_get(st, u->volunteer_id, &v, err)) < 0)
		return ops_finish(st, rc, err);
	rc = store_unavailable_insert(st, u, err);
	rc = ops_log(st, rc, err, "volunteer unavailable", "volunteer", v.id,
	    "'%s' unavailable", v.name);
	volunteer_fini(&v);
	return ops_finish(st, rc, err);
}

int
ops_team_add(struct store *st, struct team *t, struct err *err)
{
	int rc;

	if (team_validate(t, err) < 0)
		return -1;
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = store_team_insert(st, t, err);
	rc = ops_log(st, rc, err, "team add", "team", t->id, "added team '%s'",
	    t->name);
	return ops_finish(st, rc, err);
}

/* Join or leave: one frame, the store call and the log's words differ. */
static int
ops_team_member(struct store *st, int64_t team_id, int64_t volunteer_id,
    bool join, struct err *err)
{
	struct team t;
	struct volunteer v;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_team_get(st, team_id, &t, err)) < 0)
		return ops_finish(st, rc, err);
	if ((rc = store_volunteer_get(st, volunteer_id, &v, err)) < 0) {
		team_fini(&t);
		return ops_finish(st, rc, err);
	}
	rc = join ? store_team_join(st, team_id, volunteer_id, err) :
	    store_team_leave(st, team_id, volunteer_id, err);
	rc = ops_log(st, rc, err, join ? "team join" : "team leave", "team",
	    team_id, join ? "'%s' joined '%s'" : "'%s' left '%s'", v.name,
	    t.name);
	team_fini(&t);
	volunteer_fini(&v);
	return ops_finish(st, rc, err);
}

int
ops_team_join(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err)
{
	return ops_team_member(st, team_id, volunteer_id, true, err);
}

int
ops_volunteer_available(struct store *st, int64_t volunteer_id,
    int64_t period_id, struct err *err)
{
	struct volunteer v;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_volunteer_get(st, volunteer_id, &v, err)) < 0)
		return ops_finish(st, rc, err);
	rc = store_unavailable_delete(st, volunteer_id, period_id, err);
	rc = ops_log(st, rc, err, "volunteer available", "volunteer", v.id,
	    "'%s' available again (period %lld removed)", v.name,
	    (long long)period_id);
	volunteer_fini(&v);
	return ops_finish(st, rc, err);
}

int
ops_team_leave(struct store *st, int64_t team_id, int64_t volunteer_id,
    struct err *err)
{
	return ops_team_member(st, team_id, volunteer_id, false, err);
}

int
ops_team_delete(struct store *st, int64_t team_id, struct err *err)
{
	struct team t;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_team_get(st, team_id, &t, err)) < 0)
		return ops_finish(st, rc, err);
	rc = store_team_delete(st, team_id, err);
	rc = ops_log(st, rc, err, "team delete", "team", team_id,
	    "deleted team '%s' (%d members)", t.name, t.members);
	team_fini(&t);
	return ops_finish(st, rc, err);
}

int
ops_team_rename(struct store *st, int64_t team_id, const char *name,
    struct err *err)
{
	struct team t, want;
	int rc;

	team_init(&want);
	want.name = (char *)name;
	if (team_validate(&want, err) < 0)
		return -1;
	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = store_team_get(st, team_id, &t, err)) < 0)
		return ops_finish(st, rc, err);
	rc = store_team_rename(st, team_id, name, err);
	rc = ops_log(st, rc, err, "team rename", "team", team_id,
	    "renamed team '%s' to '%s'", t.name, name);
	team_fini(&t);
	return ops_finish(st, rc, err);
}
