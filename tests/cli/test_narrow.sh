#!/bin/sh
# SPDX-License-Identifier: ISC
# The volunteer loop's tables in a pipe at 80 columns (issue 15: names
# stay whole longest): invite and offer keep the volunteer's name whole
# and shrink the outbox path instead.
. "$(dirname "$0")/../lib.sh"
export COLUMNS=80
# widest TEXT: the most display columns one of its lines takes.
widest() { printf '%s\n' "$1" | wc -L; }
mkdir -p "$XDG_CONFIG_HOME/rooster"
printf 'name = Mounia\nemail = mounia@example.org\n' > "$XDG_CONFIG_HOME/rooster/config"
r init --timezone Europe/Amsterdam --name "Samen Thuis"
r event add "Groepsbezoek ADO Den Haag" --start "2030-03-13 18:00" --end "2030-03-13 22:30"
r shift add 1 begeleider --needed 2
r shift add 1 chauffeur
r volunteer add "Joëlle van der Linden" --email joelle@example.org --skills begeleider
r volunteer add "Renée Müller-Çelik" --email renee@example.org --skills chauffeur
r assign 1 joelle
OUTBOX="$TESTDIR/a-rather-long-outbox-directory-name/for-the-invitations"
mkdir -p "$(dirname "$OUTBOX")"
ok_run "invite --outbox" invite --outbox "$OUTBOX"
has "invite: the volunteer's name whole" "Joëlle van der Linden"
check "invite: no line wider than 80" [ "$(widest "$OUT")" -le 80 ]
ok_run "offer --outbox" offer 2 --to renee --outbox "$OUTBOX"
has "offer: the volunteer's name whole" "Renée Müller-Çelik"

finish
