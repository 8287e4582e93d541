/* SPDX-License-Identifier: ISC */
/*
 * The demo plan: six weeks of a fictional town chapter of a refugee
 * sponsorship movement, so that a newcomer sees a lived-in plan at once.
 * Everything is written in one transaction, and the same now gives the
 * same plan (a fixed-seed generator, not rand()); only UIDs differ.
 * People, events and shifts are rows of text set through their entities'
 * field tables, as the command line sets them: the demo names no field.
 */
#include "rooster/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

#define OPS_DEMO_NAME "Samen Thuis — afdeling Leidschendam"
#define OPS_DEMO_SEED UINT64_C(0x5a3e2d7c9b1f4e61)
#define OPS_DEMO_NONE (-1)	/* no team for an event */
#define OPS_DEMO_KEYS(keys) (sizeof keys / sizeof keys[0])

/*
 * The volunteers, a row each: their fields by key ('|' between them), set
 * as `volunteer add` sets them (model_fields_set_value()). Skills use the
 * shift roles; "0" is no monthly limit. A phone number is drawn for each.
 */
static const char *const ops_demo_person_keys[] = {
	"name", "email", "skills", "languages", "max_per_month", "notes"
};

static const char *const ops_demo_people[] = {
	"Anneke de Vries|anneke.devries@example.org|"
	    "begeleider,gastvrouw/gastheer|nl,en|0|coördinator taalcafé",
	"Joost Bakker|joost.bakker@example.net|chauffeur,opbouw|nl,en|0|"
	    "rijbewijs B, eigen bus met 8 zitplaatsen",
	"Marieke Janssen|m.janssen@example.org|begeleider|nl,en,fa|4|",
	"Pieter van Dijk|pieter.vandijk@example.org|opbouw,chauffeur|nl|0|",
	"Ëlla Dĳkstra|ella.dijkstra@example.net|gastvrouw/gastheer,begeleider|"
	    "nl,en,uk|0|",
	"Sanne Visser|sanne.visser@example.org|begeleider|nl,en|0|",
	"Bram de Jong||opbouw|nl|0|liever bellen dan mailen",
	"Femke Smit|femke.smit@example.net|begeleider,gastvrouw/gastheer|"
	    "nl,en|3|",
	"Wouter Meijer|wouter.meijer@example.org|chauffeur,begeleider|nl,en|0|",
	"Ingrid Mulder|ingrid.mulder@example.org|gastvrouw/gastheer|nl|2|"
	    "alleen doordeweeks",
	"Hans van den Berg|hans.vandenberg@example.net|chauffeur,opbouw|nl,en|"
	    "0|",
	"Lotte Bos|lotte.bos@example.org|begeleider|nl,en,ar|0|",
	"Gerrit Vermeulen||opbouw,chauffeur|nl|0|",
	"Noor Hendriks|noor.hendriks@example.net|"
	    "begeleider,gastvrouw/gastheer|nl,en|0|",
	"Thijs van Leeuwen|thijs.vanleeuwen@example.org|opbouw,begeleider|"
	    "nl,en|0|",
	"Renée Kok|renee.kok@example.org|gastvrouw/gastheer|nl,en|0|",
	"Daan Brouwer|daan.brouwer@example.net|chauffeur|nl|4|",
	"Marloes de Graaf|marloes.degraaf@example.org|"
	    "begeleider,gastvrouw/gastheer|nl,en|0|",
	"Kees Peters|kees.peters@example.net|opbouw|nl|0|",
	"Joëlle van der Linden|joelle.vanderlinden@example.org|begeleider|"
	    "nl,en|0|",
	"Fatima El Amrani|fatima.elamrani@example.org|tolk,begeleider|"
	    "nl,ar,en|0|",
	"فاطمة الزهراء|fatima.alzahraa@example.net|tolk,gastvrouw/gastheer|"
	    "ar,nl|0|",
	"Omar Khalil|omar.khalil@example.org|tolk,chauffeur|ar,nl,en|0|",
	"Yasmin Saleh|yasmin.saleh@example.net|begeleider|ar,nl|0|",
	"Samir Aziz||tolk,opbouw|ar,nl|2|",
	"Nour Al-Hassan|nour.alhassan@example.org|"
	    "gastvrouw/gastheer,begeleider|ar,en,nl|0|",
	"Karim Mansour|karim.mansour@example.net|opbouw,chauffeur|ar,nl|0|",
	"ሳምሶን ተስፋይ|samson.tesfay@example.net|tolk,begeleider|ti,nl,en|0|",
	"Selam Gebremedhin|selam.gebremedhin@example.org|"
	    "tolk,gastvrouw/gastheer|ti,nl|0|",
	"Yonas Haile|yonas.haile@example.org|tolk,opbouw|ti,en,nl|0|",
	"Senait Tekle|senait.tekle@example.net|begeleider|ti,nl|3|"
	    "studeert; tentamens in blok 3",
	"Mehari Berhane||opbouw,chauffeur|ti,nl|0|",
	"Farid Ahmadi|farid.ahmadi@example.org|tolk,chauffeur|prs,fa,nl,en|0|",
	"Zahra Rezaei|zahra.rezaei@example.net|tolk,gastvrouw/gastheer|"
	    "prs,fa,nl|0|",
	"Mariam Noori|mariam.noori@example.org|begeleider|prs,nl,en|0|",
	"Ahmad Shah Sultani|a.sultani@example.net|opbouw|prs,nl|0|",
	"Олена Коваленко|olena.kovalenko@example.net|tolk,begeleider|uk,nl,en|"
	    "0|",
	"Oksana Shevchenko|oksana.shevchenko@example.org|"
	    "tolk,gastvrouw/gastheer|uk,en,nl|0|",
	"Dmytro Bondarenko|dmytro.bondarenko@example.net|chauffeur,opbouw|"
	    "uk,en|0|",
	"Iryna Melnyk|iryna.melnyk@example.org|begeleider|uk,nl|2|",
};

