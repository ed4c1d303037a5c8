/* Baseline for the warm `crm due` (spec section 6): walk a data folder's clients/
 * tree and read each entry's metadata once, the least a program must do to notice
 * which files changed since its cache was written.
 *
 *   walk STORE      prints the number of entries seen
 *
 * Directories are opened relative to their parent (openat) and every entry is
 * stat'ed with fstatat, so no path strings are built or resolved from the root.
 * Hidden entries (".git", ".crm", editor files) are skipped, as crm skips them.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long walk(int dir_fd)
{
    DIR *dir = fdopendir(dir_fd);
    if (!dir) {
        perror("fdopendir");
        close(dir_fd);
        return -1;
    }
    long count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        struct stat st;
        if (fstatat(dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            perror(entry->d_name);
            continue;
        }
        count++;
        if (S_ISDIR(st.st_mode)) {
            int child = openat(dirfd(dir), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
            if (child < 0) {
                perror(entry->d_name);
                continue;
            }
            long below = walk(child);
            if (below > 0)
                count += below;
        }
    }
    closedir(dir);
    return count;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s STORE\n", argv[0]);
        return 2;
    }
    int store = open(argv[1], O_RDONLY | O_DIRECTORY);
    int clients = store < 0 ? -1 : openat(store, "clients", O_RDONLY | O_DIRECTORY);
    if (clients < 0) {
        perror(argv[1]);
        return 1;
    }
    long count = walk(clients);
    close(store);
    if (count < 0)
        return 1;
    printf("%ld\n", count);
    return 0;
}
