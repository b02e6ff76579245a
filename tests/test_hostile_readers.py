"""Issue 17, the readers: every hostile input becomes one error naming it, never a traceback, a
hang or a bomb in memory; the documents read before it are kept. Hostile files are generated here
(tests/hostile.py); every text is invented."""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile import (
    FEED,
    FEED_TITLE,
    GIB,
    GOOD_A,
    GOOD_B,
    PAGE,
    deep_json,
    deep_jsonl,
    http_response,
    long_article,
    warc_bomb,
    warc_payload_bomb,
    warc_record,
    zeros_gzip,
)
from veille.readers import Budget, RawDocument, ReadError, guarded, read_bytes, read_documents


def read_all(*paths: Path | str, **kw) -> tuple[list[RawDocument], list[ReadError]]:
    docs, errors = [], []
    for item in read_documents([str(p) for p in paths], **kw):
        (errors if isinstance(item, ReadError) else docs).append(item)
    return docs, errors


def one_error(tmp_path: Path, name: str, content: bytes, **kw) -> ReadError:
    f = tmp_path / name
    f.write_bytes(content)
    docs, errors = read_all(f, **kw)
    assert not docs and len(errors) == 1, (docs, errors)
    assert errors[0].origin in (str(f), f"{f}:1") and "\n" not in str(errors[0])
    return errors[0]


# -- the crashers: each was a traceback that stopped the batch -------------------------------------


def test_gzip_magic_that_is_not_gzip(tmp_path):
    err = one_error(tmp_path, "faux.gz", b"\x1f\x8b" + b"pas du tout compresse " * 20)
    assert "malformed gzip" in err.reason


def test_warc_response_without_target_url(tmp_path):
    good = warc_record(http_response(PAGE.encode()))
    f = tmp_path / "sans-url.warc"
    f.write_bytes(good + warc_record(http_response(PAGE.encode()), url=None))
    docs, errors = read_all(f)
    assert len(docs) == 1 and docs[0].url == "https://exemple.invalid/page"  # the record before is kept
    assert len(errors) == 1 and "malformed WARC" in errors[0].reason


@pytest.mark.parametrize("name,content", [("profond.json", deep_json()), ("profond.jsonl", deep_jsonl()),
                                          ("objets.json", b'{"a":\n' * 50_000 + b"1" + b"}" * 50_000)])
def test_json_nested_100k_levels(tmp_path, name, content):
    err = one_error(tmp_path, name, content)
    assert "nested deeper than 100 levels" in err.reason


def test_article_over_the_parser_limit(tmp_path):
    err = one_error(tmp_path, "long.txt", long_article())
    assert "too long for the parser" in err.reason and "1000000" in err.reason


def test_long_article_in_a_jsonl_line(tmp_path):
    line = json.dumps({"title": "Long", "text": long_article().decode()}) + "\n"
    f = tmp_path / "long.jsonl"
    f.write_text(json.dumps({"text": GOOD_A}) + "\n" + line, encoding="utf-8")
    docs, errors = read_all(f)
    assert len(docs) == 1 and len(errors) == 1 and errors[0].origin.endswith(":2")


def test_non_utf8_file_name_is_read_and_named_printably(tmp_path):
    name = os.fsdecode(b"d\xe9p\xeache.txt")  # Latin-1 bytes in a file name: surrogates in Python
    (tmp_path / name).write_text(GOOD_A, encoding="utf-8")
    (tmp_path / (name + ".vide")).write_bytes(b"")
    docs, errors = read_all(tmp_path)
    assert len(docs) == 1 and len(errors) == 1
    for text in (docs[0].origin, docs[0].path, str(errors[0])):
        text.encode("utf-8")  # printable and storable: no lone surrogate left
    assert "\\xe9" in docs[0].origin


# -- bombs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [2 * GIB])
def test_warc_gz_bomb_is_refused_quickly(tmp_path, size):
    start = time.monotonic()
    err = one_error(tmp_path, "bombe.warc.gz", warc_bomb(size))
    assert "too large once decoded" in err.reason or "too large once decompressed" in err.reason
    assert time.monotonic() - start < 20


def test_warc_with_compressed_http_payload_bomb(tmp_path):
    err = one_error(tmp_path, "bombe.warc", warc_payload_bomb())
    assert "too large once decoded" in err.reason


