/* SPDX-License-Identifier: ISC */
/* Plan settings: a key-value table (time_zone, name, uid_domain, ...). */
#include "rooster/store.h"

#include "store_int.h"

char *
store_setting_get(struct store *st, const char *key)
{
	static const char sql[] = "SELECT value FROM settings WHERE key = ?1";
	char *value = NULL;

	(void)store_text(st, NULL, &value, sql, "t", key);
	return value;
}

int
store_setting_set(struct store *st, const char *key, const char *value,
    struct err *err)
{
	static const char sql[] = "INSERT INTO settings (key, value) "
	    "VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2";

	return store_run(st, err, sql, "tt", key, value);
}
