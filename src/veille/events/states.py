"""Who a bare "l'État" stands for: the country the article is about.

The press writes "l'État" (capitalised, definite, with no complement: not "l'État de X", not
"l'État hébreu") for the government of the country its story takes place in: "Ils assignent l'État
en justice", "Le comité demande à l'État de conclure l'enquête". That country is the one the article
names most (a country, a capital, a seat, a demonym: "la police française"), when one clearly
leads; otherwise the noun stands for nobody the coder can name. A bare "le gouvernement",
"l'exécutif", "l'administration" (any case) is read the same way, unless the article names a body
with that word ("le Gouvernement Varga II": the body, taken up by ``post_actors.taken_up``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from spacy.attrs import POS

from veille.common.docarrays import token_strings
from veille.common.fold import lower_nfc
from veille.common.lexicon import groups
from veille.events.words import feat, lemma, lower_text

_WORDS = groups("events/state_nouns.tsv")
STATE_NOUNS, NOT_OF, GOVERNMENT_NOUNS = _WORDS["noun"], _WORDS["not_of"], _WORDS["government"]
_DEFINITE = frozenset({"l'", "l’", "le"})
_CONTRACTED = frozenset({"au", "du"})
_UNSET = object()


def home_country(view: Any) -> str | None:
    """The country the article names most, when it names it at least twice and more often than any
    other; remembered on the view."""
    found = view.__dict__.get("_home_country", _UNSET)
    if found is not _UNSET:
        return found  # type: ignore[no-any-return]
    counts: Counter[str] = Counter()
    previous = None
    tags = token_strings(view.doc, POS)  # (no Token for each word of the article)
    for i, ent in enumerate(view.tok_entity):
        if ent is not None and ent is not previous and ent.type == "LOC":
            country = ent.actor or view.lex.capitals.get(lower_nfc(ent.name))
            if country is None and ent.name in view.lex.countries:
                country = ent.name
            if country is None:
                country = _kb_country(view, ent)
            if country is not None:
                counts[country] += 1
        elif ent is None and tags[i] == "ADJ":
            country = view.lex.demonyms.get(lower_text(view.doc[i]))
            if country is not None:
                counts[country] += 1
        previous = ent
    ranked = counts.most_common(2)
    found = None
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        found = ranked[0][0]
    view.__dict__["_home_country"] = found
    return found


def bare_state(view: Any, tok: Any, taken_up: Callable[[Any, Any], Any] | None = None) -> str | None:
    """The country a bare, capitalised, definite "l'État" stands for (see the module), else None;
    likewise a bare "le gouvernement", "l'exécutif", "l'administration" in any case, when the
    article names no body with that word (``government`` in the lexicon) and ``taken_up``
    (``post_actors.taken_up``, passed in by ``actors``, which calls this module) finds no actor titled so before."""
    government = lemma(tok) in GOVERNMENT_NOUNS or lower_text(tok) in GOVERNMENT_NOUNS
    if not government and (lemma(tok) not in STATE_NOUNS or not tok.text[:1].isupper()):
        return None
    if government and _names_a_body(view, tok, taken_up):
        return None
    if "Plur" in feat(tok, "Number"):
        return None
    kids = list(tok.children)
    if any(c.dep_ in ("amod", "appos", "flat:name", "nummod") for c in kids):
        return None
    # "l'État de Sonora", "l'État de droit"; the parser also hangs "accuse l'État de négligence" so.
    if any(c.dep_ == "nmod" and (government or c.pos_ == "PROPN" or view.tok_entity[c.i] is not None
                                 or lemma(c) in NOT_OF) for c in kids):
        return None  # (a government noun with any complement: "l'administration de l'hôpital")
    if tok.dep_ == "nmod" and lemma(tok.head) not in view.lex.nouns:
        return None  # "la cour suprême de l'État", "le budget de l'État": not an act's party
    dets = [c for c in kids if c.dep_ == "det"]
    contracted = [c for c in kids if c.dep_ == "case" and lower_text(c) in _CONTRACTED]
    if not (contracted or (len(dets) == 1 and lower_text(dets[0]) in _DEFINITE)):
        return None
    return home_country(view)


def _names_a_body(view: Any, tok: Any, taken_up: Callable[[Any, Any], Any] | None) -> bool:
    """Whether the article names an organisation with that word ("Gouvernement Varga II"), or
    gave that title to an actor before ("le parti au pouvoir, … le gouvernement"), which
    ``taken_up`` then finds."""
    noun = lower_text(tok)
    if any(noun in lower_nfc(ent.name).split() for ent in view.article.entities if ent.type == "ORG"):
        return True
    return taken_up is not None and taken_up(view, tok) is not None


def _kb_country(view: Any, ent: Any) -> str | None:
    """The country the knowledge base puts a place in ("Lyon" -> France), by its name there."""
    kb = view.kb
    entry = kb.entries.get(ent.kb_id) if kb is not None and ent.kb_id else None
    cid = kb.country(entry.get("country")) if entry is not None else None
    return kb.entries[cid]["name"] if cid is not None else None
