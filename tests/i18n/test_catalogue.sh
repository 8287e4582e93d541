#!/bin/sh
# SPDX-License-Identifier: ISC
# The Dutch catalogue is complete: every string a fresh xgettext run finds
# in the sources is in src/po/nl.po, none is untranslated or fuzzy, and
# msgfmt --check accepts it (formats match). Also shows that the check
# would notice a missing entry, and that `make install` puts the .mo where
# gettext looks.
. "$(dirname "$0")/../lib.sh"
top=${ROOSTER_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
po=$top/src/po/nl.po

for t in xgettext msgcmp msgattrib msgfmt; do
	command -v $t > /dev/null 2>&1 || { echo "skip - $t missing (install gettext)"; exit 0; }
done

(cd "$top" && xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
    --from-code=UTF-8 --add-comments=TRANSLATORS: -o "$TESTDIR/fresh.pot" \
    src/main.c src/*/*.c) 2> "$TESTDIR/xerr"
check "xgettext extracts the sources" test -s "$TESTDIR/fresh.pot"
n=$(grep -c '^msgid "' "$TESTDIR/fresh.pot")
check "more than 400 strings are marked ($n)" test "$n" -gt 400

msgcmp "$po" "$TESTDIR/fresh.pot" > "$TESTDIR/cmp" 2>&1
if [ $? -eq 0 ]; then ok "every extracted msgid is in nl.po"
else not_ok "every extracted msgid is in nl.po" "$(head -20 "$TESTDIR/cmp")"; fi

# count KIND FILE: entries msgattrib --KIND finds; "error" if it cannot read.
count_po() {
	msgattrib --"$1" --no-obsolete "$2" > "$TESTDIR/attr" 2>&1 || { echo error; return; }
	grep -c '^msgid' "$TESTDIR/attr"
}
untranslated=$(count_po untranslated "$po")
check "no untranslated entry in nl.po ($untranslated)" test "$untranslated" = 0
fuzzy=$(count_po only-fuzzy "$po")
check "no fuzzy entry in nl.po ($fuzzy)" test "$fuzzy" = 0

msgfmt --check --statistics -o "$TESTDIR/nl.mo" "$po" > "$TESTDIR/stat" 2>&1
if [ $? -eq 0 ]; then ok "msgfmt --check accepts nl.po: $(cat "$TESTDIR/stat")"
else not_ok "msgfmt --check accepts nl.po" "$(head -20 "$TESTDIR/stat")"; fi
check "msgfmt counts no untranslated or fuzzy message" \
    sh -c "! grep -qE 'untranslated|fuzzy' '$TESTDIR/stat'"

# One Dutch word for one thing: the week view is "weekweergave" in every
# message (the help once said "weekoverzicht" too; at 12 letters it also
# fits the help's column of places).
check "nl.po calls the week view weekweergave, never weekoverzicht" \
    sh -c "! grep -qi weekoverzicht '$po'"
n=$(grep -c '^msgstr ".*weekweergave' "$po")
check "every week-view message says weekweergave ($n)" test "$n" -ge 6

# The checks can fail: drop one entry, mark another fuzzy, blank a third.
awk 'BEGIN { RS = ""; ORS = "\n\n" } NR != 5' "$po" > "$TESTDIR/drop.po"
msgcmp "$TESTDIR/drop.po" "$TESTDIR/fresh.pot" > /dev/null 2>&1
check "a missing msgid is noticed" test $? -ne 0
awk 'BEGIN { RS = ""; ORS = "\n\n" } NR == 5 { sub(/#, c-format/, "#, fuzzy, c-format") } { print }' \
    "$po" > "$TESTDIR/fuzzy.po"
check "a fuzzy entry is noticed" test "$(count_po only-fuzzy "$TESTDIR/fuzzy.po")" -gt 0
sed '0,/^msgstr "[^"]/s/^msgstr "[^"].*"$/msgstr ""/' "$po" > "$TESTDIR/blank.po"
check "an untranslated entry is noticed" test "$(count_po untranslated "$TESTDIR/blank.po")" -gt 0

# The build tree holds the catalogue the binary finds.
bdir=$(dirname "$ROOSTER_BUILT")
check "make built $bdir/locale/nl/LC_MESSAGES/rooster.mo" \
    test -s "$bdir/locale/nl/LC_MESSAGES/rooster.mo"
check "the built .mo is not older than nl.po" \
    test ! "$po" -nt "$bdir/locale/nl/LC_MESSAGES/rooster.mo"

# make install: the .mo and the Dutch man page where gettext and man look.
if (cd "$top" && make --no-print-directory -s install BUILD="${bdir#$top/}" \
    DESTDIR="$TESTDIR/dest" PREFIX=/usr > "$TESTDIR/install" 2>&1); then
	check "make install puts rooster.mo in share/locale/nl/LC_MESSAGES" \
	    test -s "$TESTDIR/dest/usr/share/locale/nl/LC_MESSAGES/rooster.mo"
	check "make install puts the Dutch man page in share/man/nl/man1" \
	    test -s "$TESTDIR/dest/usr/share/man/nl/man1/rooster.1"
else
	not_ok "make install into a DESTDIR" "$(tail -5 "$TESTDIR/install")"
fi
finish
