#!/bin/sh
# SPDX-License-Identifier: ISC
# attended and hours: hours served and no-shows per volunteer, in a range,
# as table, csv and json.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r event add Match --start "2027-05-01 10:00" --end "2027-05-01 14:00"
r shift add 1 algemeen --needed 3	# 4 hours
r event add Cafe --start "2027-06-01 19:00" --end "2027-06-01 21:00"
r shift add 2 algemeen --needed 3	# 2 hours
r volunteer add Ana
r volunteer add Bo
r volunteer add Cas
for s in 1 2; do for v in 1 2 3; do r assign $s $v; done; done
ok_run "attended, the shift's length" attended 1 1 --force
ok_run "attended, hours given" attended 2 1 --hours 1.5 --force
ok_run "no-show" attended 1 2 --no-show --force
ok_run "attended" attended 2 2 --force
refused "hours and no-show" 2 "exclude each other" attended 1 3 --no-show \
    --hours 2
refused "not on the shift" 1 "not on shift" attended 1 9
ok_run "hours" --format json hours
json "per volunteer, by name" "[(o['volunteer'], o['attended'], \
o['hours'], o['no_shows']) for o in j] == [('Ana', 2, 5.5, 0), \
('Bo', 1, 2.0, 1)]"
ok_run "hours in May" --format json hours --from 2027-05-01 --to 2027-05-31
json "May only" "[(o['volunteer'], o['hours'], o['no_shows']) for o in j] \
== [('Ana', 4.0, 0), ('Bo', 0, 1)]"
ok_run "csv" --format csv hours
has "csv header" '"volunteer_id","volunteer","attended","hours","no_shows"'
has "csv row" '"1","Ana","2","5.50","0"'
ok_run "table" hours
has "table header" "NO-SHOWS"
refused "bad range" 2 "before" hours --from 2027-06-01 --to 2027-05-01
finish
