#!/bin/sh
# SPDX-License-Identifier: ISC
# import ics on what real calendar apps wrote (tests/ics/real/, named in
# its SOURCES): each file goes into a fresh plan, and every VEVENT's UTC
# start and end must be what python3-icalendar reads from the same file.
# Replies, their UID set to an invite rooster wrote (in a copy; the files
# themselves are never touched), set the volunteer's answer.
. "$(dirname "$0")/lib.sh"

REAL=$(cd "$(dirname "$0")/real" && pwd)
READ="/usr/bin/python3 $(cd "$(dirname "$0")" && pwd)/realcheck.py"
ZONE=Europe/Amsterdam

# How an all-day event (DTSTART;VALUE=DATE) is compared: "date", as
# DATE:YYYY-MM-DD from both sides (rooster's json gives an all-day event's
# dates with all_day true, its end the last day; DTEND is the day after).
ALLDAY=date

# Files that do not import as they must yet, each with the reason. A file
# listed here that passes is reported as a failure, so the list only
# shrinks: remove it when its fix lands.
XFAIL="
"

# Files that are genuinely unusable: import must refuse them in one line.
REFUSE="
"

# Files python3-icalendar 4.0.3 misreads: the UTC times every event must
# have instead (start end, ";" between events), worked out by hand from
# the file, and why.
DIFFER="
owncloud-mixed.ics	2015-05-30T10:00Z 2015-05-30T16:00Z;2015-06-02T12:00Z 2015-06-02T14:00Z	a UTC time (Z) with a TZID: RFC 5545 3.2.19 says the TZID does not apply; python applies it
evolution-softwarestudio-tzid.ics	2008-06-24T18:00Z 2008-06-24T19:30Z	the VTIMEZONE (America/Chicago, CDT) comes after the event; python leaves the time floating
exchange2010-publish-blank-tzid.ics	2015-08-26T09:00Z 2015-08-26T10:00Z	TZID empty, its VTIMEZONE (also TZID empty) is +0000; python leaves the time floating
podio-request-trailer.ics	2022-02-22T18:30Z 2022-02-22T19:30Z	an X-COMMENT after END:VCALENDAR; python refuses the file
"

listed() { printf '%s\n' "$2" | cut -f1 | grep -qx -- "$1"; }

# The calendar inside FILE (a mail's text/calendar part, or a copy).
calendar_of() {
	case $1 in
	*.eml) $READ extract "$1" >"$2" ;;
	*) cp "$1" "$2" ;;
	esac
}

fresh_plan() {
	rm -f "$ROOSTER_DB" "$ROOSTER_DB-wal" "$ROOSTER_DB-shm"
	r init --timezone "$ZONE" >/dev/null
}

# Every event row of the plan as "start end" in UTC, sorted.
rooster_times() {
	r --format json event list --from 1970-01-01 --to 2099-12-31 |
	    /usr/bin/python3 -c '
import datetime, json, sys
UTC = datetime.timezone.utc
for e in json.load(sys.stdin):
    if e["all_day"]:
        s, t = (datetime.date.fromisoformat(e[k]) for k in ("start", "end"))
        t += datetime.timedelta(days=1)
        print("DATE:" + s.isoformat(), "DATE:" + t.isoformat())
        continue
    s, t = (datetime.datetime.fromisoformat(e[k]).astimezone(UTC)
            for k in ("start", "end"))
    print(s.strftime("%Y-%m-%dT%H:%MZ"), t.strftime("%Y-%m-%dT%H:%MZ"))
' | sort
}

# check_times NAME: the events python3-icalendar read ($WORK/py) are all
# in the plan with the same UTC start and end. Prints what is missing.
# An event that takes no time (DTEND = DTSTART) cannot be planned: the
# import must skip it with a note instead.
check_times() {
	rooster_times >"$WORK/rooster.times" 2>&1 || return 1
	sed -n 's/^EVENT start=\([^ ]*\) end=\([^ ]*\) .*/\1 \2/p' "$WORK/py" |
	    sort -u | awk '$1 != $2' >"$WORK/py.times"
	if sed -n 's/^EVENT start=\([^ ]*\) end=\([^ ]*\) .*/\1 \2/p' \
	    "$WORK/py" | awk '$1 == $2' | grep -q . &&
	    ! grep -q 'event skipped' "$WORK/err"; then
		echo "an event without length was not skipped with a note"
		return 1
	fi
	missing=$(comm -23 "$WORK/py.times" "$WORK/rooster.times")
	[ -z "$missing" ] && return 0
	echo "python3-icalendar reads, rooster lacks:"
	echo "$missing"
	echo "rooster has:"
	head -5 "$WORK/rooster.times"
	return 1
}

# result NAME FILE STATUS: report one file's check, minding XFAIL.
result() {
	if listed "$2" "$XFAIL"; then
		if [ "$3" -eq 0 ]; then
			echo "not ok - $1 (passes now: remove $2 from XFAIL)"
			FAILED=$((FAILED + 1))
		else
			echo "ok - $1 # expected failure, see XFAIL"
			PASSED=$((PASSED + 1))
		fi
	elif [ "$3" -eq 0 ]; then
		echo "ok - $1"
		PASSED=$((PASSED + 1))
	else
		echo "not ok - $1"
		sed 's/^/#   /' "$WORK/why" | head -20
		FAILED=$((FAILED + 1))
	fi
}

# --- the corpus is what SOURCES says ---------------------------------------
grep -v '^#' "$REAL/SOURCES" | sed 's/ *|.*//' | sort >"$WORK/named"
ls "$REAL" | grep -v '^SOURCES$' | sort >"$WORK/present"
ok "every file in tests/ics/real is named in SOURCES and back" \
    cmp -s "$WORK/named" "$WORK/present"
