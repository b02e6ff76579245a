"""veille.store_full: which errors say the disk under the store is full."""

from __future__ import annotations

import errno
import sqlite3

from veille.store_full import DiskFull, is_disk_full


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def test_a_full_disk_is_told_by_each_engine_and_the_os() -> None:
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert is_disk_full(OSError(errno.EDQUOT, "Disk quota exceeded"))
    assert is_disk_full(sqlite3.OperationalError("database or disk is full"))
    assert is_disk_full(_PgError("53100"))
    assert is_disk_full(DiskFull(OSError(errno.ENOSPC, "full"), untried=4))


def test_other_errors_are_no_full_disk() -> None:
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))
    assert not is_disk_full(_PgError("40001"))
    assert not is_disk_full(ValueError("disk is full"))  # only a store or OS error says so


def test_disk_full_keeps_its_reason_and_the_untried_count() -> None:
    reason = OSError(errno.ENOSPC, "No space left on device")
    full = DiskFull(reason, untried=7)
    assert full.reason is reason and full.untried == 7 and "No space left" in str(full)
