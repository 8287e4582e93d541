#!/bin/sh
# SPDX-License-Identifier: ISC
# Issue 15 on the screen at 80x24: staffing counted per shift in the
# events pane and its gaps-only view, over-staffing marked, the picker
# asking before it fills a full shift.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
# Shift 1 (begeleider) 1/2, shift 2 (tolk) 2/1: the event is 3 of 3 by
# head count but one short by shift.
r assign 2 3 --force
r assign 2 2 --force
r shift edit 2 --language ar

tui_start 80 24
sees "main view" "2 Shifts: Taalcafé"
sees_re "events pane: short per shift, over marked" "Taalcafé.*2/3 !\+"
keys '!'
sees_re "gaps-only view: the event is listed short" "Taalcafé.*2/3 !\+"
keys '!'
keys 2 g
sees_re "shifts pane: over-staffed shift marked" "tolk.*2/1 \+"
sees "shifts pane: the shift's language beside its role" "tolk (ar)"
keys j j j s
sees "picker on the full shift" "Assign to tolk"
keys "Moun" Enter
sees "a full shift asks first" "the shift is full (2/1): add Mounia Balakouh anyway? y/n"
keys n
sees "n adds nobody" "cancelled"
keys Escape Escape
lacks "Esc closes the picker" "Assign to tolk"

# The picker's find ignores case and accents: "celik" finds "Çelik".
keys 2 g s
sees "picker on the first shift" "Assign to begeleider"
keys "celik"
sees "find without accents" "李小龍 Zoë Çelik"
lacks "find: others hidden" "ሃብተ ገብረ"
keys Escape Escape
lacks "picker closed" "Assign to begeleider"

# n: a note on the selected assignment, shown under the shift.
keys 2 g j n
sees "n opens the note form" "Note for Mounia Balakouh"
keys "haalt het gezin op" Enter
sees "note saved" "note saved"
sees "the note under the shift" "Mounia Balakouh - haalt"
check "note stored" [ "$(sqlite3 "$DB" "SELECT note FROM assignments WHERE shift_id = 1 AND volunteer_id = 1")" = "haalt het gezin op" ]

# One occurrence of a repeating event: d and c ask how far, with how
# many invited volunteers each choice reaches.
r event add Fietsles --start "$DAY1 10:00" --end "$DAY1 11:00" --repeat "FREQ=DAILY;COUNT=4"
series=$OUT
r shift add "$series" algemeen --needed 2
r assign "$(sqlite3 "$DB" "SELECT min(id) FROM shifts WHERE event_id = $series")" 1 --force
sqlite3 "$DB" "UPDATE assignments SET status = 'invited' WHERE volunteer_id = 1 AND shift_id IN (SELECT id FROM shifts WHERE event_id = $series)"
keys 1
sees "the series listed" "Fietsles"
keys g
sees "on the series' first" "2 Shifts: Fietsles"
keys c
sees "cancel asks how far" "cancel: o this one (1 invited), f this+following 4 (1), a all 4 (1) - 'Fiets"
keys Escape
sees "Esc: nothing cancelled" "cancelled"
keys d
sees "delete asks how far" "delete: o this one (1 invited)"
keys f
sees "this and following deleted" "occurrences deleted"
check "the whole series gone (following from the first)" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE title = 'Fietsles'")" = 0 ]

# A volunteer's unavailable days are listed on the screen (Enter in the
# volunteers pane), among their shifts.
r volunteer unavailable "ሃብተ" --from "$DAY2" --to "$DAY2" --reason vakantie
keys 3 g
sees "volunteers pane" " volunteers "
keys j Enter
sees "the detail opens" "ሃብተ ገብረ: upcoming shifts"
sees_re "an unavailable day listed with its reason" "unavailable: vakantie"
keys Escape
# The volunteer form has them: its title lists them, Away adds or removes.
period=$(sqlite3 "$DB" "SELECT id FROM unavailable WHERE reason = 'vakantie'")
keys e
sees "the form lists the period" "(away: $period "
keys Tab Tab Tab Tab Tab Tab "-$period" Enter
sees "saved" "volunteer saved"
check "the period removed" [ "$(sqlite3 "$DB" "SELECT count(*) FROM unavailable WHERE reason = 'vakantie'")" = 0 ]
keys e
sees "the form again" "Edit volunteer"
keys Tab Tab Tab Tab Tab Tab "$DAY1 $DAY2 ziek" Enter
sees "saved again" "volunteer saved"
check "two whole days added with the reason" [ "$(sqlite3 "$DB" "SELECT end_at - start_at, reason FROM unavailable WHERE reason = 'ziek'")" = "172800|ziek" ]

