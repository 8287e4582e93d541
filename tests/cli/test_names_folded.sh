#!/bin/sh
# SPDX-License-Identifier: ISC
# Names matched without regard to case and accents through the folded-name
# index (issue 15, migration 13): a search finds Ellen and Ëlla alike, not
# only when nothing else matches; accents typed pick among look-alikes; the
# folded name follows renames, undo, forget and rows written by hand.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
r volunteer add "Ellen de Vries" --email ellen@example.org
r volunteer add "Ëlla Visser"
r volunteer add "Ella Jansen"
r volunteer add "Zoë Smit"
r event add Taalcafé --start "2027-01-12 19:00" --end "2027-01-12 21:00"
r shift add 1 algemeen --needed 4

names() { python3 -c 'import json,sys; print(",".join(v["name"] for v in json.load(sys.stdin)))'; }
r volunteer list --search ell --format json
check "search 'ell' finds Ellen and Ëlla and Ella" \
    [ "$(printf '%s' "$OUT" | names)" = "Ella Jansen,Ëlla Visser,Ellen de Vries" ]
r volunteer list --search ella --format json
check "search 'ella' finds Ëlla beside Ella" \
    [ "$(printf '%s' "$OUT" | names)" = "Ella Jansen,Ëlla Visser" ]
r volunteer list --search ËLLA --format json
check "search with accents and capitals: the same two" \
    [ "$(printf '%s' "$OUT" | names)" = "Ella Jansen,Ëlla Visser" ]
r volunteer list --search zo --format json
check "a short search folds too" [ "$(printf '%s' "$OUT" | names)" = "Zoë Smit" ]
r volunteer list --search ELLEN@EXAMPLE --format json
check "e-mail addresses still match" [ "$(printf '%s' "$OUT" | names)" = "Ellen de Vries" ]
r volunteer list --format json
check "Ë sorts with E" \
    [ "$(printf '%s' "$OUT" | names)" = "Ella Jansen,Ëlla Visser,Ellen de Vries,Zoë Smit" ]

# Accents as typed pick one; without them a look-alike is ambiguous.
ok_run "assign 'ëlla': the one with the accent" assign 1 ëlla
r shift show 1 --format json
json "Ëlla Visser is on the shift" '[a["volunteer"] for a in j["assignments"]]==["Ëlla Visser"]'
refused "'ella' could be either: refused, both listed" 2 \
    "'ella' could be more than one volunteer: Ella Jansen \(3\), Ëlla Visser \(2\)" \
    assign 1 ella
ok_run "'ella j' is Ella Jansen" assign 1 "ella j"
ok_run "'zoe' finds Zoë" volunteer show zoe

# The folded name follows every write.
ok_run "rename Zoë" volunteer edit 4 --name "Özlem Kaya"
r volunteer list --search ozlem --format json
check "the new name is found folded" [ "$(printf '%s' "$OUT" | names)" = "Özlem Kaya" ]
r volunteer list --search zoe --format json
check "the old name is not" [ "$OUT" = "[]" ]
ok_run "undo the rename" undo
r volunteer list --search zoe --format json
check "after undo the old name is found again" [ "$(printf '%s' "$OUT" | names)" = "Zoë Smit" ]
# A row written by another program, without the folded name.
sqlite3 "$DB" "INSERT INTO volunteers (name, created_at) VALUES ('Ümit Çelik', 1)"
r volunteer list --search umit --format json
check "a name written by hand is folded on the next open" \
    [ "$(printf '%s' "$OUT" | names)" = "Ümit Çelik" ]
check "its folded form is stored" \
    [ "$(sqlite3 "$DB" "SELECT name_folded FROM volunteers WHERE name = 'Ümit Çelik'")" = "umit celik" ]
# suggest (and so the picker) ranks ties by the folded name: Ë with E.
r event add Buurtfeest --start "2027-02-20 14:00" --end "2027-02-20 17:00"
r shift add "$OUT" algemeen --needed 5
r suggest "$OUT" --format json
check "suggest: ties in folded name order" \
    [ "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(",".join(v["volunteer"] for v in json.load(sys.stdin)))')" = "Ella Jansen,Ëlla Visser,Ellen de Vries,Ümit Çelik,Zoë Smit" ]
ok_run "forget Ellen" volunteer forget 1 --yes
r volunteer list --search ellen --format json
check "a forgotten name is not found" [ "$OUT" = "[]" ]
check "the index is used for a search" \
    sh -c "sqlite3 '$DB' \"EXPLAIN QUERY PLAN SELECT id FROM volunteers WHERE name_folded >= 'ell' AND name_folded < 'ell' || char(1114111) ORDER BY name_folded\" | grep -q 'INDEX volunteers_folded'"
# A shift's people in folded order from the narrow index of names
# (migration 18): who reads no volunteer's whole row, and an Ë still
# sorts with E after a rename written by hand.
check "a shift's names come from the covering index" \
    sh -c "sqlite3 '$DB' \"EXPLAIN QUERY PLAN SELECT v.name FROM assignments a JOIN volunteers v INDEXED BY volunteers_names ON v.id = a.volunteer_id WHERE a.shift_id = 1 ORDER BY v.name_folded, v.id\" | grep -q 'COVERING INDEX volunteers_names'"
sqlite3 "$DB" "UPDATE volunteers SET name = 'Èlla Jansen', name_folded = '' WHERE id = 3"
r who 2027-01-12 --format json
check "who: a name changed by hand, shown and ordered from the index" \
    [ "$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(",".join(v["volunteer"] for v in json.load(sys.stdin)))')" = "Èlla Jansen,Ëlla Visser" ]
finish
