"""Bytes in, documents out: the format is chosen by content, not only by extension. A file that
starts like HTML is read as HTML whatever its name, a file whose lines are JSON objects as JSONL,
and so on; gzip is inflated (every member, under the budget) and read again."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from veille.common.html_tree import PARSED_KEY
from veille.readers.archives import archive_kind, archive_reason
from veille.readers.base import (
    GZIP_MAGIC,
    Budget,
    BudgetExceeded,
    GunzipStream,
    RawDocument,
    ReadError,
    checked_page,
    decode,
    gunzip,
    json_depth_over,
    looks_binary,
)
from veille.readers.warc import read_warc, size_limit

_HTML_ROOT = re.compile(rb"(<!doctype html|<html|<head|<body|<article|<div|<p[ >]|<meta|<title)", re.I)
_FEED_ROOT = re.compile(rb"(<rss|<feed|<rdf:RDF)", re.I)
_DOCTYPE = re.compile(rb"<!doctype\s", re.I)


# A page saved with its HTTP response head ("curl -i", some scrapers): a status line, header lines
# and a blank line before the markup.
_HTTP_HEAD = re.compile(rb"HTTP/\d(?:\.\d)? \d{3}[^\r\n]*\r?\n(?:[!-9;-~]+:[^\r\n]*\r?\n){0,200}\r?\n")


def _past_http_head(head: bytes) -> bytes:
    """``head`` past an HTTP response head it opens with, for sniffing the format (the document
    keeps its bytes)."""
    m = _HTTP_HEAD.match(head)
    return head[m.end():] if m else head


def _after_prolog(head: bytes) -> bytes:
    """``head`` past what may come before the root element: an XML declaration, processing
    instructions (xml-stylesheet), comments, a DOCTYPE (with or without an internal subset).
    A scan, not a regular expression: nested repetitions over comments backtrack without end
    on a page full of them."""
    pos, n = 0, len(head)
    while True:
        while pos < n and head[pos:pos + 1].isspace():
            pos += 1
        if head.startswith(b"<?", pos):
            end = head.find(b"?>", pos + 2)
            step = 2
        elif head.startswith(b"<!--", pos):
            end = head.find(b"-->", pos + 4)
            step = 3
        elif _DOCTYPE.match(head, pos) and not _HTML_ROOT.match(head, pos):
            bracket, close = head.find(b"[", pos), head.find(b">", pos)
            if bracket != -1 and (close == -1 or bracket < close):
                end = head.find(b"]", bracket)
                end = head.find(b">", end) if end != -1 else -1
            else:
                end = close
            step = 1
        else:
            return head[pos:]
        if end == -1:
            return b""
        pos = end + step


_SNIFF = 64 * 1024
_LISTED_URL = re.compile(r"https?://\S+", re.I)
URL_LIST_READ = ("a list of URLs, not an article: give the file itself on the command line to read each URL "
                 "(a list inside a folder or uploaded is not fetched)")


def url_list(text: str) -> list[str] | None:
    """The URLs of a text whose every line, blank lines and ``#`` comments aside, is one http(s)
    URL (a list a user keeps of the pages to read); None for any other text."""
    urls = []
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        if not _LISTED_URL.fullmatch(line):
            return None
        urls.append(line)
    return urls or None



def read_bytes(content: bytes, origin: str, path: str | None = None, url: str | None = None,
               budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    """Sniffs the content and dispatches to the reader of its format."""
    budget = budget or Budget()
    if not content.strip():
        yield ReadError(origin, "empty file")
        return
    limit = size_limit(content[:65536], budget)
    if len(content) > limit:
        yield ReadError(origin, f"too large: {len(content)} bytes, the limit is {limit}")
        return
    if content.startswith(b"%PDF-"):
        yield ReadError(origin, "a PDF document: Veille reads text, HTML, JSON, feeds and WARC (save its text first)")
        return
    if (archive := archive_kind(content)) is not None:
        yield ReadError(origin, archive_reason(archive))
        return
    if content.startswith(b"WARC/"):
        yield from read_warc(content, origin, path, budget)
        return
    if content[:2] == GZIP_MAGIC:  # gzip: a WARC, or any other format compressed
        yield from _read_gzip(content, origin, path, url, budget)
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
    sniff = text[:_SNIFF].encode("utf-8", "replace")  # decoded first: UTF-16 feeds and pages too
    root = _after_prolog(_past_http_head(sniff))
    if _FEED_ROOT.match(root):
        yield from read_feed(text, origin, path)
    elif _HTML_ROOT.match(root) or (path and Path(path).suffix.lower() in (".html", ".htm")):
        yield _html_document(text, content, origin, path, url, budget)
    elif head in "{[" and _is_json_document(text, budget):
        yield from read_json_document(text, origin, path, budget)
    elif head == "{" and _is_jsonl(text):
        yield from read_jsonl(text, origin, path, budget)
    elif _json_like(text, path) and (problem := _json_problem(text, path)):
        yield ReadError(origin, problem)
    elif len(text) > budget.max_chars:
        yield ReadError(origin, _too_long(len(text), budget))
    elif url_list(text[:_SNIFF]) and url_list(text):
        # (read as an article it was "no article text found": the user meant its pages)
        yield ReadError(origin, URL_LIST_READ)
    else:
        yield RawDocument(origin, content, "text", text, path=path, url=url)


_JSON_OPENING = re.compile(r'\s*(\{\s*"|\[\s*\{\s*")')  # not a text browser's "[ ]" box


def _json_like(text: str, path: str | None) -> bool:
    """A JSON file that does not parse (cut short, a missing comma): named ``.json``/``.jsonl``
    and opening like JSON, or opening on an object's first key. Read as plain text it would only
    give "no article text" or an article of braces."""
    suffix = Path(path).suffix.lower() if path else ""
    if suffix in (".json", ".jsonl", ".ndjson"):
        return text.lstrip()[:1] in ("{", "[")
    return bool(_JSON_OPENING.match(text))


def _json_problem(text: str, path: str | None) -> str | None:
    """Why a JSON-like file gives no article, or None for a text that only opens on a complete
    JSON value (a page dump under a JSON-LD line): that one is read as text, as before."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        named = bool(path) and Path(path).suffix.lower() in (".json", ".jsonl", ".ndjson")
        if exc.msg == "Extra data" and not named:
            return None
        return f"malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except (ValueError, RecursionError) as exc:
        return f"malformed JSON: {exc or exc.__class__.__name__}"
    return "JSON holds no article object (an object, a list of objects or one object a line)"


