"""WARC archives (plain or gzipped): every HTML response record, each under the budget.

The archive is streamed, never inflated whole: the gzip layer counts what it inflates against the
archive budget, and each record's payload (after its own HTTP ``Content-Encoding``) is read in
chunks against the per-document budget. A broken record is one error; the records read before it
are kept."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from veille.common.html_tree import PARSED_KEY
from veille.readers.base import (
    GZIP_MAGIC,
    Budget,
    BudgetExceeded,
    GunzipStream,
    RawDocument,
    ReadError,
    checked_page,
    decode,
    skipped_note,
)

_CHUNK = 64 * 1024


def is_warc(head: bytes) -> bool:
    """Whether bytes opening a file are a WARC archive, plain or gzipped (a crawl's archive is
    read under the archive budget, each of its records under the document budget)."""
    if head.startswith(b"WARC/"):
        return True
    if head[:2] != GZIP_MAGIC:
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head[:65536], 16)[:5] == b"WARC/"
    except zlib.error:
        return False


def size_limit(head: bytes, budget: Budget) -> int:
    """The most bytes an input opening with ``head`` may hold: the archive budget for a WARC,
    the document budget for anything else."""
    return max(budget.archive_bytes, budget.max_bytes) if is_warc(head) else budget.max_bytes


def _read_payload(stream: Any, limit: int) -> bytes:
    chunks, total = [], 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise BudgetExceeded(f"record too large once decoded: over the limit of {limit} bytes")
        chunks.append(chunk)


def _archive_iterator(stream: Any) -> Any:
    """warcio's iterator, quiet: it writes a three-line warning on stderr for each record not
    where its Content-Length says; the count (``err_count``) is reported as one error instead."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietIterator(ArchiveIterator):
        INC_RECORD = ""

    return QuietIterator(stream)


def _load_failure(exc: Exception, index: int) -> str:
    """One line for an archive warcio cannot go on reading (its own message when it has one, not
    the internal error of a header it choked on)."""
    if exc.__class__.__name__ == "ArchiveLoadFailed":
        return f"malformed WARC after record {index}: {str(exc).strip()}"
    return f"malformed WARC: record {index + 1} has an invalid or incomplete header"


def _status(record: Any) -> int | None:
    """The HTTP status of a response record (None when it has no HTTP header or no number)."""
    try:
        return int(record.http_headers.get_statuscode()) if record.http_headers else None
    except (TypeError, ValueError):
        return None


def _bad_length(record: Any) -> str | None:
    """The record's Content-Length when it is not a byte count: warcio then reads the block from
    a wrong place and reports the next header as a broken record, hiding the real fault."""
    value = (record.rec_headers.get_header("Content-Length") or "").strip()
    return None if not value or value.isdigit() else value


def _truncated(record: Any) -> bool:
    """The record's block ends before its Content-Length: the archive was cut in it."""
    raw = record.raw_stream
    return getattr(raw, "limit", 0) > 0 and not raw.read(1)


def read_warc(content: bytes, origin: str, path: str | None,
              budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    """Every HTML response record of a WARC (``content`` plain or gzipped); with
    ``budget.note_skipped``, then one note (``skipped_note``) counting the records read that are no
    HTML page, by kind (also when a broken record stopped the reading: the records before it)."""
    budget = budget or Budget()
    kinds: dict[str, int] = {}
    read = [0]
    yield from _records(content, origin, path, budget, kinds, read)
    if budget.note_skipped and kinds:
        yield skipped_note(origin, sum(kinds.values()), kinds, read[0])


def _skipped_kind(record: Any) -> str | None:
    """What a record is when it is no HTML page to read: its WARC type (request, warcinfo,
    metadata, revisit…), a response's media type ("image/png"), or "redirect"; None for a page."""
    if record.rec_type != "response":
        return record.rec_type or "untyped"
    ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if ctype and "html" not in ctype:
        return ctype.split(";", 1)[0].strip().lower() or "untyped"
    status = _status(record)
    return "redirect" if status is not None and 300 <= status < 400 else None


def _records(content: bytes, origin: str, path: str | None, budget: Budget,
             kinds: dict[str, int], read: list[int]) -> Iterator[RawDocument | ReadError]:
    """``read_warc``'s records; each one that is no page counted in ``kinds``, each read in ``read[0]``."""
    gz = GunzipStream(content, budget.archive_bytes, cut_ends=True) if content[:2] == GZIP_MAGIC else None
    stream: Any = io.BufferedReader(gz, _CHUNK) if gz is not None else io.BytesIO(content)
    found = 0
    decoded = 0
    archive = _archive_iterator(stream)
    records = iter(archive)
    index = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except BudgetExceeded as exc:
            yield ReadError(origin, str(exc))
            return
        except Exception as exc:  # warcio raises many kinds on a broken archive
            cut = gz is not None and gz.cut
            yield ReadError(origin, f"{gz.cut}: the archive ends inside record {index + 1}, the records before it "
                                    "are kept" if cut else _load_failure(exc, index))
            return
        index += 1
        read[0] = index
        bad_length = _bad_length(record)
        if bad_length is not None:
            yield ReadError(origin, f"malformed WARC: record {index} has Content-Length {bad_length!r}, "
                                    "not a byte count; it and the records after it are not read")
            return
        try:
            kind = _skipped_kind(record)  # (a redirect: the page it leads to is a record of its own)
            if kind is not None:
                kinds[kind] = kinds.get(kind, 0) + 1
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#{url}" if url else f"{origin}#{index}"
            status = _status(record)
            if status is not None and status >= 400:
                found += 1
                yield ReadError(where, f"HTTP {status} response in the archive, no article")
                continue
            found += 1
            body = _read_payload(record.content_stream(), budget.max_bytes)
            if _truncated(record):
                cause = f" ({gz.cut})" if gz is not None and gz.cut else ""
                yield ReadError(where, f"truncated WARC record: the archive ends inside it{cause} (not stored)")
                return
        except BudgetExceeded as exc:
            yield ReadError(origin, f"record {index}: {exc}")
            return  # the rest of a bomb is not worth inflating
        except Exception as exc:
            yield ReadError(origin, f"record {index}: malformed WARC record: {exc.__class__.__name__}: {exc}")
            return  # the stream position is unknown after a broken record
        decoded += len(body)
        if decoded > budget.archive_bytes:
            yield ReadError(origin, f"too large once decompressed: over the limit of {budget.archive_bytes} bytes")
            return
        doc = _html_record(body, where, url, record, path, budget.max_chars)
        yield doc
    if gz is not None and gz.cut:
        yield ReadError(origin, f"{gz.cut}: the archive ends there, the records before it are kept")
        return
    if archive.err_count:
        yield ReadError(origin, f"malformed WARC: {archive.err_count} record(s) not where their Content-Length "
                                "says (a record may be cut short or run into the next)")
    if not found:
        yield ReadError(origin, "WARC holds no HTML response")


def _html_record(body: bytes, where: str, url: str | None, record: Any, path: str | None,
                 max_chars: int | None = None) -> RawDocument | ReadError:
    try:
        html = decode(body)
    except ValueError as exc:
        return ReadError(where, str(exc))
    html, problem, parsed = checked_page(html, max_chars)
    if problem:
        return ReadError(where, problem)
    meta: dict[str, Any] = {"url": url} if url else {}
    meta[PARSED_KEY] = parsed
    stamp = record.rec_headers.get_header("WARC-Date")
    if stamp:
        meta["crawl_date"] = stamp[:10]
    return RawDocument(where, body, "html", html, path=path, url=url, meta=meta)
