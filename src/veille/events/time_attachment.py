"""Whose time a time expression of an event's clause is, read from the parse.

A time dates the word it hangs on. In "X a signé mardi le traité" or "la visite de jeudi" it hangs
on the event's verb or noun, or on a word between the trigger and its clause's verb; in "X, invité
mardi au dîner, s'est entretenu avec Y", "X craint de nouveaux crimes après le meurtre jeudi", "ils
s'inquiètent depuis l'invasion de 2008", "la présidentielle de 2017" or "il demandera de voter,
mardi, la censure" it hangs on another participle, noun or infinitive and dates that one, not the
event: such a time is left out, and the event is dated as one whose clause names no time.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, token_strings
from veille.common.lexicon import words
from veille.events.view import case
from veille.events.walks import climb_to
from veille.events.words import feat, lemma

# The nominal arguments of the event's verbs: a time on one of them ("a lancé une offensive
# mardi") is read as the event's, the parser often hanging a time on the object before it.
NOMINAL_ARGS = frozenset({"obj", "iobj", "nsubj", "nsubj:pass", "obl:arg", "obl:agent"})
NOMINAL_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
FRAME_PREPS = words("events/time_frames.tsv")
SLIP_TAGS = frozenset({"PROPN", "PRON", "NUM", "DET", "PUNCT", "ADV", "ADP"})


def governor(view: Any, i: int) -> Any | None:
    """The word the time occurrence at token ``i`` hangs on (None when it is the sentence's root)."""
    k = view.tok_time[i]
    first = last = i
    while first > 0 and view.tok_time[first - 1] == k:
        first -= 1
    while last + 1 < view.n and view.tok_time[last + 1] == k:
        last += 1
    for j in range(first, last + 1):
        tok = view.doc[j]
        if tok.head.i == tok.i:
            return None
        if not first <= tok.head.i <= last:
            return tok.head
    return None


def event_path(head: Any, top: Any) -> set[int]:
    """The trigger, the words from it up to its clause's verb, and their nominal arguments."""
    doc = head.doc
    path = {head.i, *climb_to(doc, head.i, top.i, 12)}  # (``walks``: the heads from the column, no Token per step)
    path.add(top.i)
    kids, deps, tags = child_indices(doc), token_strings(doc, DEP), token_strings(doc, POS)  # (no Token per child)
    args = {c for i in list(path) for c in kids[i] if deps[c] in NOMINAL_ARGS and tags[c] in NOMINAL_TAGS}
    return path | args


def own_time(view: Any, i: int, path: set[int]) -> bool:
    """True when the time at token ``i`` hangs on the event's path (see ``event_path``)."""
    gov = governor(view, i)
    # A name, a pronoun or an adverb dates nothing: a time hung on one ("avec M. X le 24 mars",
    # "lors du procès, en 1972") is the clause's, the parser having slipped.
    if gov is None or gov.i in path or gov.pos_ in SLIP_TAGS or view.tok_entity[gov.i] is not None:
        return True
    return gov.pos_ == "NOUN" and _frames_event(view, gov, path)


def _frames_event(view: Any, noun: Any, path: set[int]) -> bool:
    """A noun of the event's own phrase or frame: a time on it dates the event.

    Either the noun hangs on the event's words through "de" complements ("la grève des ouvriers
    de 1888": the parser hangs the year on the nearest noun), or a frame or medium preposition sets
    it ("lors du procès, en 1972", "dans une note de juin", "par jugement du 22 juillet").
    """
    cur = noun
    for _ in range(4):
        if cur.pos_ == "NOUN" and frame_prep(case(cur)):
            return True
        if cur.pos_ == "ADV" and lemma(cur) in FRAME_PREPS:
            return True
        if cur.head.i == cur.i:
            return False
        if cur.head.i in path:
            return cur.dep_ == "nmod" or (cur.head.pos_ == "ADV" and lemma(cur.head) in FRAME_PREPS)
        if cur.dep_ != "nmod" and cur.pos_ != "ADV":
            return False
        cur = cur.head
    return False


def frame_prep(prep: str | None) -> bool:
    """A frame or medium preposition (``lexicons/events/time_frames.tsv``): "lors de", "dans"."""
    return bool(prep) and (prep in FRAME_PREPS or str(prep).split(" ")[0] in FRAME_PREPS)


def simultaneous(top: Any) -> bool:
    """A gerund or a bare present participle set beside its clause's verb ("X a répondu mardi en
    dénonçant …", "X a parlé mardi, dénonçant …"): it happens when that verb does, so any time of
    that clause dates it, before or after the verb (a clause joined by "et" takes only a time fronted
    before the first verb)."""
    if top.dep_ != "advcl" or top.pos_ != "VERB":
        return False
    if "Part" not in feat(top, "VerbForm") or "Pres" not in feat(top, "Tense"):
        return False
    marks = [lemma(c) for c in top.children if c.dep_ in ("mark", "case")]
    return all(m == "en" for m in marks)
