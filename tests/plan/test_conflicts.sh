#!/bin/sh
# SPDX-License-Identifier: ISC
# Every planning rule refuses an assignment (exit 1, one line on stderr,
# the database unchanged), --force overrides it and marks it, and
# `rooster conflicts` lists every forced conflict with its reason.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam --name Test
# Event 1 (a match, 10:00-18:00), Arabic asked for.
ok_run "add match" event add Match --start "2027-05-01 10:00" \
    --end "2027-05-01 18:00" --languages ar
r shift add 1 algemeen --start "2027-05-01 10:00" --end "2027-05-01 12:00" \
    --needed 3			# shift 1
r shift add 1 algemeen --start "2027-05-01 11:00" --end "2027-05-01 13:00"
				# shift 2: overlaps 1
r shift add 1 algemeen --start "2027-05-01 12:00" --end "2027-05-01 14:00"
				# shift 3: touches 1
r shift add 1 tolk --start "2027-05-01 15:00" --end "2027-05-01 17:00" \
    --language ti		# shift 4: interpreter, Tigrinya
r shift add 1 algemeen --start "2027-05-01 14:30" --end "2027-05-01 15:00"
				# shift 5: 30 min after shift 3
r volunteer add Ana --languages ar,nl			# 1
r volunteer add Bo --languages nl			# 2
r volunteer add Cas --languages ar --max-per-month 1	# 3
r volunteer add Dina --languages ar,ti --skills tolk	# 4
r volunteer unavailable 4 --from "2027-05-01 09:00" --to "2027-05-01 11:30" \
    --reason dentist

ok_run "assign free" assign 1 1
ok_run "touching shift is fine" assign 3 1
refused "overlap refused" 1 "Ana is already on shift 1" assign 2 1
refused "event language refused" 1 "Bo speaks none of the event's languages" \
    assign 1 2
refused "skill refused" 1 "does not have the skill 'tolk'" assign 4 1
refused "shift language refused" 1 "Ana does not have the skill|does not \
speak 'ti'" assign 4 1
refused "unavailable refused" 1 "Dina is unavailable 2027-05-01 09:00-11:30: \
dentist" assign 1 4
ok_run "first shift within the limit" assign 1 3
refused "monthly limit refused" 1 "Cas already has 1 shift in 2027-05 \
\(limit 1\)" assign 3 3
ok_run "no rest rule by default" assign 5 1
ok_run "take it back" unassign 5 1
# Nothing forced yet: no conflicts in the plan.
ok_run "conflicts on a clean plan" conflicts
check "no conflict lines" test "$(printf '%s\n' "$OUT" | wc -l)" -eq 1

ok_run "set the rest rule" init --rest-minutes 60
has "init reports the rest rule" "at least 60 min rest"
refused "rest refused" 1 "Ana would rest only 30 min after shift 3" \
    assign 5 1
refused "rest of -1 is bad usage" 2 "invalid rest minutes" \
    init --rest-minutes -1
refused "unknown shift" 1 "shift 99 not found" assign 99 1

ok_run "force overlap" assign 2 1 --force
ok_run "force language" assign 1 2 --force
ok_run "force unavailable" assign 1 4 --force
ok_run "force limit" assign 3 3 --force
ok_run "force rest" assign 5 1 --force
check "forced marked in the database" test "$(sqlite3 "$DB" \
    'SELECT count(*) FROM assignments WHERE forced = 1')" -eq 5
ok_run "conflicts lists them" conflicts
has "overlap listed" "Ana is already on shift 1"
has "language listed" "Bo speaks none of the event's languages (ar)"
has "unavailable listed" "Dina is unavailable"
has "limit listed" "Cas already has 1 shift in 2027-05 (limit 1)"
has "rest listed" "Ana would rest only 30 min after shift 3"
# Cas's two touching shifts leave no rest: the rule set later shows it.
has "rest of a later rule listed" "Cas would rest only 0 min after shift 1"
has "forced shown" "yes"
# Shift 3 touched shift 1 and was fine; forcing shift 2 between them
# makes shift 3 overlap it: a conflict of its own, not forced.
has "the knock-on overlap is listed" "Ana is already on shift 2"
r --format json conflicts
json "json: one object per conflict, stable keys" \
    "len(j) == 7 and all(set(['shift_id','volunteer_id','volunteer','kind','reason','forced','other_id']) <= set(o) for o in j)"
json "json: kinds" "sorted(o['kind'] for o in j) == \
['language','monthly-limit','overlap','overlap','rest','rest','unavailable']"
json "json: the overlap names the other shift" \
    "[(o['shift_id'], o['other_id'], o['forced']) for o in j \
if o['kind']=='overlap'] == [(2, 1, 'yes'), (3, 2, 'no')]"
ok_run "conflicts in another range" conflicts --from 2027-06-01 \
    --to 2027-06-30
check "nothing in June" test "$(printf '%s\n' "$OUT" | wc -l)" -eq 1
ok_run "conflicts on the day" conflicts --from 2027-05-01 --to 2027-05-01
check "seven in May" test "$(printf '%s\n' "$OUT" | wc -l)" -eq 8
refused "conflicts: bad day" 2 "" conflicts --from someday

