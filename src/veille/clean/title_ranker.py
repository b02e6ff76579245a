"""A learned second opinion on a dump's headline: candidate lines and site-free features.

The hand rules of ``browser.choose_title`` were written on the dev dumps; on dumps of sites nobody
read they transfer less well (issue 11). This module describes every line near the article's run
of prose by evidence that needs no knowledge of a site: where it stands (above or inside the run,
how many text units away, a byline or date under it), its shape (words, capitals, final mark),
what else the page says (the ``#`` link header, the URL slug, the lede under it, the line printed
again elsewhere as menus are), and the rule's own decision. ``tools/clean/train_title.py`` fits a
conditional logit over each page's candidates on the gold dumps and judges it against the rules
by cross-validation grouped by site; ``choose`` replays a fitted model (weights as data under
``lexicons/clean/``). The stage reads no model unless its file exists.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from veille.clean.cues import cue_kind
from veille.clean.dump import Unit, is_image
from veille.clean.headline import content_stems
from veille.clean.text import CAPITAL_LETTERS, all_capitals, is_prose, line_key, word_count, words
from veille.common.dates import find_date_in_line
from veille.common.lexicon import LexiconError, lexicon_path, rows

MODEL_FILE = "clean/title_ranker.tsv"
ABOVE = 30  # text units above the run's first one that may hold the headline
INTO = 8  # units into the run
MAX_WORDS = 40
_TEXT = frozenset({"text", "heading"})
_MARKUP = re.compile(r"</?[a-z][a-z0-9]*[\s>/]|&[a-z]+;|&#\d+;", re.I)
_DIGIT = re.compile(r"\d")
_LINK_MARK = re.compile(r"\[\d{1,4}\]|\]\(|https?://")
_SEPARATOR = re.compile(r"\s[|›»>/·•]\s")
_LOWER = re.compile(r"^[a-zà-öø-ÿ]")
_BYLINE_CUES = frozenset({"byline", "date", "date_update", "source", "reading", "credit"})

# The features, in the order of the model file (a name the file lacks weighs nothing).
FEATURES = (
    "above", "into_run", "dist_log", "first_above", "anchored", "stamp_above",
    "words_log", "short", "mid", "long", "caps_ratio", "all_caps", "digits",
    "ends_period", "ends_qe", "ends_colon", "ends_quote",
    "header_share", "slug_share", "lede_share", "page_repeats", "near_repeat",
    "heading", "link_marks", "separators", "cue", "lower_start", "prose",
    "self_stamp", "has_date", "markup", "after_image",
    "rule_pick", "rule_cand", "rule_score",
)


@dataclass
class PageView:
    """What every candidate of one page is compared with (computed once per page)."""

    header: set[str] = field(default_factory=set)
    slug: set[str] = field(default_factory=set)
    keys: Counter[str] = field(default_factory=Counter)
    positions: dict[str, list[int]] = field(default_factory=dict)
    info: dict[int, tuple[str | None, bool]] = field(default_factory=dict)  # unit -> (cue kind, dated)
    prose: dict[int, bool] = field(default_factory=dict)  # unit -> a paragraph of twelve words or more

    def cue_and_date(self, us: Sequence[Unit], k: int) -> tuple[str | None, bool]:
        """Unit ``k``'s boilerplate cue kind and whether it holds a date (each unit read once)."""
        got = self.info.get(k)
        if got is None:
            text = us[k].text.strip()
            dated = _DIGIT.search(text) is not None and find_date_in_line(text) is not None  # (no date without a figure)
            got = self.info[k] = (cue_kind(text), dated)
        return got

    def lede_after(self, us: Sequence[Unit], i: int) -> set[str]:
        """The content stems of the first paragraph of twelve words or more within seven units under ``i``."""
        for k in range(i + 1, min(len(us), i + 8)):
            if k not in self.prose:
                self.prose[k] = us[k].kind in _TEXT and word_count(us[k].text) >= 12 and is_prose(us[k].text)
            if self.prose[k]:
                return content_stems(us[k].text)
        return set()

    def stamp_like(self, us: Sequence[Unit], k: int) -> bool:
        """A byline or a short dated line."""
        kind, dated = self.cue_and_date(us, k)
        return kind in _BYLINE_CUES or dated and word_count(us[k].text) <= 12


def page_view(us: Sequence[Unit], header_texts: Sequence[str], slug: Sequence[str],
              view: PageView | None = None) -> PageView:
    """What the candidates are compared with across the page (into ``view`` when given)."""
    view = view if view is not None else PageView()
    for t in header_texts:
        view.header |= content_stems(t)
    view.slug = content_stems(" ".join(w for w in slug if len(w) >= 3))
    for j, u in enumerate(us):
        if u.kind in _TEXT or u.kind == "bullet":
            k = line_key(u.text)
            if k:
                view.keys[k] += 1
                view.positions.setdefault(k, []).append(j)
    return view


