"""Short interface lines and head matter that text extraction leaves inside an article, dumps and
HTML pages alike (issue 11): each moves to the boilerplate, nothing is lost.

- a line of the page's interface: an advertising break ("La suite après cette publicité"), a video
  player's message (often in English), a slideshow link, a paywall prompt, a row of counters
  ("12 commentaires 40 partages"), a share button, a logo's label, a sign-up form's tick box or e-mail
  label, a teaser's head or arrow-opened link line ("À ne pas manquer :", "> Autre titre"), a picture credit alone on its line
  ("Illustration : Léa Roy", "Photo archives Le Courrier"): the cues of ``lexicons/clean/ui_lines.tsv``, each on a short
  paragraph only;
- the author's or the desk's initials alone on a line, a signature ("L.R.", "abc-def/gh/ij");
- a rubric in capitals opening the first paragraph ("ENQUÊTE - Les habitants de …"): the rubric
  goes, the paragraph stays; a place, an organisation or an agency there is left alone (a
  dateline's place is read by the metadata stage);
- the headline printed again as one of the first two paragraphs (maybe after a list number);
- a signature: a person's name alone (or two joined by "et"; a byline's dash before it) among the
  first or last three paragraphs, a name the rest of the article never uses (a name set as a
  subheading is the one the next paragraph talks about), and the same name printed again with its
  outlet ("Léa Roy" then "Léa Roy Le Courrier");
- a place opening the lede before a dash ("Valmorin - Le conseil …", "Lisse (38) – …"): the
  article's dateline, its place read there (a place of the KB, or a town with its department).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from veille.clean.shapes import is_desk_initials
from veille.clean.text import normalize_line, word_count
from veille.common.datelines import agencies, find_dateline, normalize_place, organisation_names
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


@lru_cache(maxsize=1)
def _most_words() -> int:
    """The longest paragraph any cue applies to (a body paragraph is longer: no cue is tried)."""
    return max((most for _, most, _ in _cues()), default=0)


@lru_cache(maxsize=16384)  # (asked of each paragraph by the interface and the credit passes, and of headline candidates)
def ui_kind(text: str) -> str | None:
    """The kind of interface line a paragraph is (a kind of ``lexicons/clean/ui_lines.tsv``:
    "ad_break", "player", "gallery", "paywall", "counter", "share", "logo", "button", "form", "teaser", "credit", "rights"; or
    "initials"), or None for text."""
    stripped = text.strip()
    if not stripped:
        return None
    if _QUOTED.match(stripped):
        return None  # speech
    n = word_count(stripped)
    if n <= 4 and (_INITIALS.match(stripped) and not _ROMAN.match(stripped) or is_desk_initials(stripped)):
        return "initials"
    if n > _most_words():
        return None
    norm = _CLOSING.sub("", normalize_line(stripped))
    for kind, most, pattern in _cues():
        if n <= most and pattern.search(norm):
            return kind
    return None


def drop_ui_lines(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the interface lines of the module doc, and those lines."""
    return _drop_kinds(paragraphs, lambda kind: kind not in (None, "credit"))