def test_gzip_bomb_of_text_and_max_bytes_after_decompression(tmp_path):
    err = one_error(tmp_path, "zeros.txt.gz", zeros_gzip(GIB))
    assert "too large once decompressed" in err.reason
    err = one_error(tmp_path, "petit.txt.gz", gzip.compress(GOOD_A.encode() * 40), max_bytes=2000)
    assert "too large once decompressed: over the limit of 2000 bytes" in err.reason


def test_warc_archive_budget_counts_every_record(tmp_path):
    page = PAGE.encode()
    f = tmp_path / "beaucoup.warc"
    f.write_bytes(b"".join(warc_record(http_response(page), url=f"https://exemple.invalid/{i}") for i in range(5)))
    docs, errors = read_all(f, budget=Budget(archive_bytes=3 * len(page) + 10))
    assert len(docs) == 3 and len(errors) == 1 and "too large" in errors[0].reason


def test_gzip_inside_gzip_is_refused(tmp_path):
    err = one_error(tmp_path, "double.gz", gzip.compress(gzip.compress(GOOD_A.encode())))
    assert "nested compression" in err.reason


# -- misread formats -----------------------------------------------------------------------------------


def test_jsonl_with_a_malformed_first_line_keeps_its_records(tmp_path):
    f = tmp_path / "export.jsonl"
    lines = ['{"title": "coupé", "text": "la suite manque', json.dumps({"text": GOOD_A}), json.dumps({"text": GOOD_B})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read_all(f)
    assert [d.text for d in docs] == [GOOD_A, GOOD_B]
    assert len(errors) == 1 and errors[0].origin.endswith(":1") and "malformed JSON line" in errors[0].reason


@pytest.mark.parametrize("prolog", ['<?xml-stylesheet type="text/xsl" href="f.xsl"?>', "<!-- un commentaire -->",
                                    "<!DOCTYPE rss>", '<!DOCTYPE rss [<!ENTITY e "x">]>'])
def test_feed_with_a_prolog_is_a_feed(tmp_path, prolog):
    body = FEED.split("\n", 4)[4]  # the <rss> element
    f = tmp_path / "flux.xml"
    f.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + prolog + "\n" + body, encoding="utf-8")
    docs, errors = read_all(f)
    assert not errors and len(docs) == 1 and docs[0].meta["title"] == FEED_TITLE and docs[0].kind == "html"


def test_full_prolog_feed(tmp_path):
    (tmp_path / "flux.xml").write_text(FEED, encoding="utf-8")
    docs, errors = read_all(tmp_path / "flux.xml")
    assert not errors and [d.meta["title"] for d in docs] == [FEED_TITLE]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_text(tmp_path, encoding):
    f = tmp_path / "windows.txt"
    f.write_bytes(GOOD_A.encode(encoding))
    docs, errors = read_all(f)
    assert not errors and docs[0].kind == "text" and docs[0].text.strip() == GOOD_A.strip()


def test_multi_member_gzip_keeps_every_member(tmp_path):
    f = tmp_path / "deux.txt.gz"
    f.write_bytes(gzip.compress(GOOD_A.encode()) + gzip.compress(GOOD_B.encode()))
    docs, errors = read_all(f)
    assert not errors and docs[0].text == GOOD_A + GOOD_B


def test_exported_veille_record_is_read_again():
    record = {"id": "0123456789abcdef", "title": "Titre inventé", "published": "2024-06-04",
              "paragraphs": ["Premier paragraphe inventé.", "Second paragraphe inventé."],
              "source": {"path": "a.txt", "url": "https://exemple.invalid/a", "site": "exemple.invalid"}}
    (doc,) = list(read_bytes((json.dumps(record) + "\n").encode(), "export.jsonl"))
    assert isinstance(doc, RawDocument) and doc.kind == "record"
    assert doc.text == "Premier paragraphe inventé.\n\nSecond paragraphe inventé."
    assert doc.meta == {"title": "Titre inventé", "date": "2024-06-04", "url": "https://exemple.invalid/a",
                        "site": "exemple.invalid"}


# -- things that are not files, folders that hide things -----------------------------------------------


def test_dev_zero_is_refused_not_read(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    docs, errors = read_all("/dev/zero")
    assert not docs and "not a regular file" in errors[0].reason


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    result: list = []
    worker = threading.Thread(target=lambda: result.append(read_all(fifo)), daemon=True)
    worker.start()
    worker.join(10)
    assert result, "reading a FIFO blocked"
    docs, errors = result[0]
    assert not docs and "not a regular file" in errors[0].reason


def test_dangling_link_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "mort.txt").symlink_to(tmp_path / "absent.txt")
    docs, errors = read_all(tmp_path)
    assert len(docs) == 1 and len(errors) == 1 and "dangling link" in errors[0].reason


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_sub_folder_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    locked = tmp_path / "ferme"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD_B, encoding="utf-8")
    locked.chmod(0)
    try:
        docs, errors = read_all(tmp_path)
    finally:
        locked.chmod(0o755)
    assert len(docs) == 1 and len(errors) == 1 and "cannot read folder" in errors[0].reason


