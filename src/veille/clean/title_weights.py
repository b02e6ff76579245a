"""How much each piece of evidence weighs for a dump's headline candidate (``browser._title_score``).

The candidate's evidence is a handful of named features (its shape, agreement with the link header
and URL slug, the byline or stamp under it, its lede repeating its words, its place in the page…);
its score is their weighted sum, the weights read from ``lexicons/clean/title_weights.tsv``. Keeping
them as data lets ``tools/clean/title_cv.py`` refit them and judge a refit against the shipped
weights by cross-validation grouped by site. A recorder (``recording``) collects every candidate's
features for that tool; it is off in normal runs and costs nothing then.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from veille.common.lexicon import rows

WEIGHTS_FILE = "clean/title_weights.tsv"
_recorder: list[dict[str, float]] | None = None


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """feature -> weight, as shipped."""
    return {name: float(value) for name, value, *_ in rows(WEIGHTS_FILE, min_columns=2)}


_override: dict[str, float] | None = None


def weigh(features: dict[str, float]) -> float:
    """The candidate's score: its features weighed (a feature the file lacks weighs nothing)."""
    w = _override if _override is not None else weights()
    if _recorder is not None:
        _recorder.append(features)
    return sum(w.get(name, 0.0) * value for name, value in features.items())


def wanted(*names: str) -> bool:
    """Whether any of these features counts now (a weight that is not zero, or candidates being
    recorded for fitting): evidence that weighs nothing need not be computed."""
    w = _override if _override is not None else weights()
    return _recorder is not None or any(w.get(name, 0.0) for name in names)


@contextmanager
def recording(into: list[dict[str, float]]) -> Iterator[None]:
    """Every candidate's features appended to ``into`` while the block runs (for fitting)."""
    global _recorder
    saved, _recorder = _recorder, into
    try:
        yield
    finally:
        _recorder = saved


@contextmanager
def weighed_by(override: dict[str, float]) -> Iterator[None]:
    """Scores computed with ``override`` instead of the shipped weights while the block runs."""
    global _override
    saved, _override = _override, override
    try:
        yield
    finally:
        _override = saved