#define OPS_DEMO_PEOPLE \
	(sizeof ops_demo_people / sizeof ops_demo_people[0])

/* Sponsor groups: a name and indices into ops_demo_people, -1 ends. */
struct ops_demo_team {
	const char	*name;
	int		 members[6];
};

static const struct ops_demo_team ops_demo_teams[] = {
	{ "Sponsorgroep Haddad", { 0, 3, 10, 20, 25, -1 } },
	{ "Sponsorgroep Gebremariam", { 5, 13, 28, 30, -1 } },
	{ "Sponsorgroep Rahimi", { 7, 14, 33, -1 } },
};

#define OPS_DEMO_TEAMS (sizeof ops_demo_teams / sizeof ops_demo_teams[0])

/*
 * An event: its fields by key ('|' between them), when (on weekday, as
 * tm_wday with 0 Sunday, of week 0-5 from today, its local times) and
 * its shifts, each "ROLE[:LANGUAGE] FILLED/NEEDED [HH:MM-HH:MM]": the
 * event's times unless it names its own, FILLED being how many people
 * the demo puts on it. The data is ours: a wrong row aborts.
 */
static const char *const ops_demo_event_keys[] = {
	"title", "location", "description", "languages", "status"
};

struct ops_demo_event {
	const char	*fields;
	const char	*when;		/* "WEEK WEEKDAY HH:MM-HH:MM" */
	int		 team;		/* preferred sponsor group */
	const char	*shifts;	/* ", " between them */
};

