#!/usr/bin/python3
# SPDX-License-Identifier: ISC
# The benchmark behind `make bench`: generates (or reuses) the large and the
# tenth-size plan, runs every job as a whole process several times beside
# calcurse on the same appointments, and prints one table of medians and
# ratios. At full scale it rewrites the generated part of
# docs/PERFORMANCE.md (between the bench markers); the analysis around it
# is written by hand.
#
# usage: bench.py ROOSTER            (BENCH_SCALE=tiny: a smoke run, no doc)
# environment: BENCH_SCALE full|tiny, BENCH_RUNS (default 7), BENCH_DOC
import datetime
import fcntl
import hashlib
import os
import platform
import pty
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
GEN = os.path.join(HERE, "gen.py")
DOC = os.path.join(TOP, "docs", "PERFORMANCE.md")
BEGIN = "<!-- bench:begin (written by make bench; edit outside) -->"
END = "<!-- bench:end -->"
LARGE_TABLES = ("events", "shifts", "volunteers", "assignments",
                "unavailable", "change_log")

# Fixed questions, inside the generated two years (gen.py FIRST_DAY + 728).
DAY = "2026-12-05"
WEEK = ("2026-11-30", "2026-12-06")
YEAR = ("2026-01-05", "2027-01-03")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---- running and measuring whole processes ---------------------------

BRUN = None     # the C launcher (brun.c), built in main()
SLOW = 3.0      # seconds: a job this slow is timed once after its warm-up


def spawn(argv, env=None, stdin=None, stdout=None):
    """Run argv to completion: (wall s, peak RSS KiB, exit status, CPU s)."""
    rep = tempfile.mktemp(prefix="rooster-brun-")
    e = dict(env if env is not None else os.environ, BRUN_REPORT=rep)
    subprocess.run([BRUN, stdin or os.devnull, stdout or os.devnull] + argv,
                   env=e, check=True)
    with open(rep) as f:
        ns, kib, rc, cpu = f.read().split()
    os.unlink(rep)
    return int(ns) / 1e9, int(kib), int(rc), int(cpu) / 1e9


class Result:
    def __init__(self, times, rss, cpus=None):
        self.times = times
        self.rss = rss
        self.cpus = cpus or []

    @property
    def cpu_ms(self):
        return statistics.median(self.cpus) * 1000 if self.cpus else None

    @property
    def ms(self):
        return statistics.median(self.times) * 1000

    @property
    def kib(self):
        return statistics.median(self.rss)


def measure(argv, runs, prepare=None, env=None, stdin=None, stdout=None,
            warm=True):
    """Median over runs of a whole process (after one warm-up run)."""
    times, rss, cpus = [], [], []
    n = runs + (1 if warm else 0)
    i = 0
    while i < n:
        if prepare:
            prepare()
        t, kib, rc, cpu = spawn(argv, env=env, stdin=stdin, stdout=stdout)
        if rc != 0:
            raise RuntimeError("%s exited %d" % (" ".join(argv), rc))
        i += 1
        if warm and i == 1:
            if t > SLOW:        # a slow job: the warm-up plus one run
                n = 2
            continue
        times.append(t)
        rss.append(kib)
        cpus.append(cpu)
    return Result(times, rss, cpus)


# ---- the screen, on a pseudo-terminal --------------------------------

