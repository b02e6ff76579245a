"""A WARC's records that are no HTML page are counted and said (a note line per archive and the
closing line of `extract` and `ingest`, never a failure), and `veille export --format csv --excel`
writes a CSV a spreadsheet reads the accents of (a UTF-8 byte-order mark), the default unchanged.

Every archive here is written with warcio from invented pages and files."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.cli import cli
from veille.readers import Budget, ReadError, read_bytes, skipped_count

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>Publié le 4 mars 2025</p>
<p>La mairie de Valmorin a présenté mardi son nouveau plan pour les pistes cyclables du centre.
L'adjointe Léa Tamar a expliqué que les travaux dureraient tout l'été, sans fermer le marché.</p>
<p>Les commerçants de la place Brune attendent une réunion publique avant la fin du mois, a
indiqué leur porte-parole, Paul Vautrin, qui réclame des places de livraison.</p>
</article></body></html>"""


def _warc(images: int = 3, pages: tuple[str, ...] = ("Valmorin redessine ses pistes", "Un été de travaux à Valmorin")
          ) -> bytes:
    """An archive of its info record, one request per page, ``pages`` as HTML responses,
    ``images`` PNG responses, a style sheet and a redirect."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    writer.write_record(writer.create_warc_record("https://valmorin.invalid/", "warcinfo",
                                                  payload=io.BytesIO(b"software: invented-crawler\r\n")))

    def response(url: str, ctype: str, body: bytes, status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2025-03-05T08:00:00Z"}))

    for n, title in enumerate(pages):
        url = f"https://valmorin.invalid/article-{n}"
        request = StatusAndHeaders(f"GET /article-{n} HTTP/1.1", [("Host", "valmorin.invalid")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
        response(url, "text/html; charset=utf-8", PAGE.format(title=title).encode("utf-8"))
    for n in range(images):
        response(f"https://valmorin.invalid/photo-{n}.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes([n]))
    response("https://valmorin.invalid/site.css", "text/css; charset=utf-8", b"body { margin: 0 }")
    response("https://valmorin.invalid/ancien", "text/html", b"", status="301 Moved Permanently")
    return buf.getvalue()


def _read(content: bytes, note: bool) -> tuple[list, list[ReadError]]:
    items = list(read_bytes(content, "crawl.warc", budget=Budget(note_skipped=note)))
    return [i for i in items if not isinstance(i, ReadError)], [i for i in items if isinstance(i, ReadError)]


def test_the_reader_counts_each_kind_of_record_it_skips():
    docs, notes = _read(_warc(images=3), note=True)
    assert len(docs) == 2
    assert len(notes) == 1 and skipped_count(notes[0]) == 8  # info, 2 requests, 3 images, a style sheet, a redirect
    reason = notes[0].reason
    assert "8 of 10 WARC record(s)" in reason
    assert "3 image/png" in reason and "2 request" in reason and "1 text/css" in reason
    assert "1 warcinfo" in reason and "1 redirect" in reason


def test_without_the_budget_asking_nothing_is_said():
    """The web's upload, the watch and the Python API keep what they had: no note among their errors."""
    docs, errors = _read(_warc(), note=False)
    assert len(docs) == 2 and errors == []


def test_an_archive_with_no_page_gives_its_error_and_the_note():
    docs, errors = _read(_warc(images=2, pages=()), note=True)
    assert docs == []
    assert [skipped_count(e) for e in errors] == [0, 5]
    assert errors[0].reason == "WARC holds no HTML response"


def test_a_real_error_counts_no_record():
    assert skipped_count(ReadError("a.warc", "WARC holds no HTML response")) == 0
    assert skipped_count(ReadError("a.warc", "skipped 3 records")) == 0


@pytest.fixture(scope="module")
def runner(nlp):  # the nlp fixture loads the model once; the CLI reuses it
    return CliRunner()


