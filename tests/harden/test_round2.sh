#!/bin/sh
# SPDX-License-Identifier: ISC
# The second hardening round (issue 13): each defect the review reproduced,
# refused or handled as the issue asks, with nothing else changed.
. "$(dirname "$0")/../lib.sh"

ok_run "a plan in Europe/Amsterdam" init --timezone Europe/Amsterdam
ok_run "an event" event add "Café" --start "2027-01-01 10:00" --end "2027-01-01 11:00"
ok_run "a backup" backup "$TESTDIR/good.db"

# 1. A backup in a zone this system does not know is refused before
# anything is copied; the plan still works.
cp "$TESTDIR/good.db" "$TESTDIR/mars.db"
sqlite3 "$TESTDIR/mars.db" "UPDATE settings SET value = 'Mars/Base' WHERE key = 'time_zone'"
refused "restore: a backup in an unknown zone" 1 "time zone 'Mars/Base'.*not changed" \
    restore "$TESTDIR/mars.db" --yes
r event list --from 2027-01-01
check "restore: the plan still opens after the refusal" [ "$RC" -eq 0 ]
ok_run "restore: init still works after the refusal" init --name Noord

# 1. A plan whose zone left tzdata (as US/Pacific went to tzdata-legacy)
# says so and how to mend it; init, backup, restore and volunteer export
# still work.
mkdir -p "$TESTDIR/zoneinfo"
cp -R /usr/share/zoneinfo/Europe "$TESTDIR/zoneinfo/"
cp /usr/share/zoneinfo/UTC "$TESTDIR/zoneinfo/"
ok_run "legacy zone: a volunteer" volunteer add "Ana" --email ana@example.org
sqlite3 "$DB" "UPDATE settings SET value = 'US/Pacific' WHERE key = 'time_zone'"
export TZDIR="$TESTDIR/zoneinfo"
refused "legacy zone: a lookup names the zone and the way out" 1 \
    "time zone 'US/Pacific' is missing.*tzdata-legacy.*init --timezone" \
    event list --from 2027-01-01
refused "legacy zone: a change too" 1 "'US/Pacific' is missing" \
    volunteer add "Bo"
ok_run "legacy zone: backup works" backup "$TESTDIR/legacy.db"
r volunteer export 1
check "legacy zone: volunteer export works" [ "$RC" -eq 0 ]
json "legacy zone: volunteer export names the volunteer" \
    "j['volunteer']['name'] == 'Ana'"
ok_run "legacy zone: restore works" restore "$TESTDIR/good.db" --yes
sqlite3 "$DB" "UPDATE settings SET value = 'US/Pacific' WHERE key = 'time_zone'"
ok_run "legacy zone: init --timezone to a current name" init --timezone Europe/Amsterdam
r event list --from 2027-01-01
check "legacy zone: the plan works again, times kept" \
    sh -c "[ $RC -eq 0 ] && printf '%s' \"\$1\" | grep -q '2027-01-01 10:00-11:00'" - "$OUT"
unset TZDIR

# 2. Repeat rules that give no date, or only by scanning every second,
# are refused in one line before the write lock is taken.
refused "repeat: a secondly rule that never fits" 2 "repeats within a day" \
    event add R --start "2027-01-01 10:00" --end "2027-01-01 11:00" \
    --repeat "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2"
refused "repeat: a daily rule that never fits" 2 "a day its months do not have" \
    event add R --start "2027-01-01 10:00" --end "2027-01-01 11:00" \
    --repeat "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2"
refused "repeat: a rule whose second date is 57 years on" 2 "no date after the first" \
    event add R --start "2027-01-01 10:00" --end "2027-01-01 11:00" \
    --repeat "FREQ=WEEKLY;INTERVAL=3000;COUNT=3"
refused "repeat: edit to a rule that never fits" 2 "a day its months do not have" \
    event edit 1 --repeat "FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31"
