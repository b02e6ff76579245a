"""Readers: paths, folders and URLs in, ``RawDocument``s (or ``ReadError``s) out.

The format is chosen by content, not only by extension: a file that starts like HTML is read as
HTML whatever its name, a file whose lines are JSON objects as JSONL, and so on. Bad input never
stops a batch: it becomes a ``ReadError`` naming the file and the reason, and the caller goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >]|<meta|<title)", re.I)
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<rss|<feed|<rdf:RDF)", re.I)


@dataclass
class RawDocument:
    """One article as read, before any cleaning."""

    origin: str  # path, URL or "path#line" for a JSONL record: what error messages name
    content: bytes  # the bytes the article id is computed from
    kind: str  # "text" | "html" | "record"
    text: str  # decoded text (text dumps, records) or HTML source
    path: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # title, date, site given by the input


@dataclass
class ReadError:
    """Input that could not be read; ``str()`` is the one-line message shown to the user."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def iter_paths(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    """Expands folders recursively (sorted, hidden files skipped); URLs pass through."""
    for p in paths:
        s = str(p)
        if re.match(r"^https?://", s):
            yield s
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_documents(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | ReadError]:
    """Every document found under ``paths``, or the error that kept one from being read."""
    for item in iter_paths(paths):
        if isinstance(item, str):
            yield from read_url(item, max_bytes)
        else:
            yield from read_file(item, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | ReadError]:
    origin = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield ReadError(origin, f"cannot open: {exc.strerror or exc}")
        return
    if size > max_bytes:
        yield ReadError(origin, f"too large: {size} bytes, the limit is {max_bytes}")
        return
    try:
        content = path.read_bytes()
    except OSError as exc:
        yield ReadError(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(content, origin, path=origin)


def read_url(url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | ReadError]:
    import httpx

    try:
        with httpx.stream("GET", url, follow_redirects=True, timeout=20.0) as resp:
            if resp.status_code >= 400:
                yield ReadError(url, f"HTTP {resp.status_code}")
                return
            chunks, total = [], 0
            for chunk in resp.iter_bytes():
                total += len(chunk)
                if total > max_bytes:
                    yield ReadError(url, f"too large: over the limit of {max_bytes} bytes")
                    return
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        yield ReadError(url, f"cannot fetch: {exc.__class__.__name__}: {exc}")
        return
    yield from read_bytes(b"".join(chunks), url, url=url)


# Characters a French (or English/Spanish) text in Windows-1252/Latin-1 is made of, beyond ASCII.
_LATIN_TEXT = set("àâäáçéèêëíîïñóôöùúûüÿœæÀÂÄÁÇÉÈÊËÍÎÏÑÓÔÖÙÚÛÜŸŒÆ«»‘’“”–—…°€ ·¡¿ºª²³½¼")


def _plausible_latin(text: str) -> bool:
    """True when a Windows-1252 decoding reads as text: almost every non-ASCII character is an
    accented letter or typographic mark, not a symbol picked by chance from random bytes."""
    high = [c for c in text if ord(c) > 127]
    if not high:
        return True
    odd = sum(1 for c in high if c not in _LATIN_TEXT)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return odd <= 0.05 * len(high) and controls == 0


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM); a declared HTML/XML charset is honoured; a text that is not
    UTF-8 but reads as Windows-1252/Latin-1 (French accents, typographic quotes) is accepted,
    since older French sites and exports still use it. Raises ValueError."""
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = re.search(rb"""charset=["']?([\w-]+)|encoding=["']([\w-]+)""", content[:4096], re.I)
        if declared:
            name = (declared.group(1) or declared.group(2)).decode("ascii")
            try:
                return content.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible_latin(text):
            return text
        raise ValueError(f"undecodable: not UTF-8 nor Latin-1 text (invalid byte 0x{content[exc.start]:02x} "
                         f"at offset {exc.start})") from None


def looks_binary(content: bytes) -> bool:
    head = content[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


def read_bytes(content: bytes, origin: str, path: str | None = None, url: str | None = None) -> Iterator[RawDocument | ReadError]:
    """Sniffs the content and dispatches to the reader of its format."""
    if not content.strip():
        yield ReadError(origin, "empty file")
        return
    if content.startswith(b"WARC/"):
        yield from read_warc(content, origin, path)
        return
    if content[:2] == b"\x1f\x8b":  # gzip: a WARC, or any other format compressed
        try:
            inner = _gunzip(content, DEFAULT_MAX_BYTES)
        except (OSError, EOFError, ValueError) as exc:
            yield ReadError(origin, f"malformed gzip: {exc}")
            return
        if inner.startswith(b"WARC/"):
            yield from read_warc(content, origin, path)
        else:
            yield from read_bytes(inner, origin, path=path, url=url)
        return
    if looks_binary(content):
        yield ReadError(origin, "binary content, not text")
        return
    try:
        text = decode(content)
    except ValueError as exc:
        yield ReadError(origin, str(exc))
        return
    head = text.lstrip()[:1]
    if _FEED_START.match(content):
        yield from read_feed(text, origin, path)
    elif _HTML_START.match(content) or (path and Path(path).suffix.lower() in (".html", ".htm")):
        problem = _html_problem(text)
        if problem:
            yield ReadError(origin, problem)
        else:
            yield RawDocument(origin, content, "html", text, path=path, url=url)
    elif head in "{[" and _is_json_document(text):
        yield from read_json_document(text, origin, path)
    elif head == "{" and _is_jsonl(text):
        yield from read_jsonl(text, origin, path)
    else:
        yield RawDocument(origin, content, "text", text, path=path, url=url)


_TAG = re.compile(r"<[^>]*>")


def _html_problem(html: str) -> str | None:
    """Why an HTML page cannot give an article (no text at all, or no parsable tree), or None."""
    no_code = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    if not _TAG.sub(" ", no_code).strip():
        return "malformed HTML: no text in the page"
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        return f"malformed HTML: {exc}"
    if root is None or not root.text_content().strip():
        return "malformed HTML: no text in the page"
    return None


def _is_json_document(text: str) -> bool:
    """A whole-file JSON document (one article object, or a list of them), not JSON lines."""
    if "\n" not in text.strip() and text.lstrip().startswith("{"):
        return False  # a single line is JSONL
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) or (isinstance(data, list) and all(isinstance(x, dict) for x in data))


