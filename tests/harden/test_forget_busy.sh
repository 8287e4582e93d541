#!/bin/sh
# SPDX-License-Identifier: ISC
# forget while another process reads an older snapshot for longer than the
# 10-second wait: the data is erased from the plan, but the WAL cannot be
# emptied yet, and the command says so (exit 1); run again later, it
# finishes, and the address is gone from the WAL too.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r volunteer add "Ana Zwart" --email ana.zwart@example.org --phone "+31 6 5555 0123"
r volunteer add Bilal
(printf 'BEGIN;\nSELECT count(*) FROM volunteers;\n.shell sleep 12\nCOMMIT;\n' |
    sqlite3 "$DB" > /dev/null 2>&1) &
reader=$!
sleep 0.5
r volunteer forget 1 --yes
check "forget beside a long read: exit 1" [ "$RC" -eq 1 ]
check "forget beside a long read: says the WAL keeps old copies" \
    sh -c "printf '%s' \"\$1\" | grep -q '^rooster: another process is reading .* old copies of the erased data stay in .*-wal until it is done; run the command again later'" - "$ERR"
check "forget beside a long read: the plan no longer has them" \
    [ "$(sqlite3 "$DB" "SELECT count(*) FROM volunteers WHERE email <> ''")" -eq 0 ]
wait "$reader"
# Another reader stays connected (idle), so the WAL file stays to be searched.
(printf 'SELECT count(*) FROM settings;\n.shell sleep 3\n' | sqlite3 "$DB" > /dev/null 2>&1) &
idle=$!
sleep 0.3
r volunteer forget 1 --yes
check "forget again after the read: done" [ "$RC" -eq 0 ]
check "the WAL is emptied" [ ! -s "$DB-wal" ]
for f in "$DB" "$DB-wal"; do
	[ -e "$f" ] || { not_ok "$(basename "$f") is there to search"; continue; }
	n=$(grep -c -a -F ana.zwart@example.org "$f")
	check "address gone from $(basename "$f") (found $n)" [ "$n" -eq 0 ]
done
wait "$idle"
finish
