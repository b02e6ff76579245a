"""From a noun phrase to the actors it stands for: entities, metonymy (a capital or a demonym for its
country, a person for the body they act for), posts ("le chef de l'OTAN"), pronouns and relatives.

These answer "who is this phrase?"; which phrase is an event's source or target is decided in
``veille.events.actor_rules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, morph_fields, token_strings
from veille.common.fold import lower_nfc, norm
from veille.events.apposed import comma_named
from veille.events.argument_words import OBJECT_CLITICS, OWN_BODY_NOUNS, THIRD_POSSESSIVES
from veille.events.groups import counted_group, lone_person
from veille.events.lede import apposed_person, lede_person
from veille.events.memo import title_words
from veille.events.oblique_binding import own_subject
from veille.events.peoples import no_state, some_people
from veille.events.relatives import antecedent
from veille.events.states import bare_state
from veille.events.view import ArticleView, agent, case, post_key
from veille.events.words import (
    AUTHORITIES,
    CONTRACTED,
    DEFINITE,
    FIRST_PERSON,
    FIRST_PLURAL,
    FIRST_PLURAL_POSSESSIVE,
    FIRST_POSSESSIVE,
    LATEST,
    OF_PREPS,
    PERSON_TITLES,
    PERSONAL,
    RELATIVE,
    RELATIVE_NOUNS,
    SUBJ,
    THIRD_PERSON,
    THIRD_SINGULAR,
    TOPIC_OPENERS,
    WORKER_NOUNS,
    doc_lowers,
    feat,
    lemma,
    lower_text,
    sent_start,
)
from veille.model import Entity


@dataclass
class Actor:
    name: str
    kind: str  # PER / ORG / LOC
    token: int  # token index of the mention
    place: bool = False  # came from a place preposition (visite à Kiev)
    entity: str | None = None  # entity name when the actor is an entity mention


def entity_actor(view: ArticleView, ent: Entity, tok: int, for_place: bool = False) -> Actor | None:
    if ent.type == "LOC" and ent.name in view.titled_people:
        return Actor(ent.name, "PER", tok, entity=ent.name)
    if ent.type == "LOC" and not for_place:
        name = ent.actor or view.lex.capitals.get(lower_nfc(ent.name))
        if name is None:
            if ent.name in view.lex.countries or lower_nfc(ent.name) in _folded_countries(view):
                name = ent.name
            else:
                return None
        return Actor(canonical(view, name), "LOC", tok, entity=ent.name)
    if ent.type == "LOC":
        return Actor(ent.name, "LOC", tok, place=True, entity=ent.name)
    if ent.actor and not for_place:
        return Actor(canonical(view, ent.actor), ent.type, tok, entity=ent.name)
    if ent.type == "PER":
        return Actor(full_name(view, ent.name), ent.type, tok, entity=ent.name)
    return Actor(ent.name, ent.type, tok, entity=ent.name)


def _folded_countries(view: ArticleView) -> set[str]:
    """``{lower_nfc(c) for c in view.lex.countries}``, remembered per lexicon (and per size of its list)."""
    countries = view.lex.countries
    key = f"folded_countries_{len(countries)}"
    folded = view.lex.memo.get(key)
    if folded is None:
        folded = view.lex.memo[key] = {lower_nfc(c) for c in countries}
    return folded  # type: ignore[no-any-return]


def full_name(view: ArticleView, name: str) -> str:
    """A person named by the surname alone is the one the article named in full: "Varga" ->
    "Lina Varga" (when a single person of the article bears that surname)."""
    if " " in name:
        return name
    fuller = {n for n in view.person_names if n.endswith(" " + name) or n.endswith("-" + name)}
    return fuller.pop() if len(fuller) == 1 else name


def canonical(view: ArticleView, name: str) -> str:
    """A country name as the article's entities spell it, when they do."""
    if name in view.names:
        return name
    folded = lower_nfc(name)
    for n in view.names:
        if lower_nfc(n) == folded:
            return n
    return name


