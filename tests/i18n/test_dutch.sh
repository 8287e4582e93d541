#!/bin/sh
# SPDX-License-Identifier: ISC
# rooster speaks Dutch under a Dutch locale and English otherwise, chosen
# the usual way (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): messages, help,
# table headers, statuses and dates (`za 27 mrt 14:00`); csv and json stay
# English and ISO 8601; input stays ISO; invitation mails are in the
# plan's language (init --language).
. "$(dirname "$0")/../lib.sh"

if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
	echo "skip - no nl_NL.UTF-8 locale (make test-deps generates it)"
	exit 0
fi

# nl ARGS...: rooster on $DB in Dutch (LANG only, as a Dutch desktop sets).
nl() {
	env -u LC_ALL -u LANGUAGE -u LC_MESSAGES -u LC_TIME LANG=nl_NL.UTF-8 \
	    "$ROOSTER" --db "$DB" "$@" > "$TESTDIR/out" 2> "$TESTDIR/err"
	RC=$?
	OUT=$(cat "$TESTDIR/out")
	ERR=$(cat "$TESTDIR/err")
}
# with VAR=VALUE... -- ARGS...: rooster with the given locale variables only.
with() {
	_env=""
	while [ "$1" != "--" ]; do _env="$_env $1"; shift; done
	shift
	env -u LC_ALL -u LANGUAGE -u LC_MESSAGES -u LC_TIME -u LANG $_env \
	    "$ROOSTER" --db "$DB" "$@" > "$TESTDIR/out" 2> "$TESTDIR/err"
	RC=$?
	OUT=$(cat "$TESTDIR/out")
	ERR=$(cat "$TESTDIR/err")
}
lacks() {
	if printf '%s' "$OUT" | grep -qF -- "$2"; then not_ok "$1" "output has '$2'" "$(printf '%s' "$OUT" | head -20)"
	else ok "$1"; fi
}
err_has() {
	if printf '%s' "$ERR" | grep -qF -- "$2"; then ok "$1"
	else not_ok "$1" "stderr lacks '$2'" "$ERR"; fi
}

ok_run "init (C locale)" init --timezone Europe/Amsterdam --name "Buurthuis"
ok_run "event on Saturday 27 March 2027" event add "Feest" \
    --start "2027-03-27 14:00" --end "2027-03-27 17:00" --location Zaal
ok_run "shift" shift add 1 kok --needed 2
ok_run "volunteer" volunteer add "Ana de Vries" --email ana@example.net
ok_run "assign" assign 1 1 --force

# Messages
nl bogus
check "Dutch: unknown command exits 2" test "$RC" -eq 2
err_has "Dutch: error message in Dutch" "rooster: onbekende opdracht 'bogus' (zie 'rooster help')"
nl event show 99
err_has "Dutch: not found in Dutch" "activiteit 99 niet gevonden"
nl event add X --start "27-03-2027 14:00" --end "2027-03-27 15:00"
err_has "Dutch: input stays ISO, the message says so in Dutch" "ongeldige tijd '27-03-2027 14:00' (gebruik JJJJ-MM-DD UU:MM"
nl event add X --start "2027-03-27 14:00" --end "2027-03-27 15:00" --location Zaal
check "Dutch: ISO input accepted" test "$RC" -eq 0
nl event delete 2

