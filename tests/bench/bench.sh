#!/bin/sh
# SPDX-License-Identifier: ISC
# `make bench`: run tests/bench/bench.py with Debian's Python (its sqlite3
# module is the system SQLite rooster links). BENCH_SCALE=tiny makes a
# quick smoke run that writes no document; BENCH_RUNS sets the repeats.
set -eu
[ $# -eq 1 ] || { echo "usage: bench.sh ROOSTER" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3 "$here/bench.py" "$1"
