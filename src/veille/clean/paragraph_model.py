"""A learned last word on the paragraphs kept inside the article's run: furniture or text.

The cleaner's rules have chosen the body; what is left inside it that the article does not say
(a picture caption, other stories' teasers and related headlines, an author's bio, a video label)
takes a different form on every site (issues 11 and 16), so no line rule reaches it. This module
describes each kept paragraph by its shape and its neighbours' (words, final mark, capitals,
finite verbs from a short word list, digits, a credit or media word, brackets, link marks, its
length against the article's median paragraph, its place, whether it repeats the headline or the
other paragraphs' words) and scores it with a logistic regression whose weights are data
(``lexicons/clean/paragraph_model.tsv``, rebuilt by ``tools/clean/train_paragraphs.py`` from the
dev page gold and judged by cross-validation grouped by site). It only ever drops a paragraph, and
only when the model is sure (a high threshold: a real paragraph lost costs more than furniture
kept). The stage reads no model unless its file exists.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

from veille.clean.chronology import chronology_years
from veille.clean.headline import content_stems
from veille.clean.text import CAPITAL_LETTERS, all_capitals
from veille.common.lexicon import LexiconError, groups, mapping

MODEL_FILE = "clean/paragraph_model.tsv"
CUES_FILE = "clean/paragraph_cues.tsv"
MIN_PARAGRAPHS = 4  # a page this short gives the model no article to compare a paragraph with
LIST_MIN = 3  # numbered paragraphs in a row that make a list
EDGE = 2  # paragraphs counted as the article's head or foot

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_UPPER = re.compile(r"^[A-ZÀ-ÖØ-Þ]")
_LOWER = re.compile(r"^[a-zà-öø-ÿ]")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?…][\s»”\"')\]]*$")
_QUESTION = re.compile(r"\?[\s»”\"')\]]*$")
_COLON_END = re.compile(r":\s*$")
_QUOTE = re.compile(r"[«»“”\"]")
_BRACKET = re.compile(r"[()\[\]]")
_CLOSING_BRACKET = re.compile(r"[)\]]\s*\.?\s*$")
_BULLET = re.compile(r"^\s*[■•►▶▸●◆*+>|·-]")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s")
_LINK = re.compile(r"\[\d{1,4}\]|\]\(|https?://|www\.|\(BUTTON\)|IFRAME|\[IMG|\[image", re.I)
_LINK_WORDS = re.compile(r"www\.|IFRAME", re.I)  # (the forms of ``_LINK`` that need no bracket nor "://")
_SEPARATOR = re.compile(r"\s[|/•·]\s")
# The last characters the end patterns above can match on.
_SENTENCE_LAST = frozenset(".!?…»”\"')]")
_QUESTION_LAST = frozenset("?»”\"')]")
_CLOSING_LAST = frozenset(")].")
_INNER_END = re.compile(r"[.!?…]\s+[A-ZÀ-ÖØ-Þ«\"]")

# The features, in the order of the model file (a name the file lacks weighs nothing).
FEATURES = (
    "words_log", "short", "long", "rel_len", "ends_sentence", "ends_question", "ends_colon",
    "no_final", "caps_share", "all_caps", "digit_share", "lower_start", "upper_start",
    "sentences", "finite", "quote", "bracket", "closing_bracket", "bullet", "link", "separator",
    "credit", "media", "copyright", "title_share", "repeat_share", "headline_like",
    "first", "last", "head", "foot", "position",
    "prev_headline_like", "next_headline_like", "prev_short", "next_short", "prev_finite", "next_finite",
    "neighbours_short", "numbered", "run_log", "run_announced", "listed",
)

_OFF: list[bool] = []  # (one entry per open ``model_off`` block)


@contextmanager
def model_off() -> Iterator[None]:
    """The rules' body while the block runs, whatever model is shipped (to collect training data)."""
    _OFF.append(True)
    try:
        yield
    finally:
        _OFF.pop()


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    return groups(CUES_FILE)