def demonym(view: ArticleView, tok: Any) -> Actor | None:
    country = view.lex.demonyms.get(lower_text(tok)) or view.lex.demonyms.get(lemma(tok))
    if country and tok.pos_ in ("ADJ", "NOUN", "PROPN") and not no_state(tok):  # events/peoples.py
        return Actor(canonical(view, country), "LOC", tok.i)
    return None


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
    if tok.pos_ == "PRON" and view.tok_entity[tok.i] is None:
        actor = pronoun(view, tok)
        out = [actor] if actor else []
    else:
        ent = view.entity_at(tok)
        people = demonym(view, tok) if ent is None and tok.pos_ in ("NOUN", "PROPN") else None
        if people is not None:
            out = [people]  # "les Géorgiens"
        elif ent is not None:
            actor = entity_actor(view, ent, tok.i, for_place)
            out = [actor] if actor else []
            # "le président polonais, A, et le Premier ministre britannique, B": B hangs as appos.
            doc = tok.doc
            deps = token_strings(doc, DEP)
            for ci in child_indices(doc)[tok.i]:  # (the cached columns: a Token only for an appos)
                other = view.entity_at(doc[ci]) if deps[ci] == "appos" else None
                if other is not None and other is not ent and other.type == ent.type == "PER":
                    out.append(Actor(other.name, "PER", ci, entity=other.name))
        elif not some_people(view.lex.demonyms, tok):  # "des Algériens": nobody else (events/peoples.py)
            out = _descriptor(view, tok, depth)
    if with_conj:
        doc = tok.doc
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
    latest = latest_named(view, tok)
    if latest is not None:
        return [latest]
    named_next = lede_person(view, tok) or apposed_person(view, tok, PERSON_TITLES)
    if named_next is not None:
        return [Actor(full_name(view, named_next.name), "PER", tok.i, entity=named_next.name)]
    persons = []
    titled = lemma(tok) in PERSON_TITLES
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
            persons.extend(_name_after_post(view, doc[ci]))
    if persons:
        return persons
    seat = authority_place(view, tok)
    if seat is not None:
        return [seat]
    holder = post_holder(view, tok)
    if holder is not None:
        return [holder]
    if lemma(tok) in RELATIVE_NOUNS or lemma(tok) in WORKER_NOUNS:
        # "le fils d'un membre de la secte Z", "les salariés de Valcor": others than the one they are "de"
        return []
    inner = inner_actor(view, tok)
    if inner is None:
        state = bare_state(view, tok, taken_up)  # "l'État": the country the article is about (events/states.py)
        if state is not None:
            return [Actor(canonical(view, state), "LOC", tok.i)]
        owner = None
        for ci in kids[tok.i]:
            if deps[ci] == "det" and feat(doc[ci], "Poss") == ["Yes"]:
                owner = possessor(view, doc[ci]) or _own_body(view, doc[ci])
        if owner is not None:
            return [owner]
        # "les deux partis": the two coordinated just before (events/groups.py); else a title taken up
        return counted_group(view, tok, entity_actor) or [a for a in [taken_up(view, tok)] if a is not None]
    # "le chef de l'OTAN" is the person the article introduced as holding that post.
    if lemma(tok) in view.lex.cue("role") and feat(tok, "Number") != ["Plur"]:
        holders = [p for p, a in view.affiliation.items() if lower_nfc(a) == lower_nfc(inner.name)]
        if len(holders) == 1:
            return [Actor(holders[0], "PER", tok.i, entity=holders[0])]
    return [inner]


def post_holder(view: ArticleView, tok: Any) -> Actor | None:
    """A post named again is the person the entity stage gave that post to elsewhere in the article
    (a descriptor among the person's mentions): "Le chef de l'État Lino Varga a parlé. [...] Le
    ministre en discutera avec le chef de l'Etat." -> Lino Varga (one person only holds it)."""
    if tok.pos_ != "NOUN" or feat(tok, "Number") == ["Plur"]:
        return None
    posts = view.post_holders()
    if not posts or norm(tok.text) not in view.post_words:
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


def _name_after_post(view: ArticleView, place: Any) -> list[Actor]:
    """A title's holder named right after the title's complement, which the parser hangs on the
    complement: "le maire de Montvert Lina Varga" -> Lina Varga (not Montvert)."""
    own = view.tok_entity[place.i]
    for c in place.children:
        if c.dep_ in ("flat:name", "appos") and c.i > place.i:
            ent = view.entity_at(c)
            if ent is not None and ent is not own and ent.type == "PER":
                return [Actor(ent.name, "PER", c.i, entity=ent.name)]
    return []


def taken_up(view: ArticleView, tok: Any) -> Actor | None:
    """A definite common noun that takes up an actor named before: the title the article gave it
    ("le syndicat des machinistes (IAM)" ... "le syndicat" -> IAM), else the last body whose name
    holds the word ("le Parti travailliste" ... "le parti", "les travaillistes")."""
    doc = tok.doc  # (children, forms and analyses from the article's columns: no Token per child)
    kids, deps, lowers, morph = child_indices(doc)[tok.i], token_strings(doc, DEP), doc_lowers(doc), morph_fields(doc)
    # its determiners, and "au ministre", "du parti": the article is inside the preposition
    det = [ci for ci in kids if deps[ci] == "det" or (deps[ci] == "case" and lowers[ci] in CONTRACTED)]
    if not det or not all(lowers[d] in DEFINITE | CONTRACTED or morph[d].get("Poss") == ["Yes"] for d in det):
        return None
    words = title_words(tok)
    titled = None
    person_title = lemma(tok) in PERSON_TITLES
    for pos, noun, title, actor in reversed(view.titles):
        if pos < tok.i and noun == lemma(tok) and words <= title:
            if person_title and actor.kind != "PER":
                # "l'agent" takes up "l'agent Paul Durand", not "des agents de la Police de X"
                titled = titled or (pos, Actor(actor.name, actor.kind, tok.i, entity=actor.entity))
                continue
            titled = (pos, Actor(actor.name, actor.kind, tok.i, entity=actor.entity))
            break
    key = lemma(tok)
    mentions = view.org_mentions()
    # A headline takes up a body named only further down ("Le syndicat rejette l'accord").
    body = tok.idx >= view.body_start
    order = reversed(mentions) if body else iter(mentions)
    for j, ent, words in order:
        if (j < tok.i if body else j > tok.i) and key in words:
            # the name given last wins: "le comité de l'ONU pour … (CPF)" … "le comité" -> CPF
            if titled is None or (body and j > titled[0]):
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
    if any(c.dep_ in ("nmod", "amod") for c in tok.children) or tok.dep_ not in SUBJ:
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


