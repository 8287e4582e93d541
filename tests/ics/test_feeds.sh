#!/bin/sh
# SPDX-License-Identifier: ISC
# export feeds and volunteer token: one file per volunteer under a
# 32-hex-digit token plus plan-<token>.ics; unchanged files are left
# alone (same inode, same bytes); a rotated token's old file disappears.
. "$(dirname "$0")/lib.sh"

two_events
r volunteer add Jeroen --email jeroen@example.net >/dev/null
r volunteer add Ana --email ana@example.net >/dev/null
r assign 1 1 --force >/dev/null
r assign 2 2 --force >/dev/null
mkdir "$WORK/feeds"
# A missing DIR is created (issue 15), a missing parent is refused.
r export feeds "$WORK/nope/feeds" >/dev/null 2>"$WORK/err"
ok "missing directory: exit 2" test $? -eq 2
r --format csv export feeds "$WORK/feeds" >"$WORK/raw1"
ok "export feeds succeeds" test $? -eq 0
tr -d '\r"' <"$WORK/raw1" >"$WORK/run1.csv"
t1=$(r volunteer token 1)
t2=$(r volunteer token 2)
ok "token is 32 hex digits" sh -c "echo '$t1' | grep -Eqx '[0-9a-f]{32}'"
ok "tokens differ" test "$t1" != "$t2"
ok "token is stable" test "$(r volunteer token 1)" = "$t1"
ok "volunteer 1's feed is named by the token" test -f "$WORK/feeds/$t1.ics"
ok "plan feed plan-<token>.ics" sh -c "ls '$WORK/feeds' | grep -Eqx 'plan-[0-9a-f]{32}\.ics'"
ok "three files, no temporaries" test "$(ls -A "$WORK/feeds" | wc -l)" -eq 3
ok "all written the first time" test "$(grep -c ',written$' "$WORK/run1.csv")" -eq 3
$CHECK cal "$WORK/feeds/$t1.ics" >"$WORK/f1.txt"
ok "volunteer feed: only their shift" count "$WORK/f1.txt" '^EVENT ' 1
ok "volunteer feed: their shift's UID" has "$WORK/f1.txt" "uid=$(uid_of_shift 1) "
ok "volunteer feed is PUBLISH" has "$WORK/f1.txt" '^METHOD PUBLISH$'
plan=$(ls "$WORK/feeds" | grep '^plan-')
$CHECK cal "$WORK/feeds/$plan" >"$WORK/p.txt"
ok "plan feed: every shift" count "$WORK/p.txt" '^EVENT ' 2

stat -c '%i %Y' "$WORK/feeds/$t1.ics" >"$WORK/stat1"
cp "$WORK/feeds/$t1.ics" "$WORK/copy1"
sleep 1
r --format csv export feeds "$WORK/feeds" | tr -d '\r"' >"$WORK/run2.csv"
ok "second run: all unchanged" test "$(grep -c ',unchanged$' "$WORK/run2.csv")" -eq 3
ok "unchanged file keeps its inode and time" sh -c \
    "test \"\$(stat -c '%i %Y' '$WORK/feeds/$t1.ics')\" = '$(cat "$WORK/stat1")'"
ok "unchanged file keeps its bytes" cmp -s "$WORK/copy1" "$WORK/feeds/$t1.ics"

r shift edit 2 --start "2027-03-28 15:00" >/dev/null
r --format csv export feeds "$WORK/feeds" | tr -d '\r"' >"$WORK/run3.csv"
ok "edit of Ana's shift rewrites her feed" grep -q "^2,Ana,$t2.ics,written" "$WORK/run3.csv"
ok "and the plan feed" grep -q "plan-.*,written" "$WORK/run3.csv"
ok "but not Jeroen's" grep -q "^1,Jeroen,$t1.ics,unchanged" "$WORK/run3.csv"

new=$(r volunteer token 1 --rotate 2>/dev/null)
ok "rotate gives a new token" test "$new" != "$t1"
r --format csv export feeds "$WORK/feeds" | tr -d '\r"' >"$WORK/run4.csv"
ok "rotated: new file written" test -f "$WORK/feeds/$new.ics"
ok "rotated: old file removed" test ! -e "$WORK/feeds/$t1.ics"
ok "rotated: removal reported" grep -q ",$t1.ics,removed" "$WORK/run4.csv"
touch "$WORK/feeds/index.html"
r export feeds "$WORK/feeds" >/dev/null
ok "other files in DIR are left alone" test -f "$WORK/feeds/index.html"
r volunteer token 99 >/dev/null 2>&1
ok "token of unknown volunteer: exit 1" test $? -eq 1
finish
