#!/bin/sh
# SPDX-License-Identifier: ISC
# Commands that change the plan say what they did (issue 15): event
# delete and cancel name what went, how many occurrences, and how many
# invited volunteers are sent a CANCEL; shift add on a series' first
# occurrence says how many later ones got the shift too.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r volunteer add Ann --email ann@example.org
r volunteer add Bob --email bob@example.org
r event add Taalcafé --start "2027-01-05 18:00" --end "2027-01-05 20:00" --repeat "FREQ=WEEKLY;COUNT=4"
ok_run "shift add on a series' first occurrence" shift add 1 gastheer --needed 2
check "it says the later occurrences got it too" [ "$OUT" = "$(printf '1\nalso added to 3 later occurrences')" ]
# Ann answered on the 2nd occurrence, Bob on the 4th; a draft
# (planned) on the 3rd tells nobody.
r assign 2 Ann --force
r respond 2 Ann accepted
r assign 4 Bob --force
r respond 4 Bob tentative
r assign 3 Ann --force

ok_run "event cancel of one occurrence" event cancel 3
check "it says what and how many" [ "$OUT" = "cancelled 'Taalcafé' (1 occurrence); 0 invited volunteers get a CANCEL" ]
ok_run "event cancel --following" event cancel 2 --following
# The 3rd was cancelled already: it is not counted again.
check "--following says how many occurrences and invited volunteers" [ "$OUT" = "cancelled 'Taalcafé' (2 occurrences); 2 invited volunteers get a CANCEL" ]
ok_run "event delete --series" event delete 1 --series
check "--series says all of them" [ "$OUT" = "deleted 'Taalcafé' (4 occurrences); 2 invited volunteers get a CANCEL" ]
r event add Voetbal --start "2027-01-09 14:00" --end "2027-01-09 16:00"
ev=$OUT
r shift add "$ev" begeleider
sh=$OUT
r assign "$sh" Bob --force
r respond "$sh" Bob accepted
ok_run "event delete of an event that does not repeat" event delete "$ev"
check "it says one occurrence and one invited volunteer" [ "$OUT" = "deleted 'Voetbal' (1 occurrence); 1 invited volunteer gets a CANCEL" ]
r event delete "$ev" --format json
check "json output: nothing but the error" [ -z "$OUT" ]
refused "an unknown event is still refused in one line" 1 "not found" event delete 99

# Only the first occurrence's shifts spread: another one's add says its id.
r event add Fietsles --start "2027-02-01 10:00" --end "2027-02-01 11:00" --repeat "FREQ=DAILY;COUNT=3"
first=$OUT
r event cancel $((first + 2))
ok_run "shift add on a later occurrence" shift add $((first + 1)) leraar
check "only its id" [ "$(printf '%s\n' "$OUT" | wc -l)" -eq 1 ]
ok_run "shift add on the first, one later occurrence cancelled" shift add "$first" leraar
check "the cancelled one is not counted" sh -c 'printf "%s\n" "$1" | sed -n 2p | grep -qx "also added to 1 later occurrence"' - "$OUT"
r shift add "$first" hulp --format json
check "json: the id alone" sh -c 'printf "%s" "$1" | python3 -c "import json,sys; j=json.load(sys.stdin); sys.exit(0 if list(j)==[\"id\"] else 1)"' - "$OUT"

finish
