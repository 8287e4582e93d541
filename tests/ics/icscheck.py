# SPDX-License-Identifier: ISC
# An independent reader for the end-to-end tests: Debian's python3-icalendar
# (run with /usr/bin/python3) and Python's email package. Prints one plain
# line per fact so the shell tests can grep; exits 1 on any parse trouble.
#
#   icscheck.py cal FILE      calendar facts and one line per VEVENT
#   icscheck.py mail FILE     headers, parts, then the text/calendar part
#   icscheck.py expand FILE N first N instances of each RRULE, in UTC
import datetime
import email
import email.policy
import sys
import warnings

import icalendar

warnings.simplefilter("error")
UTC = datetime.timezone.utc


def utc(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return "FLOATING:" + value.isoformat()
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    return "DATE:" + value.isoformat()


def calendar(data):
    cals = icalendar.Calendar.from_ical(data, multiple=True)
    for cal in cals:
        print("METHOD", cal.get("METHOD", "-"))
        print("CALNAME", cal.get("X-WR-CALNAME", "-"))
        print("NAME", cal.get("NAME", "-"))
        print("XTZ", cal.get("X-WR-TIMEZONE", "-"))
        for tz in cal.walk("VTIMEZONE"):
            print("VTIMEZONE", tz["TZID"], "daylight=%d" %
                  len(tz.walk("DAYLIGHT")), "standard=%d" %
                  len(tz.walk("STANDARD")))
        for ev in cal.walk("VEVENT"):
            att = ev.get("ATTENDEE")
            atts = att if isinstance(att, list) else ([att] if att else [])
            print("EVENT uid=%s start=%s end=%s seq=%s status=%s" % (
                ev["UID"], utc(ev.decoded("DTSTART")),
                utc(ev.decoded("DTEND")) if "DTEND" in ev else "-",
                ev.get("SEQUENCE", "-"), ev.get("STATUS", "-")))
            print("SUMMARY %r" % str(ev.get("SUMMARY", "")))
            print("LOCATION %r" % str(ev.get("LOCATION", "")))
            print("DESCRIPTION %r" % str(ev.get("DESCRIPTION", "")))
            if "ORGANIZER" in ev:
                o = ev["ORGANIZER"]
                print("ORGANIZER %s cn=%r" % (o, str(o.params.get("CN"))))
            for a in atts:
                print("ATTENDEE %s cn=%r role=%s partstat=%s rsvp=%s" % (
                    a, str(a.params.get("CN")), a.params.get("ROLE"),
                    a.params.get("PARTSTAT"), a.params.get("RSVP")))
            if "RRULE" in ev:
                print("RRULE", ev["RRULE"].to_ical().decode())
            for al in ev.walk("VALARM"):
                print("VALARM trigger=%s" % al.decoded("TRIGGER"))
            print("PROPS", ",".join(sorted(k for k in ev.keys())))


def mail(data):
    msg = email.message_from_bytes(data, policy=email.policy.default)
    defects = list(msg.defects)
    for key in msg.keys():
        print("HEADER %s: %r" % (key, str(msg[key])))
    for part in msg.walk():
        defects += part.defects
        print("PART %s %s" % (part.get_content_type(),
              ";".join("%s=%s" % kv for kv in part.get_params()[1:])))
        if part.get_content_type() == "text/plain":
            print("TEXT %r" % part.get_content())
    if defects:
        print("DEFECTS", defects)
        sys.exit(1)
    cal = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    att = [p for p in msg.walk()
           if p.get_content_type() == "application/ics"]
    if len(cal) != 1 or len(att) != 1:
        print("PARTS missing")
        sys.exit(1)
    if cal[0].get_payload(decode=True) != att[0].get_payload(decode=True):
        print("PARTS differ")
        sys.exit(1)
    calendar(cal[0].get_payload(decode=True))


def expand(data, count):
    from dateutil import rrule
    for cal in icalendar.Calendar.from_ical(data, multiple=True):
        for ev in cal.walk("VEVENT"):
            if "RRULE" not in ev:
                continue
            start = ev.decoded("DTSTART")
            tz = start.tzinfo
            # Repeat in local wall-clock time, then attach the zone (pytz
            # zones need localize, or they keep the first offset).
            rule = rrule.rrulestr(ev["RRULE"].to_ical().decode(),
                                  dtstart=start.replace(tzinfo=None),
                                  ignoretz=True)
            for i, when in enumerate(rule):
                if i >= count:
                    break
                if hasattr(tz, "localize"):
                    when = tz.localize(when)
                else:
                    when = when.replace(tzinfo=tz)
                print("INSTANCE", ev["UID"], utc(when),
                      when.strftime("%H:%M"))


def main():
    with open(sys.argv[2], "rb") as fp:
        data = fp.read()
    try:
        if sys.argv[1] == "cal":
            calendar(data)
        elif sys.argv[1] == "mail":
            mail(data)
        else:
            expand(data, int(sys.argv[3]))
    except Exception as e:  # any parse problem fails the check
        print("ERROR", type(e).__name__, e)
        sys.exit(1)


main()
