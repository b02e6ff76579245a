"""Text-browser dumps (lynx, w3m, links) brought to one line model: units of text, each classified.

What such a dump looks like: paragraphs hard-wrapped at about 78 columns (lynx indents them by three
spaces, w3m by two), blank lines between blocks, menus as bullets (``* item``, ``+ sub-item``,
``•``, ``□``), ``(BUTTON)`` and ``____`` form fields, ``IFRAME: …`` lines, ``[logo.png]`` image
alts, ``#alternate`` link-header lines at the top, numbered link references (``[12]`` inline, a
``References`` list at the end), a ``REFRESH(180 sec):`` line with the page URL when dumped from a
saved page, the HTTP response headers run together when the page was fetched with ``curl -i``.

``units`` unwraps the hard-wrapped lines (a line continues the previous one when the previous was
full: its length plus the next word would pass the page's wrap width) and classifies each unit:

* ``header``: the ``#`` link-header lines (their text names the site and often the headline);
* ``refresh``, ``http``: the capture's own lines (never the article's date);
* ``bullet``: a menu or list item; ``form``: buttons, fields, frames, lone images;
* ``linkref``: the numbered link list at the end;
* ``heading``: a line at the left margin of a page whose text is indented (lynx writes headings
  there); ``text``: everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from veille.clean.short_years import full_years
from veille.clean.stamps import expand_short_year, opens_on_stamp_cue, unglue_dates
from veille.common.lexicon import rows

# A bullet of lynx (* + o # @ at growing depth), w3m (• □ ◦) or a browser export (▪ ·).
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[*+•□◦▪·]|o(?=\s)|#(?=\s)|@(?=\s))\s+")
_EMPTY_BULLET = re.compile(r"^\s*[*+•□◦▪·]\s*$")
# A form's marks: anywhere in the line (buttons, fields, tracking pixels, check boxes and radio
# buttons), each opening on "(", "_" or "[" (one character class first: a quick scan), or at its start.
# A "(*)" closing a sentence ("… du secteur (*).") is a footnote's call, no radio button.
_FORM = re.compile(r"[(_\[](?:(?<=\()(?:BUTTON|Submit|Reset|Rechercher|Search|Envoyer|OK)\)|(?<=_)_{3,}"
                   r"|(?<=\[)(?:tr|pixel)\?|(?<=\[)[_X]\]|(?<=\()[_*]\)(?![.,;]))", re.I)
_FORM_START = re.compile(r"\s*(?:IFRAME:|\[(?:INS|DEL):|Link:\s)", re.I)
_IMAGE = re.compile(r"\[[^\]\[]{0,120}?\.(?:png|jpe?g|gif|svg|webp|ico)(?:\?[^\]]*)?\]|\[(?:img|image|logo|IMG)\]", re.I)
_BRACKETS_ONLY = re.compile(r"^(?:\s*\[[^\]]*\]\s*)+$")
_LINK_MARK = re.compile(r"\[\d{1,4}\]")
_LINKREF = re.compile(r"^\s*\d{1,4}\.\s+(?:https?|file|ftp|mailto|javascript):", re.I)
_LINKREF_HEAD = re.compile(r"^\s*(?:References|Références|Liens visibles|Liens cachés|Visible links|Hidden links)\s*:?\s*$",
                           re.I)
_REFRESH = re.compile(r"^\s*REFRESH\(\d+ sec\):", re.I)
_HTTP = re.compile(r"^\s*HTTP/\d(?:\.\d)? \d{3}\b")
_HTTP_FIELD = re.compile(r"^\s*[\w-]+:\s")  # "content-type: text/html" in a run of response headers
_HEADER = re.compile(r"^\s*#(?!\s)")
_URL = re.compile(r"(?:https?|file)://\S+")
_ISO_STAMP = re.compile(r"^\s*(?:19|20)\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d")
_RULE = re.compile(r"_{20,}$")  # a line of underscores only: a text browser's horizontal rule
_DUMP_SIGNS = re.compile(r"\((?:BUTTON|Submit)\)|^\s*IFRAME:|^\s*REFRESH\(|^\s*#(?:alternate|publisher|RSS)"
                         r"|^\s*HTTP/\d|^\s{2,}[*+•□]\s|^\t*•\t", re.M)
_CAPTURE = ("header", "refresh", "http")
# (str.replace per character: ``str.translate`` with a table looks every character of a page up)
_INVISIBLE = (("\ufffc", " "), ("\u2028", "\n"), ("\u2029", "\n"), ("\u00ad", ""), ("\u200b", ""))


@dataclass
class Unit:
    text: str  # the unwrapped text, spaces collapsed
    kind: str  # header | refresh | http | bullet | form | linkref | heading | text
    first: int  # 0-based line of the dump where it starts
    indent: int


def is_browser_dump(text: str) -> bool:
    """A text browser's dump: several of its marks (bullets in an indented menu, buttons, frames,
    link headers, a refresh line, HTTP headers), or most lines indented like lynx's paragraphs."""
    signs = 0
    for _ in _DUMP_SIGNS.finditer(text, 0, 200_000):
        signs += 1
        if signs >= 3:
            return True
    lines = [ln for ln in text.splitlines() if ln.strip()]
    indented = sum(1 for ln in lines if ln.startswith(("   ", "  ")) and not ln.startswith("    " * 3))
    return len(lines) >= 20 and indented >= 0.6 * len(lines)


