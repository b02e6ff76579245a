"""veille.readers.warc: WARC archives read record by record."""

from __future__ import annotations

import gzip

from hostile import http_response, warc_record
from veille.readers.base import Budget, RawDocument, ReadError
from veille.readers.warc import is_warc, read_warc, size_limit

PAGE = "<html><head><title>Le pont rouvre</title></head><body><p>Le pont de Valmorin rouvre samedi.</p></body></html>"


def test_a_warc_is_known_plain_or_gzipped_and_gets_the_archive_budget() -> None:
    record = warc_record(http_response(PAGE.encode()))
    assert is_warc(record) and is_warc(gzip.compress(record))
    assert not is_warc(PAGE.encode()) and not is_warc(gzip.compress(PAGE.encode()))
    budget = Budget(max_bytes=1000, archive_bytes=5000)
    assert size_limit(record, budget) == 5000 and size_limit(PAGE.encode(), budget) == 1000


def test_each_response_record_is_one_document() -> None:
    content = warc_record(http_response(PAGE.encode()), url="https://exemple.invalid/a") + warc_record(
        http_response(PAGE.replace("samedi", "lundi").encode()), url="https://exemple.invalid/b")
    out = list(read_warc(content, "pages.warc", "pages.warc"))
    assert all(isinstance(d, RawDocument) for d in out)
    assert [d.url for d in out] == ["https://exemple.invalid/a", "https://exemple.invalid/b"]
    assert "lundi" in out[1].text and out[0].kind == "html"


def test_a_record_over_the_document_budget_is_one_error() -> None:
    big = warc_record(http_response(("<p>" + "mot " * 2000 + "</p>").encode()))
    out = list(read_warc(big, "gros.warc", "gros.warc", Budget(max_bytes=1000, archive_bytes=100_000)))
    assert len(out) == 1 and isinstance(out[0], ReadError)
