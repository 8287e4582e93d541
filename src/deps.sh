#!/bin/sh
# SPDX-License-Identifier: ISC
# Install what rooster needs to build and test on Debian 12, only what is
# missing. Called by `make deps` (and so by `make demo` and `make check`);
# --test adds the test tools, --bench the benchmark's (`make bench`).
# As root it runs apt-get; otherwise sudo if it works without a password
# prompt on a terminal we do not own; else it prints the list to install.
set -u

BUILD="gcc make pkg-config libsqlite3-dev libical-dev libncurses-dev \
libjansson-dev libcmocka-dev libcsv-dev libinih-dev libgmime-3.0-dev \
libicu-dev tzdata gettext"
TEST="sqlite3 tmux python3 python3-icalendar locales man-db clang \
libclang-rt-14-dev"
BENCH="python3 calcurse time"
want="$BUILD"
[ "${1:-}" = "--test" ] && want="$BUILD $TEST"
[ "${1:-}" = "--bench" ] && want="$BUILD $TEST $BENCH"

# The Dutch tests need the nl_NL.UTF-8 locale (package locales); generate it
# once the packages are in.
need_locale() {
	[ "${1:-}" = "--test" ] || return 0
	locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$' && return 0
	if [ "$(id -u)" = 0 ]; then
		localedef -i nl_NL -f UTF-8 nl_NL.UTF-8 || return 1
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo localedef -i nl_NL -f UTF-8 nl_NL.UTF-8 || return 1
	else
		echo "rooster: the Dutch tests need the nl_NL.UTF-8 locale; as root run:" >&2
		echo "  localedef -i nl_NL -f UTF-8 nl_NL.UTF-8" >&2
	fi
	return 0
}

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	need_locale "${1:-}"
	exit $?
fi

echo "rooster: installing missing packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "rooster: cannot install packages (not root, no sudo); install by hand:" >&2
	echo "  apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q $missing >/dev/null 2>&1; then
	$SUDO apt-get update -q >/dev/null 2>&1
	if ! $SUDO apt-get install -y -q $missing >/dev/null; then
		echo "rooster: apt-get failed; install by hand: apt-get install$missing" >&2
		exit 1
	fi
fi
need_locale "${1:-}"
exit $?
