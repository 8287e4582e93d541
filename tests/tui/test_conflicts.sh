#!/bin/sh
# SPDX-License-Identifier: ISC
# A forced conflict stays visible: assignments in conflict now are marked
# "!!" in the shifts pane (a sign, not only a colour) and the selected
# one's reason is on the status line; one the plan grew into (an
# unavailable period recorded later) is marked too; others are not.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
r assign 1 3 --force
check "forced by the command line" [ "$RC" -eq 0 ]

tui_start 100 30
sees "main view" "2 Shifts: Taalcafé"
sees "forced assignment marked" "!! 李小龍 Zoë Çelik (forced)"
lacks "assignment without conflict unmarked" "!! Mounia"
sees "Mounia listed plainly" "    Mounia Balakouh"
# Select the forced one: its reason on the status line.
keys 2 g j j
sees_re "reason on the status line" "!! conflict: .*skill"
keys k
lacks "no reason for a fine assignment" "!! conflict:"

# Another process records Mounia unavailable over the shift: marked live.
r volunteer unavailable 1 --from "$DAY1 13:00" --to "$DAY1 17:00" --reason "tandarts"
sees "conflict grown into is marked" "!! Mounia Balakouh"
sees_re "its reason shows when selected" "!! conflict: .*(unavailable|tandarts)"
quits "quits"
finish
