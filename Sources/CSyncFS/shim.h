// syncfs(2) for the Spool module's group commit (Sources/Spool/Files/FileSystem.swift).
//
// glibc declares syncfs only under _GNU_SOURCE, which Swift's Glibc module
// is not built with, so the declaration is repeated here.
#ifndef FEEDSPOOL_CSYNCFS_SHIM_H
#define FEEDSPOOL_CSYNCFS_SHIM_H

extern int syncfs(int fd);

/// Flushes every dirty file and folder of the file system holding the open
/// `fd` to disk. Returns 0, or -1 with errno set; since Linux 5.8 a
/// writeback error since `fd` was opened is reported too.
static inline int fs_syncfs(int fd) {
    return syncfs(fd);
}

#endif
