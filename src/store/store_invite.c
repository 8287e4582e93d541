/* SPDX-License-Identifier: ISC */
/*
 * The iTIP messages sent, one row per shift UID and volunteer, and the
 * two questions `invite` asks: who needs a REQUEST, who needs a CANCEL.
 * The rows carry no foreign keys so that a deleted assignment, shift,
 * event or volunteer still leaves what its CANCEL needs.
 */
#include "rooster/store.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

static const char *const store_invite_states[] = {
	"sent", "cancelled", NULL
};

#define STORE_INVITE_FIELD(name, field, ...) \
	{ .key = name, .offset = offsetof(struct store_invite, field), \
	  __VA_ARGS__ }

/* The columns of invites after id, read and written by this table. */
static const struct model_field store_invite_fields[] = {
	STORE_INVITE_FIELD("uid", uid, .kind = MODEL_FIELD_TEXT,
	    .flags = MODEL_FIELD_NULL),
	STORE_INVITE_FIELD("volunteer_id", volunteer_id,
	    .kind = MODEL_FIELD_ID),
	STORE_INVITE_FIELD("shift_id", shift_id, .kind = MODEL_FIELD_ID),
	STORE_INVITE_FIELD("event_id", event_id, .kind = MODEL_FIELD_ID),
	STORE_INVITE_FIELD("sequence", sequence, .kind = MODEL_FIELD_INT),
	STORE_INVITE_FIELD("shift_sequence", shift_sequence,
	    .kind = MODEL_FIELD_INT),
	STORE_INVITE_FIELD("state", cancelled, .kind = MODEL_FIELD_ENUM,
	    .names = store_invite_states),
	STORE_INVITE_FIELD("email", email, .kind = MODEL_FIELD_TEXT),
	STORE_INVITE_FIELD("name", name, .kind = MODEL_FIELD_TEXT),
	STORE_INVITE_FIELD("summary", summary, .kind = MODEL_FIELD_TEXT),
	STORE_INVITE_FIELD("location", location, .kind = MODEL_FIELD_TEXT),
	STORE_INVITE_FIELD("start_at", start, .kind = MODEL_FIELD_TIME),
	STORE_INVITE_FIELD("end_at", end, .kind = MODEL_FIELD_TIME),
	STORE_INVITE_FIELD("sent_at", sent_at, .kind = MODEL_FIELD_TIME),
	STORE_INVITE_FIELD("reply_stamp", reply_stamp,
	    .kind = MODEL_FIELD_TIME),
	STORE_INVITE_FIELD("digest", digest, .kind = MODEL_FIELD_TEXT),
	STORE_INVITE_FIELD("reasked", reasked, .kind = MODEL_FIELD_BOOL),
	STORE_INVITE_FIELD("offer", offer, .kind = MODEL_FIELD_BOOL),
	{ .key = NULL }
};

void
store_invite_init(struct store_invite *inv)
{
	memset(inv, 0, sizeof *inv);
}

void
store_invite_fini(struct store_invite *inv)
{
	model_fields_free(inv, store_invite_fields);
	memset(inv, 0, sizeof *inv);
}

void
store_invite_keys_free(struct store_invite_keys *keys)
{
	size_t i;

	for (i = 0; i < keys->len; i++)
		free(keys->items[i].uid);
	free(keys->items);
	memset(keys, 0, sizeof *keys);
}

/* Columns shift id, volunteer id and, if there is a third, uid. */
static void
store_invite_key_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_invite_keys *keys = arg;
	struct store_invite_key *k = xarray_push(&keys->items, &keys->len,
	    &keys->cap, sizeof *k);

	k->shift_id = sqlite3_column_int64(stmt, 0);
	k->volunteer_id = sqlite3_column_int64(stmt, 1);
	if (sqlite3_column_count(stmt) > 2)
		k->uid = store_col_text(stmt, 2);
}

/* Every key the rows of stmt (store_query()'s) give, into out. */
static int
store_invite_keys(struct store *st, sqlite3_stmt *stmt,
    struct store_invite_keys *out, struct err *err)
{
	return store_rows(st, stmt, store_invite_key_row, out, err) < 0 ?
	    -1 : 0;
}

static void
store_invite_row(sqlite3_stmt *stmt, void *arg)
{
	struct store_invite *inv = arg;

	store_fields_read_row(stmt, 0, &inv->id, NULL, inv,
	    store_invite_fields);
}

int
store_invite_get(struct store *st, const char *uid, int64_t volunteer_id,
    struct store_invite *inv, struct err *err)
{
	static char *sql;
	int n;

