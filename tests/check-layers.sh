#!/bin/sh
# SPDX-License-Identifier: ISC
# Check the direction of the layers (STYLE.md section 2) by their #include
# lines: a layer may include its own header and those of the layers below
# it, and each third-party library only where the table allows it. Prints
# one line per violation and exits 1; prints nothing and exits 0 if clean.
# Usage: sh tests/check-layers.sh [top directory, default: this script's ..]

top=${1:-$(dirname "$0")/..}
cd "$top" || exit 2

# Every C file of the tree, with the layer it belongs to.
{
	for f in src/main.c src/*/*.c src/*/*.h include/rooster/*.h; do
		[ -f "$f" ] || continue
		case $f in
		src/main.c) echo "main $f" ;;
		include/rooster/*.h)
			l=${f#include/rooster/}
			echo "${l%.h} $f" ;;
		src/*/*)
			l=${f#src/}
			echo "${l%%/*} $f" ;;
		esac
	done
} | while read -r layer file; do
	awk -v layer="$layer" -v file="$file" '
	BEGIN {
		# What each layer may include of rooster: itself and below.
		allow["util"] = " util "
		allow["model"] = " model util "
		allow["plan"] = " plan model util "
		allow["store"] = " store model util "
		allow["ics"] = " ics model util "
		allow["ops"] = " ops store plan ics model util "
		allow["cli"] = " cli ops store plan model util "
		allow["tui"] = " tui ops store plan model util "
		allow["main"] = " cli "
		if (!(layer in allow)) {
			printf "%s: unknown layer %s (not in STYLE.md)\n",
			    file, layer
			bad = 1
			exit 1
		}
	}
	function violation(what) {
		printf "%s:%d: %s may not include %s\n", file, FNR, layer, what
		bad = 1
	}
	/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
		line = $0
		sub(/^[ \t]*#[ \t]*include[ \t]*[<"]/, "", line)
		sub(/[>"].*$/, "", line)
		inc = line
		n = split(inc, part, "/")
		base = part[n]

		# rooster headers: the layer table.
		if (inc ~ /^rooster\//) {
			other = base
			sub(/\.h$/, "", other)
			# main.c knows only cli, so the command table is
			# where "no command" hands over to the screen.
			if (file == "src/cli/cli_main.c" && other == "tui")
				next
			if (index(allow[layer], " " other " ") == 0)
				violation(inc)
			next
		}
		# Another layer'\''s private header (store_int.h, tui_curses.h).
		if (base ~ /^(util|model|plan|store|ics|ops|cli|tui)_[a-z0-9_]*\.h$/) {
			other = base
			sub(/_.*$/, "", other)
			if (other != layer)
				violation(inc)
			next
		}
		# Third-party libraries, each in one place only.
		if (base == "sqlite3.h" || base == "sqlite3ext.h") {
			if (layer != "store" || file ~ /^include\//)
				violation(inc)
		} else if (inc ~ /^libical\// || base ~ /^ical(ss|vcal)?\.h$/ ||
		    inc ~ /^unicode\//) {
			if (layer != "ics" || file ~ /^include\//)
				violation(inc)
		} else if (inc ~ /^gmime\// || base == "glib.h") {
			# GMime (and its GLib) reads mail: ics only.
			if (layer != "ics" || file ~ /^include\//)
				violation(inc)
		} else if (base == "curses.h" || base ~ /^ncurses/ ||
		    inc ~ /^ncursesw?\//) {
			if (file != "src/tui/tui_curses.h")
				violation(inc)
		} else if (base == "jansson.h" || base == "csv.h") {
			if (layer != "cli" || file ~ /^include\//)
				violation(inc)
		} else if (layer == "main" && inc !~ /^[a-z0-9_]+\.h$/ &&
		    inc !~ /^sys\//) {
			violation(inc)
		}
	}
	END { exit bad }
	' "$file" || echo fail
done | awk '
	$0 == "fail" { failed = 1; next }
	{ print; failed = 1 }
	END { exit failed }
'
