/* SPDX-License-Identifier: ISC */
/*
 * libical and ICU loaded with dlopen() on the first iCalendar read or
 * write (see ics_lib.h): the pointers the ics files call through, and the
 * one function that fills them.
 */
#define ICS_LIB_LOADER
#include "ics_lib.h"

#include <stdbool.h>
#include <stdio.h>

#include <dlfcn.h>

#define ICS_LIB_STR2(x) #x
/* x after macro expansion, as a string: ICU's versioned names. */
#define ICS_LIB_STR(x) ICS_LIB_STR2(x)

/*
 * The sonames come from the headers compiled against: libical's soname
 * carries its major version (libical.so.3 for 3.x, as libical's CMake
 * sets SOVERSION), ICU's its major version, which is also the suffix of
 * every versioned symbol below. ICU is opened by name rather than found
 * through libical's handle so that the library and the symbol names come
 * from the same ICU headers, whatever libical was built against; libical
 * already needs it, so opening it maps nothing more.
 */
#define ICS_LIB_ICU_LIBRARY \
	"libicui18n.so." ICS_LIB_STR(U_ICU_VERSION_MAJOR_NUM)

#define ICS_LIB_DEFINE(name) __typeof__(name) *ics_lib_p_##name;
ICS_LIB_ICAL(ICS_LIB_DEFINE)
ICS_LIB_ICU(ICS_LIB_DEFINE)
#undef ICS_LIB_DEFINE

struct ics_lib_symbol {
	const char	*name;
	void		**slot;
};

/* Open library and look up the n symbols; 0, or -1 with err. */
static int
ics_lib_open(const char *what, const char *library,
    const struct ics_lib_symbol *table, size_t n, struct err *err)
{
	void *lib;
	size_t i;

	if ((lib = dlopen(library, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return err_set(err, ERR_IO, _("cannot read or write iCalendar: "
		    "%s (%s) did not load: %s"), what, library, dlerror());
	for (i = 0; i < n; i++)
		if ((*table[i].slot = dlsym(lib, table[i].name)) == NULL)
			return err_set(err, ERR_IO, _("cannot read or write "
			    "iCalendar: %s (%s) lacks %s"), what, library,
			    table[i].name);
	return 0;
}

int
ics_lib_load(struct err *err)
{
	static const struct ics_lib_symbol ical[] = {
#define ICS_LIB_ENTRY(name) { #name, (void **)&ics_lib_p_##name },
		ICS_LIB_ICAL(ICS_LIB_ENTRY)
#undef ICS_LIB_ENTRY
	};
	static const struct ics_lib_symbol icu[] = {
#define ICS_LIB_ENTRY(name) { ICS_LIB_STR(name), (void **)&ics_lib_p_##name },
		ICS_LIB_ICU(ICS_LIB_ENTRY)
#undef ICS_LIB_ENTRY
	};
	static bool done;
	char library[32];

	if (done)
		return 0;
	snprintf(library, sizeof library, "libical.so.%d", ICAL_MAJOR_VERSION);
	if (ics_lib_open("libical", library, ical, sizeof ical /
	    sizeof ical[0], err) < 0 ||
	    ics_lib_open("ICU", ICS_LIB_ICU_LIBRARY, icu, sizeof icu /
	    sizeof icu[0], err) < 0)
		return -1;
	done = true;
	return 0;
}
