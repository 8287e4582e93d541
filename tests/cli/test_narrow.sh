#!/bin/sh
# SPDX-License-Identifier: ISC
# The volunteer loop's tables in a pipe at 80 columns (issue 15: names
# stay whole longest): invite and offer keep the volunteer's name whole
# and shrink the outbox path instead. import mail's closing line counts
# in the singular where one is meant, in English and Dutch. A column
# empty in every row goes before a role or name is cut (Dutch gaps).
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

# One reply, made from the REQUEST rooster wrote, alone in a Maildir.
M="$TESTDIR/Maildir"
mkdir -p "$M/new" "$M/cur" "$M/tmp"
req=$(ls "$OUTBOX"/shift1-*request.ics)
{
	printf 'From: Joelle <joelle@example.org>\nTo: mounia@example.org\n'
	printf 'Subject: Accepted\nMIME-Version: 1.0\n'
	printf 'Content-Type: text/calendar; charset=UTF-8; method=REPLY\n\n'
	sed -e 's/^METHOD:REQUEST/METHOD:REPLY/' \
	    -e 's/PARTSTAT=NEEDS-ACTION/PARTSTAT=ACCEPTED/' "$req"
} > "$M/new/1900000000.reply.host"
cp -R "$M" "$TESTDIR/Maildir.nl"
cp "$DB" "$TESTDIR/before.db"
ok_run "import mail" import mail "$M"
has "one message, one reply: singular" "1 message read, 1 with a calendar part, 1 reply applied, 1 marked seen"
r import mail "$M"
has "none applied: plural" ", 0 replies applied, 0 marked seen"
cp "$TESTDIR/before.db" "$DB"
rm -rf "$M"; mv "$TESTDIR/Maildir.nl" "$M"
LC_ALL=nl_NL.UTF-8 r import mail "$M"
has "Dutch: singular" "1 bericht gelezen, 1 met een agendadeel, 1 antwoord verwerkt, 1 als gelezen gemarkeerd"
# gaps in Dutch at 80 columns: NIET BEVESTIGD (nobody to reconfirm) is
# empty in every row; the role stays whole instead.
r event add "Taalcafé" --start "2030-04-02 19:30" --end "2030-04-02 21:30"
r shift add "$OUT" "begeleider-kinderen" --needed 2
LC_ALL=nl_NL.UTF-8 r gaps --from 2030-04-01 --to 2030-04-30
has "Dutch gaps: the role whole" "begeleider-kinderen"
check "Dutch gaps: the empty column left out" sh -c '! printf "%s" "$1" | grep -q "NIET BE"' - "$OUT"
check "Dutch gaps: no line wider than 80" [ "$(widest "$OUT")" -le 80 ]
LC_ALL=nl_NL.UTF-8 r --format csv gaps --from 2030-04-01 --to 2030-04-30
has "csv keeps the column" "unconfirmed"

# A longer name: the iTIP sequence number gives way before it is cut.
r volunteer add "Pieter-Jan van Oudshoorn" --email pj@example.org --skills begeleider
r assign 1 pieter
ok_run "invite --outbox, a longer name" invite --outbox "$TESTDIR/outbox3"
has "invite: the longer name whole" "Pieter-Jan van Oudshoorn"
check "invite: SEQ gave way" sh -c '! printf "%s" "$1" | grep -q " SEQ "' - "$OUT"
r --format csv invite --outbox "$TESTDIR/outbox2"
has "invite csv keeps the sequence" "sequence"
finish
