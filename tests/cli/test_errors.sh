#!/bin/sh
# SPDX-License-Identifier: ISC
# Every bad input: the right exit status, one line on stderr, and the
# database left exactly as it was (sqlite3 .dump identical).
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r event add "Taalcafé" --start "2027-03-27 14:00" --end "2027-03-27 17:00"
r shift add 1 begeleider --needed 2
r volunteer add "Ana" --skills begeleider
r volunteer add "Bo" --skills chauffeur
r assign 1 1

refused "invalid date 2027-02-30" 2 "invalid time" event add X --start "2027-02-30 10:00" --end "2027-03-01 10:00"
refused "time skipped by DST" 2 "does not exist" event add X --start "2027-03-28 02:30" --end "2027-03-28 04:00"
refused "end before start" 2 "ends before it starts" event add X --start "2027-03-27 14:00" --end "2027-03-27 13:00"
refused "end equals start" 2 "ends before it starts" event add X --start "2027-03-27 14:00" --end "2027-03-27 14:00"
refused "missing --end" 2 "needs --start and --end" event add X --start "2027-03-27 14:00"
refused "empty title" 2 "title is empty" event add "" --start "2027-03-27 14:00" --end "2027-03-27 15:00"
refused "blank title" 2 "title is empty" event add "   " --start "2027-03-27 14:00" --end "2027-03-27 15:00"
refused "empty volunteer name" 2 "name is empty" volunteer add ""
refused "bad e-mail" 2 "invalid e-mail" volunteer add "X" --email "not-an-address"
refused "bad number needed" 2 "invalid number needed" shift add 1 tolk --needed -3
refused "non-numeric needed" 2 "invalid number needed" shift add 1 tolk --needed lots
refused "unknown event id" 1 "event 99 not found" event show 99
refused "unknown event for shift" 1 "event 42 not found" shift add 42 tolk
refused "unknown shift" 1 "shift 77 not found" shift show 77
refused "unknown volunteer" 1 "volunteer 55 not found" volunteer show 55
refused "assign unknown volunteer" 1 "volunteer 9 not found" assign 1 9
refused "assign twice" 1 "already on shift 1" assign 1 1
refused "assign without skill" 1 "does not have the skill" assign 1 2
refused "unassign not assigned" 1 "not on shift" unassign 1 2
refused "edit unknown event" 1 "not found" event edit 31 --title X
refused "delete unknown event" 1 "not found" event delete 31
refused "bad id" 2 "invalid event id" event show abc
refused "zero id" 2 "invalid event id" event show 0
refused "unknown command" 2 "unknown command 'frobnicate'" frobnicate
refused "unknown verb" 2 "unknown command" event frobnicate
refused "noun alone" 2 "needs a command" event
refused "unknown option" 2 "unknown option '--colour'" event list --colour
refused "option without value" 2 "needs a value" event list --from
refused "too many arguments" 2 "too many arguments" event show 1 2
refused "bad response" 2 "unknown response" respond 1 1 maybe
refused "bad day" 2 "invalid day" who 2027-13-01
refused "bad format" 2 "unknown format" --format xml event list
refused "unknown zone" 2 "unknown time zone" init --timezone Mars/Olympus
refused "zone path traversal" 2 "unknown time zone" init --timezone ../../etc/passwd
# Issue 15: a plan with events changes zone keeping its local times.
ok_run "zone change with events keeps local times" init --timezone Europe/London
r init --timezone Europe/Amsterdam
r event cancel 1
refused "cancel twice" 1 "already cancelled" event cancel 1
refused "unavailable backwards" 2 "ends before it starts" volunteer unavailable 1 --from "2027-04-02 10:00" --to "2027-04-01 10:00"
refused "hours out of range" 2 "invalid hours" attended 1 1 --hours 500
refused "backup over existing file" 1 "exists already" backup "$DB"

# SQL metacharacters and quotes are data, never SQL.
ok_run "quotes and SQL in text" volunteer add "Robert'); DROP TABLE volunteers;--" --notes "\"quoted\" 'single' ; -- %s %n"
r volunteer list --format json
json "metacharacters stored verbatim" 'any(v["name"]=="Robert'"'"'); DROP TABLE volunteers;--" for v in j)'
long=$(/usr/bin/python3 -c 'print("lang" * 2500)')
ok_run "10,000-character title" event add "$long" --start "2027-05-01 10:00" --end "2027-05-01 11:00"
r event list --from 2027-05-01 --format json
json "long title kept whole" 'len(j[0]["title"])==10000'
r event list --from 2027-05-01
check "long title cut to the terminal in tables" [ "$(printf '%s\n' "$OUT" | awk '{ if (length($0) > m) m = length($0) } END { print m }')" -le 240 ]
toolong=$(/usr/bin/python3 -c 'print("x" * 70000)')
refused "70,000-character title" 2 "too long" event add "$toolong" --start "2027-05-01 10:00" --end "2027-05-01 11:00"
bad=$(printf 'bad\377utf8')
refused "invalid UTF-8" 2 "not valid UTF-8" volunteer add "$bad"
# A shift of a cancelled event no longer books anyone.
r event add "Later" --start "2027-03-27 14:00" --end "2027-03-27 17:00"
r shift add 2 begeleider
ok_run "cancelled event frees the volunteer" assign 2 1
finish
