"""Events a noun names without anyone's act told: "deux ans après les émeutes de 2011", "la
répression des manifestations" (PROTEST with null source and target, as the real-page gold codes
background events named without their parties).

The press names street protests by their noun alone, in any slot of the clause (a circumstance, a
complement of another noun); the crowd is left unnamed, not lost. Only
the first naming of such a noun in its paragraph counts: a later "les manifestations" of the same
paragraph refers to the same events again, which the gold does not repeat; a later paragraph (a
chronology, a new turn of the story) names them again, as the dev gold codes them (issue 13,
events13: on the dev gold 3 right of 7 added, on a before/after audit of the 192 corpus dev pages
25 added on 11 sites, about two in three protests by the guidelines). Never in a headline, never
when the rules found a party (that reading wins), never a notion in the singular without a determiner ("en grève", "de
répression") — the types and nouns are data (``lexicons/events/background_nouns.tsv``).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import ORTH

from veille.common.docarrays import derived, token_strings
from veille.common.lexicon import groups
from veille.events.actors import demonym
from veille.events.roles import Found, Roles
from veille.events.view import case
from veille.events.walks import children_with
from veille.events.words import LANDMARK_PREPS, OF_PREPS, doc_lemmas, feat

_WORDS = groups("events/background_nouns.tsv")
BACKGROUND_TYPES = frozenset(w.upper() for w in _WORDS["type"])
NOT_EVENTS = _WORDS.get("not_event", frozenset())  # nouns of those types that name a notion more often than acts
BANS = _WORDS["ban"]  # words that forbid or allow an act: "l'interdiction des rassemblements" tells no protest
BACKGROUND = "background-noun"  # the source rule of such an event


def _first_mentions(doc: Any) -> frozenset[int]:
    """The tokens that name their lemma first in their paragraph (the title included; a paragraph
    ends at a token holding a line break)."""
    def build() -> frozenset[int]:
        first: dict[tuple[int, str], int] = {}
        para = 0
        for i, (lem, orth) in enumerate(zip(doc_lemmas(doc), token_strings(doc, ORTH), strict=True)):
            if "\n" in orth:
                para += 1
            first.setdefault((para, lem), i)
        return frozenset(first.values())
    return derived(doc, "events_background_first", build)


def _banned(head: Any) -> bool:
    """The protest is what a ban or a permit bears on: "l'interdiction des rassemblements", "une
    manifestation interdite", "autoriser les marches": the ban is told, not a protest."""
    doc_lem = doc_lemmas(head.doc)
    if head.dep_ != "ROOT" and doc_lem[head.head.i] in BANS:
        return True
    return any(c.dep_ in ("acl", "amod", "acl:relcl") and doc_lem[c.i] in BANS for c in head.children)


def _doer_told(view: Any, head: Any) -> bool:
    """"les manifestations du collectif Aube", "les grèves des dockers ostriens": an "of" complement
    naming an entity or a people tells the doer, only not found (as for partyless violence)."""
    return any(c.dep_ == "nmod" and case(c) in OF_PREPS and any(
        view.tok_entity[t.i] is not None or demonym(view, t) is not None for t in c.subtree) for c in head.children)


def background_noun(cand: Any, head: Any, roles: Roles) -> bool:
    """Whether an event noun with no party found is kept with null source and target; if so the
    source rule becomes ``background-noun``."""
    trig = cand.trigger
    if roles.verbal or trig.kind != "noun" or trig.type not in BACKGROUND_TYPES or cand.title:
        return False
    if head.pos_ != "NOUN" or roles.source.actor is not None or roles.targets or roles.noun_targets:
        return False
    lem = doc_lemmas(head.doc)[head.i]
    if lem in NOT_EVENTS or head.i not in _first_mentions(head.doc):
        return False
    dets = children_with(head, ("det",))
    if not dets and feat(head, "Number") != ["Plur"]:
        return False  # "se mettre en grève", "un climat de répression": a state or a notion
    if any(feat(d, "Poss") == ["Yes"] for d in dets):
        return False  # "leur manifestation", "vos protestations": the doer is told, only not found
    if _banned(head) or _doer_told(roles.view, head):
        return False
    if any(c.dep_ == "case" and doc_lemmas(head.doc)[c.i] in LANDMARK_PREPS for c in head.children):
        return False  # "depuis les émeutes": a landmark dating another event, as for partyless violence
    roles.source = Found(None, BACKGROUND)
    return True
