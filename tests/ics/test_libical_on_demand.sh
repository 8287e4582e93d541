#!/bin/sh
# SPDX-License-Identifier: ISC
# libical and ICU are loaded only when iCalendar is read or written
# (src/ics/ics_lib.h, dlopen): the binary does not name them, or the C++
# runtime ICU brings, among the libraries it needs; lookups run without
# loading them; export, import and a repeating event load them and work.
# With a libical that does not load (an empty libical.so.3 first on
# LD_LIBRARY_PATH), every command family that reaches it refuses with one
# line naming it and changes nothing, and the others work as before.
# tests/unit/ics/test_ics_lib.c calls each function of rooster/ics.h
# first in a process: every one it declares must be named there.
. "$(dirname "$0")/../lib.sh"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
REAL=$(cd "$(dirname "$0")/real" && pwd)
MAIL=$(cd "$(dirname "$0")/../mail/samples" && pwd)

# Every function rooster/ics.h declares is called by the unit test.
missing=
for f in $(grep -v '^typedef' "$TOP/include/rooster/ics.h" |
    sed -n 's/^[a-z][a-z_ ]* \**\(ics_[a-z_]*\)(.*/\1/p'); do
	grep -q "\\b$f(" "$TOP/tests/unit/ics/test_ics_lib.c" ||
	    missing="$missing $f"
done
if [ -z "$missing" ] && grep -q 'ics_recur_is_bounded' \
    "$TOP/tests/unit/ics/test_ics_lib.c"; then
	ok "the unit test calls every function of rooster/ics.h first"
else
	not_ok "the unit test calls every function of rooster/ics.h first" \
	    "not called:$missing"
fi

if ! command -v readelf >/dev/null 2>&1; then
	echo "ok - # skip: no readelf"
elif readelf -d "$ROOSTER" | grep NEEDED |
    grep -q -e libical -e libicu -e 'libstdc++' -e libgcc_s; then
	not_ok "the binary needs no libical, ICU or C++ runtime" \
	    "$(readelf -d "$ROOSTER" | grep NEEDED)"
else
	ok "the binary needs no libical, ICU or C++ runtime"
fi

mkdir -p "$XDG_CONFIG_HOME/rooster"
printf 'name = Org\nemail = org@example.org\n' \
    >"$XDG_CONFIG_HOME/rooster/config"
ok_run "init" init --timezone Europe/Amsterdam --name Test
ok_run "a volunteer" volunteer add Ana --email ana@example.net
ok_run "another" volunteer add Bo --email bo@example.net
ok_run "an event" event add Markt --start "2027-01-05 18:00" \
    --end "2027-01-05 21:00"
ok_run "a shift" shift add 1 kassa --needed 2
ok_run "assigned" assign 1 1 --force

# loads WHAT LOG: did the run LD_DEBUG logged in LOG load libical?
loads() { grep -q "calling init: .*libical\.so" "$2"; }

for cmd in "who 2027-01-05" "volunteer list" "gaps" "volunteer show 1"; do
	# shellcheck disable=SC2086
	LD_DEBUG=libs "$ROOSTER" --db "$DB" $cmd >/dev/null \
	    2>"$TESTDIR/ld-lookup"
	if loads libical "$TESTDIR/ld-lookup"; then
		not_ok "$cmd does not load libical" \
		    "$(grep -e libical -e libicu "$TESTDIR/ld-lookup" | head -3)"
	elif grep -q 'libicu' "$TESTDIR/ld-lookup"; then
		not_ok "$cmd does not load ICU" \
		    "$(grep libicu "$TESTDIR/ld-lookup" | head -3)"
	else
		ok "$cmd loads neither libical nor ICU"
	fi
done

