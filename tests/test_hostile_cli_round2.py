"""A second adversarial pass through the real CLI: ``veille sources --db F add`` and ``veille
alerts --db F add`` wrote to ./veille.db (the subcommand's own default) and left F untouched; a JSON
record holding half a UTF-16 surrogate pair failed with a raw ``UnicodeEncodeError``. Every text is
invented."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import cli


@pytest.fixture
def elsewhere(tmp_path, monkeypatch) -> Path:
    """A working folder with no veille.db, no $VEILLE_DB and no config of the developer's."""
    work = tmp_path / "ici"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("VEILLE_DB", raising=False)
    monkeypatch.delenv("VEILLE_CONFIG", raising=False)
    return work


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_sources_group_db_reaches_every_subcommand(elsewhere, tmp_path) -> None:
    runner = CliRunner()
    db = tmp_path / "veille-suivi.db"
    url = "http://127.0.0.1:9/flux-invente.xml"
    added = runner.invoke(cli, ["sources", "--db", str(db), "add", url])
    assert added.exit_code == 0, added.output
    assert not (elsewhere / "veille.db").exists()
    assert _rows(db, "SELECT url FROM watch_sources") == [(url,)]
    listed = runner.invoke(cli, ["sources", "--db", str(db), "list"])
    assert listed.exit_code == 0 and url in listed.stdout
    assert runner.invoke(cli, ["sources", "--db", str(db)]).stdout == listed.stdout
    # Given after the subcommand, --db still wins over the group's.
    other = tmp_path / "autre.db"
    assert runner.invoke(cli, ["sources", "--db", str(db), "add", url + "?b", "--db", str(other)]).exit_code == 0
    assert _rows(other, "SELECT url FROM watch_sources") == [(url + "?b",)]
    removed = runner.invoke(cli, ["sources", "--db", str(db), "remove", url])
    assert removed.exit_code == 0, removed.output
    assert _rows(db, "SELECT count(*) FROM watch_sources") == [(0,)]
    assert not (elsewhere / "veille.db").exists()


def test_alerts_group_db_reaches_every_subcommand(elsewhere, tmp_path) -> None:
    runner = CliRunner()
    db = tmp_path / "veille-alertes.db"
    added = runner.invoke(cli, ["alerts", "--db", str(db), "add", "piscine municipale"])
    assert added.exit_code == 0, added.output
    assert not (elsewhere / "veille.db").exists()
    assert len(_rows(db, "SELECT id FROM alerts")) == 1
    listed = runner.invoke(cli, ["alerts", "--db", str(db), "list"])
    assert listed.exit_code == 0 and "piscine municipale" in listed.output
    assert not (elsewhere / "veille.db").exists()


def test_sub_db_falls_back_to_the_usual_default(elsewhere) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["sources", "add", "http://127.0.0.1:9/flux.xml"]).exit_code == 0
    assert _rows(elsewhere / "veille.db", "SELECT count(*) FROM watch_sources") == [(1,)]


GOOD = {"title": "Une piscine neuve à Brignoles",
        "text": "La piscine de Brignoles ouvrira en mai, a annoncé jeudi le maire, Félix Aubanel, "
                "devant le conseil municipal."}