/* The language café, every Tuesday evening. */
#define OPS_DEMO_CAFE(week, languages, shifts) \
	{ "Taalcafé|Bibliotheek Leidschendam|Nederlands oefenen bij koffie " \
	    "en thee, in kleine groepjes; iedereen welkom.|" languages \
	    "|confirmed", #week " 2 19:30-21:30", OPS_DEMO_NONE, shifts }

static const struct ops_demo_event ops_demo_events[] = {
	OPS_DEMO_CAFE(0, "nl,ar",
	    "gastvrouw/gastheer 1/1, begeleider 2/2, tolk:ar 1/1"),
	OPS_DEMO_CAFE(1, "nl,ti",
	    "gastvrouw/gastheer 1/1, begeleider 2/3, tolk:ti 1/1"),
	OPS_DEMO_CAFE(2, "nl,prs",
	    "gastvrouw/gastheer 0/1, begeleider 2/2, tolk:prs 1/1"),
	OPS_DEMO_CAFE(3, "nl,uk",
	    "gastvrouw/gastheer 1/1, begeleider 1/2, tolk:uk 0/1"),
	OPS_DEMO_CAFE(4, "nl,ar", "gastvrouw/gastheer 0/1, begeleider 0/2"),
	{ "Fietsles voor nieuwkomers|Schoolplein OBS De Vlinder, "
	    "Leidschendam|Oefenen op het schoolplein, daarna een rondje door "
	    "de wijk. Fietsen en helmen zijn er.|nl,ti|confirmed",
	    "0 6 10:00-12:00", OPS_DEMO_NONE,
	    "begeleider 3/3, tolk:ti 1/1" },
	{ "Training sponsorgroepen: de eerste maanden|Buurthuis De "
	    "Ontmoeting, Leidschendam|Wat doe je in de eerste maanden met een "
	    "nieuw gezin? Met oefencasussen.|nl|confirmed",
	    "1 4 19:30-22:00", OPS_DEMO_NONE,
	    "gastvrouw/gastheer 1/1 19:00-22:00, algemeen 2/2" },
	{ "Groepsbezoek ADO Den Haag – FC Utrecht|Bingoal Stadion, Den Haag|"
	    "Samen naar de wedstrijd; vertrek met de bus vanaf het Damplein.|"
	    "nl,ar,ti|confirmed", "1 6 18:00-22:30", OPS_DEMO_NONE,
	    "begeleider 3/4, chauffeur 2/2, tolk:ar 1/1" },
	{ "Partneroverleg met gastspreker (VluchtelingenWerk)|Gemeentehuis "
	    "Leidschendam-Voorburg, zaal 2|Overleg met gemeente, school en "
	    "kerken; gastspreker over de asielprocedure.|nl|confirmed",
	    "2 3 19:30-21:30", OPS_DEMO_NONE,
	    "opbouw 1/1 18:45-19:30, gastvrouw/gastheer 2/2" },
	{ "Fietsles voor nieuwkomers|Schoolplein OBS De Vlinder, "
	    "Leidschendam|Tweede les: verkeersregels en een rit naar de "
	    "markt.|nl,prs|confirmed", "2 6 10:00-12:00", OPS_DEMO_NONE,
	    "begeleider 2/3, tolk:prs 1/1" },
	{ "Verhuisdag familie Haddad|Koningin Julianalaan 88, Leidschendam|"
	    "Meubels ophalen bij de kringloop, dragen, bedden in elkaar "
	    "zetten.|nl,ar|confirmed", "3 6 09:00-16:00", 0,
	    "opbouw 4/4, chauffeur 1/2 09:00-12:00, tolk:ar 1/1 13:00-16:00" },
	{ "Welkomstdiner voor nieuwe buren|Buurthuis De Ontmoeting, "
	    "Leidschendam|Iedereen kookt iets mee; voor de families Haddad, "
	    "Gebremariam en Rahimi.|nl,ar,ti,prs|confirmed",
	    "3 5 18:00-21:30", OPS_DEMO_NONE, "opbouw 2/2 16:30-18:00, "
	    "gastvrouw/gastheer 2/3, tolk:prs 1/1" },
	{ "Kennismaking sponsorgroep Gebremariam|Bij de familie thuis, "
	    "Leidschendam-Noord|Eerste ontmoeting van de groep met het gezin.|"
	    "nl,ti|confirmed", "4 1 19:00-20:30", 1,
	    "begeleider 2/2, tolk:ti 1/1" },
	{ "Uitje naar het strand van Scheveningen|Strand Scheveningen, bij de "
	    "Pier|Onder voorbehoud van het weer; neem zwemspullen en een "
	    "handdoek mee.|nl,uk,ar|tentative", "4 0 11:00-17:00",
	    OPS_DEMO_NONE, "begeleider 2/4, chauffeur 1/2, tolk:uk 1/1" },
	{ "Bezoek Naturalis met kinderen|Naturalis, Leiden|Middag in het "
	    "museum voor de kinderen van de nieuwe gezinnen.|nl,prs|confirmed",
	    "5 3 13:00-17:00", 2,
	    "begeleider 2/3, chauffeur 0/1, tolk:prs 0/1" },
};

#define OPS_DEMO_EVENTS (sizeof ops_demo_events / sizeof ops_demo_events[0])

/* Unavailable periods: person, first day and number of days from today. */
struct ops_demo_away {
	int		 person;
	int		 day;
	int		 days;
	const char	*reason;
};

static const struct ops_demo_away ops_demo_aways[] = {
	{ 3, 9, 8, "vakantie" },
	{ 30, 15, 4, "tentamens" },
};

#define OPS_DEMO_AWAYS (sizeof ops_demo_aways / sizeof ops_demo_aways[0])

/* What the demo remembers of one stored person while it plans. */
struct ops_demo_booking {
	struct volunteer	 volunteer;
	struct assignment_list	 booked;	/* all, declined ones too */
	struct unavailable_list	 away;
};

/* xorshift64*: small, fixed-seed, the same sequence on every platform. */
static uint32_t
ops_demo_next(uint64_t *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return (uint32_t)((*state * UINT64_C(0x2545f4914f6cdd1d)) >> 32);
}

static uint32_t
ops_demo_below(uint64_t *state, uint32_t n)
{
	return ops_demo_next(state) % n;
}

/*
 * Set the fields keys[0..n) of rec from row, their values as they would be
 * typed with '|' between them.
 */
static int
ops_demo_set(void *rec, const struct model_field *fields,
    const char *const *keys, size_t n, const char *row, struct err *err)
{
	char value[256];
	size_t i, len;

	for (i = 0; i < n; i++, row += len + 1) {
		len = strcspn(row, "|");
		if (len >= sizeof value || (row[len] == '|') != (i + 1 < n))
			abort();
		memcpy(value, row, len);
		value[len] = '\0';
		if (model_fields_set_value(rec, fields, keys[i], value,
		    err) < 0)
			return -1;
	}
	return 0;
}

/*
 * Set the start and end of rec to the local times from and to ("HH:MM")
 * on day (from ops_demo_day), typed as WHENs: going through the local
 * date keeps 19:30 at 19:30 on a night the clocks change, where midnight
 * plus seconds would not.
 */
static int
ops_demo_span(void *rec, const struct model_field *fields, int64_t day,
    const char *from, const char *to, struct err *err)
{
	static const char *const keys[] = { "start", "end" };
	char date[16], row[64];

	rtime_format(day, "%Y-%m-%d", date, sizeof date);
	snprintf(row, sizeof row, "%s %s|%s %s", date, from, date, to);
	return ops_demo_set(rec, fields, keys, 2, row, err);
}

/* Give rec a new UID of kind, through its fields' "uid" row. */
static int
ops_demo_uid(struct store *st, void *rec, const struct model_field *fields,
    const char *kind, struct err *err)
{
	char *uid = ops_uid_new(st, kind);
	int rc = model_fields_set_value(rec, fields, "uid", uid, err);

	free(uid);
	return rc;
}

/* Local midnight of weekday in week (0-5) counted from today. */
static int64_t
ops_demo_day(int64_t now, int week, int weekday)
{
	struct tm tm;
	int64_t today = rtime_day_add(now, 0);

	rtime_local(today, &tm);
	return rtime_day_add(today, week * 7 + (weekday - tm.tm_wday + 7) % 7);
}

/* Answers look further along the nearer the shift is. */
static enum assignment_status
ops_demo_status(uint64_t *state, int days_ahead)
{
	uint32_t r = ops_demo_below(state, 10);

	if (days_ahead < 7)
		return r < 7 ? ASSIGNMENT_ACCEPTED : r < 8 ?
		    ASSIGNMENT_TENTATIVE : r < 9 ? ASSIGNMENT_DECLINED :
		    ASSIGNMENT_INVITED;
	if (days_ahead < 21)
		return r < 4 ? ASSIGNMENT_INVITED : r < 8 ?
		    ASSIGNMENT_ACCEPTED : r < 9 ? ASSIGNMENT_TENTATIVE :
		    ASSIGNMENT_DECLINED;
	return r < 7 ? ASSIGNMENT_PLANNED : ASSIGNMENT_INVITED;
}

/*
 * True if person b may take sh: plan finds no conflict, and no overlap
 * with any assignment at all, declined ones included, so that the demo
 * never shows one person twice at the same time.
 */
static bool
ops_demo_fits(const struct ops_demo_booking *b, const struct shift *sh,
    const struct plan_candidate *rules)
{
	struct plan_conflict_list found = { 0 };
	struct plan_candidate c = *rules;
	struct span mine = { sh->start, sh->end }, other;
	size_t i;
	bool ok;

	for (i = 0; i < b->booked.len; i++) {
		other.start = b->booked.items[i].start;
		other.end = b->booked.items[i].end;
		if (span_overlaps(mine, other))
			return false;
	}
	c.shift = sh;
	c.volunteer = &b->volunteer;
	c.booked = &b->booked;
	c.unavailable = &b->away;
	ok = plan_conflict_check(&c, &found) == 0;
	plan_conflict_list_free(&found);
	return ok;
}

/*
 * Store one assignment and remember it for the next checks (plan reads
 * its times; its role only for the reasons, which the demo drops).
 */
static int
ops_demo_book(struct store *st, struct ops_demo_booking *b,
    const struct shift *sh, enum assignment_status status, struct err *err)
{
	struct assignment *kept = assignment_list_push(&b->booked);

	kept->shift_id = sh->id;
	kept->volunteer_id = b->volunteer.id;
	kept->status = status;
	kept->start = sh->start;
	kept->end = sh->end;
	return store_assignment_insert(st, kept, err);
}

/*
 * Put want people on sh, trying the event's sponsor group
 * first and then everyone, the least booked first. At most one
 * person declines per shift; a decline does not count, so someone else
 * is asked after it. Returns the number of people placed, or -1.
 */
static int
ops_demo_staff(struct store *st, struct ops_demo_booking *people,
    const struct ops_demo_event *de, const struct shift *sh, int want,
    int days_ahead,
    const struct plan_candidate *rules, uint64_t *state, struct err *err)
{
	int order[OPS_DEMO_PEOPLE + 8], n = 0, placed = 0, declined = 0, k;
	int team, j, swap;
	size_t i, first;
	enum assignment_status status;
	struct ops_demo_booking *b;
	const int *m;

	if (de->team != OPS_DEMO_NONE)
		for (m = ops_demo_teams[de->team].members; *m >= 0; m++)
			order[n++] = *m;
	team = n;
	first = ops_demo_below(state, OPS_DEMO_PEOPLE);
	for (i = 0; i < OPS_DEMO_PEOPLE; i++)
		order[n++] = (int)((first + i) % OPS_DEMO_PEOPLE);
	/* Spread the work: the least booked first, ties in random order. */
	for (k = team + 1; k < n; k++)
		for (j = k; j > team && people[order[j - 1]].booked.len >
		    people[order[j]].booked.len; j--) {
			swap = order[j];
			order[j] = order[j - 1];
			order[j - 1] = swap;
		}
	for (k = 0; k < n && placed < want; k++) {
		b = &people[order[k]];
		if (!ops_demo_fits(b, sh, rules))
			continue;
		status = ops_demo_status(state, days_ahead);
		if (status == ASSIGNMENT_DECLINED && declined++ > 0)
			status = ASSIGNMENT_ACCEPTED;
		if (ops_demo_book(st, b, sh, status, err) < 0)
			return -1;
		if (status != ASSIGNMENT_DECLINED)
			placed++;
	}
	return placed;
}

static int
ops_demo_is_empty(struct store *st, struct err *err)
{
	struct store_range range = { .limit = 1 };
	struct event_list events = { 0 };
	struct volunteer_list volunteers = { 0 };
	int rc;

	if (store_event_list(st, &range, &events, err) < 0)
		return -1;
	rc = store_volunteer_list(st, NULL, NULL, &volunteers, err);
	if (rc == 0 && (events.len > 0 || volunteers.len > 0))
		rc = err_set(err, ERR_CONFLICT,
		    _("the plan is not empty; use a "
		    "new database for the demo (e.g. --db /tmp/demo.db)"));
	event_list_free(&events);
	volunteer_list_free(&volunteers);
	return rc;
}

static int
ops_demo_add_people(struct store *st, int64_t now,
    struct ops_demo_booking *people, uint64_t *state, struct err *err)
{
	struct volunteer *v;
	struct unavailable u, *kept;
	size_t i;
	uint32_t phone;
	char number[16];

	for (i = 0; i < OPS_DEMO_PEOPLE; i++) {
		v = &people[i].volunteer;
		phone = (1 + ops_demo_below(state, 6)) * 10000000u +
		    ops_demo_below(state, 10000000u);
		snprintf(number, sizeof number, "06-%08u", (unsigned)phone);
		if (ops_demo_set(v, volunteer_fields, ops_demo_person_keys,
		    OPS_DEMO_KEYS(ops_demo_person_keys), ops_demo_people[i],
		    err) < 0 ||
		    model_fields_set_value(v, volunteer_fields, "phone", number,
		    err) < 0 || volunteer_validate(v, err) < 0 ||
		    store_volunteer_insert(st, v, err) < 0)
			return -1;
	}
	for (i = 0; i < OPS_DEMO_AWAYS; i++) {
		memset(&u, 0, sizeof u);
		u.volunteer_id = people[ops_demo_aways[i].person].volunteer.id;
		u.start = rtime_day_add(now, ops_demo_aways[i].day);
		u.end = rtime_day_add(now, ops_demo_aways[i].day +
		    ops_demo_aways[i].days);
		u.reason = xstrdup(ops_demo_aways[i].reason);
		if (store_unavailable_insert(st, &u, err) < 0) {
			free(u.reason);
			return -1;
		}
		kept = unavailable_list_push(
		    &people[ops_demo_aways[i].person].away);
		*kept = u;	/* the list now owns the reason */
	}
	return 0;
}

static int
ops_demo_add_teams(struct store *st, struct ops_demo_booking *people,
    struct err *err)
{
	struct team t;
	const int *m;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < OPS_DEMO_TEAMS; i++) {
		team_init(&t);
		t.name = xstrdup(ops_demo_teams[i].name);
		rc = store_team_insert(st, &t, err);
		for (m = ops_demo_teams[i].members; rc == 0 && *m >= 0; m++)
			rc = store_team_join(st, t.id,
			    people[*m].volunteer.id, err);
		team_fini(&t);
	}
	return rc;
}

