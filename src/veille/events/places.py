"""Where an event happened when the place is not the plain complement of its verb.

The press often names the place inside a locative phrase: "dans la banlieue de X", "dans le sud
de X", "près du port de X", "au large des côtes de X", "devant le conseil de X"; the place is the
name at the end of the chain of "de" complements, the chain hanging on the event's verb or noun by
a place preposition. A link of the chain may itself be a place preposition ("au large des côtes
turques en mer X"), and a noun of place may take the name right after it with no "de" ("dans la
région X"). The name that completes a noun of occasion names where the act was held ("lors du
sommet de X", "en marge du procès de X"). A relative "où" takes its place from the name it follows
("retrouvé à X, où il a été abattu"). A name that is the actor ("la police de X a saisi") hangs on
no place preposition and stays out. A seat of government named as where the act was held stands
for its city ("se tiendra à l'Élysée" -> Paris).
"""

from __future__ import annotations

from typing import Any

from veille.common.docarrays import child_indices
from veille.common.fold import norm
from veille.common.lexicon import mapping, words
from veille.events.argument_words import ADDRESSEE_TYPES
from veille.events.memo import seat_at
from veille.events.view import case
from veille.events.walks import obliques_on
from veille.events.words import doc_lemmas, feat, lemma

FRAME_PREPS = words("events/place_frames.tsv")
PLACE_NOUNS = words("events/place_nouns.tsv")
OCCASION_PREPS = words("events/place_occasions.tsv")
SEATS = {norm(seat): city for seat, city in mapping("events/seat_places.tsv").items()}
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
    """True when ``tok`` ends a chain of complements of a noun set by a place preposition.

    The parser hangs "dans la banlieue de X" on the verb or on a noun before it ("près de son
    domicile dans la banlieue de X"): any such noun of the event's clause will do. The chain's
    links are "de" complements or place prepositions ("au large des côtes en mer X"); the name
    may stand right after a noun of place ("dans la région X"); a noun of occasion ("lors du
    sommet de X") sets the name that completes it directly.
    """
    if not _linked(view, tok):
        return False
    cur = _noun_of(tok.head)
    if cur.i in region and cur.pos_ == "NOUN" and (case(tok) or "") in OF_PREPS and _occasion(cur):
        return True
    for _ in range(CHAIN_DEPTH):
        if cur.pos_ not in ("NOUN", "PROPN") or cur.i not in region:
            return False
        if _place_prep(view, cur):
            return True
        if not _linked(view, cur) or cur.head.i == cur.i:
            return False
        cur = _noun_of(cur.head)
    return False


def _noun_of(tok: Any) -> Any:
    """The noun an adjective qualifies ("les côtes turques en mer X": the parser may hang the
    complement on the adjective), else the word itself."""
    return tok.head if tok.pos_ == "ADJ" and tok.dep_ == "amod" else tok


def _linked(view: Any, tok: Any) -> bool:
    """A complement in a locative chain: "de X", "en X" on a noun, or a name right after a noun of
    place with no preposition ("la région X")."""
    prep = case(tok)
    if tok.dep_ != "nmod":
        # a place preposition on an adjective's noun ("côtes turques en mer X"), read as its argument
        return (tok.dep_ in ("obl:arg", "obl:mod") and tok.head.pos_ == "ADJ" and tok.head.dep_ == "amod"
                and prep in view.lex.cue("place"))
    if prep is None:
        return tok.head.i < tok.i and lemma(tok.head) in PLACE_NOUNS and all(
            tok.doc[k].pos_ == "DET" for k in range(tok.head.i + 1, tok.i))
    return prep in OF_PREPS or prep in view.lex.cue("place")


def _occasion(noun: Any) -> bool:
    """A noun set as an act's occasion: "lors du sommet", "en marge du procès"."""
    prep = case(noun) or ""
    if prep in OCCASION_PREPS:
        return True
    head = noun.head
    return head.i != noun.i and head.pos_ == "ADV" and lemma(head) in OCCASION_PREPS


