#!/bin/sh
# SPDX-License-Identifier: ISC
# The picker's hint says what Esc does (issue 15): with text in Find the
# first Esc clears it, so the hint says so; empty, Esc closes. The status
# line's key hints agree with it. At 80x24, in English and Dutch.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed

tui_start 80 24
sees "main view" "Shifts"
keys 2 g s
sees "picker opens" "Assign to begeleider"
sees "empty Find: Esc closes" "Enter assigns, Esc closes"
sees_re "empty Find: the status line says Esc closes" "Enter assign  Esc close *$"
keys "zo"
sees "text in Find: the hint says Esc clears it" "Enter assigns, Esc clears the find"
lacks "and no longer that it closes" "Esc closes"
sees_re "text in Find: the status line says Esc clears it" "Enter assign  Esc clear find *$"
lacks "the status line no longer says Esc closes" "Enter assign  Esc close"
keys Escape
sees "the first Esc clears the find" "search cleared"
sees "the hint says Esc closes again" "Enter assigns, Esc closes"
sees "the picker is still open" "Assign to begeleider"
keys Down
sees_re "empty again: the status line says Esc closes" "Enter assign  Esc close *$"
keys Escape
lacks "the second Esc closes" "Assign to begeleider"
quits "quits"

tui_start 80 24 LC_ALL=nl_NL.UTF-8
sees "Dutch main view" "Diensten"
keys 2 g s
sees "Dutch: empty Find, Esc closes" "Enter deelt in, Esc sluit"
keys "zo"
sees "Dutch: text in Find, Esc clears it" "Esc wist de zoektekst"
sees_re "Dutch: the status line agrees" "Enter indelen  Esc zoektekst wissen *$"
keys Escape Escape
quits "Dutch quits"

finish
