"""Readers: paths, folders and URLs in, ``RawDocument``s (or ``ReadError``s) out.

The format is chosen by content, not only by extension. Bad input never stops a batch: it becomes
a ``ReadError`` naming the input and the reason, and the caller goes on. Every reader works under a
``Budget`` (bytes after every decompression layer, JSON nesting, characters per article, seconds
per URL): ``base`` holds the shared pieces, ``formats`` the content sniffing and the text, HTML,
JSON and feed readers, ``warc`` the archives, ``sources`` files, folders and URLs.
"""

from __future__ import annotations

from collections.abc import Iterator

from veille.readers.base import (
    DEFAULT_MAX_BYTES,
    Budget,
    BudgetExceeded,
    RawDocument,
    ReadError,
    decode,
    looks_binary,
    printable,
    skipped_count,
)
from veille.readers.formats import read_bytes as _read_bytes
from veille.readers.sources import guarded, iter_paths, read_documents, read_file, read_url, with_listed_urls


def read_bytes(content: bytes, origin: str, path: str | None = None, url: str | None = None,
               budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    """The documents in ``content`` (an upload, a fetched page), behind the same guard as files."""
    return guarded(lambda: _read_bytes(content, origin, path=path, url=url, budget=budget), origin)


__all__ = [
    "DEFAULT_MAX_BYTES", "Budget", "BudgetExceeded", "RawDocument", "ReadError", "decode", "guarded",
    "iter_paths", "looks_binary", "printable", "read_bytes", "read_documents", "read_file", "read_url", "skipped_count",
    "with_listed_urls",
]
