"""Readers: every format from small files written here, and every kind of bad input.

The texts are invented for the tests."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from veille.readers import DEFAULT_MAX_BYTES, RawDocument, ReadError, read_bytes, read_documents

ARTICLE = ("Les bibliothèques de Rennes ouvriront le dimanche dès septembre\n\n"
           "Les six bibliothèques de Rennes ouvriront désormais le dimanche après-midi, a annoncé "
           "mercredi la municipalité, qui promet d'embaucher douze agents.\n")

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Nouvelle ligne de bus à Limoges</title>
<meta property="article:published_time" content="2024-05-02">
</head><body><article><h1>Nouvelle ligne de bus à Limoges</h1>
<p>Une nouvelle ligne de bus reliera la gare de Limoges au campus universitaire à partir de la rentrée, a annoncé jeudi l'agglomération.</p>
</article></body></html>"""


def read_all(*paths: Path | str, **kw) -> tuple[list[RawDocument], list[ReadError]]:
    docs, errors = [], []
    for item in read_documents([str(p) for p in paths], **kw):
        (errors if isinstance(item, ReadError) else docs).append(item)
    return docs, errors


def test_text_dump(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    docs, errors = read_all(f)
    assert not errors and len(docs) == 1
    assert docs[0].kind == "text" and docs[0].text == ARTICLE and docs[0].path == str(f)


def test_html_is_recognised_by_content_not_extension(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_text(PAGE, encoding="utf-8")
    docs, errors = read_all(f)
    assert not errors and docs[0].kind == "html"


def test_same_bytes_same_id(tmp_path: Path) -> None:
    from veille.model import article_id

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE, encoding="utf-8")
    docs, _ = read_all(a, b)
    assert article_id(docs[0].content) == article_id(docs[1].content)


def test_jsonl_with_a_bad_line_continues(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"title": "Un", "text": "Premier texte.", "date": "2024-01-03", "url": "https://ex.invalid/1"}),
        '{"title": "Deux", "text": "cassé',
        json.dumps({"title": "Trois", "html": "<p>Troisième texte en HTML.</p>"}),
        json.dumps({"title": "Quatre"}),
        json.dumps(["pas", "un", "objet"]),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read_all(f)
    assert [d.meta.get("title") for d in docs] == ["Un", "Trois"]
    assert docs[0].kind == "record" and docs[0].meta["date"] == "2024-01-03"
    assert docs[0].url == "https://ex.invalid/1"
    assert docs[1].kind == "html"
    assert [e.origin for e in errors] == [f"{f}:2", f"{f}:4", f"{f}:5"]
    assert "malformed JSON line" in errors[0].reason
    for e in errors:
        assert "\n" not in str(e) and str(f) in str(e)


def test_json_document_with_a_list_of_articles(tmp_path: Path) -> None:
    f = tmp_path / "export.json"
    f.write_text(json.dumps([{"title": "A", "text": "Texte A."}, {"title": "B", "text": "Texte B."}], indent=2),
                 encoding="utf-8")
    docs, errors = read_all(f)
    assert not errors and [d.meta["title"] for d in docs] == ["A", "B"]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Flux exemple</title>
