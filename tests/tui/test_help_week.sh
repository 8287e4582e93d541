#!/bin/sh
# SPDX-License-Identifier: ISC
# The help overlay says where s, x, r and n act: in the shifts pane and
# on the week view's selected shift (they work in both), in English and
# Dutch, at 80x24, nothing cut.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
r init --timezone Europe/Amsterdam --name "Samen Thuis" > /dev/null
r event add "Taalcafé" --start "2030-03-02 19:30" --end "2030-03-02 21:30" > /dev/null

tui_start 80 24 LC_ALL=C.UTF-8
sees "starts" "1 Events"
keys '?'
sees "help" "Help: keys"
sees_re "s: shifts pane and week view" "^ s +shift/week +assign a volunteer"
sees_re "x: shifts pane and week view" "^ x +shift/week +remove the selected assignment"
sees_re "r: shifts pane and week view" "^ r +shift/week +record a response"
keys NPage
sees_re "n: shifts pane and week view" "^ n +shift/week +note on the selected assignment"
lacks "the help cuts nothing" "…"
sees_re "o (offer) stays in the shifts pane only" "^ o +shifts +offer the selected shift"
keys Escape
quits "quits"

tui_start 80 24 LC_ALL= LANG=nl_NL.UTF-8
sees "Dutch: starts" "1 Activiteiten"
keys '?'
sees "Dutch: help" "Hulp: toetsen"
sees_re "Dutch: x in both" "^ x +dienst/week +de gekozen indeling weghalen"
sees_re "Dutch: r in both" "^ r +dienst/week +een antwoord vastleggen"
lacks "Dutch: the first page cuts nothing" "…"
keys NPage
sees_re "Dutch: n in both" "^ n +dienst/week +notitie bij de gekozen indeling"
lacks "Dutch: the second page cuts nothing" "…"
keys Escape
quits "Dutch: quits"
finish
