"""The furniture lexicon (``lexicons/boilerplate.tsv``): which kind of page furniture a line is by its cue words."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter

from veille.clean.text import (
    COUNTER,
    COUNTER_AFTER,
    COUNTER_ON_TITLE,
    SENTENCE_END,
    TAGLINE_SPLIT,
    TRAILING_MARKS,
    WHOLE_PAREN,
    is_prose,
    normalize_line,
    words,
)
from veille.common.dates import find_date_in_line


@dataclass(frozen=True)
class Cue:
    kind: str
    where: str  # "prefix" | "anywhere" | "counter"
    max_words: int
    text: str


@lru_cache(maxsize=1)
def boilerplate_cues() -> tuple[Cue, ...]:
    text = resources.files("veille").joinpath("lexicons/boilerplate.tsv").read_text("utf-8")
    cues = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, where, max_words, cue = line.split("\t")
        cues.append(Cue(kind, where, int(max_words), normalize_line(cue)))
    return tuple(cues)


_PREFIX_KEY = 3  # prefix and byline cues are indexed by their first characters


@lru_cache(maxsize=2)
def _cue_index(unlimited: bool = False) -> tuple[dict[str, tuple[tuple[int, Cue], ...]], tuple[tuple[int, Cue], ...],
                                                 tuple[tuple[int, Cue], ...], tuple[tuple[int, Cue], ...]]:
    """The cues split by how a line can meet them, each with its rank in the lexicon: prefix and
    byline cues by their first characters, the short ones, the "anywhere" ones, and the rest
    (counters, suffixes, brackets, taglines: few). Looking up only the cues a line can meet keeps
    the lexicon's order (the first cue that applies wins) at a fraction of the cost. ``unlimited``:
    only the cues without a word limit (those a line longer than every limit can meet)."""
    by_prefix: dict[str, list[tuple[int, Cue]]] = {}
    short: list[tuple[int, Cue]] = []
    anywhere: list[tuple[int, Cue]] = []
    rest: list[tuple[int, Cue]] = []
    for rank, cue in enumerate(boilerplate_cues()):
        if unlimited and cue.max_words:
            continue
        if cue.where in ("prefix", "byline"):
            if len(cue.text) >= _PREFIX_KEY:
                by_prefix.setdefault(cue.text[:_PREFIX_KEY], []).append((rank, cue))
            else:
                short.append((rank, cue))
        elif cue.where == "anywhere":
            anywhere.append((rank, cue))
        elif cue.where in ("counter", "suffix", "paren", "tagline"):
            rest.append((rank, cue))
    return {k: tuple(v) for k, v in by_prefix.items()}, tuple(short), tuple(anywhere), tuple(rest)


def _candidate_cues(norm: str, counted: bool, bracketed: bool, segmented: bool, unlimited: bool = False) -> list[Cue]:
    """The cues that may apply to a normalised line, in the lexicon's order: counters only for a
    counted line, bracket cues for a bracketed one, taglines for a line in segments; ``unlimited``
    (a line longer than every word limit): only the cues without one (a long paragraph is no longer
    searched for the "anywhere" cues it is too long to hold)."""
    by_prefix, short, _, _ = _cue_index(unlimited)
    found = [*by_prefix.get(norm[:_PREFIX_KEY], ()), *short,
             *(rc for piece, group in _anywhere_groups(unlimited) if piece in norm for text, rc in group if text in norm)]
    found.extend(_rest_cues(counted, bracketed, segmented, unlimited))
    found.sort(key=itemgetter(0))  # (by rank)
    return [c for _, c in found]


@lru_cache(maxsize=2)
def _anywhere_texts(unlimited: bool = False) -> tuple[tuple[str, tuple[int, Cue]], ...]:
    """The "anywhere" cues of ``_cue_index`` with their text first."""
    return tuple((rc[1].text, rc) for rc in _cue_index(unlimited)[2])


_PIECE_CHARS = 5  # (a shorter piece, " co", is in most lines and would sort out nothing)


@lru_cache(maxsize=2)
def _anywhere_groups(unlimited: bool = False) -> tuple[tuple[str, tuple[tuple[str, tuple[int, Cue]], ...]], ...]:
    """The "anywhere" cues grouped under a piece of text each cue of the group holds ("cookie",
    "ne sera pas publi"): a line is searched for a dozen pieces, and for the cues of a piece only
    when it holds that piece (a line holds a cue only if it holds its piece)."""
    left = list(_anywhere_texts(unlimited))
    groups = []
    while left:
        counts: dict[str, int] = {}
        for text, _ in left:
            shortest = min(_PIECE_CHARS, len(text))
            for piece in {text[i:j] for i in range(len(text)) for j in range(i + shortest, len(text) + 1)}:
                counts[piece] = counts.get(piece, 0) + 1
        piece = max(sorted(counts), key=lambda p: (counts[p], len(p)))
        groups.append((piece, tuple(item for item in left if piece in item[0])))
        left = [item for item in left if piece not in item[0]]
    return tuple(groups)


@lru_cache(maxsize=16)
def _rest_cues(counted: bool, bracketed: bool, segmented: bool, unlimited: bool = False) -> tuple[tuple[int, Cue], ...]:
    """The counter, suffix, bracket and tagline cues that may apply to a line of that shape."""
    return tuple(rc for rc in _cue_index(unlimited)[3] if rc[1].where == "suffix" or counted and rc[1].where == "counter"
                 or bracketed and rc[1].where == "paren" or segmented and rc[1].where == "tagline")


# Arrows and bullets that sites set before a related link.
_LINK_MARKS = frozenset("»>►▶▸➤→■•")
_LEAD_MARKS = re.compile(r"^\s*(?:[»>►▶▸➤→■•]\s*){1,2}")


@lru_cache(maxsize=65536)
def cue_kind(line: str) -> str | None:
    """The kind of furniture a line is by its cue words ("link", "nav", "date", …), or None."""
    norm = normalize_line(line)
    if norm[:1] in _LINK_MARKS:
        # "» LIRE AUSSI - …", "► À lire aussi : …", ">> Revoir le sujet": a related link set after
        # an arrow or a bullet; only a link cue counts behind it (a closing "»" opens many lines).
        bare = _LEAD_MARKS.sub("", line, count=1)
        if bare != line and cue_kind(bare) == "link":
            return "link"
    nwords = len(norm.split())
    _, longest = _cues_by_length()
    # A long paragraph is checked only against the cues that apply at any length.
    unlimited = nwords > longest
    # The shapes below are tested only when a cheap look says they may hold: most lines are prose.
    last = norm[-1:]
    counted = (COUNTER.match(norm) or COUNTER_AFTER.match(norm)) \
        if norm[:1].isdigit() or last.isdigit() or last in ")]" else None
    bracketed = norm[:1] in ("(", "[") and bool(WHOLE_PAREN.match(norm))
    segments = TAGLINE_SPLIT.split(norm) if any(c in norm for c in "-–—|") else [norm]
    bare: str | None = None
    cues = _candidate_cues(norm, bool(counted), bracketed, len(segments) >= 2, unlimited)
    for cue in cues:
        if cue.max_words and nwords > cue.max_words:
            continue
        if cue.where == "prefix":
            if norm.startswith(cue.text) and _cue_word_ends(norm, cue.text, line) \
                    and not _sentence_opening_with_cue(line, norm, cue):
                return cue.kind
        elif cue.where == "anywhere":
            if cue.text in norm and _whole_words(cue.text).search(norm):
                return cue.kind
        elif cue.where == "counter":
            if counted and counted.group(1) == cue.text:
                return cue.kind
            # "12 réflexions sur « Le titre »", "3 réponses à « … »": a comment counter naming the
            # post it answers is the header of the blog's comments section.
            if counted and counted.group(1).startswith(cue.text + " ") and COUNTER_ON_TITLE.match(counted.group(1)) \
                    and cue.kind in ("comments", "comments_section"):
                return "comments_section"
        elif cue.where == "suffix":
            # A button label closing a promo: capitalised, no final period ("… S'inscrire"); a
            # sentence "… peuvent s'abonner." is body.
            if cue.text not in norm:
                continue
            bare = TRAILING_MARKS.sub("", norm) if bare is None else bare
            if bare.endswith(cue.text) and (len(bare) == len(cue.text) or not bare[-len(cue.text) - 1].isalnum()) \
                    and not line.rstrip().endswith(".") and _capitalised_tail(line, len(cue.text)):
                return cue.kind
        elif cue.where == "paren":
            if bracketed and _cue_pattern(cue.text, True).search(norm):
                return cue.kind
        elif cue.where == "byline":
            if _is_byline(line, norm, cue.text):
                return cue.kind
        elif cue.where == "tagline":
            if len(segments) >= 2 and any(_cue_pattern(cue.text, False).match(seg) for seg in segments[1:]):
                return cue.kind
    if len(segments) >= 2 and nwords <= _COMPOSITE_MAX_WORDS:
        return _composite_stamp_kind(line)
    return None


# A byline, stamps and a reading time on one line, joined by dashes or bars: too long for each
# cue's own word limit, furniture all the same.
_COMPOSITE_MAX_WORDS = 40
_COMPOSITE_PART_KINDS = frozenset({"byline", "date", "date_update", "reading", "source"})
_STAMP_SEGMENT_MAX_WORDS = 6


def _composite_stamp_kind(line: str) -> str | None:
    """"Par X - 15 nov. à 18:40 | mis à jour le 15 nov. à 21:05 - Temps de lecture : 2 min": every
    segment is a byline, a publication or update stamp or a reading time. The line is a "date"
    line when a segment is a publication date (the metadata stage reads it), else of the first
    segment's kind. A sentence with a dash in it has a segment that is none of these."""
    parts = [p for p in TAGLINE_SPLIT.split(line.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    kinds: list[str] = []
    for part in parts:
        kind = cue_kind(part)
        if kind is None and len(words(part)) <= _STAMP_SEGMENT_MAX_WORDS and find_date_in_line(part):
            kind = "date"
        if kind not in _COMPOSITE_PART_KINDS:
            return None
        kinds.append(kind)
    if "date" in kinds:
        return "date"
    return kinds[0]


@cache
def _cue_pattern(cue: str, word_start: bool) -> re.Pattern[str]:
    """The cue followed by no word character (``word_start``: nor glued to one before it)."""
    return re.compile((r"(?<!\w)" if word_start else "") + re.escape(cue) + r"(?!\w)")


@cache
def _whole_words(cue: str) -> re.Pattern[str]:
    """The cue as whole words: no letter glued to its alphanumeric ends."""
    head = r"(?<!\w)" if cue[:1].isalnum() else ""
    tail = r"(?!\w)" if cue[-1:].isalnum() else ""
    return re.compile(head + re.escape(cue) + tail)


def _cue_word_ends(norm: str, cue: str, line: str) -> bool:
    """The cue ends on a word boundary ("partager" opens "Partager sur X", not "Partagerons"); a
    plural is the same cue ("Newsletters"), and so is a label glued to a capitalised headline
    ("Article suivantLe port …", a dump of two block elements)."""
    nxt = norm[len(cue):len(cue) + 1]
    if not cue[-1:].isalnum() or not nxt or not nxt.isalnum():
        return True
    orig = " ".join(unicodedata.normalize("NFKC", line).split())
    if orig[len(cue):len(cue) + 1].isupper():
        return True
    return nxt in "sx" and not norm[len(cue) + 1:len(cue) + 2].isalnum()


# Cue kinds whose words also open ordinary sentences ("Partager le fardeau est un devoir.", "À
# lire les déclarations du ministre, …").
_SENTENCE_PRONE_KINDS = frozenset({"link", "share", "nav", "live", "reading", "newsletter", "comments",
                                   "comments_section", "ad"})


def _sentence_opening_with_cue(line: str, norm: str, cue: Cue) -> bool:
    """A body sentence that happens to open with cue words: it ends like a sentence and the cue is
    followed by a lower-case word (a label is followed by ":" or a capitalised headline). A link
    line must moreover be a full paragraph ("Lire aussi le portrait." stays a link)."""
    if cue.kind not in _SENTENCE_PRONE_KINDS or not SENTENCE_END.search(line):
        return False
    orig = " ".join(unicodedata.normalize("NFKC", line).split())
    if orig[len(cue.text):len(cue.text) + 1] != " " or not orig[len(cue.text):].lstrip()[:1].islower():
        return False
    return is_prose(line) if cue.kind == "link" else len(words(line)) >= 6


def _capitalised_tail(line: str, size: int) -> bool:
    """True when the last ``size`` characters of the line (final marks aside) open with a capital."""
    tail = TRAILING_MARKS.sub("", line.strip())[-size:]
    return tail[:1].isupper()


@lru_cache(maxsize=1)
def _cues_by_length() -> tuple[tuple[Cue, ...], int]:
    """The cues without a word limit, and the largest word limit of the others: a line longer
    than that is checked against the former only (most body paragraphs)."""
    cues = boilerplate_cues()
    return tuple(c for c in cues if not c.max_words), max(c.max_words for c in cues)


def _is_byline(line: str, norm: str, cue: str) -> bool:
    """"Par Jeanne Martin", "Texte par : Rédaction Monde", "Posté par admin": the cue, then a
    name. A lone "par"/"by" needs a capitalised name after it ("Par ailleurs, …" is a sentence);
    a byline never ends like a sentence."""
    if not norm.startswith(cue):
        return False
    rest = norm[len(cue):]
    if cue[-1].isalpha() and rest[:1] not in (" ", ":"):
        return False
    rest = rest.lstrip(" :")
    if not rest or norm.endswith((".", "?", "!")) and not norm.endswith(" ."):
        return False
    if len(cue.rstrip(":").split()) > 1:
        return True
    # The name in the original line (normalize_line lower-cased it).
    head = line.strip()[len(cue):].lstrip(" :\u00a0")
    return head[:1].isupper()
