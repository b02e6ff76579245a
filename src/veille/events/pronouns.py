"""Who a pronoun stands for: a relative's antecedent, "nous" in a quote, an object clitic's governing
subject, a strong pronoun's last entity, "il"/"elle" as the subject or person named before.

``resolve`` (``veille.events.actors``) is handed in, so that this module stays below ``actors``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.events.actor_core import Actor, entity_actor, full_name, latest_named, speaker_side
from veille.events.argument_words import OBJECT_CLITICS
from veille.events.groups import lone_person
from veille.events.oblique_binding import own_subject
from veille.events.relatives import antecedent
from veille.events.view import ArticleView
from veille.events.words import (
    FIRST_PERSON,
    FIRST_PLURAL,
    PERSONAL,
    RELATIVE,
    SUBJ,
    THIRD_PERSON,
    THIRD_SINGULAR,
    TOPIC_OPENERS,
    feat,
    lower_text,
    sent_start,
)

Resolve = Callable[..., list[Actor]]


def pronoun(view: ArticleView, tok: Any, resolve: Resolve) -> Actor | None:
    """The actor a pronoun stands for, None when the article does not show it (``resolve`` as the module says)."""
    text = lower_text(tok)
    latest = latest_named(view, tok)
    if latest is not None:
        return latest
    if feat(tok, "PronType") == ["Rel"] or text in RELATIVE:
        return antecedent(view, tok, resolve)  # type: ignore[no-any-return]
    quote = view.tok_quote[tok.i]
    person = feat(tok, "Person")
    if quote is not None and quote.speaker and (person == ["1"] or text in FIRST_PERSON):
        return speaker_side(view, quote.speaker, plural=text in FIRST_PLURAL, tok=tok.i)
    if text in OBJECT_CLITICS and tok.dep_ not in SUBJ:
        governing = _governing_subject(view, tok, resolve)
        if governing is not None:
            return governing
    if text in PERSONAL and tok.dep_ not in SUBJ:
        gender = (feat(tok, "Gender") or [None])[0]
        bound = own_subject(tok)  # "X s'en est pris à elle": not X (events/binding.py)
        for j in range(tok.i - 1, max(tok.i - 200, -1), -1):
            ent = view.tok_entity[j]
            if ent is None or j in bound or (j + 1 < view.n and view.tok_entity[j + 1] is ent):
                continue
            g = (feat(view.doc[j], "Gender") or [None])[0]
            if gender and g and g != gender:
                continue
            actor = entity_actor(view, ent, tok.i)
            if actor is not None:
                return actor
        return None
    if text in THIRD_PERSON:
        topic = _topic(view, tok)
        if topic is not None:
            return topic
        gender = (feat(tok, "Gender") or [None])[0]
        singular = text in THIRD_SINGULAR
        for pos, actor, g in reversed(_pronoun_subjects(view, singular)):
            if pos >= tok.i:
                continue
            if tok.i - pos > 400:
                break
            # A subject inside someone's quote is not what a pronoun outside it refers to:
            # "« ces troupes ... », a dit X. Elle a demandé" -> X, not the troops' country.
            inside = view.tok_quote[pos]
            if inside is not None and inside is not quote:
                continue
            if (gender and g and g != gender) or lone_person(view, singular, pos, actor):
                continue  # a gender known only when the article shows it; "ils" is no lone person
            if _unnamed_between(view, tok, pos, gender):
                return None
            return Actor(actor.name, actor.kind, tok.i, entity=actor.entity)
        if singular:
            return _last_person(view, tok, gender)
    return None


def _governing_subject(view: ArticleView, tok: Any, resolve: Resolve) -> Actor | None:
    """An object pronoun of a clause under another takes up the named subject of the governing
    clause, its own clause's subject being someone else: "Lina Varga affirme que la police l'a
    frappée.", "Paul Durand rentrait quand deux hommes l'ont agressé." -> the governing subject."""
    clause = tok.head
    gender = (feat(tok, "Gender") or [None])[0]
    for _ in range(2):
        if clause.dep_ not in ("advcl", "ccomp", "xcomp") or clause.head.i == clause.i:
            return None
        clause = clause.head
        subjects = [c for c in clause.children if c.dep_ in SUBJ and c.pos_ != "PRON"]
        if not subjects:
            continue
        actors = resolve(view, subjects[0], with_conj=False)
        if not actors:
            return None
        actor = actors[0]
        g = view.genders.get(actor.name) if actor.kind == "PER" else None
        if gender and g and g != gender:
            return None
        return Actor(actor.name, actor.kind, tok.i, entity=actor.entity)
    return None


def _last_person(view: ArticleView, tok: Any, gender: str | None) -> Actor | None:
    """No subject to take up: a singular "il"/"elle" is the person named last before it, in any
    role, when the article shows no other gender: "Le discours de Lina Varga a surpris. Elle a
    reconnu une erreur." -> Lina Varga (not past an unnamed subject of that gender)."""
    for j in range(tok.i - 1, max(tok.i - 150, -1), -1):
        ent = view.tok_entity[j]
        if ent is None or ent.type != "PER" or (j + 1 < view.n and view.tok_entity[j + 1] is ent):
            continue
        g = view.genders.get(ent.name)
        if gender and g and g != gender:
            continue
        if _unnamed_between(view, tok, j, gender):
            return None
        return Actor(full_name(view, ent.name), "PER", tok.i, entity=ent.name)
    return None


def _topic(view: ArticleView, tok: Any) -> Actor | None:
    """The actor a sentence opens on: "Quant à Lina Varga, elle a refusé." -> Lina Varga."""
    start = sent_start(tok)
    opener = " ".join(lower_text(view.doc[j]) for j in range(start, min(start + 2, tok.i)))
    if opener not in TOPIC_OPENERS:
        return None
    for j in range(start + 2, tok.i):
        ent = view.tok_entity[j]
        if ent is not None:
            return entity_actor(view, ent, tok.i)
    return None


def _unnamed_between(view: ArticleView, tok: Any, pos: int, gender: str | None) -> bool:
    """An unnamed subject of the same gender and number stands between the pronoun and the named
    one, close by: "Lina Varga a parlé. Le suspect a fui ; il a blessé deux passants." -> the
    suspect, not Lina Varga."""
    number = (feat(tok, "Number") or [None])[0]
    start = sent_start(tok)
    prev_start = sent_start(view.doc[start - 1]) if start > 0 else start
    for u, g, n in view.unnamed_subjects:
        if pos < u < tok.i and u >= prev_start and (not gender or g == gender) and (not number or n == number):
            return True
    return False


def _pronoun_subjects(view: ArticleView, singular: bool) -> list[tuple[int, Actor, str | None]]:
    """Subjects a pronoun may take up; a singular one also the person speaking a quote just
    before, at the quote's end (the inverted "», a déclaré X" is often not parsed as subject)."""
    if not singular:
        return view.subjects
    if view.speakers is None:
        people = {e.name for e in view.article.entities if e.type == "PER"}
        found = []
        for q in view.article.quotes:
            if q.speaker in people and q.start is not None and q.end is not None:
                pos = view.tokens_in(q.start, q.end).stop
                found.append((pos, Actor(q.speaker, "PER", pos, entity=q.speaker), view.genders.get(q.speaker)))
        # Merged once: subjects are all built before any pronoun is resolved.
        view.speakers = sorted(view.subjects + found, key=lambda x: x[0]) if found else view.subjects
    return view.speakers
