/* SPDX-License-Identifier: ISC */
/*
 * Schema migrations: an ordered array of SQL scripts. PRAGMA user_version
 * counts those applied; each runs in its own transaction, so a killed
 * process leaves the file at one version or the next. A script is never
 * edited once released: change the schema by appending. docs/schema.md
 * describes each one.
 */
#include "rooster/store.h"

#include <stdio.h>
#include <string.h>

#include "store_int.h"

/* 'Roos': marks a file as a rooster plan (PRAGMA application_id). */
#define STORE_APPLICATION_ID 0x526f6f73

/*
 * Raise the feed mark of kind k (a quoted letter) and id to the next seq
 * (migration 14).
 */
#define STORE_MIGRATE_FEED_MARK(k, id) \
	"INSERT OR REPLACE INTO feed_marks VALUES (" k ", " id ", " \
	"(SELECT coalesce(max(seq), 0) + 1 FROM feed_marks));"

static const char *const store_migrations[] = {
	/* 1: the foundation */
	"CREATE TABLE settings ("
	"  key TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
	"  description TEXT NOT NULL DEFAULT '',"
	"  location TEXT NOT NULL DEFAULT '',"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL,"
	"  status TEXT NOT NULL DEFAULT 'confirmed'"
	"    CHECK (status IN ('confirmed', 'tentative', 'cancelled')),"
	"  rrule TEXT,"
	"  languages TEXT NOT NULL DEFAULT '',"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  created_at INTEGER NOT NULL,"
	"  updated_at INTEGER NOT NULL,"
	"  CHECK (end_at > start_at)"
	");"
	"CREATE INDEX events_start ON events (start_at);"
	"CREATE TABLE shifts ("
	"  id INTEGER PRIMARY KEY,"
	"  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  role TEXT NOT NULL CHECK (length(trim(role)) > 0),"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL,"
	"  needed INTEGER NOT NULL DEFAULT 1 CHECK (needed >= 0),"
	"  language TEXT NOT NULL DEFAULT '',"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  CHECK (end_at > start_at)"
	");"
	"CREATE INDEX shifts_event ON shifts (event_id, start_at);"
	"CREATE INDEX shifts_start ON shifts (start_at);"
	"CREATE TABLE volunteers ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
	"  email TEXT NOT NULL DEFAULT '',"
	"  phone TEXT NOT NULL DEFAULT '',"
	"  skills TEXT NOT NULL DEFAULT '',"
	"  languages TEXT NOT NULL DEFAULT '',"
	"  max_per_month INTEGER NOT NULL DEFAULT 0 CHECK (max_per_month >= 0),"
	"  notes TEXT NOT NULL DEFAULT '',"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  feed_token TEXT UNIQUE,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  created_at INTEGER NOT NULL"
	");"
	"CREATE INDEX volunteers_name ON volunteers (name COLLATE NOCASE);"
	"CREATE INDEX volunteers_email ON volunteers (lower(email));"
	"CREATE TABLE unavailable ("
	"  id INTEGER PRIMARY KEY,"
	"  volunteer_id INTEGER NOT NULL"
	"    REFERENCES volunteers (id) ON DELETE CASCADE,"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL,"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  CHECK (end_at > start_at)"
	");"
	"CREATE INDEX unavailable_volunteer ON unavailable (volunteer_id, start_at);"
	"CREATE TABLE teams ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)"
	");"
	"CREATE TABLE team_members ("
	"  team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,"
	"  volunteer_id INTEGER NOT NULL"
	"    REFERENCES volunteers (id) ON DELETE CASCADE,"
	"  PRIMARY KEY (team_id, volunteer_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX team_members_volunteer ON team_members (volunteer_id);"
	"CREATE TABLE assignments ("
	"  id INTEGER PRIMARY KEY,"
	"  shift_id INTEGER NOT NULL REFERENCES shifts (id) ON DELETE CASCADE,"
	"  volunteer_id INTEGER NOT NULL"
	"    REFERENCES volunteers (id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN"
	"    ('planned', 'invited', 'accepted', 'declined', 'tentative')),"
	"  attendance TEXT NOT NULL DEFAULT ''"
	"    CHECK (attendance IN ('', 'attended', 'no-show')),"
	"  hours REAL,"
	"  forced INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL,"
	"  UNIQUE (shift_id, volunteer_id)"
	");"
	"CREATE INDEX assignments_volunteer ON assignments (volunteer_id);"
	"CREATE TABLE change_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  user TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  entity TEXT NOT NULL,"
	"  entity_id INTEGER NOT NULL,"
	"  summary TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX change_log_entity ON change_log (entity, entity_id);",
	/*
	 * 2: repeating events. Each occurrence of a series is an events row
	 * of its own; series_id names the series' first row (which holds
	 * the rrule and has series_id = its own id), occurrence_start the
	 * start the rule gave it (its RECURRENCE-ID). The plan settings
	 * table also gains rest_minutes (no schema change). The new indexes
	 * let suggestions and audits scan a window of shifts and their
	 * assignments from indexes alone: shifts by (start_at, end_at,
	 * event_id), assignments by (shift_id, status, volunteer_id), the
	 * few cancelled events and limited volunteers as small sets.
	 */
	"ALTER TABLE events ADD COLUMN series_id INTEGER"
	"  REFERENCES events (id) ON DELETE CASCADE;"
	"ALTER TABLE events ADD COLUMN occurrence_start INTEGER;"
	"CREATE INDEX events_series ON events (series_id, occurrence_start);"
	"CREATE INDEX assignments_shift_status"
	"  ON assignments (shift_id, status, volunteer_id);"
	"DROP INDEX shifts_start;"
	"CREATE INDEX shifts_start ON shifts (start_at, end_at, event_id);"
	"CREATE INDEX events_cancelled ON events (id)"
	"  WHERE status = 'cancelled';"
	"CREATE INDEX volunteers_limited ON volunteers (id)"
	"  WHERE max_per_month > 0 AND active != 0;",
	/*
	 * 3: invitations. One row per shift UID and volunteer that was sent
	 * an iTIP REQUEST: the SEQUENCE on the wire, the shift's SEQUENCE it
	 * answered, and a copy of what the CANCEL will need once the
	 * assignment, shift, event or volunteer is gone (no foreign keys, on
	 * purpose). reply_stamp is the DTSTAMP of the last REPLY applied.
	 */
	"CREATE TABLE invites ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL,"
	"  volunteer_id INTEGER NOT NULL,"
	"  shift_id INTEGER NOT NULL,"
	"  event_id INTEGER NOT NULL,"
	"  sequence INTEGER NOT NULL,"
	"  shift_sequence INTEGER NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('sent', 'cancelled')),"
	"  email TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  summary TEXT NOT NULL,"
	"  location TEXT NOT NULL DEFAULT '',"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL,"
	"  sent_at INTEGER NOT NULL,"
	"  reply_stamp INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (uid, volunteer_id)"
	");"
	"CREATE INDEX invites_state ON invites (state, event_id);",
	/*
	 * 4: row images for the change log.
	 * Triggers (store_history.c, made from each table's columns) put the
	 * before and after of every changed row here as JSON objects; the
	 * change's log line claims them. undoes/undone_by pair an undo with
	 * the change it reversed.
	 */
	"CREATE TABLE change_rows ("
	"  id INTEGER PRIMARY KEY,"
	"  change_id INTEGER REFERENCES change_log (id) ON DELETE CASCADE,"
	"  tbl TEXT NOT NULL,"
	"  row_id INTEGER,"
	"  before TEXT,"
	"  after TEXT"
	");"
	"CREATE INDEX change_rows_change ON change_rows (change_id);"
	"CREATE INDEX change_rows_row ON change_rows (tbl, row_id);"
	"ALTER TABLE change_log ADD COLUMN undoes INTEGER;"
	"ALTER TABLE change_log ADD COLUMN undone_by INTEGER;",
	/*
	 * 5: lookups that stay fast with a million assignments. First,
	 * substring search of volunteers' names and e-mail addresses through
	 * an FTS5 trigram index, so that a search reads the matching rows
	 * instead of every volunteer. It holds no copy of the text (content=
	 * the volunteers table); triggers keep it in step.
	 */
	"CREATE VIRTUAL TABLE volunteers_fts USING fts5(name, email,"
	"  content='volunteers', content_rowid='id', tokenize='trigram');"
	"CREATE TRIGGER volunteers_fts_insert AFTER INSERT ON volunteers BEGIN"
	"  INSERT INTO volunteers_fts (rowid, name, email)"
	"    VALUES (new.id, new.name, new.email);"
	"END;"
	"CREATE TRIGGER volunteers_fts_delete AFTER DELETE ON volunteers BEGIN"
	"  INSERT INTO volunteers_fts (volunteers_fts, rowid, name, email)"
	"    VALUES ('delete', old.id, old.name, old.email);"
	"END;"
	"CREATE TRIGGER volunteers_fts_update AFTER UPDATE OF name, email"
	"  ON volunteers BEGIN"
	"  INSERT INTO volunteers_fts (volunteers_fts, rowid, name, email)"
	"    VALUES ('delete', old.id, old.name, old.email);"
	"  INSERT INTO volunteers_fts (rowid, name, email)"
	"    VALUES (new.id, new.name, new.email);"
	"END;"
	"INSERT INTO volunteers_fts (volunteers_fts) VALUES ('rebuild');"
	/*
	 * A volunteer's assignments with their shift and status in the index
	 * itself: counting a volunteer's shifts in a month, or checking them
	 * for double bookings, then reads no assignments rows.
	 */
	"DROP INDEX assignments_volunteer;"
	"CREATE INDEX assignments_volunteer ON assignments"
	"  (volunteer_id, shift_id, status);"
	/*
	 * Unavailable periods over a shift (suggest): those ending after it
	 * starts, instead of all of them.
	 */
	"CREATE INDEX unavailable_end ON unavailable (end_at);",
	/*
	 * 6: the volunteers by name, with what suggest weighs them by in the
	 * index itself (id second: name order, then id). suggest reads them
	 * in that order until the best are certain, thousands for a rare
	 * skill or language: no table row read per volunteer.
	 */
	"DROP INDEX volunteers_name;"
	"CREATE INDEX volunteers_name ON volunteers (name COLLATE NOCASE, id,"
	"  active, skills, languages, max_per_month);",
	/*
	 * 7: all-day events. Their start_at and end_at stay instants (local
	 * midnights, end exclusive), so conflicts, gaps and lists need no
	 * second case; the flag says to show and export them as dates.
	 */
	"ALTER TABLE events ADD COLUMN all_day INTEGER NOT NULL DEFAULT 0"
	"  CHECK (all_day IN (0, 1));",
	/*
	 * 8: each assignment's conflict state, stored when it is written.
	 * conflict_flags holds the counting assignments plan found in
	 * conflict (by start, so a week's audit reads them through an
	 * index); conflict_dirty the volunteers whose state an edit may have
	 * changed since (every rule is about one volunteer's own shifts),
	 * marked by the triggers below and judged again by ops before the
	 * edit commits (ops_conflict_settle). A plan from before this
	 * starts with all its volunteers to judge.
	 */
	"CREATE TABLE conflict_flags ("
	"  volunteer_id INTEGER NOT NULL,"
	"  shift_id INTEGER NOT NULL,"
	"  start_at INTEGER NOT NULL,"
	"  PRIMARY KEY (volunteer_id, shift_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX conflict_flags_start ON conflict_flags"
	"  (start_at, volunteer_id);"
	/*
	 * What the audit reads of each shift of a volunteer, so that finding
	 * the few in a week reads this small index, not the table's pages.
	 */
	"CREATE INDEX shifts_span ON shifts (id, start_at, end_at, event_id);"
	"CREATE TABLE conflict_dirty ("
	"  volunteer_id INTEGER PRIMARY KEY"
	");"
	"INSERT INTO conflict_dirty SELECT DISTINCT volunteer_id"
	"  FROM assignments;"
	"CREATE TRIGGER conflict_assignment_insert AFTER INSERT ON assignments"
	"  BEGIN INSERT OR IGNORE INTO conflict_dirty"
	"  VALUES (new.volunteer_id); END;"
	"CREATE TRIGGER conflict_assignment_delete AFTER DELETE ON assignments"
	"  BEGIN INSERT OR IGNORE INTO conflict_dirty"
	"  VALUES (old.volunteer_id); END;"
	"CREATE TRIGGER conflict_assignment_update AFTER UPDATE OF"
	"  volunteer_id, shift_id, status ON assignments BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty VALUES (old.volunteer_id);"
	"  INSERT OR IGNORE INTO conflict_dirty VALUES (new.volunteer_id);"
	"END;"
	"CREATE TRIGGER conflict_shift_update AFTER UPDATE OF start_at,"
	"  end_at, role, language, event_id ON shifts BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty SELECT volunteer_id"
	"    FROM assignments WHERE shift_id = new.id;"
	"END;"
	"CREATE TRIGGER conflict_event_update AFTER UPDATE OF status,"
	"  languages ON events BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty SELECT a.volunteer_id"
	"    FROM shifts s JOIN assignments a ON a.shift_id = s.id"
	"    WHERE s.event_id = new.id;"
	"END;"
	"CREATE TRIGGER conflict_volunteer_update AFTER UPDATE OF skills,"
	"  languages, max_per_month, active ON volunteers BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty VALUES (new.id);"
	"END;"
	"CREATE TRIGGER conflict_unavailable_insert AFTER INSERT ON unavailable"
	"  BEGIN INSERT OR IGNORE INTO conflict_dirty"
	"  VALUES (new.volunteer_id); END;"
	"CREATE TRIGGER conflict_unavailable_delete AFTER DELETE ON unavailable"
	"  BEGIN INSERT OR IGNORE INTO conflict_dirty"
	"  VALUES (old.volunteer_id); END;"
	"CREATE TRIGGER conflict_unavailable_update AFTER UPDATE ON unavailable"
	"  BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty VALUES (old.volunteer_id);"
	"  INSERT OR IGNORE INTO conflict_dirty VALUES (new.volunteer_id);"
	"END;"
	/* The rest rule and the zone's months concern everyone. */
	"CREATE TRIGGER conflict_setting_insert AFTER INSERT ON settings"
	"  WHEN new.key IN ('rest_minutes', 'time_zone') BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty SELECT DISTINCT volunteer_id"
	"    FROM assignments;"
	"END;"
	"CREATE TRIGGER conflict_setting_update AFTER UPDATE ON settings"
	"  WHEN new.key IN ('rest_minutes', 'time_zone')"
	"  AND new.value IS NOT old.value BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty SELECT DISTINCT volunteer_id"
	"    FROM assignments;"
	"END;"
	"CREATE TRIGGER conflict_setting_delete AFTER DELETE ON settings"
	"  WHEN old.key IN ('rest_minutes', 'time_zone') BEGIN"
	"  INSERT OR IGNORE INTO conflict_dirty SELECT DISTINCT volunteer_id"
	"    FROM assignments;"
	"END;",
	/*
	 * 9: where an unavailable period came from: '' typed in, or
	 * 'freebusy:<address>' from a volunteer's own calendar (import ics of
	 * a VFREEBUSY), so that a newer free/busy from that address replaces
	 * what the older one said and never what was typed in.
	 */
	"ALTER TABLE unavailable ADD COLUMN source TEXT NOT NULL DEFAULT '';"
	"CREATE INDEX unavailable_source ON unavailable"
	"  (volunteer_id, source, start_at);",
	/* 10: a note on an assignment ("brings the family at 17:00") */
	"ALTER TABLE assignments ADD COLUMN note TEXT NOT NULL DEFAULT '';",
	/*
	 * 11: invitations that respect answers. digest is what the last
	 * REQUEST put in the volunteer's calendar (times, title, place,
	 * description, status), so that an edit and its reverse, or a
	 * delete and its undo, send nothing; reasked marks someone asked
	 * to confirm a new time or place who has not answered yet.
	 */
	"ALTER TABLE invites ADD COLUMN digest TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE invites ADD COLUMN reasked INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX invites_reasked ON invites (shift_id, volunteer_id)"
	"  WHERE reasked != 0;",
	/*
	 * 12: open shifts offered by invite. An assignment may be 'offered'
	 * (sent a REQUEST, first come first served, not booked): the CHECK
	 * gains the word in place, since rebuilding the table would drop
	 * the triggers others hang on it, and RESET makes the connection
	 * read the schema again. invites.offer marks a REQUEST sent as an
	 * offer, so that the CANCEL once the shift is full says "already
	 * filled".
	 */
	"PRAGMA writable_schema = ON;"
	"UPDATE sqlite_schema SET sql = replace(sql,"
	"  '''declined'', ''tentative''))',"
	"  '''declined'', ''tentative'', ''offered''))')"
	"  WHERE type = 'table' AND name = 'assignments';"
	"PRAGMA writable_schema = RESET;"
	"ALTER TABLE invites ADD COLUMN offer INTEGER NOT NULL DEFAULT 0;",
	/*
	 * 13: names matched and sorted without regard to case and accents
	 * through an index. name_folded is text_fold(name) ("Ëlla" is
	 * "ella"), written with the name by store_volunteer.c (filled here
	 * through rooster_fold, store_db.c); volunteers_folded orders by
	 * it, and the trigram index searches it instead of the name, so
	 * "ell" finds Ellen and Ëlla alike. The fill runs without the
	 * history trigger on updates, which store_history.c makes again
	 * with the new column.
	 */
	"DROP TRIGGER IF EXISTS log_volunteers_upd;"
	"ALTER TABLE volunteers ADD COLUMN name_folded TEXT NOT NULL"
	"  DEFAULT '';"
	"UPDATE volunteers SET name_folded = rooster_fold(name);"
	"CREATE INDEX volunteers_folded ON volunteers (name_folded, id);"
	"DROP TRIGGER volunteers_fts_insert;"
	"DROP TRIGGER volunteers_fts_delete;"
	"DROP TRIGGER volunteers_fts_update;"
	"DROP TABLE volunteers_fts;"
	"CREATE VIRTUAL TABLE volunteers_fts USING fts5(name_folded, email,"
	"  content='volunteers', content_rowid='id', tokenize='trigram');"
	"CREATE TRIGGER volunteers_fts_insert AFTER INSERT ON volunteers BEGIN"
	"  INSERT INTO volunteers_fts (rowid, name_folded, email)"
	"    VALUES (new.id, new.name_folded, new.email);"
	"END;"
	"CREATE TRIGGER volunteers_fts_delete AFTER DELETE ON volunteers BEGIN"
	"  INSERT INTO volunteers_fts (volunteers_fts, rowid, name_folded,"
	"    email) VALUES ('delete', old.id, old.name_folded, old.email);"
	"END;"
	"CREATE TRIGGER volunteers_fts_update AFTER UPDATE OF name_folded,"
	"  email ON volunteers BEGIN"
	"  INSERT INTO volunteers_fts (volunteers_fts, rowid, name_folded,"
	"    email) VALUES ('delete', old.id, old.name_folded, old.email);"
	"  INSERT INTO volunteers_fts (rowid, name_folded, email)"
	"    VALUES (new.id, new.name_folded, new.email);"
	"END;"
	"INSERT INTO volunteers_fts (volunteers_fts) VALUES ('rebuild');",
	/*
	 * 14: which feeds changed. export feeds keeps, per directory, the
	 * highest seq it has published; the next export rebuilds only the
	 * calendars the marks since then name: 'v' a volunteer's own ('s'
	 * and 'e' also the plan's), 's' everyone on a shift, 'e' everyone on
	 * an event's shifts. One row per thing, its seq raised by each edit,
	 * so the table stays as small as the plan. Deleting a shift, event or
	 * volunteer reaches the assignments' triggers through the cascade.
	 */
	"CREATE TABLE feed_marks ("
	"  kind TEXT NOT NULL,"
	"  id INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, id)"
	") WITHOUT ROWID;"
	"CREATE INDEX feed_marks_seq ON feed_marks (seq);"
	"CREATE TRIGGER feed_assignment_insert AFTER INSERT ON assignments"
	"  BEGIN " STORE_MIGRATE_FEED_MARK("'v'", "new.volunteer_id")
	"  " STORE_MIGRATE_FEED_MARK("'s'", "new.shift_id") " END;"
	"CREATE TRIGGER feed_assignment_delete AFTER DELETE ON assignments"
	"  BEGIN " STORE_MIGRATE_FEED_MARK("'v'", "old.volunteer_id")
	"  " STORE_MIGRATE_FEED_MARK("'s'", "old.shift_id") " END;"
	"CREATE TRIGGER feed_assignment_update AFTER UPDATE OF volunteer_id,"
	"  shift_id, status ON assignments WHEN old.volunteer_id IS NOT"
	"  new.volunteer_id OR old.shift_id IS NOT new.shift_id OR"
	"  old.status IS NOT new.status BEGIN "
	STORE_MIGRATE_FEED_MARK("'v'", "old.volunteer_id")
	STORE_MIGRATE_FEED_MARK("'v'", "new.volunteer_id")
	STORE_MIGRATE_FEED_MARK("'s'", "old.shift_id")
	STORE_MIGRATE_FEED_MARK("'s'", "new.shift_id") " END;"
	/* The note is said to its volunteer alone. */
	"CREATE TRIGGER feed_assignment_note AFTER UPDATE OF note ON assignments"
	"  WHEN old.note IS NOT new.note BEGIN "
	STORE_MIGRATE_FEED_MARK("'v'", "new.volunteer_id") " END;"
	"CREATE TRIGGER feed_shift_insert AFTER INSERT ON shifts BEGIN "
	STORE_MIGRATE_FEED_MARK("'s'", "new.id") " END;"
	"CREATE TRIGGER feed_shift_update AFTER UPDATE ON shifts BEGIN "
	STORE_MIGRATE_FEED_MARK("'s'", "new.id") " END;"
	"CREATE TRIGGER feed_shift_delete AFTER DELETE ON shifts BEGIN "
	STORE_MIGRATE_FEED_MARK("'s'", "old.id") " END;"
	"CREATE TRIGGER feed_event_insert AFTER INSERT ON events BEGIN "
	STORE_MIGRATE_FEED_MARK("'e'", "new.id") " END;"
	"CREATE TRIGGER feed_event_update AFTER UPDATE ON events BEGIN "
	STORE_MIGRATE_FEED_MARK("'e'", "new.id") " END;"
	"CREATE TRIGGER feed_event_delete AFTER DELETE ON events BEGIN "
	STORE_MIGRATE_FEED_MARK("'e'", "old.id") " END;"
	"CREATE TRIGGER feed_volunteer_insert AFTER INSERT ON volunteers BEGIN "
	STORE_MIGRATE_FEED_MARK("'v'", "new.id") " END;"
	"CREATE TRIGGER feed_volunteer_delete AFTER DELETE ON volunteers BEGIN "
	STORE_MIGRATE_FEED_MARK("'v'", "old.id") " END;"
	/* The token names the file; the name heads it and is on shifts. */
	"CREATE TRIGGER feed_volunteer_update AFTER UPDATE OF name, feed_token"
	"  ON volunteers WHEN old.name IS NOT new.name OR"
	"  old.feed_token IS NOT new.feed_token BEGIN "
	STORE_MIGRATE_FEED_MARK("'v'", "new.id")
	"  INSERT OR REPLACE INTO feed_marks SELECT 's', shift_id,"
	"    (SELECT coalesce(max(seq), 0) + 1 FROM feed_marks)"
	"    FROM assignments WHERE volunteer_id = new.id"
	"    AND old.name IS NOT new.name; END;",
	/*
	 * 15: suggestions in folded name order too (Ë with E in the
	 * picker): volunteers_folded carries what suggest reads of a
	 * volunteer (the name to show, what it weighs them by), as
	 * volunteers_name did (migration 6), which no query reads any more.
	 */
	"DROP INDEX volunteers_name;"
	"DROP INDEX volunteers_folded;"
	"CREATE INDEX volunteers_folded ON volunteers (name_folded, id,"
	"  active, skills, languages, max_per_month, name);",
	/*
	 * 16: the plan's own feed is patched, event by event: a shift that
	 * leaves an event (deleted, or moved to another) and a deleted
	 * occurrence of a series mark what they leave, 'p' (the plan's
	 * feed only) with the event's id, or the series' first row's.
	 */
	"DROP TRIGGER feed_shift_update;"
	"DROP TRIGGER feed_shift_delete;"
	"DROP TRIGGER feed_event_delete;"
	"CREATE TRIGGER feed_shift_update AFTER UPDATE ON shifts BEGIN "
	STORE_MIGRATE_FEED_MARK("'s'", "new.id")
	STORE_MIGRATE_FEED_MARK("'p'", "old.event_id") " END;"
	"CREATE TRIGGER feed_shift_delete AFTER DELETE ON shifts BEGIN "
	STORE_MIGRATE_FEED_MARK("'s'", "old.id")
	STORE_MIGRATE_FEED_MARK("'p'", "old.event_id") " END;"
	"CREATE TRIGGER feed_event_delete AFTER DELETE ON events BEGIN "
	STORE_MIGRATE_FEED_MARK("'e'", "old.id")
	STORE_MIGRATE_FEED_MARK("'p'", "coalesce(old.series_id, 0)") " END;",
	/*
	 * 17: the history triggers give each row image the id of the open
	 * change, if one is open (settings 'change_open', store_log_open),
	 * so that import need not claim 10,000 rows by one UPDATE at its
	 * end. They are made by store_history_sync(), not here: dropped,
	 * they are made again in the new form on this same open.
	 */
	"DROP TRIGGER IF EXISTS log_events_ins;"
	"DROP TRIGGER IF EXISTS log_events_upd;"
	"DROP TRIGGER IF EXISTS log_events_del;"
	"DROP TRIGGER IF EXISTS log_shifts_ins;"
	"DROP TRIGGER IF EXISTS log_shifts_upd;"
	"DROP TRIGGER IF EXISTS log_shifts_del;"
	"DROP TRIGGER IF EXISTS log_volunteers_ins;"
	"DROP TRIGGER IF EXISTS log_volunteers_upd;"
	"DROP TRIGGER IF EXISTS log_volunteers_del;"
	"DROP TRIGGER IF EXISTS log_unavailable_ins;"
	"DROP TRIGGER IF EXISTS log_unavailable_upd;"
	"DROP TRIGGER IF EXISTS log_unavailable_del;"
	"DROP TRIGGER IF EXISTS log_teams_ins;"
	"DROP TRIGGER IF EXISTS log_teams_upd;"
	"DROP TRIGGER IF EXISTS log_teams_del;"
	"DROP TRIGGER IF EXISTS log_team_members_ins;"
	"DROP TRIGGER IF EXISTS log_team_members_upd;"
	"DROP TRIGGER IF EXISTS log_team_members_del;"
	"DROP TRIGGER IF EXISTS log_assignments_ins;"
	"DROP TRIGGER IF EXISTS log_assignments_upd;"
	"DROP TRIGGER IF EXISTS log_assignments_del",
	/*
	 * 18: a volunteer's name by id from a narrow index. `who DAY`, a
	 * shift's people and a volunteer's shifts show only the name; read
	 * from the full rows, 1,329 people of a day read 975 of the large
	 * plan's 2,020 pages of volunteers, from this index 400 of 452.
	 */
	"CREATE INDEX volunteers_names ON volunteers (id, name_folded, "
	"name)",
	/*
	 * 19: what `export feeds DIR` keeps between runs (the files it
	 * wrote, where the plan feed's events lie, what it published) in a
	 * table of its own. In settings, a WITHOUT ROWID table, a lookup of
	 * any other key compared keys against those rows' whole values
	 * (1.85 MB for 50,001 files): 46 of the 122 pages `volunteer show`
	 * read on the large plan.
	 */
	"CREATE TABLE feed_state (dir_key TEXT PRIMARY KEY, value TEXT NOT "
	"NULL);"
	"INSERT INTO feed_state (dir_key, value) SELECT key, value "
	"FROM settings WHERE key GLOB 'feeds_in:*' OR key GLOB 'feeds_at:*' "
	"OR key GLOB 'feeds_plan:*';"
	"DELETE FROM settings WHERE key GLOB 'feeds_in:*' OR "
	"key GLOB 'feeds_at:*' OR key GLOB 'feeds_plan:*'",
};

