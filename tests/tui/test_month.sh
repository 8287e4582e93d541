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

tui_start 80 24
sees "main view" "2 Shifts: Taalcafé"
sees_re "events pane: short per shift, over marked" "Taalcafé.*2/3 !\+"
keys '!'
sees_re "gaps-only view: the event is listed short" "Taalcafé.*2/3 !\+"
keys '!'
keys 2 g
sees_re "shifts pane: over-staffed shift marked" "tolk.*2/1 \+"
keys j j j s
sees "picker on the full shift" "Assign to tolk"
keys "Moun" Enter
sees "a full shift asks first" "the shift is full (2/1): add Mounia Balakouh anyway? y/n"
keys n
sees "n adds nobody" "cancelled"
keys Escape Escape
lacks "Esc closes the picker" "Assign to tolk"
quits "quits"
finish