# -- a slow URL ----------------------------------------------------------------------------------------


@pytest.fixture()
def trickling_server():
    """A local HTTP server that sends one byte every 0.2 s, forever."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Trickle(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"a")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/lent"
    server.shutdown()
    server.server_close()


def test_slow_url_is_cut_off_by_the_total_time_budget(trickling_server, monkeypatch):
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    start = time.monotonic()
    docs, errors = read_all(trickling_server, budget=Budget(url_seconds=1.0))
    assert time.monotonic() - start < 5
    assert not docs and "too slow" in errors[0].reason


# -- the guard ------------------------------------------------------------------------------------------


def test_guard_keeps_documents_read_before_a_crash():
    def reader():
        yield RawDocument("x#0", b"a", "text", GOOD_A)
        raise KeyError("inattendu")

    items = list(guarded(reader, "x"))
    assert isinstance(items[0], RawDocument) and isinstance(items[1], ReadError)
    assert items[1].origin == "x" and "KeyError" in items[1].reason


def test_an_input_of_a_million_broken_records_stops_early():
    items = list(read_bytes(json.dumps([{}] * 1_000_000).encode(), "vides.json"))
    assert len(items) == 101 and all(isinstance(i, ReadError) for i in items)
    assert "the rest of this input is skipped" in items[-1].reason


# -- fuzzing -------------------------------------------------------------------------------------------

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _only_documents_and_one_line_errors(items: list) -> None:
    for item in items:
        assert isinstance(item, RawDocument | ReadError)
        if isinstance(item, ReadError):
            assert "\n" not in str(item) and str(item).encode("utf-8")


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_random_bytes(content):
    _only_documents_and_one_line_errors(list(read_bytes(content, "fuzz.bin")))


def _samples() -> list[bytes]:
    jsonl = (json.dumps({"title": "T", "text": GOOD_A}) + "\n" + json.dumps({"html": PAGE}) + "\n").encode()
    warc = warc_record(http_response(PAGE.encode()))
    return [jsonl, warc, gzip.compress(warc), gzip.compress(GOOD_A.encode()), FEED.encode(), PAGE.encode(),
            GOOD_A.encode("utf-16"), json.dumps([{"text": GOOD_A}, {"text": GOOD_B}], indent=1).encode()]


@FUZZ
@given(st.sampled_from(_samples()), st.floats(0, 1), st.binary(max_size=16))
def test_fuzz_truncated_and_spliced_inputs(sample, cut, noise):
    at = int(len(sample) * cut)
    _only_documents_and_one_line_errors(list(read_bytes(sample[:at] + noise, "fuzz.cut")))


@FUZZ
@given(st.integers(0, 3000), st.sampled_from(["[", '{"a":', '{"text":[']), st.booleans())
def test_fuzz_nesting(depth, opener, closed):
    closer = {"[": "]", '{"a":': "}", '{"text":[': "]}"}[opener]
    text = opener * depth + "1" + (closer * depth if closed else "")
    items = list(read_bytes(text.encode(), "fuzz.json"))
    _only_documents_and_one_line_errors(items)


def test_sniffing_a_page_full_of_comments_takes_linear_time():
    """A page with many comments before a root that is neither a feed nor HTML once made the
    prolog pattern backtrack for minutes; the scan reads it at once."""
    import time

    from veille.readers.formats import read_bytes

    content = b"<!DOCTYPE x>\n" + b"<!-- a -->\n<!-- b --> " * 3000 + b"plain words, no markup root\n"
    start = time.perf_counter()
    items = list(read_bytes(content, "comments.txt", "comments.txt"))
    assert time.perf_counter() - start < 2.0
    assert len(items) == 1


def test_a_feed_after_a_doctype_and_comments_is_still_a_feed():
    from veille.readers.formats import _after_prolog

    head = b'<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss [<!ENTITY x "y">]>\n<rss version="2.0">'
    assert _after_prolog(head).startswith(b"<rss")
    assert _after_prolog(b"  <!doctype html><html>").lower().startswith(b"<!doctype html")