cat > "$TESTDIR/secondly.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//hostile//EN
BEGIN:VEVENT
UID:hostile-1@example.org
DTSTAMP:20270101T000000Z
DTSTART:20270101T100000Z
DTEND:20270101T110000Z
SUMMARY:Never
RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2
END:VEVENT
END:VCALENDAR
ICS
cat > "$TESTDIR/minutely-zone.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//hostile//EN
BEGIN:VTIMEZONE
TZID:Hostile
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0100
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700101T000000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=MINUTELY
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:hostile-2@example.org
DTSTAMP:20270101T000000Z
DTSTART;TZID=Hostile:20270101T100000
DTEND;TZID=Hostile:20270101T110000
SUMMARY:Zone
END:VEVENT
END:VCALENDAR
ICS
refused "repeat: import ics of a secondly rule" 2 "line 4: repeat rule .* within a day" \
    import ics "$TESTDIR/secondly.ics"
refused "repeat: import ics of a zone that changes every minute" 2 \
    "line 4: time zone 'Hostile' changes by a rule that is not yearly" \
    import ics "$TESTDIR/minutely-zone.ics"
# With another coordinator holding the write lock, the refusal is the
# rule's, not a wait for the lock.
(printf 'BEGIN IMMEDIATE;\nINSERT INTO settings VALUES ("held", "1");\n.shell sleep 4\nROLLBACK;\n' |
    sqlite3 "$DB" > /dev/null 2>&1) &
holder=$!
sleep 0.5
refused "repeat: refused before the lock (event add)" 2 "repeats within a day" \
    event add R --start "2027-01-01 10:00" --end "2027-01-01 11:00" \
    --repeat "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2"
refused "repeat: refused before the lock (import ics)" 2 "within a day" \
    import ics "$TESTDIR/secondly.ics"
refused "repeat: refused before the lock (a zone in import ics)" 2 "not yearly" \
    import ics "$TESTDIR/minutely-zone.ics"
wait "$holder"
ok_run "repeat: a fair rule still works" event add Weekly --start "2027-01-05 19:00" \
    --end "2027-01-05 21:00" --repeat "FREQ=WEEKLY;COUNT=3"
r event list --from 2027-01-01 --format csv
check "repeat: the fair rule gave three rows" [ "$(printf '%s\n' "$OUT" | grep -c Weekly)" -eq 3 ]
printf 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//t//EN\nBEGIN:VEVENT\nUID:p-1@example.org\nDTSTAMP:20270101T000000Z\nDTSTART:20270104T100000Z\nDTEND:20270104T110000Z\nSUMMARY:Piped\nRRULE:FREQ=DAILY;COUNT=2\nEND:VEVENT\nEND:VCALENDAR\n' |
    "$ROOSTER" --db "$DB" import ics - > "$TESTDIR/out" 2> "$TESTDIR/err"
check "repeat: import ics from a pipe still reads it twice" [ $? -eq 0 ]

# 3. The formula guard goes inside the field, and what is exported
# imports back identical.
DB="$TESTDIR/csv.db"
ok_run "csv: a plan" init --timezone Europe/Amsterdam
ok_run "csv: a hostile name" volunteer add "=x,=cmd|' /C calc'!A0," --notes "'=already guarded"
ok_run "csv: a tab-led note" volunteer add "Tab" --notes "$(printf '\t=1+1')" --phone "+31 6 1234 5678"
ok_run "csv: a name with edge spaces" volunteer add " Ana  " --notes "$(printf 'two\nlines')"
ok_run "csv: a plus name" volunteer add "+Bo" --notes "''two quotes"
ok_run "csv: export" export csv volunteers -o "$TESTDIR/v.csv"
check "csv: the guard is inside the quotes" grep -qF "\"'=x,=cmd|' /C calc'!A0,\"" "$TESTDIR/v.csv"
# no_formula FILE: no CSV cell of FILE starts as a spreadsheet formula.
no_formula() {
	/usr/bin/python3 -c 'import csv, sys
f = open(sys.argv[1], encoding="utf-8-sig", newline="")
def formula(c):
    if c[:1] in ("=", "@", "\t", "\r"):
        return True
    return c[:1] in ("+", "-") and any(ch not in "0123456789 +-()./" for ch in c)
sys.exit(1 if any(formula(c) for row in csv.reader(f) for c in row) else 0)' "$1"
}
check "csv: no cell starts as a formula" no_formula "$TESTDIR/v.csv"
vols() { sqlite3 "$1" "SELECT name, email, phone, notes FROM volunteers ORDER BY name"; }
DB="$TESTDIR/csv2.db"
ok_run "csv: a second plan" init --timezone Europe/Amsterdam
ok_run "csv: rooster's own export imports" import csv "$TESTDIR/v.csv"
check "csv: import gives back exactly what was exported" [ "$(vols "$TESTDIR/csv.db")" = "$(vols "$TESTDIR/csv2.db")" ]
DB="$TESTDIR/csv.db"
r --format csv volunteer list
check "csv: --format csv lookups guard inside the field too" \
    sh -c "printf '%s' \"\$1\" | grep -qF '\"'\"'\"'=x,=cmd'" - "$OUT"
