#!/bin/sh
# SPDX-License-Identifier: ISC
# The faces of an entity come from its field table: what `show` prints
# in json (the table's rows, cli_record_columns()) is also in the list's
# json and csv, in the same order after the list's own columns, and every
# option `edit` takes is one `add` takes (--name, --active, --role
# aside). A field added to volunteer_fields, shift_fields or
# event_fields reaches them all.
. "$(dirname "$0")/../lib.sh"

r init --timezone Europe/Amsterdam
ok_run "demo" demo

# keys: the keys of the json object (or the first of an array) in $OUT.
keys() {
	printf '%s' "$OUT" | /usr/bin/python3 -c 'import json,sys
j=json.load(sys.stdin); j=j[0] if isinstance(j, list) else j
print(" ".join(k for k in j if k not in ("assignments", "upcoming", "unavailable", "teams", "shifts")))'
}

for what in "volunteer 1" "shift 1"; do
	set -- $what
	r --format json "$1" show "$2"; shown=$(keys)
	r --format json "$1" list --from 2020-01-01 2>/dev/null
	[ "$1" = volunteer ] && r --format json volunteer list
	listed=$(keys)
	r --format csv "$1" list --from 2020-01-01
	[ "$1" = volunteer ] && r --format csv volunteer list
	header=$(printf '%s\n' "$OUT" | head -1 | tr -d '"\r' | tr , ' ')
	missing=""
	for k in $shown; do
		case " $listed " in *" $k "*) ;; *) missing="$missing $k" ;; esac
	done
	check "$1 list json has every key $1 show prints ($missing)" \
	    [ -z "$missing" ]
	check "$1 list csv has the json's columns in order" \
	    [ "$header" = "$listed" ]
done

# event list leaves out what it always has (CLI_LEFT_OUT()); any other
# field event show prints is in its json and csv.
r --format json event show 1; shown=$(keys)
r --format json event list --from 2020-01-01; listed=$(keys)
r --format csv event list --from 2020-01-01
header=$(printf '%s\n' "$OUT" | head -1 | tr -d '"\r' | tr , ' ')
missing=""
for k in $shown; do
	case " $listed description repeat series_id occurrence_start languages sequence " in
	*" $k "*) ;; *) missing="$missing $k" ;; esac
done
check "event list json has every key event show prints but six ($missing)" \
    [ -z "$missing" ]
check "event list csv has the json's columns in order" [ "$header" = "$listed" ]

# Options: from the usage lines.
r volunteer add --help; add=$(printf '%s' "$OUT" | grep -o -- '--[a-z-]*' | sort)
r volunteer edit --help; edit=$(printf '%s' "$OUT" | grep -o -- '--[a-z-]*' | grep -v -- '--name\|--active' | sort)
check "volunteer add takes every option of volunteer edit but --name, --active" \
    [ "$add" = "$edit" ]
r shift add --help; add=$(printf '%s' "$OUT" | grep -o -- '--[a-z-]*' | sort)
r shift edit --help; edit=$(printf '%s' "$OUT" | grep -o -- '--[a-z-]*' | grep -v -- '--role' | sort)
check "shift add takes every option of shift edit but --role" [ "$add" = "$edit" ]
# event copy carries every field of its shifts (shift_fields), not a hand
# list: each text option of shift edit, set on a shift of event 1, is on
# its copy, and the copies' json is the originals' but for where and when.
r shift edit --help
for opt in $(printf '%s' "$OUT" | grep -o -- '--[a-z-]* [A-Z]*\]' | grep -v -- 'WHEN\]\|N\]' | cut -d' ' -f1); do
	ok_run "shift edit 1 $opt" shift edit 1 "$opt" "copied-${opt#--}"
done
r --format json shift list 1; before=$OUT
ok_run "event copy 1" event copy 1 --start "2027-02-02 10:00"
r --format json shift list "$OUT"
OUT="[$before, $OUT]"
json "the copied shifts' fields are the originals' (shift_fields)" 'len(j[0])==len(j[1])>0 and sorted(sorted((k,v) for k,v in s.items() if k not in ("id","event_id","uid","start","end","assigned")) for s in j[0])==sorted(sorted((k,v) for k,v in s.items() if k not in ("id","event_id","uid","start","end","assigned")) for s in j[1])'
json "a copy has the text set on the original" 'any(s.get("language")=="copied-language" for s in j[1])'
finish