	store_invite_init(inv);
	n = store_rows(st, store_query(st, err, store_fields_select(&sql,
	    "SELECT id, ", "", store_invite_fields, " FROM invites ",
	    "WHERE uid = ?1 AND volunteer_id = ?2"), "ti", uid, volunteer_id),
	    store_invite_row, inv, err);
	if (n != 0)
		return n < 0 ? -1 : 0;
	return err_set(err, ERR_NOT_FOUND,
	    _("no invitation for %s to volunteer "
	    "%lld"), uid, (long long)volunteer_id);
}

int
store_invite_save(struct store *st, const struct store_invite *inv,
    struct err *err)
{
	static char *sql;

	return store_fields_write(st, store_fields_upsert(&sql, "invites",
	    store_invite_fields, "uid, volunteer_id"), inv, store_invite_fields,
	    0, err) < 0 ? -1 : 0;
}

int
store_invite_set_reply(struct store *st, const char *uid,
    int64_t volunteer_id, int64_t stamp, struct err *err)
{
	static const char sql[] = "UPDATE invites SET reply_stamp = ?3, "
	    "reasked = 0 "
	    "WHERE uid = ?1 AND volunteer_id = ?2";

	return store_run(st, err, sql, "tii", uid, volunteer_id, stamp);
}

int
store_invite_due_requests(struct store *st, int64_t event_id, int64_t now,
    struct store_invite_keys *out, struct err *err)
{
	static const char sql[] = "SELECT a.shift_id, a.volunteer_id, s.uid "
	    "FROM assignments a JOIN shifts s ON s.id = a.shift_id "
	    "JOIN events e ON e.id = s.event_id "
	    "JOIN volunteers v ON v.id = a.volunteer_id "
	    "LEFT JOIN invites i ON i.uid = s.uid "
	    "  AND i.volunteer_id = a.volunteer_id "
	    "WHERE " EVENT_LIVE_SQL("e.status") " AND (?1 = 0 OR e.id = ?1) "
	    "AND s.end_at > ?2 AND a.status != 'declined' "
	    "AND (i.id IS NULL OR i.state = 'cancelled' "
	    "  OR i.shift_sequence < s.sequence OR a.status = 'planned' "
	    "  OR lower(i.email) != lower(v.email)) "
	    "ORDER BY s.start_at, s.id, a.volunteer_id";

	return store_invite_keys(st, store_query(st, err, sql, "ii",
	    event_id, now), out, err);
}

int
store_invite_due_cancels(struct store *st, int64_t event_id,
    struct store_invite_keys *out, struct err *err)
{
	static const char sql[] = "SELECT i.shift_id, i.volunteer_id, i.uid "
	    "FROM invites i LEFT JOIN shifts s ON s.uid = i.uid "
	    "LEFT JOIN events e ON e.id = s.event_id "
	    "WHERE i.state = 'sent' AND (?1 = 0 OR i.event_id = ?1) "
	    "AND (s.id IS NULL OR e.status = 'cancelled' OR NOT EXISTS ("
	    "  SELECT 1 FROM assignments a WHERE a.shift_id = s.id "
	    "  AND a.volunteer_id = i.volunteer_id)) "
	    "ORDER BY i.start_at, i.uid, i.volunteer_id";

	return store_invite_keys(st, store_query(st, err, sql, "i",
	    event_id), out, err);
}

int
store_invite_unconfirmed(struct store *st, int64_t shift_id,
    struct store_invite_keys *out, struct err *err)
{
	static const char sql[] = "SELECT i.shift_id, i.volunteer_id "
	    "FROM invites i JOIN assignments a ON a.shift_id = i.shift_id "
	    "AND a.volunteer_id = i.volunteer_id "
	    "WHERE i.shift_id = ?1 AND i.reasked != 0 AND i.state = 'sent' "
	    "AND a.status = 'invited' ORDER BY i.volunteer_id";

	return store_invite_keys(st, store_query(st, err, sql, "i",
	    shift_id), out, err);
}

int
store_invite_full_offers(struct store *st, struct store_invite_keys *out,
    struct err *err)
{
	static const char sql[] = "SELECT a.shift_id, a.volunteer_id "
	    "FROM assignments a JOIN shifts s ON s.id = a.shift_id "
	    "WHERE a.status = 'offered' AND s.needed <= (SELECT count(*) "
	    "  FROM assignments b WHERE b.shift_id = s.id AND "
	    ASSIGNMENT_COUNTS_SQL("b.status") ") "
	    "ORDER BY a.shift_id, a.volunteer_id";

	return store_invite_keys(st, store_query(st, err, sql, ""),
	    out, err);
}
