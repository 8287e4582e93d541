#!/bin/sh
# SPDX-License-Identifier: ISC
# invite and offer without the organizer's address in the config: one
# line naming the config file to put it in (a new user does not know
# where it lives), exit 2, nothing written; in English and Dutch.
. "$(dirname "$0")/../lib.sh"
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "Taalcafé" --start "2030-03-05 19:30" --end "2030-03-05 21:30"
r shift add 1 begeleider --needed 2
r volunteer add "Fatima El Amrani" --email fatima@example.org --skills begeleider
r assign 1 fatima
CFG="$XDG_CONFIG_HOME/rooster/config"
refused "invite names the config file" 2 "set 'email = you@example.org' in $CFG\$" invite --outbox "$TESTDIR/outbox"
check "no outbox made" [ ! -e "$TESTDIR/outbox" ]
refused "offer names the config file" 2 "offers need .* in $CFG\$" offer 1 --outbox "$TESTDIR/outbox"
export LC_ALL=nl_NL.UTF-8
refused "Dutch: invite names the config file" 2 "zet 'email = jij@example.org' in $CFG\$" invite --outbox "$TESTDIR/outbox"
mkdir -p "$XDG_CONFIG_HOME/rooster"
printf 'name = Mounia\nemail = mounia@example.org\n' > "$CFG"
ok_run "with the address: invite writes" invite --outbox "$TESTDIR/outbox"
finish
