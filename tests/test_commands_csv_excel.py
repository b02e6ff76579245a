"""`--excel` means the same on every command that writes CSV (`export --format csv`, `quotes`,
`events`, `aid`, `aid --totals`, `timeline`): the bytes start with one UTF-8 byte-order mark, then
are exactly those of the plain CSV; without it, no mark; without CSV asked for, a usage error.

Each command runs as a real process (`python -m veille`), its stdout read as bytes, also with a
terminal that is not UTF-8 (the mark is for a spreadsheet: UTF-8 whatever the terminal)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_db

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "web"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
MARK = b"\xef\xbb\xbf"

COMMANDS = {  # a command, the first column of its CSV
    "quotes": (["quotes", "--limit", "0"], "published"),
    "events": (["events", "--limit", "0"], None),
    "aid": (["aid", "--limit", "0"], None),
    "aid-totals": (["aid", "--totals"], None),
    "timeline": (["timeline", "--by", "entity", "--granularity", "day"], "period"),
}


@pytest.fixture(scope="module")
def db(pipeline, tmp_path_factory) -> Path:
    return build_db(pipeline, tmp_path_factory.mktemp("excel") / "v.db", [DATA])


def run(*args: str, encoding: str | None = None) -> subprocess.CompletedProcess:
    env = {**ENV, "PYTHONIOENCODING": encoding} if encoding else ENV
    return subprocess.run([sys.executable, "-m", "veille", *args], capture_output=True, env=env, timeout=300)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_excel_is_the_plain_csv_behind_one_mark(db: Path, name: str):
    args, first = COMMANDS[name]
    plain = run(*args, "--csv", "--db", str(db))
    excel = run(*args, "--csv", "--excel", "--db", str(db))
    assert plain.returncode == excel.returncode == 0, excel.stderr.decode()
    assert not plain.stdout.startswith(MARK)
    assert excel.stdout == MARK + plain.stdout and excel.stdout.count(MARK) == 1
    rows = list(csv.reader(io.StringIO(excel.stdout.decode("utf-8-sig"), newline="")))
    assert len(rows) >= 2, "the invented articles give each listing a row"  # a header and a row at least
    if first:
        assert rows[0][0] == first


def test_the_mark_and_the_text_stay_utf8_on_a_latin1_terminal(db: Path):
    plain = run("quotes", "--limit", "0", "--csv", "--db", str(db))
    latin = run("quotes", "--limit", "0", "--csv", "--excel", "--db", str(db), encoding="latin-1")
    assert latin.returncode == 0, latin.stderr.decode()
    assert latin.stdout == MARK + plain.stdout
    assert "é".encode() in latin.stdout  # the invented quotes hold accents, written as UTF-8


def test_export_to_stdout_on_a_latin1_terminal(db: Path):
    latin = run("export", "--db", str(db), "--format", "csv", "--excel", "-o", "-", encoding="latin-1")
    assert latin.returncode == 0, latin.stderr.decode()
    assert latin.stdout.startswith(MARK + b"id,site,") and latin.stdout.count(MARK) == 1
    assert "é".encode() in latin.stdout


@pytest.mark.parametrize("args", [["quotes"], ["events"], ["aid"], ["aid", "--totals"], ["timeline"],
                                  ["quotes", "--json"]])
def test_excel_without_csv_is_refused(db: Path, args: list[str]):
    result = run(*args, "--excel", "--db", str(db))
    assert result.returncode == 2
    assert b"--excel is for --csv" in result.stderr and result.stdout == b""


def test_every_csv_command_offers_it_with_one_help():
    for args in (["export"], ["quotes"], ["events"], ["aid"], ["timeline"]):
        text = b" ".join(run(*args, "--help").stdout.split())  # (click wraps the help)
        assert b"--excel CSV for a spreadsheet opened by" in text and b"utf-8-sig'). Default: no mark." in text, args
