/* Run one command and report its wall time and true peak memory.
 *
 *   measure RESULT_FILE COMMAND [ARG]...
 *
 * Runs COMMAND with this process's stdin, stdout and stderr, then writes
 * "<wall time in ns> <peak resident memory in KiB>" to RESULT_FILE and exits with
 * the command's exit code (128 + signal number when it was killed).
 *
 * Why not time and wait4 the command straight from Python (run.py):
 * - memory: a process keeps the peak memory of the image it was forked from across
 *   exec, so any command Python starts reports at least Python's own ~20 MiB.
 *   Forked from this small program, the command reports its own peak (and that of
 *   the children it waited for, such as the git that crm runs), at least ~1 MiB.
 * - time: forking a 20 MiB Python process costs milliseconds that would be added to
 *   both sides of every comparison and pull each ratio towards 1. The clock here
 *   starts just before fork and stops when the command has been reaped.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s RESULT_FILE COMMAND [ARG]...\n", argv[0]);
        return 2;
    }
    long long start = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 126;
    }
    if (pid == 0) {
        execvp(argv[2], &argv[2]);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("wait4");
        return 126;
    }
    long long elapsed = now_ns() - start;

    FILE *result = fopen(argv[1], "w");
    if (!result || fprintf(result, "%lld %ld\n", elapsed, usage.ru_maxrss) < 0
        || fclose(result) != 0) {
        perror(argv[1]);
        return 126;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
