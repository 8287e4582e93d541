# SPDX-License-Identifier: ISC
# The independent reading of tests/ics/real/ for test_real.sh: Debian's
# python3-icalendar (run with /usr/bin/python3) says what each VEVENT's
# UTC start and end are, and what a REPLY answers. One plain line per fact.
#
#   realcheck.py extract MAIL       the text/calendar part of a mail, raw
#   realcheck.py events FILE ZONE ALLDAY
#       EVENT start=<UTC> end=<UTC> rid=<UTC or -> rrule=<0|1> uid=<UID or ->
#       for every VEVENT python-icalendar can read, else SKIP <why>.
#       ALLDAY "midnight": a DATE is midnight in ZONE (what rooster does
#       while it has no all-day events); "date": printed as DATE:YYYY-MM-DD.
#   realcheck.py reply FILE
#       REPLY uid=<UID> attendee=<address> partstat=<PARTSTAT>
#   realcheck.py setuid FILE UID
#       the file with its UID line (and that line's folds) replaced by
#       UID:<UID>, every other byte as it was
import datetime
import email
import email.policy
import sys
import zoneinfo

import icalendar

UTC = datetime.timezone.utc


def extract(data):
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        body = part.get_payload(decode=True) or b""
        if part.get_content_type() == "text/calendar" and \
                b"BEGIN:VCALENDAR" in body:
            sys.stdout.buffer.write(body)
            return
    # Some mails carry the calendar where the part's headers should be
    # (tmail's ics_in_header.eml): take the lines from BEGIN to END.
    text = data.decode("utf-8", "replace")
    start = text.find("BEGIN:VCALENDAR")
    end = text.find("END:VCALENDAR")
    if start < 0 or end < 0:
        sys.exit("no calendar in the mail")
    sys.stdout.write(text[start:end + len("END:VCALENDAR")] + "\r\n")


def instant(value, zone, allday):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:   # floating: the plan's zone
            value = value.replace(tzinfo=zone)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    if allday == "date":
        return "DATE:" + value.isoformat()
    midnight = datetime.datetime.combine(value, datetime.time(), zone)
    return midnight.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def events(data, zone_name, allday):
    zone = zoneinfo.ZoneInfo(zone_name)
    for cal in icalendar.Calendar.from_ical(data, multiple=True):
        for ev in cal.walk("VEVENT"):
            try:
                start = ev.decoded("DTSTART")
                if "DTEND" in ev:
                    end = ev.decoded("DTEND")
                elif "DURATION" in ev:
                    end = start + ev.decoded("DURATION")
                elif isinstance(start, datetime.datetime):
                    end = start + datetime.timedelta(hours=1)
                else:
                    end = start + datetime.timedelta(days=1)
                rid = (instant(ev.decoded("RECURRENCE-ID"), zone, allday)
                       if "RECURRENCE-ID" in ev else "-")
                print("EVENT start=%s end=%s rid=%s rrule=%d uid=%s" % (
                    instant(start, zone, allday), instant(end, zone, allday),
                    rid, "RRULE" in ev, ev.get("UID", "-")))
            except Exception as e:  # pylint: disable=broad-except
                print("SKIP", type(e).__name__, str(e).replace("\n", " "))


def reply(data):
    for cal in icalendar.Calendar.from_ical(data, multiple=True):
        for ev in cal.walk("VEVENT"):
            att = ev.get("ATTENDEE")
            att = att[0] if isinstance(att, list) else att
            addr = str(att)
            if addr.lower().startswith("mailto:"):
                addr = addr[7:]
            print("REPLY uid=%s attendee=%s partstat=%s" % (
                ev["UID"], addr, att.params.get("PARTSTAT", "-")))


def setuid(data, uid):
    out, skipping = [], False
    for line in data.splitlines(keepends=True):
        if skipping and line[:1] in (b" ", b"\t"):
            continue
        skipping = line.upper().startswith(b"UID:")
        if skipping:
            end = line[len(line.rstrip(b"\r\n")):]
            line = b"UID:" + uid.encode() + end
        out.append(line)
    sys.stdout.buffer.write(b"".join(out))


def main():
    with open(sys.argv[2], "rb") as fp:
        data = fp.read()
    if sys.argv[1] == "extract":
        extract(data)
        return
    if sys.argv[1] == "setuid":
        setuid(data, sys.argv[3])
        return
    try:
        if sys.argv[1] == "events":
            events(data, sys.argv[3], sys.argv[4])
        else:
            reply(data)
    except Exception as e:  # pylint: disable=broad-except
        print("ERROR", type(e).__name__, str(e).replace("\n", " "))
        sys.exit(1)


main()

