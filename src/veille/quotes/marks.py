"""The quotation-mark scanner: the words between « », “ ”, „ “, " ", ‹ › in a text, paragraph by paragraph.

It copes with what real copy does: a closing mark that is missing (the quote ends at the first
sentence end when a new quote opens in the same paragraph, else at the paragraph end), reversed
(``« … «``), a quote running over several paragraphs (French convention: each continued paragraph
opens with « and only the last one closes), nested quotes, and a missing opening mark at the start
of a paragraph. It is a plain function over a string so it can be tested on its own (hypothesis
property tests); it knows nothing of spaCy.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from veille.quotes.curly_pairs import curly_read_by_position
from veille.quotes.lost_open import lost_open_start

# Mark -> family. „ opens a curly quote that “ or ” closes (German/Polish style).
MARK_FAMILY = {"«": "guil", "»": "guil", "“": "curly", "”": "curly", "„": "curly", '"': "straight",
           "‹": "single", "›": "single"}
_NATURAL_OPEN = frozenset("«“„‹")
_NATURAL_CLOSE = frozenset("»”›")
# A mark followed by one of these (or by the paragraph end) cannot open a quote: it closes one.
_AFTER_CLOSE = frozenset(",.;:!?)]…")
# A closing-looking mark preceded by one of these (or by the paragraph start) opens a quote.
_BEFORE_OPEN = frozenset(":—–-([")
SENTENCE_END = re.compile(r"[.!?…][\"»”)]*\s+(?=[^\w]{0,3}[A-ZÀ-ÖØ-Þ])")
WORD = re.compile(r"\w+")


@dataclass
class MarkSpan:
    """Words between quotation marks: offsets of the words themselves (marks excluded)."""

    start: int
    end: int
    pieces: list[tuple[int, int]]  # one (start, end) per paragraph the quote runs over
    open_char: str
    closed: bool = True  # False when the closing mark was missing or the quote was cut
    missing_open: bool = False  # the opening mark was missing (quote from paragraph start)

    def text(self, full: str) -> str:
        """The quoted words, pieces joined by a space; a paragraph break inside a piece (a sentence the page
        cut over two blocks, ``cut_paragraphs``) read as a space."""
        return BREAK.sub(" ", " ".join(full[s:e] for s, e in self.pieces))


BREAK = re.compile(r"[ \t]*\n\s*")  # a line or paragraph break inside a quoted piece


def _paragraph_segments(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in re.split(r"(\n\s*\n)", text):
        if part and not re.fullmatch(r"\n\s*\n", part):
            out.append((pos, pos + len(part)))
        pos += len(part)
    return out


def _prev_char(text: str, i: int, lo: int) -> str | None:
    j = i - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return text[j] if j >= lo else None


def _next_char(text: str, i: int, hi: int) -> str | None:
    j = i + 1
    while j < hi and text[j].isspace():
        j += 1
    return text[j] if j < hi else None


def _strip_piece(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in MARK_FAMILY):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in MARK_FAMILY):
        e -= 1
    return s, e


@dataclass
class _Open:
    open_pos: int
    char: str
    family: str
    piece_start: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)  # families of nested quotes still open
    bare_next: bool = False  # the next paragraph goes on without reopening the quote
    hops: int = 0  # paragraphs carried over without a reopening mark


def scan_quote_marks(text: str, segments: list[tuple[int, int]] | None = None) -> list[MarkSpan]:
    """Quoted passages of ``text``, in order. ``segments`` are the paragraphs (start, end);
    by default the text is split at blank lines. Never raises on any string."""
    if segments is None:
        segments = _paragraph_segments(text)
    # ” … ” / “ … “ mixed on one page: such a paragraph's marks are paired by position (curly_pairs.py)
    text = curly_read_by_position(text, segments)
    out: list[MarkSpan] = []
    carry: _Open | None = None
    for k, (s, e) in enumerate(segments):
        marks = [j for j in range(s, e) if text[j] in MARK_FAMILY]
        idx = 0
        cur: _Open | None = None
        emitted_here, last_close = False, s
        if carry is not None:
            cur, carry = carry, None
            cur.stack = []
            if cur.bare_next:
                cur.piece_start, cur.bare_next = s, False  # goes on with no mark ("… je ne le ferai pas. »")
            else:
                # The paragraph starts with the continuation mark (checked before carrying).
                cur.piece_start = marks[0] + 1
                idx = 1
        while idx < len(marks):
            j = marks[idx]
            ch = text[j]
            fam = MARK_FAMILY[ch]
            prev, nxt = _prev_char(text, j, s), _next_char(text, j, e)
            can_open = nxt is not None and nxt not in _AFTER_CLOSE
            can_close = prev is not None and prev not in "(["
            if cur is None:
                opens = False
                if ch in _NATURAL_OPEN or ch == '"':
                    opens = can_open
                elif can_open and (prev is None or prev in _BEFORE_OPEN or not can_close or _set_as_opening(text, j, e)):
                    opens = True  # a reversed mark opening a quote ("» Nous …" at a paragraph start)
                if opens:
                    cur = _Open(open_pos=j, char=ch, family=fam, piece_start=j + 1)
                elif can_close and ch not in _NATURAL_OPEN:
                    # A closing mark with no opening one: the quote ran from the paragraph start, from
                    # a colon, or from the incise after the quote before it (lost_open.py)
                    # (a straight " tells no direction; "» est temps" may be a reversed mark opening)
                    head = lost_open_start(text, s, j, last_close if emitted_here else None) \
                        if ch in _NATURAL_CLOSE and not can_open else None
                    ps, pe = _strip_piece(text, head if head is not None else s, j)
                    if (head is not None or not emitted_here) and len(WORD.findall(text[ps:pe])) >= 4:
                        out.append(MarkSpan(ps, pe, [(ps, pe)], ch, True, missing_open=True))
                        emitted_here, last_close = True, j
                idx += 1
                continue
            top = cur.stack[-1] if cur.stack else cur.family
            # What role does this mark play here?
            if ch == '"':
                is_close = top == "straight" or (cur.family == "straight" and can_close and not can_open)
                if is_close and top == "straight" and _nested_straight(text, j, marks[idx + 1:]):
                    cur.stack.append(fam)  # "Il parle d'une "crise" sans fin": a quote inside the quote
                    idx += 1
                    continue
            elif ch in _NATURAL_CLOSE:
                is_close = not _set_as_opening(text, j, e)  # ”…” one way: a title set inside opens
            elif ch == "“" and top == "curly" and cur.char == "„" and not cur.stack:
                is_close = True
            else:  # a natural opening mark: closes only when nothing can follow it (reversed)
                is_close = not can_open and can_close
            if is_close:
                if cur.stack and fam == cur.stack[-1]:
                    cur.stack.pop()
                elif fam == cur.family:
                    cur.pieces.append((cur.piece_start, j))
                    _emit(out, text, cur, closed=True)
                    emitted_here, last_close = True, j
                    cur = None
                idx += 1
                continue
            # An opening mark inside an open quote.
            if fam == cur.family and not cur.stack:
                boundary = SENTENCE_END.search(text, cur.piece_start, j)
                if boundary and not _outer_closes_later(text, marks[idx:], fam):
                    # The first quote was never closed: it ends with its first sentence and
                    # everything after is scanned again (it may hold quotes of its own).
                    cur.pieces.append((cur.piece_start, boundary.start() + 1))
                    _emit(out, text, cur, closed=False)
                    emitted_here, last_close = True, boundary.start()
                    cur = None
                    idx = bisect.bisect_left(marks, boundary.end())
                    continue
            cur.stack.append(fam)
            idx += 1
        if cur is not None:
            cur.pieces.append((cur.piece_start, e))
            nxt_seg = segments[k + 1] if k + 1 < len(segments) else None
            first = _next_char(text, nxt_seg[0] - 1, nxt_seg[1]) if nxt_seg else None
            if first is not None and first in MARK_FAMILY and MARK_FAMILY[first] == cur.family and (
                    first in _NATURAL_OPEN or first == '"'):
                # French convention: a quote going on in the next paragraph reopens it.
                carry = cur
                continue
            if cur.hops < MAX_BARE_HOPS and _closed_later(text, segments, k + 1, cur.family):
                # Many sites drop the reopening mark: the quote goes on until a paragraph closes it.
                cur.bare_next, cur.hops = True, cur.hops + 1
                carry = cur
                continue
            _emit(out, text, cur, closed=False)
    if carry is not None:
        _emit(out, text, carry, closed=False)
    return out


def _set_as_opening(text: str, j: int, e: int) -> bool:
    """”Nous partons”: a closing curly mark after a space and glued to the word after it opens a quote
    (a page whose "smart quotes" curl one way only); a closing mark is glued to the word before it."""
    return text[j] == "”" and j > 0 and text[j - 1].isspace() and j + 1 < e and text[j + 1].isalnum()


def _outer_closes_later(text: str, later: list[int], family: str) -> bool:
    """« Lisez « Le Roi ». Puis « La Reine » qu'on oublie », dit-elle: a title in marks after a sentence
    end inside a quote is nested when the paragraph's marks of that family close once more than they open
    from there on (the outer quote closes after it), not a new quote after one never closed. Only for
    marks that tell opening from closing (« », “ ”)."""
    if family not in ("guil", "curly"):
        return False
    opens = sum(1 for k in later if text[k] in _NATURAL_OPEN and MARK_FAMILY[text[k]] == family)
    closes = sum(1 for k in later if text[k] in _NATURAL_CLOSE and MARK_FAMILY[text[k]] == family)
    return closes > opens


def _nested_straight(text: str, j: int, later: list[int]) -> bool:
    """True when the straight mark at ``j``, inside a straight quote, opens a quote of its own: set
    like an opening mark (a space before it, a word glued after it) with a pair of straight marks still
    to come in the paragraph (its own closing mark and the outer quote's)."""
    if j == 0 or j + 1 >= len(text) or not text[j - 1].isspace() or not text[j + 1].isalnum():
        return False
    rest = [k for k in later if text[k] == '"']
    return len(rest) >= 2 and len(rest) % 2 == 0


MAX_BARE_HOPS = 3  # paragraphs a quote may run over with no reopening mark


def _closed_later(text: str, segments: list[tuple[int, int]], k: int, family: str) -> bool:
    """True when the paragraph ``k`` goes on with the open quote: its first mark closes a quote of
    ``family`` after words of its own ("Par rapport à tout ça, je ne le ferai pas. »"), or it has no
    mark and the next paragraph does so (at most ``MAX_BARE_HOPS`` paragraphs)."""
    for s, e in segments[k:k + MAX_BARE_HOPS]:
        j = next((i for i in range(s, e) if text[i] in MARK_FAMILY), None)
        if j is None:
            continue  # a paragraph with no mark: look at the next one
        ch = text[j]
        if MARK_FAMILY[ch] != family:
            return False
        nxt = _next_char(text, j, e)
        if not WORD.search(text, s, j):
            # the closing mark alone at the head of the line ("». Mais …"); "» Nous …" reopens instead
            return ch not in _NATURAL_OPEN and (nxt is None or nxt in _AFTER_CLOSE)
        return ch in _NATURAL_CLOSE or (ch == '"' and (nxt is None or nxt in _AFTER_CLOSE))
    return False


def _emit(out: list[MarkSpan], text: str, cur: _Open, closed: bool) -> None:
    pieces = []
    for s, e in cur.pieces:
        s, e = _strip_piece(text, s, e)
        if e > s:
            pieces.append((s, e))
    if pieces and any(c.isalnum() for s, e in pieces for c in text[s:e]):
        out.append(MarkSpan(pieces[0][0], pieces[-1][1], pieces, cur.char, closed))