printf '%s\n' "$OUT" > "$TESTDIR/list.csv"
check "csv: --format csv has no cell that starts as a formula" no_formula "$TESTDIR/list.csv"

# 4. Escape sequences in stored text reach no terminal through CSV; to a
# file or a pipe the data stays as stored.
DB="$TESTDIR/plan.db"
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:esc-1@example.org\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270301T100000Z\r\nDTEND:20270301T110000Z\r\nSUMMARY:Clip\033]52;c;ZXZpbA==\007 and \033]0;title\007\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > "$TESTDIR/esc.ics"
ok_run "escape: an event titled with OSC 52 and OSC 0" import ics "$TESTDIR/esc.ics"
TERM=xterm script -qec "$ROOSTER --db $DB --format csv event list --from 2027-03-01 --to 2027-03-02" /dev/null > "$TESTDIR/tty.out" 2>&1
check "escape: --format csv to a terminal shows no ESC" sh -c "! grep -q \"\$(printf '\033')\" '$TESTDIR/tty.out' && grep -qF 'Clip' '$TESTDIR/tty.out'"
ok_run "escape: a note with OSC 0" volunteer add "Esc" --notes "$(printf 'a\033]0;title\007b')"
TERM=xterm script -qec "$ROOSTER --db $DB export csv volunteers" /dev/null > "$TESTDIR/tty2.out" 2>&1
check "escape: export csv to a terminal shows no ESC" sh -c "! grep -q \"\$(printf '\033')\" '$TESTDIR/tty2.out' && grep -q 'Esc' '$TESTDIR/tty2.out'"
r --format csv event list --from 2027-03-01 --to 2027-03-02
check "escape: to a pipe the title stays as stored" sh -c "printf '%s' \"\$1\" | grep -q \"\$(printf '\033')]52\"" - "$OUT"

# 7. export ics -o is private like every export, whatever the umask.
(umask 022; "$ROOSTER" --db "$DB" export ics -o "$TESTDIR/plan.ics" > /dev/null 2>&1)
check "export ics -o: mode 0600 under umask 022" [ "$(stat -c %a "$TESTDIR/plan.ics")" = 600 ]

# 10. A backup killed half-way (here by the file size limit) leaves no
# file under the target's name, so the retry works.
/usr/bin/python3 -c 'print("name,email,notes")
for i in range(3000):
    print("Many %d,many%d@example.org,%s" % (i, i, "x" * 200))' > "$TESTDIR/many.csv"
ok_run "backup: a plan of some size" import csv "$TESTDIR/many.csv"
(ulimit -f 400; exec "$ROOSTER" --db "$DB" backup "$TESTDIR/killed.db") > /dev/null 2>&1
check "backup: a killed backup leaves no target" [ ! -e "$TESTDIR/killed.db" ]
rm -f "$TESTDIR"/.killed.db.*
ok_run "backup: the retry works" backup "$TESTDIR/killed.db"
refused "backup: an existing target is still refused" 1 "exists already" backup "$TESTDIR/killed.db"