def _too_long(chars: int, budget: Budget) -> str:
    return (f"too long for the parser: {chars} characters, the limit is {budget.max_chars}"
            " (split it into several articles)")


def _read_gzip(content: bytes, origin: str, path: str | None, url: str | None,
               budget: Budget) -> Iterator[RawDocument | ReadError]:
    stream = GunzipStream(content, budget.archive_bytes)
    try:
        head = stream.read(5)
    except (BudgetExceeded, ValueError, EOFError) as exc:
        yield ReadError(origin, str(exc) if "gzip" in str(exc) else f"malformed gzip: {exc}")
        return
    if head == b"WARC/":
        # Streamed: the records are read one by one under the archive budget, never inflated whole.
        yield from read_warc(content, origin, path, budget)
        return
    try:
        inner = gunzip(content, budget.max_bytes)
    except (ValueError, EOFError) as exc:
        yield ReadError(origin, str(exc) if "gzip" in str(exc) or "decompressed" in str(exc)
                        else f"malformed gzip: {exc}")
        return
    if inner[:2] == GZIP_MAGIC:
        yield ReadError(origin, "gzip inside gzip: refused (nested compression)")
        return
    yield from read_bytes(inner, origin, path=path, url=url, budget=budget)


def _html_document(html: str, content: bytes, origin: str, path: str | None, url: str | None,
                   budget: Budget) -> RawDocument | ReadError:
    html, problem, parsed = checked_page(html, budget.max_chars)
    if problem:
        return ReadError(origin, problem)
    return RawDocument(origin, content, "html", html, path=path, url=url, meta={PARSED_KEY: parsed})


