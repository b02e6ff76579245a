"""Building blocks of the target rules: the actors a party phrase names, the party of a threatened
act, the body whose members are addressed. The rules that use them, in order, are in
``veille.events.target_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, head_indices, token_strings
from veille.events.actors import Actor, demonym, first, inner_actor, possessor, resolve
from veille.events.argument_words import UNDERGO_NOUNS, UNDERGO_VERBS
from veille.events.lexicon import Trigger
from veille.events.noun_frames import de_role, on_behalf
from veille.events.possessives import person_act, third_possessor, undergone_possessor
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, agent, case, doc_cases
from veille.events.walks import subtree_of
from veille.events.words import (
    ADDRESSEE_PREPS,
    AGENT_PREPS,
    BETWEEN_PREPS,
    MEMBER_BODIES,
    MEMBER_WORDS,
    OF_PREPS,
    SUBJ,
    doc_lemmas,
    feat,
    lemma,
    lower_text,
)


@dataclass
class Found:
    """A source rule's decision: the actor (None: the rule applies and names nobody) and its name."""

    actor: Actor | None
    rule: str

    def under(self, prefix: str) -> Found:
        """The same decision reached through another rule: "up>subject"."""
        return Found(self.actor, f"{prefix}>{self.rule}")


@dataclass
class Roles:
    """The roles of one candidate event while the rules decide them."""

    view: ArticleView
    cand: Candidate
    head: Any  # the trigger's head token
    gov: Any = None  # the support verb of an event noun ("effectuer une visite")
    verbal: bool = False
    source: Found = field(default_factory=lambda: Found(None, "none"))
    targets: list[Actor] = field(default_factory=list)
    target_rule: str = "none"
    noun_targets: list[Actor] = field(default_factory=list)  # patients inside the event noun
    target_labels: dict[int, str] = field(default_factory=dict)  # actor token -> where it was found
    anonymous: bool = False  # a protest by an unnamed crowd


def detached_participle(tok: Any) -> bool:
    """A past participle set before its clause without auxiliary or subject: "Critiqué pour sa
    gestion, le ministre Paul Durand a démissionné." (the clause's subject undergoes it)."""
    if tok.dep_ not in ("advcl", "acl", "amod") or tok.i >= tok.head.i:
        return False
    if any(c.dep_.startswith("aux") or c.dep_ in ("nsubj", "nsubj:pass", "obj") for c in tok.children):
        return False
    if feat(tok, "Tense") == ["Pres"] or lower_text(tok).endswith("ant"):
        return False  # a present participle ("Refusant de céder, X …"): the clause's subject does it
    participle = feat(tok, "VerbForm") == ["Part"] or lower_text(tok).endswith(("é", "és", "ée", "ées"))
    after = tok.doc[tok.i + 1:tok.head.i]
    return participle and any(t.text == "," for t in after)


def undergoer(noun: Any) -> Any | None:
    """The subject of the clause that says an event noun is undergone: "Paul Durand a été victime
    d'une agression", "fait l'objet de sanctions", "est la cible de tirs", "a subi une attaque",
    "l'agression dont il a été victime", "l'attaque qu'il a subie" -> the token of its bearer."""
    # (labels, heads, lemmas and children as indices off the article's columns: a Token for the answer only)
    doc, n = noun.doc, noun.i
    kids, deps, tags, lemmas = child_indices(doc), token_strings(doc, DEP), token_strings(doc, POS), doc_lemmas(doc)
    frame = None
    head = head_indices(doc)[n]
    if deps[n] in ("nmod", "obl", "obl:arg") and doc_cases(doc)[n] in OF_PREPS and head != n:
        if lemmas[head] in UNDERGO_NOUNS:
            frame = head  # "victime d'une agression", "la cible de tirs"
        elif tags[head] == "VERB" and any(deps[c] == "obj" and lemmas[c] in UNDERGO_NOUNS for c in kids[head]):
            frame = head  # "fait l'objet de sanctions" (the parser hangs the noun on the verb)
    elif deps[n] == "obj" and lemmas[head] in UNDERGO_VERBS:
        frame = head  # "a subi une attaque"
    for c in kids[n] if frame is None else ():
        if deps[c] == "acl:relcl" and (lemmas[c] in UNDERGO_NOUNS or lemmas[c] in UNDERGO_VERBS):
            frame = c  # "l'agression dont il a été victime", "l'attaque qu'il a subie"
    if frame is None:
        return None
    return next((doc[c] for c in kids[frame] if deps[c] in SUBJ), None)


