#!/bin/sh
# SPDX-License-Identifier: ISC
# `i` on the screen: without an organizer address it says what to set; with
# one it asks, sends the selected event's invitations through the config's
# sendmail (a fake that saves the mail), says what went out, and the
# assignment shows as invited; a second `i` has nothing new to send.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed > /dev/null
r volunteer edit 1 --email mounia@example.org > /dev/null

tui_start 80 24
sees "main view" "Taalcafé"
keys i
sees "no organizer address: says what to set" "set 'email"
keys q
wait_exit

mkdir -p "$XDG_CONFIG_HOME/rooster"
printf '#!/bin/sh\ncat > "%s/mail.eml"\n' "$TESTDIR" > "$TESTDIR/sendmail"
chmod +x "$TESTDIR/sendmail"
printf 'email = org@example.org\nsendmail = %s/sendmail -t -oi\n' \
    "$TESTDIR" > "$XDG_CONFIG_HOME/rooster/config"
tui_start 80 24
sees "main view again" "Taalcafé"
keys i
sees "asks before sending" "by mail? y/n"
keys y
sees "says what went out" "invitations: 1 sent"
if grep -q '^Content-Type: text/calendar; charset=UTF-8; method=REQUEST' \
    "$TESTDIR/mail.eml" 2>/dev/null; then ok "the mail reached sendmail"
else not_ok "the mail reached sendmail" "no $TESTDIR/mail.eml"; fi
sees "assignment now invited" "invited"
keys i y
sees "nothing new the second time" "nothing new to send"
quits "q quits"
finish
