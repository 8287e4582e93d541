#!/bin/sh
# SPDX-License-Identifier: ISC
# An assignment's note on the screen at 80x24, in English and Dutch: the
# name and a long note are cut to fit, with a gap before the status word
# so the two never run together ("Tekle - haa…invited").
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
r init --timezone Europe/Amsterdam --name "Samen Thuis" > /dev/null
r event add "Taalcafé" --start "2030-03-02 19:30" --end "2030-03-02 21:30" > /dev/null
r shift add 1 tolk > /dev/null
r volunteer add "Senait Tekle" --skills tolk > /dev/null
r assign 1 Senait --note "haalt het gezin op om 17:00 bij het station" > /dev/null

tui_start 80 24
sees "shifts pane shows the note" "Senait Tekle - haa"
sees_re "a gap before the status (English)" "Senait Tekle - haa.*… +planned"
# On the shift's own row, the keys for one volunteer ask for one.
keys 2
keys x
sees "unassign on a shift asks for a volunteer" \
    "select a volunteer under the shift to remove"
keys n
sees "a note on a shift asks for a volunteer" \
    "select a volunteer under the shift first"
keys r
sees "respond on a shift asks for a volunteer" \
    "select a volunteer under the shift first"
quits "quits"

tui_start 80 24 LANG=nl_NL.UTF-8 LC_ALL=
sees "Dutch: the note is shown" "Senait Tekle - haa"
sees_re "a gap before the status (Dutch)" "Senait Tekle - haa.*… +gepland"
quits "quits"
finish
