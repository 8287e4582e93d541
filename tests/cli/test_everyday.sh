#!/bin/sh
# SPDX-License-Identifier: ISC
# Everyday actions a coordinator's first month needs (issue 15): whole
# unavailable days, listed and removed; a volunteer's teams, team leave,
# rename and delete; names, e-mails and prefixes where ids are asked.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r volunteer add "Ëlla van Dĳk" --email ella@example.org
r volunteer add "Ellen de Boer"
r volunteer add "Bo"
r event add Taalcafé --start "2027-01-05 18:00" --end "2027-01-05 20:00"
r shift add 1 algemeen --needed 3

# Names where ids are asked.
ok_run "assign by a prefix, accents and case ignored" assign 1 "ella van"
r shift show 1 --format json
json "the prefix found Ëlla" '[a["volunteer"] for a in j["assignments"]]==["Ëlla van Dĳk"]'
ok_run "unassign by e-mail in another case" unassign 1 ELLA@Example.org
ok_run "assign by e-mail" assign 1 ella@example.org
# Candidates in name order, Ë with the E's.
refused "an ambiguous prefix lists the candidates" 2 \
    "'ell' could be more than one volunteer: Ëlla van Dĳk \(1\), Ellen de Boer \(2\)" \
    assign 1 ell
refused "an unknown name" 2 "no volunteer is named 'zoë'" assign 1 "zoë"
ok_run "a whole name" assign 1 bo
ok_run "unassign by name" unassign 1 BO

# Names sort and filter without regard to case and accents.
r volunteer list --format json
json "Ë sorts with E" '[v["name"] for v in j]==["Bo","Ëlla van Dĳk","Ellen de Boer"]'
r volunteer list --search ella --format json
json "search: ella finds Ëlla" '[v["name"] for v in j]==["Ëlla van Dĳk"]'

# Unavailable whole days, listed with their ids and reasons, removed.
ok_run "unavailable whole days" volunteer unavailable ella --from 2027-01-06 --to 2027-01-07 --reason vakantie
check "the period is the two whole days" [ "$(sqlite3 "$DB" 'SELECT end_at - start_at FROM unavailable')" = 172800 ]
ok_run "unavailable with times still works" volunteer unavailable 3 --from "2027-01-06 10:00" --to "2027-01-06 12:00"
r volunteer show "Ëlla" --format json
json "volunteer show lists periods with ids and reasons" 'j["unavailable"]==[{"id":1,"start":"2027-01-06T00:00:00+01:00","end":"2027-01-08T00:00:00+01:00","reason":"vakantie"}]'
r volunteer show 1
has "volunteer show: the period's days" "2027-01-06 - 2027-01-07"
has "volunteer show: the reason" "vakantie"
refused "remove another's period" 1 "has no unavailable period 2" volunteer unavailable 1 --remove 2
ok_run "remove a period" volunteer unavailable 1 --remove 1
r volunteer show 1 --format json
json "the period is gone" 'j["unavailable"]==[]'

# Teams.
r team add "Sponsorgroep Haddad"
ok_run "team join by names" team join "sponsorgroep haddad" ella
r team join 1 bo
r volunteer show bo --format json
json "volunteer show lists teams" 'j["teams"]==[{"id":1,"name":"Sponsorgroep Haddad"}]'
ok_run "team leave" team leave 1 bo
r volunteer show bo --format json
json "left the team" 'j["teams"]==[]'
refused "leave a team one is not in" 1 "not in team 1" team leave 1 bo
r team add Buren
refused "rename onto another team's name" 1 "exists already" team rename 1 Buren
ok_run "team rename" team rename 1 "Groep Haddad"
r team list --format json
json "renamed" '"Groep Haddad" in [t["name"] for t in j]'
ok_run "team delete" team delete "groep haddad"
r team list --format json
json "deleted, members stay" '[t["name"] for t in j]==["Buren"]'
r volunteer list --format json
check "volunteers stay" [ "$(printf '%s' "$OUT" | grep -c '"name"')" = 3 ]

# Assignment notes: shown in shift show and in the volunteer's calendar.
r volunteer add "Cas" --email cas@example.org
ok_run "assign --note" assign 1 cas --note "haalt het gezin op om 17:00"
r shift show 1 --format json
json "shift show has the note" '[a["note"] for a in j["assignments"] if a["volunteer"]=="Cas"]==["haalt het gezin op om 17:00"]'
r shift show 1
has "shift show table: the note" "haalt h"
ok_run "assign --note on someone already there changes it" assign 1 cas --note "neemt de sleutel mee"
r export ics --volunteer cas -o "$TESTDIR/cas.ics"
check "the volunteer's calendar carries the note" sh -c "tr -d '\r' < '$TESTDIR/cas.ics' | sed -e ':a' -e 'N' -e '\$!ba' -e 's/\n //g' | grep -q 'For you: neemt de sleutel mee'"
r log --limit 1 --format json
json "the note is logged" 'j[0]["action"]=="note"'

# An event copied as a template: its shifts, not its people.
r shift add 1 tolk --start "2027-01-05 19:00" --end "2027-01-05 20:00" --language ar
ok_run "event copy" event copy 1 --start "2027-01-12 17:30"
check "event copy prints the new id" [ "$OUT" = 2 ]
r event show 2 --format json
json "the copy starts where asked, same length" 'j["start"]=="2027-01-12T17:30:00+01:00" and j["end"]=="2027-01-12T19:30:00+01:00" and j["title"]=="Taalcafé"'
r shift list 2 --format json
json "its shifts at the same offsets, nobody on them" 'sorted((s["role"], s["start"], s["assigned"]) for s in j)==[("algemeen","2027-01-12T17:30:00+01:00",0),("tolk","2027-01-12T18:30:00+01:00",0)]'
refused "event copy without --start" 2 "--start WHEN" event copy 1
refused "event copy of no event" 1 "event 9 not found" event copy 9 --start "2027-01-12 17:30"
finish
