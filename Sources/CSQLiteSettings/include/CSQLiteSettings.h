#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// Applies the desk's process-wide SQLite settings. Takes effect only before SQLite starts
/// (the first connection opens); returns SQLite's result code (SQLITE_MISUSE after).
///
/// - Memory statistics off, as SQLite's list of recommended options advises for speed: with
///   them on, every allocation and every free takes a process-wide lock to count bytes the
///   desk never asks about.
/// - Statement journals kept in memory, never spilled to a temporary file (past 64 KiB by
///   default). A statement inside a long transaction (a request written by an import or a
///   demo, with its dozen index entries) keeps a copy of every page it changes again; an
///   import of 10,000 requests wrote 860 MB of those copies to temporary files for a 350 MB
///   desk. A limit of 4 MiB did the same, but past it SQLite 3.40 copies the journal to the
///   file in 4 MiB writes whose length its Unix layer masks to the low 17 bits, so nothing is
///   written and it reports the disk full: a format upgrade rebuilding an index at 100,000
///   requests failed so. Without a limit a statement keeps every page it changes again in
///   memory; the largest the desk runs, an index rebuilt at 100,000 requests, holds 16 MB.
int mladesk_sqlite_configure(void);

#endif
