/* SPDX-License-Identifier: ISC */
/*
 * libical and ICU, loaded when the ics layer first needs them: the only
 * header that includes them (through ics_int.h, or on its own). Linking
 * them cost every command, a lookup included, about 2 ms of start-up (ICU
 * with its data, libstdc++ and libgcc_s: some 180 page faults of
 * relocations and constructors) for the few commands that read or write
 * iCalendar. Every libical and ICU function the ics files call is looked
 * up once by dlsym() in ics_lib_load() and called through its pointer:
 * the names below stand for those pointers, so the files call
 * icalcomponent_new() as before. src/ics/ics_mime.c does the same for
 * GMime.
 *
 * Every exported ics function that can reach libical calls
 * ics_lib_load() first and fails with its error; a function that is
 * handed something only another one made (an ics_writer) relies on that
 * one's call. tests/unit/ics/test_ics_lib.c calls each one first in a
 * fresh process, tests/ics/test_libical_on_demand.sh runs each command
 * family with a libical that does not load.
 */
#ifndef ROOSTER_ICS_LIB_H
#define ROOSTER_ICS_LIB_H

#include <libical/ical.h>
#include <unicode/ucal.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

#include "rooster/ics.h"

/* The libical functions the ics files call (`nm -u` of the old binary). */
#define ICS_LIB_ICAL(X) \
	X(icalcomponent_add_component) \
	X(icalcomponent_add_property) \
	X(icalcomponent_as_ical_string_r) \
	X(icalcomponent_count_errors) \
	X(icalcomponent_free) \
	X(icalcomponent_get_description) \
	X(icalcomponent_get_dtend) \
	X(icalcomponent_get_dtstart) \
	X(icalcomponent_get_first_component) \
	X(icalcomponent_get_first_property) \
	X(icalcomponent_get_location) \
	X(icalcomponent_get_next_component) \
	X(icalcomponent_get_next_property) \
	X(icalcomponent_get_recurrenceid) \
	X(icalcomponent_get_sequence) \
	X(icalcomponent_get_status) \
	X(icalcomponent_get_summary) \
	X(icalcomponent_get_timezone) \
	X(icalcomponent_get_uid) \
	X(icalcomponent_isa) \
	X(icalcomponent_new) \
	X(icalcomponent_new_clone) \
	X(icalcomponent_new_from_string) \
	X(icalcomponent_remove_component) \
	X(icalcomponent_strip_errors) \
	X(icalcomponent_vanew) \
	X(icaldurationtype_as_int) \
	X(icaldurationtype_null_duration) \
	X(icalerrno_return) \
	X(icalerror_clear_errno) \
	X(icalmemory_free_buffer) \
	X(icalparameter_get_fbtype) \
	X(icalparameter_get_partstat) \
	X(icalparameter_get_range) \
	X(icalparameter_get_sentby) \
	X(icalparameter_get_tzid) \
	X(icalparameter_new_cn) \
	X(icalparameter_new_cutype) \
	X(icalparameter_new_partstat) \
	X(icalparameter_new_role) \
	X(icalparameter_new_rsvp) \
	X(icalparameter_new_tzid) \
	X(icalparser_add_line) \
	X(icalparser_free) \
	X(icalparser_new) \
	X(icalparser_parse_string) \
	X(icalproperty_add_parameter) \
	X(icalproperty_as_ical_string_r) \
	X(icalproperty_free) \
	X(icalproperty_get_attendee) \
	X(icalproperty_get_dtend) \
	X(icalproperty_get_dtstamp) \
	X(icalproperty_get_dtstart) \
	X(icalproperty_get_exdate) \
	X(icalproperty_get_first_parameter) \
	X(icalproperty_get_freebusy) \
	X(icalproperty_get_method) \
	X(icalproperty_get_organizer) \
	X(icalproperty_get_rrule) \
	X(icalproperty_get_tzid) \
	X(icalproperty_get_tzname) \
	X(icalproperty_get_tzoffsetto) \
	X(icalproperty_get_xlicerror) \
	X(icalproperty_isa) \
	X(icalproperty_new_action) \
	X(icalproperty_new_attendee) \
	X(icalproperty_new_calscale) \
	X(icalproperty_new_description) \
	X(icalproperty_new_dtend) \
	X(icalproperty_new_dtstamp) \
	X(icalproperty_new_dtstart) \
	X(icalproperty_new_exdate) \
	X(icalproperty_new_from_string) \
	X(icalproperty_new_location) \
	X(icalproperty_new_method) \
	X(icalproperty_new_name) \
	X(icalproperty_new_organizer) \
	X(icalproperty_new_prodid) \
	X(icalproperty_new_recurrenceid) \
	X(icalproperty_new_refreshinterval) \
	X(icalproperty_new_rrule) \
	X(icalproperty_new_sequence) \
	X(icalproperty_new_status) \
	X(icalproperty_new_summary) \
	X(icalproperty_new_trigger) \
	X(icalproperty_new_tzid) \
	X(icalproperty_new_tzname) \
	X(icalproperty_new_tzoffsetfrom) \
	X(icalproperty_new_tzoffsetto) \
	X(icalproperty_new_uid) \
	X(icalproperty_new_version) \
	X(icalproperty_new_x) \
	X(icalproperty_set_x_name) \
	X(icalrecur_iterator_free) \
	X(icalrecur_iterator_new) \
	X(icalrecur_iterator_next) \
	X(icalrecurrencetype_as_string_r) \
	X(icalrecurrencetype_day_position) \
	X(icalrecurrencetype_from_string) \
	X(icalrestriction_check) \
	X(icaltime_as_timet) \
	X(icaltime_as_timet_with_zone) \
	X(icaltime_compare) \
	X(icaltime_convert_to_zone) \
	X(icaltime_days_in_month) \
	X(icaltime_from_string) \
	X(icaltime_from_timet_with_zone) \
	X(icaltime_is_null_time) \
	X(icaltime_is_utc) \
	X(icaltime_is_valid_time) \
	X(icaltime_null_time) \
	X(icaltime_set_timezone) \
	X(icaltimezone_free) \
	X(icaltimezone_get_builtin_timezone) \
	X(icaltimezone_get_component) \
	X(icaltimezone_get_utc_offset_of_utc_time) \
	X(icaltimezone_get_utc_timezone) \
	X(icaltimezone_new) \
	X(icaltimezone_set_component) \
	X(icaltimezone_truncate_vtimezone) \
	X(icaltriggertype_from_int)

