"""Index-based answers to the syntactic questions the event rules ask most, read off the article's
token columns (``veille.common.docarrays``: dependency labels, heads, children, lemmas as plain lists
built once per Doc) instead of through spaCy ``Token`` objects.

A ``Token`` is built each time ``doc[i]``, ``tok.head`` or ``tok.children`` is read; in the loops
the rules run over every clause of every sentence those objects were a large share of the events
stage. Each helper here gives exactly what the rule it serves computed with Tokens (the same tokens,
in the same order); a rule module calls it in one line.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import islice
from typing import Any

from spacy.attrs import DEP

from veille.common.docarrays import CACHE_KEY, child_indices, head_indices, subtree_indices, token_strings
from veille.events.words import doc_lemmas

_WALK = "subtree_walk"  # ``docarrays.subtree_indices``' cached walk of the whole Doc


def subtree_prefix(doc: Any, i: int, count: int) -> list[int]:
    """``subtree_indices(doc, i)[:count]`` without walking the whole Doc for a few words: the
    article's walk when some rule built it already, else token ``i``'s subtree walked alone, in
    spaCy's order (each left child's subtree, the token, each right child's subtree), up to
    ``count`` words."""
    if _WALK in doc.user_data.get(CACHE_KEY, ()):
        return subtree_indices(doc, i)[:count]
    return list(islice(_walk_from(child_indices(doc), i), count))


def _walk_from(kids: list[list[int]], i: int) -> Iterator[int]:
    stack = [i]  # a token to expand, or ~token (negative) to yield
    while stack:
        t = stack.pop()
        if t < 0:
            yield ~t
            continue
        ks = kids[t]
        stack.extend(c for c in reversed(ks) if c > t)
        stack.append(~t)
        stack.extend(c for c in reversed(ks) if c < t)


_OBLIQUES = frozenset({"obl", "obl:arg", "obl:mod"})


def obliques_on(doc: Any, region: Collection[int], anchors: Collection[int]) -> list[int]:
    """The tokens of ``region``, in text order, that are an oblique (``obl``, ``obl:arg``,
    ``obl:mod``) of one of ``anchors``: what ``places.seat_city`` keeps of a clause's words."""
    deps, heads = token_strings(doc, DEP), head_indices(doc)
    return [i for i in sorted(region) if deps[i] in _OBLIQUES and heads[i] in anchors]


def habit_cue_at(doc: Any, i: int, habitual: Collection[str]) -> bool:
    """An adverb of habit among token ``i``'s dependents ("souvent"), or one as the determiner of an
    oblique ("chaque jour"): ``type_rules._habit_cue`` over the columns."""
    kids, deps, lemmas = child_indices(doc), token_strings(doc, DEP), doc_lemmas(doc)
    for c in kids[i]:
        dep = deps[c]
        if dep == "advmod" and lemmas[c] in habitual:
            return True
        if dep.startswith("obl") and any(deps[d] == "det" and lemmas[d] in habitual for d in kids[c]):
            return True
    return False
