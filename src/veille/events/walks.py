"""Index-based answers to the syntactic questions the event rules ask most, read off the article's
token columns (``veille.common.docarrays``: dependency labels, heads, children, lemmas as plain lists
built once per Doc) instead of through spaCy ``Token`` objects.

A ``Token`` is built each time ``doc[i]``, ``tok.head`` or ``tok.children`` is read; in the loops
the rules run over every clause of every sentence those objects were a large share of the events
stage. Each helper here gives exactly what the rule it serves computed with Tokens (the same tokens,
in the same order); a rule module calls it in one line.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Set
from typing import Any

from spacy.attrs import DEP, LEMMA

from veille.common.docarrays import (
    CACHE_KEY,
    child_indices,
    head_indices,
    morph_fields,
    subtree_indices,
    token_strings,
)
from veille.events.words import doc_lemmas, doc_lowers, masculine, sentence_of

_WALK = "subtree_walk"  # ``docarrays.subtree_indices``' cached walk of the whole Doc


def subtree_prefix(doc: Any, i: int, count: int) -> list[int]:
    """``subtree_indices(doc, i)[:count]`` without walking the whole Doc for a few words: the
    article's walk when some rule built it already, else token ``i``'s subtree walked alone, in
    spaCy's order (each left child's subtree, the token, each right child's subtree), up to
    ``count`` words."""
    if _WALK in doc.user_data.get(CACHE_KEY, ()):
        return subtree_indices(doc, i)[:count]
    return _walk_list(child_indices(doc), i, count)


def subtree_of(doc: Any, i: int) -> list[int]:
    """``subtree_indices(doc, i)``: the article's walk when some rule built it already, else token
    ``i``'s subtree walked alone (the rules ask it of a few objects, seldom worth a walk of the Doc)."""
    if _WALK in doc.user_data.get(CACHE_KEY, ()):
        return subtree_indices(doc, i)
    return _walk_list(child_indices(doc), i, len(doc))


def _walk_list(kids: list[list[int]], i: int, count: int) -> list[int]:
    """The first ``count`` tokens of token ``i``'s subtree in spaCy's order (children are listed in
    text order: those before the token are its left ones)."""
    out: list[int] = []
    append = out.append
    stack = [i]  # a token to expand, or ~token (negative) to write out
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack and len(out) < count:
        t = pop()
        if t < 0:
            append(~t)
            continue
        ks = kids[t]
        if not ks:  # a leaf: written out at once
            append(t)
            continue
        k = bisect_left(ks, t)
        extend(reversed(ks[k:]))
        push(~t)
        extend(reversed(ks[:k]))
    return out


def subtree_words(doc: Any, i: int, count: int) -> frozenset[str]:
    """The lemmas and lower-case forms of the first ``count`` words of token ``i``'s subtree, and the
    masculine singulars of a form the lemmatizer kept as it is ("éhontée" is also "éhonté"):
    ``trigger_objects._subtree_lemmas``' words, over the subtree walked alone (``subtree_prefix``)."""
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    toks = subtree_prefix(doc, i, count)
    lems, lows = [lemmas[j] for j in toks], [lowers[j] for j in toks]
    words = set(lems)
    words.update(lows)
    for lem, low in zip(lems, lows, strict=True):
        if lem == low:
            words.update(masculine(low))
    return frozenset(words)


def possessive_two_below(doc: Any, i: int) -> bool:
    """A possessive determiner in token ``i``'s subtree whose noun hangs on ``i`` itself ("a demandé
    à nos unités": "nos" on "unités" on "demandé"): ``source_rules.own_forces_order``'s test, over
    the columns (``Token.subtree`` builds a Token per word of the subtree)."""
    deps, heads, morph = token_strings(doc, DEP), head_indices(doc), morph_fields(doc)
    return any(deps[c] == "det" and morph[c].get("Poss") == ["Yes"] and heads[heads[c]] == i
               for c in subtree_of(doc, i))


def present_copula(doc: Any, i: int) -> bool:
    """Token ``i`` has a copula "être" in the present ("sont douloureux", "c'est la grève"):
    ``generic_kinds``' test of the children's label, raw lemma and tense, over the columns."""
    deps, lemmas, morph = token_strings(doc, DEP), token_strings(doc, LEMMA), morph_fields(doc)
    return any(deps[c] == "cop" and lemmas[c] == "être" and morph[c].get("Tense") == ["Pres"]
               for c in child_indices(doc)[i])


