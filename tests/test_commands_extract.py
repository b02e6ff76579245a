"""veille.commands.extract: the failure log of ``extract`` and ``ingest`` (a failure is one line and
a row of the store's failures table; a note of skipped WARC records is neither)."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.commands.extract import ErrorLog
from veille.readers import ReadError
from veille.readers.base import skipped_note
from veille.store import Store


def test_a_failure_is_said_kept_and_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(str(tmp_path / "v.db")) as store:
        log = ErrorLog(store)
        log(ReadError("pages/vide.txt", "empty file"))
        rows = store.conn.execute("SELECT origin, reason FROM failures").fetchall()
    assert [tuple(r) for r in rows] == [("pages/vide.txt", "empty file")]
    assert capsys.readouterr().err == "error: pages/vide.txt: empty file\n"
    assert [str(e) for e in log.errors] == ["pages/vide.txt: empty file"] and log.skipped_line() == ""


def test_a_note_of_skipped_records_is_no_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store(str(tmp_path / "v.db")) as store:
        log = ErrorLog(store)
        log(skipped_note("lot.warc.gz", 3, {"image/png": 2, "request": 1}, 4))
        log(skipped_note("autre.warc", 2, {"request": 2}, 5))
        assert store.conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
    assert log.errors == [] and log.skipped == 5
    assert log.skipped_line() == "; 5 WARC record(s) skipped (not HTML pages)"
    err = capsys.readouterr().err.splitlines()
    assert err == ["note: lot.warc.gz: skipped 3 of 4 WARC record(s), not HTML pages (2 image/png, 1 request)",
                   "note: autre.warc: skipped 2 of 5 WARC record(s), not HTML pages (2 request)"]


def test_notes_apart_hands_on_only_the_failures(capsys: pytest.CaptureFixture[str]) -> None:
    log = ErrorLog()
    handed: list[str] = []
    report = log.notes_apart(lambda e: handed.append(e.origin))
    report(skipped_note("lot.warc", 1, {"request": 1}, 2))
    report(ReadError("https://exemple.example/a", "HTTP 404"))
    assert handed == ["https://exemple.example/a"] and log.skipped == 1
    assert capsys.readouterr().err.startswith("note: lot.warc: skipped 1 of 2")
