#!/bin/sh
# SPDX-License-Identifier: ISC
# The events pane's STAFF cell keeps one column of space before the pane's
# border (issue 15): "8/14 !" touched it. At 80x24.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
r event add "Groot feest" --start "$DAY1 18:00" --end "$DAY1 23:00"
ev=$OUT
r shift add "$ev" bar --needed 14
sh=$OUT
for i in 1 2 3 4 5 6 7 8; do
	r volunteer add "Helper $i"
	r assign "$sh" "$OUT" --force
done

tui_start 80 24
sees "main view" "Groot feest"
sees "the short count shown" "8/14 !"
row=$(screen | grep -F "Groot feest" | head -1)
check "one column of space after the STAFF cell, before the border" \
    sh -c 'printf "%s" "$1" | grep -qE "8/14 ! [│|]"' - "$row"
quits "quits"

finish