@lru_cache(maxsize=1)
def _shipped() -> dict[str, float] | None:
    try:
        return {name: float(value) for name, value in mapping(MODEL_FILE).items()}
    except LexiconError:  # no model shipped: the rules' body
        return None


def _finite(tokens: Sequence[str], verbs: frozenset[str]) -> bool:
    # A finite verb from the word list, or an imperfect or conditional ending ("annonçait", "devraient").
    return not verbs.isdisjoint(tokens) or any(len(t) > 5 and t.endswith(("ait", "aient")) for t in tokens)


def _link(text: str) -> bool:
    """``_LINK`` found in the text; without a bracket, a parenthesis or "://" only its two word
    forms can be (one pattern of two words tried instead of eight forms at every character)."""
    if "[" in text or "]" in text or "(" in text or "://" in text:
        return _LINK.search(text) is not None
    return _LINK_WORDS.search(text) is not None


def _shape(text: str, cues: dict[str, frozenset[str]]) -> tuple[dict[str, float], int]:
    """The paragraph's own features, and how many words it has."""
    found = _WORD.findall(text)
    tokens = list(map(str.lower, found))
    n = len(tokens)
    caps = sum(1 for t in found[1:] if t[0] in CAPITAL_LETTERS)  # (``_UPPER``; a word is never empty)
    final = text.rstrip()
    # The end patterns are anchored on the last character (``final`` ends on no white space): a
    # text that does not end on one of their characters cannot match.
    last = final[-1:]
    ends = last in _SENTENCE_LAST and bool(_SENTENCE_END.search(final))
    colon = last == ":" and bool(_COLON_END.search(final))
    closing = last in _CLOSING_LAST and bool(_CLOSING_BRACKET.search(final))
    short = n <= 12
    f = {
        "words_log": math.log1p(n),
        "short": float(short),
        "long": float(n > 40),
        "ends_sentence": float(ends),
        "ends_question": float(last in _QUESTION_LAST and bool(_QUESTION.search(final))),
        "ends_colon": float(colon),
        "no_final": float(not ends and not colon and not closing),
        "caps_share": caps / max(1, n - 1),
        "all_caps": float(all_capitals(text, 4)),
        "digit_share": min(1.0, len(_DIGIT.findall(text)) / max(1, len(text)) * 10),
        "lower_start": float(bool(_LOWER.match(text.lstrip()))),
        "upper_start": float(bool(_UPPER.match(text.lstrip()))),
        "sentences": math.log1p(len(_INNER_END.findall(text))),
        "finite": float(_finite(tokens, cues.get("verb", frozenset()))),
        "quote": float(bool(_QUOTE.search(text))),
        "bracket": float(bool(_BRACKET.search(text))),
        "closing_bracket": float(closing),
        "bullet": float(bool(_BULLET.match(text))),
        "numbered": float(bool(_NUMBERED.match(text))),
        "link": float(_link(text)),
        "separator": float(any(c in text for c in "|/•·") and bool(_SEPARATOR.search(text))),
        "credit": float(not cues.get("credit", frozenset()).isdisjoint(tokens)),
        "media": float(not cues.get("media", frozenset()).isdisjoint(tokens)),
        "copyright": float("©" in text),
    }
    f["headline_like"] = float(not ends and 3 <= n <= 20 and bool(_UPPER.match(text.lstrip())))
    return f, n