def climb_to(doc: Any, i: int, top: int, steps: int) -> list[int]:
    """The heads above token ``i`` up to ``top`` or the root, at most ``steps`` of them (``i`` left
    out): ``Token.head`` read ``steps`` times, over the column (a Token per step otherwise)."""
    heads = head_indices(doc)
    out: list[int] = []
    for _ in range(steps):
        if i == top or heads[i] == i:
            break
        i = heads[i]
        out.append(i)
    return out


def sentence_lemma_in(tok: Any, words: Set[str]) -> bool:
    """``any(lemma(t) in words for t in tok.sent)``, over the lemma column (a Token per word of the
    sentence otherwise)."""
    sent = sentence_of(tok)
    return not words.isdisjoint(doc_lemmas(tok.doc)[sent.start:sent.end])


def has_child(tok: Any, labels: Collection[str]) -> bool:
    """``any(c.dep_ in labels for c in tok.children)``, over the article's columns: ``Token.children``
    builds a Token per child, and the rules ask this of every trigger, verb and noun they climb."""
    doc = tok.doc
    deps = token_strings(doc, DEP)
    return any(deps[c] in labels for c in child_indices(doc)[tok.i])


def children_with(tok: Any, labels: Collection[str]) -> list[Any]:
    """``[c for c in tok.children if c.dep_ in labels]``: a Token for those children only."""
    doc = tok.doc
    deps = token_strings(doc, DEP)
    return [doc[c] for c in child_indices(doc)[tok.i] if deps[c] in labels]


def first_child(tok: Any, labels: Collection[str]) -> Any | None:
    """``next((c for c in tok.children if c.dep_ in labels), None)``: a Token for that child only."""
    doc = tok.doc
    deps = token_strings(doc, DEP)
    return next((doc[c] for c in child_indices(doc)[tok.i] if deps[c] in labels), None)


_OBLIQUES = frozenset({"obl", "obl:arg", "obl:mod"})


def obliques_on(doc: Any, region: Collection[int], anchors: Collection[int]) -> list[int]:
    """The tokens of ``region``, in text order, that are an oblique (``obl``, ``obl:arg``,
    ``obl:mod``) of one of ``anchors``: what ``places.seat_city`` keeps of a clause's words."""
    deps, heads = token_strings(doc, DEP), head_indices(doc)
    return [i for i in sorted(region) if deps[i] in _OBLIQUES and heads[i] in anchors]


def habit_cue_at(doc: Any, i: int, habitual: Collection[str]) -> bool:
    """An adverb of habit among token ``i``'s dependents ("souvent"), or one as the determiner of an
    oblique ("chaque jour"): ``type_rules.habitual``'s cue, over the columns."""
    kids, deps, lemmas = child_indices(doc), token_strings(doc, DEP), doc_lemmas(doc)
    for c in kids[i]:
        dep = deps[c]
        if dep == "advmod" and lemmas[c] in habitual:
            return True
        if dep.startswith("obl") and any(deps[d] == "det" and lemmas[d] in habitual for d in kids[c]):
            return True
    return False


def phrase_candidates(phrases: dict[str, list[Any]], keys: tuple[str, ...], i: int, last: int,
                      lemmas: list[str], lowers: list[str], gaps: int) -> list[Any]:
    """The phrases of the lexicon filed under ``keys`` (the forms of token ``i``: lemma, lower case,
    infinitive of a participle, of a slipped lemma), in that order, less those whose second word is
    none of the next ``gaps`` + 1 words before ``last`` (lemma or lower case): such a phrase can match
    neither written in a row nor with adverbs inside (``trigger_slots.gapped_phrase``), and most of the
    phrases a common first word starts are dropped here before their words are compared one by one."""
    trigs: list[Any] = []
    for key in keys:
        trigs += phrases.get(key, [])
    near: set[str] = set()
    for k in range(i + 1, min(i + 2 + gaps, last)):
        near.add(lemmas[k])
        near.add(lowers[k])
    return [t for t in trigs if len(t.words) < 2 or t.words[1] in near]
