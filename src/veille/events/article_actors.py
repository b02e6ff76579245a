"""What an article establishes about its actors before any event is coded: who each person acts
for (from the way the article introduces them, or the KB's offices at the article's date), and the
subjects met along the text that a later pronoun may take up.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, IS_PUNCT, POS

from veille.common.docarrays import child_indices, head_indices, token_columns, token_strings
from veille.common.fold import lower_nfc
from veille.events.actors import Actor, canonical, demonym, entity_actor, inner_actor, resolve, title_words
from veille.events.apposed import comma_conj_title
from veille.events.view import ArticleView, case, doc_cases
from veille.events.words import (
    CIVILITY_GENDER,
    GIVEN_NAME_GENDER,
    OF_PREPS,
    PERSON_TITLES,
    RELATIVE_NOUNS,
    SUBJ,
    WORKER_NOUNS,
    doc_lemmas,
    feat,
    lemma,
    lower_text,
)


def build_affiliations(view: ArticleView) -> None:
    """Who each person acts for, from the way the article introduces them."""
    dep_of = token_strings(view.doc, DEP)  # (the labels from the column: a Token only for an adjective)
    for ent in view.article.entities:
        if ent.type != "PER":
            continue
        for span in ent.spans:
            toks = list(view.tokens_in(span[0], span[1]))
            if not toks:
                continue
            # A descriptor in the mention itself: "le secrétaire général de l'OTAN", "le président polonais".
            found = None
            for i in toks:
                other = view.tok_entity[i]
                if other is not None and other is not ent and other.type in ("ORG", "LOC"):
                    found = entity_actor(view, other, i)
                elif dep_of[i] == "amod":
                    found = demonym(view, view.doc[i])
                if found is not None:
                    break
            if found is not None and found.name != ent.name:
                view.affiliation.setdefault(ent.name, found.name)
                break
            first = view.doc[toks[0]]
            holder = None
            if first.dep_ == "appos" and first.head.pos_ == "NOUN":
                holder = first.head
                # Only the name right after its title: "le président polonais, A, et le ministre, B".
                earlier = [c for c in holder.children if c.dep_ == "appos" and c.i < first.i]
                if earlier:
                    continue
            else:
                for c in first.children:
                    if c.dep_ == "appos" and c.pos_ == "NOUN":
                        holder = c
            if holder is None:
                continue
            inner = inner_actor(view, holder)
            if inner is not None and inner.name != ent.name:
                view.affiliation.setdefault(ent.name, inner.name)
                break


def kb_affiliations(view: ArticleView) -> None:
    """Offices the KB knows a person held at the article's date (a secretary general -> the body)."""
    if view.kb is None:
        return
    date = view.article.published
    for ent in view.article.entities:
        if ent.type != "PER" or not ent.kb_id or ent.name in view.affiliation:
            continue
        roles = view.kb.person_roles.get(ent.kb_id, [])
        # At the article's date; undated, the offices still held (no end) come first.
        roles = [r for r in roles if r.covers(date)] if date else sorted(roles, key=lambda r: r.end is not None)
        for role in roles:
            of = view.kb.get(role.of)
            if of is not None:
                view.affiliation[ent.name] = canonical(view, of["name"])
                break


def build_genders(view: ArticleView) -> None:
    """A person's gender when the article shows it: a civility before a mention ("Mme Varga") or
    a given name the shared list knows; "elle" then does not take up a man."""
    for ent in view.article.entities:
        if ent.type != "PER":
            continue
        found = GIVEN_NAME_GENDER.get(lower_nfc(ent.name.split()[0])) if " " in ent.name else None
        for span in ent.spans:
            toks = view.tokens_in(span[0], span[1])
            before = view.doc[toks[0] - 1] if len(toks) and toks[0] > 0 else None
            if before is not None and lower_text(before) in CIVILITY_GENDER:
                found = CIVILITY_GENDER[lower_text(before)]
                break
        if found:
            view.genders[ent.name] = found


def build_subjects(view: ArticleView) -> None:
    """Every named subject of the text, in order, with its gender: grammatical when not a
    person, a person's own when the article shows it."""
    doc = view.doc
    deps, tags = token_strings(doc, DEP), token_strings(doc, POS)  # no Token for the other words
    for i, dep in enumerate(deps):
        if dep in SUBJ and tags[i] != "PRON":
            tok = doc[i]
            actors = resolve(view, tok, with_conj=False)[:1]
            if not actors and tok.pos_ == "NOUN":
                # "Le suspect a fui. Il ..." : an unnamed subject a pronoun may take up instead.
                view.unnamed_subjects.append((tok.i, (feat(tok, "Gender") or [None])[0],
                                              (feat(tok, "Number") or [None])[0]))
            for actor in actors:
                if actor.kind != "PER":
                    gender = (feat(view.doc[actor.token], "Gender") or [None])[0]
                else:
                    gender = view.genders.get(actor.name)
                view.subjects.append((tok.i, actor, gender))
    view.speakers = None  # a pronoun met while the subjects were built must not freeze them