ok "at least 25 calendars" test "$(wc -l <"$WORK/named")" -ge 25
ok "from at least 6 clients" test "$(grep -v '^#' "$REAL/SOURCES" |
    cut -d'|' -f2 | sed 's/ *(.*//; s/ [0-9.]*$//; s/^ *//' |
    awk '{print $1}' | sort -u | wc -l)" -ge 6

: >"$WORK/reply.clients"
for name in $(cat "$WORK/named"); do
	calendar_of "$REAL/$name" "$WORK/in.ics"
	tr -d '\r' <"$WORK/in.ics" | grep -q '^METHOD:REPLY' &&
	    grep "^$name |" "$REAL/SOURCES" | cut -d'|' -f2 |
	    sed 's/ *(.*//; s/^ *//' | awk '{print $1}' >>"$WORK/reply.clients"
done
ok "at least 5 METHOD:REPLY files" test "$(wc -l <"$WORK/reply.clients")" -ge 5
ok "from at least 3 clients" \
    test "$(sort -u "$WORK/reply.clients" | wc -l)" -ge 3

# --- each file imports with the times python3-icalendar reads -------------
for name in $(cat "$WORK/named"); do
	calendar_of "$REAL/$name" "$WORK/in.ics"
	fresh_plan
	r --format csv import ics "$WORK/in.ics" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	: >"$WORK/why"
	if listed "$name" "$REFUSE"; then
		status=1
		[ "$rc" -eq 2 ] && [ "$(wc -l <"$WORK/err")" -eq 1 ] && status=0
		cp "$WORK/err" "$WORK/why"
		result "$name: refused in one line" "$name" "$status"
		continue
	fi
	if [ "$rc" -ne 0 ]; then
		{ echo "import exited $rc:"; cat "$WORK/err"; } >"$WORK/why"
		result "$name: imports" "$name" 1
		continue
	fi
	# Every note names its line and speaks plainly.
	status=0
	while IFS= read -r line; do
		case $line in
		"rooster: $WORK/in.ics: line "[0-9]*": "*) ;;
		*) echo "not a note: $line" >>"$WORK/why"; status=1 ;;
		esac
		case $line in
		*X-LIC-ERRORTYPE*|*"Removing entire property"*|*"No value for"*)
			echo "libical's words: $line" >>"$WORK/why"; status=1 ;;
		esac
	done <"$WORK/err"
	method=$(tr -d '\r' <"$WORK/in.ics" | sed -n 's/^METHOD:*//p' | head -1)
	case $method in
	REPLY|CANCEL)
		# Neither adds events; replies are checked below.
		result "$name: $method read without error" "$name" "$status"
		continue ;;
	esac
	if listed "$name" "$DIFFER"; then
		printf '%s\n' "$DIFFER" | awk -F '\t' -v n="$name" \
		    '$1 == n { print $2 }' | tr ';' '\n' |
		    sed 's/^\(.*\)$/EVENT start=\1/; s/ \([^ ]*\)$/ end=\1 x/' \
		    >"$WORK/py"
		check_times >>"$WORK/why" || status=1
		result "$name: imports with the UTC times worked out by hand" \
		    "$name" "$status"
		continue
	fi
	if ! $READ events "$WORK/in.ics" "$ZONE" "$ALLDAY" >"$WORK/py" ||
	    ! grep -q '^EVENT' "$WORK/py"; then
		echo "# $name: python3-icalendar cannot read it" \
		    "($(head -1 "$WORK/py")); import alone is checked"
		result "$name: imports" "$name" "$status"
		continue
	fi
	check_times >>"$WORK/why" || status=1
	result "$name: imports with python3-icalendar's UTC times" "$name" \
	    "$status"
done

# --- replies answer an invite rooster wrote --------------------------------
config "name = Mounia Balakouh" "email = mounia@example.org"
for name in $(cat "$WORK/named"); do
	calendar_of "$REAL/$name" "$WORK/in.ics"
	tr -d '\r' <"$WORK/in.ics" | grep -q '^METHOD:REPLY' || continue
	tr -d '\r' <"$WORK/in.ics" | grep -q '^BEGIN:VEVENT' || continue
	$READ reply "$WORK/in.ics" >"$WORK/reply" || continue
	addr=$(sed -n '1s/.* attendee=\([^ ]*\) .*/\1/p' "$WORK/reply")
	want=$(sed -n '1s/.* partstat=//p' "$WORK/reply" |
	    tr 'A-Z' 'a-z')
	fresh_plan
	r volunteer add "Replier" --email "$addr" >/dev/null
	r event add "Taalcafe" --start "2027-03-27 14:00" \
	    --end "2027-03-27 17:00" >/dev/null
	r shift add 1 gastvrouw >/dev/null
	r assign 1 1 --force >/dev/null
	rm -rf "$WORK/out.d" && mkdir "$WORK/out.d"
	r invite --outbox "$WORK/out.d" >/dev/null
	$READ setuid "$WORK/in.ics" "$(uid_of_shift 1)" >"$WORK/reply.ics"
	r import ics "$WORK/reply.ics" >/dev/null 2>"$WORK/why"
	got=$(sqlite3 "$ROOSTER_DB" \
	    "SELECT status FROM assignments WHERE shift_id = 1")
	echo "status $got, the reply says $want" >>"$WORK/why"
	status=1
	[ "$got" = "$want" ] && status=0
	result "$name: the reply sets $want" "$name" "$status"
done

finish
