#!/bin/sh
# SPDX-License-Identifier: ISC
# The movement keys everywhere a list scrolls (issue 3): PgUp/PgDn and
# Home/End in the panes, the help overlay and a volunteer's shifts; Esc
# never drops typed text at once (the picker clears its search first, a
# form asks).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
r init --timezone UTC --name "Sleutels"
r volunteer add "Vera Veel" --skills algemeen
r event add "Markt" --start "$(date -u -d tomorrow +%F) 09:00" --end "$(date -u -d tomorrow +%F) 17:00"
# 40 shifts of one event, Vera on each: the shifts pane and her list
# are longer than a screen.
i=1
while [ $i -le 40 ]; do
	h=$(printf '%02d' $((i % 24)))
	d=$(date -u -d "+$((1 + i / 24)) days" +%F)
	r shift add 1 "rol$(printf '%02d' $i)" --start "$d $h:00" --end "$d $h:30" --force
	r assign "$i" 1 --force
	i=$((i + 1))
done

tui_start 80 24
sees "main view" "2 Shifts: Markt"

# Shifts pane: PgDn, End, PgUp, Home.
keys 2 End
sees "End reaches the last shift" "rol40"
lacks "first shift scrolled away" "rol01 "
keys Home
sees "Home back to the first" "rol01"
lacks "last shift scrolled away" "rol40"
keys PgDn PgDn
lacks "PgDn scrolls" "rol01 "
keys PgUp PgUp PgUp
sees "PgUp scrolls back" "rol01"

# Help: End the last line, Home the first, PgDn a whole page.
keys '?'
sees "help" "Help: keys"
first=$(screen | sed -n 3p)
last=$(screen | sed -n 23p)
keys End
sees "End shows the last key" "everywhere quit"
keys Home
# Poll: under load the key may take a moment to be drawn.
home_back() {
	_i=0
	while [ "$_i" -lt 50 ]; do
		[ "$(screen | sed -n 3p)" = "$first" ] && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
check "Home back at the top" home_back
keys PgDn
lacks "PgDn moves" "$first"
# More than a line (old behaviour: one line): the first page's last line
# climbs past the middle (the clamp to the last page stops it there).
at=$(screen | grep -nF -- "$last" | head -1 | cut -d: -f1)
check "PgDn moves more than a line" [ "${at:-99}" -lt 20 ]
keys Escape

# A volunteer's shifts: 40 lines scroll with PgDn/End/Home.
keys 3 g Enter
sees "her shifts" "Vera Veel: upcoming shifts"
sees "first shift" "rol01"
keys End
sees "End: her last shift" "rol40"
lacks "End: first scrolled away" "rol01"
keys Home
sees "Home: first again" "rol01"
keys PgDn
lacks "PgDn scrolls her list" "rol01"
keys PgUp
sees "PgUp back" "rol01"
keys Escape
lacks "Esc closes" "upcoming shifts"

# Picker: Esc first clears what was typed, a second Esc closes.
keys 2 g s
sees "picker" "Assign to rol01"
keys "zzz"
sees "typed search" "Find: zzz"
keys Escape
sees "Esc clears the search" "search cleared"
sees "picker still open" "Assign to rol01"
lacks "typed text gone" "Find: zzz"
keys Escape
lacks "second Esc closes" "Assign to rol01"

# Form: Esc asks before dropping typed text; n keeps it.
keys a "nieuw"
sees "form" "New shift"
keys Escape
sees "asks" "drop what you typed? y/n"
keys n
sees "kept" "nieuw"
keys Escape y
lacks "dropped on y" "New shift"
quits "quits"
finish