/*
 * The ICU functions src/ics/ics_tzid.c calls. ICU's headers rename each
 * to its versioned symbol (ucal_openTimeZones is ucal_openTimeZones_72):
 * the pointers keep the plain name, dlsym() is given the versioned one.
 */
#define ICS_LIB_ICU(X) \
	X(u_strFromUTF8) \
	X(u_strToUTF8) \
	X(ucal_getTimeZoneIDForWindowsID) \
	X(ucal_openTimeZones) \
	X(uenum_close) \
	X(uenum_next)

#define ICS_LIB_DECLARE(name) extern __typeof__(name) *ics_lib_p_##name;
ICS_LIB_ICAL(ICS_LIB_DECLARE)
ICS_LIB_ICU(ICS_LIB_DECLARE)
#undef ICS_LIB_DECLARE

/* ics_lib.c looks the functions up by their real names: no renaming. */
#ifndef ICS_LIB_LOADER
#define icalcomponent_add_component (*ics_lib_p_icalcomponent_add_component)
#define icalcomponent_add_property (*ics_lib_p_icalcomponent_add_property)
#define icalcomponent_as_ical_string_r (*ics_lib_p_icalcomponent_as_ical_string_r)
#define icalcomponent_count_errors (*ics_lib_p_icalcomponent_count_errors)
#define icalcomponent_free (*ics_lib_p_icalcomponent_free)
#define icalcomponent_get_description (*ics_lib_p_icalcomponent_get_description)
#define icalcomponent_get_dtend (*ics_lib_p_icalcomponent_get_dtend)
#define icalcomponent_get_dtstart (*ics_lib_p_icalcomponent_get_dtstart)
#define icalcomponent_get_first_component (*ics_lib_p_icalcomponent_get_first_component)
#define icalcomponent_get_first_property (*ics_lib_p_icalcomponent_get_first_property)
#define icalcomponent_get_location (*ics_lib_p_icalcomponent_get_location)
#define icalcomponent_get_next_component (*ics_lib_p_icalcomponent_get_next_component)
#define icalcomponent_get_next_property (*ics_lib_p_icalcomponent_get_next_property)
#define icalcomponent_get_recurrenceid (*ics_lib_p_icalcomponent_get_recurrenceid)
#define icalcomponent_get_sequence (*ics_lib_p_icalcomponent_get_sequence)
#define icalcomponent_get_status (*ics_lib_p_icalcomponent_get_status)
#define icalcomponent_get_summary (*ics_lib_p_icalcomponent_get_summary)
#define icalcomponent_get_timezone (*ics_lib_p_icalcomponent_get_timezone)
#define icalcomponent_get_uid (*ics_lib_p_icalcomponent_get_uid)
#define icalcomponent_isa (*ics_lib_p_icalcomponent_isa)
#define icalcomponent_new (*ics_lib_p_icalcomponent_new)
#define icalcomponent_new_clone (*ics_lib_p_icalcomponent_new_clone)
#define icalcomponent_new_from_string (*ics_lib_p_icalcomponent_new_from_string)
#define icalcomponent_remove_component (*ics_lib_p_icalcomponent_remove_component)
#define icalcomponent_strip_errors (*ics_lib_p_icalcomponent_strip_errors)
#define icalcomponent_vanew (*ics_lib_p_icalcomponent_vanew)
#define icaldurationtype_as_int (*ics_lib_p_icaldurationtype_as_int)
#define icaldurationtype_null_duration (*ics_lib_p_icaldurationtype_null_duration)
#define icalerrno_return (*ics_lib_p_icalerrno_return)
#define icalerror_clear_errno (*ics_lib_p_icalerror_clear_errno)
#define icalmemory_free_buffer (*ics_lib_p_icalmemory_free_buffer)
#define icalparameter_get_fbtype (*ics_lib_p_icalparameter_get_fbtype)
#define icalparameter_get_partstat (*ics_lib_p_icalparameter_get_partstat)
#define icalparameter_get_range (*ics_lib_p_icalparameter_get_range)
#define icalparameter_get_sentby (*ics_lib_p_icalparameter_get_sentby)
#define icalparameter_get_tzid (*ics_lib_p_icalparameter_get_tzid)
#define icalparameter_new_cn (*ics_lib_p_icalparameter_new_cn)
#define icalparameter_new_cutype (*ics_lib_p_icalparameter_new_cutype)
#define icalparameter_new_partstat (*ics_lib_p_icalparameter_new_partstat)
#define icalparameter_new_role (*ics_lib_p_icalparameter_new_role)
#define icalparameter_new_rsvp (*ics_lib_p_icalparameter_new_rsvp)
#define icalparameter_new_tzid (*ics_lib_p_icalparameter_new_tzid)
#define icalparser_add_line (*ics_lib_p_icalparser_add_line)
#define icalparser_free (*ics_lib_p_icalparser_free)
#define icalparser_new (*ics_lib_p_icalparser_new)
#define icalparser_parse_string (*ics_lib_p_icalparser_parse_string)
#define icalproperty_add_parameter (*ics_lib_p_icalproperty_add_parameter)
#define icalproperty_as_ical_string_r (*ics_lib_p_icalproperty_as_ical_string_r)
#define icalproperty_free (*ics_lib_p_icalproperty_free)
#define icalproperty_get_attendee (*ics_lib_p_icalproperty_get_attendee)
#define icalproperty_get_dtend (*ics_lib_p_icalproperty_get_dtend)
#define icalproperty_get_dtstamp (*ics_lib_p_icalproperty_get_dtstamp)
#define icalproperty_get_dtstart (*ics_lib_p_icalproperty_get_dtstart)
#define icalproperty_get_exdate (*ics_lib_p_icalproperty_get_exdate)
#define icalproperty_get_first_parameter (*ics_lib_p_icalproperty_get_first_parameter)
#define icalproperty_get_freebusy (*ics_lib_p_icalproperty_get_freebusy)
#define icalproperty_get_method (*ics_lib_p_icalproperty_get_method)
#define icalproperty_get_organizer (*ics_lib_p_icalproperty_get_organizer)
#define icalproperty_get_rrule (*ics_lib_p_icalproperty_get_rrule)
#define icalproperty_get_tzid (*ics_lib_p_icalproperty_get_tzid)
#define icalproperty_get_tzname (*ics_lib_p_icalproperty_get_tzname)
#define icalproperty_get_tzoffsetto (*ics_lib_p_icalproperty_get_tzoffsetto)
#define icalproperty_get_xlicerror (*ics_lib_p_icalproperty_get_xlicerror)
#define icalproperty_isa (*ics_lib_p_icalproperty_isa)
#define icalproperty_new_action (*ics_lib_p_icalproperty_new_action)
#define icalproperty_new_attendee (*ics_lib_p_icalproperty_new_attendee)
#define icalproperty_new_calscale (*ics_lib_p_icalproperty_new_calscale)
#define icalproperty_new_description (*ics_lib_p_icalproperty_new_description)
#define icalproperty_new_dtend (*ics_lib_p_icalproperty_new_dtend)
#define icalproperty_new_dtstamp (*ics_lib_p_icalproperty_new_dtstamp)
#define icalproperty_new_dtstart (*ics_lib_p_icalproperty_new_dtstart)
#define icalproperty_new_exdate (*ics_lib_p_icalproperty_new_exdate)
#define icalproperty_new_from_string (*ics_lib_p_icalproperty_new_from_string)
#define icalproperty_new_location (*ics_lib_p_icalproperty_new_location)
#define icalproperty_new_method (*ics_lib_p_icalproperty_new_method)
#define icalproperty_new_name (*ics_lib_p_icalproperty_new_name)
#define icalproperty_new_organizer (*ics_lib_p_icalproperty_new_organizer)
#define icalproperty_new_prodid (*ics_lib_p_icalproperty_new_prodid)
#define icalproperty_new_recurrenceid (*ics_lib_p_icalproperty_new_recurrenceid)
#define icalproperty_new_refreshinterval (*ics_lib_p_icalproperty_new_refreshinterval)
#define icalproperty_new_rrule (*ics_lib_p_icalproperty_new_rrule)
#define icalproperty_new_sequence (*ics_lib_p_icalproperty_new_sequence)
#define icalproperty_new_status (*ics_lib_p_icalproperty_new_status)
#define icalproperty_new_summary (*ics_lib_p_icalproperty_new_summary)
#define icalproperty_new_trigger (*ics_lib_p_icalproperty_new_trigger)
#define icalproperty_new_tzid (*ics_lib_p_icalproperty_new_tzid)
#define icalproperty_new_tzname (*ics_lib_p_icalproperty_new_tzname)
#define icalproperty_new_tzoffsetfrom (*ics_lib_p_icalproperty_new_tzoffsetfrom)
#define icalproperty_new_tzoffsetto (*ics_lib_p_icalproperty_new_tzoffsetto)
#define icalproperty_new_uid (*ics_lib_p_icalproperty_new_uid)
#define icalproperty_new_version (*ics_lib_p_icalproperty_new_version)
#define icalproperty_new_x (*ics_lib_p_icalproperty_new_x)
#define icalproperty_set_x_name (*ics_lib_p_icalproperty_set_x_name)
#define icalrecur_iterator_free (*ics_lib_p_icalrecur_iterator_free)
#define icalrecur_iterator_new (*ics_lib_p_icalrecur_iterator_new)
#define icalrecur_iterator_next (*ics_lib_p_icalrecur_iterator_next)
#define icalrecurrencetype_as_string_r (*ics_lib_p_icalrecurrencetype_as_string_r)
#define icalrecurrencetype_day_position (*ics_lib_p_icalrecurrencetype_day_position)
#define icalrecurrencetype_from_string (*ics_lib_p_icalrecurrencetype_from_string)
#define icalrestriction_check (*ics_lib_p_icalrestriction_check)
#define icaltime_as_timet (*ics_lib_p_icaltime_as_timet)
#define icaltime_as_timet_with_zone (*ics_lib_p_icaltime_as_timet_with_zone)
#define icaltime_compare (*ics_lib_p_icaltime_compare)
#define icaltime_convert_to_zone (*ics_lib_p_icaltime_convert_to_zone)
#define icaltime_days_in_month (*ics_lib_p_icaltime_days_in_month)
#define icaltime_from_string (*ics_lib_p_icaltime_from_string)
#define icaltime_from_timet_with_zone (*ics_lib_p_icaltime_from_timet_with_zone)
#define icaltime_is_null_time (*ics_lib_p_icaltime_is_null_time)
#define icaltime_is_utc (*ics_lib_p_icaltime_is_utc)
#define icaltime_is_valid_time (*ics_lib_p_icaltime_is_valid_time)
#define icaltime_null_time (*ics_lib_p_icaltime_null_time)
#define icaltime_set_timezone (*ics_lib_p_icaltime_set_timezone)
#define icaltimezone_free (*ics_lib_p_icaltimezone_free)
#define icaltimezone_get_builtin_timezone (*ics_lib_p_icaltimezone_get_builtin_timezone)
#define icaltimezone_get_component (*ics_lib_p_icaltimezone_get_component)
#define icaltimezone_get_utc_offset_of_utc_time (*ics_lib_p_icaltimezone_get_utc_offset_of_utc_time)
#define icaltimezone_get_utc_timezone (*ics_lib_p_icaltimezone_get_utc_timezone)
#define icaltimezone_new (*ics_lib_p_icaltimezone_new)
#define icaltimezone_set_component (*ics_lib_p_icaltimezone_set_component)
#define icaltimezone_truncate_vtimezone (*ics_lib_p_icaltimezone_truncate_vtimezone)
#define icaltriggertype_from_int (*ics_lib_p_icaltriggertype_from_int)

#undef u_strFromUTF8
#define u_strFromUTF8 (*ics_lib_p_u_strFromUTF8)
#undef u_strToUTF8
#define u_strToUTF8 (*ics_lib_p_u_strToUTF8)
#undef ucal_getTimeZoneIDForWindowsID
#define ucal_getTimeZoneIDForWindowsID (*ics_lib_p_ucal_getTimeZoneIDForWindowsID)
#undef ucal_openTimeZones
#define ucal_openTimeZones (*ics_lib_p_ucal_openTimeZones)
#undef uenum_close
#define uenum_close (*ics_lib_p_uenum_close)
#undef uenum_next
#define uenum_next (*ics_lib_p_uenum_next)
#endif /* ICS_LIB_LOADER */

#endif /* ROOSTER_ICS_LIB_H */
