"""An organisation's name the NER stopped before its lower-case complement: "le Haut Conseil | pour
le numérique", "la Fédération des Bretons | de l'étranger" (invented). French institution names
capitalise only their first word, so the complement that ends the name is lower case and the NER
often leaves it out. The name goes on over one preposition (``de``, ``pour``, ``contre`` …), an
optional article, a common noun and at most two adjectives, when an institution noun opens the
name (``org_heads.tsv``, ``entities/institution_nouns.tsv``, after "Haut"/"Grand" at most) and
the complement ends at a clear bound (punctuation, a verb, a conjunction, another preposition
than "de"); and over the adjectives after a name that ends on a lower-case noun ("le Centre de
recherche sur les forêts | tropicales,"). Words in ``lexicons/entities/complement_names.tsv``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from veille.common import lexicon
from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.entities.resources import calendar_words

_groups = lexicon.groups("entities/complement_names.tsv")
PREPOSITIONS = _groups["preposition"]
ARTICLES = _groups["article"]
PRE_HEADS = _groups["pre_head"]
STOP_NOUNS = _groups["stop_noun"]
_CALENDAR = calendar_words()  # (a weekday or time word after the complement is a bound: "… des droits lundi")
_OF = frozenset({"de", "du", "des", "d'"})
_MAX_ADJECTIVES = 2


def low_word(tok: Any) -> str:
    """The token lower-cased, with one apostrophe ("l’" -> "l'")."""
    return tok.lower_.replace("’", "'")


def headed_words(words: list[str], heads: frozenset[str]) -> bool:
    """Whether an institution noun opens the name (after "Haut", "Grand" at most), also when the
    NER kept an elided article on it ("l'Organisation mondiale")."""
    if words and words[0][:2].lower() in ("l'", "l’") and len(words[0]) > 2:
        words = [words[0][2:], *words[1:]]
    first = 1 if len(words) > 1 and words[0].lower() in PRE_HEADS else 0
    return bool(words) and words[first][:1].isupper() and norm(words[first]) in heads


def _field_noun(doc: Any, j: int, dictionary: frozenset[str]) -> bool:
    """Whether token ``j`` is a common noun written with a capital after its article, as a body's
    field often is ("de la Police", "de l'Agriculture"): a dictionary word, not an acronym."""
    t = doc[j]
    return bool(dictionary) and j > 0 and low_word(doc[j - 1]) in ARTICLES and t.is_title and t.is_alpha \
        and t.pos_ in ("NOUN", "PROPN") and t.lower_ in dictionary


def complement_noun(doc: Any, k: int, prepositions: frozenset[str] = PREPOSITIONS) -> int | None:
    """Index of the word after the preposition (one of ``prepositions``) opening at token ``k`` and
    its optional article, where the complement's noun should stand; None when token ``k`` opens
    no complement."""
    if k >= len(doc) or low_word(doc[k]) not in prepositions or not doc[k].is_lower:
        return None
    j = k + 1
    if j < len(doc) and low_word(doc[j]) in ARTICLES:
        j += 1
    return j if j < len(doc) else None


def complement_end(doc: Any, k: int, dictionary: frozenset[str] = frozenset()) -> int | None:
    """End index of a lower-case complement opening at token ``k`` ("pour le numérique"; with
    ``dictionary``, also a field noun written with a capital, "de la Marine"), or None when there
    is none or when it does not end at a clear bound."""
    j = complement_noun(doc, k)
    if j is None:
        return None
    noun = doc[j]
    if not (noun.is_lower and noun.is_alpha and noun.pos_ == "NOUN" or _field_noun(doc, j, dictionary)) \
            or noun.lower_ in STOP_NOUNS:
        return None
    j += 1
    adjectives = 0
    while j < len(doc) and adjectives < _MAX_ADJECTIVES and doc[j].is_lower and doc[j].is_alpha \
            and doc[j].pos_ == "ADJ":
        j += 1
        adjectives += 1
    if j < len(doc):
        nxt = doc[j]
        # (another complement, a noun the parse left untagged or a capitalised word may go on
        # the name: where it ends is not clear, the name is left as the NER read it)
        if norm(nxt.text) in _CALENDAR:
            return j
        if low_word(nxt) in _OF or (nxt.is_alpha and nxt.pos_ in ("NOUN", "ADJ", "PROPN")) or nxt.text[:1].isupper() \
                and nxt.is_alpha:
            return None
    return j


def adjective_end(doc: Any, k: int) -> int | None:
    """End index of the lower-case adjectives NER left after a name ending on a lower-case noun
    ("Centre de recherche sur les conflits | armés"), when a punctuation mark, a finite verb, a
    conjunction or a relative pronoun comes right after them (not "… fondé | en 1990")."""
    j = k
    while j < len(doc) and j - k < _MAX_ADJECTIVES and doc[j].is_lower and doc[j].is_alpha and doc[j].pos_ == "ADJ":
        j += 1
    if j == k or j >= len(doc):
        return None
    nxt = doc[j]
    finite = nxt.pos_ in ("VERB", "AUX") and "Fin" in nxt.morph.get("VerbForm")
    return j if (nxt.is_punct and nxt.text not in ("-", "'", "’")) or finite or nxt.pos_ == "CCONJ" \
        or nxt.lower_ in ("qui", "dont") else None


def extend_complements(doc: Any, text: str, names: list[Mention], heads: frozenset[str], kb: Any,
                       dictionary: frozenset[str] = frozenset()) -> list[Mention]:
    """``names`` with each organisation name that goes on over a lower-case complement extended to
    it (see the module docstring; ``dictionary``: a field noun with a capital too, see
    ``complement_end``); a name the KB knows is left as it is."""
    out = []
    for m in names:
        words = m.key.split()
        # (a place NER read from the institution noun alone, "du Défenseur | des droits", is that body)
        bare_head = m.label == "LOC" and len(words) == 1 + (len(words) > 1 and words[0].lower() in PRE_HEADS)
        if (m.label != "ORG" and not bare_head) or not words or not headed_words(words, heads) or kb.lookup(m.key):
            out.append(m)
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or "\n" in doc[span.end - 1].whitespace_:
            out.append(m)
            continue
        end = complement_end(doc, span.end, dictionary)
        last = doc[span.end - 1]
        if end is None and len(words) >= 3 and last.is_lower and last.pos_ == "NOUN":
            end = adjective_end(doc, span.end)  # "… sur les conflits | armés"
        if end is None or any("\n" in t.whitespace_ for t in doc[span.end:end - 1]):
            out.append(m)
            continue
        out.append(run_on(m, doc, text, names, end, label="ORG"))
    return out


def run_on(m: Mention, doc: Any, text: str, names: list[Mention], end: int, **changes: Any) -> Mention:
    """``m`` run on to the end of token ``end - 1``, its link to the KB dropped (``changes`` on
    top); ``m`` itself when another name starts inside the stretch it would take."""
    new_end = doc[end - 1].idx + len(doc[end - 1].text)
    if any(o is not m and m.end <= o.start < new_end for o in names):
        return m
    tail = text[m.end:new_end]
    return replace(m, end=new_end, text=m.text + tail, key=m.key + tail, kb_id=None, kb_ids=[], **changes)