def _short_runs(shapes: Sequence[dict[str, float]]) -> list[tuple[int, int]]:
    """For each paragraph, where its run of consecutive short paragraphs starts and how long it is
    (a long paragraph: its own index and 0)."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(shapes):
        if not shapes[i]["short"]:
            out.append((i, 0))
            i += 1
            continue
        j = i
        while j < len(shapes) and shapes[j]["short"]:
            j += 1
        out.extend([(i, j - i)] * (j - i))
        i = j
    return out


def _numbered_runs(shapes: Sequence[dict[str, float]]) -> list[bool]:
    """Paragraphs in a run of at least three numbered ones ("1. …", "2) …"): a ranking or a list
    of the article's, never dropped (teaser blocks are set with bullets or none)."""
    out = [False] * len(shapes)
    i = 0
    while i < len(shapes):
        j = i
        while j < len(shapes) and shapes[j]["numbered"]:
            j += 1
        if j - i >= LIST_MIN:
            out[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return out


def features(paragraphs: Sequence[str], title: str | None) -> list[dict[str, float]]:
    """One feature dict per paragraph (see the module doc); the model's input."""
    cues = _cues()
    shaped = [_shape(p, cues) for p in paragraphs]
    shapes = [f for f, _ in shaped]
    counts = [n for _, n in shaped]
    median = max(1.0, statistics.median(counts)) if counts else 1.0
    stems = [content_stems(p) for p in paragraphs]
    title_stems = content_stems(title) if title else set()
    seen: dict[str, int] = {}
    for s in stems:
        for w in s:
            seen[w] = seen.get(w, 0) + 1
    n = len(paragraphs)
    runs = _short_runs(shapes)
    listed = _numbered_runs(shapes)
    out = []
    for i, f in enumerate(shapes):
        # (Completed in place: the neighbours read only the shape's own features, set above.)
        own = stems[i]
        f["rel_len"] = math.log((counts[i] + 1) / median)
        f["title_share"] = len(own & title_stems) / len(own) if own else 0.0
        # Words the rest of the article also uses: a caption names the article's people, a teaser
        # another story's.
        f["repeat_share"] = sum(1 for w in own if seen[w] > 1) / len(own) if own else 0.0
        f["first"], f["last"] = float(i == 0), float(i == n - 1)
        f["head"], f["foot"] = float(i < EDGE), float(i >= n - EDGE)
        f["position"] = i / max(1, n - 1)
        prev = shapes[i - 1] if i > 0 else None
        nxt = shapes[i + 1] if i + 1 < n else None
        f["prev_headline_like"] = prev["headline_like"] if prev else 0.0
        f["next_headline_like"] = nxt["headline_like"] if nxt else 0.0
        f["prev_short"] = prev["short"] if prev else 0.0
        f["next_short"] = nxt["short"] if nxt else 0.0
        f["prev_finite"] = prev["finite"] if prev else 1.0
        f["next_finite"] = nxt["finite"] if nxt else 1.0
        f["neighbours_short"] = float(f["prev_short"] + f["next_short"] == 2)
        # A run of short paragraphs: a list the article announces with a colon is text, a block of
        # teasers or credits is not.
        start, length = runs[i]
        f["run_log"] = math.log1p(length)
        f["listed"] = float(listed[i])
        f["run_announced"] = float(length > 1 and start > 0 and shapes[start - 1]["ends_colon"] == 1.0)
        out.append(f)
    return out


def probability(f: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum([weights.get(k, 0.0) * v for k, v in f.items()])
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def drop_furniture(paragraphs: list[str], title: str | None,
                   weights: dict[str, float] | None = None) -> tuple[list[str], list[str]]:
    """The paragraphs kept and those the model is sure are furniture (at least the model file's
    ``threshold``); nothing dropped without a model, on a short page, or when it would drop half."""
    weights = weights if weights is not None else (None if _OFF else _shipped())
    if not weights or len(paragraphs) < MIN_PARAGRAPHS:
        return paragraphs, []
    threshold = weights.get("threshold", 1.0)
    headings = chronology_years(paragraphs)  # (a timeline's years: short, bare, yet the article's)
    drop = [not f["listed"] and i not in headings and probability(f, weights) >= threshold
            for i, f in enumerate(features(paragraphs, title))]
    if 2 * sum(drop) >= len(paragraphs):
        return paragraphs, []
    return [p for p, d in zip(paragraphs, drop, strict=True) if not d], \
        [p for p, d in zip(paragraphs, drop, strict=True) if d]
