/* SPDX-License-Identifier: ISC */
/*
 * Expected failures travel up as a code and a one-line message in a
 * caller-owned struct err: nothing to free, and NULL means "don't care".
 */
#include "rooster/util.h"

#include <stdio.h>

int
err_set(struct err *err, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
err_clear(struct err *err)
{
	if (err == NULL)
		return;
	err->code = ERR_OK;
	err->msg[0] = '\0';
}
