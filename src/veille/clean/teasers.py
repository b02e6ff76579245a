"""Lists of dated teasers in a dump: other articles' headlines, each with its own date.

News sites print blocks of other articles ("À lire aussi", "Les plus lus", "Fil info") anywhere
on the page, often right above the article's headline, each item a date and a headline:

    Publié le 01/03/2024 à 09:15
    La gare de Valmorin rénovée pour l'été
    Publié le 26/02/2024 à 10:15
    Trois pistes cyclables promises le long de la Lisse
    Publié le 21/02/2024 à 11:15
    …

Such a block reads as a list by its rhythm: three dated units or more, printed by one template
(the same shape once the digits and month names are set aside), at one step from one another
(every second or third unit), with short non-sentence lines between them. Its dates are the
teasers', never the article's, and its lines are no headline of the page (``dated_list``).
The article's own stamp, under or above its headline, is printed once, or right above the
article's first paragraph: it is no member (one printed above a headline the first paragraph
follows may be taken for the last item's: that headline stays a candidate). Under a related-links
heading ("Articles recommandés :", "À lire aussi") the list is announced: its last item is one even
when the article's prose resumes right under it (a block of two teasers or more set inside the
text, each headline over its date), and its two first items are enough to set its rhythm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from veille.clean.article_end import END_MAX_WORDS, end_cues
from veille.clean.cues import cue_kind
from veille.clean.dump import Unit
from veille.clean.shapes import is_link_heading
from veille.clean.stamps import is_page_clock, stamps
from veille.clean.text import normalize_line, word_count, words
from veille.common.dates import find_full_date, month_number

LIST_MIN_DATES = 3
STEPS = (2, 3)  # text units from one item's date to the next one's
LOOSE_MAX_STEP = 4
DATED_MAX_WORDS = 12
ITEM_MAX_WORDS = 30  # a teaser's headline or its one-line summary
_TEXT_UNITS = frozenset({"text", "heading"})
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+\.?")
_DECIMAL = re.compile(r"\d")


@lru_cache(maxsize=4096)
def shape_of(text: str) -> str:
    """A dated line with its digits and month names set aside: the template that printed it."""
    out = _DIGITS.sub("0", text.lower())
    return _WORD.sub(lambda m: "M" if month_number(m.group(0)) else m.group(0), out)


@lru_cache(maxsize=8192)
def _dated(text: str) -> bool:
    """(Remembered: the headline and stamp choosers ask it of the same lines.)"""
    return len(words(text)) <= DATED_MAX_WORDS and not is_page_clock(text) and (
        bool(stamps(text)) or find_full_date(text) is not None)


@lru_cache(maxsize=16384)  # (asked of the same units by each of a page's lists, one call at C speed)
def _dated_unit(text: str) -> bool:
    """A short unit with a figure that is dated (``_dated``)."""
    return word_count(text) <= DATED_MAX_WORDS and _has_digit(text) and _dated(text)


@lru_cache(maxsize=8192)
def _has_digit(text: str) -> bool:
    # ``str.isdigit`` of some character: a decimal digit (``\d``, at C speed), else one of the other
    # digits ("²", "①"), none of them ASCII, among the text's distinct characters.
    return _DECIMAL.search(text) is not None or not text.isascii() and any(c.isdigit() for c in set(text) if c > "\x7f")


def dated_list(us: Sequence[Unit], lo: int, hi: int) -> set[int]:
    """The units between ``lo`` and ``hi`` that belong to a list of dated teasers (see the module
    doc): the dated units, the lines between them, and the headline after the last date when the
    list prints each date above its headline (nothing that reads like a headline before the first
    date: a heading, a menu, a label)."""
    texts = [i for i in range(max(0, lo), min(len(us), hi)) if us[i].kind in _TEXT_UNITS]
    pos = {i: k for k, i in enumerate(texts)}
    dated = [i for i in texts if _dated_unit(us[i].text)]
    dated_set = set(dated)
    out: set[int] = set()
    used: set[int] = set()
    for start in dated:
        if start in used:
            continue
        for step in (*STEPS, None):  # (None: a loose rhythm, see ``_next_dated``)
            chain = [start]
            while True:
                k = pos[chain[-1]] + step if step is not None else _next_dated(texts, pos[chain[-1]], dated_set)
                if k >= len(texts):
                    break
                nxt = texts[k]
                between = texts[pos[chain[-1]] + 1:k]
                if nxt not in dated_set or shape_of(us[nxt].text) != shape_of(us[start].text) \
                        or not all(_item_line(us[j].text) for j in between) \
                        or _opens_body(us, texts, k + 1) and not (
                            len(chain) >= LIST_MIN_DATES - 1 and _announced(us, texts, pos[chain[0]], step)):
                    break
                chain.append(nxt)
            if len(chain) < LIST_MIN_DATES:
                continue
            used.update(chain)
            out.update(texts[pos[chain[0]]:pos[chain[-1]] + 1])
            before = texts[pos[chain[0]] - 1] if pos[chain[0]] > 0 else None
            if before is not None and _first_headline(
                    us, before, [j for j in texts[pos[chain[0]] + 1:pos[chain[-1]]] if j not in chain]):
                out.add(before)  # each headline above its date: the first item's headline
                break
            step = step or STEPS[0]
            if (before is None or not _item_line(us[before].text) or len(words(us[before].text)) <= 3) \
                    and not _opens_body(us, texts, pos[chain[-1]] + step):
                # Each date above its headline: the last item's headline follows the last date
                # (unless the article's first paragraph follows it: then it may be the article's
                # headline, under its own stamp, which is left out with the list's: null, not wrong).
                out.update(texts[pos[chain[-1]] + 1:pos[chain[-1]] + step])
            break
    return out


def _announced(us: Sequence[Unit], texts: list[int], first: int, step: int | None) -> bool:
    """A related-links heading opens the list: right above its first date, or above the first
    item's headline printed over that date."""
    for back in (1, 2):
        k = first - back
        if k < 0:
            return False
        text = us[texts[k]].text
        if cue_kind(text) == "link" and is_link_heading(text) \
                or len(words(text)) <= END_MAX_WORDS and end_cues().match(normalize_line(text)):
            return True
        if not _item_line(text):
            return False
    return False


