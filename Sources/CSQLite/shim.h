// Typed shims over SQLite for the Spool module's state store.
#ifndef FEEDSPOOL_CSQLITE_SHIM_H
#define FEEDSPOOL_CSQLITE_SHIM_H

#include <sqlite3.h>

#endif
