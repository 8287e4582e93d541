#!/bin/sh
# SPDX-License-Identifier: ISC
# A coordinator's flow at 80x24: add an event, add a shift, assign a
# volunteer through the picker, see the staffing change, filter, gaps only,
# help, quit; and the database holds what the screen said.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
DAY3=$(date -u -d '+3 days' +%F)

tui_start 80 24
sees "main view" "2 Shifts: Taalcafé"

# Add an event; a bad date is refused and the typed text stays.
keys a
sees "event form" "New event"
keys "Buurtfeest" Tab "$DAY3 25:00" Tab "$DAY3 12:00" Enter
sees "invalid start refused on the status line" "Start: "
sees "typed title kept after a refused save" "Buurtfeest"
# The refused field has the focus: fix it in place.
keys C-u "$DAY3 13:00" Enter
sees "end before start refused" "before"
keys C-u "$DAY3 15:00" Enter
sees "event added" "event added"
sees "new event listed with its time" "13:00 Buurtfeest"
sees "new event selected: shifts pane follows" "2 Shifts: Buurtfeest"
r event list --format json
json "event stored with the typed times" \
  'any(e["title"]=="Buurtfeest" and e["start"].endswith("13:00:00+00:00") and e["end"].endswith("15:00:00+00:00") for e in j)'

# Add a shift needing 2.
keys 2 a
sees "shift form" "New shift"
keys "begeleider" Tab Tab Tab C-u "two" Enter
sees "needed must be a number" "not a whole number"
keys C-u 2 Enter
sees "shift added" "shift added"
sees "shift shows 0/2 with a gap sign" "0/2 !"

# Assign through the picker: filter as you type.
keys s
sees "picker opens on the shift" "Assign to begeleider"
keys "Moun"
sees "picker filters" "Mounia Balakouh"
lacks "picker hides others" "ሃብተ ገብረ"
keys Enter
sees "assigned" "assigned"
sees "staffing changes to 1/2" "1/2 !"
sees "volunteer listed under the shift" "planned"

# A volunteer with a conflict is greyed with the reason and needs a y.
keys s
sees "picker again" "Assign to begeleider"
keys "李"
sees "conflict reason shown" "skill"
keys Enter
sees "assign anyway asks" "assign anyway? y/n"
keys y
sees "forced assignment" "assigned (forced)"
sees "staffing now 2/2" "2/2"

# Record a response on the selected assignment, then remove one.
keys j r
sees "response question" "a accepted, d declined"
keys a
sees "response recorded" "response recorded: accepted"
keys x
sees "assignment removed" "assignment removed"
sees "back to one assigned" "1/2 !"

# Filter events, gaps only, help.
keys 1 /
sees "filter prompt" "filter: "
keys "Buurt"
lacks "filter hides Taalcafé" "Taalcafé"
keys Enter
sees "filter kept after Enter" "Buurtfeest"
keys Escape
sees "Esc clears the filter" "Taalcafé"
keys !
sees "gaps-only heading" "Events with gaps"
lacks "event without gaps hidden" "Voetbal ADO"
keys !
sees "gaps off again" "Voetbal ADO"
keys '?'
sees "help overlay" "Help: keys"
sees "help lists the assign key" "assign a volunteer"
keys Escape
lacks "help closes" "Help: keys"
keys u
sees "undo not yet" "undo: not available yet"
keys i
sees "invites need the organizer address" "set 'email"

# Delete asks y/n; n keeps.
keys d
sees "delete asks" "y/n"
keys n
sees "n cancels" "cancelled"
quits "q quits"

r gaps --format json
json "database: Buurtfeest shift 1 of 2" \
  'any(s["role"]=="begeleider" and s["assigned"]==1 and s["needed"]==2 for s in j)'
r who "$DAY3" --format json
json "database: the response is recorded" \
  'len(j)==1 and j[0]["status"] in ("accepted","planned")'
finish