def request_targets(view: ArticleView, verb: Any) -> list[Actor]:
    """The addressees of a request or the accused of an accusation: object, "à X", a named xcomp."""
    out: list[Actor] = []
    for c in verb.children:
        named_xcomp = c.dep_ == "xcomp" and c.pos_ == "PROPN" and view.entity_at(c) is not None
        if c.dep_ in ("obj", "iobj") or named_xcomp or (c.dep_.startswith("obl") and case(c) in ADDRESSEE_PREPS):
            out.extend(resolve(view, c))
    return out


def target_np(view: ArticleView, tok: Any, trig: Trigger, prep: str | None = None) -> list[Actor]:
    """The actors a target phrase names; after a place preposition a meeting's place."""
    place_prep = prep in view.lex.cue("place")
    # A meeting's destination is a place ("visite à Kiev"), not the government it houses.
    actors = resolve(view, tok, for_place=place_prep and trig.type == "CONSULT")
    if not actors and tok.pos_ == "NOUN" and trig.type in ("ACCUSE", "REJECT", "SANCTION", "SUPPORT"):
        # "condamner les actes commis par X": the doer of the act judged is the party.
        by = next((agent(c) for c in tok.children if c.dep_ == "acl" and agent(c) is not None), None)
        actors = resolve(view, by, with_conj=False) if by is not None else []
    if not actors and tok.pos_ == "NOUN" and trig.type in ("ACCUSE", "REJECT", "SANCTION", "SUPPORT"):
        inner = inner_actor(view, tok)
        actors = [inner] if inner else []
    if not actors and trig.type == "CONSULT" and place_prep:
        ent = view.entity_at(tok)
        if ent is not None and ent.type == "LOC":
            actors = [Actor(ent.name, "LOC", tok.i, place=True, entity=ent.name)]
    if place_prep and trig.type == "CONSULT":
        for a in actors:
            a.place = a.kind == "LOC"
    return actors


def threatened_party(view: ArticleView, head: Any, source: Actor | None) -> list[Actor]:
    """The object (or "à X") of the infinitive a threat announces, two verbs deep at most."""
    frontier = [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                and feat(c, "VerbForm") == ["Inf"]]
    for _ in range(2):
        nxt = []
        for verb in frontier:
            for c in verb.children:
                if c.dep_ in ("obj", "iobj") or (c.dep_.startswith("obl") and case(c) in ADDRESSEE_PREPS):
                    if view.tok_time[c.i] is not None:
                        continue
                    actors = [a for a in resolve(view, c) if source is None or a.name != source.name]
                    if actors:
                        return actors[:1]
                elif c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
                    nxt.append(c)
        frontier = nxt
    return []


def members_target(view: ArticleView, head: Any, source: Actor) -> list[Actor]:
    """"Le chef de l'alliance a appelé les pays membres / les alliés à ...": the body the speaker leads."""
    org = view.affiliation.get(source.name) if source.kind == "PER" else (
        source.name if source.kind == "ORG" else None)
    if org is None:
        return []
    doc = head.doc
    kids = [doc[ci] for ci in child_indices(doc)[head.i]]  # (``Token.children`` scans the whole subtree)
    # "a appelé mercredi les pays membres à": the parser often hangs the object on the date.
    kids += [g for c in kids if view.tok_time[c.i] is not None and c.dep_.startswith("obl")
             for g in c.children if g.dep_ in ("nmod", "obj") and case(g) is None]
    for c in kids:
        direct = c.head.i == head.i  # not one hung on the date (taken above as it is)
        addressee = c.dep_.startswith("obl") and case(c) in ADDRESSEE_PREPS
        if direct and c.dep_ not in ("obj", "iobj") and not addressee:
            continue
        lemmas = doc_lemmas(c.doc)
        words = {lemmas[i] for i in subtree_of(c.doc, c.i)}  # (``events/walks.py``)
        if lemma(c) in view.lex.cue("members") or (words & MEMBER_WORDS and lemma(c) in MEMBER_BODIES):
            return [Actor(org, "ORG", c.i, entity=org)]
    return []


_NOUN_ROLE_DEPS = frozenset({"acl", "nsubj", "amod", "det", "nmod", "obl", "obl:arg"})  # (those ``noun_roles`` reads)


