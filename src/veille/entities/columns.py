"""Per-article token columns the entity rules read, built once per Doc from the cached columns
(``veille.common.docarrays``) with one test per distinct word rather than one per token.

``clause_columns`` is what ``MentionFinder.foreign_clause`` reads: for each token whether it ends a
clause, running counts of foreign and French function words, and the nearest clause bound before and
after each token. The same lists the finder built token by token through the string store.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from itertools import accumulate
from typing import Any

from spacy.attrs import LOWER, ORTH

from veille.common.docarrays import derived, token_strings

ClauseColumns = tuple[list[bool], list[int], list[int], list[int], list[int]]


def clause_columns(doc: Any, is_bound: Callable[[str], bool], foreign_words: Collection[str],
                   french_words: Collection[str]) -> ClauseColumns:
    """(bounds, foreign counts, French counts, bound before, bound after) of ``doc``'s tokens.

    Example: over "Il dit . Then he left" with "then" and "he" foreign, bounds marks the ".", the
    foreign counts run 0,0,0,0,1,2,2 and each word after the "." has that bound (2) before it."""
    key = f"entities_clauses:{id(foreign_words)}:{id(french_words)}"  # (the stage's own word sets)
    return derived(doc, key, lambda: _build(doc, is_bound, foreign_words, french_words))


def _build(doc: Any, is_bound: Callable[[str], bool], foreign_words: Collection[str],
           french_words: Collection[str]) -> ClauseColumns:
    texts, lowers = token_strings(doc, ORTH), token_strings(doc, LOWER)
    bound_of = {w: is_bound(w) for w in set(texts)}
    bounds = list(map(bound_of.__getitem__, texts))
    foreign = list(accumulate(map(foreign_words.__contains__, lowers), initial=0))
    french = list(accumulate(map(french_words.__contains__, lowers), initial=0))
    n = len(bounds)
    last, before = -1, [0] * n
    for k, b in enumerate(bounds):
        before[k] = last
        if b:
            last = k
    nxt, after = n, [0] * n
    for k in range(n - 1, -1, -1):
        after[k] = nxt
        if bounds[k]:
            nxt = k
    return bounds, foreign, french, before, after