# A "\\udXXX" escape: the only way a JSON text holds half a UTF-16 pair, which json.loads keeps as a
# lone surrogate that no later UTF-8 encoding accepts (the record failed with a raw UnicodeEncodeError).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (keys too) replaced by U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def _load_json(text: str, budget: Budget) -> Any:
    """``json.loads`` that refuses documents nested deeper than the budget (ValueError); half a
    surrogate pair escaped in a string is read as U+FFFD."""
    if json_depth_over(text, budget.max_depth):
        raise BudgetExceeded(f"JSON nested deeper than {budget.max_depth} levels")
    data = json.loads(text)
    return _without_lone_surrogates(data) if _SURROGATE_ESCAPE.search(text) else data


def _is_json_document(text: str, budget: Budget) -> bool:
    """A whole-file JSON document (one article object, or a list of them), not JSON lines. A
    document too deep to parse still counts: ``read_json_document`` names the reason."""
    stripped = text.strip()
    if "\n" not in stripped and stripped.startswith("{"):
        return False  # a single line is JSONL
    if json_depth_over(text, budget.max_depth):
        return True
    try:
        data = json.loads(text)
    except ValueError:
        return False
    # A list with one article object among other values is a document: its objects are read, each
    # other item is one error (a single stray string lost every article of the list).
    return isinstance(data, dict) or (isinstance(data, list) and any(isinstance(x, dict) for x in data))


def read_json_document(text: str, origin: str, path: str | None,
                       budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    """A JSON file holding one article object or a list of them (same fields as JSONL)."""
    budget = budget or Budget()
    try:
        data = _load_json(text, budget)
    except ValueError as exc:
        yield ReadError(origin, str(exc) if isinstance(exc, BudgetExceeded) else f"malformed JSON: {exc}")
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records):
        where = f"{origin}#{i}" if isinstance(data, list) else origin
        if not isinstance(record, dict):
            yield ReadError(where, "JSON item is not an object")
            continue
        yield _record_document(record, where, json.dumps(record, ensure_ascii=False, sort_keys=True), path, budget)


