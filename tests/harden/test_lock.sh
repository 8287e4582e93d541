#!/bin/sh
# SPDX-License-Identifier: ISC
# A write lock held for longer than the 10-second wait: one sentence
# naming the holder, exit 1, nothing changed; writing works afterwards.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
# A lock held longer than the wait: sqlite3 keeps a write transaction open.
(printf 'BEGIN IMMEDIATE;\nINSERT INTO settings VALUES ("held", "1");\n.shell sleep 11\nROLLBACK;\n' |
    sqlite3 "$DB" > /dev/null 2>&1) &
holder=$!
sleep 0.5
refused "held lock: exit 1 with who holds it" 1 \
    'locked for more than 10 seconds by process [0-9]+ of user [^ ]+ \(sqlite3' \
    volunteer add Late
wait "$holder"
r volunteer add "After the lock"
check "after the lock: writing works again" [ "$RC" -eq 0 ]
finish
