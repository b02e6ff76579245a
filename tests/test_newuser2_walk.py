"""A second new user's walk (issue 11, helper newuser2): the inputs a user brings (a WARC whose
records are not all HTML, RSS and Atom on disk, a JSONL export with extra fields, a folder mixing
them, a file listing URLs with a dead one), a cron job's log of `veille ingest`, the bar's time
left, one mark for a missing value, and the web pages' reasons in French. Through real processes
(`python -m veille`, a pseudo-terminal, `veille serve` on a port) and a local HTTP server; the
articles, people and places are invented."""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from veille.commands.progress import LogLines
from veille.common.lexicon import rows
from veille.readers import read_bytes
from veille.web.reasons import TABLE, in_french

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}


def veille(*args: str, timeout: float = 600, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "veille", *args], capture_output=True, text=True, env=ENV,
                          timeout=timeout, **kwargs)


def _page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


LIBRARY = _page("La médiathèque de Morvanne rouvre", "La médiathèque de Morvanne a rouvert lundi après huit mois "
                "de travaux, a annoncé le maire Albert Quenelier.", "« Les salles de lecture ont doublé », "
                "a déclaré Albert Quenelier devant les habitants.")
STRIKE = _page("Les chauffeurs de bus de Lissac en grève", "Les chauffeurs de bus de Lissac ont cessé le travail "
               "mardi pour une hausse de salaire, selon leur syndicat.", "La régie propose une prime, jugée "
               "trop faible par Maëlle Tarrou, déléguée du personnel.")
POOL = _page("La piscine de Corbelle fermée trois semaines", "La piscine de Corbelle restera fermée trois semaines "
             "après une fuite découverte samedi, a indiqué la mairie.")


def _warc_record(kind: str, uri: str, block: bytes, ctype: str) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, uri))):032x}>\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def _response(uri: str, payload: bytes, ctype: str, status: str = "200 OK") -> bytes:
    http_block = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n".encode()
    return _warc_record("response", uri, http_block + payload, "application/http; msgtype=response")