# Help
nl help
has "Dutch: help lists the commands in Dutch" "opdrachten:"
has "Dutch: command summary in Dutch" "voeg een activiteit toe"
nl event add --help
has "Dutch: usage in Dutch" "gebruik: rooster event add TITEL --start WANNEER"
# Help lines fit 80 columns: long summaries wrap under their column.
widest() { printf '%s\n' "$OUT" | /usr/bin/python3 -c '
import sys, unicodedata
print(max(len(l.rstrip("\n")) for l in sys.stdin))'; }
nl help
W=$(widest)
check "Dutch: rooster help fits 80 columns (widest $W)" test "$W" -le 80
has "Dutch: a long summary wraps under its column" \
    "$(printf '%25s' '')vrijwilliger niet kan"
with LANG=C.UTF-8 -- help
W=$(widest)
check "C: rooster help fits 80 columns (widest $W)" test "$W" -le 80
# A command's own --help: its summary wraps too (the usage line stays one
# line, the one its errors quote).
nl volunteer token --help
OUT=$(printf '%s\n' "$OUT" | sed 1d)
W=$(widest)
check "Dutch: a command's summary fits 80 columns (widest $W)" test "$W" -le 80

# Tables: headers, statuses, dates
nl event list --from 2027-03-01
has "Dutch: table header" "WANNEER"
has "Dutch: table header TITEL" "TITEL"
has "Dutch: date the Dutch way" "za 27 mrt"
has "Dutch: 24-hour clock" "14:00-17:00"
nl shift show 1
has "Dutch: record labels" "ACTIVITEIT:"
has "Dutch: assignment status translated" "gepland"
nl event show 1
has "Dutch: event status translated" "bevestigd"

# csv and json stay English and ISO under a Dutch locale
nl --format csv event list --from 2027-03-01
has "Dutch: csv header keys stay English" '"id","uid","start","end","title"'
has "Dutch: csv time stays ISO 8601" "2027-03-27T14:00:00+01:00"
has "Dutch: csv status stays English" '"confirmed"'
nl --format json shift show 1
json "Dutch: json keeps English keys and values" \
    "j['role'] == 'kok' and j['start'].startswith('2027-03-27T14:00') and j['assignments'][0]['status'] == 'planned'" 

# The printed roster
nl print --event 1
has "Dutch: printed roster's day in Dutch" "zaterdag 27 maart 2027"
nl print --event 1 --format html
has "Dutch: html says lang=nl" '<html lang="nl">'
has "Dutch: html headers in Dutch" "<th>Tijd</th>"

# English: C, en_US, and the precedence of the variables
with LANG=C -- bogus
err_has "C: error message in English" "rooster: unknown command 'bogus' (see 'rooster help')"
with LANG=C.UTF-8 -- event list --from 2027-03-01
has "C: English header" "WHEN"
has "C: ISO date as typed" "2027-03-27 14:00-17:00"
with LANG=C.UTF-8 -- event show 1
has "C: status word as stored" "confirmed"
if locale -a 2>/dev/null | grep -qi '^en_US\.utf-\?8$'; then
	with LANG=en_US.UTF-8 -- event list --from 2027-03-01
	has "en_US: English header" "WHEN"
	has "en_US: date in English" "Sat 27 Mar"
else
	echo "skip - no en_US.UTF-8 locale"
fi
with LANG=C.UTF-8 LC_ALL=nl_NL.UTF-8 -- bogus
err_has "LC_ALL=nl_NL wins over LANG=C" "onbekende opdracht"
with LANG=nl_NL.UTF-8 LC_ALL=C.UTF-8 -- bogus
err_has "LC_ALL=C wins over LANG=nl_NL" "unknown command"
with LANG=C.UTF-8 LC_MESSAGES=nl_NL.UTF-8 -- bogus
err_has "LC_MESSAGES=nl_NL gives Dutch messages" "onbekende opdracht"
with LANG=C.UTF-8 LC_MESSAGES=nl_NL.UTF-8 -- event list --from 2027-03-01
has "LC_MESSAGES alone leaves dates ISO (LC_TIME is C)" "2027-03-27 14:00-17:00"
with LANG=nl_NL.UTF-8 LANGUAGE=en -- bogus
err_has "LANGUAGE=en wins over LANG=nl_NL" "unknown command"
with LANG=nl_NL.UTF-8 LANGUAGE=nl -- bogus
err_has "LANGUAGE=nl with a Dutch locale" "onbekende opdracht"

# Invitation mails in the plan's language
mkdir -p "$TESTDIR/mail" "$HOME/.config/rooster" "$XDG_CONFIG_HOME/rooster"
cat > "$TESTDIR/sendmail" <<SH
#!/bin/sh
n=\$(ls "$TESTDIR/mail" | wc -l)
cat > "$TESTDIR/mail/\$n.eml"
SH
chmod +x "$TESTDIR/sendmail"
printf 'name = Mounia\nemail = mounia@example.org\nsendmail = %s\n' \
    "$TESTDIR/sendmail" > "$XDG_CONFIG_HOME/rooster/config"
text_of() { # the decoded text/plain part of mail $1
	/usr/bin/python3 - "$1" <<'PY'
import email, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
for p in m.walk():
    if p.get_content_type() == 'text/plain':
        sys.stdout.write(p.get_payload(decode=True).decode('utf-8'))
PY
}
subject_of() {
	/usr/bin/python3 - "$1" <<'PY'
import email, email.header, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'))
print(str(email.header.make_header(email.header.decode_header(m['Subject']))))
PY
}
r init --language fr
check "init --language fr: exit 2" test "$RC" -eq 2
r init --language nl
check "init --language nl" test "$RC" -eq 0
r invite --send
check "invite --send (Dutch plan)" test "$RC" -eq 0
OUT=$(text_of "$TESTDIR/mail/0.eml")
has "Dutch plan: mail text in Dutch" "Je bent ingeroosterd voor deze dienst"
lacks "Dutch plan: no English text" "Hello"
has "Dutch plan: greets by first name" "Hallo Ana,"
has "Dutch plan: the shift's date the Dutch way" "Wanneer: za 27 mrt 2027 14:00–17:00"
OUT=$(subject_of "$TESTDIR/mail/0.eml")
has "Dutch plan: subject in Dutch" "Uitnodiging: kok"
lacks "Dutch plan: subject without English" "Invitation"

r init --language en
r shift edit 1 --start "2027-03-27 15:00"
r invite --send
check "invite --send (English plan)" test "$RC" -eq 0
OUT=$(text_of "$TESTDIR/mail/1.eml")
has "English plan: mail text in English" "This shift has changed"
lacks "English plan: no Dutch text" "Hallo"
has "English plan: greets by first name" "Hello Ana,"
has "English plan: the date the English way" "When: Sat 27 Mar 2027 15:00–17:00"
OUT=$(subject_of "$TESTDIR/mail/1.eml")
has "English plan: subject in English" "Updated: kok"

# A plan made under a Dutch locale speaks Dutch in its mails
DB=$TESTDIR/nl.db
nl init --name "Buurthuis"
check "Dutch init" test "$RC" -eq 0
has "Dutch init: the language defaults to the locale's" "mails in het Nederlands"
DB=$TESTDIR/c.db
r init --name "Buurthuis"
has "C init: mails stay bilingual" "mails in Dutch and English"

# History and undo in the reader's language, naming people and shifts
# (not "volunteer 1 off shift 1"), also once the shift is gone.
DB=$TESTDIR/log.db
r init --timezone Europe/Amsterdam --name Bieb
r event add "Taalcafé" --start "2027-01-05 19:00" --end "2027-01-05 21:00" \
    --location Bieb
r shift add 1 begeleider --needed 2
r volunteer add "Fatima" --email fatima@example.net
r assign 1 1 --force
r unassign 1 1
nl undo
check "Dutch undo: exit 0" test "$RC" -eq 0
has "Dutch undo names the person and the shift" \
    "Fatima van dienst begeleider – Taalcafé 5 jan gehaald"
lacks "Dutch undo: no ids" "volunteer 1"
r unassign 1 1
r undo
has "English undo names the person and the shift" \
    "Fatima taken off shift begeleider – Taalcafé 5 Jan"
r init --rest-minutes 30
nl log
has "Dutch log: a setting in Dutch" "minstens 30 minuten"
has "Dutch log: the plan's setup in Dutch" "planning ingesteld"
has "Dutch log: the assignment in words" "Fatima op dienst"
has "Dutch log: the undo says what it undid" "teruggedraaid: Fatima"
has "Dutch log: an added event in Dutch" "activiteit Taalcafé 5"
lacks "Dutch log: no English summary" "volunteer 1 on"
nl --format json log --limit 1
json "Dutch log: json keeps the stored English summary" \
    "j[0]['summary'] == 'at least 30 min rest between shifts'"
DB=$TESTDIR/plan.db

# The screen in Dutch, through tmux: pane titles, day names, statuses,
# help, the week view (starting on Monday), and English again under C.
DB=$TESTDIR/plan.db
if ! command -v tmux > /dev/null 2>&1; then
	echo "skip - tmux not installed: no screen capture"
	finish
fi
. "$(dirname "$0")/../tui/tui_lib.sh"
tui_start 100 30 LC_ALL= LANG=nl_NL.UTF-8
sees "screen nl: events pane title" "1 Activiteiten"
sees "screen nl: shifts pane title" "2 Diensten: Feest"
sees "screen nl: day heading in Dutch" "zaterdag 27 maart"
sees "screen nl: hints in Dutch" "? hulp  q stoppen"
sees "screen nl: focus named in Dutch" " activiteiten "
keys Tab
sees "screen nl: assignment status in Dutch (uitgenodigd)" "uitgenodi"
sees "screen nl: the status column fits the Dutch word" "uitgenodigd"
sees "screen nl: a forced assignment says so in Dutch" "(geforceerd)"
keys '?'
sees "screen nl: help title" "Hulp: toetsen"
sees "screen nl: help lines" "volgend paneel"
sees_re "screen nl: help scopes" "Tab +overal +volgend paneel"
keys Escape w
sees "screen nl: week view heading" "diensten,"
sees_re "screen nl: the week starts on Monday (ma)" "^ma [0-9]"
sees_re "screen nl: Dutch day names in the week" "│di [0-9].*│zo [0-9]"
keys w
T capture-pane -p -t t > "$TESTDIR/screen-nl.txt"
quits "screen nl: quits"
tui_start 100 30 LC_ALL=C.UTF-8
sees "screen C: English pane title" "1 Events"
sees "screen C: English day heading" "Saturday 27 March"
sees "screen C: English hints" "? help  q quit"
quits "screen C: quits"

# 80x24 in Dutch: the help overlay wraps where the text runs long (never
# cut with "…"), the picker is a keuzelijst, and a y/n question says
# (j/n) and takes j.
r event add "Weg" --start "2027-03-28 10:00" --end "2027-03-28 11:00" \
    --location Zaal
tui_start 80 24 LC_ALL= LANG=nl_NL.UTF-8
sees "screen nl 80x24: starts" "1 Activiteiten"
keys '?'
sees "screen nl 80x24: help" "Hulp: toetsen"
lacks "screen nl 80x24: help's first page cuts nothing" "…"
sees "screen nl 80x24: the picker is a keuzelijst, wrapped under its line" \
    "$(printf '%25s' '')(keuzelijst)"
keys NPage
lacks "screen nl 80x24: help's second page cuts nothing" "…"
keys NPage
sees_re "screen nl 80x24: the responses wrap too" "^ +voorbehoud"
lacks "screen nl 80x24: help's third page cuts nothing" "…"
keys Escape
sees "screen nl 80x24: help closed" "1 Activiteiten"
lacks "screen nl 80x24: no kiezer anywhere" "kiezer"
keys G
sees "screen nl 80x24: the last event selected" "Weg"
keys d
sees "screen nl 80x24: the question says (j/n)" \
    "activiteit 'Weg' met haar diensten verwijderen? (j/n)"
keys j
sees "screen nl 80x24: j answers yes" "activiteit verwijderd"
quits "screen nl 80x24: quits"
r event list --from 2027-03-01
case $OUT in
*Weg*) not_ok "j deleted the event" "$OUT" ;;
*) ok "j deleted the event" ;;
esac

