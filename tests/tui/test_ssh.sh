#!/bin/sh
# SPDX-License-Identifier: ISC
# The screen through `ssh -t` to a private sshd on 127.0.0.1, as
# coordinators use it: main view, resize, and a dropped connection (the
# client killed) during an open form: SIGHUP ends the screen, the database
# is unchanged and intact. Skipped where no sshd is installed.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] && command -v ssh-keygen > /dev/null 2>&1 ||
    { echo "skip - no sshd (apt-get install openssh-server to run this)"; exit 0; }
seed

S="$TESTDIR/ssh"
mkdir -p "$S"
ssh-keygen -q -t ed25519 -N '' -f "$S/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$S/user_key"
cp "$S/user_key.pub" "$S/authorized_keys"
chmod 700 "$S"
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
PORT=$((20000 + $$ % 20000))
cat > "$S/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $PORT
HostKey $S/host_key
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
PermitUserEnvironment no
CONF
"$SSHD" -f "$S/sshd_config" -E "$S/sshd.log" || { echo "skip - sshd did not start: $(cat "$S/sshd.log")"; exit 0; }
trap 'kill "$(cat "$S/sshd.pid" 2>/dev/null)" 2>/dev/null; tmux -L "$SOCK" kill-server > /dev/null 2>&1; rm -rf "$TESTDIR"' EXIT

T kill-session -t t > /dev/null 2>&1
T new-session -d -s t -x 80 -y 24 "ssh -t -p $PORT -i $S/user_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR 127.0.0.1 'TZ=UTC LC_ALL=C.UTF-8 TERM=tmux-256color $ROOSTER --db $DB'; echo \$? > $TESTDIR/exit; sleep 600"
sees "ssh -t: main view at 80x24" "2 Shifts: Taalcafé"
sees "ssh -t: gap sign" "1/2 !"
resize 40 12
sees "ssh -t: resize reaches the screen (one pane)" "1 Events"
lacks "ssh -t: shifts pane hidden at 40x12" "2 Shifts"
resize 80 24
sees "ssh -t: back to two panes" "2 Shifts: Taalcafé"
keys q
wait_exit
check "ssh -t: q quits, ssh exits 0" [ "$EXIT" = 0 ]

# A dropped connection while a form holds typed text.
rm -f "$TESTDIR/exit"
T kill-session -t t > /dev/null 2>&1
T new-session -d -s t -x 80 -y 24 "ssh -t -p $PORT -i $S/user_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR 127.0.0.1 'TZ=UTC LC_ALL=C.UTF-8 TERM=tmux-256color $ROOSTER --db $DB'; sleep 600"
sees "ssh -t: screen again" "2 Shifts: Taalcafé"
keys a "Nooit bewaard" Tab "$DAY1 10:00"
sees "ssh -t: form with typed text" "Nooit bewaard"
before=$(dump)
client=$(T display -p -t t '#{pane_pid}')
# The pane runs sh -c; its child is the ssh client.
sshpid=$(pgrep -P "$client" -x ssh)
kill -9 "$sshpid"
i=0
while [ $i -lt 50 ] && pgrep -f "^$ROOSTER --db $DB" > /dev/null; do sleep 0.1; i=$((i + 1)); done
check "dropped connection: the screen ends (SIGHUP)" sh -c "! pgrep -f '^$ROOSTER --db $DB' > /dev/null"
check "dropped connection: database dump identical" [ "$before" = "$(dump)" ]
check "dropped connection: integrity_check ok" [ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ]
r event list
check "dropped connection: nothing half-typed saved" sh -c "! printf '%s' \"\$OUT\" | grep -q 'Nooit bewaard'"
finish