def drop_credit_lines(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without a picture credit alone on its line, and those lines. Asked after the
    teasers closing the article are cut: a credit inside a teaser list is one of its items."""
    return _drop_kinds(paragraphs, lambda kind: kind == "credit")


def _drop_kinds(paragraphs: list[str], drop: Callable[[str | None], bool]) -> tuple[list[str], list[str]]:
    kinds = [ui_kind(p) for p in paragraphs]
    dropped = [p for p, kind in zip(paragraphs, kinds, strict=True) if drop(kind)]
    if not dropped:
        return paragraphs, []
    return [p for p, kind in zip(paragraphs, kinds, strict=True) if not drop(kind)], dropped


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
            or word_count(kicker) > KICKER_MAX_WORDS or word_count(rest) < KICKED_MIN_WORDS:
        return first, None
    if low in agencies() or low in organisation_names() or low in _places() or find_dateline(first) is not None:
        return first, None  # a dateline's place, an agency, an organisation: not a rubric
    return rest.strip(), first[:m.end()].strip()


# A signature's shape: capitalised words (particles allowed), at most four, maybe two people.
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿA-ZÀ-Þ'’-]+\.?$")
_PARTICLES = frozenset("de du d' d’ van von le la ben bin el al da di des".split())
_NOT_A_NAME = re.compile(r"[\d:;!?«»\"“”(),/|@#&]")
SIGNATURE_REACH = 3
SIGNATURE_MAX_PEOPLE = 2
# A byline's dash or bullet before the name ("- Léa Roy" under the stamp).
_SIGNATURE_DASH = re.compile(r"^[-–—•]\s+")
# The signature printed again with the outlet after it ("Léa Roy" then "Léa Roy Le Courrier"):
# at most three capitalised words after the name.
_OUTLET_TAIL = re.compile(r"^(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3}$")


def _signature_surnames(text: str) -> list[str] | None:
    """The surnames of a paragraph that is only one or two people's names ("Léa Roy", "Awa Koné
    et Léa Roy", a byline's dash before them: "- Léa Roy"), else None."""
    text = _SIGNATURE_DASH.sub("", text.strip())
    if _NOT_A_NAME.search(text) or text.endswith(".") and not re.search(r"\b[A-ZÀ-Þ]\.$", text):
        return None
    people = re.split(r"\s+(?:et|and)\s+", text)
    if len(people) > SIGNATURE_MAX_PEOPLE:
        return None
    surnames = []
    for person in people:
        ws = person.split()
        if not 2 <= len(ws) <= 4 or not _NAME_WORD.match(ws[0]) or not _NAME_WORD.match(ws[-1]) \
                or any(w.lower() not in _PARTICLES and not _NAME_WORD.match(w) for w in ws):
            return None
        surnames.append(ws[-1].strip(".").lower())
    return surnames


def drop_signatures(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the signatures of the module doc, and the signatures."""
    n = len(paragraphs)
    dropped: set[int] = set()
    for i, para in enumerate(paragraphs):
        if SIGNATURE_REACH <= i < n - SIGNATURE_REACH or len(para) > 80:
            continue
        surnames = _signature_surnames(para)
        if not surnames:
            continue
        # (the same name printed again with its outlet is no use of it by the article)
        name = _SIGNATURE_DASH.sub("", para.strip())
        rest = " ".join(p for j, p in enumerate(paragraphs) if j != i and not _outlet_copy(p, name)).lower()
        if not any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", rest) for s in surnames):
            dropped.add(i)
    for i, para in enumerate(paragraphs):
        if i not in dropped and any(_outlet_copy(para, _SIGNATURE_DASH.sub("", paragraphs[j].strip()))
                                    for j in dropped):
            dropped.add(i)
    if not dropped:
        return paragraphs, []
    return ([p for i, p in enumerate(paragraphs) if i not in dropped],
            [p for i, p in enumerate(paragraphs) if i in dropped])


def _outlet_copy(para: str, name: str) -> bool:
    """``para`` is the signature ``name`` again with its outlet after it ("Léa Roy Le Courrier")."""
    text = para.strip()
    return len(text) <= 80 and text.startswith(name) and _OUTLET_TAIL.match(text[len(name):]) is not None


# A place opening the lede before a spaced dash, maybe with its department ("Lisse (38) – …").
_LEDE_PLACE = re.compile(r"^(?P<place>[A-ZÀ-Þ][\w'’.-]+(?:[ -][\w'’.-]+){0,3}?)(?:\s*\((?P<dept>\d{2,3}|2[AB])\))?"
                         r"\s+[-–—]\s+(?=[«\"“A-ZÀ-Þ])")


def lede_place(paragraphs: list[str]) -> tuple[list[str], str | None, str | None]:
    """The paragraphs with a place opening the first one cut off (see the module doc), the
    dateline as it stands and its place; or the paragraphs unchanged and None, None."""
    if not paragraphs:
        return paragraphs, None, None
    m = _LEDE_PLACE.match(paragraphs[0])
    if m is None:
        return paragraphs, None, None
    place, rest = m.group("place"), paragraphs[0][m.end():]
    if word_count(rest) < KICKED_MIN_WORDS or not (m.group("dept") or place.lower() in _places()):
        return paragraphs, None, None
    return [rest.strip(), *paragraphs[1:]], paragraphs[0][:m.end()].strip(), normalize_place(place)


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
