#!/bin/sh
# SPDX-License-Identifier: ISC
# GMime is loaded only when mail is read (src/ics/ics_mime.c, dlopen):
# the binary does not name it, or GLib, among the libraries it needs, a
# lookup runs without loading it, and import mail loads it and reads a
# real client's mail (samples/, see samples/SOURCES) as before.
. "$(dirname "$0")/../lib.sh"
SAMPLES=$(cd "$(dirname "$0")/samples" && pwd)

r init --timezone Europe/Amsterdam --name Test
if ! command -v readelf >/dev/null 2>&1; then
	echo "ok - # skip: no readelf"
elif readelf -d "$ROOSTER" | grep NEEDED |
    grep -q -e gmime -e glib -e gobject -e gio; then
	not_ok "the binary needs no GMime or GLib" \
	    "$(readelf -d "$ROOSTER" | grep NEEDED)"
else
	ok "the binary needs no GMime or GLib"
fi

LD_DEBUG=libs "$ROOSTER" --db "$DB" who 2027-01-05 >/dev/null \
    2>"$TESTDIR/ld-who"
if grep -q "libgmime" "$TESTDIR/ld-who"; then
	not_ok "a lookup does not load GMime" "$(grep libgmime \
	    "$TESTDIR/ld-who" | head -3)"
else
	ok "a lookup does not load GMime"
fi

LD_DEBUG=libs "$ROOSTER" --db "$DB" import mail \
    "$SAMPLES/nextcloud-request_google.eml" >"$TESTDIR/out" \
    2>"$TESTDIR/ld-mail"
rc=$?
if grep -q "libgmime-3.0.so.0" "$TESTDIR/ld-mail"; then
	ok "import mail loads GMime"
else
	not_ok "import mail loads GMime" "$(head -5 "$TESTDIR/ld-mail")"
fi
if [ "$rc" -eq 0 ] && grep -q "1 events added" "$TESTDIR/out"; then
	ok "import mail reads the calendar part through it"
else
	not_ok "import mail reads the calendar part through it" "rc $rc" \
	    "$(cat "$TESTDIR/out")"
fi
finish