#define STORE_NMIGRATIONS \
	((int)(sizeof store_migrations / sizeof store_migrations[0]))

int
store_schema_latest(void)
{
	return STORE_NMIGRATIONS;
}

static int
store_migrate_pragma(struct store *st, const char *pragma, int *out,
    struct err *err)
{
	sqlite3_stmt *stmt;
	int rc;

	rc = sqlite3_prepare_v2(st->db, pragma, -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	rc = sqlite3_step(stmt);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    store_fail(st, rc, err);
}

int
store_migrate_check(struct store *st, struct err *err)
{
	int version, app, tables;

	if (store_migrate_pragma(st, "PRAGMA user_version", &version,
	    err) < 0 ||
	    store_migrate_pragma(st, "PRAGMA application_id", &app, err) < 0 ||
	    store_migrate_pragma(st, "SELECT count(*) FROM sqlite_schema",
	    &tables, err) < 0)
		return -1;
	/*
	 * Ours, or a blank file: no application id, no version, no tables.
	 * Another program's id refuses the file even while it is empty.
	 */
	if (app != STORE_APPLICATION_ID &&
	    (app != 0 || version != 0 || tables != 0))
		return err_set(err, ERR_SCHEMA,
		    _("%s is an SQLite file but not "
		    "a rooster plan; nothing was changed"), st->path);
	if (version > STORE_NMIGRATIONS)
		return err_set(err, ERR_SCHEMA, _("%s was written by a newer "
		    "rooster (schema %d; this one knows %d): upgrade rooster"),
		    st->path, version, STORE_NMIGRATIONS);
	return 0;
}

int
store_migrate(struct store *st, struct err *err)
{
	char sql[96];
	int version, rc;

	if (store_migrate_check(st, err) < 0 ||
	    store_migrate_pragma(st, "PRAGMA user_version", &version,
	    err) < 0)
		return -1;
	if (version == STORE_NMIGRATIONS)
		return 0;
	if (st->readonly)
		return err_set(err, ERR_READONLY, _("%s is read-only and needs "
		    "an upgrade to schema %d; open it once with write access"),
		    st->path, STORE_NMIGRATIONS);
	for (; version < STORE_NMIGRATIONS; version++) {
		if (store_begin_write(st, err) < 0)
			return -1;
		rc = sqlite3_exec(st->db, store_migrations[version], NULL,
		    NULL, NULL);
		if (rc == SQLITE_OK) {
			snprintf(sql, sizeof sql, "PRAGMA user_version = %d; "
			    "PRAGMA application_id = %d", version + 1,
			    STORE_APPLICATION_ID);
			rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
		}
		if (rc != SQLITE_OK) {
			store_fail(st, rc, err);
			store_rollback(st);
			return -1;
		}
		if (store_commit(st, err) < 0)
			return -1;
		st->migrated = true;
		log_debug("migrated %s to schema %d", st->path, version + 1);
	}
	return 0;
}
