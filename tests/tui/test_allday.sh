#!/bin/sh
# SPDX-License-Identifier: ISC
# All-day events on the screen: the events pane shows "all day" or the
# number of days instead of midnights, the shifts pane and the week view
# show a shift of whole days the same way (on each day it covers), and the
# event form takes days without times for an all-day event and shows an
# all-day event's days when it opens.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"

DAY3=$(date -u -d '+3 days' +%F)
r init --timezone UTC --name "Samen Thuis"
r event add "Markt" --date "$DAY1"
r event add "Zomerkamp" --date "$DAY1" --to "$DAY3"
r shift add 2 leiding
r shift add 2 kok --start "$DAY2 09:00" --end "$DAY2 12:00"

tui_start 80 24
sees "main view" "Events"
sees_re "one day: all day" " all day +Markt"
sees_re "three days: 3 days" " 3 days +Zomerkamp"
lacks "no midnight in the panes" "00:00"

# The shifts of the camp: whole days as such, the other with its times.
keys j j
sees "kamp selected" "2 Shifts: Zomerkamp"
sees_re "whole-days shift: 3 days" "3 days +leiding"
sees_re "shift with times keeps them" "09:00-12:00 +kok"

# The form: days alone make an all-day event; opening one shows its days.
keys 1 a
sees "event form" "New event"
keys "Open dag" Tab "$DAY2" Tab "$DAY2" Enter
sees "all-day event added" "event added"
r event list --format json
json "stored all day, one day" \
  'any(e["title"]=="Open dag" and e["all_day"] and e["start"]==e["end"]=="'"$DAY2"'" for e in j)'
keys e
sees "edit form" "Edit event"
sees "form holds the day" "$DAY2"
lacks "form: no midnight" "00:00"
keys Escape
keys 1 a "Half" Tab "$DAY2" Tab "$DAY2 10:00" Enter
sees "a day and a time: refused" "both as days"
keys Escape
sees "asks before dropping the typing" "drop what you typed"
keys y
wait_gone "New event"

# The week view: the whole-days shift on each day of the camp.
keys w
sees "week view" "Week "
# Tomorrow is in next week when today is Sunday.
[ "$(date -u +%u)" = 7 ] && keys PgDn
sees "week: whole days shown as such" "all day"
# Tuesday to Thursday, or (from Friday on) the days left of this week.
check "week: the camp's shift on each of its days in this week" sh -c \
  "test \$(tmux -L $SOCK capture-pane -p -t t | grep -o 'all day' | wc -l) -ge \$(( \$(date -u +%u) >= 5 && \$(date -u +%u) < 7 ? 7 - \$(date -u +%u) : 3 ))"
lacks "week: no midnight" "00:00"
quits "quits"
finish