# 8. Undo stops at a restore or a forget instead of reaching past it.
DB="$TESTDIR/undo.db"
ok_run "undo: a plan" init --timezone Europe/Amsterdam
ok_run "undo: an event before the backup" event add Old --start "2027-02-01 10:00" --end "2027-02-01 11:00"
ok_run "undo: the backup" backup "$TESTDIR/undo-backup.db"
ok_run "undo: an event after the backup" event add New --start "2027-02-02 10:00" --end "2027-02-02 11:00"
ok_run "undo: restore" restore "$TESTDIR/undo-backup.db" --yes
refused "undo: not past a restore" 1 "cannot undo change [0-9]+ \(event add\): the plan was restored" undo
ok_run "undo: a volunteer" volunteer add "Gone Soon" --email gone@example.org
ok_run "undo: another volunteer" volunteer add "Stays"
ok_run "undo: forget the first" volunteer forget 1 --yes
refused "undo: not past a forget" 1 "a volunteer was forgotten after it" undo

# 10 (low). Hours must be a number from 0 to 168: NaN, infinity and
# negative ones are refused; dates outside 1970-2200 say the range.
DB="$TESTDIR/low.db"
ok_run "low: a plan" init --timezone Europe/Amsterdam
ok_run "low: an event" event add Past --start "2026-01-05 10:00" --end "2026-01-05 12:00"
ok_run "low: a shift" shift add 1 helper
ok_run "low: a volunteer" volunteer add "Long $(printf '%01000d' 0)" --email long@example.org
ok_run "low: on the shift" assign 1 1 --force
for h in nan NaN inf -inf -1 169; do
	refused "low: --hours $h refused" 2 "invalid hours '$h'" attended 1 1 --hours "$h"
done
refused "low: a time before 1970 names the range" 2 "outside the years 1970 to 2200" \
    event add Early --start "1969-12-31 10:00" --end "1969-12-31 11:00"
refused "low: a day after 2200 names the range" 2 "outside the years 1970 to 2200" \
    event list --from 2201-01-01
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:old-1@example.org\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:19000301T100000Z\r\nDTEND:19000301T110000Z\r\nSUMMARY:Old\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > "$TESTDIR/1900.ics"
r import ics "$TESTDIR/1900.ics"
check "low: an .ics from 1900 names the range, not the order" \
    sh -c "grep -q 'outside the years 1970 to 2200' '$TESTDIR/err' && ! grep -q 'ends before it starts' '$TESTDIR/err'"
check "low: and nothing of 1900 was stored" [ "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE start_at < 0")" -eq 0 ]
# A --db value is a file name, never an SQLite URI.
(cd "$TESTDIR" && "$ROOSTER" --db 'file:uri.db?mode=memory' volunteer add Kept > /dev/null 2>&1)
check "low: --db 'file:...?mode=memory' is a file" [ -s "$TESTDIR/file:uri.db?mode=memory" ]
(cd "$TESTDIR" && "$ROOSTER" --db 'file:uri.db?mode=memory' volunteer list > "$TESTDIR/uri.out" 2>&1)
check "low: and keeps what is written" grep -q Kept "$TESTDIR/uri.out"
# A name of 1,000 characters makes no header line over 998.
mkdir -p "$XDG_CONFIG_HOME/rooster" "$TESTDIR/outbox"
printf '#!/bin/sh\ncat > "%s/mail.$$"\n' "$TESTDIR" > "$TESTDIR/fake-sendmail"
chmod +x "$TESTDIR/fake-sendmail"
printf 'name = Mounia Balakouh\nemail = mounia@example.org\nsendmail = %s\n' "$TESTDIR/fake-sendmail" > "$XDG_CONFIG_HOME/rooster/config"
ok_run "low: a future event" event add Future --start "2027-06-01 10:00" --end "2027-06-01 12:00"
ok_run "low: its shift" shift add 2 helper
ok_run "low: the long name on it" assign 2 1 --force
ok_run "low: an invite to the long name" invite --send
check "low: every mail line is at most 998 characters" \
    sh -c "ls '$TESTDIR'/mail.* > /dev/null && ! awk 'length(\$0) > 998 { bad = 1 } END { exit !bad }' '$TESTDIR'/mail.*"
rm -f "$XDG_CONFIG_HOME/rooster/config"

