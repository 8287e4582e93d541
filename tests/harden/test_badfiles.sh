#!/bin/sh
# SPDX-License-Identifier: ISC
# Files that are not right, as a plan and as a backup to restore: not
# SQLite, truncated, bytes flipped, another program's, a newer schema,
# read-only, on a full disk. Each: one clear line, non-zero exit, and the
# files untouched. (tests/cli/test_files.sh has more cases for opening.)
. "$(dirname "$0")/../lib.sh"

sum() { sha256sum "$1" | cut -d' ' -f1; }
MNT=""
cleanup() {
	[ -n "$MNT" ] && umount "$MNT" 2>/dev/null
	rm -rf "$TESTDIR"
}
trap cleanup EXIT

r init --timezone Europe/Amsterdam
r event add Match --start "2027-03-27 14:00" --end "2027-03-27 17:00"
r volunteer add Ana --email ana@example.org
r backup "$TESTDIR/good.db"
r event add "After the backup" --start "2027-04-01 10:00" --end "2027-04-01 11:00"

# bad NAME FILE PATTERN ARGS...: rooster on FILE as the plan must fail with
# one line matching PATTERN and leave FILE byte-identical.
bad() {
	_n=$1; _f=$2; _pat=$3; shift 3
	_before=$(sum "$_f")
	"$ROOSTER" --db "$_f" "$@" > "$TESTDIR/o" 2> "$TESTDIR/e"
	_rc=$?
	if [ "$_rc" -eq 0 ]; then not_ok "$_n" "exit 0"
	elif [ "$(wc -l < "$TESTDIR/e")" -ne 1 ]; then not_ok "$_n" "stderr not one line: $(cat "$TESTDIR/e")"
	elif ! grep -qE -- "^rooster: .*$_pat" "$TESTDIR/e"; then not_ok "$_n" "stderr '$(cat "$TESTDIR/e")' lacks /$_pat/"
	elif [ "$(sum "$_f")" != "$_before" ]; then not_ok "$_n" "file changed"
	else ok "$_n"; fi
}

# restore_bad NAME FILE PATTERN: restoring FILE is refused; plan and FILE untouched.
restore_bad() {
	_fb=$(sum "$2")
	refused "$1" 1 "$3" restore "$2" --yes
	check "$1: the file is untouched" [ "$(sum "$2")" = "$_fb" ]
}

