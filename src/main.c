/* SPDX-License-Identifier: ISC */
/*
 * rooster: plan volunteer shifts and events from a terminal. main sets the
 * locale and the message catalogue (the build tree's, else the installed
 * one) and hands over to the command line.
 */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rooster/cli.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/*
 * Where the catalogues are: <directory of the binary>/locale when it holds
 * the Dutch one (a build tree: build/locale/nl/LC_MESSAGES/rooster.mo),
 * else LOCALEDIR. buf receives the chosen directory.
 */
static const char *
main_locale_dir(char *buf, size_t size)
{
	char exe[PATH_MAX], probe[PATH_MAX + 64];
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(probe, sizeof probe,
			    "%s/locale/nl/LC_MESSAGES/rooster.mo", exe);
			if (access(probe, R_OK) == 0) {
				snprintf(buf, size, "%s/locale", exe);
				return buf;
			}
		}
	}
	return LOCALEDIR;
}

int
main(int argc, char **argv)
{
	char dir[PATH_MAX + 16];
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
	bindtextdomain("rooster", main_locale_dir(dir, sizeof dir));
	bind_textdomain_codeset("rooster", "UTF-8");
	textdomain("rooster");
	return cli_run(argc, argv);
}
