"""Where an event happened when the place is not the plain complement of its verb.

The press often names the place inside a locative phrase: "dans la banlieue de X", "dans le sud
de X", "près du port de X", "au large des côtes de X", "devant le conseil de X"; the place is the
name at the end of the chain of "de" complements, the chain hanging on the event's verb or noun by
a place preposition. A relative "où" takes its place from the name it follows ("retrouvé à X, où il
a été abattu"). A name that is the actor ("la police de X a saisi") hangs on no place preposition
and stays out.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import words
from veille.events.view import case
from veille.events.words import lemma

FRAME_PREPS = words("events/place_frames.tsv")
PLACE_NOUNS = words("events/place_nouns.tsv")
OF_PREPS = frozenset({"de", "du", "des", "d'", "d’"})
CHAIN_DEPTH = 3


def _place_prep(view: Any, noun: Any) -> bool:
    """A locative preposition ("devant", "près de") or a plain one before a noun of place ("dans
    la banlieue"): not "à la présidence de X"."""
    prep = case(noun)
    if not prep:
        return False
    if prep in FRAME_PREPS or prep.split(" ")[0] in FRAME_PREPS:
        return True
    return prep in view.lex.cue("place") and lemma(noun) in PLACE_NOUNS


def nested_place(view: Any, tok: Any, region: set[int]) -> bool:
    """True when ``tok`` ends a chain of "de" complements of a noun set by a place preposition.

    The parser hangs "dans la banlieue de X" on the verb or on a noun before it ("près de son
    domicile dans la banlieue de X"): any such noun of the event's clause will do.
    """
    if tok.dep_ != "nmod" or (case(tok) or "") not in OF_PREPS:
        return False
    cur = tok.head
    for _ in range(CHAIN_DEPTH):
        if cur.pos_ not in ("NOUN", "PROPN") or cur.i not in region:
            return False
        if _place_prep(view, cur):
            return True
        if cur.dep_ != "nmod" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def relative_place(view: Any, top: Any) -> str | None:
    """The place a relative "où" clause stands in: the place name right before "où" (the parser
    hangs such a clause on the name or, as often, on the verb before it)."""
    where = next((c for c in top.children if lemma(c) == "où" and "Rel" in c.morph.get("PronType")), None)
    if where is None:
        return None
    k = where.i - 1
    while k >= 0 and view.doc[k].is_punct:
        k -= 1
    ent = view.tok_entity[k] if k >= 0 else None
    return ent.name if ent is not None and ent.type == "LOC" else None
