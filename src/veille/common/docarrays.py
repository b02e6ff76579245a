"""Token attributes of a Doc read once per article, as plain Python lists.

Reading ``tok.lemma_`` or ``tok.pos_`` word by word builds a spaCy ``Token`` per word and looks its
string up each time; over every sentence of every article, and in several stages, that was a large
part of Veille's own run time. ``Doc.to_array`` gives the same attributes for all tokens in one call;
the result is kept in the Doc's ``user_data`` so that every stage reading the same columns shares one
read. The stages never change a Doc's tokens or annotations after parsing, so the cache stays true.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import HEAD, LEMMA, MORPH, ORTH

from veille.common.fold import bare
from veille.common.run_memo import memo_map

CACHE_KEY = _KEY = "veille_arrays"  # the Doc.user_data entry holding the cached lists
T = TypeVar("T")


def token_columns(doc: Any, attrs: tuple[int, ...]) -> list[list[int]]:
    """One list per attribute of ``attrs`` (spaCy attribute ids), one value per token of ``doc``."""
    try:  # (a hit, the usual case, without building anything)
        return doc.user_data[_KEY][attrs]  # type: ignore[no-any-return]
    except KeyError:
        pass
    cache = doc.user_data.setdefault(_KEY, {})
    cols = cache.get(attrs)
    if cols is None:
        if len(doc):
            arr = doc.to_array(list(attrs))
            cols = [arr[:, k].tolist() for k in range(len(attrs))] if arr.ndim == 2 else [arr.tolist()]
        else:
            cols = [[] for _ in attrs]
        cache[attrs] = cols
    return cols


def token_strings(doc: Any, attr: int) -> list[str]:
    """``tok.text`` (``ORTH``), ``tok.lemma_`` (``LEMMA``), ``tok.lower_``… of every token, in order.

    Kept under the attribute id itself (an int: no other entry's key, which are strings and tuples),
    so that a hit, a thousand per article in the events rules, builds no key."""
    try:
        return doc.user_data[_KEY][attr]  # type: ignore[no-any-return]
    except KeyError:
        pass
    cache = doc.user_data.setdefault(_KEY, {})
    out = cache.get(attr)
    if out is None:
        out = cache[attr] = _strings(doc, token_columns(doc, (attr,))[0])
    return out


def _strings(doc: Any, col: list[int]) -> list[str]:
    """The strings of a column of string-store keys ("" for 0), each key's string kept for the run.

    A key is the hash of its string, the same in every Doc and vocabulary, so the answer never
    changes; reading it off a dictionary spares the string store's lookup and a new ``str`` per
    distinct value and article (words, labels and analyses repeat from one article to the next)."""
    strings = doc.vocab.strings
    return memo_map(_STRING_MEMO, col, lambda h: strings[h] if h else "", _STRING_MEMO_LIMIT)


_STRING_MEMO: dict[int, str] = {0: ""}  # string-store key -> its string, for ``token_strings``
_STRING_MEMO_LIMIT = 200_000


def lemmas_or_texts(doc: Any) -> list[str]:
    """``tok.lemma_ or tok.text`` of every token (a token the lemmatizer left empty keeps its text)."""
    cache = doc.user_data.setdefault(_KEY, {})
    out = cache.get("lemma_or_text")
    if out is None:
        out = cache["lemma_or_text"] = [lem or text for lem, text in
                                        zip(token_strings(doc, LEMMA), token_strings(doc, ORTH), strict=True)]
    return out


def bare_texts(doc: Any) -> list[str]:
    """``bare(tok.text)`` of every token (lower case, no accents, one apostrophe)."""
    return derived(doc, "bare_texts", lambda: _each_distinct(bare, token_strings(doc, ORTH)))


def _each_distinct(func: Callable[[str], str], words: list[str]) -> list[str]:
    """``[func(w) for w in words]``, ``func`` called once per distinct word (words repeat, and even a
    cached function's call costs more than a dictionary's lookup), without a Python loop per word."""
    seen = {w: func(w) for w in set(words)}
    return list(map(seen.__getitem__, words))


def lower_lemmas(doc: Any) -> list[str]:
    """``tok.lemma_.lower()`` of every token."""
    return derived(doc, "lower_lemmas", lambda: list(map(str.lower, token_strings(doc, LEMMA))))


def head_indices(doc: Any) -> list[int]:
    """``tok.head.i`` of every token (a root is its own head)."""
    try:
        return doc.user_data[_KEY]["heads"]  # type: ignore[no-any-return]
    except KeyError:
        pass

    def build() -> list[int]:
        if not len(doc):
            return []
        rel = doc.to_array([HEAD]).reshape(-1).astype("uint64").view("int64")  # offsets, stored unsigned
        return (rel + np.arange(len(rel), dtype=np.int64)).tolist()  # type: ignore[no-any-return]
    return derived(doc, "heads", build)


def child_indices(doc: Any) -> list[list[int]]:
    """``[c.i for c in tok.children]`` of every token, in text order."""
    try:
        return doc.user_data[_KEY]["children"]  # type: ignore[no-any-return]
    except KeyError:
        pass

    def build() -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in range(len(doc))]
        for i, h in enumerate(head_indices(doc)):
            if h != i:
                kids[h].append(i)
        return kids
    return derived(doc, "children", build)


def derived(doc: Any, name: str, build: Callable[[], T]) -> T:
    """A per-article value computed once from the Doc (``build()``) and shared by every caller."""
    try:
        return doc.user_data[_KEY][name]  # type: ignore[no-any-return]
    except KeyError:
        pass
    cache = doc.user_data.setdefault(_KEY, {})
    out = cache.get(name, _MISSING)
    if out is _MISSING:
        out = cache[name] = build()
    return out  # type: ignore[no-any-return]


_MISSING = object()


def subtree_indices(doc: Any, i: int) -> list[int]:
    """``[t.i for t in doc[i].subtree]`` in spaCy's order (each left child's subtree, the token, each
    right child's subtree), from the cached children: no Token per word. The Doc is walked once in
    that order; a subtree is then one stretch of the walk."""
    order, first, end = derived(doc, "subtree_walk", lambda: _walk(doc))
    if first[i] < 0:  # not reached from a root (a parse that is no tree): walk it alone
        return list(_subtree_walk(child_indices(doc), i))
    return order[first[i]:end[i]]  # type: ignore[no-any-return]


def _subtree_walk(kids: list[list[int]], i: int) -> Iterator[int]:
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


def _walk(doc: Any) -> tuple[list[int], list[int], list[int]]:
    """Every root's subtree walked in spaCy's order, and where each token's subtree starts and ends in it."""
    kids, heads = child_indices(doc), head_indices(doc)
    n = len(heads)
    order: list[int] = []
    append = order.append
    first, end = [-1] * n, [-1] * n
    for root in [i for i, h in enumerate(heads) if h == i]:
        stack = [root]  # t >= 0: walk t's subtree; ~t (-1 .. -n): t's subtree ends; -n-1-t: t itself
        pop, push, extend = stack.pop, stack.append, stack.extend
        while stack:
            t = pop()
            if t < -n:
                append(-n - 1 - t)
            elif t < 0:
                end[~t] = len(order)
            elif first[t] < 0:  # (walked once, whatever the parse)
                first[t] = len(order)
                ks = kids[t]
                if not ks:  # a leaf (about half the words): no stack round trip
                    append(t)
                    end[t] = len(order)
                    continue
                k = bisect_left(ks, t)  # children are in text order: ks[:k] left of t, ks[k:] right
                push(~t)
                extend(reversed(ks[k:]))
                push(-n - 1 - t)
                extend(reversed(ks[:k]))
    return order, first, end


def morph_fields(doc: Any) -> list[dict[str, list[str]]]:
    """``{field: tok.morph.get(field)}`` of every token ("Mood" -> ["Cnd"]). ``Token.morph.get``
    builds an analysis object and parses its string at each call; this reads each token's once."""
    try:
        return doc.user_data[_KEY]["morph_fields"]  # type: ignore[no-any-return]
    except KeyError:
        pass

    def build() -> list[dict[str, list[str]]]:
        # Each distinct analysis parsed once per run (one dict shared by its tokens, never changed by
        # a reader), keyed by its string-store key: the article's analyses read off without their strings.
        col = token_columns(doc, (MORPH,))[0]
        return memo_map(_MORPH_MEMO, col, lambda h: _morph_dict(_strings(doc, [h])[0]), _STRING_MEMO_LIMIT)
    return derived(doc, "morph_fields", build)


_MORPH_MEMO: dict[int, dict[str, list[str]]] = {}  # MORPH key -> ``_morph_dict`` of its analysis


def _morph_dict(feats: str) -> dict[str, list[str]]:
    """``"Mood=Cnd|Number=Sing"`` -> ``{"Mood": ["Cnd"], "Number": ["Sing"]}`` ("" and "_": ``{}``)."""
    if not feats or feats == "_":
        return {}
    return {k: v.split(",") for k, _, v in (part.partition("=") for part in feats.split("|"))}


def sentence_starts(doc: Any) -> list[int]:
    """``tok.sent.start`` of every token (``Token.sent`` looks for the sentence's bounds at each call)."""
    try:
        return doc.user_data[_KEY]["sentence_starts"]  # type: ignore[no-any-return]
    except KeyError:
        pass

    def build() -> list[int]:
        out = [0] * len(doc)
        for sent in sentence_spans(doc):
            out[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
        return out
    return derived(doc, "sentence_starts", build)


def sentence_spans(doc: Any) -> list[Any]:
    """``list(doc.sents)``, listed once per article: spaCy walks the whole Doc at each ``doc.sents``."""
    return derived(doc, "sentence_spans", lambda: list(doc.sents))  # type: ignore[no-any-return]