# The week view shows the language too, and at 80 columns the event
# titles and the names on each shift; its keys act on the selected shift.
keys w
sees "week view: the language" "tolk (ar)"
sees "week view at 80 columns: the title" "Taalcafé"
sees "week view: names on the shift" " Mounia B"
keys j s
sees "s in the week view: the picker on the selected (second) shift" "Assign to tolk"
keys Escape
lacks "picker closed" "Assign to tolk"
keys PgDn
sees_re "PgDn: the next week" "Week .*: 0 shifts"
keys t
sees "t: back to this week" " Mounia B"
keys :
sees ": asks for a date" "Go to a date"
keys "$(date -u -d '+21 days' +%F)" Enter
sees_re ": went to that week" "Week .*: 0 shifts"
# x and r act in the week view on the selected shift's people: its one
# person at once, or the one chosen by a digit.
keys t r
sees "r in the week view: the response asked for its one person" "Mounia Balakouh: a accepted, d declined, t tentative"
keys a
sees "r: recorded" "response recorded: accepted"
check "r: stored" [ "$(sqlite3 "$DB" "SELECT status FROM assignments WHERE shift_id = 1 AND volunteer_id = 1")" = accepted ]
sees "r: the week view stays" "Week "
keys x
sees "x in the week view: asks before removing its one person" "remove Mounia Balakouh from begeleider? y/n"
keys n
check "x answered n: still assigned" [ "$(sqlite3 "$DB" "SELECT count(*) FROM assignments WHERE shift_id = 1")" = 1 ]
keys j x
sees_re "x on a shift of two: asks which by number" "x: who on tolk\? 1 [^,]+, 2 "
keys 1
sees "x 1: removed" "assignment removed"
check "x 1: one left on the shift" [ "$(sqlite3 "$DB" "SELECT count(*) FROM assignments WHERE shift_id = 2")" = 1 ]
sees "x: the week view stays" "Week "
keys r
sees_re "r on the shift's one left: the response asked" ": a accepted, d declined, t tentative"
keys d
sees "r d: recorded" "response recorded: declined"
check "r d: stored" [ "$(sqlite3 "$DB" "SELECT status FROM assignments WHERE shift_id = 2")" = declined ]
keys w
lacks "w closes the week view" "Week "

# C in the events pane copies the selected event with its shifts (not
# its people) to a date typed as the week view's ':' asks for one; a date
# alone keeps the time of day. The copy is selected.
COPYDAY=$(date -u -d '+10 days' +%F)
keys 1 g C
sees "C asks for the copy's start" "Copy 'Taalcafé' ($DAY1 14:00) with its shifts to"
keys "2027-02-30" Enter
sees "an impossible date: the form stays" "Copy 'Taalcafé'"
check "an impossible date: nothing copied" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE title = 'Taalcafé'")" = 1 ]
keys C-u "$COPYDAY" Enter
sees "C: copied" "event copied to $COPYDAY 14:00"
check "C: the copy at the same time of day" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE title = 'Taalcafé' AND start_at = strftime('%s', '$COPYDAY 14:00')")" = 1 ]
check "C: its shifts copied without people" [ "$(sqlite3 "$DB" "SELECT count(s.id), count(a.volunteer_id) FROM events e JOIN shifts s ON s.event_id = e.id LEFT JOIN assignments a ON a.shift_id = s.id WHERE e.start_at = strftime('%s', '$COPYDAY 14:00')")" = "2|0" ]
sees_re "C: the copy selected, its shifts shown" "begeleider.*0/2 !"
keys '?'
sees "the help lists C" "copy the selected event (with its shifts) to a new date"
keys Escape