# 9. export feeds removes only the feeds this plan wrote: another plan's
# feeds in the same directory stay.
mkdir -p "$TESTDIR/feeds"
DB="$TESTDIR/feedsA.db"
ok_run "feeds: plan A" init --timezone Europe/Amsterdam
ok_run "feeds: A's volunteer" volunteer add "Ada"
ok_run "feeds: A exports" export feeds "$TESTDIR/feeds"
a_files=$(ls "$TESTDIR/feeds" | sort)
DB="$TESTDIR/feedsB.db"
ok_run "feeds: plan B" init --timezone Europe/Amsterdam
ok_run "feeds: B's volunteer" volunteer add "Bea"
ok_run "feeds: B exports to the same directory" export feeds "$TESTDIR/feeds"
check "feeds: A's feeds are still there" sh -c "for f in $(echo $a_files); do [ -f '$TESTDIR/feeds/'\$f ] || exit 1; done"
old=$("$ROOSTER" --db "$DB" volunteer token 1)
"$ROOSTER" --db "$DB" volunteer token 1 --rotate > /dev/null
ok_run "feeds: B exports after a rotation" export feeds "$TESTDIR/feeds"
check "feeds: B's rotated feed is gone" [ ! -e "$TESTDIR/feeds/$old.ics" ]
check "feeds: A's feeds are still there after B's prune" sh -c "for f in $(echo $a_files); do [ -f '$TESTDIR/feeds/'\$f ] || exit 1; done"

# 6. A plan in a directory others can write: a file someone else made
# first, or one open to others, is refused before anything is written.
if [ "$(id -u)" -eq 0 ]; then
	mkdir -m 1777 "$TESTDIR/open"
	DB="$TESTDIR/open/plan.db"
	ok_run "shared dir: my plan" init --timezone Europe/Amsterdam
	rm -f "$DB-wal" "$DB-shm"
	runuser -u nobody -- sh -c "umask 077; : > '$DB-wal'; : > '$DB-shm'"
	# (not `refused`: its sqlite3 .dump would take the files over first)
	r volunteer list
	check "shared dir: a WAL someone else made is refused" \
	    sh -c "[ $RC -eq 1 ] && [ \$(wc -l < '$TESTDIR/err') -eq 1 ] && grep -q 'plan.db-wal belongs to user nobody, not to you' '$TESTDIR/err'"
	check "shared dir: and it stays theirs, empty" [ "$(stat -c %U:%s "$DB-wal")" = nobody:0 ]
	rm -f "$DB-wal" "$DB-shm"
	runuser -u nobody -- sh -c "umask 0; : > '$TESTDIR/open/theirs.db'"
	DB="$TESTDIR/open/theirs.db"
	r volunteer add Victim
	check "shared dir: an empty plan someone else made is refused" \
	    sh -c "[ $RC -eq 1 ] && grep -q 'theirs.db belongs to user nobody' '$TESTDIR/err'"
	DB="$TESTDIR/open/plan.db"
	chmod 0606 "$DB"
	refused "shared dir: a plan open to others is refused" 1 \
	    "plan.db can be read or written by others \(mode 0606\).*chmod o-rwx" volunteer list
	chmod 0600 "$DB"
	ok_run "shared dir: made private, it works again" volunteer list
else
	echo "skip - shared dir checks (need root to act as another user)"
fi

# 5. Bidi controls are shown as escapes in tables, so a name cannot turn
# the rest of its row around.
DB="$TESTDIR/bidi.db"
ok_run "bidi: a plan" init --timezone Europe/Amsterdam
ok_run "bidi: a name with RLO and PDI" volunteer add "$(printf 'Eve \342\200\256gnp.exe\342\201\251 x')"
r volunteer list
check "bidi: the table holds no raw override" sh -c "! printf '%s' \"\$1\" | grep -q \"\$(printf '\342\200\256')\"" - "$OUT"
has "bidi: shown as escapes" 'Eve \u202egnp.exe\u2069 x'
r volunteer list --format json
json "bidi: json keeps the exact name" "j[0]['name'] == 'Eve \u202egnp.exe\u2069 x'"