def candidates(us: Sequence[Unit], run_start: int, extra: Sequence[int] = ()) -> list[int]:
    """The text units from ``ABOVE`` text units above the run to ``INTO`` units into it, of two to
    ``MAX_WORDS`` words, and any index of ``extra`` (the rule's own choice)."""
    out: list[int] = []
    seen = 0
    i = run_start - 1
    while i >= 0 and seen < ABOVE:
        if us[i].kind in _TEXT:
            seen += 1
            out.append(i)
        i -= 1
    out.reverse()
    out += [j for j in range(run_start, min(len(us), run_start + INTO)) if us[j].kind in _TEXT]
    out = [j for j in out if 2 <= word_count(us[j].text) <= MAX_WORDS]
    return sorted(set(out) | {j for j in extra if 0 <= j < len(us)})


def _text_between(us: Sequence[Unit], a: int, b: int) -> int:
    return sum(1 for v in us[min(a, b) + 1:max(a, b)] if v.kind in _TEXT)


def _share(mine: set[str], other: set[str]) -> float:
    return len(mine & other) / len(mine) if mine and other else 0.0


def features(us: Sequence[Unit], i: int, run_start: int, view: PageView,
             rule_pick: int | None, rule_scores: dict[int, float]) -> dict[str, float]:
    """The candidate ``i``'s evidence (see ``FEATURES``, in that order)."""
    text = us[i].text.strip()
    f = {**_plain_features(us, i, run_start, text, rule_pick, rule_scores), **_line_features(us, i, view, text),
         **_page_features(us, i, view, text)}
    return {name: f[name] for name in FEATURES}


def _plain_features(us: Sequence[Unit], i: int, run_start: int, text: str,
                    rule_pick: int | None, rule_scores: dict[int, float]) -> dict[str, float]:
    """The evidence of the candidate's place and shape and of the rule (no line test, no page view)."""
    ws = words(text)
    n = len(ws)
    f: dict[str, float] = {}
    f["above"] = float(i < run_start)
    f["into_run"] = float(i >= run_start) * math.log1p(i - run_start) if i >= run_start else 0.0
    between = _text_between(us, i, run_start)
    f["dist_log"] = math.log1p(between) if i < run_start else 0.0
    f["first_above"] = float(i < run_start and between == 0)
    f["words_log"] = math.log1p(n)
    f["short"], f["mid"], f["long"] = float(n <= 3), float(5 <= n <= 25), float(n > 25)
    alpha = [w for w in ws if w[:1].isalpha()]
    f["caps_ratio"] = sum(1 for w in alpha if w[0] in CAPITAL_LETTERS) / len(alpha) if alpha else 0.0
    f["all_caps"] = float(all_capitals(text, 6))
    f["digits"] = sum(map(str.isdigit, text)) / max(1, len(text))
    end = text.rstrip()[-1:] if text.rstrip() else ""
    f["ends_period"] = float(end == "." and not text.rstrip().endswith(".."))
    f["ends_qe"] = float(end in "?!" and end != "")
    f["ends_colon"] = float(end in ":;," and end != "")
    f["ends_quote"] = float(end in "»\"”" and end != "")
    f["heading"] = float(us[i].kind == "heading")
    f["link_marks"] = float(bool(_LINK_MARK.search(text)))
    f["separators"] = min(3.0, float(len(_SEPARATOR.findall(text))))
    f["lower_start"] = float(bool(_LOWER.match(text)))
    f["markup"] = float(bool(_MARKUP.search(text)))
    prev = next((us[k] for k in range(i - 1, max(-1, i - 3), -1) if us[k].text.strip()), None)
    f["after_image"] = float(prev is not None and prev.kind == "form" and is_image(prev.text))
    f["rule_pick"] = float(i == rule_pick)
    score = rule_scores.get(i)
    f["rule_cand"] = float(score is not None)
    f["rule_score"] = max(-5.0, min(10.0, score)) / 5.0 if score is not None else 0.0
    return f


