#!/bin/sh
# SPDX-License-Identifier: ISC
# Personal data: export everything about one volunteer; forget them so
# that their e-mail address and phone number are gone from the file and
# its WAL, keeping anonymous counts; files with personal data are private.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r event add Match --start "2027-03-27 14:00" --end "2027-03-27 17:00"
r event add Earlier --start "2025-03-27 14:00" --end "2025-03-27 17:00"
r shift add 1 Steward
r shift add 2 Steward
r volunteer add "Ana Zwart" --email ana.zwart@example.org --phone "+31 6 5555 0123" --notes "no nights"
r volunteer add Bilal --email bilal@example.org
r assign 1 1 --force
r assign 2 1 --force
r attended 2 1 --hours 2.5 --force
r assign 2 2 --force
r volunteer unavailable 1 --from "2027-01-01 00:00" --to "2027-01-02 00:00" --reason "dentist"
r team add Neighbours
r team join 1 1
r volunteer edit 1 --phone "+31 6 5555 0999"
mkdir -p "$XDG_CONFIG_HOME/rooster" "$TESTDIR/outbox"
printf 'name = Mounia\nemail = mounia@example.org\n' > "$XDG_CONFIG_HOME/rooster/config"
r invite --outbox "$TESTDIR/outbox"
check "an invitation was sent to her (its copy is kept in the plan)" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM invites WHERE volunteer_id = 1")" -ge 1 ]

# Export: everything about the one person, as json.
r volunteer export 1
json "export has the volunteer row" \
    'j["volunteer"]["email"] == "ana.zwart@example.org" and j["volunteer"]["notes"] == "no nights"'
json "export has unavailable periods and teams" \
    'j["unavailable"][0]["reason"] == "dentist" and j["teams"][0]["name"] == "Neighbours"'
json "export has assignments with shift and event" \
    'len(j["assignments"]) == 2 and j["assignments"][0]["event"]["title"] in ("Match", "Earlier") and j["assignments"][0]["shift"]["role"] == "Steward"'
json "export has the invitations sent to them" \
    'len(j["invites"]) >= 1 and j["invites"][0]["email"] == "ana.zwart@example.org"'
json "export has the change log about them, with before and after" \
    'any(e["action"] == "volunteer edit" and e["rows"][0]["before"]["phone"] == "+31 6 5555 0123" for e in j["change_log"]) and not any("Bilal" in e["summary"] for e in j["change_log"])'
refused "export of a volunteer that does not exist" 1 "no volunteer 99" volunteer export 99
r volunteer export 1 --output "$TESTDIR/ana.json"
check "export file is created 0600" [ "$(stat -c %a "$TESTDIR/ana.json")" = 600 ]
check "export file holds the json" grep -q '"ana.zwart@example.org"' "$TESTDIR/ana.json"

# Forget: refused without --yes when not on a terminal.
refused "forget without --yes and no terminal" 2 "add --yes to confirm" volunteer forget 1
# On a terminal it asks; "n" changes nothing, "y" forgets.
if command -v script > /dev/null 2>&1; then
	before=$(dump)
	printf 'n\n' | script -qec "'$ROOSTER' --db '$DB' volunteer forget 2" /dev/null > "$TESTDIR/o" 2>&1
	rc=$?
	check "forget asks on a terminal; no: exit 1" [ "$rc" -eq 1 ]
	check "forget asks on a terminal; no: nothing changed" [ "$(dump)" = "$before" ]
	check "the question names the volunteer" grep -q "Forget volunteer 2 (Bilal)?" "$TESTDIR/o"
else
	echo "skip - forget on a terminal (no script(1))"
fi

# Another process keeps the plan open, so the WAL stays while we look at it.
cp "$DB" "$TESTDIR/before.db"
(printf 'SELECT count(*) FROM volunteers;\n.shell sleep 3\n' | sqlite3 "$DB" > /dev/null 2>&1) &
reader=$!
sleep 0.3
r volunteer forget 1 --yes
check "forget with --yes succeeds" [ "$RC" -eq 0 ]
for f in "$DB" "$DB-wal"; do
	[ -e "$f" ] || { not_ok "forget: $(basename "$f") exists"; continue; }
	for s in ana.zwart@example.org "5555 0123" "5555 0999" "Ana Zwart" "no nights" dentist; do
		n=$(grep -c -a -F -- "$s" "$f")
		check "after forget: '$s' is not in $(basename "$f") (found $n)" [ "$n" -eq 0 ]
	done
done
check "before forget the same search finds the address (test can fail)" \
    grep -q -a -F ana.zwart@example.org "$TESTDIR/before.db"
wait "$reader"
r --format json volunteer export 1
json "forgotten: anonymous row, no contact, no periods, no teams" \
    'j["volunteer"]["name"] == "forgotten volunteer" and j["volunteer"]["email"] == "" and j["volunteer"]["phone"] == "" and j["unavailable"] == [] and j["teams"] == []'
json "forgotten: past attendance kept as a count, future shifts left" \
    'len(j["assignments"]) == 1 and j["assignments"][0]["hours"] == 2.5 and j["assignments"][0]["event"]["title"] == "Earlier"'
json "forgotten: only the line that says so is left about them" \
    '[e["action"] for e in j["change_log"]] == ["volunteer forget"] or [e["summary"] for e in j["change_log"]] == ["forgot volunteer 1"]'
check "forgotten: no copies of invitations to them" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM invites WHERE volunteer_id = 1")" -eq 0 ]
r --format json log --limit 100
json "log: others' changes stay" 'any(e["summary"] == "added '"'"'Bilal'"'"'" for e in j)'
r undo
r undo
check "undo cannot bring a forgotten person back" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM volunteers WHERE email LIKE 'ana%'")" -eq 0 ]

# Files with personal data are private: the plan and its WAL, a backup.
check "plan file is 0600" [ "$(stat -c %a "$DB")" = 600 ]
r backup "$TESTDIR/backup.db"
check "backup file is 0600" [ "$(stat -c %a "$TESTDIR/backup.db")" = 600 ]
# In a group-shared (set-group-ID) directory: 0660.
mkdir "$TESTDIR/shared"
chmod 2770 "$TESTDIR/shared"
"$ROOSTER" --db "$TESTDIR/shared/plan.db" volunteer add Shared > /dev/null
check "plan in a shared directory is 0660" [ "$(stat -c %a "$TESTDIR/shared/plan.db")" = 660 ]
"$ROOSTER" --db "$TESTDIR/shared/plan.db" backup "$TESTDIR/shared/backup.db" > /dev/null
check "backup in a shared directory is 0660" [ "$(stat -c %a "$TESTDIR/shared/backup.db")" = 660 ]
"$ROOSTER" --db "$TESTDIR/shared/plan.db" volunteer export 1 --output "$TESTDIR/shared/v.json"
check "export in a shared directory is 0660" [ "$(stat -c %a "$TESTDIR/shared/v.json")" = 660 ]
(umask 0; "$ROOSTER" --db "$TESTDIR/umask.db" volunteer add U > /dev/null)
check "plan is 0600 whatever the umask" [ "$(stat -c %a "$TESTDIR/umask.db")" = 600 ]
finish
