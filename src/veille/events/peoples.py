"""When a demonym names no state: some of a people, counted or polled, or a private body's adjective.

A demonym stands for its country when it names the people as a whole ("les Ukrainiens résistent"
-> Ukraine; "les drones russes" -> Russie). It does not when it names only some of them ("58 % des
Italiens souhaitent …", "une majorité de Français soutient …", "plusieurs Tunisiens ont dénoncé …")
or qualifies a private body or person ("une association autrichienne a porté plainte", "un
candidat slovaque"): a poll's respondents or an association are no state. Words in
``lexicons/events/people_parts.tsv``; hooked in ``actors.demonym``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import POS

from veille.common.docarrays import token_strings
from veille.common.lexicon import groups
from veille.events.words import lemma, lower_text

_WORDS = groups("events/people_parts.tsv")
SHARE_NOUNS = frozenset(_WORDS["share_noun"])
SHARE_DETS = frozenset(_WORDS["share_det"])
CIVIL_NOUNS = frozenset(_WORDS["civil_noun"])


def no_state(tok: Any) -> bool:
    """Whether the demonym at ``tok`` names no state: some of a people (a share or an indefinite
    count of them), or the adjective of a private body or person."""
    if tok.pos_ == "ADJ":
        head = tok.head
        return tok.dep_ in ("amod", "acl") and head.i != tok.i and lemma(head) in CIVIL_NOUNS
    for c in tok.children:
        if c.i < tok.i and (c.dep_ == "nummod" or (c.dep_ == "det" and lower_text(c) in SHARE_DETS)):
            return True  # "des Algériens", "plusieurs Tunisiens", "trois Roumains"
    head = tok.head
    if tok.dep_ == "nmod" and head.i < tok.i and (lemma(head) in SHARE_NOUNS or lower_text(head) in SHARE_NOUNS
                                                  or head.pos_ == "NUM"):
        return True  # "58 % des Italiens", "la majorité des Français", "beaucoup de Chinois"
    return False


def some_people(demonyms: dict[str, str], tok: Any) -> bool:
    """A demonym noun naming only some of a people ("des Algériens", "58 % des Italiens"): it stands
    for nobody else either (no body the noun might take up)."""
    if token_strings(tok.doc, POS)[tok.i] not in ("NOUN", "PROPN"):  # (``tok.pos_`` off the column)
        return False
    return (lower_text(tok) in demonyms or lemma(tok) in demonyms) and no_state(tok)
