#!/usr/bin/python3
# SPDX-License-Identifier: ISC
# Benchmark data: fills a plan made by `rooster init` with a national
# movement's data (or a tenth of it), seeded, so the same scale gives the
# same plan. Everything goes in one transaction with the secondary indexes
# and triggers dropped and recreated after, as a bulk loader should.
#
# usage: gen.py ROOSTER DB SCALE [CALCURSE_DIR]
#        gen.py ics N FILE      (a calendar of N events for import ics)
#   SCALE large: 10,000 events, 100,000 shifts, 50,000 volunteers,
#                1,000,000 assignments; small: a tenth; tiny: a hundredth.
#   CALCURSE_DIR: also write the shifts as calcurse appointments there.
import datetime
import os
import random
import sqlite3
import subprocess
import sys
import zoneinfo

GEN_VERSION = 2         # bump when the data changes: it keys the cache
SEED = 20261130
ZONE = "Europe/Amsterdam"
FIRST_DAY = datetime.date(2026, 1, 5)   # a Monday
DAYS = 728                              # 104 weeks
CREATED = 1767225600                    # 2026-01-01 00:00 UTC

SCALES = {
    # events, shifts, volunteers, assignments
    "large": (10000, 100000, 50000, 1000000),
    "small": (1000, 10000, 5000, 100000),
    "tiny": (100, 1000, 500, 10000),
}

FIRST = """Anna Ahmed Aisha Ali Amir Anneke Bart Bram Carla Chen Daan Dana
Dirk Elif Emma Eva Fatima Femke Finn Gerrit Hana Hans Ibrahim Ines Ingrid
Jan Jasper Joost Julia Kees Khalid Lars Laura Leila Lina Lotte Lucas Maria
Marieke Mark Maryam Max Mehmet Mila Mohammed Nadia Nina Noor Olga Omar
Oksana Paul Pieter Rana Renee Rik Rosa Ruben Salma Sam Sanne Sara Sem
Sofia Stijn Tariq Tess Thijs Tom Vera Wim Yara Yasmin Yusuf Zainab Zoe
Abdi Amina Bilal Dmytro Esra Farah Hamid Irina Kateryna Layla Nour Petra
Samir Selin Taras Walid Yulia""".split()
LAST = """Ahmadi Bakker Bos Brouwer Claes Dekker de Boer de Graaf de Groot
de Jong de Vries de Wit Dijkstra El Amrani Haddad Hendriks Hoekstra Hussein
Jansen Janssen Kaya Khalil Koch Kok Kowalski Kuiper Leeuwen Maas Meijer
Mulder Nguyen Novak Peters Petrenko Postma Prins Saleh Schouten Shevchenko
Smit Smits Tahir van Dam van den Berg van der Linden van Dijk van Leeuwen
Vermeulen Visser Vos Willems Yilmaz Zijlstra Bondarenko Osman Rahimi
Aziz Farouk Mansour Nasser Qureshi Rashid Sadeghi Tkachenko Hosseini
Karimi Moradi Hakimi Celik Demir Sahin Ozturk Arslan Dogan Kılıç Aydın
Abbasi Jaber Bakr Darwish Hamdan Issa Najjar Sabbagh Younes Zaki""".split()
# Two-word surnames were split above: glue the particles back on.
_last, _i = [], 0
while _i < len(LAST):
    w = LAST[_i]
    while w in ("de", "van", "der", "den", "El") and _i + 1 < len(LAST):
        _i += 1
        w += " " + LAST[_i]
    _last.append(w)
    _i += 1
LAST = _last

CITIES = """Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere
Breda Nijmegen Apeldoorn Haarlem Arnhem Enschede Amersfoort Zaanstad
Den-Bosch Zwolle Leiden Maastricht Dordrecht Zoetermeer Ede Delft Alkmaar
Leeuwarden Venlo Deventer Hilversum Heerlen Gouda""".split()
KINDS = ["Language café", "Football match visit", "Partner meeting",
         "Welcome dinner", "Bike repair day", "Homework club",
         "Museum visit", "Job fair", "Sponsor group training",
         "Community garden", "Legal aid hour", "Swimming lesson"]
