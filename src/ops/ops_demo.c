/* SPDX-License-Identifier: ISC */
/*
 * The demo plan: six weeks of a fictional town chapter of a refugee
 * sponsorship movement, so that a newcomer sees a lived-in plan at once.
 * Everything is written in one transaction, and the same now gives the
 * same plan (a fixed-seed generator, not rand()); only UIDs differ.
 */
#include "rooster/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

#define OPS_DEMO_NAME "Samen Thuis — afdeling Leidschendam"
#define OPS_DEMO_SEED UINT64_C(0x5a3e2d7c9b1f4e61)
#define OPS_DEMO_NONE (-1)	/* no team for an event */

/* One person in the demo. skills use the shift roles; languages codes. */
struct ops_demo_person {
	const char	*name;
	const char	*email;		/* NULL: not known */
	const char	*skills;
	const char	*languages;
	int		 limit;		/* shifts a month, 0: none */
	const char	*notes;		/* NULL: none */
};

static const struct ops_demo_person ops_demo_people[] = {
	{ "Anneke de Vries", "anneke.devries@example.org",
	    "begeleider,gastvrouw/gastheer", "nl,en", 0,
	    "coördinator taalcafé" },
	{ "Joost Bakker", "joost.bakker@example.net",
	    "chauffeur,opbouw", "nl,en", 0,
	    "rijbewijs B, eigen bus met 8 zitplaatsen" },
	{ "Marieke Janssen", "m.janssen@example.org",
	    "begeleider", "nl,en,fa", 4, NULL },
	{ "Pieter van Dijk", "pieter.vandijk@example.org",
	    "opbouw,chauffeur", "nl", 0, NULL },
	{ "Ëlla Dĳkstra", "ella.dijkstra@example.net",
	    "gastvrouw/gastheer,begeleider", "nl,en,uk", 0, NULL },
	{ "Sanne Visser", "sanne.visser@example.org",
	    "begeleider", "nl,en", 0, NULL },
	{ "Bram de Jong", NULL, "opbouw", "nl", 0,
	    "liever bellen dan mailen" },
	{ "Femke Smit", "femke.smit@example.net",
	    "begeleider,gastvrouw/gastheer", "nl,en", 3, NULL },
	{ "Wouter Meijer", "wouter.meijer@example.org",
	    "chauffeur,begeleider", "nl,en", 0, NULL },
	{ "Ingrid Mulder", "ingrid.mulder@example.org",
	    "gastvrouw/gastheer", "nl", 2, "alleen doordeweeks" },
	{ "Hans van den Berg", "hans.vandenberg@example.net",
	    "chauffeur,opbouw", "nl,en", 0, NULL },
	{ "Lotte Bos", "lotte.bos@example.org",
	    "begeleider", "nl,en,ar", 0, NULL },
	{ "Gerrit Vermeulen", NULL, "opbouw,chauffeur", "nl", 0, NULL },
	{ "Noor Hendriks", "noor.hendriks@example.net",
	    "begeleider,gastvrouw/gastheer", "nl,en", 0, NULL },
	{ "Thijs van Leeuwen", "thijs.vanleeuwen@example.org",
	    "opbouw,begeleider", "nl,en", 0, NULL },
	{ "Renée Kok", "renee.kok@example.org",
	    "gastvrouw/gastheer", "nl,en", 0, NULL },
	{ "Daan Brouwer", "daan.brouwer@example.net",
	    "chauffeur", "nl", 4, NULL },
	{ "Marloes de Graaf", "marloes.degraaf@example.org",
	    "begeleider,gastvrouw/gastheer", "nl,en", 0, NULL },
	{ "Kees Peters", "kees.peters@example.net",
	    "opbouw", "nl", 0, NULL },
	{ "Joëlle van der Linden", "joelle.vanderlinden@example.org",
	    "begeleider", "nl,en", 0, NULL },
	{ "Fatima El Amrani", "fatima.elamrani@example.org",
	    "tolk,begeleider", "nl,ar,en", 0, NULL },
	{ "فاطمة الزهراء",
	    "fatima.alzahraa@example.net", "tolk,gastvrouw/gastheer",
	    "ar,nl", 0, NULL },
	{ "Omar Khalil", "omar.khalil@example.org",
	    "tolk,chauffeur", "ar,nl,en", 0, NULL },
	{ "Yasmin Saleh", "yasmin.saleh@example.net",
	    "begeleider", "ar,nl", 0, NULL },
	{ "Samir Aziz", NULL, "tolk,opbouw", "ar,nl", 2, NULL },
	{ "Nour Al-Hassan", "nour.alhassan@example.org",
	    "gastvrouw/gastheer,begeleider", "ar,en,nl", 0, NULL },
	{ "Karim Mansour", "karim.mansour@example.net",
	    "opbouw,chauffeur", "ar,nl", 0, NULL },
	{ "ሳምሶን ተስፋይ",
	    "samson.tesfay@example.net", "tolk,begeleider", "ti,nl,en", 0,
	    NULL },
	{ "Selam Gebremedhin", "selam.gebremedhin@example.org",
	    "tolk,gastvrouw/gastheer", "ti,nl", 0, NULL },
	{ "Yonas Haile", "yonas.haile@example.org",
	    "tolk,opbouw", "ti,en,nl", 0, NULL },
	{ "Senait Tekle", "senait.tekle@example.net",
	    "begeleider", "ti,nl", 3, "studeert; tentamens in blok 3" },
	{ "Mehari Berhane", NULL, "opbouw,chauffeur", "ti,nl", 0, NULL },
	{ "Farid Ahmadi", "farid.ahmadi@example.org",
	    "tolk,chauffeur", "prs,fa,nl,en", 0, NULL },
	{ "Zahra Rezaei", "zahra.rezaei@example.net",
	    "tolk,gastvrouw/gastheer", "prs,fa,nl", 0, NULL },
	{ "Mariam Noori", "mariam.noori@example.org",
	    "begeleider", "prs,nl,en", 0, NULL },
	{ "Ahmad Shah Sultani", "a.sultani@example.net",
	    "opbouw", "prs,nl", 0, NULL },
	{ "Олена Коваленко", "olena.kovalenko@example.net",
	    "tolk,begeleider", "uk,nl,en", 0, NULL },
	{ "Oksana Shevchenko", "oksana.shevchenko@example.org",
	    "tolk,gastvrouw/gastheer", "uk,en,nl", 0, NULL },
	{ "Dmytro Bondarenko", "dmytro.bondarenko@example.net",
	    "chauffeur,opbouw", "uk,en", 0, NULL },
	{ "Iryna Melnyk", "iryna.melnyk@example.org",
	    "begeleider", "uk,nl", 2, NULL },
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
 * A shift: minutes after local midnight (0 and 0 take the event's times),
 * people needed, and how many of them the demo leaves missing.
 */
struct ops_demo_shift {
	const char	*role;		/* NULL ends the list */
	const char	*language;	/* for tolk shifts, else NULL */
	int		 start;
	int		 end;
	int		 needed;
	int		 missing;
};

/* An event on weekday (tm_wday, 0 Sunday) of week 0-5 from today. */
struct ops_demo_event {
	const char		*title;
	const char		*location;
	const char		*description;
	const char		*languages;
	int			 week;
	int			 weekday;
	int			 start;		/* minutes after midnight */
	int			 end;
	bool			 tentative;
	int			 team;		/* preferred sponsor group */
	struct ops_demo_shift	 shifts[4];
};

#define HM(h, m) ((h) * 60 + (m))

static const char ops_demo_cafe[] = "Taalcafé";
static const char ops_demo_library[] = "Bibliotheek Leidschendam";
static const char ops_demo_cafe_text[] = "Nederlands oefenen bij koffie "
    "en thee, in kleine groepjes; iedereen welkom.";

static const struct ops_demo_event ops_demo_events[] = {
	{ ops_demo_cafe, ops_demo_library, ops_demo_cafe_text, "nl,ar",
	    0, 2, HM(19, 30), HM(21, 30), false, OPS_DEMO_NONE, {
	    { "gastvrouw/gastheer", NULL, 0, 0, 1, 0 },
	    { "begeleider", NULL, 0, 0, 2, 0 },
	    { "tolk", "ar", 0, 0, 1, 0 } } },
	{ ops_demo_cafe, ops_demo_library, ops_demo_cafe_text, "nl,ti",
	    1, 2, HM(19, 30), HM(21, 30), false, OPS_DEMO_NONE, {
	    { "gastvrouw/gastheer", NULL, 0, 0, 1, 0 },
	    { "begeleider", NULL, 0, 0, 3, 1 },
	    { "tolk", "ti", 0, 0, 1, 0 } } },
	{ ops_demo_cafe, ops_demo_library, ops_demo_cafe_text, "nl,prs",
	    2, 2, HM(19, 30), HM(21, 30), false, OPS_DEMO_NONE, {
	    { "gastvrouw/gastheer", NULL, 0, 0, 1, 1 },
	    { "begeleider", NULL, 0, 0, 2, 0 },
	    { "tolk", "prs", 0, 0, 1, 0 } } },
	{ ops_demo_cafe, ops_demo_library, ops_demo_cafe_text, "nl,uk",
	    3, 2, HM(19, 30), HM(21, 30), false, OPS_DEMO_NONE, {
	    { "gastvrouw/gastheer", NULL, 0, 0, 1, 0 },
	    { "begeleider", NULL, 0, 0, 2, 1 },
	    { "tolk", "uk", 0, 0, 1, 1 } } },
	{ ops_demo_cafe, ops_demo_library, ops_demo_cafe_text, "nl,ar",
	    4, 2, HM(19, 30), HM(21, 30), false, OPS_DEMO_NONE, {
	    { "gastvrouw/gastheer", NULL, 0, 0, 1, 1 },
	    { "begeleider", NULL, 0, 0, 2, 2 } } },
	{ "Fietsles voor nieuwkomers", "Schoolplein OBS De Vlinder, "
	    "Leidschendam", "Oefenen op het schoolplein, daarna een rondje "
	    "door de wijk. Fietsen en helmen zijn er.", "nl,ti",
	    0, 6, HM(10, 0), HM(12, 0), false, OPS_DEMO_NONE, {
	    { "begeleider", NULL, 0, 0, 3, 0 },
	    { "tolk", "ti", 0, 0, 1, 0 } } },
	{ "Training sponsorgroepen: de eerste maanden",
	    "Buurthuis De Ontmoeting, Leidschendam", "Wat doe je in de "
	    "eerste maanden met een nieuw gezin? Met oefencasussen.", "nl",
	    1, 4, HM(19, 30), HM(22, 0), false, OPS_DEMO_NONE, {
	    { "gastvrouw/gastheer", NULL, HM(19, 0), HM(22, 0), 1, 0 },
	    { "algemeen", NULL, 0, 0, 2, 0 } } },
	{ "Groepsbezoek ADO Den Haag – FC Utrecht",
	    "Bingoal Stadion, Den Haag", "Samen naar de wedstrijd; "
	    "vertrek met de bus vanaf het Damplein.", "nl,ar,ti",
	    1, 6, HM(18, 0), HM(22, 30), false, OPS_DEMO_NONE, {
	    { "begeleider", NULL, 0, 0, 4, 1 },
	    { "chauffeur", NULL, 0, 0, 2, 0 },
	    { "tolk", "ar", 0, 0, 1, 0 } } },
	{ "Partneroverleg met gastspreker (VluchtelingenWerk)",
	    "Gemeentehuis Leidschendam-Voorburg, zaal 2", "Overleg met "
	    "gemeente, school en kerken; gastspreker over de "
	    "asielprocedure.", "nl",
	    2, 3, HM(19, 30), HM(21, 30), false, OPS_DEMO_NONE, {
	    { "opbouw", NULL, HM(18, 45), HM(19, 30), 1, 0 },
	    { "gastvrouw/gastheer", NULL, 0, 0, 2, 0 } } },
	{ "Fietsles voor nieuwkomers", "Schoolplein OBS De Vlinder, "
	    "Leidschendam", "Tweede les: verkeersregels en een rit naar "
	    "de markt.", "nl,prs",
	    2, 6, HM(10, 0), HM(12, 0), false, OPS_DEMO_NONE, {
	    { "begeleider", NULL, 0, 0, 3, 1 },
	    { "tolk", "prs", 0, 0, 1, 0 } } },
	{ "Verhuisdag familie Haddad", "Koningin Julianalaan 88, "
	    "Leidschendam", "Meubels ophalen bij de kringloop, dragen, "
	    "bedden in elkaar zetten.", "nl,ar",
	    3, 6, HM(9, 0), HM(16, 0), false, 0, {
	    { "opbouw", NULL, 0, 0, 4, 0 },
	    { "chauffeur", NULL, HM(9, 0), HM(12, 0), 2, 1 },
	    { "tolk", "ar", HM(13, 0), HM(16, 0), 1, 0 } } },
	{ "Welkomstdiner voor nieuwe buren",
	    "Buurthuis De Ontmoeting, Leidschendam", "Iedereen kookt iets "
	    "mee; voor de families Haddad, Gebremariam en Rahimi.",
	    "nl,ar,ti,prs",
	    3, 5, HM(18, 0), HM(21, 30), false, OPS_DEMO_NONE, {
	    { "opbouw", NULL, HM(16, 30), HM(18, 0), 2, 0 },
	    { "gastvrouw/gastheer", NULL, 0, 0, 3, 1 },
	    { "tolk", "prs", 0, 0, 1, 0 } } },
	{ "Kennismaking sponsorgroep Gebremariam", "Bij de familie thuis, "
	    "Leidschendam-Noord", "Eerste ontmoeting van de groep met het "
	    "gezin.", "nl,ti",
	    4, 1, HM(19, 0), HM(20, 30), false, 1, {
	    { "begeleider", NULL, 0, 0, 2, 0 },
	    { "tolk", "ti", 0, 0, 1, 0 } } },
	{ "Uitje naar het strand van Scheveningen", "Strand "
	    "Scheveningen, bij de Pier", "Onder voorbehoud van het weer; "
	    "neem zwemspullen en een handdoek mee.", "nl,uk,ar",
	    4, 0, HM(11, 0), HM(17, 0), true, OPS_DEMO_NONE, {
	    { "begeleider", NULL, 0, 0, 4, 2 },
	    { "chauffeur", NULL, 0, 0, 2, 1 },
	    { "tolk", "uk", 0, 0, 1, 0 } } },
	{ "Bezoek Naturalis met kinderen", "Naturalis, Leiden",
	    "Middag in het museum voor de kinderen van de nieuwe gezinnen.",
	    "nl,prs",
	    5, 3, HM(13, 0), HM(17, 0), false, 2, {
	    { "begeleider", NULL, 0, 0, 3, 1 },
	    { "chauffeur", NULL, 0, 0, 1, 1 },
	    { "tolk", "prs", 0, 0, 1, 1 } } },
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
 * The instant of minutes after local midnight on day (from ops_demo_day).
 * Going through the local date keeps 19:30 at 19:30 on a night the clocks
 * change, where midnight plus seconds would not.
 */
static int
ops_demo_at(int64_t day, int minutes, int64_t *out, struct err *err)
{
	char date[16], when[32];

	rtime_format(day, "%Y-%m-%d", date, sizeof date);
	snprintf(when, sizeof when, "%s %02d:%02d", date, minutes / 60,
	    minutes % 60);
	return rtime_parse_when(when, out, err);
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

/* Store one assignment and remember it for the next checks. */
static int
ops_demo_book(struct store *st, struct ops_demo_booking *b,
    const struct shift *sh, enum assignment_status status, struct err *err)
{
	struct assignment a, *kept;

	assignment_init(&a);
	a.shift_id = sh->id;
	a.volunteer_id = b->volunteer.id;
	a.status = status;
	if (store_assignment_insert(st, &a, err) < 0)
		return -1;
	kept = assignment_list_push(&b->booked);
	kept->id = a.id;
	kept->shift_id = sh->id;
	kept->volunteer_id = b->volunteer.id;
	kept->status = status;
	kept->role = xstrdup(sh->role);
	kept->start = sh->start;
	kept->end = sh->end;
	assignment_fini(&a);
	return 0;
}

/*
 * Fill sh up to needed - missing people, trying the event's sponsor group
 * first and then everyone, the least booked first. At most one
 * person declines per shift; a decline does not count, so someone else
 * is asked after it. Returns the number of people placed, or -1.
 */
static int
ops_demo_staff(struct store *st, struct ops_demo_booking *people,
    const struct ops_demo_event *de, const struct ops_demo_shift *ds,
    const struct shift *sh, int days_ahead,
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
	for (k = 0; k < n && placed < ds->needed - ds->missing; k++) {
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
	struct store_range range = { 0, 0, NULL, 1, false, false, false };
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
	const struct ops_demo_person *p;
	struct volunteer *v;
	struct unavailable u, *kept;
	size_t i;
	uint32_t phone;

	for (i = 0; i < OPS_DEMO_PEOPLE; i++) {
		p = &ops_demo_people[i];
		v = &people[i].volunteer;
		v->name = xstrdup(p->name);
		v->email = xstrdup(p->email != NULL ? p->email : "");
		phone = (1 + ops_demo_below(state, 6)) * 10000000u +
		    ops_demo_below(state, 10000000u);
		v->phone = xasprintf("06-%08u", (unsigned)phone);
		v->skills = xstrdup(p->skills);
		v->languages = xstrdup(p->languages);
		v->max_per_month = p->limit;
		v->notes = xstrdup(p->notes != NULL ? p->notes : "");
		if (volunteer_validate(v, err) < 0 ||
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

/* One event with its shifts, each staffed as the table says. */
static int
ops_demo_add_event(struct store *st, int64_t now,
    const struct ops_demo_event *de, struct ops_demo_booking *people,
    const struct plan_candidate *rules, uint64_t *state, struct err *err)
{
	const struct ops_demo_shift *ds;
	struct event ev;
	struct shift sh;
	int64_t day = ops_demo_day(now, de->week, de->weekday);
	int days_ahead = (int)((day - rtime_day_add(now, 0) + 43200) / 86400);
	int rc;

	event_init(&ev);
	ev.title = xstrdup(de->title);
	ev.location = xstrdup(de->location);
	ev.description = xstrdup(de->description);
	ev.languages = xstrdup(de->languages);
	ev.status = de->tentative ? EVENT_TENTATIVE : EVENT_CONFIRMED;
	rc = ops_demo_at(day, de->start, &ev.start, err) < 0 ||
	    ops_demo_at(day, de->end, &ev.end, err) < 0 ||
	    event_validate(&ev, err) < 0 ? -1 : 0;
	if (rc == 0) {
		ev.uid = ops_uid_new(st, "event");
		rc = store_event_insert(st, &ev, err);
	}
	for (ds = de->shifts; rc == 0 && ds->role != NULL; ds++) {
		shift_init(&sh);
		sh.event_id = ev.id;
		sh.role = xstrdup(ds->role);
		sh.language = xstrdup(ds->language != NULL ? ds->language :
		    "");
		sh.needed = ds->needed;
		sh.start = ev.start;
		sh.end = ev.end;
		if (ds->start != 0 || ds->end != 0)
			rc = ops_demo_at(day, ds->start, &sh.start, err) < 0 ||
			    ops_demo_at(day, ds->end, &sh.end, err) < 0 ?
			    -1 : 0;
		if (rc == 0)
			rc = shift_validate(&sh, err);
		if (rc == 0) {
			sh.uid = ops_uid_new(st, "shift");
			rc = store_shift_insert(st, &sh, err);
		}
		if (rc == 0 && ops_demo_staff(st, people, de, ds, &sh,
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
	struct plan_candidate rules = { 0 };
	char zone[128];
	size_t i;
	int rc;

	if (store_begin_write(st, err) < 0)
		return -1;
	if ((rc = ops_demo_is_empty(st, err)) < 0)
		return ops_finish(st, rc, err);
	/* The rules every booking is weighed by: the plan's rest and zone. */
	rules.rest_minutes = ops_plan_rest_minutes(st);
	ops_plan_zone(st, zone, sizeof zone);
	rules.zone = zone;
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
