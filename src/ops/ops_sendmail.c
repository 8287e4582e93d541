/* SPDX-License-Identifier: ISC */
/*
 * Handing a mail to the sendmail-compatible command from the config:
 * split on blanks into argv and run with fork and execvp, never through a
 * shell, the message on its standard input. Non-zero exit is a failure.
 */
#include "rooster/ops.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Split command on blanks into a NULL-terminated argv; frees with free(). */
static char **
ops_sendmail_argv(const char *command, char **copy)
{
	char **argv, *s, *save = NULL;
	size_t n = 0;

	*copy = xstrdup(command);
	argv = xcalloc(strlen(command) / 2 + 2, sizeof *argv);
	for (s = strtok_r(*copy, " \t", &save); s != NULL;
	    s = strtok_r(NULL, " \t", &save))
		argv[n++] = s;
	argv[n] = NULL;
	return argv;
}

int
ops_sendmail_run(const char *command, const char *msg, size_t len,
    struct err *err)
{
	struct sigaction ign, old;
	char **argv, *copy;
	int fds[2], status, rc = 0, write_errno = 0;
	size_t off = 0;
	ssize_t n;
	pid_t pid;

	argv = ops_sendmail_argv(command != NULL ? command : "", &copy);
	if (argv[0] == NULL) {
		free(argv);
		free(copy);
		return err_set(err, ERR_INVALID, "no sendmail command (set "
		    "'sendmail = ...' in the config file)");
	}
	if (pipe(fds) != 0) {
		free(argv);
		free(copy);
		return err_set(err, ERR_IO, "cannot run %s: %s", command,
		    strerror(errno));
	}
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		free(argv);
		free(copy);
		return err_set(err, ERR_IO, "cannot run %s: %s", command,
		    strerror(errno));
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);

		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		/* Its chatter must not land in our output or on the screen. */
		if (devnull >= 0) {
			dup2(devnull, STDOUT_FILENO);
			close(devnull);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[0]);
	/* A command that exits early must not kill rooster with SIGPIPE. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	while (off < len) {
		n = write(fds[1], msg + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			write_errno = errno;
			break;
		}
		off += (size_t)n;
	}
	close(fds[1]);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	/* The exit status says more than the broken pipe it caused. */
	if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			rc = err_set(err, ERR_IO, "cannot run %s (not found?)",
			    argv[0]);
		else if (WIFEXITED(status))
			rc = err_set(err, ERR_IO, "%s failed (exit status %d)",
			    argv[0], WEXITSTATUS(status));
		else
			rc = err_set(err, ERR_IO, "%s was killed", argv[0]);
	} else if (write_errno != 0)
		rc = err_set(err, ERR_IO, "%s did not take the whole mail: %s",
		    argv[0], strerror(write_errno));
	free(argv);
	free(copy);
	return rc;
}
