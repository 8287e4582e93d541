#!/bin/sh
# SPDX-License-Identifier: ISC
# Stored control characters never reach the terminal: a volunteer named
# with ESC ] 0 ; pwned BEL (an xterm title change) is shown escaped, and
# the title stays. Wide and combining characters align by display width.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
r volunteer add "$(printf 'Evil \033]0;pwned\007 Name')" --skills begeleider
r volunteer add "$(printf 'Bell\007\033[2J Clear')"

tui_start 120 40
T select-pane -t t -T "before" > /dev/null 2>&1
sees "three panes" "3 Volunteers"
sees "OSC title sequence shown escaped" 'Evil \e]0;pwned'
sees "clear-screen sequence shown escaped" 'Bell\x07\e[2J'
check "pane title not changed by the name" sh -c "[ \"\$(tmux -L $SOCK display -p -t t '#{pane_title}')\" != pwned ]"
sees "screen not cleared by the name" "1 Events"

# Alignment: the count column lines up whatever the script of the name.
col() { screen | grep -F -- "$1" | head -1 | python3 -c "
import sys, unicodedata
line = sys.stdin.read().rstrip('\n')
w = 0
for ch in line:
    if unicodedata.combining(ch): continue
    w += 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
print(w)"; }
a=$(col "Mounia Balakouh")
b=$(col "李小龍 Zoë Çelik")
c=$(col "ሃብተ ገብረ")
check "rows of Latin, CJK and Ge'ez names end in the same column" [ "$a" = "$b" ] && [ "$b" = "$c" ]
check "rows fill the full width" [ "$a" -eq 120 ]

# The picker and the assignment rows escape too.
keys 2 s
sees "picker shows the name escaped" 'Evil \e]0;pwned\x07'
keys Escape
quits "quits"
finish