# on_demand NAME PATTERN ARGS...: the command loads libical, succeeds,
# and its output matches PATTERN.
on_demand() {
	_n=$1; _pat=$2; shift 2
	LD_DEBUG=libs "$ROOSTER" --db "$DB" "$@" >"$TESTDIR/out" \
	    2>"$TESTDIR/ld"
	_rc=$?
	if ! loads libical "$TESTDIR/ld"; then
		not_ok "$_n loads libical" "$(head -5 "$TESTDIR/ld")"
	elif [ "$_rc" -ne 0 ] || ! grep -qE -- "$_pat" "$TESTDIR/out"; then
		not_ok "$_n loads libical and works" "rc $_rc" \
		    "$(head -5 "$TESTDIR/out")" \
		    "$(grep -v '^ *[0-9]*:' "$TESTDIR/ld" | head -5)"
	else
		ok "$_n loads libical and works"
	fi
}
on_demand "export ics" '^BEGIN:VTIMEZONE' export ics
on_demand "import ics" 'ADDED' import ics "$REAL/google-publish-location.ics"
on_demand "event add --repeat" '' event add Soep --start "2027-02-02 18:00" \
    --end "2027-02-02 20:00" --repeat "FREQ=WEEKLY;COUNT=3"
r event list --from 2027-02-01 --to 2027-02-28
SOEP=$(printf '%s\n' "$OUT" | awk '/Soep/ { print $1; exit }')
if [ "$(printf '%s\n' "$OUT" | grep -c Soep)" -eq 3 ]; then
	ok "the repeating event has its three occurrences"
else
	not_ok "the repeating event has its three occurrences" "$OUT"
fi

# A libical that does not load: an empty library of its name.
FAKE="$TESTDIR/fake"
mkdir -p "$FAKE"
echo 'int rooster_not_libical;' >"$FAKE/empty.c"
if ! cc -shared -fPIC -o "$FAKE/libical.so.3" -Wl,-soname,libical.so.3 \
    "$FAKE/empty.c" 2>"$TESTDIR/cc"; then
	echo "ok - # skip: no C compiler for an empty libical"
	finish
fi
ROOSTER_REAL=$ROOSTER
ROOSTER="$TESTDIR/bin/rooster-nolibical"
cat >"$ROOSTER" <<EOF
#!/bin/sh
LD_LIBRARY_PATH="$FAKE\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$ROOSTER_REAL" "\$@"
EOF
chmod 755 "$ROOSTER"

NOLIB='libical \(libical\.so\.3\) lacks icalcomponent_add_component'
refused "no libical: export ics refuses" 1 "$NOLIB" export ics \
    -o "$TESTDIR/plan.ics"
refused "no libical: export feeds refuses" 1 "$NOLIB" export feeds \
    "$TESTDIR/feeds"
refused "no libical: invite refuses" 1 "$NOLIB" invite \
    --outbox "$TESTDIR/outbox"
refused "no libical: offer refuses" 1 "$NOLIB" offer 1 --to 2 \
    --outbox "$TESTDIR/outbox"
refused "no libical: import ics refuses" 1 "$NOLIB" import ics \
    "$REAL/google-publish-location.ics"
refused "no libical: import ics of a reply refuses" 1 "$NOLIB" import ics \
    "$REAL/google-reply-accepted.ics"
refused "no libical: import ics of free/busy refuses" 1 "$NOLIB" \
    import ics "$REAL/zimbra-freebusy.ics"
refused "no libical: import mail refuses" 1 "$NOLIB" import mail \
    "$MAIL/nextcloud-request_google.eml"
refused "no libical: event add --repeat refuses" 1 "$NOLIB" event add \
    Soep --start "2027-03-02 18:00" --end "2027-03-02 20:00" \
    --repeat "FREQ=WEEKLY;COUNT=3"
refused "no libical: event edit that makes a series refuses" 1 "$NOLIB" \
    event edit 1 --repeat "FREQ=WEEKLY;COUNT=4"
refused "no libical: event delete of a series' first refuses" 1 "$NOLIB" \
    event delete "$SOEP"
ok_run "no libical: event add without a rule works" event add Los \
    --start "2027-04-02 18:00" --end "2027-04-02 20:00"
ok_run "no libical: who works" who 2027-01-05
ok_run "no libical: volunteer list works" volunteer list
finish
