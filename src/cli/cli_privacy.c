/* SPDX-License-Identifier: ISC */
/*
 * Personal data on request: everything stored about one volunteer as
 * json (an access request), and forgetting them (an erasure request).
 */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>

#include "rooster/ops.h"

int
cli_privacy_export(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	return CLI_FAILED;
}

int
cli_privacy_forget(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx; (void)argc; (void)argv;
	return CLI_FAILED;
}
