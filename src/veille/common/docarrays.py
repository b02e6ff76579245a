"""Token attributes of a Doc read once per article, as plain Python lists.

Reading ``tok.lemma_`` or ``tok.pos_`` word by word builds a spaCy ``Token`` per word and looks its
string up each time; over every sentence of every article, and in several stages, that was a large
part of Veille's own run time. ``Doc.to_array`` gives the same attributes for all tokens in one call;
the result is kept in the Doc's ``user_data`` so that every stage reading the same columns shares one
read. The stages never change a Doc's tokens or annotations after parsing, so the cache stays true.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.attrs import HEAD, LEMMA, ORTH

from veille.common.fold import bare

CACHE_KEY = _KEY = "veille_arrays"  # the Doc.user_data entry holding the cached lists
T = TypeVar("T")


def token_columns(doc: Any, attrs: tuple[int, ...]) -> list[list[int]]:
    """One list per attribute of ``attrs`` (spaCy attribute ids), one value per token of ``doc``."""
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
    """``tok.text`` (``ORTH``), ``tok.lemma_`` (``LEMMA``), ``tok.lower_``… of every token, in order."""
    cache = doc.user_data.setdefault(_KEY, {})
    key = ("strings", attr)
    out = cache.get(key)
    if out is None:
        strings = doc.vocab.strings
        col = token_columns(doc, (attr,))[0]
        # Each distinct value looked up once in the string store (words repeat).
        seen = {h: strings[h] if h else "" for h in set(col)}
        out = cache[key] = list(map(seen.__getitem__, col))
    return out


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
    return derived(doc, "bare_texts", lambda: [bare(w) for w in token_strings(doc, ORTH)])


def lower_lemmas(doc: Any) -> list[str]:
    """``tok.lemma_.lower()`` of every token."""
    return derived(doc, "lower_lemmas", lambda: [w.lower() for w in token_strings(doc, LEMMA)])


def head_indices(doc: Any) -> list[int]:
    """``tok.head.i`` of every token (a root is its own head)."""
    def build() -> list[int]:
        if not len(doc):
            return []
        rel = doc.to_array([HEAD]).reshape(-1).astype("uint64").view("int64")  # offsets, stored unsigned
        return [i + int(r) for i, r in enumerate(rel.tolist())]
    return derived(doc, "heads", build)


def child_indices(doc: Any) -> list[list[int]]:
    """``[c.i for c in tok.children]`` of every token, in text order."""
    def build() -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in range(len(doc))]
        for i, h in enumerate(head_indices(doc)):
            if h != i:
                kids[h].append(i)
        return kids
    return derived(doc, "children", build)


def derived(doc: Any, name: str, build: Callable[[], T]) -> T:
    """A per-article value computed once from the Doc (``build()``) and shared by every caller."""
    cache = doc.user_data.setdefault(_KEY, {})
    out = cache.get(name, _MISSING)
    if out is _MISSING:
        out = cache[name] = build()
    return out  # type: ignore[no-any-return]


_MISSING = object()