/*
 * The shift item (one of an event's list) into sh, on day, from the
 * event's times from and to unless it names its own; *filled: the people
 * it gets.
 */
static int
ops_demo_shift_read(const char *item, int64_t day, const char *from,
    const char *to, struct shift *sh, int *filled, struct err *err)
{
	static const char *const keys[] = { "role", "language", "needed" };
	char role[64], needed[8], own_from[6], own_to[6], row[96], *language;
	int n;

	n = sscanf(item, " %63[^ ] %d/%7[0-9] %5[0-9:]-%5[0-9:]", role,
	    filled, needed, own_from, own_to);
	if (n != 3 && n != 5)
		abort();
	if ((language = strchr(role, ':')) != NULL)
		*language++ = '\0';
	snprintf(row, sizeof row, "%s|%s|%s", role, language != NULL ?
	    language : "", needed);
	return ops_demo_set(sh, shift_fields, keys, 3, row, err) < 0 ||
	    ops_demo_span(sh, shift_fields, day, n == 5 ? own_from : from,
	    n == 5 ? own_to : to, err) < 0 ? -1 : 0;
}

/* One event with its shifts, each staffed as the table says. */
static int
ops_demo_add_event(struct store *st, int64_t now,
    const struct ops_demo_event *de, struct ops_demo_booking *people,
    const struct plan_candidate *rules, uint64_t *state, struct err *err)
{
	struct event ev;
	struct shift sh;
	int64_t day;
	const char *item;
	char from[6], to[6];
	int rc, filled, week, weekday, days_ahead;

	if (sscanf(de->when, "%d %d %5[0-9:]-%5[0-9:]", &week, &weekday,
	    from, to) != 4)
		abort();
	day = ops_demo_day(now, week, weekday);
	days_ahead = (int)((day - rtime_day_add(now, 0) + 43200) / 86400);
	event_init(&ev);
	rc = ops_demo_set(&ev, event_fields, ops_demo_event_keys,
	    OPS_DEMO_KEYS(ops_demo_event_keys), de->fields, err);
	if (rc == 0)
		rc = ops_demo_span(&ev, event_fields, day, from, to, err);
	if (rc == 0 && (rc = event_validate(&ev, err)) == 0 &&
	    (rc = ops_demo_uid(st, &ev, event_fields, "event", err)) == 0)
		rc = store_event_insert(st, &ev, err);
	for (item = de->shifts; rc == 0 && item != NULL;
	    item = (item = strchr(item, ',')) != NULL ? item + 1 : NULL) {
		shift_init(&sh);
		sh.event_id = ev.id;
		rc = ops_demo_shift_read(item, day, from, to, &sh, &filled,
		    err);
		if (rc == 0 && (rc = shift_validate(&sh, err)) == 0 &&
		    (rc = ops_demo_uid(st, &sh, shift_fields, "shift",
		    err)) == 0)
			rc = store_shift_insert(st, &sh, err);
		if (rc == 0 && ops_demo_staff(st, people, de, &sh, filled,
		    days_ahead, rules, state, err) < 0)
			rc = -1;
		shift_fini(&sh);
	}
	event_fini(&ev);
	return rc;
}

