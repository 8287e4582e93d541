#!/bin/sh
# SPDX-License-Identifier: ISC
# The change log keeps before and after of every change; `undo` puts back
# the user's own last change (cascades included), is itself logged, walks
# back one change at a time, and refuses when someone changed the rows since.
. "$(dirname "$0")/../lib.sh"

# What people see of the plan, without versions and sequences (which only grow).
state() {
	sqlite3 "$DB" "SELECT 'e', id, title, start_at, end_at, location, status FROM events ORDER BY id;
	    SELECT 's', id, event_id, role, start_at, end_at, needed FROM shifts ORDER BY id;
	    SELECT 'v', id, name, email, phone, skills, active FROM volunteers ORDER BY id;
	    SELECT 'a', id, shift_id, volunteer_id, status, forced FROM assignments ORDER BY id;
	    SELECT 'u', id, volunteer_id, start_at FROM unavailable ORDER BY id;
	    SELECT 't', team_id, volunteer_id FROM team_members ORDER BY 2, 3;"
}

# undone NAME ARGS...: run a change, undo it, and find the plan as before.
undone() {
	_n=$1; shift
	_before=$(state)
	r "$@"
	if [ "$RC" -ne 0 ]; then not_ok "undo $_n" "the change failed: $ERR"; return; fi
	_changed=$(state)
	r undo
	_after=$(state)
	if [ "$RC" -ne 0 ]; then not_ok "undo $_n" "undo failed: $ERR"
	elif [ "$_changed" = "$_before" ]; then not_ok "undo $_n" "the change changed nothing"
	elif [ "$_after" != "$_before" ]; then not_ok "undo $_n" "plan differs after undo" "$(printf '%s\n' "$_before" > "$TESTDIR/b"; printf '%s\n' "$_after" | diff "$TESTDIR/b" - | head -5)"
	else ok "undo $_n"; fi
}

r init --timezone Europe/Amsterdam
refused "undo with nothing to undo" 1 "nothing of yours to undo" undo
r event add Match --start "2027-03-27 14:00" --end "2027-03-27 17:00" --location Stadium
r shift add 1 Steward --needed 2
r shift add 1 Driver
r volunteer add Ana --email ana@example.org --phone "+31 6 1234 5678"
r volunteer add Bilal --email bilal@example.org
r assign 1 1 --force
r assign 2 2 --force
r respond 2 2 accepted
r volunteer unavailable 2 --from "2027-04-01 00:00" --to "2027-04-02 00:00"
r team add Neighbours
r team join 1 1

undone "event add" event add Other --start "2027-04-03 10:00" --end "2027-04-03 12:00"
undone "event edit (shifts move along)" event edit 1 --title "Big match" --start "2027-03-27 15:00" --end "2027-03-27 18:00"
undone "event cancel" event cancel 1
undone "event delete with shifts and assignments" event delete 1
undone "shift add" shift add 1 Cook
undone "shift edit" shift edit 1 --needed 5 --role Host
undone "shift delete with assignments" shift delete 1
undone "volunteer add" volunteer add Chen --phone 123
undone "volunteer edit" volunteer edit 1 --name Anna --email anna@example.org
undone "volunteer delete with assignments, periods, teams" volunteer delete 2
undone "volunteer delete in a team" volunteer delete 1
undone "assign" assign 1 2 --force
undone "unassign" unassign 1 1
undone "respond" respond 1 1 declined
undone "volunteer unavailable" volunteer unavailable 1 --from "2027-05-01 00:00" --to "2027-05-02 00:00"
undone "team join" team join 1 2

# The undo is logged, names what it undid, and the undone change says so.
r --format json log --limit 2
json "undo is logged with the change it undid" \
    'j[0]["action"] == "undo" and j[0]["summary"].startswith("undid change ") and j[1]["undone_by"] == j[0]["id"]'

# Undo walks back: two changes, two undos.
before=$(state)
r event edit 1 --location "Field 2"
r shift edit 2 --needed 3
r undo
r undo
check "two undos put back two changes" [ "$(state)" = "$before" ]

# Every change records before and after of the changed fields.
r event edit 1 --location "Field 3"
r --format json log --limit 1
json "log has before and after of the changed field" \
    'j[0]["rows"][0]["before"]["location"] == "Stadium" and j[0]["rows"][0]["after"]["location"] == "Field 3" and "title" not in j[0]["rows"][0]["after"]'
r --format csv log --limit 1
has "log table shows the change" "location: 'Stadium' -> 'Field 3'"
r undo

# Someone else changed the same event since: refused, naming them.
r event edit 1 --location "Hall A"
r event edit 1 --title "Derby"
sqlite3 "$DB" "UPDATE change_log SET user = 'bob@10.0.0.7' WHERE id = (SELECT max(id) FROM change_log)"
refused "undo refused when someone changed the row since" 1 \
    "cannot undo change [0-9]+: event 1 was changed since by bob@10.0.0.7 \('event edit'" undo

# Someone else added a shift to my new event: undoing the add would take it along.
r event add Picnic --start "2027-06-01 12:00" --end "2027-06-01 15:00"
pid=$OUT
r shift add "$pid" Cook
sqlite3 "$DB" "UPDATE change_log SET user = 'bob' WHERE id = (SELECT max(id) FROM change_log)"
refused "undo refused when it would delete what others added" 1 \
    "cannot undo change [0-9]+: shift [0-9]+ was changed since by bob" undo

