#!/bin/sh
# SPDX-License-Identifier: ISC
# The session of issue 2's "done when", through the command line only.
. "$(dirname "$0")/../lib.sh"

ok_run "init with a zone and a name" init --timezone Europe/Amsterdam --name "Samen Thuis"
check "database file is 0600" [ "$(stat -c %a "$DB")" = 600 ]
ok_run "event add" event add "Voetbal ADO" --start "2027-03-27 14:00" --end "2027-03-27 17:00" --location "Bingoal Stadion"
check "event add prints the id" [ "$OUT" = 1 ]
ok_run "shift add --needed 3" shift add 1 begeleider --needed 3
check "shift add prints the id" [ "$OUT" = 1 ]
ok_run "volunteer add (Unicode)" volunteer add "Ëlla van Dĳk 山田" --skills begeleider --email ella@example.org
ok_run "volunteer add" volunteer add "Fatima El Amrani" --skills begeleider,tolk --languages ar,nl
ok_run "assign 1" assign 1 1
ok_run "assign 2" assign 1 2
r who 2027-03-27 --format json
json "who --format json lists both with statuses" \
  'len(j)==2 and {a["volunteer"] for a in j}=={"Ëlla van Dĳk 山田","Fatima El Amrani"} and all(a["status"]=="planned" and a["shift_id"]==1 for a in j) and all(set(a)=={"shift_id","start","end","event","role","language","volunteer_id","volunteer","status"} for a in j)'
r gaps --from 2027-03-01 --to 2027-03-31
has "gaps shows the shift 2 of 3" "2/3"
r gaps --from 2027-03-01 --to 2027-03-31 --format json
json "gaps json: assigned 2 of needed 3" 'len(j)==1 and j[0]["assigned"]==2 and j[0]["needed"]==3'
r shift show 1 --format json
json "shift show json: start with offset" 'j["start"]=="2027-03-27T14:00:00+01:00" and j["end"]=="2027-03-27T17:00:00+01:00"'
json "shift show json: keys of DESIGN.md" 'all(k in j for k in ("id","event_id","role","start","end","needed","assigned"))'

# Across the DST change: 14:00 on 28 March is 12:00Z.
ok_run "event after DST" event add "Fietsles" --start "2027-03-28 14:00" --end "2027-03-28 16:00"
r event list --from 2027-03-27 --to 2027-03-28 --format json
json "event times either side of DST" '[e["start"] for e in j]==["2027-03-27T14:00:00+01:00","2027-03-28T14:00:00+02:00"]'
check "stored instants are UTC" [ "$(sqlite3 "$DB" 'select group_concat(start_at) from events order by id')" = "1806152400,1806235200" ]
json "event json keys" 'all(set(e)=={"id","uid","title","start","end","location","status","all_day"} for e in j)'

r respond 1 1 accepted
r who 2027-03-27 --format json
json "respond accepted" '[a["status"] for a in j if a["volunteer_id"]==1]==["accepted"]'
r respond 1 2 declined
r gaps --from 2027-03-01 --to 2027-03-31 --format json
json "declined does not count" 'j[0]["assigned"]==1'
ok_run "unassign" unassign 1 2
r shift show 1 --format json
json "unassign removes" 'len(j["assignments"])==1'

ok_run "event edit" event edit 1 --location "De Kuip"
r event show 1 --format json
json "edit bumps SEQUENCE when the place changes" 'j["sequence"]==1 and j["location"]=="De Kuip"'
ok_run "event edit title only" event edit 1 --title "Voetbal ADO – Utrecht"
r event show 1 --format json
json "title change keeps SEQUENCE" 'j["sequence"]==1'
ok_run "event edit moves shifts" event edit 1 --start "2027-03-27 15:00" --end "2027-03-27 18:00"
r shift show 1 --format json
json "shifts move with the event" 'j["start"]=="2027-03-27T15:00:00+01:00"'
ok_run "event cancel" event cancel 1
r event show 1 --format json
json "cancelled" 'j["status"]=="cancelled"'
r gaps --from 2027-03-01 --to 2027-03-31 --format json
json "no gaps on a cancelled event" 'j==[]'

ok_run "team add" team add "Sponsorgroep Haddad"
ok_run "team join" team join 1 1
ok_run "team join 2" team join 1 2
r team list --format json
json "team list" 'j[0]["members"]==2'
ok_run "shift on second event" shift add 2 begeleider --needed 2
ok_run "assign --team" assign 2 --team 1 --force
r shift show 2 --format json
json "team placed" 'len(j["assignments"])==2'

ok_run "unavailable" volunteer unavailable 2 --from "2027-04-01 00:00" --to "2027-04-10 00:00" --reason vakantie
ok_run "volunteer edit" volunteer edit 2 --phone "06-12345678" --max-per-month 4
r volunteer show 2 --format json
json "volunteer show" 'j["phone"]=="06-12345678" and j["max_per_month"]==4'
r volunteer list --search fat --format json
json "volunteer search" '[v["name"] for v in j]==["Fatima El Amrani"]'
r volunteer list --skill tolk --format json
json "volunteer skill filter" '[v["id"] for v in j]==[2]'
ok_run "attended" attended 2 1 --hours 2.5 --force
ok_run "backup" backup "$TESTDIR/backup.db"
check "backup is 0600" [ "$(stat -c %a "$TESTDIR/backup.db")" = 600 ]
check "backup holds the plan" [ "$(sqlite3 "$TESTDIR/backup.db" 'select count(*) from events')" = 2 ]
r log --limit 3 --format json
json "log newest first" 'len(j)==3 and j[0]["id"]>j[1]["id"] and j[0]["action"]=="attended"'
ok_run "shift delete" shift delete 2
ok_run "event delete" event delete 2
ok_run "volunteer delete" volunteer delete 2
r --version
check "--version" [ "$(printf %s "$OUT" | cut -d' ' -f1)" = rooster ]
finish
