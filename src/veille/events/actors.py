"""From a noun phrase to the actors it stands for: entities, metonymy (a capital or a demonym for its
country, a person for the body they act for), posts ("le chef de l'OTAN"), pronouns and relatives.

These answer "who is this phrase?"; which phrase is an event's source or target is decided in
``veille.events.actor_rules``. The leaves live beside this module: ``actor_core`` (the ``Actor``
record, entity mentions), ``post_actors`` (posts, titles taken up, authorities) and ``pronouns``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, morph_fields, token_strings
from veille.common.fold import lower_nfc
from veille.events.actor_core import (
    Actor,
    canonical,
    demonym,
    entity_actor,
    full_name,
    latest_named,
    possessor,
    speaker_side,
)
from veille.events.apposed import comma_named
from veille.events.argument_words import OWN_BODY_NOUNS, THIRD_POSSESSIVES
from veille.events.groups import KINDS as GROUP_KINDS
from veille.events.groups import counted_group
from veille.events.lede import apposed_person, lede_person
from veille.events.memo import title_words
from veille.events.peoples import some_people
from veille.events.post_actors import authority_place, name_after_post, post_holder, taken_up
from veille.events.pronouns import pronoun
from veille.events.states import GOVERNMENT_NOUNS, STATE_NOUNS, bare_state
from veille.events.topic_person import NOUNS as TOPIC_NOUNS
from veille.events.topic_person import topic_taken_up
from veille.events.view import ArticleView, agent, doc_cases
from veille.events.words import (
    AUTHORITIES,
    LATEST,
    LEDE_PERSONS,
    OF_PREPS,
    PERSON_TITLES,
    RELATIVE_NOUNS,
    SUBJ,
    WORKER_NOUNS,
    feat,
    lemma,
    lower_text,
)

# Names other modules import from here (the leaves moved to actor_core, post_actors, pronouns).
__all__ = ["Actor", "canonical", "demonym", "entity_actor", "first", "inner_actor", "possessor", "resolve",
           "speaker_side", "title_words"]


def resolve(view: ArticleView, tok: Any, depth: int = 0, for_place: bool = False,
            with_conj: bool = True) -> list[Actor]:
    """Actors a nominal stands for (several when coordinated or listed in apposition)."""
    memo = view.resolved
    if memo is not None and depth == 0:
        # Once the article's actors are known (``view.resolved`` set), the answer for a token no
        # longer changes: worked out once, handed out as copies (callers may change their actors).
        key = (tok.i, for_place, with_conj)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _resolve(view, tok, 0, for_place, with_conj)
        return [_copy(a) for a in found]
    return _resolve(view, tok, depth, for_place, with_conj)


def _copy(actor: Actor) -> Actor:
    """``copy.copy(actor)`` without the generic ``__reduce_ex__`` round trip (one per answer)."""
    new = object.__new__(Actor)
    new.__dict__.update(actor.__dict__)
    return new


def _resolve(view: ArticleView, tok: Any, depth: int, for_place: bool, with_conj: bool) -> list[Actor]:
    if depth > 4:
        return []
    out: list[Actor] = []
    doc = tok.doc
    pos = token_strings(doc, POS)[tok.i]  # (the tag from the column: ``Token.pos_`` looks up its string)
    if pos == "PRON" and view.tok_entity[tok.i] is None:
        actor = pronoun(view, tok, resolve)
        out = [actor] if actor else []
    else:
        ent = view.entity_at(tok)
        people = demonym(view, tok) if ent is None and pos in ("NOUN", "PROPN") else None
        if people is not None:
            out = [people]  # "les Géorgiens"
        elif ent is not None:
            actor = entity_actor(view, ent, tok.i, for_place)
            out = [actor] if actor else []
            # "le président polonais, A, et le Premier ministre britannique, B": B hangs as appos.
            deps = token_strings(doc, DEP)
            for ci in child_indices(doc)[tok.i]:  # (the cached columns: a Token only for an appos)
                other = view.entity_at(doc[ci]) if deps[ci] == "appos" else None
                if other is not None and other is not ent and other.type == ent.type == "PER":
                    out.append(Actor(other.name, "PER", ci, entity=other.name))
        elif not some_people(view.lex.demonyms, tok):  # "des Algériens": nobody else (events/peoples.py)
            out = _descriptor(view, tok, depth)
    if with_conj:
        deps, tags = token_strings(doc, DEP), token_strings(doc, POS)
        for ci in child_indices(doc)[tok.i]:
            if deps[ci] == "conj" and tags[ci] in ("NOUN", "PROPN", "PRON"):
                out.extend(resolve(view, doc[ci], depth + 1, for_place, with_conj=True))
    return out


def first(view: ArticleView, tok: Any) -> Actor | None:
    """The first actor of a nominal, its conjuncts left aside."""
    actors = resolve(view, tok, with_conj=False)
    return actors[0] if actors else None


def _descriptor(view: ArticleView, tok: Any, depth: int) -> list[Actor]:
    """A common noun phrase: a named person in apposition, a post, "de X", a demonym, a title the
    article gave an actor before ("le syndicat"), "ce dernier"."""
    # The word's lemma and form read once: each leaf below that answers only for some words is
    # asked only of those (the same test it opens with), not called for every noun of every sentence.
    lem, low = lemma(tok), lower_text(tok)
    titled = lem in PERSON_TITLES
    latest = latest_named(view, tok) if low in LATEST else None
    if latest is not None:
        return [latest]
    named_next = (lede_person(view, tok) if lem in LEDE_PERSONS else None) or (
        apposed_person(view, tok, PERSON_TITLES) if titled else None)
    if named_next is not None:
        return [Actor(full_name(view, named_next.name), "PER", tok.i, entity=named_next.name)]
    persons = []
    doc = view.doc
    kids, deps, tags = child_indices(doc), token_strings(doc, DEP), token_strings(doc, POS)
    for ci in kids[tok.i]:  # (the cached columns: a Token is built only for a named child)
        # A name after its title: appos, or a comma "conj" without "et" (a frequent misparse).
        named = deps[ci] == "appos" or (deps[ci] in ("conj", "flat:name", "nmod") and tags[ci] == "PROPN"
                                        and not any(deps[x] in ("cc", "case") for x in kids[ci]))
        if named:
            c = doc[ci]
            ent = view.entity_at(c)
            # "le député X": a name after a title of office is a person, whatever the NER said.
            if ent is not None and (ent.type == "PER" or (titled and ent.type == "LOC"
                                                           and ent.name not in view.lex.countries)):
                persons.append(Actor(ent.name, "PER", c.i, entity=ent.name))
            elif c.pos_ == "NOUN":
                for cc in c.children:
                    if cc.dep_ == "appos":
                        e2 = view.entity_at(cc)
                        if e2 is not None and e2.type == "PER":
                            persons.append(Actor(e2.name, "PER", cc.i, entity=e2.name))
        elif titled and deps[ci] == "nmod" and not persons:
            persons.extend(name_after_post(view, doc[ci]))
    if persons:
        return persons
    seat = authority_place(view, tok) if lem in AUTHORITIES else None
    if seat is not None:
        return [seat]
    holder = post_holder(view, tok)
    if holder is not None:
        return [holder]
    if lem in RELATIVE_NOUNS or lem in WORKER_NOUNS:
        # "le fils d'un membre de la secte Z", "les salariés de Valcor": others than the one they are "de"
        return []
    inner = inner_actor(view, tok)
    if inner is None:
        # "l'État": the country the article is about (events/states.py: a government or state noun only)
        state = bare_state(view, tok, taken_up) if (lem in GOVERNMENT_NOUNS or low in GOVERNMENT_NOUNS
                                                    or lem in STATE_NOUNS) else None
        if state is not None:
            return [Actor(canonical(view, state), "LOC", tok.i)]
        owner = None
        morph = morph_fields(doc)  # (``feat(doc[ci], "Poss")``: a Token for a possessive only)
        for ci in kids[tok.i]:
            if deps[ci] == "det" and morph[ci].get("Poss") == ["Yes"]:
                owner = possessor(view, doc[ci]) or _own_body(view, doc[ci])
        if owner is not None:
            return [owner]
        # "les deux partis": the two coordinated just before (events/groups.py); else a title taken up
        group = counted_group(view, tok, entity_actor) if low in GROUP_KINDS else []
        found = group or [a for a in [taken_up(view, tok) if _may_take_up(view, lem) else None] if a is not None]
        # "le praticien": the person the page is about (events/topic_person.py)
        topic = topic_taken_up(view, tok) if not found and lem in TOPIC_NOUNS else None
        return [topic] if topic is not None else found
    # "le chef de l'OTAN" is the person the article introduced as holding that post.
    if lem in view.lex.cue("role") and feat(tok, "Number") != ["Plur"]:
        holders = [p for p, a in view.affiliation.items() if lower_nfc(a) == lower_nfc(inner.name)]
        if len(holders) == 1:
            return [Actor(holders[0], "PER", tok.i, entity=holders[0])]
    return [inner]


def _may_take_up(view: ArticleView, key: str) -> bool:
    """Whether ``post_actors.taken_up`` can find an actor for a noun of lemma ``key``: only when a title
    the article gave (``view.titles``), a noun first written with its body (``view.members``) or a
    word of an organisation's name (``view.org_mentions``) is that lemma; most nouns are none, and
    need not be looked up in all three. The words are gathered again when the coder has added titles
    or members since (both lists only grow): "le syndicat" after "le syndicat des machinistes (IAM)"."""
    sizes = (len(view.titles), len(view.members))
    known = view.__dict__.get("_take_up_words")
    if known is None or known[0] != sizes:
        words = {noun for _, noun, _, _ in view.titles} | {noun for _, noun, _ in view.members}
        for _, _, name_words in view.org_mentions():
            words |= name_words
        known = view.__dict__["_take_up_words"] = (sizes, words)
    return key in known[1]


_INNER_DEPS = frozenset({"amod", "acl", "nmod", "flat:name", "appos", "conj"})  # (those ``inner_actor`` reads)


def inner_actor(view: ArticleView, tok: Any) -> Actor | None:
    """The first actor inside a noun phrase: "de X" complements and demonyms, breadth first."""
    queue = [(tok, 0)]
    seen = {tok.i}
    doc = tok.doc
    kids, deps = child_indices(doc), token_strings(doc, DEP)  # (``Token.children`` scans the subtree)
    tags, cases = token_strings(doc, POS), doc_cases(doc)  # (each child's tag and preposition: no Token read)
    while queue:
        cur, d = queue.pop(0)
        for ci in kids[cur.i]:
            if ci in seen:
                continue
            seen.add(ci)
            dep = deps[ci]
            if dep not in _INNER_DEPS:
                continue  # (no branch below reads it: no Token built)
            c = doc[ci]
            pos = tags[ci]
            if dep == "amod" or (dep == "acl" and pos == "ADJ"):
                # "des drones russes": the parser sometimes hangs the adjective as an acl.
                actor = demonym(view, c)
                if actor is None and view.tok_entity[c.i] is not None:
                    actor = entity_actor(view, view.tok_entity[c.i], c.i)
                if actor:
                    return actor
            elif (dep == "acl" and pos == "VERB" and d == 0 and lemma(cur) in view.lex.nouns
                  and agent(c) is not None):
                # "une attaque menée par X" (an event noun; not "le bloc dirigé par X").
                actors = resolve(view, agent(c), with_conj=False)
                if actors:
                    return actors[0]
            elif dep in ("nmod", "flat:name", "appos") or (dep == "conj" and (d > 0 or comma_named(view, c))):
                prep = cases[ci]
                if dep == "nmod" and prep is not None and prep not in OF_PREPS:
                    continue
                ent = view.entity_at(c)
                if ent is not None and ent.type == "LOC" and lemma(cur) in view.lex.cue("named"):
                    continue  # "le document de Vienne", "l'accord de Minsk": a name, not a government
                if ent is not None:
                    actor = entity_actor(view, ent, c.i)
                    if actor:
                        return actor
                elif pos in ("NOUN", "PROPN") and demonym(view, c):
                    return demonym(view, c)
                elif pos == "NOUN" and lemma(c) in TOPIC_NOUNS and dep == "nmod":
                    # "la proposition du parlementaire": the page's person (events/topic_person.py)
                    topic = topic_taken_up(view, c)
                    if topic is not None:
                        return topic
                if d < 3:
                    queue.append((c, d + 1))
    return None


def _own_body(view: ArticleView, det: Any) -> Actor | None:
    """"son pays", "son gouvernement" stand for the body of the person whose clause they are in:
    "Le ministre moldave Paul Durand a affirmé que son pays livrera des obus." -> Moldavie."""
    noun = det.head
    if lower_text(det) not in THIRD_POSSESSIVES or lemma(noun) not in OWN_BODY_NOUNS:
        return None
    cur = noun.head
    for _ in range(3):
        for s in (c for c in cur.children if c.dep_ in SUBJ and c.i != noun.i):
            actors = resolve(view, s, with_conj=False)
            org = view.affiliation.get(actors[0].name) if actors and actors[0].kind == "PER" else None
            if org is not None:
                return Actor(org, "LOC" if org in view.lex.countries else "ORG", det.i, entity=org)
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None
