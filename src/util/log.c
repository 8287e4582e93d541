/* SPDX-License-Identifier: ISC */
/* Debug log to stderr, silent unless -v was given (tmux's log.c idea). */
#include "rooster/util.h"

#include <stdio.h>

static bool log_verbose;

void
log_set_verbose(bool on)
{
	log_verbose = on;
}

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	if (!log_verbose)
		return;
	va_start(ap, fmt);
	fputs("rooster: debug: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
