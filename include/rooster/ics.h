/* SPDX-License-Identifier: ISC */
/*
 * ics: iCalendar export, invites and import through libical. libical
 * types never leave src/ics/.
 */
#ifndef ROOSTER_ICS_H
#define ROOSTER_ICS_H

#include "rooster/model.h"
#include "rooster/util.h"

#endif /* ROOSTER_ICS_H */
