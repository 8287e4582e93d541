/* SPDX-License-Identifier: ISC */
/* rooster: plan volunteer shifts and events from a terminal. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/cli.h"

int
main(int argc, char **argv)
{
	const char *codeset;

	setlocale(LC_ALL, "");
	/*
	 * Stored text is UTF-8 whatever the locale says; widths need a
	 * UTF-8 LC_CTYPE, so fall back to C.UTF-8 where the locale is not.
	 */
	codeset = setlocale(LC_CTYPE, NULL);
	if (codeset == NULL || (strstr(codeset, "UTF-8") == NULL &&
	    strstr(codeset, "utf8") == NULL))
		setlocale(LC_CTYPE, "C.UTF-8");
	return cli_run(argc, argv);
}