def latest_named(view: ArticleView, tok: Any) -> Actor | None:
    """"ce dernier", "celui-ci": the person named last before it."""
    text = lower_text(tok)
    if text not in LATEST:
        return None
    after = "".join(view.doc[j].text for j in range(tok.i + 1, min(tok.i + 3, view.n)))
    demonstrative = any(c.dep_ == "det" and lemma(c) in ("ce", "cet", "cette") for c in tok.children)
    near = lower_nfc(after).lstrip("-").startswith(("ci", "là"))
    if not (demonstrative or near):
        return None
    for j in range(tok.i - 1, max(tok.i - 300, -1), -1):
        ent = view.tok_entity[j]
        if ent is not None and ent.type == "PER":
            return Actor(ent.name, "PER", tok.i, entity=ent.name)
    return None


_INNER_DEPS = frozenset({"amod", "acl", "nmod", "flat:name", "appos", "conj"})  # (those ``inner_actor`` reads)


def inner_actor(view: ArticleView, tok: Any) -> Actor | None:
    """The first actor inside a noun phrase: "de X" complements and demonyms, breadth first."""
    queue = [(tok, 0)]
    seen = {tok.i}
    doc = tok.doc
    kids, deps = child_indices(doc), token_strings(doc, DEP)  # (``Token.children`` scans the subtree)
    while queue:
        cur, d = queue.pop(0)
        for ci in kids[cur.i]:
            if ci in seen:
                continue
            seen.add(ci)
            if deps[ci] not in _INNER_DEPS:
                continue  # (no branch below reads it: no Token built)
            c = doc[ci]
            if c.dep_ == "amod" or (c.dep_ == "acl" and c.pos_ == "ADJ"):
                # "des drones russes": the parser sometimes hangs the adjective as an acl.
                actor = demonym(view, c)
                if actor is None and view.tok_entity[c.i] is not None:
                    actor = entity_actor(view, view.tok_entity[c.i], c.i)
                if actor:
                    return actor
            elif (c.dep_ == "acl" and c.pos_ == "VERB" and d == 0 and lemma(cur) in view.lex.nouns
                  and agent(c) is not None):
                # "une attaque menée par X" (an event noun; not "le bloc dirigé par X").
                actors = resolve(view, agent(c), with_conj=False)
                if actors:
                    return actors[0]
            elif c.dep_ in ("nmod", "flat:name", "appos") or (c.dep_ == "conj" and (d > 0 or comma_named(view, c))):
                prep = case(c)
                if c.dep_ == "nmod" and prep is not None and prep not in OF_PREPS:
                    continue
                ent = view.entity_at(c)
                if ent is not None and ent.type == "LOC" and lemma(cur) in view.lex.cue("named"):
                    continue  # "le document de Vienne", "l'accord de Minsk": a name, not a government
                if ent is not None:
                    actor = entity_actor(view, ent, c.i)
                    if actor:
                        return actor
                elif c.pos_ in ("NOUN", "PROPN") and demonym(view, c):
                    return demonym(view, c)
                if d < 3:
                    queue.append((c, d + 1))
    return None


def pronoun(view: ArticleView, tok: Any) -> Actor | None:
    text = lower_text(tok)
    latest = latest_named(view, tok)
    if latest is not None:
        return latest
    if feat(tok, "PronType") == ["Rel"] or text in RELATIVE:
        return _antecedent(view, tok)
    quote = view.tok_quote[tok.i]
    person = feat(tok, "Person")
    if quote is not None and quote.speaker and (person == ["1"] or text in FIRST_PERSON):
        return speaker_side(view, quote.speaker, plural=text in FIRST_PLURAL, tok=tok.i)
    if text in OBJECT_CLITICS and tok.dep_ not in SUBJ:
        governing = _governing_subject(view, tok)
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


def _governing_subject(view: ArticleView, tok: Any) -> Actor | None:
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


def possessor(view: ArticleView, det: Any) -> Actor | None:
    text = lower_text(det)
    quote = view.tok_quote[det.i]
    if quote is not None and quote.speaker and text in FIRST_POSSESSIVE:
        return speaker_side(view, quote.speaker, plural=text in FIRST_PLURAL_POSSESSIVE, tok=det.i)
    return None


def speaker_side(view: ArticleView, speaker: str, plural: bool, tok: int) -> Actor:
    if plural and speaker in view.affiliation:
        org = view.affiliation[speaker]
        return Actor(org, "ORG", tok, entity=org)
    kind = next((e.type for e in view.article.entities if e.name == speaker), "PER")
    return Actor(speaker, kind, tok, entity=speaker)


def _antecedent(view: ArticleView, rel: Any) -> Actor | None:
    return antecedent(view, rel, resolve)  # type: ignore[no-any-return]