def test_extract_says_the_skipped_records_and_stays_a_success(runner, tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc").write_bytes(_warc(images=28))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(tmp_path / "in"), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    lines = result.stderr.splitlines()
    note = [line for line in lines if line.startswith("note: ")]
    assert len(note) == 1 and "crawl.warc: skipped 33 of 35 WARC record(s), not HTML pages (28 image/png" in note[0]
    assert lines[-1].endswith("2 articles written to " + str(out) + "; 0 failed; 33 WARC record(s) skipped (not HTML pages)")
    assert not any(line.startswith("error:") for line in lines)


def test_ingest_says_them_and_records_no_failure(runner, tmp_path: Path):
    (tmp_path / "crawl.warc").write_bytes(_warc(images=4))
    (tmp_path / "empty.warc").write_bytes(_warc(images=1, pages=()))
    db = tmp_path / "v.db"
    result = runner.invoke(cli, ["ingest", str(tmp_path / "crawl.warc"), str(tmp_path / "empty.warc"),
                                 "--db", str(db), "--workers", "1", "--no-alerts"])
    assert result.exit_code == 1  # the archive with no page is a failure, as before
    closing = result.stderr.splitlines()[-1]
    assert closing.startswith("2 added, 0 already stored, 1 failed; 13 WARC record(s) skipped (not HTML pages); ")
    with sqlite3.connect(db) as conn:
        reasons = [r[0] for r in conn.execute("SELECT reason FROM failures")]
    assert reasons == ["WARC holds no HTML response"]


def test_the_note_crosses_worker_processes(runner, tmp_path: Path):
    """Two workers hand errors back as origin and reason: the note is still a note."""
    for n in range(2):
        (tmp_path / f"crawl{n}.warc").write_bytes(_warc(images=n + 1, pages=(f"Valmorin, chantier numéro {n}",)))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(cli, ["extract", str(tmp_path / "crawl0.warc"), str(tmp_path / "crawl1.warc"),
                                 "-o", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].endswith("; 0 failed; 11 WARC record(s) skipped (not HTML pages)")


# -- export --format csv --excel ------------------------------------------------------------------

@pytest.fixture(scope="module")
def store_with_accents(nlp, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("excel")
    (folder / "crawl.warc").write_bytes(_warc(images=0, pages=("Été à Valmorin : les élus tranchent",)))
    db = folder / "v.db"
    result = CliRunner().invoke(cli, ["ingest", str(folder / "crawl.warc"), "--db", str(db), "--workers", "1",
                                      "--no-alerts"])
    assert result.exit_code == 0, result.output
    return db


def test_csv_default_has_no_mark(store_with_accents: Path, tmp_path: Path):
    out = tmp_path / "a.csv"
    result = CliRunner().invoke(cli, ["export", "--db", str(store_with_accents), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"id,site,")
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[0] == "id" and rows[0]["title"] == "Été à Valmorin : les élus tranchent"


def test_csv_excel_starts_with_the_mark_and_reads_back(store_with_accents: Path, tmp_path: Path):
    out = tmp_path / "excel.csv"
    result = CliRunner().invoke(cli, ["export", "--db", str(store_with_accents), "--format", "csv", "--excel",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,site,") and raw.count(b"\xef\xbb\xbf") == 1
    assert "Été à Valmorin".encode() in raw  # UTF-8 after the mark, not a Windows code page
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[0] == "id" and rows[0]["title"] == "Été à Valmorin : les élus tranchent"
    plain = tmp_path / "plain.csv"
    CliRunner().invoke(cli, ["export", "--db", str(store_with_accents), "--format", "csv", "-o", str(plain)])
    assert raw[3:] == plain.read_bytes()  # the mark is the only difference


def test_excel_to_stdout_and_refused_for_other_formats(store_with_accents: Path, tmp_path: Path):
    result = CliRunner().invoke(cli, ["export", "--db", str(store_with_accents), "--format", "csv", "--excel",
                                      "-o", "-"])
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"\xef\xbb\xbfid,")
    for fmt in ("jsonl", "parquet"):
        refused = CliRunner().invoke(cli, ["export", "--db", str(store_with_accents), "--format", fmt, "--excel",
                                           "-o", str(tmp_path / f"x.{fmt}")])
        assert refused.exit_code == 2 and "--excel is for --format csv" in refused.output
        assert not (tmp_path / f"x.{fmt}").exists()


def test_help_says_it():
    text = CliRunner().invoke(cli, ["export", "--help"]).output
    assert "--excel" in text and "byte-order" in text
