#!/bin/sh
# SPDX-License-Identifier: ISC
# An imported event without a title (Exchange 2010 publishes one without
# SUMMARY: real/exchange2010-publish-blank-tzid.ics) is stored with
# "(untitled)" in the importing user's language, not Dutch for everyone;
# importing it again in another language changes nothing; the feed and
# the csv carry that title.
. "$(dirname "$0")/lib.sh"
REAL=$(cd "$(dirname "$0")/real" && pwd)
F="$REAL/exchange2010-publish-blank-tzid.ics"
UID_=t21ocubdt9jagerldbkak7uhcg@google.com
title() {
	r --format json event list --from 2015-08-01 --to 2015-09-30 |
	    /usr/bin/python3 -c 'import json, sys
print("".join(e["title"] for e in json.load(sys.stdin) if e["uid"] == sys.argv[1]))' "$UID_"
}

r init --timezone Europe/Amsterdam >/dev/null
r import ics "$F" >/dev/null 2>&1
ok "English: imported" test "$(r --format csv event list --from 2015-08-01 --to 2015-09-30 | wc -l)" -eq 2
ok "English: titled (untitled)" test "$(title)" = "(untitled)"
n=$(LC_ALL=nl_NL.UTF-8 r --format csv import ics "$F" 2>/dev/null | tr -d '\r' | tail -1)
ok "again in Dutch: unchanged" test "$n" = "\"0\",\"0\",\"1\",\"0\",\"0\""
ok "again in Dutch: the title stays" test "$(title)" = "(untitled)"
r event edit 1 --title "Overleg gemeente" >/dev/null
r import ics "$F" >/dev/null 2>&1
ok "a title a coordinator gave stays on a new import" test "$(title)" = "Overleg gemeente"
r export ics -o "$WORK/plan.ics" >/dev/null 2>&1
ok "the feed has the title" grep -q '^SUMMARY:Overleg gemeente' "$WORK/plan.ics"

rm -f "$ROOSTER_DB"
LC_ALL=nl_NL.UTF-8 r init --timezone Europe/Amsterdam >/dev/null
LC_ALL=nl_NL.UTF-8 r import ics "$F" >/dev/null 2>&1
ok "Dutch: titled (zonder titel)" test "$(title)" = "(zonder titel)"
r export ics -o "$WORK/nl.ics" >/dev/null 2>&1
ok "the feed says so and parses" sh -c "grep -q '^SUMMARY:(zonder titel)' '$WORK/nl.ics' && $CHECK cal '$WORK/nl.ics' >/dev/null"
finish