def test_lone_surrogate_in_a_json_record_is_read_not_a_raw_exception(nlp, elsewhere, tmp_path) -> None:
    broken = {"title": "Un gymnase rénové à Lunel",
              "text": "Le gymnase de Lunel rouvrira en septembre \ud800 après des travaux, a indiqué mardi "
                      "l'adjointe aux sports, Irène Dufaure."}
    lines = [json.dumps(broken), json.dumps(GOOD)]  # json.dumps writes the half pair as "\ud800"
    assert "\\ud800" in lines[0]
    (tmp_path / "lot.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "doc.json").write_text(json.dumps(broken, indent=1), encoding="utf-8")
    out = tmp_path / "sortie.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "lot.jsonl"), str(tmp_path / "doc.json"),
                                      "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "UnicodeEncodeError" not in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records] == [broken["title"], GOOD["title"], broken["title"]]
    assert "\ufffd" in records[0]["paragraphs"][0]
    db = tmp_path / "v.db"
    stored = CliRunner().invoke(cli, ["ingest", str(tmp_path / "lot.jsonl"), "--db", str(db), "--workers", "1",
                                      "--no-alerts"])
    assert stored.exit_code == 0, stored.output
    assert _rows(db, "SELECT count(*) FROM articles") == [(2,)]
    assert _rows(db, "SELECT count(*) FROM failures") == [(0,)]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
            "</article></body></html>").encode()


def test_a_warc_gz_cut_short_keeps_the_records_before_the_cut(nlp, elsewhere, tmp_path) -> None:
    import gzip

    from hostile import http_response, warc_record

    first = warc_record(http_response(_page(
        "Un pont neuf à Millau", "Un pont neuf reliera les deux rives du Tarn à Millau dès l'été, a annoncé "
        "mardi le maire, Jules Castaing, devant la presse locale.")), url="https://exemple.invalid/pont")
    second = warc_record(http_response(_page(
        "Une école rénovée à Auch", "L'école d'Auch rouvrira ses portes en septembre après deux ans de "
        "travaux, a indiqué la directrice, Irène Dufaure.")), url="https://exemple.invalid/ecole")
    head = gzip.compress(first)
    lot = tmp_path / "lot"
    lot.mkdir()
    (lot / "coupe.warc.gz").write_bytes(head + gzip.compress(second)[:60])  # a download cut short
    db = tmp_path / "v.db"
    result = CliRunner().invoke(cli, ["ingest", str(lot), "--db", str(db), "--workers", "1", "--no-alerts"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "coupe.warc.gz" in errors[0] and "truncated" in errors[0], result.stderr
    assert _rows(db, "SELECT title FROM articles") == [("Un pont neuf à Millau",)]
    assert len(_rows(db, "SELECT reason FROM failures")) == 1
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_output_that_cannot_be_written_is_one_line(nlp, elsewhere, tmp_path) -> None:
    (tmp_path / "article.txt").write_text(GOOD["title"] + "\n\n" + GOOD["text"] + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "article.txt"), "-o", "/dev/full", "--workers", "1"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output and not isinstance(result.exception, OSError)
    assert "/dev/full: cannot write: No space left on device" in result.stderr


def test_a_warc_record_with_a_negative_length_is_named_and_the_records_before_it_kept(
        nlp, elsewhere, tmp_path) -> None:
    from hostile import http_response, warc_record

    first = warc_record(http_response(_page(
        "Un marché couvert à Figeac", "Le marché couvert de Figeac rouvrira samedi après un an de travaux, "
        "a annoncé lundi l'adjointe au maire, Odile Carrère.")), url="https://exemple.invalid/marche")
    second = warc_record(http_response(_page(
        "Un musée agrandi à Rodez", "Le musée de Rodez gagnera deux salles au printemps, a précisé son "
        "conservateur, Lucien Bessière.")), url="https://exemple.invalid/musee")
    second = re.sub(rb"Content-Length: \d+", b"Content-Length: -40", second, count=1)
    lot = tmp_path / "lot"
    lot.mkdir()
    (lot / "negatif.warc").write_bytes(first + second)
    db = tmp_path / "v.db"
    result = CliRunner().invoke(cli, ["ingest", str(lot), "--db", str(db), "--workers", "1", "--no-alerts"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "negatif.warc" in errors[0] and "record 2" in errors[0], result.stderr
    assert "'-40'" in errors[0], errors
    assert _rows(db, "SELECT title FROM articles") == [("Un marché couvert à Figeac",)]
    assert len(_rows(db, "SELECT reason FROM failures")) == 1
