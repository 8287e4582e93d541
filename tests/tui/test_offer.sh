#!/bin/sh
# SPDX-License-Identifier: ISC
# `o` on the screen (issue 14): offers the selected shift by invite to the
# best who fit, after a y/n question, through the config's sendmail (a
# fake that keeps the mails); the shift pane then shows them offered.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed > /dev/null
r volunteer edit 2 --email habte@example.net > /dev/null
r volunteer add "Ana Vries" --skills tolk --email ana@example.net > /dev/null

mkdir -p "$XDG_CONFIG_HOME/rooster"
cat > "$TESTDIR/sendmail" <<SH
#!/bin/sh
n=\$(ls "$TESTDIR" | grep -c '\.eml\$')
cat > "$TESTDIR/\$n.eml"
SH
chmod +x "$TESTDIR/sendmail"
printf 'email = org@example.org\nsendmail = %s/sendmail -t -oi\n' \
    "$TESTDIR" > "$XDG_CONFIG_HOME/rooster/config"
tui_start 100 30
sees "main view" "Taalcafé"
# Pane 2, the second shift (tolk, nobody on it).
keys 2 G
sees "the tolk shift" "tolk"
keys o
sees "asks before offering" "first come first served? y/n"
keys y
sees "says what went out" "offer: sent to 1"
sees "the shift pane shows her offered" "Ana Vries"
sees "with the status" "offered"
n=$(ls "$TESTDIR" | grep -c '\.eml$')
if [ "$n" -eq 1 ] && grep -q 'method=REQUEST' "$TESTDIR/0.eml"; then
	ok "one REQUEST reached sendmail"
else not_ok "one REQUEST reached sendmail" "$n mails"; fi
keys o y
sees "a second o: nobody new" "nobody new fits"
quits "q quits"
finish
