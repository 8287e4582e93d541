#!/bin/sh
# SPDX-License-Identifier: ISC
# The assign picker (s) lists ops_suggest's ranking: volunteers who fit
# first with why (skill, shifts in the last 30 days), conflicts after them
# marked "-" with their reason, people already on the shift last; typing
# filters the ranked list by name; a conflict asks before forcing.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
r volunteer add "Anna de Tolk" --skills tolk --languages nl

# line_of TEXT: the screen line number holding TEXT (0 if none).
line_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1; }
before() { # NAME A B: A is shown above B
	_a=$(line_of "$2"); _b=$(line_of "$3")
	if [ -n "$_a" ] && [ -n "$_b" ] && [ "$_a" -lt "$_b" ]; then ok "$1"
	else not_ok "$1" "'$2' at line $_a, '$3' at line $_b" "$(screen)"; fi
}

tui_start 100 30
sees "main view" "2 Shifts: Taalcafé"
# Shift 1 (begeleider): Mounia is on it already.
keys 2 g s
sees "picker opens" "Assign to begeleider"
sees "fitting volunteer marked + with why" "+ ሃብተ ገብረ"
sees "reason names the skill" "has skill begeleider"
sees "fairness figure shown" "in 30 days"
sees_re "conflict marked - with its reason" "- 李小龍 Zoë Çelik +.*skill"
sees "already on the shift listed" "already on this shift"
before "fits before conflicts" "+ ሃብተ ገብረ" "- 李小龍"
before "conflicts before already assigned" "- 李小龍" "- Mounia Balakouh"

# Typing filters by name without losing the ranking's reasons.
keys "zo"
sees "filter keeps the match" "李小龍 Zoë Çelik"
lacks "filter hides the rest" "ሃብተ ገብረ"
keys BSpace BSpace "xyz"
sees "nothing matches" "no volunteer matches"
keys BSpace BSpace BSpace
sees "filter cleared shows all again" "+ ሃብተ ገብረ"
keys Escape
lacks "Esc closes the picker" "Assign to begeleider"

# Shift 2 (tolk): Anna fits; Mounia overlaps her own shift 1.
keys j j s
sees "picker on tolk" "Assign to tolk"
before "tolk first" "+ Anna de Tolk" "- Mounia Balakouh"
sees_re "overlap reason shown" "- Mounia Balakouh +.*(overlap|begeleider)"
keys "Moun" Enter
sees "conflict asks before forcing" "assign anyway? y/n"
keys n
sees "n assigns nobody" "cancelled"
sees "picker still open" "Assign to tolk"
keys Enter y
sees "forced" "assigned (forced)"
r who "$DAY1" --format json
json "database: Mounia forced on tolk" \
  'any(a["volunteer_id"]==1 and a["shift_id"]==2 for a in j)'
quits "quits"

# More fit than the first frame ranks (300 with the skill, none busy):
# the first frame shows the best at once, then everyone is ranked, so the
# search finds names past the first hundred and the people already on the
# shift come last.
now=$(date -u +%s)
sqlite3 "$DB" "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
INSERT INTO volunteers (name, skills, created_at)
SELECT printf('Vrijwilliger %04d', i), 'begeleider', $now FROM n;"
tui_start 100 30
sees "main view again" "2 Shifts: Taalcafé"
keys 2 g s
sees "picker on a large plan" "+ Vrijwilliger 0001"
keys "0250"
sees "search reaches past the first hundred" "+ Vrijwilliger 0250"
lacks "search hides the first" "Vrijwilliger 0001"
keys Escape End
sees "End: already on the shift last" "already on this shift"
keys Escape Escape
quits "quits again"
finish
