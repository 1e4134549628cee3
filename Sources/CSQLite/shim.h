// Typed shims over SQLite for the Spool module's state store.
//
// Swift cannot import SQLITE_TRANSIENT (a cast of -1 to a function pointer),
// so the binders that need SQLite to copy their argument live here.
#ifndef FEEDSPOOL_CSQLITE_SHIM_H
#define FEEDSPOOL_CSQLITE_SHIM_H

#include <stddef.h>
#include <sqlite3.h>

/// Opens (creating when missing) the database at `path` for one thread's use:
/// no shared cache, no per-call mutex (the Swift wrapper serialises access),
/// extended result codes on. Returns an SQLite result code; on failure
/// `*db` may still need `sqlite3_close`.
static inline int fs_sqlite_open(const char *path, sqlite3 **db) {
    int rc = sqlite3_open_v2(path, db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                 SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE,
                             NULL);
    if (*db != NULL) sqlite3_extended_result_codes(*db, 1);
    return rc;
}

/// Opens the existing database at `path` read-only, with `fs_sqlite_open`'s
/// other flags: never creates the database, never writes to it. SQLite
/// still needs a WAL database's `-shm` and `-wal` files, where a reader
/// takes the read locks writers respect: it opens them, or creates them
/// (empty) when they are missing and the folder is writable.
static inline int fs_sqlite_open_readonly(const char *path, sqlite3 **db) {
    int rc = sqlite3_open_v2(path, db,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
                                 SQLITE_OPEN_PRIVATECACHE,
                             NULL);
    if (*db != NULL) sqlite3_extended_result_codes(*db, 1);
    return rc;
}

/// Binds `length` bytes of UTF-8 text to parameter `index`; SQLite copies them.
static inline int fs_sqlite_bind_text(sqlite3_stmt *statement, int index,
                                      const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

/// Binds `length` bytes as a blob to parameter `index`; SQLite copies them.
/// A zero-length blob is bound as an empty blob, never as NULL.
static inline int fs_sqlite_bind_blob(sqlite3_stmt *statement, int index,
                                      const void *bytes, int length) {
    if (length == 0) return sqlite3_bind_zeroblob(statement, index, 0);
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

/// The text of column `index` of the current row, or NULL for SQL NULL,
/// with its length in bytes in `*length`.
static inline const char *fs_sqlite_column_text(sqlite3_stmt *statement, int index,
                                                int *length) {
    const unsigned char *text = sqlite3_column_text(statement, index);
    *length = sqlite3_column_bytes(statement, index);
    return (const char *)text;
}

/// Whether column `index` of the current row is SQL NULL.
static inline int fs_sqlite_column_is_null(sqlite3_stmt *statement, int index) {
    return sqlite3_column_type(statement, index) == SQLITE_NULL;
}

#endif