# A browser's "select all + copy" of a page glues a menu's links into one line (innerText): a
# whole page may copy into 40 lines, 40 % of them short (bench/synth_dumps.py, style chromium-copy:
# 10 of 90 dev pages fell below 60 lines and 50 %, read as a pasted article; at 40 and 40 % four
# sites' headlines come right, one site's is lost). A pasted article runs to 25 lines at most in
# the team's sets (tests/data, samples, seeds), its short lines a third at most.
PAGE_COPY_MIN_LINES = 40
PAGE_COPY_SHORT_SHARE = 0.4
WRAPPED_MIN_LINES = 40
WRAPPED_FULL_SHARE = 0.25
WRAPPED_MAX_WIDTH = 200
SHORT_WRAPPED_MIN_LINES = 12
SHORT_WRAPPED_MAX_WIDTH = 100  # a terminal's columns
SHORT_WRAPPED_FULL_SHARE = 0.5


def is_page_copy(text: str) -> bool:
    """A whole page copied from a browser without a text browser's marks: many lines, most of them
    short (menus, buttons, labels around the article), or hard-wrapped (``hard_wrapped``). An
    article pasted alone is not one."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) >= PAGE_COPY_MIN_LINES \
            and sum(1 for ln in lines if len(ln.split()) <= 6) >= PAGE_COPY_SHORT_SHARE * len(lines):
        return True
    return hard_wrapped(lines)


def hard_wrapped(lines: list[str]) -> bool:
    """A page a text browser wrapped at a fixed width without its other marks (``w3m -dump``
    writes paragraphs at 80 columns with no margin, links glued, no buttons): many lines, a
    quarter of them or more ending close to one column."""
    if len(lines) < SHORT_WRAPPED_MIN_LINES:
        return False
    width = _wrap_width(lines)
    if width > WRAPPED_MAX_WIDTH:
        return False
    full = sum(1 for ln in lines if 0.85 * width <= len(ln.rstrip()) <= width)
    if len(lines) < WRAPPED_MIN_LINES:
        # A short text (one article copied from a text browser's screen, headline to last
        # paragraph): most of its lines end at a screen's column.
        return width <= SHORT_WRAPPED_MAX_WIDTH and full >= SHORT_WRAPPED_FULL_SHARE * len(lines)
    return full >= WRAPPED_FULL_SHARE * len(lines)


def _wrap_width(lines: list[str]) -> int:
    """The column the dump wraps at: a high percentile of the lengths of its longer lines."""
    # Prose lines only: link lists and form fields may run past the wrap column.
    lengths = sorted(len(ln.rstrip()) for ln in lines if len(ln) >= 30 and len(ln.strip()) >= 30 and "://" not in ln
                     and "____" not in ln and ln.count(" ") >= 4)
    if not lengths:
        return 10_000
    if len(lengths) < 5:
        return lengths[-1]  # a short page: its longest line
    return lengths[int(0.95 * (len(lengths) - 1))]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


_MARK_CHARS = frozenset("*+•□◦▪·o#@RrHhLlVv0123456789")  # first characters of the lines below
_BULLET_CHARS = frozenset("*+•□◦▪·o#@")
_DIGITS = frozenset("0123456789")


def _line_kind(line: str, head: str | None = None) -> str | None:
    """The kind a line imposes on the unit it starts, or None for plain text (``head``: the line's
    first character, when the caller has it)."""
    if head is None:
        head = line.lstrip()[:1]
    if head not in _MARK_CHARS:
        return None  # most lines: no bullet, refresh, HTTP or link-list mark can open them
    # Each pattern is tried only on the lines its first character can open.
    if head in "Rr" and _REFRESH.match(line):
        return "refresh"
    if head == "H" and _HTTP.match(line):
        return "http"
    if head in _DIGITS and _LINKREF.match(line) or head in "RrLlVvHh" and _LINKREF_HEAD.match(line):
        return "linkref"
    if head in _BULLET_CHARS and (_BULLET.match(line) or _EMPTY_BULLET.match(line)):
        return "bullet"
    return None


def units(text: str) -> list[Unit]:
    """The dump's units, in order (see the module doc)."""
    visible = text
    for char, repl in _INVISIBLE:
        if char in visible:
            visible = visible.replace(char, repl)
    raw = visible.splitlines()
    width = _wrap_width(raw)
    margin = _common_margin(raw)
    strip_marks = len(_LINK_MARK.findall(text)) >= 5
    out: list[Unit] = []
    cur: list[str] = []
    cur_kind: str | None = None
    cur_first = cur_indent = 0
    prev = ""
    prev_len = 0  # len(prev.rstrip())
    header_zone = True  # every unit so far is a capture line (a link header, a refresh or HTTP line)

    def flush() -> None:
        nonlocal cur, cur_kind, header_zone
        if cur:
            body = " ".join(cur)
            if strip_marks and "[" in body:
                body = _LINK_MARK.sub("", body)
            body = _dated_text(" ".join(body.split()))
            if body:
                kind = _unit_kind(body, cur_kind, cur_indent, margin)
                out.append(Unit(body, kind, cur_first, cur_indent))
                if kind not in _CAPTURE:
                    header_zone = False
        cur, cur_kind = [], None

    for n, line in enumerate(raw):
        stripped = line.strip()
        if not stripped:
            if cur:  # (most blank lines follow another or open the page: nothing to flush)
                flush()
            prev, prev_len = "", 0
            continue
        head = stripped[:1]  # (the line's first character: ``line.lstrip()[:1]``)
        kind = _line_kind(line, head) if head in _MARK_CHARS else None
        if head == "#" and header_zone and _HEADER.match(line) and (not cur or cur_kind in _CAPTURE):
            kind = "header"
        continues = bool(cur) and kind is None and cur_kind != "refresh" and not (cur_kind is None and _new_margin(prev, line, margin)) and (
            _wrapped(prev, prev_len, line, stripped, width)
            or cur_kind == "http" and _HTTP_FIELD.match(line) is not None)
        if cur_kind == "refresh" and not cur[1:] and _URL.match(stripped):
            continues = True  # REFRESH(…): then the page's URL or path on the next lines
        elif cur_kind == "refresh" and cur[1:] and _wrapped(prev, prev_len, line, stripped, width) \
                and " " not in stripped:
            continues = True  # a long path wrapped over several lines
        if not continues:
            flush()
            cur_kind, cur_first, cur_indent = kind, n, len(line) - len(line.lstrip(" \t"))
            if kind == "bullet":
                line = _BULLET.sub("", line) if _BULLET.match(line) else ""
                stripped = line.strip()
        cur.append(stripped)
        prev = line
        prev_len = len(line.rstrip())
    flush()
    return out


