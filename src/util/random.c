/* SPDX-License-Identifier: ISC */
/* Unguessable identifiers from the kernel's generator (getrandom). */
#include "rooster/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>

void
random_hex(char *buf, size_t n)
{
	unsigned char bytes[64];
	size_t i, got = 0;
	ssize_t r;

	if (n > sizeof bytes)
		n = sizeof bytes;
	while (got < n) {
		r = getrandom(bytes + got, n - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			fprintf(stderr, _("rooster: getrandom failed\n"));
			abort();
		}
		got += (size_t)r;
	}
	for (i = 0; i < n; i++)
		snprintf(buf + 2 * i, 3, "%02x", bytes[i]);
	buf[2 * n] = '\0';
}