ROLES = ["host", "driver", "companion", "interpreter", "set-up",
         "cook", "coach", "first aid", "reception", "tidy-up"]
SKILLS = ROLES
LANGS = ["nl", "en", "ar", "fa", "uk", "ti", "so", "tr", "fr", "de"]
REASONS = ["holiday", "work", "exams", "family", ""]


def local_ts(zone, day, minutes):
    """UTC seconds of minutes after local midnight on day."""
    d = datetime.datetime(day.year, day.month, day.day, tzinfo=zone)
    return int((d + datetime.timedelta(minutes=minutes)).timestamp())


def plan(rng, scale):
    nev, nsh, nvol, nas = SCALES[scale]
    zone = zoneinfo.ZoneInfo(ZONE)
    events, shifts, vols, asg = [], [], [], []

    # Events spread over two years, day by day in start order.
    days = sorted(rng.randrange(DAYS) for _ in range(nev))
    per_event = [nsh // nev] * nev
    for i in range(nsh - sum(per_event)):
        per_event[i % nev] += 1
    sid = 0
    for eid in range(1, nev + 1):
        day = FIRST_DAY + datetime.timedelta(days=days[eid - 1])
        start_min = rng.randrange(8 * 60, 18 * 60, 30)
        length = rng.randrange(120, 6 * 60 + 1, 30)
        start = local_ts(zone, day, start_min)
        end = local_ts(zone, day, start_min + length)
        kind = rng.choice(KINDS)
        city = rng.choice(CITIES)
        elangs = ["nl", rng.choice(LANGS[1:4])]
        r = rng.random()
        status = "cancelled" if r < 0.03 else \
            "tentative" if r < 0.08 else "confirmed"
        events.append((eid, "event-%07d@bench.rooster.invalid" % eid,
                       "%s %s" % (kind, city),
                       "%s in %s, week %d." % (kind, city, days[eid - 1] // 7),
                       "Community centre, %s" % city, start, end, status,
                       ",".join(elangs), CREATED, CREATED))
        for k in range(per_event[eid - 1]):
            sid += 1
            off = rng.randrange(0, max(length - 60, 1), 30)
            slen = min(rng.randrange(60, 4 * 60 + 1, 30), length - off)
            shifts.append([sid, eid, "shift-%08d@bench.rooster.invalid" % sid,
                           ROLES[k % len(ROLES)],
                           local_ts(zone, day, start_min + off),
                           local_ts(zone, day, start_min + off + slen),
                           0, rng.choice(elangs) if k % 7 == 3 else "",
                           elangs])

    for vid in range(1, nvol + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = "%s %s" % (first, last)
        email = "" if rng.random() < 0.1 else "%s.%s.%d@example.org" % (
            first.lower(), last.lower().replace(" ", ""), vid)
        vols.append((vid, name, email, "+31 6 %08d" % rng.randrange(10**8),
                     ",".join(sorted(rng.sample(SKILLS, rng.randint(1, 3)))),
                     ",".join(sorted(set(
                         (["nl"] if rng.random() < 0.9 else []) +
                         rng.sample(LANGS[1:], rng.randint(0 if vid % 10
                                                           else 1, 2))))),
                     rng.choice([0, 0, 0, 2, 4, 8]),
                     "" if rng.random() < 0.8 else "prefers weekends",
                     0 if rng.random() < 0.05 else 1, CREATED))

    # Assignments: 5..15 per shift around the mean, fixed up to the exact
    # total; needed is set so that about a fifth of the shifts are short
    # (needed is the non-declined count, plus 1-3 for a fifth of them).
    mean = nas / nsh
    counts = [max(0, min(2 * int(mean), int(rng.gauss(mean, 2.5))))
              for _ in range(nsh)]
    diff = nas - sum(counts)
    while diff != 0:
        i = rng.randrange(nsh)
        if diff > 0 and counts[i] < 2 * int(mean):
            counts[i] += 1
            diff -= 1
        elif diff < 0 and counts[i] > 0:
            counts[i] -= 1
            diff += 1
    aid = 0
    statuses = ["planned"] * 30 + ["invited"] * 15 + ["accepted"] * 45 + \
        ["declined"] * 6 + ["tentative"] * 4
    # Who may take a shift: the role among their skills, one of the
    # event's languages, and the shift's own language if it has one. Drawn
    # at random from those (double bookings and limits left to chance, so
    # the conflicts are the few a real plan has).
    pool = {r: [] for r in ROLES}
    for v in vols:
        for sk in v[4].split(","):
            pool[sk].append(v[0])
    langs = {v[0]: set(v[5].split(",")) for v in vols}
    for i, sh in enumerate(shifts):
        n = counts[i]
        past = sh[4] < 1796083200       # 2026-12-01: attendance before it
        sh[6] = rng.randint(1, 3) if rng.random() < 0.2 else 0
        cands, chosen, tries = pool[sh[3]], set(), 0
        while len(chosen) < n:
            v = rng.choice(cands)
            tries += 1
            if v in chosen:
                continue
            ok = langs[v] & set(sh[8]) and (not sh[7] or sh[7] in langs[v])
            if ok or tries > 50 * n:
                chosen.add(v)
        for v in sorted(chosen):
            aid += 1
            st = rng.choice(statuses)
            sh[6] += st != "declined"
            att = ""
            if past and st == "accepted":
                att = "attended" if rng.random() < 0.9 else "no-show"
            asg.append((aid, sh[0], v, st, att, CREATED))
    return events, shifts, vols, asg


def unavailable(rng, nvol):
    out = []
    zone = zoneinfo.ZoneInfo(ZONE)
    for i in range(max(1, nvol // 5)):
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        start = local_ts(zone, day, 0)
        out.append((rng.randint(1, nvol), start,
                    start + 86400 * rng.randint(1, 14), rng.choice(REASONS)))
    return out


def load(db, scale):
    rng = random.Random("%d-%s" % (SEED, scale))
    events, shifts, vols, asg = plan(rng, scale)
    unav = unavailable(rng, len(vols))
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode = DELETE")
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA foreign_keys = OFF")    # ids are consistent by build
    con.execute("PRAGMA cache_size = -262144")
    con.execute("BEGIN")
    # Secondary indexes and triggers after the data (UNIQUE ones stay).
    later = con.execute("SELECT type, name, sql FROM sqlite_schema "
                        "WHERE type IN ('index', 'trigger') AND sql "
                        "IS NOT NULL").fetchall()
    for kind, name, _ in later:
        con.execute('DROP %s "%s"' % (kind.upper(), name))
    con.executemany("INSERT INTO events (id, uid, title, description, "
                    "location, start_at, end_at, status, languages, "
                    "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    events)
    con.executemany("INSERT INTO shifts (id, event_id, uid, role, start_at, "
                    "end_at, needed, language) VALUES (?,?,?,?,?,?,?,?)",
                    [sh[:8] for sh in shifts])
    con.executemany("INSERT INTO volunteers (id, name, email, phone, skills, "
                    "languages, max_per_month, notes, active, created_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?)", vols)
    con.executemany("INSERT INTO assignments (id, shift_id, volunteer_id, "
                    "status, attendance, created_at) VALUES (?,?,?,?,?,?)",
                    asg)
    con.executemany("INSERT INTO unavailable (volunteer_id, start_at, "
                    "end_at, reason) VALUES (?,?,?,?)", unav)
    nteams = max(1, len(vols) // 250)
    con.executemany("INSERT INTO teams (id, name) VALUES (?, ?)",
                    [(t, "Sponsor group %d" % t) for t in range(1, nteams + 1)])
    members = set()
    for t in range(1, nteams + 1):
        for v in rng.sample(range(1, len(vols) + 1), min(8, len(vols))):
            members.add((t, v))
    con.executemany("INSERT INTO team_members (team_id, volunteer_id) "
                    "VALUES (?, ?)", sorted(members))
    for _, _, sql in later:
        con.execute(sql)
    # Full-text indexes with external content fill from their table.
    for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE "
                               "sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' "
                               "AND sql LIKE '%content=%'").fetchall():
        con.execute('INSERT INTO "%s" ("%s") VALUES (\'rebuild\')'
                    % (name, name))
    # The conflict state (migration 8) of a bulk load: every volunteer
    # with shifts still to judge, which rooster's next change does.
    if con.execute("SELECT 1 FROM sqlite_schema WHERE name = "
                   "'conflict_dirty'").fetchone():
        con.execute("INSERT OR IGNORE INTO conflict_dirty SELECT DISTINCT "
                    "volunteer_id FROM assignments")
    con.execute("COMMIT")
    # No ANALYZE: a plan grown by rooster has no sqlite_stat1 either, and
    # the bench must see the query plans users get.
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    return shifts, events


def calcurse(dirname, shifts, events):
    """The same shifts as calcurse appointments (its apts format)."""
    zone = zoneinfo.ZoneInfo(ZONE)
    title = {e[0]: e[2] for e in events}
    os.makedirs(dirname, exist_ok=True)

    def when(ts):
        return datetime.datetime.fromtimestamp(ts, zone).strftime(
            "%m/%d/%Y @ %H:%M")
    with open(os.path.join(dirname, "apts"), "w") as f:
        for sh in shifts:
            f.write("%s -> %s |%s: %s\n" % (when(sh[4]), when(sh[5]),
                                             title[sh[1]], sh[3]))
    open(os.path.join(dirname, "todo"), "w").close()


def ics(n, path):
    """A calendar of n events for `import ics`, one VEVENT each, in UTC."""
    rng = random.Random("%d-ics-%d" % (SEED, n))
    base = 1767600000                   # 2026-01-05 08:00 UTC

    def utc(ts):
        return datetime.datetime.fromtimestamp(
            ts, datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with open(path, "w", newline="") as f:
        f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                "PRODID:-//rooster//bench gen.py//EN\r\n")
        for i in range(1, n + 1):
            start = base + rng.randrange(DAYS) * 86400 + \
                rng.randrange(0, 10 * 3600, 1800)
            kind, city = rng.choice(KINDS), rng.choice(CITIES)
            f.write("BEGIN:VEVENT\r\nUID:import-%07d@bench.rooster.invalid"
                    "\r\nDTSTAMP:20261130T080000Z\r\nDTSTART:%s\r\n"
                    "DTEND:%s\r\nSUMMARY:%s %s\r\nLOCATION:Community "
                    "centre\\, %s\r\nDESCRIPTION:%s in %s (imported)."
                    "\r\nSTATUS:CONFIRMED\r\nSEQUENCE:0\r\nEND:VEVENT\r\n"
                    % (i, utc(start), utc(start + rng.randrange(1, 7) * 3600),
                       kind, city, city, kind, city))
        f.write("END:VCALENDAR\r\n")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "ics":
        ics(int(sys.argv[2]), sys.argv[3])
        return
    if len(sys.argv) not in (4, 5) or sys.argv[3] not in SCALES:
        sys.exit("usage: gen.py ROOSTER DB large|small|tiny [CALCURSE_DIR]\n"
                 "       gen.py ics N FILE")
    rooster, db, scale = sys.argv[1:4]
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    subprocess.run([rooster, "--db", db, "init", "--timezone", ZONE,
                    "--name", "Bench movement (%s)" % scale], check=True,
                   stdout=subprocess.DEVNULL)
    shifts, events = load(db, scale)
    # The bulk load changed the schema (indexes and triggers remade): the
    # first change rooster makes notes the version its history triggers
    # were checked at, after which an open skips that check; it also
    # judges every assignment for the stored conflict state. Make that
    # change now, as any plan in use has had it.
    subprocess.run([rooster, "--db", db, "init", "--timezone", ZONE,
                    "--name", "Bench movement (%s)" % scale], check=True,
                   stdout=subprocess.DEVNULL)
    if len(sys.argv) == 5:
        calcurse(sys.argv[4], shifts, events)


if __name__ == "__main__":
    main()