# The history on the screen at 80x24 in Dutch: what happened, in words.
DB=$TESTDIR/log.db
r shift add 1 tolk --needed 1
check "a second shift (2)" test "$(sqlite3 "$DB" "SELECT max(id) FROM shifts")" = 2
r assign 2 1 --force
r unassign 2 1
r shift delete 2
tui_start 80 24 LC_ALL= LANG=nl_NL.UTF-8
sees "screen nl history: starts" "1 Activiteiten"
keys h
sees "screen nl history: the event's history" "Geschiedenis van Taalcafé"
sees "screen nl history: who was taken off which shift, the shift gone since" \
    "Fatima van dienst tolk – Taalcafé 5 jan gehaald"
sees "screen nl history: a deleted shift named in Dutch" \
    "dienst tolk – Taalcafé 5 jan verwijderd"
keys Escape
lacks "screen nl history: closed" "Geschiedenis van Taalcafé"
keys u
sees "screen nl: undo says what it undid, in Dutch" \
    "ongedaan gemaakt (shift delete): dienst tolk – Taalcafé"
quits "screen nl history: quits"

# A question on the command line says [j/N] in Dutch and takes j.
DB=$TESTDIR/forget.db
r init --timezone Europe/Amsterdam
r volunteer add "Piet Jansen" --email piet@example.net
r volunteer add "Kees Smit" --email kees@example.net
# ask VOLUNTEER ANSWER: volunteer forget in Dutch on a terminal, answered.
ask() {
	printf 'env -u LC_ALL LANG=nl_NL.UTF-8 "%s" --db "%s" volunteer forget %s; echo "exit=$?"; sleep 600\n' \
	    "$ROOSTER" "$DB" "$1" > "$TESTDIR/forget.sh"
	T kill-session -t t > /dev/null 2>&1
	T new-session -d -s t -x 200 -y 10 "sh $TESTDIR/forget.sh"
	sees "command line nl: the question says [j/N] ($1)" "[j/N]"
	keys "$2" Enter
}
ask 2 n
sees "command line nl: n answers no" "exit=1"
check "n kept Kees" test "$(sqlite3 "$DB" "SELECT name FROM volunteers WHERE id = 2")" = "Kees Smit"
ask 1 j
sees "command line nl: j answers yes" "vrijwilliger 1 vergeten"
sees "command line nl: and exits 0" "exit=0"
check "j forgot Piet" test -z "$(sqlite3 "$DB" "SELECT 1 FROM volunteers WHERE name = 'Piet Jansen'")"
T kill-session -t t > /dev/null 2>&1
finish