def _title_noun(view: ArticleView, toks: list[int]) -> Any | None:
    """The common noun a name is introduced with: "le syndicat des machinistes (IAM)", "le ministre
    de la Santé Roman Prymula", "Roman Prymula, le ministre de la Santé"."""
    doc = view.doc
    kids, deps, tags = child_indices(doc), token_strings(doc, DEP), token_strings(doc, POS)  # (no Token per child)
    first, up = toks[0], head_indices(doc)[toks[0]]  # (the name's first word and its head as indices)
    if deps[first] in ("appos", "flat:name", "nmod", "fixed") and tags[up] == "NOUN" and up not in toks and up < first:
        return doc[up]
    if tags[first] == "PROPN" and comma_conj_title(doc[first]):  # (its first test: a name, else no Token)
        return doc[up]  # "La ministre des Finances, Lina Varga, a …" read as a coordination
    for i in toks:
        for ci in kids[i]:
            if deps[ci] == "appos" and tags[ci] == "NOUN" and ci not in toks:
                return doc[ci]
    # A parse that breaks "le ministre de la Santé Roman Prymula": the title noun just before
    # (punctuation, tags and lemmas from the columns: a Token only for the title found).
    punct, lemmas = token_columns(doc, (IS_PUNCT,))[0], doc_lemmas(doc)
    for j in range(toks[0] - 1, max(toks[0] - 6, -1), -1):
        if punct[j] or tags[j] in ("VERB", "AUX") or view.tok_entity[j] is not None:
            return None
        if lemmas[j] in PERSON_TITLES:
            return doc[j]
    return None


def build_titles(view: ArticleView) -> None:
    """The title each mention of a person or body is introduced with, in text order."""
    dep_of = token_strings(view.doc, DEP)  # (no Token per child)
    for ent in view.article.entities:
        for span in ent.spans:
            toks = list(view.tokens_in(span[0], span[1]))
            noun = _title_noun(view, toks) if toks else None
            if noun is None:
                continue
            deps = {dep_of[c] for c in child_indices(view.doc)[noun.i]}
            if lemma(noun) not in PERSON_TITLES and ("det" not in deps or deps & {"case", "mark", "nummod"}):
                continue  # "en compagnie de X", "six jours d'ITT": a phrase, not a title
            if ent.type == "LOC" and lemma(noun) in PERSON_TITLES:
                if view.doc[toks[0]].pos_ != "PROPN" or entity_actor(view, ent, toks[0]) is not None:
                    continue  # "le président tchèque": a country's adjective, not a name
                if case(view.doc[toks[0]]) is not None:
                    continue  # "le maire de Montvert", "l'agent à Montvert": a complement, not the name
                actor: Actor | None = Actor(ent.name, "PER", toks[0], entity=ent.name)  # "le député X"
                view.titled_people.add(ent.name)  # a person wherever else it is named
            else:
                actor = entity_actor(view, ent, toks[0]) if ent.type != "LOC" else None
            if actor is not None:
                # The words between the title and the name count too, whatever the parse made of them.
                tags, lemmas = token_strings(view.doc, POS), doc_lemmas(view.doc)  # (no Token per word between)
                between = {lemmas[t] for t in range(noun.i + 1, toks[0]) if tags[t] in ("NOUN", "ADJ", "PROPN")}
                view.titles.append((toks[0], lemma(noun), title_words(noun) | between, actor))
    view.titles.sort(key=lambda x: x[0])


def build_members(view: ArticleView) -> None:
    """Every common noun written with a named body as its "de" complement ("les experts du comité
    X", "les dirigeants de la Valdonie"), in text order: the same noun bare further down ("les
    experts demandent ...") stands for that body. Not the nouns of workers or relatives, who act for
    themselves ("les salariés de X", "le fils de X")."""
    doc = view.doc
    # (forms, heads, tags, prepositions and lemmas from the article's columns: no Token per name)
    deps, tags, heads, cases, lemmas = (token_strings(doc, DEP), token_strings(doc, POS), head_indices(doc),
                                        doc_cases(doc), doc_lemmas(doc))
    for i, dep in enumerate(deps):
        if dep != "nmod" or view.tok_entity[i] is None or tags[i] not in ("PROPN", "NOUN"):
            continue
        if not view.words[i][:1].isupper():
            continue  # "les journalistes de l'agence X": a classifier noun, the name further on
        noun = heads[i]
        if tags[noun] != "NOUN" or noun > i or cases[i] not in OF_PREPS or view.tok_entity[noun] is not None:
            continue
        key = lemmas[noun]
        if key in RELATIVE_NOUNS or key in WORKER_NOUNS:
            continue
        ent = view.tok_entity[i]
        actor = entity_actor(view, ent, i) if ent is not None and ent.type in ("ORG", "LOC") else None
        if actor is not None:
            view.members.append((noun, key, actor))


def prepare(view: ArticleView) -> None:
    """Affiliations, the KB's offices, titles, then the subjects (a pronoun may need all of them)."""
    build_affiliations(view)
    kb_affiliations(view)
    build_titles(view)
    build_members(view)
    build_genders(view)
    build_subjects(view)