# Undo of undo is not offered: the undone change is skipped, older ones follow.
r volunteer add Dana
r undo
r undo
check "a second undo does not redo the first" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM volunteers WHERE name = 'Dana'")" -eq 0 ]
r --format json log --volunteer 1
json "log --volunteer finds the volunteer's changes" \
    'len(j) >= 3 and all(any(x["table"] in ("volunteers","assignments","unavailable","team_members") for x in e["rows"]) or e["entity"] == "volunteer" for e in j)'
r --format json log --event 1
json "log --event finds the event's and its shifts' changes" \
    'len(j) >= 3 and any(e["action"] == "shift add" for e in j) and any(e["action"] == "assign" for e in j)'

# My volunteer delete took an assignment along; then bob deleted its shift.
r volunteer add Esra
vid=$OUT
r shift add 1 Usher
sid=$OUT
r assign "$sid" "$vid" --force
r volunteer delete "$vid"
r shift delete "$sid"
sqlite3 "$DB" "UPDATE change_log SET user = 'bob' WHERE id = (SELECT max(id) FROM change_log)"
refused "undo refused when what it puts back points at a row deleted since" 1 \
    "cannot undo change [0-9]+: assignment [0-9]+ would point at a shift deleted since" undo

# A repeating event: one change writes several rows, and one row twice.
before=$(state)
r event add Cafe --start "2027-03-02 14:00" --end "2027-03-02 16:00" --repeat "FREQ=WEEKLY;COUNT=4"
cafe=$OUT
r shift add "$cafe" Host
r event delete "$cafe" --series
r undo
r undo
r undo
check "undo of a repeating event's delete, shift and add: all refused none" [ "$RC" -eq 0 ]
check "undo of a repeating event's delete, shift and add: plan as before" [ "$(state)" = "$before" ]

# An edit by hand with sqlite3 is not part of my next change, nor undone.
sqlite3 "$DB" "UPDATE volunteers SET notes = 'by hand' WHERE id = 1"
r event edit 1 --location "Hall C"
r undo
check "undo leaves an edit made outside rooster alone" \
    [ "$(sqlite3 "$DB" "SELECT notes FROM volunteers WHERE id = 1")" = "by hand" ]

# A column a later migration adds is kept in history and put back by undo:
# the triggers are remade from the table's columns when the plan is opened.
sqlite3 "$DB" "ALTER TABLE events ADD COLUMN extra TEXT NOT NULL DEFAULT ''; UPDATE events SET extra = 'kept' WHERE id = 1"
r event delete 1
check "history has a column added later" \
    [ "$(sqlite3 "$DB" "SELECT json_extract(before, '$.extra') FROM change_rows WHERE tbl = 'events' ORDER BY id DESC LIMIT 1")" = kept ]
r undo
check "undo puts back a column added later" \
    [ "$(sqlite3 "$DB" "SELECT extra FROM events WHERE id = 1")" = kept ]

# A trigger dropped by hand is made again at the next open: dropping it
# changes the schema version, which sends rooster back to checking.
sqlite3 "$DB" "DROP TRIGGER log_volunteers_upd"
r volunteer edit 1 --notes "after the drop"
r undo
check "a trigger dropped by hand is made again" \
    [ "$(sqlite3 "$DB" "SELECT notes FROM volunteers WHERE id = 1")" = "by hand" ]

# The check is skipped while the schema version is the one noted after
# the last check (settings: history_schema_version): opening a plan costs
# no look at every trigger. Shown by noting a version by hand over a
# dropped trigger, which rooster then does not notice.
sqlite3 "$DB" "DROP TRIGGER log_volunteers_upd"
sqlite3 "$DB" "UPDATE settings SET value = (SELECT schema_version FROM pragma_schema_version) WHERE key = 'history_schema_version'"
r volunteer edit 1 --notes "not in history"
check "no trigger check while the schema version is the noted one" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM change_rows WHERE tbl = 'volunteers' AND json_extract(after, '$.notes') = 'not in history'")" = 0 ]
sqlite3 "$DB" "UPDATE settings SET value = '0' WHERE key = 'history_schema_version'"
r volunteer edit 1 --notes "in history again"
check "a version noted wrong sends rooster back to checking" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM change_rows WHERE tbl = 'volunteers' AND json_extract(after, '$.notes') = 'in history again'")" = 1 ]

# Opening to read never writes, even when the version is new (a backup's
# is one higher): it is noted with the next change rooster makes anyway.
r backup "$TESTDIR/copy.db"
before=$(sha256sum "$TESTDIR/copy.db")
"$ROOSTER" --db "$TESTDIR/copy.db" event list > /dev/null
check "reading a backup leaves its file as it was" [ "$(sha256sum "$TESTDIR/copy.db")" = "$before" ]
check "the new version is not noted by a read" \
    [ "$(sqlite3 "$TESTDIR/copy.db" "SELECT value FROM settings WHERE key = 'history_schema_version'")" != \
      "$(sqlite3 "$TESTDIR/copy.db" "PRAGMA schema_version")" ]
"$ROOSTER" --db "$TESTDIR/copy.db" volunteer edit 1 --notes "noted" > /dev/null
check "the next change notes it" \
    [ "$(sqlite3 "$TESTDIR/copy.db" "SELECT value FROM settings WHERE key = 'history_schema_version'")" = \
      "$(sqlite3 "$TESTDIR/copy.db" "PRAGMA schema_version")" ]
finish
