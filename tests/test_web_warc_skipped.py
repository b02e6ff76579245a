"""An uploaded WARC's records that are no HTML page are said, through a real `veille serve`: the
upload page counts them and says why in French, `/api/ingest` gives them in `records_skipped`
(the English reason beside its French), and none of them is a failure or a row of `failures`.

The archive is written with warcio from an invented page, images, a request and a style sheet."""

from __future__ import annotations

import io
import re
import sqlite3

import httpx
import pytest

from commands_support import veille_serve
from veille.web.reasons import in_french

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>Publié le 12 avril 2025</p>
<p>Le conseil municipal de Brennec a voté jeudi la rénovation du vieux lavoir, a annoncé la maire,
Odile Carvenn, qui promet un chantier court et un jardin ouvert aux écoles dès l'automne.</p>
<p>Les riverains de la rue des Saules ont demandé une réunion publique pour connaître le calendrier,
a précisé leur association, dont le président, Yann Morvezen, suit le dossier depuis deux ans.</p>
</article></body></html>"""


def _warc(title: str, images: int) -> bytes:
    """An archive of a request and an HTML response for one page, ``images`` PNG responses and a
    style sheet: ``images + 2`` records that are no page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)

    def response(url: str, ctype: str, body: bytes) -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2025-04-12T09:00:00Z"}))

    url = "https://brennec.invalid/lavoir"
    request = StatusAndHeaders("GET /lavoir HTTP/1.1", [("Host", "brennec.invalid")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
    response(url, "text/html; charset=utf-8", PAGE.format(title=title).encode("utf-8"))
    for n in range(images):
        response(f"https://brennec.invalid/photo-{n}.png", "image/png", b"\x89PNG\r\n\x1a\n\x00" + bytes([n]))
    response("https://brennec.invalid/site.css", "text/css", b"p { color: teal }")
    return buf.getvalue()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`veille serve` on a free port (a real process: uvicorn, the guard, the templates), and its store."""
    db = tmp_path_factory.mktemp("serve") / "web.db"
    with veille_serve(str(db)) as base:
        yield base, db


def test_the_api_gives_the_skipped_records_beside_the_article(served):
    base, db = served
    files = [("files", ("brennec.warc", _warc("Brennec rénove son lavoir", images=5)))]
    res = httpx.post(base + "/api/ingest", files=files, timeout=300)
    assert res.status_code == 200
    body = res.json()
    assert len(body["added"]) == 1 and body["failed"] == []
    [note] = body["records_skipped"]
    assert note["file"] == "brennec.warc" and note["count"] == 7  # the request, 5 images, the style sheet
    assert note["reason"] == "7 of 8 WARC record(s), not HTML pages (5 image/png, 1 request, 1 text/css)"
    assert note["reason_fr"] == in_french(note["reason"]) != note["reason"]
    assert note["reason_fr"].startswith("7 des 8 enregistrements du WARC ne sont pas des pages HTML")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 0


def test_the_upload_page_says_how_many_and_why_in_french(served):
    base, _ = served
    files = [("files", ("saules.warc", _warc("Les riverains des Saules veulent une réunion", images=2))),
             ("files", ("vide.txt", b""))]
    page = httpx.post(base + "/importer", files=files, timeout=300)
    assert page.status_code == 200
    summary = re.search(r'<p class="summary" id="result-summary">(.*?)</p>', page.text, re.S).group(1)
    assert " ".join(summary.split()) == ("1 ajouté(s), 0 déjà présent(s), 1 en échec. "
                                         "4 enregistrement(s) de WARC laissé(s) : pas des pages HTML.")
    [line] = re.findall(r'<li class="records-skipped">([^<]*)</li>', page.text)
    assert line == ("Laissés : saules.warc — 4 des 5 enregistrements du WARC ne sont pas des pages HTML "
                    "(2 image/png, 1 requête(s), 1 text/css)")
    assert "not HTML pages" not in page.text
    assert re.findall(r'<li class="failed">([^<]*)</li>', page.text) == ["Échec : vide.txt — fichier vide"]


def test_an_upload_without_a_warc_says_nothing_of_records(served):
    base, _ = served
    page = httpx.post(base + "/importer", files=[("files", ("rien.txt", b"   "))], timeout=120)
    assert "enregistrement(s) de WARC" not in page.text and "records-skipped" not in page.text
    api = httpx.post(base + "/api/ingest", files=[("files", ("rien.txt", b"   "))], timeout=120).json()
    assert api["records_skipped"] == []

