"""What an article establishes about its actors before any event is coded: who each person acts
for (from the way the article introduces them, or the KB's offices at the article's date), and the
subjects met along the text that a later pronoun may take up.
"""

from __future__ import annotations

from veille.events.actors import canonical, demonym, entity_actor, inner_actor, resolve
from veille.events.view import ArticleView
from veille.events.words import SUBJ


def build_affiliations(v: ArticleView) -> None:
    """Who each person acts for, from the way the article introduces them."""
    for ent in v.article.entities:
        if ent.type != "PER":
            continue
        for span in ent.spans:
            toks = list(v.tokens_in(span[0], span[1]))
            if not toks:
                continue
            # A descriptor in the mention itself: "le secrétaire général de l'OTAN", "le président polonais".
            found = None
            for i in toks:
                other = v.tok_entity[i]
                if other is not None and other is not ent and other.type in ("ORG", "LOC"):
                    found = entity_actor(v, other, i)
                elif v.doc[i].dep_ == "amod":
                    found = demonym(v, v.doc[i])
                if found is not None:
                    break
            if found is not None and found.name != ent.name:
                v.affiliation.setdefault(ent.name, found.name)
                break
            first = v.doc[toks[0]]
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
            inner = inner_actor(v, holder)
            if inner is not None and inner.name != ent.name:
                v.affiliation.setdefault(ent.name, inner.name)
                break


def kb_affiliations(v: ArticleView) -> None:
    """Offices the KB knows a person held at the article's date (a secretary general -> the body)."""
    if v.kb is None:
        return
    date = v.article.published
    for ent in v.article.entities:
        if ent.type != "PER" or not ent.kb_id or ent.name in v.affiliation:
            continue
        roles = v.kb.person_roles.get(ent.kb_id, [])
        # At the article's date; undated, the offices still held (no end) come first.
        roles = [r for r in roles if r.covers(date)] if date else sorted(roles, key=lambda r: r.end is not None)
        for role in roles:
            of = v.kb.get(role.of)
            if of is not None:
                v.affiliation[ent.name] = canonical(v, of["name"])
                break


def build_subjects(v: ArticleView) -> None:
    """Every named subject of the text, in order, with its grammatical gender when not a person."""
    for tok in v.doc:
        if tok.dep_ in SUBJ and tok.pos_ != "PRON":
            for actor in resolve(v, tok, with_conj=False)[:1]:
                gender = None
                if actor.kind != "PER":
                    gender = (v.doc[actor.token].morph.get("Gender") or [None])[0]
                v.subjects.append((tok.i, actor, gender))
    v.speakers = None  # a pronoun met while the subjects were built must not freeze them


def prepare(v: ArticleView) -> None:
    """Affiliations, then the KB's offices, then the subjects (a pronoun may need all of them)."""
    build_affiliations(v)
    kb_affiliations(v)
    build_subjects(v)

