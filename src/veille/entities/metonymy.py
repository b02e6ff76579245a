"""Countries named by their adjective, and places that stand for a government.

*Demonyms*: "la pression militaire russe" is a mention of Russia (not inside a descriptor that
designates a person, not "en russe", not a capitalised "les Ukrainiens").
*Metonymy*: a capital or seat that is the subject of an action verb ("Moscou a averti") gets
``actor`` = the government or organisation it stands for: the KB entry's own ``stands_for``, an
organisation seated there that the article names, ``lexicons/metonyms.tsv``, then the country of
the capital. Verbs of ``lexicons/location_verbs.tsv`` ("Kiev se trouve") keep the place a place.
"""

from __future__ import annotations

import re
from typing import Any

from veille.entities.mention import Mention
from veille.entities.resources import GRAMMAR, EntityResources, display_name
from veille.model import Article

_WORDS = re.compile(r"[a-z]+")  # folded words


def demonyms(res: EntityResources, article: Article, doc: Any, text: str, ntext: str,
             resolved: list[Mention]) -> list[Mention]:
    """Country demonyms: "la pression militaire russe" -> Russie. Not inside a descriptor that
    designates a person ("le président polonais" is the president, not Poland)."""
    kb = res.kb
    out = []
    words = [m.span() for m in _WORDS.finditer(ntext)]
    firsts = _first_words(kb.demonyms)
    skip = -1
    for k, (a, b) in enumerate(words):
        if k <= skip:
            continue
        key = ntext[a:b]
        if key in firsts and k + 1 < len(words) and words[k + 1][0] == b + 1:  # "nord coreen" (nord-coréen)
            two = ntext[a:words[k + 1][1]]
            if two in kb.demonyms:
                key, b, skip = two, words[k + 1][1], k + 1
        cid = kb.demonyms.get(key)
        if not cid or key in res.not_countries:
            continue
        if any(d.start <= a < d.end for d in resolved) or article.in_foreign(a, b):
            continue
        span = doc.char_span(a, b)
        if span is None:
            continue
        tok = span.root
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN"):
            continue
        if tok.i > 0 and tok.nbor(-1).lower_ == "en" and not tok.text[0].isupper():
            continue  # "en russe": the language
        if text[a].isupper():
            continue  # "les Ukrainiens", "le Norvégien": people, not their country
        out.append(Mention(a, b, text[a:b], text[a:b], "LOC", "demonym", kb_ids=[cid], kb_id=cid))
    return out


_FIRSTS: dict[int, tuple[int, frozenset[str]]] = {}


def _first_words(demonyms: dict[str, str]) -> frozenset[str]:
    """The words that open a demonym of several words ("nord" of "nord coreen"): only after one
    of them is the next word read with it (computed once per KB table)."""
    got = _FIRSTS.get(id(demonyms))
    if got is None or got[0] != len(demonyms):
        firsts = frozenset(d[:i] for d in demonyms for i, c in enumerate(d) if not "a" <= c <= "z")
        got = _FIRSTS[id(demonyms)] = (len(demonyms), firsts)
    return got[1]


def actor(res: EntityResources, kb_id: str, named: list[Mention], doc: Any, clusters: dict) -> str | None:
    """The government or organisation a capital or seat stands for when it acts."""
    kb = res.kb
    if kb_id not in kb.stands_for and kb_id not in res.metonyms:
        return None
    if not any(is_agent(res, m, doc) for m in named):
        return None
    named_ids = {k[1] for k in clusters if k[0] == "kb"}
    seated = [o for o in kb.seats.get(kb_id, []) if o in named_ids]
    for group in (kb.explicit_stands.get(kb_id, []), seated, res.metonyms.get(kb_id, []),
                  [kb.capitals[kb_id]] if kb_id in kb.capitals else []):
        if group:
            return display_name(kb.name(group[0]))
    return None


def is_agent(res: EntityResources, m: Mention, doc: Any) -> bool:
    """Whether a mention is the subject of an action verb ("Moscou a averti")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    dep, head = root.dep_, root.head
    if dep == "conj" and (head.dep_.startswith("nsubj") or head.dep_ == "ROOT"):
        dep, head = head.dep_, head.head
        root = root.head
    if dep.startswith("nsubj"):
        return head.pos_ in ("VERB", "AUX") and head.lemma_ not in res.location_verbs
    if dep == "ROOT" and root.pos_ == "PROPN":
        # The parser sometimes leaves "Washington et Londres ont condamné" without a subject:
        # a name opening a clause and followed by its verb still acts.
        for t in doc[span.end: span.end + 6]:
            if t.lower_ in GRAMMAR["coordination"] or t.pos_ == "PROPN":
                continue
            return t.pos_ in ("AUX", "VERB") and t.head.lemma_ not in res.location_verbs \
                and t.lemma_ not in res.location_verbs
    return False
