/* SPDX-License-Identifier: ISC */
/*
 * cli: the command line. Parses global options and the subcommand, opens
 * the plan, runs the command, prints rows as table, csv or json, and maps
 * errors to exit statuses (0 done, 1 refused or failed, 2 bad usage).
 */
#ifndef ROOSTER_CLI_H
#define ROOSTER_CLI_H

/*
 * Run rooster with argv. With no command and a terminal on stdin and
 * stdout, opens the screen. Returns the exit status.
 */
int cli_run(int argc, char **argv);

#endif /* ROOSTER_CLI_H */
