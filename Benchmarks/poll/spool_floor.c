/*
 * The least work any spool that writes one file per article can do: create
 * COUNT files of SIZE bytes in DIR/tmp/ and rename each into DIR/new/, in C,
 * on one thread, with no parsing, no cleaning and no fsync.  The poll
 * benchmark times it beside `feedspool once`, as the floor under pass 1.
 *
 * Usage: spool_floor DIR COUNT SIZE
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: spool_floor DIR COUNT SIZE\n");
        return 2;
    }
    const char *dir = argv[1];
    long count = atol(argv[2]), size = atol(argv[3]);
    char *bytes = malloc(size > 0 ? size : 1);
    char from[4096], to[4096];
    if (!bytes) return 1;
    memset(bytes, 'x', size);
    snprintf(from, sizeof from, "%s/tmp", dir);
    snprintf(to, sizeof to, "%s/new", dir);
    if (mkdir(dir, 0777) || mkdir(from, 0777) || mkdir(to, 0777)) {
        perror(dir);
        return 1;
    }
    for (long i = 0; i < count; i++) {
        snprintf(from, sizeof from, "%s/tmp/20260101T000000Z-%016lx.json", dir, i);
        snprintf(to, sizeof to, "%s/new/20260101T000000Z-%016lx.json", dir, i);
        int fd = open(from, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0 || write(fd, bytes, size) != size || close(fd) || rename(from, to)) {
            perror(from);
            return 1;
        }
    }
    return 0;
}
