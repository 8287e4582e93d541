/* SPDX-License-Identifier: ISC */
/*
 * The iTIP messages sent, one row per shift UID and volunteer, and the
 * two questions `invite` asks: who needs a REQUEST, who needs a CANCEL.
 * The rows carry no foreign keys so that a deleted assignment, shift,
 * event or volunteer still leaves what its CANCEL needs.
 */
#include "rooster/store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

void
store_invite_init(struct store_invite *inv)
{
	memset(inv, 0, sizeof *inv);
}

void
store_invite_fini(struct store_invite *inv)
{
	free(inv->uid);
	free(inv->email);
	free(inv->name);
	free(inv->summary);
	free(inv->location);
	free(inv->digest);
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

	inv->id = sqlite3_column_int64(stmt, 0);
	inv->uid = store_col_text(stmt, 1);
	inv->volunteer_id = sqlite3_column_int64(stmt, 2);
	inv->shift_id = sqlite3_column_int64(stmt, 3);
	inv->event_id = sqlite3_column_int64(stmt, 4);
	inv->sequence = sqlite3_column_int(stmt, 5);
	inv->shift_sequence = sqlite3_column_int(stmt, 6);
	inv->cancelled = strcmp((const char *)sqlite3_column_text(stmt, 7),
	    "cancelled") == 0;
	inv->email = store_col_text(stmt, 8);
	inv->name = store_col_text(stmt, 9);
	inv->summary = store_col_text(stmt, 10);
	inv->location = store_col_text(stmt, 11);
	inv->start = sqlite3_column_int64(stmt, 12);
	inv->end = sqlite3_column_int64(stmt, 13);
	inv->sent_at = sqlite3_column_int64(stmt, 14);
	inv->reply_stamp = sqlite3_column_int64(stmt, 15);
	inv->digest = store_col_text(stmt, 16);
	inv->reasked = sqlite3_column_int(stmt, 17) != 0;
	inv->offer = sqlite3_column_int(stmt, 18) != 0;
}

int
store_invite_get(struct store *st, const char *uid, int64_t volunteer_id,
    struct store_invite *inv, struct err *err)
{
	static const char sql[] = "SELECT id, uid, volunteer_id, shift_id, "
	    "event_id, sequence, shift_sequence, state, email, name, summary, "
	    "location, start_at, end_at, sent_at, reply_stamp, digest, reasked, "
	    "offer FROM invites "
	    "WHERE uid = ?1 AND volunteer_id = ?2";
	int n;

	store_invite_init(inv);
	n = store_rows(st, store_query(st, err, sql, "ti", uid, volunteer_id),
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
	static const char sql[] = "INSERT INTO invites (uid, volunteer_id, "
	    "shift_id, event_id, sequence, shift_sequence, state, email, name, "
	    "summary, location, start_at, end_at, sent_at, reply_stamp, digest, "
	    "reasked, offer) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15, ?16, ?17, ?18) ON CONFLICT (uid, volunteer_id) DO UPDATE SET "
	    "shift_id = ?3, event_id = ?4, sequence = ?5, shift_sequence = ?6, "
	    "state = ?7, email = ?8, name = ?9, summary = ?10, location = ?11, "
	    "start_at = ?12, end_at = ?13, sent_at = ?14, reply_stamp = ?15, "
	    "digest = ?16, reasked = ?17, offer = ?18";

	return store_run(st, err, sql, "tiiiddtttttiiiitdd", inv->uid,
	    inv->volunteer_id, inv->shift_id, inv->event_id, inv->sequence,
	    inv->shift_sequence, inv->cancelled ? "cancelled" : "sent",
	    inv->email ? inv->email : "", inv->name ? inv->name : "",
	    inv->summary ? inv->summary : "",
	    inv->location ? inv->location : "", inv->start, inv->end,
	    inv->sent_at, inv->reply_stamp, inv->digest ? inv->digest : "",
	    (int)inv->reasked, (int)inv->offer);
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
