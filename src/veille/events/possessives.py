"""Whose act a third-person possessive names on an event noun: "son opposition", "sa dénonciation",
"leur appel". The possessor is the subject of the clause the noun sits in ("La Valdonie a rejoint
la Moldavie dans son opposition au traité." -> Valdonie) or, when the noun is itself (in) the subject,
the actor the previous sentence was about ("Paul Durand a quitté le parti. Sa dénonciation du
traité lui a coûté cher." -> Paul Durand).

Only for acts one does by taking a stance, speaking or joining others: "son arrestation", "sa
détention" are undergone by the possessor, never done: on the noun of an act done to a person
(``lexicons/events/undergone_possessives.tsv``), "son"/"sa"/"ses" stands for the nearest person named before it
(``undergone_possessor``: "Paul Durand, qui a passé un an en prison dans le cadre de sa détention
provisoire, ..." -> Paul Durand undergoes the detention).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.common.lexicon import words
from veille.events.actor_core import Actor
from veille.events.argument_words import THIRD_POSSESSIVES
from veille.events.view import ArticleView
from veille.events.words import SUBJ, feat, lemma, lower_text, sent_start

# The types whose event noun, with "son"/"sa"/"leur", is the possessor's own act.
OWNER_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "AGREE", "COOPERATE", "CONSULT",
                         "THREATEN", "CONCEDE", "PROTEST"})
# How far back the previous sentence's subject may be (tokens) for a possessive in subject position.
BACK = 80
# The nouns of acts done to a person: their possessive names whom the act is done to.
UNDERGONE_NOUNS = words("events/undergone_possessives.tsv")
# The forms of a singular third-person possessor (the tagger lemmatises "Leur" as "son"): a plural
# one ("leur arrestation") stands for several people, no one person is taken.
SINGULAR_POSSESSIVES = frozenset({"son", "sa", "ses"})

Resolve = Callable[..., list]


def third_possessor(view: ArticleView, det: Any, etype: str, resolve: Resolve) -> Any | None:
    """The actor "son"/"sa"/"leur" stands for on an event noun of ``etype`` (None when unsure)."""
    if etype not in OWNER_TYPES or lemma(det) not in THIRD_POSSESSIVES:
        return None
    cur = det.head
    for _ in range(6):  # up to the clause's verb, through the nouns the event noun hangs on
        if cur.dep_ in SUBJ:
            return _previous_subject(view, det)
        if cur.head.i == cur.i or cur.head.pos_ in ("VERB", "AUX"):
            break
        cur = cur.head
    verb = cur.head
    if verb.i == cur.i or verb.pos_ not in ("VERB", "AUX"):
        return _previous_subject(view, det) if cur.head.i == cur.i else None
    for _ in range(2):
        subjects = [c for c in verb.children if c.dep_ in SUBJ and c.i != cur.i]
        if subjects:
            actors = resolve(view, subjects[0], with_conj=False)
            return actors[0] if actors else None
        if verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
            return None
        cur, verb = verb, verb.head
    return None


def _previous_subject(view: ArticleView, det: Any) -> Any | None:
    """The last named subject before the sentence of ``det``, not too far back."""
    start = sent_start(det)
    for pos, actor, _ in reversed(view.subjects):
        if pos < start:
            return actor if start - pos <= BACK else None
    return None


def undergone_possessor(view: ArticleView, det: Any) -> Actor | None:
    """The person a singular third-person possessive stands for on the noun of an undergone act:
    the nearest person named before it in its sentence or the one before ("Paul Durand a été relâché.
    Son interpellation avait choqué." -> Paul Durand); None for "leur" or with no person named."""
    if lower_text(det) not in SINGULAR_POSSESSIVES:
        return None
    start = sent_start(det)
    if start > 0:
        start = sent_start(view.doc[start - 1])
    quote = view.tok_quote[det.i]
    speaker = quote.speaker if quote is not None else None  # in a quote "son" is not the speaker's ("mon" is)
    for j in range(det.i - 1, start - 1, -1):
        ent = view.tok_entity[j]
        if ent is not None and ent.type == "PER" and ent.name != speaker:
            return Actor(ent.name, "PER", j, entity=ent.name)
    return None


def person_act(noun: Any) -> bool:
    """Whether ``noun`` is the noun of an act done to a person ("arrestation", "enlèvement")."""
    return lemma(noun) in UNDERGONE_NOUNS


def owned_person_act(noun: Any) -> bool:
    """The noun of an act done to a person with a possessive ("son arrestation"): told from the side
    of the one who undergoes it, its doer may stay unnamed (kept by ``source_rules.agentless``)."""
    return person_act(noun) and any(c.dep_ == "det" and feat(c, "Poss") == ["Yes"] for c in noun.children)
