"""A common noun phrase standing for an actor named elsewhere: a post's holder ("le chef de l'Etat"),
a title taken up ("le syndicat"), an authority for its place ("les autorités de Curaçao").

Called by ``veille.events.actors`` (``_descriptor``); nothing here resolves a phrase.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, morph_fields, token_strings
from veille.common.fold import norm
from veille.events.actor_core import Actor, entity_actor, full_name
from veille.events.memo import title_words
from veille.events.view import ArticleView, case, post_key
from veille.events.walks import has_child
from veille.events.words import (
    AUTHORITIES,
    CONTRACTED,
    DEFINITE,
    OF_PREPS,
    PERSON_TITLES,
    SUBJ,
    doc_lowers,
    feat,
    lemma,
    lower_text,
)
from veille.model import Entity


def post_holder(view: ArticleView, tok: Any) -> Actor | None:
    """A post named again is the person the entity stage gave that post to elsewhere in the article
    (a descriptor among the person's mentions): "Le chef de l'État Lino Varga a parlé. [...] Le
    ministre en discutera avec le chef de l'Etat." -> Lino Varga (one person only holds it)."""
    # (the tag and the form from the article's columns: ``Token.pos_`` and ``.text`` look their strings up)
    if token_strings(view.doc, POS)[tok.i] != "NOUN" or feat(tok, "Number") == ["Plur"]:
        return None
    posts = view.post_holders()
    if not posts or norm(view.words[tok.i]) not in view.post_words:
        return None
    span = _post_span(tok)
    holders = posts.get(post_key("".join(view.doc[j].text_with_ws for j in span)))
    if holders is None and not any(view.tok_entity[j] is not None for j in span):
        # "le président de la République" takes up "le président" the entity stage gave a person
        holders = posts.get(post_key("".join(view.doc[j].text_with_ws for j in _post_span(tok, of=False))))
    if holders is None or len(holders) != 1:
        return None
    return Actor(full_name(view, next(iter(holders))), "PER", tok.i, entity=next(iter(holders)))


def _post_span(tok: Any, of: bool = True) -> list[int]:
    """The tokens of a post: its noun, adjectives and (``of``) "de" complements ("chef de l'Etat"),
    no determiner, relative clause or apposition."""
    keep = [tok.i]
    for c in tok.children:
        if c.dep_ == "amod" or (of and c.dep_ == "nmod" and case(c) in OF_PREPS):
            keep.extend(t.i for t in c.subtree)
    return sorted(keep)


def name_after_post(view: ArticleView, place: Any) -> list[Actor]:
    """A title's holder named right after the title's complement, which the parser hangs on the
    complement: "le maire de Montvert Lina Varga" -> Lina Varga (not Montvert)."""
    own = view.tok_entity[place.i]
    for c in place.children:
        if c.dep_ in ("flat:name", "appos") and c.i > place.i:
            ent = view.entity_at(c)
            if ent is not None and ent is not own and ent.type == "PER":
                return [Actor(ent.name, "PER", c.i, entity=ent.name)]
    return []


_DEFINITE_OR_CONTRACTED = DEFINITE | CONTRACTED


def taken_up(view: ArticleView, tok: Any) -> Actor | None:
    """A definite common noun that takes up an actor named before: the title the article gave it
    ("le syndicat des machinistes (IAM)" ... "le syndicat" -> IAM), else the last body whose name
    holds the word ("le Parti travailliste" ... "le parti", "les travaillistes")."""
    doc = tok.doc  # (children, forms and analyses from the article's columns: no Token per child)
    kids, deps, lowers, morph = child_indices(doc)[tok.i], token_strings(doc, DEP), doc_lowers(doc), morph_fields(doc)
    # its determiners, and "au ministre", "du parti": the article is inside the preposition
    det = [ci for ci in kids if deps[ci] == "det" or (deps[ci] == "case" and lowers[ci] in CONTRACTED)]
    if not det or not all(lowers[d] in _DEFINITE_OR_CONTRACTED or morph[d].get("Poss") == ["Yes"] for d in det):
        return None
    words = title_words(tok)
    titled = None
    key = lemma(tok)
    person_title = key in PERSON_TITLES
    for pos, noun, title, actor in reversed(view.titles):
        if pos < tok.i and noun == key and words <= title:
            if person_title and actor.kind != "PER":
                # "l'agent" takes up "l'agent Paul Durand", not "des agents de la Police de X"
                titled = titled or (pos, Actor(actor.name, actor.kind, tok.i, entity=actor.entity))
                continue
            titled = (pos, Actor(actor.name, actor.kind, tok.i, entity=actor.entity))
            break
    mentions = view.org_mentions()
    # A headline takes up a body named only further down ("Le syndicat rejette l'accord").
    body = tok.idx >= view.body_start
    order = reversed(mentions) if body else iter(mentions)
    for j, ent, words in order:
        if (j < tok.i if body else j > tok.i) and key in words:
            # the name given last wins: "le comité de l'ONU chargé de … (CPF)" … "le comité" -> CPF; but not
            # over a person a person's title introduced ("la députée Léa Morin" … "la députée du parti
            # Vert" … "la députée" is Léa Morin, not the party whose name followed the title)
            if titled is None or (body and j > titled[0] and not (person_title and titled[1].kind == "PER")):
                return Actor(ent.name, "ORG", tok.i, entity=ent.name)
            break
    if titled is None and body:
        # "les experts du comité X" ... "les experts": the body the noun was first written with
        member = next((a for pos, noun, a in reversed(view.members) if pos < tok.i and noun == key), None)
        if member is not None:
            return Actor(member.name, member.kind, tok.i, entity=member.entity)
    return titled[1] if titled is not None else None


def _place_actor(view: ArticleView, ent: Entity, tok: int) -> Actor:
    return entity_actor(view, ent, tok) or Actor(ent.name, "LOC", tok, entity=ent.name)


def authority_place(view: ArticleView, tok: Any) -> Actor | None:
    """A public body named by a common noun acts for its place: "les autorités de Curaçao" ->
    Curaçao; bare, for the place its clause names: "au Chili, où la police a saisi ..." -> Chili."""
    if lemma(tok) not in AUTHORITIES:
        return None
    for c in tok.children:
        ent = view.entity_at(c) if c.dep_ == "nmod" and case(c) in OF_PREPS else None
        if ent is not None and ent.type == "LOC":
            return _place_actor(view, ent, c.i)
    if has_child(tok, ("nmod", "amod")) or tok.dep_ not in SUBJ:
        return None  # "la police municipale", "la police des frontières": not bare
    verb = tok.head
    for c in verb.children:
        where = None
        if c.dep_.startswith("obl") and case(c) in view.lex.cue("place"):
            where = view.entity_at(c)
        elif lower_text(c) == "où":
            # "en République dominicaine, où les autorités ont saisi": the place just before.
            where = next((view.tok_entity[j] for j in range(c.i - 1, max(c.i - 4, -1), -1)
                          if view.tok_entity[j] is not None), None)
        if where is not None and where.type == "LOC" and entity_actor(view, where, c.i) is not None:
            return entity_actor(view, where, c.i)
    return None
