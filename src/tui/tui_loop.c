/* SPDX-License-Identifier: ISC */
/* Placeholder until the screen lands. */
#include "rooster/tui.h"

#include <stdio.h>

int
tui_run(struct store *st)
{
	(void)st;
	fputs("rooster: the screen is not built yet; use the commands "
	    "(rooster help)\n", stderr);
	return 1;
}