# 10 (low). The owner of a plan in a directory they cannot write can still
# read it; a change is refused in one line.
if [ "$(id -u)" -eq 0 ]; then
	mkdir "$TESTDIR/locked"
	chown nobody "$TESTDIR/locked"
	runuser -u nobody -- "$ROOSTER" --db "$TESTDIR/locked/plan.db" init --timezone Europe/Amsterdam > /dev/null
	runuser -u nobody -- "$ROOSTER" --db "$TESTDIR/locked/plan.db" volunteer add Reader > /dev/null
	chmod 0555 "$TESTDIR/locked"
	runuser -u nobody -- "$ROOSTER" --db "$TESTDIR/locked/plan.db" volunteer list > "$TESTDIR/out" 2> "$TESTDIR/err"
	rc=$?
	check "locked dir: the owner can read" sh -c "[ $rc -eq 0 ] && grep -q Reader '$TESTDIR/out' && [ ! -s '$TESTDIR/err' ]"
	runuser -u nobody -- "$ROOSTER" --db "$TESTDIR/locked/plan.db" volunteer add Writer > /dev/null 2> "$TESTDIR/err"
	rc=$?
	check "locked dir: a change is refused in one line" sh -c "[ $rc -eq 1 ] && [ \$(wc -l < '$TESTDIR/err') -eq 1 ] && grep -q 'read-only' '$TESTDIR/err'"
	chmod 0755 "$TESTDIR/locked"
else
	echo "skip - locked dir (needs root to act as another user)"
fi

# 10 (low). A SEQUENCE beyond 2^31 is not wrapped to nothing: it is taken
# as the highest rooster keeps, with a note, and a later one still wins.
DB="$TESTDIR/seq.db"
ok_run "sequence: a plan" init --timezone Europe/Amsterdam
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:seq-1@example.org\r\nDTSTAMP:20270101T000000Z\r\nSEQUENCE:3000000000\r\nDTSTART:20270301T100000Z\r\nDTEND:20270301T110000Z\r\nSUMMARY:Big\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > "$TESTDIR/seq.ics"
r import ics "$TESTDIR/seq.ics"
check "sequence: imported" [ "$RC" -eq 0 ]
check "sequence: with a note" grep -q "line 4: SEQUENCE above 2000000000" "$TESTDIR/err"
check "sequence: kept high, not wrapped" [ "$(sqlite3 "$DB" "SELECT sequence FROM events WHERE uid = 'seq-1@example.org'")" = 2000000000 ]
sed 's/SUMMARY:Big/SUMMARY:Bigger/' "$TESTDIR/seq.ics" > "$TESTDIR/seq2.ics"
r import ics "$TESTDIR/seq2.ics"
check "sequence: the next version still applies" [ "$(sqlite3 "$DB" "SELECT title FROM events WHERE uid = 'seq-1@example.org'")" = Bigger ]

# 10 (low). A full disk and a plan closed cleanly (no -shm left): lookups
# still read it, a change says the disk is full, not "disk I/O error".
MNT="$TESTDIR/fulldisk"
mkdir "$MNT"
if mount -t tmpfs -o size=1m tmpfs "$MNT" 2> /dev/null; then
	DB="$MNT/plan.db"
	ok_run "full disk: a plan" volunteer add Anna
	dd if=/dev/zero of="$MNT/fill" bs=1k count=2000 2> /dev/null
	r volunteer list
	check "full disk: a lookup still reads the plan" sh -c "[ $RC -eq 0 ] && printf '%s' \"\$1\" | grep -q Anna" - "$OUT"
	r volunteer add Bert
	check "full disk: a change says the disk is full" sh -c "[ $RC -eq 1 ] && grep -q 'the disk holding .* is full' '$TESTDIR/err' && ! grep -q 'I/O error' '$TESTDIR/err'"
	rm -f "$MNT/fill"
	ok_run "full disk: room again, changes work" volunteer add Cees
	check "full disk: the plan is sound" [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
	umount "$MNT"
else
	echo "skip - full disk without -shm (cannot mount a tmpfs here)"
fi

finish
