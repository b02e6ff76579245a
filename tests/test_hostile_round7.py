"""The hostile batch re-audited (bench/hostile_inputs.py): a URL that trickles its response head is
cut at the URL's deadline, a text mixing UTF-8 and Windows-1252 lines is read, a JSON list with a
stray item keeps its articles. Every text is invented."""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from veille.cli import cli
from veille.readers.base import Budget, decode
from veille.readers.sources import read_url

TITLE_A = "Castelroux ouvre une ludothèque dans l'ancienne poste"
TEXT_A = (f"{TITLE_A}\n\nLa commune de Castelroux a inauguré samedi une ludothèque dans les murs de "
          "l'ancienne poste, a indiqué son maire, Hugo Ferrandel, qui espère trois cents inscrits.\n")
TITLE_B = "Trélazon : la fête du pain revient après deux ans d'absence"
TEXT_B = (f"{TITLE_B}\n\nLa fête du pain de Trélazon reprendra le premier dimanche de juin, a annoncé "
          "Nadège Fourcayre, présidente du comité, avec douze boulangers venus des environs.\n")
# Headline and first paragraph in UTF-8, the next ones in Windows-1252 (accents, ’ and « »).
MIXED_TITLE = "Lagarmel : l'école de musique déménage à la rentrée"
MIXED_HEAD = (f"{MIXED_TITLE}\n\nL'école de musique de Lagarmel quittera le presbytère en septembre, a "
              "annoncé jeudi sa directrice, Léonie Castagnet.\n\n")
MIXED_TAIL = ("« Les élèves auront enfin des salles insonorisées », a-t-elle précisé, en évoquant un "
              "chantier d’été financé par la communauté de communes.\n\nLes inscriptions ouvriront début "
              "juillet à la mairie.\n")


def mixed_bytes() -> bytes:
    return MIXED_HEAD.encode("utf-8") + MIXED_TAIL.encode("cp1252")


# -- a URL that trickles its response head ----------------------------------------------------------


