"""Short interface lines and head matter that text extraction leaves inside an article, dumps and
HTML pages alike (issue 11): each moves to the boilerplate, nothing is lost.

- a line of the page's interface: an advertising break ("La suite après cette publicité"), a video
  player's message (often in English), a slideshow link, a paywall prompt, a row of counters
  ("12 commentaires 40 partages"): the cues of ``lexicons/clean/ui_lines.tsv``, each on a short
  paragraph only;
- the author's or the desk's initials alone on a line, a signature ("L.R.", "abc-def/gh/ij");
- a rubric in capitals opening the first paragraph ("ENQUÊTE - Les habitants de …"): the rubric
  goes, the paragraph stays; a place, an organisation or an agency there is left alone (a
  dateline's place is read by the metadata stage);
- the headline printed again as one of the first two paragraphs (maybe after a list number).
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.clean.shapes import is_desk_initials
from veille.clean.text import normalize_line, words
from veille.common.datelines import agencies, find_dateline, organisation_names
from veille.common.lexicon import rows

_QUOTED = re.compile(r"^\s*[«\"“]")
_CLOSING = re.compile(r"[\s»›>]+$")
# Initials alone: "L.R.", "A. B.", "J.-P.M.", "N.C" (two to four capitals, at least one period).
_INITIALS = re.compile(r"^(?=[^.]*\.)(?:[A-ZÀ-Þ]\.?-?\s?){1,3}[A-ZÀ-Þ]\.?$")
_ROMAN = re.compile(r"^[IVXLC.\s]+$")
# A rubric in capitals opening the first paragraph, a dash after it, then a sentence.
_LEDE_KICKER = re.compile(r"^(?P<kicker>[A-ZÀ-Þ][A-ZÀ-Þ0-9'’/ ]{2,30}?)\s?[-–—]\s+(?=[«\"“A-ZÀ-Þ])")
KICKER_MAX_WORDS = 4
KICKER_MIN_LETTERS = 4
KICKED_MIN_WORDS = 8
LEDE_REACH = 2  # the first paragraph, or the second after a standfirst
REPEAT_MIN_WORDS = 4
REPEAT_REACH = 2  # the headline printed again among the first paragraphs only
_LIST_NUMBER = re.compile(r"^\d{1,3}[.)]\s+")


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    return tuple((kind, int(most), re.compile(pattern))
                 for kind, most, pattern, *_ in rows("clean/ui_lines.tsv", min_columns=4))


def ui_kind(text: str) -> str | None:
    """The kind of interface line a paragraph is ("ad_break", "player", "gallery", "paywall",
    "counter", "initials"), or None for text."""
    stripped = text.strip()
    if not stripped or _QUOTED.match(stripped):
        return None
    n = len(words(stripped))
    if n <= 4 and (_INITIALS.match(stripped) and not _ROMAN.match(stripped) or is_desk_initials(stripped)):
        return "initials"
    norm = _CLOSING.sub("", normalize_line(stripped))
    for kind, most, pattern in _cues():
        if n <= most and pattern.search(norm):
            return kind
    return None


def drop_ui_lines(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the interface lines of the module doc, and those lines."""
    dropped = [p for p in paragraphs if ui_kind(p)]
    if not dropped:
        return paragraphs, []
    return [p for p in paragraphs if not ui_kind(p)], dropped


def lede_kicker(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """The paragraphs with the rubric in capitals cut off the first one, or off the second after a
    standfirst, and that rubric ("ENQUÊTE -"), or the paragraphs unchanged and None."""
    for i, para in enumerate(paragraphs[:LEDE_REACH]):
        rest, kicker = _kicker(para)
        if kicker:
            return [*paragraphs[:i], rest, *paragraphs[i + 1:]], kicker
    return paragraphs, None


def _kicker(first: str) -> tuple[str, str | None]:
    m = _LEDE_KICKER.match(first)
    if m is None:
        return first, None
    kicker = m.group("kicker").strip()
    rest = first[m.end():]
    letters = [c for c in kicker if c.isalpha()]
    low = " ".join(kicker.lower().replace("’", "'").split())
    if len(letters) < KICKER_MIN_LETTERS or not all(c.isupper() for c in letters) \
            or len(words(kicker)) > KICKER_MAX_WORDS or len(words(rest)) < KICKED_MIN_WORDS:
        return first, None
    if low in agencies() or low in organisation_names() or low in _places() or find_dateline(first) is not None:
        return first, None  # a dateline's place, an agency, an organisation: not a rubric
    return rest.strip(), first[:m.end()].strip()


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Names and aliases of the bundled KB's places and countries, lower case."""
    from veille.kb import load_kb

    kb = load_kb()
    return frozenset(n.lower() for e in kb.entries.values() if e.get("type") == "LOC"
                     for n in [e.get("name", ""), *(e.get("aliases") or [])] if n)


def _key(text: str) -> list[str]:
    return re.findall(r"\w+", _LIST_NUMBER.sub("", normalize_line(text.strip())))


def drop_title_repeat(title: str | None, paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the headline printed again among the first ones (its words, in
    order, maybe after a list number "4. "), and that paragraph."""
    want = _key(title or "")
    if len(want) < REPEAT_MIN_WORDS or len(paragraphs) < 2:
        return paragraphs, []
    for i, para in enumerate(paragraphs[:REPEAT_REACH]):
        if _key(para) == want:
            return [*paragraphs[:i], *paragraphs[i + 1:]], [para]
    return paragraphs, []