# A copy made safe to change: checkpointed, so the file holds everything.
copy() { cp "$TESTDIR/good.db" "$1"; sqlite3 "$1" "PRAGMA journal_mode = WAL; PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null; }

printf 'just some text, not a database at all\n%.0s' 1 2 3 > "$TESTDIR/text.db"
copy "$TESTDIR/trunc.db"
truncate -s 6000 "$TESTDIR/trunc.db"
copy "$TESTDIR/flip.db"
root=$(sqlite3 "$TESTDIR/flip.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'events'")
printf '\377\377\377\377\377\377\377\377' |
    dd of="$TESTDIR/flip.db" bs=1 seek=$(( (root - 1) * 4096 )) conv=notrunc 2> /dev/null
copy "$TESTDIR/header.db"
printf 'SQLite format 4\000' | dd of="$TESTDIR/header.db" bs=1 conv=notrunc 2> /dev/null
sqlite3 "$TESTDIR/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
copy "$TESTDIR/newer.db"
sqlite3 "$TESTDIR/newer.db" "PRAGMA user_version = 99"

# As the plan.
bad "plan not SQLite" "$TESTDIR/text.db" "not a rooster database" event list
bad "plan truncated mid-page" "$TESTDIR/trunc.db" "is damaged .*restore it from a backup" event list --from 2027-01-01
bad "plan with flipped bytes" "$TESTDIR/flip.db" "is damaged .*restore it from a backup" event list --from 2027-01-01
bad "plan with flipped bytes: a write" "$TESTDIR/flip.db" "is damaged" event add X --start "2027-03-27 14:00" --end "2027-03-27 15:00"
bad "plan with a broken header" "$TESTDIR/header.db" "not a rooster database" volunteer list
bad "plan of another program: a write" "$TESTDIR/other.db" "not a rooster plan" volunteer add Y
bad "plan from a newer rooster: a write" "$TESTDIR/newer.db" "newer rooster \(schema 99" volunteer add Y

# As a backup to restore: refused, nothing changed.
restore_bad "restore: not SQLite" "$TESTDIR/text.db" "not a rooster backup"
restore_bad "restore: truncated" "$TESTDIR/trunc.db" "is damaged"
restore_bad "restore: flipped bytes" "$TESTDIR/flip.db" "is damaged"
restore_bad "restore: broken header" "$TESTDIR/header.db" "not a rooster backup"
restore_bad "restore: another program's file" "$TESTDIR/other.db" "not a rooster plan"
restore_bad "restore: newer schema" "$TESTDIR/newer.db" "newer rooster \(schema 99"
refused "restore: no such file" 1 "cannot read" restore "$TESTDIR/none.db" --yes
check "restore: no file was created" [ ! -e "$TESTDIR/none.db" ]
refused "restore: the plan itself" 2 "is the plan itself" restore "$DB" --yes
refused "restore without --yes and no terminal" 2 "add --yes" restore "$TESTDIR/good.db"

# A good backup: restored, later changes gone, the restore logged.
r restore "$TESTDIR/good.db" --yes
check "restore of a good backup works" [ "$RC" -eq 0 ]
r --format json event list --from 2027-01-01
json "restored plan is the backup's" '[e["title"] for e in j] == ["Match"]'
r --format json log --limit 1
json "restore is logged" 'j[0]["action"] == "restore"'
check "restored plan passes integrity_check" [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]

# Read-only plan (as an unprivileged user when root): restore refused.
as_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
mkdir "$TESTDIR/ro"
cp "$DB" "$TESTDIR/ro/plan.db"
chmod 0755 "$TESTDIR" "$TESTDIR/ro"
chmod 0444 "$TESTDIR/ro/plan.db" "$TESTDIR/good.db"
before=$(sum "$TESTDIR/ro/plan.db")
as_user "$ROOSTER" --db "$TESTDIR/ro/plan.db" restore "$TESTDIR/good.db" --yes > /dev/null 2> "$TESTDIR/e"
rc=$?
check "read-only plan: restore refused with exit 1" [ "$rc" -eq 1 ]
check "read-only plan: one line" [ "$(wc -l < "$TESTDIR/e")" -eq 1 ]
check "read-only plan: saying so" grep -q "is read-only" "$TESTDIR/e"
check "read-only plan: untouched" [ "$(sum "$TESTDIR/ro/plan.db")" = "$before" ]
as_user "$ROOSTER" --db "$TESTDIR/ro/plan.db" undo > /dev/null 2> "$TESTDIR/e"
check "read-only plan: undo refused" grep -q "is read-only" "$TESTDIR/e"

# A backup in a directory we cannot write (its -shm cannot be made) still
# restores, read as immutable.
if [ "$(id -u)" -eq 0 ]; then
	mkdir "$TESTDIR/mine"
	chown nobody "$TESTDIR/mine"
	runuser -u nobody -- "$ROOSTER" --db "$TESTDIR/mine/plan.db" volunteer add Mine > /dev/null
	chmod 0555 "$TESTDIR/ro"
	cp "$TESTDIR/good.db" "$TESTDIR/ro/good.db"
	chmod 0444 "$TESTDIR/ro/good.db"
	runuser -u nobody -- "$ROOSTER" --db "$TESTDIR/mine/plan.db" restore "$TESTDIR/ro/good.db" --yes > /dev/null 2> "$TESTDIR/e"
	rc=$?
	check "restore from a read-only directory works" [ "$rc" -eq 0 ]
	check "restore from a read-only directory: no message" [ ! -s "$TESTDIR/e" ]
	chmod 0755 "$TESTDIR/ro"
else
	echo "skip - restore from a read-only directory (needs root to switch users)"
fi

# Full disk: a 1 MiB tmpfs (a fresh plan takes 160 KiB with its -shm),
# filled by adding volunteers with long notes.
MNT="$TESTDIR/full"
mkdir "$MNT"
if mount -t tmpfs -o size=1m tmpfs "$MNT" 2> /dev/null; then
	notes=$(head -c 6000 /dev/zero | tr '\0' 'x')
	i=0
	while [ "$i" -lt 200 ]; do
		before=$(sum "$MNT/plan.db" 2> /dev/null)
		"$ROOSTER" --db "$MNT/plan.db" volunteer add "V$i" --notes "$notes" > /dev/null 2> "$TESTDIR/e" || break
		i=$((i + 1))
	done
	check "full disk: the plan file is untouched by the failed change" \
	    [ "$(sum "$MNT/plan.db")" = "$before" ]
	check "full disk: filled after $i changes" [ "$i" -gt 0 -a "$i" -lt 200 ]
	check "full disk: one line says the disk is full" \
	    grep -qE "^rooster: the disk holding .* is full: nothing was changed" "$TESTDIR/e"
	check "full disk: the line is alone" [ "$(wc -l < "$TESTDIR/e")" -eq 1 ]
	count=$(sqlite3 "$MNT/plan.db" "SELECT count(*) FROM volunteers" 2>&1)
	check "full disk: the changes before it are all there ($count)" [ "$count" = "$i" ]
	check "full disk: integrity_check ok" [ "$(sqlite3 "$MNT/plan.db" 'PRAGMA integrity_check' 2>&1)" = ok ]
	"$ROOSTER" --db "$DB" backup "$MNT/backup.db" > /dev/null 2> "$TESTDIR/e"
	rc=$?
	check "full disk: backup fails with exit 1" [ "$rc" -eq 1 ]
	check "full disk: no half backup left" [ ! -e "$MNT/backup.db" ]
else
	echo "skip - full disk (cannot mount a tmpfs here: not root?)"
fi
finish
