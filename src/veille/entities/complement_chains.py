"""An organisation's name that already ends on a lower-case complement, cut by the NER before the
next one: "la Fédération mondiale pour la paix | sur le continent", "le Fonds régional d'aide | pour
la protection de la montagne (FRAM)" (invented). French institution names capitalise only their
first word, so a name may chain lower-case complements, and the NER tends to stop after the first.

The name goes on over at most ``_MAX_LINKS`` further complements (a preposition of
``lexicons/entities/complement_chains.tsv``, an optional article, a lower-case common noun and at
most two adjectives), only when the chain ends at a clear bound: a punctuation mark, a finite verb,
a conjunction, a relative pronoun, a time word or the end of the line. The first complement after
the name may not be a noun that situates the body ("de la région", ``complement_names.tsv``); a
name the KB knows is left as it is ("Cour des comptes | sur le budget …")."""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.entities.complements import STOP_NOUNS, complement_noun, headed_words, low_word, run_on
from veille.entities.mention import Mention
from veille.entities.resources import calendar_words

_groups = lexicon.groups("entities/complement_chains.tsv")
PREPOSITIONS = _groups["preposition"]
BOUNDS = _groups["bound"]
_CALENDAR = calendar_words()
_MAX_LINKS = 3
_MAX_ADJECTIVES = 2


def _word(tok: Any, *pos: str) -> bool:
    return tok.is_lower and tok.is_alpha and tok.pos_ in pos


def _ends_on_complement(span: Any) -> bool:
    """Whether the name ends on a lower-case complement: a preposition, then only lower-case
    words (an article, a noun, adjectives) up to its last word, a noun or an adjective."""
    toks = list(span)
    if len(toks) < 3 or not _word(toks[-1], "NOUN", "ADJ"):
        return False
    for i in range(len(toks) - 2, 0, -1):
        if low_word(toks[i]) in PREPOSITIONS and toks[i].is_lower:
            return all(t.is_lower for t in toks[i + 1:])
        if not toks[i].is_lower:
            return False
    return False


def _link_end(doc: Any, k: int, first: bool) -> int | None:
    """End index of one complement opening at token ``k`` ("sur le continent"), or None."""
    j = complement_noun(doc, k, PREPOSITIONS)
    if j is None or not _word(doc[j], "NOUN") or (first and doc[j].lower_ in STOP_NOUNS):
        return None
    j += 1
    end = j + _MAX_ADJECTIVES
    while j < min(end, len(doc)) and _word(doc[j], "ADJ"):
        j += 1
    return j


def _bound(doc: Any, j: int) -> bool:
    """Whether token ``j`` ends a name (see the module docstring)."""
    if j >= len(doc) or "\n" in doc[j - 1].whitespace_:
        return True
    t = doc[j]
    finite = t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
    return (t.is_punct and t.text not in ("-", "'", "’")) or finite or t.pos_ == "CCONJ" \
        or low_word(t) in BOUNDS or t.lower_ in _CALENDAR


def chain_end(doc: Any, k: int) -> int | None:
    """End index of the chain of complements opening at token ``k``, when it ends at a clear
    bound; None otherwise."""
    j: int | None = k
    for link in range(_MAX_LINKS):
        j = _link_end(doc, j, first=link == 0)
        if j is None or any("\n" in t.whitespace_ for t in doc[k:j - 1]):
            return None
        if _bound(doc, j):
            return j
    return None


def extend_chains(doc: Any, text: str, names: list[Mention], heads: frozenset[str], kb: Any) -> list[Mention]:
    """``names`` with each organisation name that ends on a lower-case complement run on over the
    further complements the NER left out (see the module docstring)."""
    out = []
    for m in names:
        if m.label != "ORG" or not headed_words(m.key.split(), heads) or kb.lookup(m.key):
            out.append(m)
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        end = chain_end(doc, span.end) if span is not None and _ends_on_complement(span) else None
        out.append(m if end is None else run_on(m, doc, text, names, end))
    return out