int
ops_plan_demo(struct store *st, int64_t now, struct err *err)
{
	struct ops_demo_booking *people;
	uint64_t state = OPS_DEMO_SEED;
	struct plan_candidate rules;
	char zone[128];
	size_t i;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = ops_demo_is_empty(st, err)) < 0)
		return ops_finish(st, rc, err);
	/* The rules every booking is weighed by: the plan's rest and zone. */
	ops_plan_rules(st, &rules, zone, sizeof zone);
	people = xcalloc(OPS_DEMO_PEOPLE, sizeof *people);
	for (i = 0; i < OPS_DEMO_PEOPLE; i++)
		volunteer_init(&people[i].volunteer);
	rc = store_setting_set(st, "name", OPS_DEMO_NAME, err);
	if (rc == 0)
		rc = ops_demo_add_people(st, now, people, &state, err);
	if (rc == 0)
		rc = ops_demo_add_teams(st, people, err);
	for (i = 0; rc == 0 && i < OPS_DEMO_EVENTS; i++)
		rc = ops_demo_add_event(st, now, &ops_demo_events[i], people,
		    &rules, &state, err);
	rc = ops_log(st, rc, err, "demo", "plan", 0,
	    "demo plan: %zu events, %zu volunteers, %zu teams", OPS_DEMO_EVENTS,
	    OPS_DEMO_PEOPLE, OPS_DEMO_TEAMS);
	for (i = 0; i < OPS_DEMO_PEOPLE; i++) {
		volunteer_fini(&people[i].volunteer);
		assignment_list_free(&people[i].booked);
		unavailable_list_free(&people[i].away);
	}
	free(people);
	return ops_finish(st, rc, err);
}
