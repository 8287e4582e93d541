#!/bin/sh
# SPDX-License-Identifier: ISC
# -o naming a device or a pipe writes into it, as the shell's > would:
# renaming the finished file over it would replace the device itself (as
# root, `export ics -o /dev/null` left a 0600 regular file at /dev/null).
# A regular file is still replaced whole (test_files.sh).
. "$(dirname "$0")/../lib.sh"
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r volunteer add "Joëlle van der Linden" --email joelle@example.org

if mknod -m 0666 "$TESTDIR/null" c 1 3 2>/dev/null; then
	ok_run "export ics -o a null device" export ics -o "$TESTDIR/null"
	check "the device is still a character device" [ -c "$TESTDIR/null" ]
	ok_run "export csv -o a null device" export csv volunteers -o "$TESTDIR/null"
	check "still a character device" [ -c "$TESTDIR/null" ]
	ok_run "print -o a null device" print --week 2030-03-04 -o "$TESTDIR/null"
	check "still a character device after print" [ -c "$TESTDIR/null" ]
else
	echo "skip - mknod needs root"
fi

mkfifo "$TESTDIR/pipe"
timeout 20 cat "$TESTDIR/pipe" > "$TESTDIR/through" &
reader=$!
ok_run "export csv -o a FIFO" export csv volunteers -o "$TESTDIR/pipe"
wait "$reader"
check "the FIFO is still a FIFO" [ -p "$TESTDIR/pipe" ]
check "what was written came through it" grep -q "joelle@example.org" "$TESTDIR/through"
finish
