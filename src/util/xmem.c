/* SPDX-License-Identifier: ISC */
/*
 * Allocation that never returns NULL: out of memory is not an expected
 * failure for a planner, so it is reported once and the process exits
 * (tmux's xmalloc.c does the same).
 */
#include "rooster/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
xmem_fail(size_t size)
{
	fprintf(stderr, _("rooster: out of memory (%zu bytes)\n"), size);
	exit(1);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		xmem_fail(size);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		xmem_fail(count * size);
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		xmem_fail(size);
	return p;
}

void *
xreallocarray(void *ptr, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size)
		xmem_fail(SIZE_MAX);
	return xrealloc(ptr, count * size);
}

void *
xarray_push(void *itemsp, size_t *len, size_t *cap, size_t size)
{
	void **items = itemsp;
	char *slot;

	if (*len == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*items = xreallocarray(*items, *cap, size);
	}
	slot = (char *)*items + (*len)++ * size;
	memset(slot, 0, size);
	return slot;
}

void
xsort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

void *
xbsearch(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	return n > 0 ? bsearch(key, base, n, size, cmp) : NULL;
}

char *
xstrdup(const char *s)
{
	size_t n;
	char *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	p = xmalloc(n);
	memcpy(p, s, n);
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	char *p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		xmem_fail(0);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}