@lru_cache(maxsize=32768)  # (a site's menus and footers come again on each of its pages)
def _dated_text(body: str) -> str:
    """A unit's text with its glued dates apart and its two-figure years in full."""
    return full_years(expand_short_year(unglue_dates(body)))


def _new_margin(prev: str, line: str, margin: int) -> bool:
    """``line`` opens at the page's margin, not in lower case, under a line at the left edge (a
    heading, in a dump whose text is indented): a new block, a teaser's date or author under its
    headline. A text browser wraps a heading at its own column, or centres its tail (at another
    indent than the margin), and the tail of a sentence goes on in lower case."""
    return margin >= 2 and prev[:1] not in " \t" and _indent(line) == margin and not line.lstrip()[:1].islower()


def _common_margin(lines: list[str]) -> int:
    """The indentation of most text lines (3 for lynx, 2 for w3m, 0 for a dump without margin)."""
    counts: dict[int, int] = {}
    for ln in lines:
        body = ln.lstrip(" \t")
        if not body or body[0] in _MARK_CHARS and _BULLET.match(ln):
            continue
        width = len(ln) - len(body)
        counts[width] = counts.get(width, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else 0


_STAMP_END = re.compile(r"\b[0-2]?\d\s?[h:]\s?[0-5]\d\s*$")  # a stamp line closing on its hour


def _wrapped(prev: str, prev_len: int, line: str, stripped: str, width: int) -> bool:
    """True when ``line`` continues ``prev`` (hard wrap): ``prev`` had no room for the next word.
    A line opening on a timestamp ("2017-06-13T09:09:45Z - La rédaction") starts a stamp, whatever
    the length of the line before it. (``prev_len``: the length of ``prev`` without its trailing
    spaces; ``stripped``: ``line`` without its surrounding spaces, not empty.)"""
    if not prev_len:
        return False  # (a blank ``prev``)
    head = stripped[:1]
    if head in "12" and _ISO_STAMP.match(line):
        return False
    if head == "_" and _RULE.match(stripped):
        return False  # a rule under a line ("<hr>"), as long as a line: never the rest of a word
    if prev_len + 1 + len(stripped.split(None, 1)[0]) > width:
        # (A stamp line that filled the width, "Publié le … à 14h05, mis à jour le … à 09h12", is
        # no paragraph the next line goes on with: its hour closes it, a capital opens the next.)
        return not (head.isupper() and _STAMP_END.search(prev) is not None and opens_on_stamp_cue(prev))
    # A line cut a little early (a long word carried over) and continued in lower case or with a
    # number ("… Léa," then "8 ans et …"), or cut after a comma.
    short = prev_len >= 0.8 * width or prev_len >= 0.6 * width and prev.rstrip().endswith(",")
    if short and (head.islower() or head.isdigit()):
        return True
    return prev_len >= RUN_ON_REACH * width and _runs_on(prev, stripped)


# A line at least this full, ending on an article or a preposition (or followed by an opening
# guillemet and a word in lower case), was wrapped early: a text browser keeps "« mot »" together.
RUN_ON_REACH = 0.6
_ELIDED = re.compile(r"^\w{1,4}['’]")
_OPEN_LOWER = re.compile(r"^[«“\"]\s*[a-zà-ÿœæ]")


@lru_cache(maxsize=1)
def run_on_words() -> frozenset[str]:
    """Words no heading ends on (articles, prepositions, conjunctions: ``lexicons/clean/run_on_words.tsv``)."""
    return frozenset(cols[0].lower() for cols in rows("clean/run_on_words.tsv", min_columns=2))


def _runs_on(prev: str, stripped: str) -> bool:
    """``stripped`` goes on with the sentence ``prev`` left open (issue 11, a paragraph broken at a
    wrapped line): ``prev`` ends on a word no sentence ends on ("… d'une" / "« mot » …", "… de" /
    "chercheurs …") and the line opens in lower case or on a guillemet, or the line opens on a
    guillemet and a word in lower case ("… son fils," / "« passe ses journées …")."""
    head = stripped[:1]
    if _OPEN_LOWER.match(stripped):
        return True
    if not (head.islower() or head in "«“"):
        return False
    last = prev.rsplit(None, 1)[-1].lower()
    words = run_on_words()
    return last in words or last[-2:] in words or _ELIDED.sub("", last) in words  # "l'", "d’une"


def wrap_width(lines: list[str]) -> int:
    """The column a page's lines are wrapped at (very large when they are not wrapped)."""
    return _wrap_width(lines)


def wraps_into(prev: str, line: str, width: int) -> bool:
    """Whether ``line`` goes on with ``prev`` by a hard wrap at column ``width`` (both non-blank)."""
    stripped = line.strip()
    return bool(stripped) and _wrapped(prev, len(prev.rstrip()), line, stripped, width)


def _unit_kind(body: str, kind: str | None, indent: int, margin: int) -> str:
    if kind in ("header", "refresh", "http", "linkref"):
        return kind
    # (Without "[" no image alt nor bracketed link can fill the unit.)
    if ("[" in body or "(" in body or "_" in body or ":" in body) and (
            _FORM_START.match(body) or _FORM.search(body)
            or "[" in body and (_BRACKETS_ONLY.match(body) or not _IMAGE.sub("", body).strip())):
        return "form"
    if kind == "bullet":
        return "bullet"
    if margin >= 2 and indent == 0:
        return "heading"
    return "text"


def is_image(text: str) -> bool:
    """A unit that is a picture and nothing else (``[photo.jpg]``, ``[IMG]``): not a form's
    bracketed button (``[ Rechercher ]``), not the site's logo (the headline often follows it)."""
    return bool(_IMAGE.search(text)) and not _IMAGE.sub("", text).strip(" []") and "logo" not in text.lower()


def strip_images(text: str) -> str:
    """The text without its image alts (``[logo.png]``)."""
    return " ".join(_IMAGE.sub(" ", text).split()) if "[" in text else text


def refresh_url(us: list[Unit]) -> str | None:
    """The page URL a ``REFRESH(…)`` unit gives (``http(s)`` only: a local path says nothing)."""
    for u in us:
        if u.kind == "refresh":
            m = re.search(r"https?://\S+", u.text.replace(" ", ""))
            if m:
                return m.group(0)
    return None


def slug_words(url: str | None) -> list[str]:
    """The words of a URL's last meaningful path segment ("/monde/le-port-ferme-123.html" ->
    ["le", "port", "ferme"]), lower case; [] when the path has no such slug."""
    if not url:
        return []
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return []
    segments = [s for s in path.split("/") if s]
    for seg in reversed(segments):
        seg = re.sub(r"\.(?:s?html?|php|aspx?)$", "", seg)
        parts = [p for p in re.split(r"[-_+]", seg) if p and not p.isdigit()]
        if len(parts) >= 3:
            return [p.lower() for p in parts]
    return []
