#!/bin/sh
# SPDX-License-Identifier: ISC
# The volunteers pane at 80x24 filters and sorts names without regard to
# case and accents through the folded-name index (issue 15): "/ell" shows
# Ellen and Ëlla and Ella, "/ella" shows Ëlla beside Ella; Ë sorts with E,
# in the picker too.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui_lib.sh"
seed
r volunteer add "Frank Jansen"
r volunteer add "Ellen de Vries"
r volunteer add "Ëlla Visser"
r volunteer add "Ella Jansen"

tui_start 80 24
keys 3 g
sees "volunteers pane" "Ellen de Vries"
order=$(screen | grep -oE "Ella Jansen|Ëlla Visser|Ellen de Vries|Frank Jansen|Mounia Balakouh" | tr '\n' ,)
check "Ë sorts with E ($order)" [ "$order" = "Ella Jansen,Ëlla Visser,Ellen de Vries,Frank Jansen,Mounia Balakouh," ]
keys / "ell"
sees "/ell: Ëlla" "Ëlla Visser"
sees "/ell: Ellen" "Ellen de Vries"
sees "/ell: Ella" "Ella Jansen"
lacks "/ell: Frank hidden" "Frank Jansen"
keys a
sees "/ella: Ëlla" "Ëlla Visser"
sees "/ella: Ella" "Ella Jansen"
lacks "/ella: Ellen hidden" "Ellen de Vries"
keys Escape
sees "Escape leaves the filter" "Frank Jansen"
keys / "ZOE"
sees "/ZOE: accents and case ignored" "李小龍 Zoë Çelik"
lacks "/ZOE: Mounia hidden" "Mounia Balakouh"
keys Escape
# The picker ranks ties by the folded name too, and its find folds.
keys 2 g s
sees "picker on the first shift" "Assign to begeleider"
order=$(screen | grep -oE "Ella Jansen|Ëlla Visser|Ellen de Vries|Frank Jansen" | tr '\n' ,)
check "picker: Ë with E ($order)" [ "$order" = "Ella Jansen,Ëlla Visser,Ellen de Vries,Frank Jansen," ]
keys "ella"
sees "picker find 'ella': Ëlla" "Ëlla Visser"
sees "picker find 'ella': Ella" "Ella Jansen"
lacks "picker find 'ella': Ellen hidden" "Ellen de Vries"
keys Escape Escape
lacks "picker closed" "Assign to begeleider"
quits "quits"
finish