# The volunteers pane sorts names folded as `volunteer list` does: Ëlla
# with E, between Daan and Frank (not after Z, as bytes would put it).
r volunteer add "Frank Jansen"
r volunteer add "Ëlla de Vries"
r volunteer add "Daan Bakker"
keys 3 g
sees "volunteers pane: the new names" "Daan Bakker"
order=$(screen | grep -oE "Daan Bakker|Ëlla de Vries|Frank Jansen|Mounia Balakouh" | tr '\n' ,)
check "volunteers pane: Ëlla sorts with E ($order)" [ "$order" = "Daan Bakker,Ëlla de Vries,Frank Jansen,Mounia Balakouh," ]

# A key that does nothing says so on the status line.
keys 1
keys x
sees "x in the events pane: says where it does not work" "x: not in the events pane — ? for help"
keys Z
sees "an unbound key: says it does nothing" "Z does nothing here — ? for help"
keys F12
sees "F12: says it does nothing" "F12 does nothing here — ? for help"
keys 3 c
sees "c in the volunteers pane" "c: not in the volunteers pane — ? for help"
quits "quits"

# First start on a UTC server: the plan has no zone, the screen asks for
# its name and zone first; leaving the form leaves the screen.
MAIN_DB=$DB
DB="$TESTDIR/fresh.db"
tui_start 80 24
sees "first start: the plan form" "New plan: its name and time zone"
keys "Taalcafé Utrecht" Tab "Europe/Amsterdam" Enter
sees "first start: saved" "plan 'Taalcafé Utrecht' in Europe/Amsterdam"
check "first start: zone stored" [ "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'time_zone'")" = Europe/Amsterdam ]
check "first start: name stored" [ "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'name'")" = "Taalcafé Utrecht" ]
quits "first start: quits"
DB="$TESTDIR/fresh2.db"
tui_start 80 24
sees "first start again: the plan form" "New plan: its name and time zone"
keys Escape
wait_exit
check "Esc on the plan form leaves the screen" [ "$EXIT" = 0 ]
check "no zone was stored" [ -z "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'time_zone'")" ]
T kill-session -t t > /dev/null 2>&1
DB=$MAIN_DB

# SIGSEGV and SIGABRT: the terminal comes back (modes, cursor, mouse,
# alternate screen) before the signal's default action ends the process.
for pair in SEGV:139 ABRT:134; do
	sig=${pair%:*} want=${pair#*:}
	T kill-session -t t > /dev/null 2>&1
	rm -f "$TESTDIR/pid" "$TESTDIR/exit" "$TESTDIR/stty"
	printf '#!/bin/sh\nulimit -c 0\necho $$ > "%s/pid"\nexec env TERM=xterm-256color "%s" --db "%s"\n' \
	    "$TESTDIR" "$ROOSTER" "$DB" > "$TESTDIR/crash.sh"
	T new-session -d -s t -x 80 -y 24 \
	    "sh $TESTDIR/crash.sh; echo \$? > $TESTDIR/exit; stty -a > $TESTDIR/stty; sleep 600"
	sees "SIG$sig: main view" "2 Shifts: Taalcafé"
	kill -"$sig" "$(cat "$TESTDIR/pid")"
	wait_exit
	check "SIG$sig: killed by the signal it got" [ "$EXIT" = "$want" ]
	_i=0; while [ ! -s "$TESTDIR/stty" ] && [ $_i -lt 50 ]; do sleep 0.1; _i=$((_i + 1)); done
	check "SIG$sig: terminal modes back (echo, canonical)" sh -c "grep -qE '(^| )icanon' '$TESTDIR/stty' && grep -qE '(^| )echo( |$)' '$TESTDIR/stty'"
	check "SIG$sig: alternate screen left" [ "$(T display -p -t t '#{alternate_on}')" = 0 ]
	check "SIG$sig: cursor shown" [ "$(T display -p -t t '#{cursor_flag}')" = 1 ]
	check "SIG$sig: mouse reporting off" [ "$(T display -p -t t '#{mouse_any_flag}')" = 0 ]
	check "SIG$sig: keypad mode off" [ "$(T display -p -t t '#{keypad_cursor_flag}')" = 0 ]
	T kill-session -t t > /dev/null 2>&1
done
finish
