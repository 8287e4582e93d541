#!/bin/sh
# SPDX-License-Identifier: ISC
# Series scope (issue 15): deleting or cancelling one occurrence of a
# repeating event touches only it, unless --following (it and the later
# ones) or --series (all) is given.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r event add Taalcafé --start "2027-01-05 18:00" --end "2027-01-05 20:00" \
    --repeat "FREQ=WEEKLY;COUNT=6"
r event list --from 2027-01-01 --format json
ids() { r event list --from 2027-01-01 --format json; printf '%s' "$OUT" | python3 -c 'import json,sys; print(" ".join("%d:%s" % (e["id"], e["status"][0]) for e in json.load(sys.stdin)))'; }
check "six occurrences" [ "$(ids)" = "1:c 2:c 3:c 4:c 5:c 6:c" ]

ok_run "cancel one occurrence" event cancel 2
check "only it cancelled" [ "$(sqlite3 "$DB" "SELECT group_concat(id) FROM events WHERE status = 'cancelled'")" = 2 ]
ok_run "cancel this and following" event cancel 5 --following
check "5 and 6 cancelled, not 3 and 4" [ "$(sqlite3 "$DB" "SELECT group_concat(id) FROM (SELECT id FROM events WHERE status = 'cancelled' ORDER BY id)")" = "2,5,6" ]
refused "--series and --following together" 2 "exclude each other" event cancel 3 --series --following

ok_run "delete one occurrence" event delete 3
check "only it deleted" [ "$(sqlite3 "$DB" "SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)")" = "1,2,4,5,6" ]
# The first occurrence alone too: the next takes the rule (test_scope_first.sh).
ok_run "delete the first occurrence alone" event delete 1
check "only it deleted" [ "$(sqlite3 "$DB" "SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)")" = "2,4,5,6" ]
ok_run "delete this and following" event delete 5 --following
check "5 and 6 gone" [ "$(sqlite3 "$DB" "SELECT group_concat(id) FROM (SELECT id FROM events ORDER BY id)")" = "2,4" ]
r event add Solo --start "2027-02-01 10:00" --end "2027-02-01 11:00"
refused "--following on a plain event" 1 "does not repeat" event delete "$OUT" --following
ok_run "delete the series from any occurrence" event delete 4 --series
check "the series gone" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE title = 'Taalcafé'")" = 0 ]
finish
