#!/bin/sh
# SPDX-License-Identifier: ISC
# The title line counts this week's gaps. The count comes just after the
# first frame (it reads shifts off the screen) and again after every
# change, also one made by another process.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
TODAY=$(date -u +%F)
r init --timezone UTC --name "Titel"
# Today is in this week whatever the weekday: a shift at 00:00 today.
r event add Vroeg --start "$TODAY 00:00" --end "$TODAY 00:30"
r shift add 1 begeleider --needed 2
r shift add 1 tolk --needed 1
r volunteer add Ana --skills begeleider,tolk
r volunteer add Bo --skills begeleider

tui_start 100 24
sees "two short shifts counted" "! 2 gaps this week"
r assign 2 1
sees "one filled elsewhere: counted again" "! 1 gap this week"
r assign 1 2 --force
r assign 1 1 --force
sees "all filled: no gaps" "no gaps this week"
quits "quits"
finish