def warc() -> bytes:
    """A crawl's archive: its info, a request, two pages, an image, a style sheet, a 404."""
    return (_warc_record("warcinfo", "", b"software: by hand\r\n", "application/warc-fields")
            + _warc_record("request", "https://exemple.test/a", b"GET /a HTTP/1.1\r\nHost: exemple.test\r\n\r\n",
                           "application/http; msgtype=request")
            + _response("https://exemple.test/a", LIBRARY.encode(), "text/html; charset=utf-8")
            + _response("https://exemple.test/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "image/png")
            + _response("https://exemple.test/style.css", b"body{color:red}", "text/css")
            + _response("https://exemple.test/b", STRIKE.encode(), "text/html; charset=utf-8")
            + _response("https://exemple.test/c", b"<html>absent</html>", "text/html", "404 Not Found"))


RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Le Courrier de Valbrune</title>
<item><title>Le marché couvert de Valbrune sera agrandi</title><link>https://courrier.test/marche</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 +0100</pubDate><description><![CDATA[<p>Le conseil municipal de Valbrune a voté
jeudi l'agrandissement du marché couvert, un chantier de deux ans.</p>]]></description></item>
<item><title>Un nouveau chef pour la fanfare</title><link>https://courrier.test/fanfare</link>
<description>Lire la suite</description></item></channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>La Gazette</title>
<id>urn:gazette</id><updated>2024-03-07T10:00:00Z</updated><entry><title>Le pont de Lissac rouvert</title>
<id>urn:gazette:1</id><link href="https://gazette.test/pont"/><updated>2024-03-07T10:00:00Z</updated>
<content type="html">&lt;p&gt;Le pont de Lissac a rouvert jeudi après trois mois de travaux, a indiqué le département.&lt;/p&gt;
</content></entry></feed>"""

JSONL = [
    {"id": 17, "title": "Le festival de Ternay attire 20 000 visiteurs", "text": "Le festival de Ternay a "
     "attiré 20 000 visiteurs ce week-end, selon ses organisateurs.", "url": "https://ternay.test/festival",
     "date": "2024-06-10", "author": "La rédaction", "tags": ["musique"], "meta": {"words": 21}, "lang": "fr"},
    {"title": "Sans texte", "url": "https://ternay.test/vide", "tags": []},
]


class _Site(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # (quiet)
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A local web site serving one page; anything else is a 404."""
    folder = tmp_path_factory.mktemp("site")
    (folder / "piscine.html").write_text(POOL, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: _Site(*a, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def walked(tmp_path_factory, site):
    """`veille ingest` of a folder mixing every kind and of a file listing URLs, stderr a pipe (a
    cron job's log): (the process, the database, the folder)."""
    folder = tmp_path_factory.mktemp("walk2")
    mix = folder / "arrivees"
    mix.mkdir()
    (mix / "capture.warc").write_bytes(warc())
    (mix / "capture-bis.warc.gz").write_bytes(gzip.compress(warc()))
    (mix / "courrier.rss").write_text(RSS, encoding="utf-8")
    (mix / "gazette.atom").write_text(ATOM, encoding="utf-8")
    (mix / "export.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in JSONL) + "\n",
                                      encoding="utf-8")
    (mix / "liens.txt").write_text(f"{site}/piscine.html\n", encoding="utf-8")  # inside the folder: not fetched
    urls = folder / "a-lire.txt"
    urls.write_text(f"# pages à lire\n{site}/piscine.html\n\n{site}/disparue.html\n"
                    f"http://127.0.0.1:{_closed_port()}/ferme.html\n", encoding="utf-8")
    db = folder / "v.db"
    proc = veille("ingest", str(mix), str(urls), "--db", str(db), "--workers", "1", "--no-alerts")
    return proc, db, folder


def _errors(stderr: str) -> dict[str, str]:
    return dict(line[len("error: "):].split(": ", 1) for line in stderr.splitlines() if line.startswith("error: "))


def test_a_folder_of_every_kind_and_a_url_list_are_read_each_bad_one_a_line(walked, site):
    proc, db, folder = walked
    assert proc.returncode == 1, proc.stderr
    errors = _errors(proc.stderr)
    # Not HTML, not an article: the image, the style sheet, the info and request records are skipped,
    # said in one note line per archive (no failure); the 404 the crawler kept is one line; each page
    # once (the gzipped copy is the same).
    assert errors[str(folder / "arrivees/capture.warc") + "#https://exemple.test/c"].startswith("HTTP 404 response")
    assert errors[str(folder / "arrivees/export.jsonl") + ":2"].startswith("JSON record has no article text")
    assert "only a title" in errors[str(folder / "arrivees/courrier.rss") + "#1"]
    assert errors[str(folder / "arrivees/liens.txt")].startswith("a list of URLs, not an article")
    assert errors[f"{site}/disparue.html"] == "HTTP 404 File not found"
    assert next(k for k in errors if k.endswith("/ferme.html")).startswith("http://127.0.0.1:")
    with sqlite3.connect(db) as conn:
        titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
        failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    assert titles == {"La médiathèque de Morvanne rouvre", "Les chauffeurs de bus de Lissac en grève",
                      "Le marché couvert de Valbrune sera agrandi", "Le pont de Lissac rouvert",
                      "Le festival de Ternay attire 20 000 visiteurs", "La piscine de Corbelle fermée trois semaines"}
    assert failures == len(errors)
    notes = [line for line in proc.stderr.splitlines() if line.startswith("note: ")]
    assert len(notes) == 2 and all("skipped 4 of 7 WARC record(s), not HTML pages" in line for line in notes)
    assert "; 8 WARC record(s) skipped (not HTML pages); " in proc.stderr.splitlines()[-1]


def test_a_cron_log_gets_a_few_lines_not_silence_nor_redraws(walked):
    proc, _, _ = walked
    lines = [line for line in proc.stderr.splitlines() if not line.startswith(("error: ", "note: "))]
    assert "\r" not in proc.stderr and "\x1b" not in proc.stderr
    assert re.fullmatch(r"ingest: 9 input\(s\) to read; loading the language model", lines[0]), lines[:2]
    assert re.fullmatch(r"ingest: language model loaded in \d+ s; extracting", lines[1]), lines[:2]
    assert lines[-1].startswith("6 added, 2 already stored, ")
    assert len(lines) <= 4


def test_log_lines_come_at_doubling_intervals(capsys):
    now = [0.0]
    log = LogLines("ingest", 500, clock=lambda: now[0])
    log.start()
    for n, at in enumerate((20.0, 25.0, 55.0, 60.0, 100.0, 120.0, 170.0, 200.0, 230.0, 250.0), 1):
        now[0] = at
        log.article(n * 10)
    # from the first article: a line 30 s on, then 60 s after it, then 120 s after that
    assert capsys.readouterr().err.splitlines() == [
        "ingest: 500 input(s) to read; loading the language model",
        "ingest: language model loaded in 20 s; extracting",
        "ingest: 30 articles extracted (from 500 input(s)) in 35 s, 51.4 a minute",
        "ingest: 60 articles extracted (from 500 input(s)) in 1 min 40 s, 36.0 a minute",
        "ingest: 100 articles extracted (from 500 input(s)) in 3 min 50 s, 26.1 a minute"]
    fast = LogLines("extract", None, clock=lambda: now[0])
    now[0] = 0.0
    fast.article(1)
    now[0] = 40.0
    fast.article(400)
    assert capsys.readouterr().err.splitlines()[-1] == "extract: 400 articles extracted in 40 s, 10.0 a second"


def test_one_mark_for_a_missing_doer_or_target(walked):
    _, db, _ = walked
    events = veille("events", "--db", str(db))
    assert events.returncode == 0, events.stderr
    protest = next(line for line in events.stdout.splitlines() if "PROTEST" in line)
    assert " ? -> ? " in protest and " - " not in protest
    with sqlite3.connect(db) as conn:
        article = conn.execute("SELECT article_id FROM events WHERE type = 'PROTEST'").fetchone()[0]
    show = veille("show", article, "--db", str(db))
    assert "event PROTEST: ? -> ?" in show.stdout and "-> -" not in show.stdout
    quotes = veille("quotes", "--db", str(db), "--json")
    rows_ = [json.loads(line) for line in quotes.stdout.splitlines()]
    assert rows_ and all("article_title" in r and "title" not in r for r in rows_)
    as_json = veille("events", "--db", str(db), "--json")
    assert all(json.loads(line)["article_title"] for line in as_json.stdout.splitlines())


def test_exports_open_in_the_tools_a_user_opens_them_with(walked, tmp_path):
    import csv

    _, db, _ = walked
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"tout.{fmt}"
        res = veille("export", "--db", str(db), "--format", fmt, "-o", str(out))
        assert res.returncode == 0 and res.stderr.strip() == f"6 articles exported to {out}", res.stderr
    with open(tmp_path / "tout.csv", newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    records = [json.loads(line) for line in (tmp_path / "tout.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(table) == len(records) == 6
    assert {r["title"] for r in table} == {r["title"] for r in records}
    assert all("\n" not in r["id"] and r["text"] for r in table)


def test_the_bar_time_left_does_not_count_the_model_loading(tmp_path):
    """On a terminal: the bar's elapsed time and rate start at the first article."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"p{i}.html").write_text(STRIKE.replace("Lissac", f"Lissac-{i}"), encoding="utf-8")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))  # (tqdm draws in a width)
    proc = subprocess.Popen([sys.executable, "-m", "veille", "extract", str(pages), "-o", str(tmp_path / "o.jsonl"),
                             "--workers", "1"], stdin=follower, stdout=follower, stderr=follower, env=ENV)
    os.close(follower)
    seen, first_article, started = b"", None, time.monotonic()
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if first_article is None and b"| 1/3 [" in seen:  # the first article is out
                first_article = time.monotonic()
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    ended = time.monotonic()
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert proc.returncode == 0, text
    last = re.findall(r"3/3 \[(\d+):(\d+)<", text)[-1]
    elapsed = int(last[0]) * 60 + int(last[1])
    assert first_article is not None, text
    # Before: the whole run, the model's loading (seconds) included.
    assert elapsed <= ended - first_article + 1, (elapsed, ended - started, ended - first_article)


# -- the web: a page speaks French, the API and the CLI English -----------------------------------

def test_every_row_of_the_french_table_reads_its_own_example():
    table = rows(TABLE, min_columns=3)
    for english, _french, example in table:
        first = next(r for r in table if re.fullmatch(r[0], example))
        assert first[0] == english, (example, first[0])
        assert in_french(example) != example


BAD_UPLOADS = {
    "vide.txt": b"",
    "image.bin": b"\x00\x01\x02\x03" * 200,
    "rapport.pdf": b"%PDF-1.4\n" + b"x" * 100,
    "dossier.zip": b"PK\x03\x04" + bytes(100),
    "archive.7z": b"7z\xbc\xaf\x27\x1c" + bytes(100),
    "casse.json": b'{"title": "Un titre", "text": ',
    "profond.json": b"[" * 300 + b"]" * 300,
    "lignes.jsonl": b'{"title": "A"}\n{"title": \n[1, 2]\n',
    "sans-texte.jsonl": b'{"title": "Sans texte", "url": "https://exemple.test/x"}\n',
    "liste.json": b'[{"title": "Sans corps"}, "une chaine"]',
    "vide.rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Vide</title></channel></rss>',
    "entree.rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Seule</title>'
                  b"</item></channel></rss>",
    "crawl.warc": _warc_record("warcinfo", "", b"software: by hand\r\n", "application/warc-fields"),
    "erreur.warc": _response("https://exemple.test/c", b"<html>absent</html>", "text/html", "404 Not Found"),
    "coupe.warc.gz": gzip.compress(warc())[:300],
    "double.gz": gzip.compress(gzip.compress(b"Un texte.")),
    "adresses.txt": b"https://exemple.test/a\nhttps://exemple.test/b\n",
}


def _reasons(uploads: dict[str, bytes]) -> list[str]:
    return [item.reason for name, content in uploads.items() for item in read_bytes(content, name, path=name)
            if not hasattr(item, "text")]


def test_every_reason_an_upload_meets_has_its_french():
    reasons = _reasons(BAD_UPLOADS)
    assert len(reasons) >= len(BAD_UPLOADS)
    untranslated = [r for r in reasons if in_french(r) == r]
    assert not untranslated


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`veille serve` on a free port (a real process: uvicorn, the guard, the templates)."""
    db = tmp_path_factory.mktemp("serve") / "web.db"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "veille", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("veille serve did not answer")
    yield base
    proc.terminate()
    proc.wait(timeout=30)


def test_upload_page_gives_its_reasons_in_french_and_the_api_in_both(server):
    files = [("files", (name, content)) for name, content in BAD_UPLOADS.items()]
    page = httpx.post(server + "/importer", files=files, timeout=120)
    assert page.status_code == 200
    failed = re.findall(r'<li class="failed">Échec : ([^<]*)</li>', page.text)
    assert len(failed) >= len(BAD_UPLOADS)
    english = {r for r in _reasons(BAD_UPLOADS)}
    shown = {line.split(" — ", 1)[1] for line in failed}
    assert not {s for s in shown if any(s.endswith(e.replace("'", "&#39;")) for e in english)}
    assert "fichier vide" in shown and "contenu binaire, pas du texte" in shown
    api = httpx.post(server + "/api/ingest", files=files, timeout=120).json()
    assert {f["reason"] for f in api["failed"]} == english
    assert all(f["reason_fr"] == in_french(f["reason"]) for f in api["failed"])


def test_alert_form_says_why_in_french(server):
    empty = httpx.post(server + "/alertes", data={"q": ""}, timeout=30)
    assert empty.status_code == 422 and "une recherche vide retiendrait tous les articles" in empty.text
    bad = httpx.post(server + "/alertes", data={"q": "pont", "year": "abcd"}, timeout=30)
    assert bad.status_code == 422 and "n’est pas une année (AAAA)" in bad.text
    assert "is not a year" not in bad.text and "an empty search" not in empty.text


def test_the_guard_refuses_a_page_in_french_and_the_api_in_english(server):
    page = httpx.post(server + "/importer", headers={"Origin": "https://ailleurs.test"}, files=[], timeout=30)
    api = httpx.post(server + "/api/ingest", headers={"Origin": "https://ailleurs.test"}, files=[], timeout=30)
    assert page.status_code == api.status_code == 403
    assert "requête d’une autre origine refusée" in page.text
    assert api.json() == {"detail": "cross-origin request refused", "detail_fr": "requête d’une autre origine refusée"}
    missing = httpx.get(server + "/api/stories/S-inconnu", timeout=30).json()
    assert missing == {"detail": "no story 'S-inconnu'", "detail_fr": "aucun récit 'S-inconnu'"}
