"""veille.commands.watch: ``veille sources`` add, list, remove and ``veille watch --once`` on a real
store, polling a real local port."""

from __future__ import annotations

from pathlib import Path

from commands_support import run
from watch_servers import dead_port


def test_sources_add_list_remove(tmp_path: Path) -> None:
    db = str(tmp_path / "watch.db")  # `sources add` creates the database
    url = "http://127.0.0.1:9/flux.xml"
    res = run("sources", "add", url, "--name", "Flux des îles", "--every", "2h", "--db", db)
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == f"source 1: {url} every 2h"
    again = run("sources", "add", url, "--every", "90s", "--db", db)
    assert "(already followed: its name and interval updated)" in again.stdout
    listed = run("sources", "--db", db)  # the group alone lists
    assert listed.exit_code == 0, listed.output
    (line,) = listed.stdout.splitlines()
    assert "every 90s" in line and "last success never" in line and line.endswith("ok")
    assert listed.stderr.strip() == "1 source(s)"
    assert run("sources", "remove", url, "--db", db).stdout.strip() == f"source {url} removed"
    gone = run("sources", "remove", "1", "--db", db)
    assert gone.exit_code == 1 and "no source '1'" in gone.stderr


def test_sources_refuse_what_cannot_be_polled(tmp_path: Path) -> None:
    db = str(tmp_path / "watch.db")
    res = run("sources", "add", "ftp://exemple.example/flux", "--db", db)
    assert res.exit_code == 2 and "not an http(s) URL" in res.stderr
    res = run("sources", "add", "http://exemple.example/flux", "--every", "souvent", "--db", db)
    assert res.exit_code == 2 and "--every" in res.stderr


def test_watch_once_fails_when_every_source_failed(tmp_path: Path) -> None:
    db = str(tmp_path / "watch.db")
    url = f"http://127.0.0.1:{dead_port()}/flux.xml"
    assert run("sources", "add", url, "--db", db).exit_code == 0
    res = run("watch", "--once", "--timeout", "2", "--retries", "0", "--delay", "0", "--db", db)
    assert res.exit_code == 1, res.output
    assert "error: all 1 source(s) failed, nothing was read" in res.stderr
    assert any(line.startswith("error: ") and "127.0.0.1" in line for line in res.stderr.splitlines())
    listed = run("sources", "list", "--db", db).stdout
    assert "FAILING ×1" in listed


def test_watch_once_with_no_source_reads_nothing_and_succeeds(tmp_path: Path) -> None:
    db = str(tmp_path / "watch.db")
    assert run("sources", "add", "http://127.0.0.1:9/x", "--db", db).exit_code == 0
    assert run("sources", "remove", "1", "--db", db).exit_code == 0
    res = run("watch", "--once", "--db", db)
    assert res.exit_code == 0, res.output
    assert res.stderr.startswith("round 1: 0 source(s) polled, 0 failing") and "alerts: 0 mail(s)" in res.stderr
