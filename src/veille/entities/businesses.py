"""Businesses and estates named after a head noun (``lexicons/entities/business_heads.tsv``):
"la Maison Ardel", "l'Auberge de Val-Fleuri", "le domaine des Combettes". The regional press
names restaurants, wine estates, bookshops and publishers so; NER reads the name as a person, a
place or a thing (MISC), and keeps a lower-case head noun outside the span."""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows

BUSINESS_HEADS = frozenset(norm(r[0]) for r in rows("entities/business_heads.tsv"))
_OF = frozenset({"de", "des", "du", "d'", "d’"})


def business_name(toks: list[Any]) -> bool:
    """"Maison Ardel", "Auberge de Val-Fleuri": a capitalised business noun and a name after it."""
    return len(toks) >= 2 and toks[0].text[:1].isupper() and norm(toks[0].text) in BUSINESS_HEADS \
        and any(t.text[:1].isupper() for t in toks[1:])


def business_head_before(first: Any) -> Any | None:
    """The lower-case business noun written right before a name ("le domaine | Lestrade", "du
    domaine des | Combettes", "la maison de | Valry"), or None."""
    doc = first.doc
    j = first.i - 1
    if j >= 1 and doc[j].lower_ in ("la", "l'", "l’") and doc[j - 1].lower_ == "de":
        j -= 2
    elif j >= 0 and doc[j].lower_ in _OF:
        j -= 1
    if j < 0 or j == first.i - 1 and doc[j].lower_ in _OF:
        return None
    t = doc[j]
    return t if t.is_lower and t.is_alpha and norm(t.text) in BUSINESS_HEADS else None
