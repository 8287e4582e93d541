/* SPDX-License-Identifier: ISC */
/* Plan settings: a key-value table (time_zone, name, uid_domain, ...). */
#include "rooster/store.h"

#include "store_int.h"

/* The statements of each keyed table, in enum store_keyed's order. */
static const struct {
	const char	*get;
	const char	*set;
} store_keyed_sql[] = {
	{ "SELECT value FROM settings WHERE key = ?1",
	  "INSERT INTO settings (key, value) VALUES (?1, ?2) "
	  "ON CONFLICT (key) DO UPDATE SET value = ?2" },
	{ "SELECT value FROM feed_state WHERE dir_key = ?1",
	  "INSERT INTO feed_state (dir_key, value) VALUES (?1, ?2) "
	  "ON CONFLICT (dir_key) DO UPDATE SET value = ?2" },
};

char *
store_keyed_get(struct store *st, enum store_keyed table, const char *key)
{
	char *value = NULL;

	(void)store_text(st, NULL, &value, store_keyed_sql[table].get, "t",
	    key);
	return value;
}

int
store_keyed_set(struct store *st, enum store_keyed table, const char *key,
    const char *value, struct err *err)
{
	return store_run(st, err, store_keyed_sql[table].set, "tt", key,
	    value);
}

char *
store_setting_get(struct store *st, const char *key)
{
	return store_keyed_get(st, STORE_SETTINGS, key);
}

int
store_setting_set(struct store *st, const char *key, const char *value,
    struct err *err)
{
	return store_keyed_set(st, STORE_SETTINGS, key, value, err);
}
