#!/bin/sh
# SPDX-License-Identifier: ISC
# gaps: declined does not count, planned/invited/accepted/tentative do,
# soonest first, with how many are missing; drafts are marked in gaps and
# who. suggest: free people first, then skill, language, fewest shifts in
# the 30 days before, name; people on the shift and inactive ones left out.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
ok_run "later event first" event add Later --start "2027-05-20 10:00" \
    --end "2027-05-20 12:00"
ok_run "sooner event" event add Sooner --start "2027-05-10 10:00" \
    --end "2027-05-10 12:00"
r shift add 1 algemeen --needed 1	# shift 1 (May 20)
r shift add 2 algemeen --needed 5	# shift 2 (May 10)
r shift add 2 tolk --needed 1 --language ar	# shift 3 (May 10)
for n in Ana Bo Cas Dina Eef Fleur; do r volunteer add "$n"; done
r volunteer edit 1 --skills tolk --languages ar,nl
r volunteer edit 2 --languages ar
r volunteer edit 4 --skills tolk --languages nl
for v in 1 2 3 4 5; do r assign 2 $v; done
ok_run "accepted" respond 2 2 accepted
ok_run "tentative" respond 2 3 tentative
ok_run "declined" respond 2 4 declined
sqlite3 "$DB" "UPDATE assignments SET status = 'invited' WHERE volunteer_id = 5"
# shift 2: Ana planned, Bo accepted, Cas tentative, Dina declined,
# Eef invited: 4 of 5.
ok_run "gaps" --format json gaps --from 2027-05-01 --to 2027-05-31
json "gaps soonest first" "[o['id'] for o in j] == [2, 3, 1]"
json "declined does not count, the others do" \
    "j[0]['assigned'] == 4 and j[0]['missing'] == 1 and j[0]['needed'] == 5"
json "drafts counted" "j[0]['planned'] == 1 and j[1]['planned'] == 0"
json "DESIGN keys kept" "all(set(['id','event_id','role','start','end',\
'needed','assigned']) <= set(o) for o in j)"
ok_run "gaps table" gaps --from 2027-05-01 --to 2027-05-31
has "missing column" "MISSING"
has "draft column" "DRAFTS"
ok_run "a full shift is no gap" assign 1 6
r --format json gaps --from 2027-05-01 --to 2027-05-31
json "full shift gone" "[o['id'] for o in j] == [2, 3]"
ok_run "who" who --from 2027-05-10 --to 2027-05-10
has "who marks drafts" "draft"
check "only the planned one is a draft" test "$(printf '%s\n' "$OUT" | \
    grep -c draft)" -eq 1	# Ana
r --format json who --from 2027-05-10 --to 2027-05-10 --all
json "who --all json keeps the status" "sorted(o['status'] for o in j) == \
['accepted','declined','invited','planned','tentative']"
r --format json who --from 2027-05-10 --to 2027-05-10
json "who leaves out who declined (issue 14)" \
    "sorted(o['status'] for o in j) == \
['accepted','invited','planned','tentative']"

# suggest for the interpreter shift (3): tolk + Arabic.
ok_run "inactive volunteer" volunteer edit 6 --active no
r volunteer add Gijs --skills tolk --languages ar	# 7: free, fits
r volunteer add Hans --skills tolk --languages ar	# 8: fits, but busy
r shift add 2 algemeen --start "2027-05-10 09:00" --end "2027-05-10 11:00"
r assign 4 8 --force	# shift 4, overlapping shift 3
# Gijs has had a shift in the 30 days before; Ana none.
r event add Earlier --start "2027-04-20 10:00" --end "2027-04-20 12:00"
r shift add 3 algemeen	# shift 5
r assign 5 7
r volunteer add Ida --skills tolk --languages ar	# 9: free, fits, rested
ok_run "suggest" --format json suggest 3 --limit 0
json "inactive left out" "'Fleur' not in [o['volunteer'] for o in j] \
and len(j) == 8"
# Ana (on shift 2) and Hans (shift 4) are busy; Hans worked at 09:00.
json "free first, fewest recent first" "[o['volunteer'] for o in j][:2] \
== ['Ida', 'Gijs']"
json "fit flags" "j[0]['fits'] == 'yes' and j[0]['recent'] == 0 and \
j[1]['recent'] == 1 and j[2]['fits'] == 'no'"
json "conflicted after: skill, language, recent, name" "[o['volunteer'] \
for o in j][2:] == ['Ana', 'Hans', 'Dina', 'Bo', 'Cas', 'Eef']"
json "busy one says why" "'already on shift 4' in j[3]['reason']"
json "declined shift does not make Dina busy" \
    "j[4]['reason'] == \"Dina does not speak 'ar'\""
json "every one has a reason" "all(o['reason'] for o in j)"
ok_run "Ana on it" assign 3 1 --force
r --format json suggest 3
json "people on the shift are not listed" \
    "'Ana' not in [o['volunteer'] for o in j]"
r --format json suggest 3 --limit 2
json "limit" "len(j) == 2"
refused "suggest unknown shift" 1 "shift 99 not found" suggest 99
refused "suggest bad id" 2 "invalid shift id" suggest x
finish