def read_json_document(text: str, origin: str, path: str | None) -> Iterator[RawDocument | ReadError]:
    """A JSON file holding one article object or a list of them (same fields as JSONL)."""
    data = json.loads(text)
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = f"{origin}#{i}" if isinstance(data, list) else origin
        yield _record_document(record, where, json.dumps(record, ensure_ascii=False, sort_keys=True), path)


def _gunzip(content: bytes, limit: int) -> bytes:
    """Decompressed bytes, refusing more than ``limit`` (a small file may inflate enormously)."""
    import zlib

    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(content, limit + 1)
    if len(out) > limit:
        raise ValueError(f"too large once decompressed: over the limit of {limit} bytes")
    if not d.eof and not d.unconsumed_tail:
        raise EOFError("truncated gzip stream")
    return out


def _is_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        # A first line that opens like JSON but is broken is still a JSONL file with a bad line.
        return first.strip().startswith("{") and first.rstrip().endswith("}")


def read_jsonl(text: str, origin: str, path: str | None) -> Iterator[RawDocument | ReadError]:
    """One article a line: ``text`` (or ``body``, ``content``…) or ``html``, optional ``title``,
    ``url``, ``date``, ``site`` (and their usual synonyms, see ``_META_KEYS``)."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield ReadError(where, f"malformed JSON line ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, "JSON line is not an object")
            continue
        yield _record_document(record, where, line, path)


# Field names of article records as common scrapers and exports write them (news-please,
# trafilatura's JSON, Common Crawl news extracts, hand-made exports in French).
_TEXT_KEYS = ("text", "body", "content", "maintext", "article", "full_text", "texte", "contenu", "corps")
_HTML_KEYS = ("html", "raw_html", "content_html", "body_html")
_META_KEYS = {
    "title": ("title", "titre", "headline"),
    "date": ("date", "published", "date_publish", "published_at", "datePublished", "pubDate", "date_publication"),
    "site": ("site", "sitename", "source_domain", "source", "domain"),
    "url": ("url", "link", "canonical_url"),
}
_TAG_START = re.compile(r"^\s*<(!doctype|html|body|article|div|p|section|h1|h2)\b", re.I)


def _first_string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _record_document(record: dict[str, Any], where: str, source: str, path: str | None) -> RawDocument | ReadError:
    """One article record: plain text (cleaned like a dump) or HTML; its title/date/url/site win."""
    body, kind = _first_string(record, _TEXT_KEYS), "record"
    if body is not None and _TAG_START.match(body):
        kind = "html"  # a "content" field holding markup
    if body is None:
        body, kind = _first_string(record, _HTML_KEYS), "html"
    if body is None:
        return ReadError(where, "JSON record has no article text (looked for: "
                         + ", ".join(_TEXT_KEYS + _HTML_KEYS) + ")")
    if kind == "html":
        problem = _html_problem(body)
        if problem:
            return ReadError(where, problem)
    meta = {}
    for name, keys in _META_KEYS.items():
        value = _first_string(record, keys)
        if value is not None:
            meta[name] = value.strip()
    return RawDocument(where, source.encode("utf-8"), kind, body, path=path, url=meta.get("url"), meta=meta)


def read_feed(text: str, origin: str, path: str | None) -> Iterator[RawDocument | ReadError]:
    """RSS/Atom: one document per entry, its content or summary as HTML."""
    import feedparser

    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        yield ReadError(origin, f"malformed feed: {parsed.get('bozo_exception')}")
        return
    for i, entry in enumerate(parsed.entries):
        html = ""
        if entry.get("content"):
            html = entry["content"][0].get("value", "")
        html = html or entry.get("summary", "")
        if not html.strip():
            yield ReadError(f"{origin}#{i}", "feed entry has no content")
            continue
        meta: dict[str, Any] = {"title": entry.get("title"), "url": entry.get("link")}
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            meta["date"] = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        meta = {k: v for k, v in meta.items() if v}
        key = (entry.get("id") or entry.get("link") or str(i)) + html
        yield RawDocument(f"{origin}#{i}", key.encode("utf-8"), "html", html, path=path,
                          url=meta.get("url"), meta=meta)


def read_warc(content: bytes, origin: str, path: str | None) -> Iterator[RawDocument | ReadError]:
    """WARC (plain or gzipped): every HTML response record."""
    import io

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(content)):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if ctype and "html" not in ctype:
                continue
            body = record.content_stream().read()
            where = f"{origin}#{url}"
            found += 1
            try:
                html = decode(body)
            except ValueError as exc:
                yield ReadError(where, str(exc))
                continue
            problem = _html_problem(html)
            if problem:
                yield ReadError(where, problem)
                continue
            meta: dict[str, Any] = {"url": url} if url else {}
            stamp = record.rec_headers.get_header("WARC-Date")
            if stamp:
                meta["crawl_date"] = stamp[:10]
            yield RawDocument(where, body, "html", html, path=path, url=url, meta=meta)
    except (ArchiveLoadFailed, OSError, ValueError) as exc:
        yield ReadError(origin, f"malformed WARC: {exc}")
        return
    if not found:
        yield ReadError(origin, "WARC holds no HTML response")
