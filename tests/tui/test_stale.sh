#!/bin/sh
# SPDX-License-Identifier: ISC
# Two processes: a form is open on the screen while the command line
# changes the same event, shift or volunteer. Saving then asks; r reloads
# (the typed text is dropped, the new values shown), o overwrites knowingly
# (the typed values saved over the new version); Esc keeps editing.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

tui_start 100 30
sees "main view" "2 Shifts: Taalcafé"

# Event: overwrite knowingly.
keys 1 g e
sees "event form" "Edit event"
keys C-u "Taalcafé Noord"
sees "typed" "Taalcafé Noord"
r event edit 1 --location "Buurthuis"
check "command line edit saved" [ "$RC" -eq 0 ]
keys Enter
sees "stale save asks" "changed by someone else: r reload"
keys Escape
sees "Esc keeps the form" "Edit event"
sees "and what was typed" "Taalcafé Noord"
keys Enter
sees "asks again" "changed by someone else: r reload"
keys o
sees "overwritten" "event saved"
r event show 1 --format json
json "database: typed title saved over the new version" \
  'j["title"]=="Taalcafé Noord"'

# Event: reload drops the typing and shows the other change.
keys e
sees "event form again" "Edit event"
keys C-u "Mijn titel"
r event edit 1 --title "Hun titel"
keys Enter
sees "asks" "changed by someone else: r reload"
keys r
sees "reloaded" "reloaded: what you typed was dropped"
sees "new value in the form" "Hun titel"
lacks "typed text gone" "Mijn titel"
keys Escape
lacks "unchanged form closes without asking" "Edit event"
r event show 1 --format json
json "database: their title kept" 'j["title"]=="Hun titel"'

# Shift: overwrite.
keys 2 g e
sees "shift form" "Edit shift"
keys Tab Tab Tab C-u 5
r shift edit 1 --needed 3
keys Enter
sees "shift stale asks" "changed by someone else: r reload"
keys o
sees "shift overwritten" "shift saved"
r shift show 1 --format json
json "database: needed 5" 'j["needed"]==5'

# Volunteer: reload.
keys 3 g e
sees "volunteer form" "Edit volunteer"
keys C-u "Mounia B."
r volunteer edit 1 --phone "+31 6 5555"
keys Enter
sees "volunteer stale asks" "changed by someone else: r reload"
keys r
sees "volunteer reloaded" "+31 6 5555"
lacks "typed name dropped" "Mounia B."
keys Escape
quits "quits"
r volunteer show 1 --format json
json "database: name kept, phone theirs" \
  'j["name"]=="Mounia Balakouh" and j["phone"]=="+31 6 5555"'
finish