# A declined forced assignment is no conflict any more.
ok_run "Bo declines" respond 1 2 declined
r --format json conflicts
json "declined drops out" "len(j) == 6"
# Cancelling the event clears the rest.
ok_run "cancel match" event cancel 1
r --format json conflicts
json "cancelled event has no conflicts" "len(j) == 0"

# A team with one member in conflict: the others are placed.
ok_run "event 2" event add Visit --start "2027-06-05 10:00" \
    --end "2027-06-05 12:00"
r shift add 2 algemeen --needed 3	# shift 6
r team add Sponsors
r team join 1 1
r team join 1 2
r team join 1 4
r volunteer unavailable 2 --from "2027-06-05 00:00" --to "2027-06-06 00:00"
ok_run "team assign places the free ones" assign 6 --team 1
has "Ana placed" "placed"
has "Bo skipped with the reason" "Bo is unavailable"
check "two of three on the shift" test "$(sqlite3 "$DB" \
    'SELECT count(*) FROM assignments WHERE shift_id = 6')" -eq 2
r --format json conflicts --from 2027-06-01
json "team: no forced conflict" "len(j) == 0"

# Skill and language forced too.
r event add Meeting --start "2027-06-10 19:00" --end "2027-06-10 21:00"
r shift add 3 tolk --language ti	# shift 7
refused "skill and language refused" 1 "Ana does not have the skill 'tolk'\
; and more" assign 7 1
ok_run "force skill and language" assign 7 1 --force
r --format json conflicts --from 2027-06-10 --to 2027-06-10
json "both listed, forced" "sorted((o['kind'], o['forced']) for o in j) == \
[('language', 'yes'), ('skill', 'yes')]"

# A skill alone: a role that needs one, no language asked, no limit, no
# unavailable period. Only the skill decides whether the audit lists it.
r event add Kitchen --start "2027-07-01 09:00" --end "2027-07-01 20:00"
kitchen=$OUT
r shift add "$kitchen" kok --start "2027-07-01 09:00" --end "2027-07-01 10:00"
cook=$OUT
r volunteer add Eef --skills kok	# has it
eef=$OUT
r volunteer add Fenna			# lacks it
fenna=$OUT
ok_run "a cook with the skill" assign "$cook" "$eef"
ok_run "force a cook without it" assign "$cook" "$fenna" --force
r --format json conflicts --from 2027-07-01 --to 2027-07-01
json "only the missing skill listed" \
    "[(o['volunteer_id'], o['kind']) for o in j] == [($fenna, 'skill')]"

# A long shift spanning short ones: an overlap names the earlier shift
# that ends last (the one just before when it does, else the first to
# start of those), not simply the shift just before.
r shift add "$kitchen" algemeen --start "2027-07-01 11:00" --end "2027-07-01 19:00"
long=$OUT
r shift add "$kitchen" algemeen --start "2027-07-01 12:00" --end "2027-07-01 13:00"
short=$OUT
r shift add "$kitchen" algemeen --start "2027-07-01 16:00" --end "2027-07-01 19:00"
same_end=$OUT
r shift add "$kitchen" algemeen --start "2027-07-01 17:00" --end "2027-07-01 18:00"
inner=$OUT
r shift add "$kitchen" algemeen --start "2027-07-01 19:00" --end "2027-07-01 19:30"
after=$OUT
ok_run "the long shift" assign "$long" "$eef"
for s in "$short" "$same_end" "$inner" "$after"; do
	r assign "$s" "$eef" --force
done
r --format json conflicts --from 2027-07-01 --to 2027-07-01
json "overlaps name the shift ending last before them" \
    "sorted((o['shift_id'], o['other_id']) for o in j if o['kind'] == 'overlap') == \
sorted([($short, $long), ($same_end, $long), ($inner, $same_end)])"
json "a rest after two ending together names the first of them" \
    "[(o['shift_id'], o['other_id']) for o in j if o['kind'] == 'rest'] == [($after, $long)]"

# Two spellings of a skill are two skills, for assign and for the audit
# alike: "eerste hulp" (with its space, any case) does not cover the role
# "eerstehulp". The audit once took the spaces out and missed it.
r event add Aid --start "2027-08-01 09:00" --end "2027-08-01 12:00"
aid=$OUT
r shift add "$aid" eerstehulp --start "2027-08-01 09:00" \
    --end "2027-08-01 10:00"
aid_joined=$OUT
r shift add "$aid" "eerste hulp" --start "2027-08-01 11:00" \
    --end "2027-08-01 12:00"
aid_spaced=$OUT
r volunteer add Gijs --skills "Eerste Hulp , tolk"
gijs=$OUT
refused "eerste hulp is not eerstehulp" 1 "Gijs does not have the skill \
'eerstehulp'" assign "$aid_joined" "$gijs"
ok_run "force it" assign "$aid_joined" "$gijs" --force
ok_run "the spelling with the space is his" assign "$aid_spaced" "$gijs"
r --format json conflicts --from 2027-08-01 --to 2027-08-01
json "the audit lists the forced skill as assign saw it" \
    "[(o['shift_id'], o['kind']) for o in j] == [($aid_joined, 'skill')]"
finish
