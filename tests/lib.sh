# SPDX-License-Identifier: ISC
# Helpers for end-to-end tests. A test script sources this file, then calls
# the check functions; each prints "ok - NAME" or "not ok - NAME" (with what
# went wrong), and `finish` exits non-zero if anything failed.
# $ROOSTER is the binary under test (set by tests/run.sh).
set -u
: "${ROOSTER:=$(cd "$(dirname "$0")/../.." && pwd)/build/rooster}"
TESTDIR=$(mktemp -d "${TMPDIR:-/tmp}/rooster-test.XXXXXX")
trap 'rm -rf "$TESTDIR"' EXIT
# Tests that check file modes run rooster as an unprivileged user (root
# ignores modes). The checkout may sit where only root can enter (/root),
# so run a copy that every user can reach; its catalogues come along.
ROOSTER_BUILT=$ROOSTER	# the binary in its build directory
mkdir -p "$TESTDIR/bin"
cp "$ROOSTER" "$TESTDIR/bin/rooster"
[ -d "$(dirname "$ROOSTER")/locale" ] &&
    cp -R "$(dirname "$ROOSTER")/locale" "$TESTDIR/bin/locale"
chmod 0711 "$TESTDIR"
chmod -R a+rX "$TESTDIR/bin"
ROOSTER="$TESTDIR/bin/rooster"
DB="$TESTDIR/plan.db"
export TZ=UTC LC_ALL=C.UTF-8 HOME="$TESTDIR/home" XDG_CONFIG_HOME="$TESTDIR/config"
export XDG_DATA_HOME="$TESTDIR/data"
unset ROOSTER_DB
mkdir -p "$HOME"
_failures=0

ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; shift; for l in "$@"; do echo "#   $l"; done; _failures=$((_failures + 1)); }

# r ARGS...: run rooster on $DB; output in $OUT, errors in $ERR, status in $RC.
r() {
	"$ROOSTER" --db "$DB" "$@" > "$TESTDIR/out" 2> "$TESTDIR/err"
	RC=$?
	OUT=$(cat "$TESTDIR/out")
	ERR=$(cat "$TESTDIR/err")
}

# ok_run NAME ARGS...: rooster must succeed with nothing on stderr.
ok_run() {
	_n=$1; shift
	r "$@"
	if [ "$RC" -eq 0 ] && [ -z "$ERR" ]; then ok "$_n"
	else not_ok "$_n" "exit $RC" "stderr: $ERR"; fi
}

dump() { sqlite3 "$DB" .dump 2>&1; }

# refused NAME STATUS PATTERN ARGS...: rooster must exit STATUS with exactly
# one line on stderr, starting "rooster: " and matching PATTERN (grep -E),
# and leave the database's dump identical.
refused() {
	_n=$1; _st=$2; _pat=$3; shift 3
	_before=$(dump)
	r "$@"
	_after=$(dump)
	_lines=$(printf '%s\n' "$ERR" | wc -l)
	if [ "$RC" -ne "$_st" ]; then not_ok "$_n" "exit $RC, wanted $_st" "stderr: $ERR"
	elif [ -z "$ERR" ] || [ "$_lines" -ne 1 ]; then not_ok "$_n" "stderr not one line: $ERR"
	elif ! printf '%s' "$ERR" | grep -q '^rooster: '; then not_ok "$_n" "stderr: $ERR"
	elif ! printf '%s' "$ERR" | grep -qE -- "$_pat"; then not_ok "$_n" "stderr '$ERR' lacks /$_pat/"
	elif [ "$_before" != "$_after" ]; then not_ok "$_n" "database changed"
	else ok "$_n"; fi
}

# check NAME COMMAND...: a shell condition.
check() {
	_n=$1; shift
	if "$@"; then ok "$_n"; else not_ok "$_n" "failed: $*"; fi
}

# has NAME TEXT: $OUT must contain TEXT.
has() {
	if printf '%s' "$OUT" | grep -qF -- "$2"; then ok "$1"
	else not_ok "$1" "output lacks '$2'" "$(printf '%s' "$OUT" | head -20)"; fi
}

# json NAME PYEXPR: evaluate a Python expression over j = json of $OUT.
json() {
	if printf '%s' "$OUT" | /usr/bin/python3 -c "import json,sys; j=json.load(sys.stdin); sys.exit(0 if ($2) else 1)" 2>"$TESTDIR/pyerr"; then ok "$1"
	else not_ok "$1" "json check failed: $2" "$(head -c 600 "$TESTDIR/out")" "$(cat "$TESTDIR/pyerr")"; fi
}

finish() { [ "$_failures" -eq 0 ]; exit $?; }