@pytest.fixture
def trickler():
    """A server that sends a status line, then one header byte every 0.3 s for at most 20 s."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    server.settimeout(0.2)
    stop = threading.Event()

    def trickle(conn: socket.socket) -> None:
        started = time.monotonic()
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Lent: ")
            while not stop.is_set() and time.monotonic() - started < 20:
                time.sleep(0.3)
                conn.sendall(b"a")
        except OSError:
            pass
        finally:
            conn.close()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=trickle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/goutte"
    stop.set()
    thread.join(5)
    server.close()


def test_a_url_trickling_its_response_head_is_cut_at_its_deadline(trickler):
    # Before: each byte came within the per-read timeout, and the clock was only looked at once the
    # body streamed, so the batch waited for as long as the server trickled (20 s here, hours on the web).
    started = time.monotonic()
    items = list(read_url(trickler, budget=Budget(url_seconds=2)))
    elapsed = time.monotonic() - started
    assert elapsed < 6, elapsed
    assert [str(i) for i in items] == [f"{trickler}: too slow: not fetched within 2 s"]


def test_a_url_that_answers_is_still_read_under_its_deadline():
    page = (f"<html><head><title>{TITLE_A}</title></head><body><article><p>"
            + TEXT_A.split("\n\n")[1] + "</p></article></body></html>").encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path == "/ancienne":
                self.send_response(301)
                self.send_header("Location", "/page")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/ancienne"
        docs = list(read_url(url, budget=Budget(url_seconds=5)))
    finally:
        server.shutdown()
    assert len(docs) == 1 and docs[0].kind == "html" and docs[0].url.endswith("/page")
    assert TITLE_A in docs[0].text


# -- mixed encodings ----------------------------------------------------------------------------------


def test_a_text_mixing_utf8_and_windows_1252_lines_is_read_whole():
    # Before: refused as "undecodable", the whole article lost.
    assert decode(mixed_bytes()) == MIXED_HEAD + MIXED_TAIL


def test_garbage_that_is_neither_encoding_is_still_refused():
    with pytest.raises(ValueError, match="undecodable"):
        decode("Une ligne en UTF-8 accentuée.\n".encode() + b"\x81\x8d\x8f\x90\x9d \xff\xfe\xfd\xfc\n")


ACCENTED = "éèàçêôùûîœ’«»"
WORDS = ["école", "marché", "conseil", "à", "Brévignac", "fête", "œuvre", "théâtre", "l’été", "«", "»",
         "élus", "garçon", "rue", "pont", "ça", "où", "forêt"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.booleans()),
                min_size=2, max_size=12))
def test_lines_each_in_utf8_or_windows_1252_decode_to_the_text(lines):
    """Property: a text whose lines are each UTF-8 or Windows-1252 reads back as written, when the
    Windows-1252 lines are no valid UTF-8 by chance and carry more than a few stray bytes (fewer are
    read as a UTF-8 page's cut characters, U+FFFD: ``_mostly_utf8``)."""
    texts = [" ".join(words) for words, _ in lines]
    encoded = [t.encode("cp1252") if latin else t.encode("utf-8") for t, (_, latin) in zip(texts, lines, strict=True)]
    latin_lines = [t for t, (_, latin) in zip(texts, lines, strict=True) if latin]
    for t, (_, latin) in zip(texts, lines, strict=True):
        if latin:
            try:
                t.encode("cp1252").decode("utf-8")
                assume(False)
            except UnicodeDecodeError:
                pass
    data = b"\n".join(encoded)
    runs = sum(len(re.findall(f"[{ACCENTED}]+", t)) for t in latin_lines)
    assume(latin_lines and runs > max(3, len(data) // 500))
    assert decode(data) == "\n".join(texts)


# -- through the command line ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runner(nlp):  # the nlp fixture loads the model once; the CLI reuses it
    return CliRunner()


def test_ingest_keeps_the_mixed_text_and_the_articles_of_a_json_list_with_stray_items(runner, tmp_path):
    folder = tmp_path / "lot"
    folder.mkdir()
    (folder / "1-bon.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "2-melange.txt").write_bytes(mixed_bytes())
    # Before: one stray string in the list and the whole file was "JSON holds no article object".
    records = [{"title": 5, "text": 42}, {"title": TITLE_B, "text": TEXT_B}, "une chaîne égarée"]
    (folder / "3-liste.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "v.db"
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(db), "--workers", "1", "--no-alerts"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and all("3-liste.json#" in line for line in errors), result.output
    assert "Traceback" not in result.output
    with sqlite3.connect(db) as conn:
        titles = {t for (t,) in conn.execute("SELECT title FROM articles")}
        failures = [o for (o,) in conn.execute("SELECT origin FROM failures")]
    assert titles == {TITLE_A, MIXED_TITLE, TITLE_B}
    assert sorted(o.rsplit("/", 1)[1] for o in failures) == ["3-liste.json#0", "3-liste.json#2"]


def test_a_json_list_of_no_object_at_all_is_still_one_error(tmp_path):
    from veille.readers.sources import read_documents

    path = tmp_path / "nombres.json"
    path.write_text("[1, 2, 3]\n", encoding="utf-8")
    items = list(read_documents([path]))
    assert len(items) == 1 and "no article object" in items[0].reason


def test_the_watch_cuts_a_source_trickling_its_response_head_at_its_timeout(trickler):
    from veille.watch.fetch import Fetcher, FetchError, FetchSettings

    fetcher = Fetcher(FetchSettings(delay=0, timeout=2, retries=0))
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="not fetched within 2 s"):
            fetcher._stream(trickler, {})
    finally:
        fetcher.close()
    assert time.monotonic() - started < 6


def test_a_shared_client_gives_each_thread_its_own_deadline(trickler):
    """Two threads through one client: one under a 1 s deadline is cut then, the other, under 4 s,
    later; outside any deadline nothing is cut (the transport's own timeouts hold)."""
    import httpx

    from veille.readers.deadline import deadline_of, deadline_transport

    client = httpx.Client(transport=deadline_transport(), timeout=10)
    took: dict[float, float] = {}

    def fetch(seconds: float) -> None:
        started = time.monotonic()
        with deadline_of(started + seconds), pytest.raises(httpx.TimeoutException):
            client.get(trickler)
        took[seconds] = time.monotonic() - started

    threads = [threading.Thread(target=fetch, args=(s,)) for s in (1.0, 4.0)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(15)
    client.close()
    assert 0.9 < took[1.0] < 2.5 and 3.9 < took[4.0] < 5.5, took
