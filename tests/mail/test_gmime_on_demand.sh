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

# A GMime that lacks its functions (an empty library of its name first on
# LD_LIBRARY_PATH), and one that does not load at all (not a library):
# import mail refuses in one line naming it, and the plan is unchanged.
FAKE="$TESTDIR/fake"
mkdir -p "$FAKE/empty" "$FAKE/broken"
echo 'int rooster_not_gmime;' >"$FAKE/empty.c"
if ! cc -shared -fPIC -o "$FAKE/empty/libgmime-3.0.so.0" \
    -Wl,-soname,libgmime-3.0.so.0 "$FAKE/empty.c" 2>"$TESTDIR/cc"; then
	echo "ok - # skip: no C compiler for an empty GMime"
	finish
fi
echo "not a library" >"$FAKE/broken/libgmime-3.0.so.0"
ROOSTER_REAL=$ROOSTER
for kind in empty broken; do
	cat >"$TESTDIR/rooster-$kind" <<EOF
#!/bin/sh
LD_LIBRARY_PATH="$FAKE/$kind\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$ROOSTER_REAL" "\$@"
EOF
	chmod 755 "$TESTDIR/rooster-$kind"
done
ROOSTER="$TESTDIR/rooster-empty"
refused "a GMime without its functions: import mail refuses" 1 \
    'cannot read mail: GMime \(libgmime-3\.0\.so\.0\) lacks g_' \
    import mail "$SAMPLES/nextcloud-request_google.eml"
ROOSTER="$TESTDIR/rooster-broken"
refused "a GMime that does not load: import mail refuses" 1 \
    'cannot read mail: GMime \(libgmime-3\.0\.so\.0\) did not load' \
    import mail "$SAMPLES/nextcloud-request_google.eml"
ok_run "without GMime a lookup still works" who 2027-01-05
ROOSTER=$ROOSTER_REAL
finish