def screen(rooster, db, keys=(), rows=24, cols=80, timeout=60):
    """
    Start the screen at cols x rows; return (seconds to the first frame,
    {label: [seconds per key]}, peak RSS KiB). keys is a list of (label,
    bytes, timed): each byte is sent alone and, if timed, timed from the
    write to the last byte of the redraw it causes. The first frame time
    comes from the ROOSTER_FIRST_FRAME_FILE hook (CLOCK_MONOTONIC, as
    time.monotonic here).
    """
    stamp = tempfile.mktemp(prefix="rooster-frame-")
    rep = tempfile.mktemp(prefix="rooster-brun-")
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8",
               ROOSTER_FIRST_FRAME_FILE=stamp, ROOSTER_DB=db,
               BRUN_REPORT=rep)
    env.pop("NO_COLOR", None)
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols,
                                                       0, 0))
        try:
            os.execve(BRUN, [BRUN, "-", "-", rooster], env)
        finally:
            os._exit(127)

    def drain(first_wait, quiet):
        """Wait up to first_wait for output, then read until quiet s pass
        without any; the time of the last byte (None: no output)."""
        last = None
        wait = first_wait
        while True:
            r, _, _ = select.select([fd], [], [], wait)
            if not r:
                break
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
            last = time.monotonic()
            wait = quiet
        return last

    first = None
    while first is None and time.monotonic() < t0 + timeout:
        drain(0.01, 0.01)
        try:
            with open(stamp) as f:
                text = f.read().split()
            if text:
                first = float(text[0]) - t0
        except OSError:
            pass
    drain(0.3, 0.3)
    per_key = {}
    for label, seq, timed in keys:
        for i in range(len(seq)):
            sent = time.monotonic()
            os.write(fd, seq[i:i + 1])
            last = drain(timeout if label.startswith("screen: G") else 2,
                         0.05)
            if timed and last is not None:
                per_key.setdefault(label, []).append(last - sent)
    os.write(fd, b"\x1b")          # leave a filter or view, then quit
    drain(1, 0.1)
    os.write(fd, b"q")
    drain(5, 0.2)
    for _ in range(50):
        if os.waitpid(pid, os.WNOHANG)[0] != 0:
            break
        time.sleep(0.1)
    else:
        os.killpg(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        raise RuntimeError("the screen did not quit on q")
    os.close(fd)
    kib = 0
    try:
        with open(rep) as f:
            kib = int(f.read().split()[1])
    except (OSError, IndexError, ValueError):
        pass
    for p in (stamp, rep):
        try:
            os.unlink(p)
        except OSError:
            pass
    if first is None:
        raise RuntimeError("the screen wrote no first-frame stamp")
    return first, per_key, kib


# ---- data sets --------------------------------------------------------

def cache_key():
    h = hashlib.sha256()
    for p in (GEN, os.path.join(TOP, "src", "store", "store_migrate.c")):
        with open(p, "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:12]


def dataset(rooster, cache, scale):
    db = os.path.join(cache, "%s.db" % scale)
    cal = os.path.join(cache, "calcurse-%s" % scale)
    if not os.path.exists(db):
        log("bench: generating the %s plan" % scale)
        t = time.monotonic()
        tmp = db + ".tmp"
        subprocess.run([sys.executable, GEN, rooster, tmp, scale, cal],
                       check=True)
        os.rename(tmp, db)
        log("bench: %s plan in %.1f s" % (scale, time.monotonic() - t))
    return db, cal


def icsfile(cache, n):
    path = os.path.join(cache, "import-%d.ics" % n)
    if not os.path.exists(path):
        subprocess.run([sys.executable, GEN, "ics", str(n), path + ".tmp"],
                       check=True)
        os.rename(path + ".tmp", path)
    return path


def commands(rooster):
    out = subprocess.run([rooster, "help"], capture_output=True,
                         text=True).stdout
    return set(m.group(1).strip() for m in
               re.finditer(r"^  ([a-z][a-z ]*?)\s{2,}", out, re.M))


def has_screen():
    tui = os.path.join(TOP, "src", "tui")
    return any(n.startswith("tui_pane") for n in os.listdir(tui))


# ---- query plans ------------------------------------------------------

def sql_of(rooster, db, args, shim):
    trace = tempfile.mktemp(prefix="rooster-sql-")
    env = dict(os.environ, LD_PRELOAD=shim, ROOSTER_SQL_TRACE=trace)
    spawn([rooster, "--db", db] + args, env=env)
    try:
        with open(trace, "rb") as f:
            stmts = f.read().decode().split("\0")
        os.unlink(trace)
    except OSError:
        return []
    out = []
    for s in stmts:
        s = " ".join(s.split())
        if not s or re.match(r"(PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|"
                             r"RELEASE|INSERT|UPDATE|DELETE)\b", s, re.I):
            continue
        if "sqlite_master" in s or "sqlite_stat" in s or "'main'." in s or \
                "sqlite_schema" in s or s.startswith("SELECT value FROM "
                                                     "settings"):
            continue
        if s not in out:
            out.append(s)
    return out


def explain(db, sql):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    # rooster's own SQL function (store_db.c), so its queries explain;
    # the plan does not depend on what it returns (the check for names
    # still to fold uses it).
    con.create_function("rooster_fold", 1, lambda s: s, deterministic=True)
    partial = set(n for (n,) in con.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND "
        "sql LIKE '% WHERE %'"))
    try:
        nparams = max([int(x) for x in re.findall(r"\?(\d+)", sql)] or [0])
        nparams = max(nparams, sql.count("?") if nparams == 0 else 0)
        rows = con.execute("EXPLAIN QUERY PLAN " + sql,
                           [None] * nparams).fetchall()
    finally:
        con.close()
    lines, bad = [], []
    depth = {0: -1}
    for node, parent, _, detail in rows:
        d = depth.get(parent, -1) + 1
        depth[node] = d
        lines.append("  " * d + detail)
        m = re.match(r"SCAN (\w+)", detail)
        if m and not detail.startswith("SCAN CONSTANT"):
            tables = re.findall(r"\b(?:FROM|JOIN)\s+(\w+)\s+(?:AS\s+)?"
                                + re.escape(m.group(1)) + r"\b", sql)
            name = tables[0] if tables else m.group(1)
            idx = re.search(r"USING (?:COVERING )?INDEX (\w+)", detail)
            if name in LARGE_TABLES and "VIRTUAL TABLE" not in detail and \
                    not (idx and idx.group(1) in partial):
                bad.append(detail)
    return lines, bad


# ---- the report -------------------------------------------------------

def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024
    cal = subprocess.run(["calcurse", "--version"], capture_output=True,
                         text=True).stdout.split("\n")[0] \
        if shutil.which("calcurse") else "calcurse: not installed"
    return [("CPUs (nproc)", str(os.cpu_count())), ("CPU model", cpu),
            ("RAM", "%d MiB" % mem),
            ("kernel", platform.release()),
            ("SQLite", sqlite3.sqlite_version), ("peer", cal),
            ("load average at the end", " ".join(
                open("/proc/loadavg").read().split()[:3])),
            ("date", datetime.datetime.now(datetime.timezone.utc)
             .strftime("%Y-%m-%d %H:%M UTC"))]


def fmt_ms(r):
    if r is None:
        return "-"
    v = r if isinstance(r, float) else r.ms
    return "%.1f" % v if v < 100 else "%.0f" % v


def fmt_kib(r):
    if r is None:
        return "-"
    return "%.1f" % (r.kib / 1024)


def ratio(a, b):
    if a is None or b is None:
        return "-"
    x = (a if isinstance(a, float) else a.ms) / \
        (b if isinstance(b, float) else b.ms)
    return "%.2f×" % x


# Where a bench leaves its work directory (its feeds: 50,001 files and
# more) instead of deleting it: ext4 skips inodes freed in the last few
# minutes when it allocates new ones (recently_deleted), so a bench run
# just after another's deletion took 24 s for the feeds export that took
# 8.6 s in the run before it (by hand: 8.5 s into a new directory, 29.8 s
# right after deleting 50,001 files, 23.9 of them system time).
TRASH = os.path.join(tempfile.gettempdir(),
                     "rooster-bench-trash-%d" % os.getuid())
TRASH_AGE = 15 * 60


def trash_old():
    """Delete what earlier benches left in TRASH more than TRASH_AGE
    seconds ago. Called right after this bench's feeds exports, so the
    next bench's feeds export comes minutes after the deletion."""
    try:
        names = os.listdir(TRASH)
    except OSError:
        return
    now = time.time()
    for name in names:
        p = os.path.join(TRASH, name)
        try:
            if now - os.stat(p).st_mtime > TRASH_AGE:
                shutil.rmtree(p, ignore_errors=True)
        except OSError:
            pass


def trash(path):
    """Move path into TRASH (deleted by a later bench's trash_old), or
    delete it if it cannot be moved there."""
    try:
        os.makedirs(TRASH, exist_ok=True)
        dest = os.path.join(TRASH, "%d-%d" % (time.time(), os.getpid()))
        os.rename(path, dest)
        os.utime(dest)
    except OSError:
        shutil.rmtree(path, ignore_errors=True)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench.py ROOSTER")
    rooster = os.path.abspath(sys.argv[1])
    tiny = os.environ.get("BENCH_SCALE", "full") == "tiny"
    runs = int(os.environ.get("BENCH_RUNS") or (2 if tiny else 7))
    build = os.path.dirname(rooster)
    cache = os.path.join(build, "bench", cache_key())
    os.makedirs(cache, exist_ok=True)
    for old in os.listdir(os.path.dirname(cache)):   # other versions' sets
        p = os.path.join(os.path.dirname(cache), old)
        if os.path.isdir(p) and p != cache and re.match(r"[0-9a-f]{12}$",
                                                        old):
            shutil.rmtree(p, ignore_errors=True)
    work = tempfile.mkdtemp(prefix="rooster-bench-")
    global BRUN
    shim = os.path.join(build, "bench", "sqltrace.so")
    BRUN = os.path.join(build, "bench", "brun")
    for src, dst, flags in (("sqltrace.c", shim, ["-shared", "-fPIC"]),
                            ("brun.c", BRUN, [])):
        src = os.path.join(HERE, src)
        if not os.path.exists(dst) or \
                os.path.getmtime(dst) < os.path.getmtime(src):
            subprocess.run(["cc", "-O2", "-Wall", "-o", dst] + flags +
                           [src, "-ldl"], check=True)
    have = commands(rooster)
    scales = ["tiny"] if tiny else ["small", "large"]
    sets = {s: dataset(rooster, cache, s) for s in scales}
    base = "tiny" if tiny else "large"
    small = "tiny" if tiny else "small"
    nvol = {"tiny": 500, "small": 5000, "large": 50000}
    res = {}           # (job, scale) -> Result
    notes = {}
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    out = os.path.join(work, "out")

    def run(job, scale, args, **kw):
        db = sets[scale][0]
        log("bench: %-28s %s" % (job, scale))
        try:
            res[(job, scale)] = measure([rooster, "--db", db] + args, runs,
                                        env=env, stdout=out, **kw)
        except RuntimeError as e:
            notes[job] = str(e)
            log("bench: %s" % e)

    lookups = [
        ("who DAY", ["who", DAY]),
        ("gaps (a week)", ["gaps", "--from", WEEK[0], "--to", WEEK[1]]),
        ("volunteer show", ["volunteer", "show", "VID"]),
        # A name every scale has, so the index finds it (the tiny plan has
        # no Oksana Shevchenko, and a search without a match scans: below).
        ("volunteer list --search (narrow)",
         ["volunteer", "list", "--search", "oksana kaya"]),
        ("volunteer list --search (broad)",
         ["volunteer", "list", "--search", "ahm"]),
        # No match: the index of folded names (migration 13) answers
        # that at once; before it, the search ran again over every
        # volunteer without regard to accents.
        ("name search without a match (accents)",
         ["volunteer", "list", "--search", "zzyzx qqq"]),
    ]
    if "suggest" in have:
        lookups.append(("suggest SHIFT", ["suggest", "SID"]))
        # An interpreter into Farsi: few volunteers have both, so the scan
        # reads thousands in name order before the best 20 are certain.
        lookups.append(("suggest SHIFT (a rare language)",
                        ["suggest", "RSID"]))
    if "conflicts" in have:
        lookups.append(("conflicts (a week)",
                        ["conflicts", "--from", WEEK[0], "--to", WEEK[1]]))
        lookups.append(("conflicts (a year)",
                        ["conflicts", "--from", YEAR[0], "--to", YEAR[1]]))
    plans = {}
    rare = {}
    for s in scales:
        con = sqlite3.connect(sets[s][0])
        row = con.execute("SELECT id FROM shifts WHERE language = 'fa' "
                          "ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 "
                          "FROM shifts WHERE language = 'fa')").fetchone()
        con.close()
        rare[s] = str(row[0] if row else 1)
    for job, args in lookups:
        for s in scales:
            a = [x.replace("VID", str(nvol[s] // 4 + 7))
                 .replace("RSID", rare[s])
                 .replace("SID", str(nvol[s] * 2 // 3 + 11)) for x in args]
            run(job, s, a)
            if s == base:
                plans[job] = sql_of(rooster, sets[s][0], a, shim)

    # iCalendar out and in.
    if "export ics" in have or "export" in have:
        for s in scales:
            run("export ics (all shifts)", s, ["export", "ics", "-o",
                                               os.path.join(work, "x.ics")])
    if "export feeds" in have or "export" in have:
        feeds = os.path.join(work, "feeds")

        # Each run starts on an empty directory. The last run's files are
        # moved aside, not deleted: ext4 skips inodes freed in the last
        # minutes when it allocates new ones (recently_deleted), so 50,001
        # files deleted just before a run made that run's system time 6 s
        # or 25 s by chance. They go to TRASH with the work directory.
        aside = []

        def clean():
            if os.path.exists(feeds):
                aside.append("%s.%d" % (feeds, len(aside)))
                os.rename(feeds, aside[-1])
            os.makedirs(feeds)
        for s in scales:
            run("export feeds (all volunteers)", s,
                ["export", "feeds", feeds], prepare=clean)
        # Then one assignment changes (declined and accepted in turn, so
        # the calendars of the shift's people and the plan's change)
        # before each run, on a directory that holds the last export:
        # what a cron job does every few minutes.
        for s in scales:
            db = sets[s][0]
            clean()
            subprocess.run([rooster, "--db", db, "export", "feeds", feeds],
                           env=env, check=True, stdout=subprocess.DEVNULL)
            sid = str(nvol[s] * 2 // 3 + 11)
            con = sqlite3.connect(db)
            row = con.execute("SELECT volunteer_id FROM assignments WHERE "
                              "shift_id = ? AND status != 'declined' "
                              "ORDER BY volunteer_id LIMIT 1",
                              (int(sid),)).fetchone()
            con.close()
            flip = {"n": 0}

            def change(db=db, sid=sid, vid=str(row[0] if row else 1)):
                flip["n"] += 1
                subprocess.run([rooster, "--db", db, "respond", sid, vid,
                                "declined" if flip["n"] % 2 else
                                "accepted"], env=env, check=True,
                               stdout=subprocess.DEVNULL)
            run("export feeds (after one change)", s,
                ["export", "feeds", feeds], prepare=change)
        trash_old()
    if "import ics" in have or "import" in have:
        empty = os.path.join(work, "import.db")

        def fresh():
            for suf in ("", "-wal", "-shm"):
                if os.path.exists(empty + suf):
                    os.unlink(empty + suf)
            subprocess.run([rooster, "--db", empty, "init", "--timezone",
                            "Europe/Amsterdam"], check=True,
                           stdout=subprocess.DEVNULL)
        for s, n in (("small", 10000), ("large", 100000)) if not tiny else \
                (("tiny", 1000),):
            f = icsfile(cache, n)
            log("bench: %-28s %d events" % ("import ics", n))
            try:
                res[("import ics", s)] = measure(
                    [rooster, "--db", empty, "import", "ics", f], runs,
                    prepare=fresh, env=env, stdout=out)
            except RuntimeError as e:
                notes["import ics"] = str(e)
                log("bench: %s" % e)

    # The screen.
    if has_screen():
        for s in scales:
            log("bench: %-28s %s" % ("screen", s))
            firsts, rss = [], []
            try:
                for i in range(runs + 1):
                    f, _, kib = screen(rooster, sets[s][0])
                    if i:
                        firsts.append(f)
                        rss.append(kib)
                res[("screen: first frame 80x24", s)] = Result(firsts, rss)
                n = 3 if tiny else 15
                _, per_key, kib = screen(rooster, sets[s][0], [
                    ("screen: key j (down)", b"j" * n, True),
                    ("screen: key C-f (page down)", b"\x06" * n, True),
                    ("screen: key 3 (volunteers pane)", b"3", True),
                    ("", b"/", False),
                    ("screen: filter volunteers, a letter", b"ahme", True)])
                for label, lat in per_key.items():
                    res[(label, s)] = Result(lat, [kib])
                _, per_key, kib = screen(rooster, sets[s][0], [
                    ("screen: G, to the last event", b"G", True)],
                    timeout=120)
                res[("screen: G, to the last event", s)] = Result(
                    per_key.get("screen: G, to the last event", []) or [0.0],
                    [kib])
            except (RuntimeError, OSError) as e:
                notes["screen"] = str(e)
                log("bench: screen: %s" % e)

    # calcurse on the same shifts as appointments. Its apts file is in
    # start order, as calcurse saves it; loading that order is quadratic
    # in calcurse 4.7 (each insert walks its sorted list), so the fair
    # figure is the best case: the same file reversed.
    cal = {}
    if shutil.which("calcurse"):
        calbin = shutil.which("calcurse")
        for s in scales:
            d = sets[s][1]
            rev = d + "-reversed"
            if not os.path.exists(os.path.join(rev, "apts")):
                os.makedirs(rev, exist_ok=True)
                with open(os.path.join(d, "apts")) as f:
                    lines = f.readlines()
                with open(os.path.join(rev, "apts"), "w") as f:
                    f.writelines(reversed(lines))
                open(os.path.join(rev, "todo"), "w").close()
            m, dd, y = DAY[5:7], DAY[8:10], DAY[:4]
            for label, dirn, n in (("calcurse -Q (one day)", rev, runs),
                                   ("calcurse -Q, file as saved", d,
                                    1 if s == "large" else runs)):
                log("bench: %-28s %s" % (label, s))
                res[(label, s)] = measure(
                    [calbin, "-D", dirn, "--read-only", "-Q",
                     "--filter-type", "cal", "--from", "%s/%s/%s" % (m, dd, y)],
                    n, env=env, stdout=out, warm=n > 1)
            for label, dirn, n in (("calcurse --export=ical", rev, runs),
                                   ("calcurse --export=ical, file as saved",
                                    d, 1 if s == "large" else runs)):
                log("bench: %-28s %s" % (label, s))
                res[(label, s)] = measure(
                    [calbin, "-D", dirn, "--read-only", "--export=ical"],
                    n, env=env, stdout=out, warm=n > 1)
        cal["start"] = res.get(("calcurse -Q (one day)", base))
        cal["export"] = res.get(("calcurse --export=ical", base))

    report = render(res, notes, plans, sets, base, small, cal, runs, tiny,
                    lookups)
    sys.stderr.flush()
    print(report["table"], flush=True)
    for bad in report["bad"]:
        print("full scan: %s" % bad)
    if not tiny and os.environ.get("BENCH_DOC", "1") == "1":
        write_doc(report["doc"])
        log("bench: wrote %s" % os.path.relpath(DOC))
    if tiny:    # a few hundred small files: nothing to wait for
        shutil.rmtree(work, ignore_errors=True)
    else:
        trash(work)


def render(res, notes, plans, sets, base, small, cal, runs, tiny, lookups):
    cols = ["job", "%s ms" % small, "%s ms" % base, "%s CPU ms" % base,
            "%s/%s" % (base, small), "RSS %s MiB" % small,
            "RSS %s MiB" % base, "vs calcurse", "target", "met"]
    rows = ["| " + " | ".join(cols) + " |", "|" + " --- |" * len(cols)]
    jobs = []
    for (job, _) in res:
        if job not in jobs:
            jobs.append(job)
    lookup_jobs = [j for j, _ in lookups]
    cs, ce = cal.get("start"), cal.get("export")

    def yes(ok):
        return "yes" if ok else "**no**"

    def target(job, lr, sr):
        """(target, met, vs calcurse) for one row."""
        if job == "export feeds (all volunteers)":
            return "≤ 15 s", yes(lr and lr.ms <= 15000), "-"
        if job == "export feeds (after one change)":
            return "≤ 1 s", yes(lr and lr.ms <= 1000), "-"
        if job == "conflicts (a year)":
            return "seconds", yes(lr and lr.ms < 10000), ratio(lr, cs)
        if job in lookup_jobs:
            return "≤ 16 ms CPU", yes(lr and lr.cpu_ms <= 16), ratio(lr, cs)
        if job.startswith("screen: first"):
            ok = lr and sr and cs and lr.ms <= 0.25 * cs.ms and \
                lr.ms <= 1.3 * sr.ms and lr.kib <= 1.3 * sr.kib and \
                lr.kib <= cs.kib
            return "≤ 0.25× calcurse -Q; ≤ 1.3× small in time and RSS; " \
                "RSS ≤ calcurse", yes(ok), ratio(lr, cs)
        if job.startswith("screen: key") or job.startswith("screen: filter"):
            return "≤ 16 ms", yes(lr and lr.ms <= 16), "-"
        if job.startswith("screen: G"):
            ok = lr and sr and cs and lr.kib <= 1.3 * sr.kib and \
                lr.kib <= cs.kib and lr.ms <= 16
            return "≤ 16 ms; RSS ≤ 1.3× small, ≤ calcurse", yes(ok), "-"
        if job.startswith("export ics"):
            n = {"tiny": 1000, "small": 10000, "large": 100000}[base]
            rate = n / (lr.ms / 1000) if lr else 0
            ok = lr and ce and lr.ms <= 1.0 * ce.ms and \
                lr.kib <= 1.3 * sr.kib if sr else lr and ce and \
                lr.ms <= 1.0 * ce.ms
            return "≤ 1.0× calcurse (%.0fk VEVENT/s); flat memory" % (
                rate / 1000), yes(ok), ratio(lr, ce)
        if job == "import ics":
            n = 1000 if tiny else 100000
            rate = n / (lr.ms / 1000) if lr else 0
            ok = lr and sr and rate >= 50000 and lr.ms <= 12 * sr.ms
            return "≥ 50k events/s (%.0fk/s); 100k ≤ 12× 10k" % (
                rate / 1000), yes(ok), "-"
        if job in ("calcurse -Q (one day)", "calcurse --export=ical"):
            return "peer", "", "1.00×"
        return "", "", "-"

    for job in jobs:
        lr, sr = res.get((job, base)), res.get((job, small))
        if tiny:
            sr = None
        tgt, met, vs = target(job, lr, sr)
        cpu = lr.cpu_ms if lr else None
        rows.append("| " + " | ".join([
            job, fmt_ms(sr), fmt_ms(lr), fmt_ms(cpu) if cpu else "-",
            ratio(lr, sr), fmt_kib(sr), fmt_kib(lr), vs, tgt, met]) + " |")
    table = "\n".join(rows)
    bad = []
    plan_md = []
    for job, stmts in plans.items():
        plan_md.append("#### %s\n" % job)
        for sql in stmts:
            lines, scans = explain(sets[base][0], sql)
            if scans:
                bad.append("%s: %s" % (job, "; ".join(scans)))
            plan_md.append("```sql\n%s\n```\n```\n%s\n```\n" % (
                wrap(sql), "\n".join(lines)))
    mach = "\n".join("| %s | %s |" % kv for kv in machine())
    doc = "\n".join([
        BEGIN, "",
        "### Machine", "", "| | |", "| --- | --- |", mach, "",
        "### Results", "",
        "Medians of %d runs of the whole process (after one warm-up run): "
        "wall time in ms, CPU time (user + system) in ms, peak RSS "
        "(ru_maxrss, what `/usr/bin/time -f %%M` reports) in MiB. Rows "
        "that take many seconds ran once. *vs calcurse*: rooster on the "
        "large plan over calcurse on its 100,000 appointments (its `-Q` "
        "start-up for lookups and the screen, its ical export for export)."
        % runs, "",
        table, "",
        ("Notes: " + "; ".join("%s: %s" % kv for kv in notes.items()) +
         "\n") if notes else "",
        "### Query plans", "",
        "Every statement each lookup prepares on the large plan (traced with "
        "`tests/bench/sqltrace.c`), with `EXPLAIN QUERY PLAN`. Full scans of "
        "a large table: %s." % ("none" if not bad else "; ".join(bad)), "",
        "\n".join(plan_md), END])
    return {"table": table, "doc": doc, "bad": bad}


def wrap(sql, width=76):
    out, line = [], ""
    for word in sql.split():
        if len(line) + len(word) + 1 > width and line:
            out.append(line)
            line = "  "
        line += ("" if line.strip() == "" and line else
                 " " if line else "") + word
    out.append(line)
    return "\n".join(out)


def write_doc(section):
    try:
        with open(DOC) as f:
            text = f.read()
    except OSError:
        text = "# rooster: performance\n\n%s\n%s\n" % (BEGIN, END)
    if BEGIN not in text or END not in text:
        text += "\n%s\n%s\n" % (BEGIN, END)
    a = text.index(BEGIN)
    b = text.index(END) + len(END)
    with open(DOC + ".tmp", "w") as f:
        f.write(text[:a] + section + text[b:])
    os.rename(DOC + ".tmp", DOC)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    main()
