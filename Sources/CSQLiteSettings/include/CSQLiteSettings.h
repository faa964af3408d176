#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// Applies the desk's process-wide SQLite settings. Takes effect only before SQLite starts
/// (the first connection opens); returns SQLite's result code (SQLITE_MISUSE after).
///
/// - Memory statistics off, as SQLite's list of recommended options advises for speed: with
///   them on, every allocation and every free takes a process-wide lock to count bytes the
///   desk never asks about.
/// - Statement journals kept in memory up to 4 MiB instead of 64 KiB. A statement inside a long
///   transaction (a request written by an import or a demo, with its dozen index entries)
///   keeps a copy of every page it changes again; past the limit those copies go to a
///   temporary file, and an import of 10,000 requests wrote 860 MB there for a 350 MB desk.
int mladesk_sqlite_configure(void);

#endif
