"""Whom a judgement blames when its own phrase names nobody: the party its sentence names as the
doer of the judged thing, before the article's context is asked (``judgements._party_in_view``).

Two shapes of French news writing:

* an evaluative adjective on a noun the clause's verb governs blames that verb's subject: "Ana Ruiz
  note que le ministère a mené une politique injuste." -> the ministry;
* a predicate whose subject names no actor, coordinated with a clause whose subject does, blames
  that subject: "Ana Ruiz estime que la réforme est un échec et que la société Lumo n'a pas tenu
  parole." -> Lumo.
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import lower_nfc
from veille.events.actors import Actor, resolve
from veille.events.argument_words import UNDERGO_VERBS
from veille.events.view import ArticleView
from veille.events.words import SUBJ, lemma

# How the noun an adjective qualifies hangs on the verb whose subject did the judged thing.
NOUN_CHAIN_DEPS = frozenset({"obj", "obl", "obl:mod", "obl:arg", "nmod", "iobj"})


def _subject_actors(view: ArticleView, verb: Any, speaker: str) -> list[Actor]:
    """The actors a verb's named subject stands for, the judge's own side left out."""
    out: list[Actor] = []
    for c in verb.children:
        if c.dep_ in SUBJ and c.pos_ != "PRON":
            out.extend(a for a in resolve(view, c) if lower_nfc(a.name) != speaker)
    return out


def _governing_verb(head: Any) -> Any | None:
    """The verb above the noun an adjective qualifies, through its object or oblique chain (at most
    three steps): "a mené une politique injuste" -> "mené"."""
    if head.dep_ != "amod":
        return None
    cur = head.head
    for _ in range(3):
        if cur.dep_ not in NOUN_CHAIN_DEPS or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            # "X a été victime de rumeurs", "X a subi une campagne injuste": the
            # subject of a copula, a passive or an undergoing verb bears the thing, it did not do it
            undergone = lemma(cur) in UNDERGO_VERBS or any(c.dep_ in ("cop", "aux:pass") for c in cur.children)
            return None if undergone else cur
    return None


def party_in_sentence(view: ArticleView, head: Any, speaker: str) -> tuple[list[Actor], str] | None:
    """The parties the judgement's own sentence blames (module docstring), with the rule's name;
    None when it names none (the judge's own side never: ``speaker`` is its folded name)."""
    verb = _governing_verb(head)
    if verb is not None:
        found = _subject_actors(view, verb, speaker)
        if found:
            return found, "judged-doer"
    if head.dep_ == "amod" or any(c.dep_ in SUBJ and resolve(view, c) for c in head.children):
        return None
    out: list[Actor] = []
    for c in head.children:
        if c.dep_ == "conj" and c.i > head.i and c.pos_ in ("VERB", "ADJ", "NOUN"):
            out.extend(_subject_actors(view, c, speaker))
    return (out, "judged-conjunct") if out else None
