"""A definite role noun as a cue's subject ("le Premier ministre a annoncé que …", "…, raconte le
réalisateur du film") speaks for the person the article makes the holder of that role (issue 16):

* the one person the entity stage linked that very role phrase to somewhere else in the article (a
  descriptor's span among ``Entity.spans``: "le Premier ministre" written again before or after the cue,
  once the text has said "le Premier ministre Paul Arnaud");
* in an article's opening, before anyone is named ("Le praticien a affirmé que …" then "le gynécologue
  lyonnais Paul Arnaud"), the person named after it with that role written next to the name, else the only
  person the article names, when a role is written next to that name.

Otherwise no decision: ``speaker_rules.descriptor`` looks among the people named before the cue (and a role
the article never gives to a named person names nobody there, as the real-page guideline asks)."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.antecedents import candidates
from veille.quotes.gender import entity_gender, phrase_gender
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState, Mention

DEFINITE_SINGULAR = frozenset({"le", "la", "l'"})
# words of a role phrase that do not tell one role from another ("du Premier ministre" is "le Premier ministre")
NOT_ROLE_WORDS = frozenset({"le", "la", "l'", "les", "de", "du", "des", "d'", "au", "aux", "a"})
WINDOW = 6  # words between a role noun and the name it describes
CLOSING_POS = frozenset({"PUNCT", "PRON", "VERB", "AUX", "SCONJ", "CCONJ"})


def role_holder(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le Premier ministre a annoncé qu'il restait en poste. […] le Premier ministre Paul Arnaud" -> Paul
    Arnaud (the entity stage linked the role to him); "Le praticien a affirmé qu'il n'était pas compétent.
    […] le gynécologue lyonnais Paul Arnaud" (nobody named before) -> Paul Arnaud."""
    if not _definite_role(state, subj):
        return None
    key = role_key(subj.toks)
    if not key:
        return None
    linked = _linked_holder(state, subj, key)
    if linked is not None:
        return Decision(linked)
    named = _named_after_opening(state, subj, key)
    return Decision(named) if named is not None else None


def _definite_role(state: ArticleState, subj: Subject) -> bool:
    """The subject is one person known by a role: a definite article, a lower-case person noun as its head
    ("le ministre", "la sociologue"), no person named in it, no second noun phrase coordinated to it."""
    head = subj.head
    if subj.persons or subj.cue.unnamed or not head.is_lower or head.pos_ not in ("NOUN", "ADJ"):
        return False
    nouns = state.res.person_nouns
    if bare(head.text) not in nouns and bare(head.lemma_) not in nouns:
        return False
    if "Plur" in head.morph.get("Number"):
        return False
    before = [t for t in subj.toks if t.i < head.i]
    dets = [t for t in before if t.pos_ == "DET"]
    if not dets or bare(dets[-1].text).replace("’", "'") not in DEFINITE_SINGULAR:
        return False
    # "le directeur technique et le responsable": two people
    return not any(bare(t.text) == "et" for t in subj.toks if t.i > dets[-1].i)


def role_key(toks: list[Any]) -> tuple[str, ...]:
    """The words that tell a role from another, from the first noun or adjective of the phrase to the first
    comma, pronoun or verb ("et le Premier ministre lui-même" -> ("premier", "ministre"); "la ministre de la
    Santé" -> ("ministre", "sante"))."""
    out: list[str] = []
    started = False
    for t in toks:
        if t.pos_ in ("NOUN", "ADJ", "PROPN"):
            started = True
        if not started:
            continue
        if t.pos_ in CLOSING_POS and t.text != "-":
            break
        word = bare(t.text).replace("’", "'")
        if word and word not in NOT_ROLE_WORDS and t.pos_ not in ("DET", "ADP"):
            out.append(word)
    return tuple(out)


