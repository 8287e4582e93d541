/* SPDX-License-Identifier: ISC */
/*
 * The person's config file, $XDG_CONFIG_HOME/rooster/config (else
 * ~/.config/rooster/config): `key = value` lines, `#` comments, read with
 * inih into the plain struct ops_config. A missing file means defaults;
 * an unknown key is a warning; a bad value is one clear error.
 */
#include "cli_int.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rooster/ops.h"

struct cli_config_state {
	struct ops_config	*cfg;
	const char		*path;
	char			 error[400];	/* first bad value */
};

/* Cut a `#` comment that follows a blank, and the blanks before it. */
static char *
cli_config_value(const char *value)
{
	char *v = xstrdup(value), *p;
	size_t n;

	for (p = v; *p != '\0'; p++)
		if (*p == '#' && (p == v || p[-1] == ' ' || p[-1] == '\t')) {
			*p = '\0';
			break;
		}
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		v[--n] = '\0';
	return v;
}

/* "24h", "90m", "2d", "30" (minutes) or "0"; -1 if not a duration. */
static int
cli_config_minutes(const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || errno != 0 || n < 0)
		return -1;
	if (*end == 'h' || *end == 'H')
		n *= 60, end++;
	else if (*end == 'd' || *end == 'D')
		n *= 24 * 60, end++;
	else if (*end == 'm' || *end == 'M')
		end++;
	if (*end != '\0' || n > 60L * 24 * 60)
		return -1;
	return (int)n;
}

static bool
cli_config_email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@'))
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= 0x20 || *s == 0x7f ||
		    strchr("\"\\()<>,;:[]", *s) != NULL)
			return false;
	return true;
}

/*
 * Keep the first bad value's message: inih reports the first bad line.
 * Frees value (which fmt may name) and returns 0, the handler's "bad".
 */
static int
cli_config_bad(struct cli_config_state *cs, char *value, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

static int
cli_config_bad(struct cli_config_state *cs, char *value, const char *fmt,
    ...)
{
	va_list ap;

	if (cs->error[0] == '\0') {
		va_start(ap, fmt);
		vsnprintf(cs->error, sizeof cs->error, fmt, ap);
		va_end(ap);
	}
	free(value);
	return 0;
}

/* A text setting takes value (the handler's), replacing what was there. */
static int
cli_config_take(char **setting, char *value)
{
	free(*setting);
	*setting = value;
	return 1;
}

static int
cli_config_handler(void *user, const char *section, const char *name,
    const char *value)
{
	struct cli_config_state *cs = user;
	struct ops_config *cfg = cs->cfg;
	char *v = cli_config_value(value);
	int minutes;

	if (section != NULL && *section != '\0') {
		fprintf(stderr, _("rooster: warning: %s: section [%s] ignored "
		    "(the config has no sections)\n"), cs->path, section);
		free(v);
		return 1;
	}
	if (strcmp(name, "name") == 0) {
		if (!text_is_utf8(v) || strpbrk(v, "\r\n") != NULL)
			return cli_config_bad(cs, v, "name is not "
			    "one line of UTF-8 text");
		return cli_config_take(&cfg->name, v);
	}
	if (strcmp(name, "email") == 0) {
		if (!cli_config_email_ok(v))
			return cli_config_bad(cs, v, "email '%.200s' "
			    "is not an address like you@example.org", v);
		return cli_config_take(&cfg->email, v);
	}
	if (strcmp(name, "sendmail") == 0) {
		if (*v == '\0')
			return cli_config_bad(cs, v, "sendmail is "
			    "empty (e.g. %s)", OPS_CONFIG_SENDMAIL);
		return cli_config_take(&cfg->sendmail, v);
	}
	if (strcmp(name, "reminder") == 0) {
		if ((minutes = cli_config_minutes(v)) < 0)
			return cli_config_bad(cs, v, "reminder '%.200s' "
			    "is not a duration (use e.g. 24h, 90m, 2d, or 0 for "
			    "none)", v);
		cfg->reminder = minutes;
		free(v);
		return 1;
	}
	fprintf(stderr, _("rooster: warning: %s: unknown setting '%s' ignored "
	    "(known: name, email, sendmail, reminder)\n"), cs->path, name);
	free(v);
	return 1;
}

/* The config file's path, or NULL without HOME. The caller frees. */
static char *
cli_config_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/rooster/config", xdg);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.config/rooster/config", home);
	return NULL;
}

int
cli_config_need_email(const struct ops_config *cfg, bool offer)
{
	char *path;

	if (cfg->email != NULL && *cfg->email != '\0')
		return CLI_OK;
	if ((path = cli_config_path()) == NULL)
		return CLI_OK;	/* no HOME: ops says it without a path */
	fprintf(stderr, offer ? _("rooster: offers need your e-mail address "
	    "as organizer: set 'email = you@example.org' in %s\n") :
	    _("rooster: invites need your e-mail address as organizer: set "
	    "'email = you@example.org' in %s\n"), path);
	free(path);
	return CLI_USAGE;
}

int
cli_config_load(struct ops_config *cfg)
{
	struct cli_config_state cs;
	char *path = cli_config_path(), *clean;
	FILE *fp;
	int line;

	ops_config_init(cfg);
	if (path == NULL || (fp = fopen(path, "r")) == NULL) {
		if (path != NULL && errno != ENOENT) {
			fprintf(stderr, _("rooster: cannot read %s: %s\n"),
			    path,
			    strerror(errno));
			free(path);
			ops_config_fini(cfg);
			return CLI_FAILED;
		}
		free(path);
		return CLI_OK;
	}
	memset(&cs, 0, sizeof cs);
	cs.cfg = cfg;
	cs.path = path;
	line = ini_parse_file(fp, cli_config_handler, &cs);
	fclose(fp);
	if (line != 0) {
		clean = text_sanitize(cs.error[0] != '\0' ? cs.error :
		    "not a 'key = value' line");
		fprintf(stderr, _("rooster: %s line %d: %s\n"), path, line,
		    clean);
		free(clean);
		free(path);
		ops_config_fini(cfg);
		return CLI_USAGE;
	}
	free(path);
	return CLI_OK;
}

int
cli_config_load_organizer(struct ops_config *cfg, bool offer)
{
	int rc = cli_config_load(cfg);

	if (rc == CLI_OK && (rc = cli_config_need_email(cfg, offer)) != CLI_OK)
		ops_config_fini(cfg);
	return rc;
}
