# SPDX-License-Identifier: ISC
# Shared by tests/ics/*.sh: a private plan and config in a temp directory,
# the independent parser (Debian's /usr/bin/python3 with python3-icalendar,
# not whatever python3 comes first on PATH), and ok/not ok reporting.
set -u
ROOSTER=${ROOSTER:-$(cd "$(dirname "$0")/../.." && pwd)/build/rooster}
CHECK="/usr/bin/python3 $(cd "$(dirname "$0")" && pwd)/icscheck.py"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rooster-ics.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
export ROOSTER_DB="$WORK/plan.db" XDG_CONFIG_HOME="$WORK/config" \
    TZ=UTC LC_ALL=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/rooster"
FAILED=0
PASSED=0

# ok NAME COMMAND...: run the command quietly; report its success.
ok() {
	name=$1
	shift
	if "$@" >"$WORK/last.out" 2>&1; then
		echo "ok - $name"
		PASSED=$((PASSED + 1))
	else
		echo "not ok - $name"
		sed 's/^/#   /' "$WORK/last.out" | head -20
		FAILED=$((FAILED + 1))
	fi
}

# has FILE PATTERN: FILE has a line matching the extended regex.
has() { grep -Eq -- "$2" "$1"; }
# lacks FILE PATTERN
lacks() { ! grep -Eq -- "$2" "$1"; }
# count FILE PATTERN N: exactly N lines match.
count() { [ "$(grep -Ec -- "$2" "$1")" -eq "$3" ]; }

r() { "$ROOSTER" "$@"; }

config() { printf '%s\n' "$@" >"$XDG_CONFIG_HOME/rooster/config"; }

# The two DST-straddling events of the tests, each with one shift.
two_events() {
	r init --timezone Europe/Amsterdam --name "Stichting Samen" >/dev/null
	r event add "Taalcaf$(printf '\303\251')" --start "2027-03-27 14:00" \
	    --end "2027-03-27 17:00" --location "Dorpshuis, Kerkstraat 12; zaal 2" \
	    >/dev/null
	r event add "Voetbal" --start "2027-03-28 14:00" \
	    --end "2027-03-28 17:00" --location "Stadion" >/dev/null
	r shift add 1 begeleider --needed 2 >/dev/null
	r shift add 2 tolk >/dev/null
}

uid_of_shift() { sqlite3 "$ROOSTER_DB" "SELECT uid FROM shifts WHERE id = $1"; }

finish() {
	echo "# $(basename "$0"): $PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}
