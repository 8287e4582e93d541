/* SPDX-License-Identifier: ISC */
/* The person's settings as a plain struct; the CLI fills it from the file. */
#include "rooster/ops.h"

#include <stdlib.h>
#include <string.h>

void
ops_config_init(struct ops_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->sendmail = xstrdup(OPS_CONFIG_SENDMAIL);
	cfg->reminder = OPS_CONFIG_REMINDER;
}

void
ops_config_fini(struct ops_config *cfg)
{
	free(cfg->name);
	free(cfg->email);
	free(cfg->sendmail);
	memset(cfg, 0, sizeof *cfg);
}
