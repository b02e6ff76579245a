"""Read anything, end to end through ``veille ingest``: a crawl's WARC (gzipped records, a chunked
and a compressed payload, a redirect, a 404, a picture), a WARC larger than one document's limit,
an RSS feed of teasers and an Atom feed of local files (``--follow-links``), JSON lines, and URLs
to a local server that answers 404, 500, a redirect, gzip, a wrong charset, a PDF, slowly or not
at all. Each gives its article or one line naming the input and the reason; the batch goes on and
the failures are recorded. Every page is invented."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from veille.cli import cli
from veille.readers import Budget, ReadError, read_documents
from watch_servers import article_html

TOWNS = ["Valbrune", "Morteville", "Brenouville", "Castelrouge", "Pierrelune", "Sablières", "Aiguemorte",
         "Vaudrecourt", "Fontclaire", "Roche-Basse", "Lamberval", "Oriol-sur-Mer"]


def page(n: int) -> bytes:
    town = TOWNS[n % len(TOWNS)]
    return article_html(f"{town} : le marché couvert rouvre ({n})", f"2024-05-{n % 27 + 1:02d}", "Odile Ferrandon",
                        f"maire de {town}", f"Le marché numéro {n} rouvrira samedi à {town}").encode()


class Server:
    """A local HTTP server: /N.html pages, and the answers that go wrong."""

    def __init__(self) -> None:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                     headers: tuple[tuple[str, str], ...] = ()) -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                for k, v in headers:
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                p = self.path
                if p.endswith(".html") and p[1:-5].isdigit():
                    return self.send(200, page(int(p[1:-5])))
                if p == "/erreur":
                    return self.send(500, b"panne")
                if p == "/ancien":
                    self.send_response(301)
                    self.send_header("Location", "/20.html")
                    self.end_headers()
                    return None
                if p == "/comprime":
                    return self.send(200, gzip.compress(page(21)), headers=(("Content-Encoding", "gzip"),))
                if p == "/latin":  # the header says UTF-8, the bytes are Windows-1252
                    return self.send(200, page(22).decode().replace('<meta charset="utf-8">', "").encode("cp1252"))
                if p == "/rapport.pdf":
                    return self.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"0" * 200, ctype="application/pdf")
                if p == "/lent":  # a byte now and then, for ever
                    self.send_response(200)
                    self.end_headers()
                    for _ in range(40):
                        self.wfile.write(b"<p>")
                        self.wfile.flush()
                        time.sleep(0.2)
                    return None
                if p == "/muet":
                    time.sleep(4)
                    return self.send(200, page(23))
                return self.send(404, b"introuvable")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.server = server

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def warc(records: list[tuple[str, str, bytes, list[tuple[str, str]]]], gzipped: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    for url, status, body, headers in records:
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2024-05-03T12:00:00Z"}))
    return buf.getvalue()


def chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n" % len(body[i:i + 300]) + body[i:i + 300] + b"\r\n"
                    for i in range(0, len(body), 300)) + b"0\r\n\r\n"


HTML = [("Content-Type", "text/html; charset=utf-8")]


def test_every_kind_of_input_gives_its_article_or_one_line(server, nlp, tmp_path: Path) -> None:
    inputs = tmp_path / "entrees"
    inputs.mkdir()
    (inputs / "crawl.warc.gz").write_bytes(warc([
        ("https://un.example/1", "200 OK", page(1), HTML),
        ("https://un.example/2", "200 OK", gzip.compress(page(2)), [*HTML, ("Content-Encoding", "gzip")]),
        ("https://un.example/3", "200 OK", chunked(page(3)), [*HTML, ("Transfer-Encoding", "chunked")]),
        ("https://un.example/vieux", "301 Moved Permanently", b"<html><body>parti</body></html>",
         [*HTML, ("Location", "https://un.example/1")]),
        ("https://un.example/disparu", "404 Not Found", b"<html><body><h1>Introuvable</h1></body></html>", HTML),
        ("https://un.example/logo.png", "200 OK", b"\x89PNG\r\n" + b"0" * 50, [("Content-Type", "image/png")]),
    ], gzipped=True))
    # A plain archive larger than one document's limit (--max-bytes below): each record is within it.
    (inputs / "gros.warc").write_bytes(warc([(f"https://deux.example/{n}", "200 OK", page(n), HTML)
                                            for n in range(4, 8)], gzipped=False))
    items = "".join(f"<item><title>Marché {n}</title><link>{server.url}/{n}.html</link>"
                    f"<description>Un résumé de l'article {n}.</description></item>" for n in (8, 9))
    items += f"<item><title>Perdu</title><link>{server.url}/perdu</link><description>Résumé.</description></item>"
    (inputs / "flux.xml").write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                                     f"<title>Flux</title>{items}</channel></rss>", encoding="utf-8")
    local = tmp_path / "pages"
    local.mkdir()
    (local / "10.html").write_bytes(page(10))
    (inputs / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        "<id>urn:a</id><updated>2024-05-14T08:00:00Z</updated><entry><title>Local</title><id>urn:1</id>"
        '<link href="../pages/10.html"/><updated>2024-05-14T08:00:00Z</updated><summary>Court.</summary></entry>'
        "</feed>", encoding="utf-8")
    (inputs / "lignes.jsonl").write_text("\n".join([
        json.dumps({"title": "Le pont de Valbrune", "text": "Le pont de Valbrune rouvrira lundi après "
                    "des travaux, a annoncé la maire, Odile Ferrandon.", "date": "2024-05-02"}, ensure_ascii=False),
        json.dumps({"url": f"{server.url}/11.html"}),
        '{"title": "coupé", "text": "sans fin',
    ]) + "\n", encoding="utf-8")
    urls = [f"{server.url}/12.html", f"{server.url}/absent", f"{server.url}/erreur", f"{server.url}/ancien",
            f"{server.url}/comprime", f"{server.url}/latin", f"{server.url}/rapport.pdf"]
    db = tmp_path / "v.db"
    size = (inputs / "gros.warc").stat().st_size
    res = CliRunner().invoke(cli, ["ingest", str(inputs), *urls, "--db", str(db), "--workers", "1",
                                   "--follow-links", "--max-bytes", str(size // 2), "--no-alerts"])
    errors = sorted(line for line in res.stderr.splitlines() if line.startswith("error: "))
    assert res.exit_code == 1, res.stderr
    assert errors == sorted([
        f"error: {inputs / 'crawl.warc.gz'}#https://un.example/disparu: HTTP 404 response in the archive, no article",
        f"error: {inputs / 'flux.xml'}#2: feed entry gives a summary only and its link {server.url}/perdu "
        "could not be read: HTTP 404 Not Found",
        f"error: {inputs / 'lignes.jsonl'}:3: malformed JSON line (Unterminated string starting at at column 28)",
        f"error: {server.url}/absent: HTTP 404 Not Found",
        f"error: {server.url}/erreur: HTTP 500 Internal Server Error",
        f"error: {server.url}/rapport.pdf: a PDF document: Veille reads text, HTML, JSON, feeds and WARC "
        "(save its text first)",
    ]), res.stderr
    conn = sqlite3.connect(db)
    titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
    # 3 + 4 archived pages, 2 + 1 linked from feeds, 2 JSON lines, 4 URLs
    assert len(titles) == 16, sorted(titles)
    assert "Lamberval : le marché couvert rouvre (22)" in titles  # the accents of the Windows-1252 page
    urls_stored = {r[0] for r in conn.execute("SELECT url FROM articles")}
    assert f"{server.url}/20.html" in urls_stored  # the redirect's target, not the old address
    assert f"{server.url}/8.html" in urls_stored and "https://un.example/3" in urls_stored
    failures = {(o, r) for o, r in conn.execute("SELECT origin, reason FROM failures")}
    assert (f"{server.url}/erreur", "HTTP 500 Internal Server Error") in failures and len(failures) == 6
    conn.close()


def test_slow_and_silent_urls_are_cut_off_with_one_line(server) -> None:
    started = time.monotonic()
    out = list(read_documents([f"{server.url}/lent", f"{server.url}/muet", f"{server.url}/13.html"],
                              budget=Budget(url_seconds=1.5)))
    assert time.monotonic() - started < 10
    assert isinstance(out[0], ReadError) and out[0].reason == "too slow: not fetched within 1.5 s"
    assert isinstance(out[1], ReadError) and out[1].reason == "too slow: no answer within 1.5 s"
    assert not isinstance(out[2], ReadError) and out[2].url == f"{server.url}/13.html"


def test_without_follow_links_a_teaser_feed_is_read_as_it_is(server, tmp_path: Path) -> None:
    feed = tmp_path / "flux.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Un</title>'
                    f"<link>{server.url}/14.html</link><description>Résumé.</description></item></channel></rss>",
                    encoding="utf-8")
    (doc,) = read_documents([str(feed)])
    assert doc.text == "Résumé." and doc.meta["teaser"]
    (doc,) = read_documents([str(feed)], budget=Budget(follow_links=True))
    assert doc.url == f"{server.url}/14.html" and "marché numéro 14" in doc.text
