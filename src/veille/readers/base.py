"""What every reader shares: the documents and errors it yields, the budget it reads under, the
decoding of bytes to text, the check that an HTML page has text, and a streaming gunzip that
counts what it inflates."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

from veille.common.html_tree import ParsedPage, parse_html

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


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
    # Not a failure but a note, when > 0: how many records the input held that are no article (a
    # WARC's images, requests, style sheets), said once per archive when the budget asks for it.
    skipped: int = 0

    def __post_init__(self) -> None:
        # Whatever the input smuggles in (a non-UTF-8 file name, a newline in a URL), the message
        # stays one printable line that SQLite and a terminal both accept.
        self.origin = one_line(printable(self.origin))
        self.reason = one_line(printable(self.reason))

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def skipped_note(origin: str, count: int, kinds: dict[str, int], total: int) -> ReadError:
    """The note saying ``count`` of an archive's ``total`` records were skipped, by kind (the most
    frequent first)."""
    shown = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    detail = ", ".join(f"{n} {kind}" for kind, n in shown[:6]) + (", …" if len(shown) > 6 else "")
    return ReadError(origin, f"{count} of {total} WARC record(s), not HTML pages ({detail})", skipped=count)


def skipped_count(err: ReadError) -> int:
    """How many records a note made by ``skipped_note`` counts; 0 for a real error."""
    return err.skipped


class BudgetExceeded(ValueError):
    """An input asked for more than its budget (bytes once inflated, nesting, characters, time)."""


@dataclass(frozen=True)
class Budget:
    """How much one input may cost before it is refused.

    ``max_bytes`` holds for every document after every decompression layer (the file, a gzip's
    content, each WARC record's decoded payload); ``archive_bytes`` for all the records of one
    archive together once inflated; ``max_depth`` for JSON nesting; ``max_chars`` for the text of
    one article (spaCy's default ``nlp.max_length``); ``url_seconds`` for one URL, in total.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    archive_bytes: int = 10 * DEFAULT_MAX_BYTES
    max_depth: int = 100
    max_chars: int = 1_000_000
    url_seconds: float = 60.0
    # Not a cost but what may be read: a feed entry or JSON record that gives only a summary or
    # only a link is replaced by the page it links to (``extract``/``ingest --follow-links``).
    follow_links: bool = False
    # Not a cost either: a WARC's records that are no HTML page (requests, images, style sheets,
    # redirects) are said in one note per archive (``skipped_note``) instead of silently.
    note_skipped: bool = False

    @classmethod
    def of(cls, max_bytes: int | Budget | None = None, budget: Budget | None = None) -> Budget:
        """The budget to use when a caller gives a byte limit (or a whole budget in its place, as
        the parallel extraction hands it on), a budget, both or neither."""
        if isinstance(max_bytes, Budget):
            return max_bytes
        base = budget or cls()
        if max_bytes is None or max_bytes == base.max_bytes or (budget and max_bytes == DEFAULT_MAX_BYTES):
            return base
        return dataclasses.replace(base, max_bytes=max_bytes, archive_bytes=max(base.archive_bytes, max_bytes))


def printable(value: object) -> str:
    """``str(value)`` with undecodable file-name bytes (surrogate escapes) shown as ``\\xNN``."""
    text = os.fsdecode(value) if isinstance(value, bytes | os.PathLike) else str(value)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def one_line(text: str, limit: int = 1000) -> str:
    text = re.sub(r"[\x00-\x1f\x7f]+", " ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- decoding -------------------------------------------------------------------------------------

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


def wide_codec(content: bytes) -> str | None:
    """"utf-16" when the bytes are UTF-16 text (a BOM, or every other byte NUL as Latin text in
    UTF-16 without BOM is), "utf-32" for UTF-32 with its BOM (which opens like UTF-16's and was
    read as UTF-16, a NUL after every letter), else None. Windows tools still save text so."""
    if content[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "utf-32"
    if content[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    head = content[:4096]
    if len(head) >= 16 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return None


def decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16; a declared HTML/XML charset is honoured; a text that is
    not UTF-8 but reads as Windows-1252/Latin-1 (French accents, typographic quotes) is accepted,
    since older French sites and exports still use it. Raises ValueError."""
    codec = wide_codec(content)
    if codec:
        try:
            return content.decode(codec).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise ValueError(f"undecodable: broken {codec[:6].upper()} text") from None
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
        text = _mostly_utf8(content)
        if text is None:
            text = _line_by_line(content)
        if text is not None:
            return text
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible_latin(text):
            return text
        raise ValueError(f"undecodable: not UTF-8 nor Latin-1 text (invalid byte 0x{content[exc.start]:02x} "
                         f"at offset {exc.start})") from None


def _mostly_utf8(content: bytes) -> str | None:
    """A UTF-8 page with a few stray bytes (a text browser's or a scraper's cut multibyte character)
    keeps its text, each stray byte read as U+FFFD: refusing the whole page for one byte loses an
    article, while a Latin-1 page has no valid multibyte sequence and still falls through.

    Stray bytes are counted by run: elinks writes an icon-font glyph outside Unicode as one
    six-byte sequence of the pre-2003 UTF-8 form (lead byte 0xFC/0xFD), a single unreadable
    character, so a page with a menu of such icons is not refused for its byte count."""
    text = content.decode("utf-8", errors="replace")
    own = content.count("\ufffd".encode())
    stray = len(_STRAY_RUN.findall(text)) - own
    wide = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if 0 < stray <= max(3, len(content) // 500) and wide >= 5 * stray:
        return text
    return None


_STRAY_RUN = re.compile("\ufffd+")


def _line_by_line(content: bytes) -> str | None:
    """A text whose lines are some in UTF-8, some in Windows-1252 (pages joined by a scraper, an
    export appended to by an older tool): each line in UTF-8 when it is UTF-8, else in
    Windows-1252, when those lines read as text. Decoded whole as Windows-1252 its UTF-8 accents
    became two symbols each ("Ã©"), not plausible text: the whole file was refused."""
    parts, latin = [], []
    for line in content.split(b"\n"):
        try:
            parts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            text = line.decode("cp1252")
        except UnicodeDecodeError:
            return None
        parts.append(text)
        latin.append(text)
    if not latin or len(latin) == len(parts) or not _plausible_latin("\n".join(latin)):
        return None  # no Windows-1252 line, or no UTF-8 line: the whole-file decodings decide
    text = "\n".join(parts)
    return None if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text) else text


def looks_binary(content: bytes) -> bool:
    if wide_codec(content):
        return False
    head = content[:8192]
    if b"\x00" in head:
        # A text a crash or a scraper padded with NUL bytes (a zeroed block, a trailing run) is
        # still a text, read with the NULs as spaces (common/line_model.py); binary formats
        # scatter their NULs in many runs.
        if len(_NUL_RUN.findall(content, 0, 1 << 20)) > MAX_NUL_RUNS:
            return True
        head = head.replace(b"\x00", b"")
        if not head:
            return True  # nothing but NULs
    # (Counted at C speed: every byte that is no control byte deleted, the rest measured.)
    control = len(head.translate(None, _NOT_CONTROL))
    return bool(head) and control / len(head) > 0.05


MAX_NUL_RUNS = 3
_NUL_RUN = re.compile(rb"\x00+")


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


# -- HTML -----------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]*>")


# An HTML page with more text than this many times the parser's limit is refused before it is
# cleaned: cleaning 5 MB of page text took 70 s and 27 MB five minutes and 1.7 GB, only for the
# article to be refused then as too long for the parser; a page's furniture seldom holds four
# times its article.
HTML_TEXT_FACTOR = 5


def html_problem(html: str, max_chars: int | None = None) -> str | None:
    """Why an HTML page cannot give an article (no text at all, no parsable tree, or, with
    ``max_chars``, more than ``HTML_TEXT_FACTOR`` times that much text), or None."""
    return checked_html(html, max_chars)[1]


def checked_html(html: str, max_chars: int | None = None) -> tuple[str, str | None]:
    """The page to read (``html``, or, when it nests deeper than the parser goes, ``html``
    flattened: ``deep_html.py``) and why it cannot give an article, or None."""
    page, problem, _ = checked_page(html, max_chars)
    return page, problem


def checked_page(html: str, max_chars: int | None = None) -> tuple[str, str | None, ParsedPage | None]:
    """``checked_html`` and the tree its check parsed from the page to read, which the clean stage
    reads instead of parsing the page again (``common/html_tree.py``); None with a problem."""
    no_code = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    visible = _TAG.sub(" ", no_code)
    if not visible.strip():
        return html, "malformed HTML: no text in the page", None
    if max_chars and len(visible) > HTML_TEXT_FACTOR * max_chars:
        chars = sum(len(word) + 1 for word in visible.split())  # spaces as one reader sees them
        if chars > HTML_TEXT_FACTOR * max_chars:
            return html, (f"too much text for one article: {chars} characters in the page, over "
                          f"{HTML_TEXT_FACTOR} times the parser's limit of {max_chars} (split it into several pages)"), None
    from lxml import etree

    from veille.readers.deep_html import flattened

    for attempt in (html, None):
        page = attempt if attempt is not None else flattened(html)
        try:
            root = parse_html(page)
        except (etree.ParserError, ValueError) as exc:
            return html, f"malformed HTML: {exc}", None
        # (Some text node that is not all white space: the page's text is not joined to be stripped.)
        if root is not None and any(not t.isspace() for t in root.itertext() if t):
            return page, None, ParsedPage(page, root) if ParsedPage.may_hold(page) else None
        # (Text outside the tags but none in the tree: the tree was cut at the parser's depth.)
    return html, "malformed HTML: no text in the page", None


# -- gzip -----------------------------------------------------------------------------------------

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


class GunzipStream(io.RawIOBase):
    """The inflated bytes of a (multi-member) gzip, read in chunks; raises ``BudgetExceeded`` as
    soon as more than ``limit`` bytes come out, so that a bomb is never held in memory. With
    ``cut_ends``, a stream cut short or corrupt ends there and ``cut`` says why: a buffered reader
    drops what it inflated before an exception, and a WARC cut in its tenth record lost all ten."""

    def __init__(self, data: bytes, limit: int, cut_ends: bool = False) -> None:
        super().__init__()
        self.cut_ends = cut_ends
        self.cut: str | None = None
        self._data = memoryview(data)
        self._pos = 0
        self._tail = b""  # input the decompressor has not taken yet
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""
        self._done = False
        self.limit = limit
        self.total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending and not self._done:
            self._fill()
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _fill(self) -> None:
        try:
            self._inflate()
        except (EOFError, ValueError) as exc:
            if not self.cut_ends or isinstance(exc, BudgetExceeded):
                raise
            self.cut, self._done = str(exc), True

    def _inflate(self) -> None:
        if self._inflater.eof:
            rest = self._inflater.unused_data + bytes(self._data[self._pos:])
            self._pos = len(self._data)
            if not rest.strip(b"\x00"):  # end, or the zero padding some writers add
                self._done = True
                return
            if not rest.startswith(GZIP_MAGIC):
                raise ValueError("malformed gzip: trailing bytes after the compressed data")
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # the next member
            self._tail = rest
        if not self._tail:
            if self._pos >= len(self._data):
                raise EOFError("malformed gzip: truncated stream")
            self._tail = bytes(self._data[self._pos:self._pos + _CHUNK])
            self._pos += len(self._tail)
        try:
            out = self._inflater.decompress(self._tail, _CHUNK)
        except zlib.error as exc:
            raise ValueError(f"malformed gzip: {exc}") from None
        self._tail = self._inflater.unconsumed_tail
        self.total += len(out)
        if self.total > self.limit:
            raise BudgetExceeded(f"too large once decompressed: over the limit of {self.limit} bytes")
        self._pending = out


def gunzip(data: bytes, limit: int) -> bytes:
    """Every member of a gzip inflated, refusing more than ``limit`` bytes (``BudgetExceeded``);
    ValueError/EOFError when it is not gzip or is cut short."""
    stream = GunzipStream(data, limit)
    chunks = []
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_ONE_KIND = str.maketrans("{}", "[]")


def json_depth_over(text: str, limit: int) -> bool:
    """True when JSON text nests arrays/objects deeper than ``limit`` (strings ignored), checked
    before parsing: the parser recurses and a deep enough document overflows the stack."""
    if text.count("[") + text.count("{") <= limit:
        return False
    # Objects and arrays nest alike: one kind of bracket, whose innermost pairs are removed a
    # level at a time (fast on wide documents); what is left after ``limit`` levels is scanned.
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)).translate(_ONE_KIND)
    levels = 0
    while levels < limit:
        reduced = brackets.replace("[]", "")
        if reduced == brackets:
            break
        brackets, levels = reduced, levels + 1
    depth = levels
    for c in brackets:
        depth += 1 if c == "[" else -1
        if depth > limit:
            return True
    return False
