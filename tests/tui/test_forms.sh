#!/bin/sh
# SPDX-License-Identifier: ISC
# Forms for all three kinds, validation that keeps typed text, edit,
# cancel and delete (y/n), one volunteer's upcoming shifts.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

tui_start 80 24
sees "main view" "2 Shifts: Taalcafé"

# Volunteer form: an empty name and a bad e-mail are refused.
keys 3 a
sees "volunteer form" "New volunteer"
keys Tab "not-an-email" Enter
sees "empty name refused" "name"
check "form still open" sh -c "tmux -L $SOCK capture-pane -p -t t | grep -q 'New volunteer'"
keys "Ëlla Dĳkstra" Enter
sees "bad e-mail refused" "e-mail"
sees "typed name kept" "Ëlla Dĳkstra"
keys C-u "ella@example.org" Tab "+31 6 1234" Tab "begeleider, tolk" Tab "nl, ti" Tab "4" Enter
sees "volunteer added" "volunteer added"
sees "listed with skills" "Ëlla Dĳkstra        begeleider,t"
r volunteer list --format json
json "stored with e-mail and languages" \
  'any(v["name"]=="Ëlla Dĳkstra" and v["email"]=="ella@example.org" and v["languages"]=="nl,ti" for v in j)'

# Edit the volunteer: fields come filled in.
keys e
sees "edit form" "Edit volunteer"
sees "edit form filled" "ella@example.org"
keys End " van Dam" Enter
sees "volunteer saved" "volunteer saved"
sees "new name shown" "Ëlla Dĳkstra van Dam"

# Enter: the volunteer's upcoming shifts (Mounia's: Ëlla sorts with E,
# first).
keys g j
sees "second volunteer selected" "Mounia Balakouh"
keys Enter
sees "upcoming shifts box" "Mounia Balakouh: upcoming shifts"
sees "lists the Taalcafé shift" "begeleider"
keys Escape
lacks "box closes" "upcoming shifts"

# Edit an event's title; the shifts pane heading follows.
keys 1 e
sees "event edit form" "Edit event"
keys C-u "Taalcafé Oost" Enter
sees "event saved" "event saved"
sees "new title in pane 2" "2 Shifts: Taalcafé Oost"

# Edit a shift.
keys 2 e
sees "shift edit form" "Edit shift"
keys Tab Tab Tab C-u 4 Enter
sees "shift saved" "shift saved"
sees "needed now 4" "1/4 !"

# Cancel an event (c, y): marked, still listed.
keys 1 j c
sees "cancel asks" "cancel event 'Voetbal ADO'? y/n"
keys y
sees "event cancelled" "event cancelled"
sees "marked cancelled" "cancel"
r event show 2 --format json
json "stored as cancelled" 'j["status"]=="cancelled"'

# Delete an event (d, y).
keys d
sees "delete asks" "delete event 'Voetbal ADO' with its shifts? y/n"
keys y
sees "event deleted" "event deleted"
lacks "gone from the list" "Voetbal ADO"
r event show 2
check "gone from the database" [ "$RC" -ne 0 ]

# Delete a volunteer (3, d, y).
keys 3 G d
sees "volunteer delete asks" "y/n"
keys y
sees "volunteer deleted" "volunteer deleted"
quits "quits"
finish