def _linked_holder(state: ArticleState, subj: Subject, key: tuple[str, ...]) -> str | None:
    """The one person the entity stage gave a descriptor span reading ``key`` ("le Premier ministre"),
    outside quotes and outside the subject itself; None when nobody or several people hold it, or when
    someone named before the cue has that role written next to the name (``descriptor`` weighs them)."""
    s, e = subj.cue.subj_start or 0, subj.cue.subj_end or 0
    holders: dict[int, Any] = {}
    for m in state.mentions:
        if m.entity.type != "PER" or m.in_quote or (m.start < e and s < m.end):
            continue
        if role_key(list(state.toks_in(m.start, m.end))) == key:
            holders[id(m.entity)] = m.entity
    if len(holders) != 1:
        return None
    ent = next(iter(holders.values()))
    head_words = {bare(subj.head.text), bare(subj.head.lemma_)}
    rest = set(key) - head_words
    for m in state.mentions:
        if m.start >= subj.cue.start:
            break
        if m.entity is ent or m.entity.type != "PER" or m.in_quote:
            continue
        written = written_role(state, m, head_words)
        if written is not None and (not rest or not written or rest & written):
            return None  # someone named before with that role ("X, président du club" for "le président")
    return ent.name if _agrees(state, subj, ent) else None


def _named_after_opening(state: ArticleState, subj: Subject, key: tuple[str, ...]) -> str | None:
    """In an opening where nobody is named yet: the first person named after the cue with the subject's role
    written next to the name (not one written with another complement: "le ministre de la Défense" is not
    "le ministre de l'Intérieur X"), else the article's only person named after it, described by a role."""
    cue = subj.cue
    if candidates(state, cue.start):
        return None
    after = [m for m in state.mentions if m.start >= cue.end and not m.in_quote and m.entity.type == "PER"]
    head_words = {bare(subj.head.text), bare(subj.head.lemma_)}
    rest = set(key) - head_words
    for m in after:
        written = written_role(state, m, head_words)
        if written is None:
            continue
        if rest and written and not rest & written:
            return None  # another holder of a role with the same noun ("le ministre de l'Intérieur X")
        return m.entity.name if _agrees(state, subj, m.entity) else None
    people = {id(m.entity): m for m in after}
    if len(people) != 1:
        return None
    only: Mention = next(iter(people.values()))
    if not state.descriptors.get(id(only.entity)) or not _agrees(state, subj, only.entity):
        return None
    return only.entity.name


def written_role(state: ArticleState, m: Mention, head_words: set[str]) -> set[str] | None:
    """The words after the role noun written next to a person's name, within a few words before the name
    or right after it and its comma ("le ministre de l'Intérieur Paul Arnaud" -> {"interieur"}; "le
    réalisateur, Paul Arnaud" -> set()); None when that noun is not written next to the name."""
    doc = state.doc
    first, last = state.tok_at(m.start).i, state.tok_at(max(m.start, m.end - 1)).i
    for t in doc[max(0, first - WINDOW):min(len(doc), last + WINDOW + 2)]:
        if first <= t.i <= last or state.in_quote(t.idx) or not t.is_lower:
            continue
        if t.sent.start != doc[first].sent.start or not {bare(t.text), bare(t.lemma_)} & head_words:
            continue
        words: set[str] = set()
        for u in doc[t.i + 1:min(len(doc), t.i + WINDOW)]:
            if first <= u.i <= last or u.pos_ not in ("NOUN", "ADJ", "PROPN", "ADP", "DET"):
                break
            if u.pos_ not in ("ADP", "DET") and bare(u.text) not in NOT_ROLE_WORDS:
                words.add(bare(u.text))
        return words
    return None


def _agrees(state: ArticleState, subj: Subject, ent: Any) -> bool:
    """A feminine role is no man ("la ministre"); a masculine one may be a woman's ("le Premier ministre" of
    a woman, the generic masculine of many offices)."""
    return not (phrase_gender(subj.toks) == "f" and entity_gender(state, ent) == "m")