def _json_lines(text: str) -> list[str]:
    """The lines of a JSON Lines text, cut at newlines only: ``str.splitlines`` also cuts at
    U+2028, U+2029, U+0085 and a few controls, which JSON allows raw inside a string (our own
    export, ``ensure_ascii=False``, writes them so), and one record would become three bad lines."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _is_jsonl(text: str) -> bool:
    """JSON lines: the first line opens an object, and it or one of the next lines is one (a
    broken first line must not turn a whole export into one text article)."""
    lines = [line.strip() for line in _json_lines(text)[:200] if line.strip()][:20]
    if not lines or not lines[0].startswith("{"):
        return False
    for line in lines:
        if not line.startswith("{"):
            continue
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (ValueError, RecursionError):
            pass
    # Every line opens like an object but none parses: still JSONL, every line a bad line.
    return all(line.startswith("{") for line in lines) and (len(lines) > 1 or lines[0].endswith("}"))


def read_jsonl(text: str, origin: str, path: str | None,
               budget: Budget | None = None) -> Iterator[RawDocument | ReadError]:
    """One article a line: ``text`` (or ``body``, ``content``…) or ``html``, optional ``title``,
    ``url``, ``date``, ``site`` (and their usual synonyms, see ``_META_KEYS``)."""
    budget = budget or Budget()
    for lineno, line in enumerate(_json_lines(text), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = _load_json(line, budget)
        except BudgetExceeded as exc:
            yield ReadError(where, str(exc))
            continue
        except ValueError as exc:
            detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield ReadError(where, f"malformed JSON line ({detail})")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, "JSON line is not an object")
            continue
        yield _record_document(record, where, line, path, budget)


# Field names of article records as common scrapers and exports write them (news-please,
# trafilatura's JSON, Common Crawl news extracts, hand-made exports in French; "markdown": the
# field crawling services and reader APIs put a page converted to Markdown in).
_TEXT_KEYS = ("text", "body", "content", "maintext", "article", "full_text", "texte", "contenu", "corps",
              "markdown")
_HTML_KEYS = ("html", "raw_html", "content_html", "body_html")
_META_KEYS = {
    "title": ("title", "titre", "headline"),
    "date": ("date", "published", "date_publish", "published_at", "datePublished", "pubDate", "date_publication"),
    "site": ("site", "sitename", "source_domain", "source", "domain"),
    "url": ("url", "link", "canonical_url"),
    # When the record was captured (news-please's date_download): the reference of a relative
    # stamp in its text ("il y a 3 heures"), never the article's date.
    "capture_date": ("date_download", "capture_date", "crawl_date", "crawled_at", "fetched_at", "date_crawled",
                     "scraped_at", "retrieved_at"),
}
_TAG_START = re.compile(r"^\s*<(!doctype|html|body|article|div|p|section|h1|h2)\b", re.I)


def _first_string(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _veille_record(record: dict[str, Any]) -> dict[str, Any] | None:
    """A record exported by Veille itself (SCHEMA.md: ``paragraphs``, ``source``): the fields to
    read it again as an article, so that an export can be ingested into another database."""
    paragraphs = record.get("paragraphs")
    source = record.get("source")
    if not (isinstance(paragraphs, list) and isinstance(source, dict)):
        return None
    text = "\n\n".join(p for p in paragraphs if isinstance(p, str))
    fields = {"text": text, "title": record.get("title"), "date": record.get("published"),
              "url": source.get("url"), "site": source.get("site")}
    return {k: v for k, v in fields.items() if isinstance(v, str)}


def _record_document(record: dict[str, Any], where: str, source: str, path: str | None,
                     budget: Budget) -> RawDocument | ReadError:
    """One article record: plain text (cleaned like a dump) or HTML; its title/date/url/site win."""
    record = _veille_record(record) or record
    body, kind = _first_string(record, _TEXT_KEYS), "record"
    if body is not None and _TAG_START.match(body):
        kind = "html"  # a "content" field holding markup
    if body is None:
        body, kind = _first_string(record, _HTML_KEYS), "html"
    if body is None:
        link = _first_string(record, _META_KEYS["url"])
        if budget.follow_links and link:  # a list of links: read_documents reads each page
            return RawDocument(where, source.encode("utf-8", "surrogatepass"), "record", link.strip(), path=path,
                               url=link.strip(), meta={"url": link.strip(), "teaser": True})
        return ReadError(where, "JSON record has no article text (looked for: "
                         + ", ".join(_TEXT_KEYS + _HTML_KEYS) + ")"
                         + ("; --follow-links reads the page of its url" if link else ""))
    parsed = None
    if kind == "html":
        body, problem, parsed = checked_page(body, budget.max_chars)
        if problem:
            return ReadError(where, problem)
    elif len(body) > budget.max_chars:
        return ReadError(where, _too_long(len(body), budget))
    meta: dict[str, Any] = {PARSED_KEY: parsed} if parsed is not None else {}
    for name, keys in _META_KEYS.items():
        value = _first_string(record, keys)
        if value is not None:
            meta[name] = value.strip()
    return RawDocument(where, source.encode("utf-8", "surrogatepass"), kind, body, path=path,
                       url=meta.get("url"), meta=meta)


# A feed entry with no content and a summary shorter than this is a teaser of the page it links to.
TEASER_CHARS = 1000


def read_feed(text: str, origin: str, path: str | None) -> Iterator[RawDocument | ReadError]:
    """RSS/Atom: one document per entry, its content or summary as HTML."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.bozo else "no entry"
        yield ReadError(origin, f"malformed feed: {problem}")
        return
    for i, entry in enumerate(parsed.entries):
        html = ""
        if entry.get("content"):
            html = entry["content"][0].get("value", "")
        html = html or entry.get("summary", "")
        if not html.strip() and not entry.get("link"):
            yield ReadError(f"{origin}#{i}", "feed entry has no content and no link")
            continue
        # A title's run of spaces ("&nbsp; &amp;" in a feed's markup) is one space.
        title = re.sub(r"\s{2,}", " ", entry.get("title") or "").strip()
        meta: dict[str, Any] = {"title": title, "url": entry.get("link")}
        if not entry.get("content") and len(re.sub(r"<[^>]*>", " ", html).strip()) < TEASER_CHARS:
            meta["teaser"] = True  # a summary only: the article is at its link (read_documents follows it)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            meta["date"] = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        meta = {k: v for k, v in meta.items() if v}
        key = (entry.get("id") or entry.get("link") or str(i)) + html
        yield RawDocument(f"{origin}#{i}", key.encode("utf-8", "surrogatepass"), "html", html, path=path,
                          url=meta.get("url"), meta=meta)
