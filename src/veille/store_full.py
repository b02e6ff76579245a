"""A full disk under the store (SQLite's SQLITE_FULL, an OSError ENOSPC, PostgreSQL's DiskFull).

Once the disk is full every article after it fails for the same reason, one line each, for the
rest of the batch: ``Store.add_many`` stops at the first one instead and raises :class:`DiskFull`,
after yielding what its batch stored (each stored article is whole: its own transaction or
savepoint). The ingest says how many were not tried and exits non-zero; the same command, once
there is room, goes on (what is stored is skipped).
"""

from __future__ import annotations

import errno
import sqlite3

SQLITE_FULL = 13


class DiskFull(Exception):
    """The disk under the store is full; ``untried``: the articles extracted but not written."""

    def __init__(self, reason: BaseException, untried: int = 0) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.untried = untried


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the file system's quota) is full."""
    if isinstance(exc, DiskFull):
        return True
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return (code is not None and code & 0xFF == SQLITE_FULL) or "disk is full" in str(exc)
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    # PostgreSQL: psycopg's DiskFull (SQLSTATE 53100), named to stay free of the optional driver
    return getattr(exc, "sqlstate", None) == "53100"
