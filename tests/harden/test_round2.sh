#!/bin/sh
# SPDX-License-Identifier: ISC
# The second hardening round (issue 13): each defect the review reproduced,
# refused or handled as the issue asks, with nothing else changed.
. "$(dirname "$0")/../lib.sh"

ok_run "a plan in Europe/Amsterdam" init --timezone Europe/Amsterdam
ok_run "an event" event add "Café" --start "2027-01-01 10:00" --end "2027-01-01 11:00"
ok_run "a backup" backup "$TESTDIR/good.db"

# 1. A backup in a zone this system does not know is refused before
# anything is copied; the plan still works.
cp "$TESTDIR/good.db" "$TESTDIR/mars.db"
sqlite3 "$TESTDIR/mars.db" "UPDATE settings SET value = 'Mars/Base' WHERE key = 'time_zone'"
refused "restore: a backup in an unknown zone" 1 "time zone 'Mars/Base'.*not changed" \
    restore "$TESTDIR/mars.db" --yes
r event list --from 2027-01-01
check "restore: the plan still opens after the refusal" [ "$RC" -eq 0 ]
ok_run "restore: init still works after the refusal" init --name Noord

# 1. A plan whose zone left tzdata (as US/Pacific went to tzdata-legacy)
# says so and how to mend it; init, backup, restore and volunteer export
# still work.
mkdir -p "$TESTDIR/zoneinfo"
cp -R /usr/share/zoneinfo/Europe "$TESTDIR/zoneinfo/"
cp /usr/share/zoneinfo/UTC "$TESTDIR/zoneinfo/"
ok_run "legacy zone: a volunteer" volunteer add "Ana" --email ana@example.org
sqlite3 "$DB" "UPDATE settings SET value = 'US/Pacific' WHERE key = 'time_zone'"
export TZDIR="$TESTDIR/zoneinfo"
refused "legacy zone: a lookup names the zone and the way out" 1 \
    "time zone 'US/Pacific' is missing.*tzdata-legacy.*init --timezone" \
    event list --from 2027-01-01
refused "legacy zone: a change too" 1 "'US/Pacific' is missing" \
    volunteer add "Bo"
ok_run "legacy zone: backup works" backup "$TESTDIR/legacy.db"
r volunteer export 1
check "legacy zone: volunteer export works" [ "$RC" -eq 0 ]
json "legacy zone: volunteer export names the volunteer" \
    "j['volunteer']['name'] == 'Ana'"
ok_run "legacy zone: restore works" restore "$TESTDIR/good.db" --yes
sqlite3 "$DB" "UPDATE settings SET value = 'US/Pacific' WHERE key = 'time_zone'"
ok_run "legacy zone: init --timezone to a current name" init --timezone Europe/Amsterdam
r event list --from 2027-01-01
check "legacy zone: the plan works again, times kept" \
    sh -c "[ $RC -eq 0 ] && printf '%s' \"\$1\" | grep -q '2027-01-01 10:00-11:00'" - "$OUT"
unset TZDIR

finish