def relative_place(view: Any, top: Any) -> str | None:
    """The place a relative "où" clause stands in: the place name right before "où" (the parser
    hangs such a clause on the name or, as often, on the verb before it)."""
    doc, lemmas = top.doc, doc_lemmas(top.doc)  # (children as indices: a Token only for an "où")
    where = next((doc[c] for c in child_indices(doc)[top.i]
                  if lemmas[c] == "où" and "Rel" in feat(doc[c], "PronType")), None)
    if where is None:
        return None
    k = where.i - 1
    while k >= 0 and view.doc[k].is_punct:
        k -= 1
    ent = view.tok_entity[k] if k >= 0 else None
    return ent.name if ent is not None and ent.type == "LOC" else None


def seat_city(view: Any, region: set[int], head: Any) -> str | None:
    """The city of a seat of government set by a place preposition on the event's word, or on the
    verb an event noun is the subject or object of: "un conseil se tiendra à l'Élysée" -> Paris
    (``lexicons/events/seat_places.tsv``). Not on another verb of the sentence: "la visite a déplu
    à l'Élysée" is who disliked it."""
    anchors = {head.i}
    if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubj:pass", "obj"):
        anchors.add(head.head.i)
    for i in obliques_on(view.doc, region, anchors):  # (the columns: no Token per word of the clause)
        tok = view.doc[i]
        if tok.dep_ not in ("obl", "obl:arg", "obl:mod") or tok.head.i not in anchors:
            continue
        if case(tok) not in view.lex.cue("place"):
            continue
        # the seat's words from this one on ("Maison-Blanche" may come as three tokens)
        city = seat_at(tok, SEATS)  # (remembered per token: ``events/memo.py``)
        if city is not None:
            return city
        ent = view.tok_entity[i]
        if ent is not None and norm(ent.name) in SEATS:
            return SEATS[norm(ent.name)]
    return None


def addressee(view: Any, i: int, tgt: Any, etype: str | None) -> bool:
    """True when the place name at token ``i`` is the event's target as the one its act addresses
    ("à X" on a request, a reproach, a promise, a delivery): "Le comité Valdor demande à la Moldavie
    de légiférer." -> Moldavie is asked, the request has no place. A target read as a place ("se
    rendre à X", ``Actor.place``) and the place of an attack or a visit stay places; so does a
    source read from the place ("placé en garde à vue en Moldavie": Moldavie acts, there)."""
    if tgt is None or tgt.place or etype not in ADDRESSEE_TYPES:
        return False
    return _same_mention(view, i, tgt.token)


def _same_mention(view: Any, i: int, j: int) -> bool:
    ent = view.tok_entity[i]
    return ent is not None and all(view.tok_entity[k] is ent for k in range(min(i, j), max(i, j) + 1))


# How far up the parse a place phrase may hang from the event's word or its clause's verb and
# still say where the event happened: "discute avec tous les acteurs en X" (the parser hangs "en X"
# on "acteurs", two links below the verb). Measured on the dev pages (every event, 192 pages): two
# links changed 17 events' places on 9 sites, 12 read right, 3 wrong, 2 unclear; three links added
# 4 more, 3 of them wrong ("le meurtre d'une femme à X" under "craint").
LOOSE_HOPS = 2


def loose_place(view: Any, region: set[int], tgt: Any, head: Any, anchors: set[int], etype: str | None) -> str | None:
    """A place name set by a place preposition ("à", "en", "dans") in the event's clause that the
    parser hung on a word a few links below the event's word or verb, when no place was found
    otherwise: "L'envoyé Paul Vidal discute avec tous les acteurs en Morlande." -> Morlande. The
    addressee of a request ("demande à la Morlande") is no place."""
    for i in sorted(region):
        ent = view.tok_entity[i]
        if ent is None or ent.type != "LOC" or (i > 0 and view.tok_entity[i - 1] is ent):
            continue  # not a place, or not the first word of its name
        tok = view.doc[i]
        if case(tok) not in view.lex.cue("place") or addressee(view, i, tgt, etype):
            continue
        cur = tok
        for _ in range(LOOSE_HOPS):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i in anchors:
                return ent.name
    return None
