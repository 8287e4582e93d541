#!/bin/sh
# SPDX-License-Identifier: ISC
# The people on a shift sort by name as people read it (issue 15: Ë sorts
# with E), in `shift show`, `who` and its csv, not by bytes after the
# ASCII letters.
. "$(dirname "$0")/../lib.sh"
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "Taalcafé" --start "2030-03-05 19:30" --end "2030-03-05 21:30"
r shift add 1 begeleider --needed 4
for n in "Thijs van Leeuwen" "Ëlla Dijkstra" "Fatima El Amrani" "Özlem Kaya"; do
	r volunteer add "$n" --skills begeleider
	r assign 1 "$n"
done
order() { printf '%s\n' "$OUT" | grep -o -e 'Ëlla' -e 'Fatima' -e 'Özlem' -e 'Thijs' | tr '\n' ' '; }
r shift show 1
check "shift show: Ëlla with the E, Özlem with the O" [ "$(order)" = "Ëlla Fatima Özlem Thijs " ]
r who 2030-03-05
check "who: the same order" [ "$(order)" = "Ëlla Fatima Özlem Thijs " ]
r --format csv who 2030-03-05
check "who csv: the same order" [ "$(order)" = "Ëlla Fatima Özlem Thijs " ]
finish