def _line_features(us: Sequence[Unit], i: int, view: PageView, text: str) -> dict[str, float]:
    """The evidence of the line tests (cues, dates, prose) on the candidate, its neighbours and its lede."""
    f: dict[str, float] = {}
    below = [k for k in range(i + 1, min(len(us), i + 6)) if us[k].kind in _TEXT][:3]
    above = [k for k in range(max(0, i - 4), i) if us[k].kind in _TEXT][-2:]
    f["anchored"] = float(any(view.stamp_like(us, k) for k in below))
    f["stamp_above"] = float(any(view.stamp_like(us, k) for k in above))
    f["lede_share"] = _share(content_stems(text), view.lede_after(us, i))
    kind, dated = view.cue_and_date(us, i)
    f["cue"] = float(bool(kind) and kind not in _BYLINE_CUES)
    f["prose"] = float(is_prose(text))
    f["self_stamp"] = float(kind in _BYLINE_CUES)
    f["has_date"] = float(dated)
    return f


def _page_features(us: Sequence[Unit], i: int, view: PageView, text: str) -> dict[str, float]:
    """The evidence of the page view: the link header, the slug, the line printed elsewhere."""
    stems = content_stems(text)
    f = {"header_share": _share(stems, view.header), "slug_share": _share(stems, view.slug)}
    spots = view.positions.get(line_key(text), [])
    f["page_repeats"] = math.log1p(sum(1 for j in spots if abs(j - i) > 6))
    f["near_repeat"] = float(any(0 < abs(j - i) <= 6 for j in spots))
    return f


# The features ``rerank`` bounds before reading them: each lies in [0, 1] but ``page_repeats``
# (the log of a count of the page's units). A candidate whose best case stays under another's
# worst case is never read further; when one is left, it is the model's choice.
_LINE_READ = ("anchored", "stamp_above", "lede_share", "cue", "prose", "self_stamp", "has_date")
_PAGE_READ = ("header_share", "slug_share", "page_repeats", "near_repeat")
_SLACK = 1e-6  # (far above the rounding of a sum of 35 terms, far below any two scores' gap that matters)


def _contenders(known: dict[int, dict[str, float]], weights: dict[str, float], unread: Sequence[str],
                units: int) -> list[int]:
    """The candidates (``known``: the features read so far) that may still score highest, whatever
    the ``unread`` features turn out to be."""
    high = low = 0.0
    for name in unread:
        reach = weights.get(name, 0.0) * (math.log1p(units) if name == "page_repeats" else 1.0)
        high, low = high + max(0.0, reach), low + min(0.0, reach)
    partial = {i: score(f, weights) for i, f in known.items()}
    floor = max(partial.values()) + low
    return [i for i, value in partial.items() if value + high >= floor - _SLACK]


_off = False


def model() -> dict[str, float] | None:
    """feature -> weight of the shipped ranker, or None when no model is shipped (or ``rule_only``)."""
    return None if _off else _shipped()


@lru_cache(maxsize=1)
def _shipped() -> dict[str, float] | None:
    try:
        lexicon_path(MODEL_FILE)
    except LexiconError:
        return None
    return {name: float(value) for name, value, *_ in rows(MODEL_FILE, min_columns=2)}


def score(f: dict[str, float], weights: dict[str, float]) -> float:
    return sum([weights.get(k, 0.0) * v for k, v in f.items()])


def rerank(us: Sequence[Unit], run_start: int, header_texts: Sequence[str], slug: Sequence[str],
           rule_pick: int | None, rule_scores: dict[int, float]) -> int | None:
    """The shipped model's headline among the candidates (the rule's choice among them, with its
    score as evidence); the rule's choice when no model is shipped. The features are read in three
    tiers, the costlier ones only for the candidates the cheaper ones leave in the race
    (``_contenders``): the choice is the one of every feature read for every candidate."""
    weights = model()
    if weights is None:
        return rule_pick
    cands = candidates(us, run_start, [rule_pick] if rule_pick is not None else [])
    if not cands:
        return rule_pick
    texts = {i: us[i].text.strip() for i in cands}
    known = {i: _plain_features(us, i, run_start, texts[i], rule_pick, rule_scores) for i in cands}
    left = _contenders(known, weights, (*_LINE_READ, *_PAGE_READ), len(us))
    view = PageView()
    if len(left) > 1:
        known = {i: {**known[i], **_line_features(us, i, view, texts[i])} for i in left}
        left = _contenders(known, weights, _PAGE_READ, len(us))
    if len(left) == 1:
        return left[0]
    page_view(us, header_texts, slug, view)
    scored = []
    for i in left:
        f = {**known[i], **_page_features(us, i, view, texts[i])}
        scored.append((score({name: f[name] for name in FEATURES}, weights), i))
    return max(scored, key=lambda t: (t[0], -t[1]))[1]  # (the first of equal scores, as in training)


@contextmanager
def rule_only() -> Iterator[None]:
    """The rule's choice while the block runs, whatever model is shipped (to collect training data)."""
    global _off
    saved, _off = _off, True
    try:
        yield
    finally:
        _off = saved