def noun_roles(view: ArticleView, noun: Any, trig: Trigger) -> tuple[Found, list[Actor]]:
    """Agent and patients inside an event noun, read from its dependents left to right (a later
    "par X" overrides an earlier agent): "l'attaque menée par X", "les enseignants sont en grève",
    "l'offensive russe", "notre soutien", "l'accord entre X et Y", "la visite de X"."""
    source: Actor | None = None
    rule = "none"
    targets: list[Actor] = []
    role = de_role(noun, trig)
    owned: Actor | None = None  # the person a possessive says undergoes the act
    doc = noun.doc
    deps, tags = token_strings(doc, DEP), token_strings(doc, POS)  # (children as indices: a Token only for a label the loop reads)
    for ci in child_indices(doc)[noun.i]:
        dep = deps[ci]  # (label, tag and preposition from the columns: no Token property read)
        if dep not in _NOUN_ROLE_DEPS:
            continue
        c = doc[ci]
        if dep == "acl" and tags[ci] == "VERB" and source is None and agent(c) is not None:
            # "un accord négocié par X", "une attaque menée par X": the participle's agent acts.
            source, rule = first(view, agent(c)), "noun:participle-par"
        if dep == "nsubj" and source is None:
            # "les enseignants sont en grève": the noun is the predicate of its own subject.
            source, rule = first(view, c), "noun:subject"
        elif dep == "amod" and source is None:
            source, rule = demonym(view, c), "noun:demonym"
        elif dep == "det" and feat(c, "Poss") == ["Yes"] and person_act(noun):
            # "son arrestation", "ma détention": the possessor undergoes the act, as "de X" would.
            owned = possessor(view, c) or undergone_possessor(view, c)
        elif dep == "det" and feat(c, "Poss") == ["Yes"] and source is None:
            source, rule = possessor(view, c), "noun:possessive"
            if source is None and role != "patient":
                source, rule = third_possessor(view, c, trig.type, resolve), "noun:third-possessive"
        elif dep in ("nmod", "obl", "obl:arg"):
            prep = doc_cases(doc)[ci]
            if prep in BETWEEN_PREPS:
                actors = resolve(view, c)
                if actors:
                    if source is None:
                        source, rule = actors[0], "noun:entre"
                    targets.extend(actors[1:2])
            elif prep in AGENT_PREPS:
                actors = resolve(view, c, with_conj=False)
                if actors:
                    source, rule = actors[0], "noun:par"
                elif source is None and tags[ci] in ("NOUN", "PRON"):
                    rule = "noun:par-unnamed"  # "l'attaque de Y par un homme armé": a doer, unnamed
            elif prep in OF_PREPS and on_behalf(c) is not None:
                # "une répression de la part de X": the doer, whatever the noun's frame.
                actors = resolve(view, on_behalf(c), with_conj=False)
                if actors:
                    source, rule = actors[0], "noun:de-la-part"
            elif prep in OF_PREPS:
                ent = view.entity_at(c)
                if (trig.type == "CONSULT" and ent is not None and ent.type == "LOC"
                        and ent.name not in view.lex.countries):
                    continue  # "le sommet de Vilnius": the venue, not the host
                actors = resolve(view, c, with_conj=False)
                if not actors and tags[ci] == "NOUN":
                    # "l'offensive en cours de X": one level down.
                    for g in child_indices(doc)[ci]:  # (the columns: a Token for that complement only)
                        if deps[g] == "nmod" and doc_cases(doc)[g] in OF_PREPS:
                            actors = resolve(view, doc[g], with_conj=False)
                            break
                if actors:
                    if role == "patient":
                        targets.extend(actors)
                    elif source is None:
                        source, rule = actors[0], "noun:de"
    if source is None and rule == "none":
        # "la livraison de chars à Kiev par Berlin": the parser often hangs "par X" on the
        # complement before it; an agent phrase after it is still the noun's.
        kids, cases = child_indices(doc), doc_cases(doc)  # (indices: a Token for an agent phrase only)
        for c in kids[noun.i]:
            for g in kids[c] if deps[c] in ("nmod", "obl") else ():
                if deps[g] == "nmod" and g > c and cases[g] in AGENT_PREPS:
                    actors = resolve(view, doc[g], with_conj=False)
                    if actors:
                        source, rule = actors[0], "noun:par-nested"
    if owned is not None and (source is None or owned.name != source.name):
        targets.append(owned)  # after the "de X" patients: the possessive names the same one
    return Found(source, rule if source is not None or rule == "noun:par-unnamed" else "none"), targets