<item><title>Les marchés de Noël ouvrent à Colmar</title><link>https://ex.invalid/noel</link>
<pubDate>Fri, 24 Nov 2023 08:00:00 +0100</pubDate>
<description><![CDATA[<p>Les marchés de Noël de Colmar ouvrent vendredi avec plus de cent exposants venus de toute l'Alsace.</p>]]></description></item>
<item><title>Sans contenu</title><link>https://ex.invalid/vide</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom exemple</title>
<entry><title>Un pont rouvert à Nantes</title><link href="https://ex.invalid/pont"/><id>urn:x:1</id>
<updated>2023-10-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;Le pont de la Rotonde a rouvert lundi après huit mois de travaux.&lt;/p&gt;</content></entry>
</feed>"""


def test_json_record_with_markdown_field(tmp_path: Path) -> None:
    record = {"url": "https://exemple.test/a", "markdown": "# Un titre inventé\n\n" + ARTICLE}
    f = tmp_path / "export.jsonl"
    f.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    docs, errors = read_all(f)
    assert not errors and docs[0].kind == "record" and "bibliothèques" in docs[0].text


def test_rss_feed(tmp_path: Path) -> None:
    f = tmp_path / "flux.xml"
    f.write_text(RSS, encoding="utf-8")
    docs, errors = read_all(f)
    assert len(docs) == 2 and docs[0].kind == "html"
    # A summary without content: a teaser of its link, which --follow-links reads instead.
    assert docs[0].meta == {"title": "Les marchés de Noël ouvrent à Colmar", "url": "https://ex.invalid/noel",
                            "date": "2023-11-24", "teaser": True}
    # An entry with a link and nothing else is a teaser too (--follow-links reads its page; without
    # it the clean stage names the link and stores nothing); before, a reader error that
    # --follow-links never followed. With no link either, it stays an error.
    assert docs[1].text == "" and docs[1].meta == {"title": "Sans contenu", "url": "https://ex.invalid/vide",
                                                   "teaser": True}
    assert not errors
    f.write_text(RSS.replace("<link>https://ex.invalid/vide</link>", ""), encoding="utf-8")
    docs, errors = read_all(f)
    assert len(docs) == 1 and len(errors) == 1 and "no content and no link" in errors[0].reason


def test_atom_feed(tmp_path: Path) -> None:
    f = tmp_path / "flux.atom"
    f.write_text(ATOM, encoding="utf-8")
    docs, errors = read_all(f)
    assert not errors and docs[0].meta["date"] == "2023-10-02" and docs[0].url == "https://ex.invalid/pont"


def _warc(gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for url, ctype, body in [
        ("https://ex.invalid/limoges", "text/html; charset=utf-8", PAGE.encode("utf-8")),
        ("https://ex.invalid/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                           warc_headers_dict={"WARC-Date": "2024-05-03T12:00:00Z"})
        writer.write_record(record)
    return buf.getvalue()


@pytest.mark.parametrize("gzip", [False, True])
def test_warc(tmp_path: Path, gzip: bool) -> None:
    f = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    f.write_bytes(_warc(gzip))
    docs, errors = read_all(f)
    assert not errors and len(docs) == 1
    assert docs[0].kind == "html" and docs[0].url == "https://ex.invalid/limoges"
    assert docs[0].meta["crawl_date"] == "2024-05-03"


def test_gzipped_text_is_read(tmp_path: Path) -> None:
    import gzip

    f = tmp_path / "a.txt.gz"
    f.write_bytes(gzip.compress(ARTICLE.encode("utf-8")))
    docs, errors = read_all(f)
    assert not errors and docs[0].kind == "text" and docs[0].text == ARTICLE


def test_warc_without_html_is_an_error(tmp_path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    writer.write_record(writer.create_warc_record("https://ex.invalid/", "warcinfo",
                                                  payload=io.BytesIO(b"software: test\r\n")))
    f = tmp_path / "info.warc"
    f.write_bytes(buf.getvalue())
    docs, errors = read_all(f)
    assert not docs and "no HTML" in errors[0].reason


@pytest.mark.parametrize("name,content,reason", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n \t\n", "empty"),
    ("noise.txt", bytes([0x81, 0x8d, 0x41, 0x9d, 0xff, 0xfe, 0x42]) * 40, "undecodable"),
    ("tags.html", b"<html><body><div><span></span></div></body></html>", "malformed HTML"),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", "malformed HTML"),
    ("broken.gz", b"\x1f\x8b\x08\x00garbage", "malformed gzip"),
])
def test_bad_input_is_one_line_error(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    docs, errors = read_all(f)
    assert not docs and len(errors) == 1
    msg = str(errors[0])
    assert reason in msg and str(f) in msg and "\n" not in msg


def test_latin1_french_text_is_read(tmp_path: Path) -> None:
    f = tmp_path / "ancien.txt"
    f.write_bytes(ARTICLE.encode("latin-1"))
    docs, errors = read_all(f)
    assert not errors and docs[0].text == ARTICLE


def test_utf8_page_with_a_few_stray_bytes_keeps_its_text(tmp_path: Path) -> None:
    raw = ARTICLE.encode("utf-8")
    cut = raw.index("é".encode()) + 1
    f = tmp_path / "coupe.txt"
    f.write_bytes(raw[:cut] + raw[cut + 1:])  # one multibyte character cut in half, as a text browser can
    docs, errors = read_all(f)
    assert not errors and "\ufffd" in docs[0].text
    assert docs[0].text.replace("\ufffd", "") != ARTICLE and len(docs[0].text) >= len(ARTICLE) - 1


def test_a_dump_with_icon_glyphs_outside_unicode_keeps_its_text(tmp_path: Path) -> None:
    # elinks writes each icon-font glyph as one six-byte sequence of the old UTF-8 form
    icon = bytes([0xFD, 0xBF, 0xBF, 0xBD, 0xA3, 0xAD])
    menu = b" ".join(icon + b" Rubrique" for _ in range(12)) + b"\n\n"
    f = tmp_path / "elinks.txt"
    body = ARTICLE * 30  # a 7 KB page: twelve icons in its menu
    f.write_bytes(menu + body.encode("utf-8"))
    docs, errors = read_all(f)
    assert not errors and docs[0].text.endswith(body)


def test_latin1_is_not_taken_for_broken_utf8(tmp_path: Path) -> None:
    f = tmp_path / "ancien2.txt"
    f.write_bytes((ARTICLE + " Noël à Besançon.").encode("latin-1"))
    docs, errors = read_all(f)
    assert not errors and "\ufffd" not in docs[0].text and "Besançon" in docs[0].text


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"')
    f = tmp_path / "vieux.html"
    f.write_bytes(page.encode("latin-1"))
    docs, errors = read_all(f)
    assert not errors and "agglomération" in docs[0].text


def test_size_limit_default_and_configurable(tmp_path: Path) -> None:
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024
    f = tmp_path / "long.txt"
    f.write_text(ARTICLE * 20, encoding="utf-8")
    docs, errors = read_all(f, max_bytes=1000)
    assert not docs and "too large" in errors[0].reason
    docs, errors = read_all(f)
    assert docs and not errors


def test_folder_recursive_and_batch_continues(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "sub" / "deeper" / "d.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "hidden.txt").write_text(ARTICLE, encoding="utf-8")
    docs, errors = read_all(tmp_path)
    assert [Path(d.path).name for d in docs] == ["a.txt", "b.html", "d.txt"]
    assert len(errors) == 1 and errors[0].origin.endswith("c.bin")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    docs, errors = read_all(tmp_path / "absent.txt")
    assert not docs and "cannot open" in errors[0].reason


def test_read_bytes_for_uploads() -> None:
    items = list(read_bytes(PAGE.encode("utf-8"), "upload:page", url="https://ex.invalid/p"))
    assert len(items) == 1 and isinstance(items[0], RawDocument) and items[0].url == "https://ex.invalid/p"


def test_end_to_end_extract_keeps_going_after_bad_files(tmp_path: Path) -> None:
    """Readers, clean and metadata through the real pipeline (a blank spaCy, no doc stage)."""
    import spacy

    from veille.pipeline import Pipeline

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    pipe = Pipeline(nlp=spacy.blank("fr"), doc_stages=[],
                    text_stages=["veille.clean:CleanStage", "veille.metadata:MetadataStage"])
    errors: list[ReadError] = []
    arts = list(pipe.extract([str(tmp_path)], on_error=errors.append))
    assert [a.title for a in arts] == ["Les bibliothèques de Rennes ouvriront le dimanche dès septembre",
                                       "Nouvelle ligne de bus à Limoges"]
    assert arts[0].published is None  # nothing dates it: never the ingestion time
    assert arts[1].published == "2024-05-02" and arts[1].published_from == "metadata"
    assert len(errors) == 1 and errors[0].origin.endswith("b.txt")


@pytest.fixture()
def local_site(tmp_path: Path):
    """A real HTTP server on localhost serving ``tmp_path`` (no network needed)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_urls(local_site, monkeypatch) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    root, base = local_site
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "big.txt").write_text(ARTICLE * 50, encoding="utf-8")
    docs, errors = read_all(f"{base}/page.html", f"{base}/absent.html", f"{base}/big.txt", max_bytes=5000)
    assert len(docs) == 1 and docs[0].kind == "html" and docs[0].url == f"{base}/page.html"
    assert [e.origin for e in errors] == [f"{base}/absent.html", f"{base}/big.txt"]
    assert "HTTP 404" in errors[0].reason and "too large" in errors[1].reason


def test_jsonl_records_with_other_common_field_names(tmp_path):
    import json as _json

    from veille.readers import RawDocument as _Raw
    from veille.readers import read_documents as _read

    rows = [
        {"headline": "Titre inventé", "body": "La ministre fictive Anne Roux a parlé à Nantes.",
         "date_publish": "2023-04-02", "source_domain": "exemple.invalid"},
        {"titre": "Autre titre", "content": "<p>Le maire fictif Paul Arnaudet a visité Lyon.</p>"},
        {"title": "Sans texte", "summary_only": "rien"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(_json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    got = list(_read([path]))
    first, second, third = got
    assert isinstance(first, _Raw) and first.kind == "record"
    assert first.meta == {"title": "Titre inventé", "date": "2023-04-02", "site": "exemple.invalid"}
    assert isinstance(second, _Raw) and second.kind == "html" and second.meta["title"] == "Autre titre"
    assert not isinstance(third, _Raw) and "no article text" in str(third) and ":3" in str(third)