def _next_dated(texts: list[int], at: int, dated: set[int]) -> int:
    """The position of the next dated unit 2 to ``LOOSE_MAX_STEP`` text units after ``at`` (past
    the end when none): a list whose items the dump printed on two or three lines each (a teaser's
    headline wrapped into one unit or two, in two languages), its rhythm set by its dates."""
    return next((k for k in range(at + 2, min(len(texts), at + LOOSE_MAX_STEP + 1)) if texts[k] in dated),
                len(texts))


def _first_headline(us: Sequence[Unit], before: int, between: list[int]) -> bool:
    """The unit above a list's first date is its first item's headline, the list printing each
    date under its headline: set like the items' lines between the dates (one kind of unit, the
    headings of a block of teasers), a teaser's line, no sentence."""
    kinds = {us[j].kind for j in between}
    text = us[before].text
    return len(kinds) == 1 and us[before].kind in kinds and _item_line(text) and len(words(text)) > 3 \
        and not text.rstrip().endswith(".")


def _opens_body(us: Sequence[Unit], texts: list[int], k: int) -> bool:
    """The text unit ``k`` is a paragraph longer than any teaser's line: the date above it is the
    article's own stamp, under its headline."""
    return k < len(texts) and len(words(us[texts[k]].text)) > ITEM_MAX_WORDS


def _item_line(text: str) -> bool:
    """A teaser's headline or summary line: short, undated."""
    n = len(words(text))
    return 0 < n <= ITEM_MAX_WORDS and not _dated(text)
