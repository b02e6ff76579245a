"""The person a page is about, taken up by a noun of trade, role or age the article never wrote
beside the name (issue 13, helper evdescr): "Paul Verdier, gynécologue à Montvert, a refusé une
patiente. […] Interrogé mardi, le praticien a nié toute faute." -> Paul Verdier.

Asked by ``veille.events.actors`` (``_descriptor``) last, when no other reading of the noun named
anyone. The nouns are ``lexicons/events/topic_person_nouns.tsv``; the actor it returns carries
``via = "topic-person"``, which the coder adds to the event's source or target rule.

The page's person: among the persons named in the headline or the first sentence of the body, the
one named most often (strictly more than the next one of the noun's gender); on a page that names
one person only, that person wherever it is named. The noun must be singular with a definite or
demonstrative determiner ("le", "ce"; not "un", "son"), and no other person of its gender may have
been named between the page's person and the noun ("le député Luc Marin … l'élu" is Luc Marin).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP

from veille.common.docarrays import child_indices, token_strings
from veille.common.lexicon import mapping
from veille.events.actor_core import Actor, full_name
from veille.events.view import ArticleView
from veille.events.words import CONTRACTED, DEFINITE, doc_lemmas, doc_lowers, feat, lemma
from veille.model import Entity

RULE = "topic-person"


def _nouns() -> dict[str, frozenset[str]]:
    """Noun lemma -> the adjectives one of which it needs ("homme politique"; empty: none)."""
    out: dict[str, set[str]] = {}
    for key in mapping("events/topic_person_nouns.tsv"):
        noun, _, adjective = key.partition(" ")
        out.setdefault(noun, set())
        if adjective:
            out[noun].add(adjective)
    return {noun: frozenset(adjs) for noun, adjs in out.items()}


NOUNS = _nouns()
_DETERMINERS = DEFINITE | CONTRACTED


def topic_taken_up(view: ArticleView, tok: Any) -> Actor | None:
    """The page's person when ``tok`` is a noun of the list that takes it up (see the module)."""
    adjectives = NOUNS.get(lemma(tok))
    if adjectives is None or feat(tok, "Number") == ["Plur"]:
        return None
    doc = view.doc
    kids, deps = child_indices(doc)[tok.i], token_strings(doc, DEP)
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    dets = [ci for ci in kids if deps[ci] == "det" or (deps[ci] == "case" and lowers[ci] in CONTRACTED)]
    if not dets or not all(lowers[d] in _DETERMINERS for d in dets):
        return None  # "un médecin", "son avocat": another person than the page's
    following = lowers[tok.i + 1] if tok.i + 1 < view.n else ""
    if adjectives and following not in adjectives and not any(
            deps[ci] == "amod" and lemmas[ci] in adjectives for ci in kids):
        return None  # "l'homme politique" (the adjective right after the noun, however it is parsed)
    gender = (feat(tok, "Gender") or [None])[0]
    person = _page_person(view, gender)
    if person is None or _other_person_since(view, tok.i, person, gender):
        return None
    actor = Actor(full_name(view, person.name), "PER", tok.i, entity=person.name)
    actor.via = RULE
    return actor


def _fits(view: ArticleView, ent: Entity, gender: str | None) -> bool:
    known = view.genders.get(ent.name)
    return gender is None or known is None or known == gender


def _page_person(view: ArticleView, gender: str | None) -> Entity | None:
    ranked = [e for e in _lead_persons(view) if _fits(view, e, gender)]
    if not ranked:
        return None
    if len(ranked) > 1 and _count(ranked[1]) >= _count(ranked[0]):
        return None  # two persons of the lead named as often: no one page's person
    return ranked[0]


def _count(ent: Entity) -> int:
    return sum(1 for s in ent.spans if len(s) == 2)


def _lead_persons(view: ArticleView) -> list[Entity]:
    """The persons named in the headline or the body's first sentence, most named first (on a page
    naming one person only, that person); kept on the view."""
    found = view.__dict__.get("_lead_persons")
    if found is not None:
        return found  # type: ignore[no-any-return]
    persons = [e for e in view.article.entities if e.type == "PER" and _count(e)]
    end = _lead_end(view)
    lead = [e for e in persons if min(s[0] for s in e.spans if len(s) == 2) < end]
    if not lead and len(persons) == 1:
        lead = persons
    found = view.__dict__["_lead_persons"] = sorted(lead, key=_count, reverse=True)
    return found


def _lead_end(view: ArticleView) -> int:
    """Where the body's first sentence ends (a character offset of the text)."""
    doc = view.doc
    for i in range(view.n):
        if view.starts[i] >= view.body_start and not doc[i].is_space:
            return int(doc[i].sent.end_char)
    return view.body_start


def _other_person_since(view: ArticleView, at: int, person: Entity, gender: str | None) -> bool:
    """Whether the last person named before token ``at`` is another one, of the noun's gender, and the
    page's person is not named in the sentence before or earlier in this one ("André Varin, ministre
    sous le général Dumas, … L'homme politique …" is still André Varin)."""
    doc = view.doc
    since = doc[doc[at].sent.start - 1].sent.start if doc[at].sent.start > 0 else 0
    for j in range(at - 1, -1, -1):
        ent = view.tok_entity[j]
        if ent is not None and ent.type == "PER":
            if ent is person or not _fits(view, ent, gender):
                return False
            return not any(view.tok_entity[k] is person for k in range(since, at))
    return False
