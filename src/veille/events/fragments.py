"""A clause the sentence splitter cut off from its subject: "La Valdonie a déjà uni ses forces |
à celles de l'Ostrie | pour réclamer ...", "Le collectif Terre Libre, formé en 2019 | , s'est
associé au projet." (pages whose links or line breaks cut sentences). The cut piece starts in lower
case or on a comma; its doer is the subject of the piece that opened the sentence.

``context_subject`` (``veille.events.agents``) already follows the piece just before when its root
is a finite verb; ``fragment_subject`` goes back over the lower-case pieces (at most three) to the
piece that opens the sentence, and reads its subject in the two shapes the cut leaves: a root the
tagger read as an adjective ("uni", "réuni") or a verb, with its subject; or a piece that is only
the subject noun phrase, opening on a determiner ("Le collectif X, formé en 2019").
"""

from __future__ import annotations

from typing import Any

from veille.events.actors import Actor, first
from veille.events.view import ArticleView
from veille.events.walks import first_child
from veille.events.words import SUBJ, sentence_of

# A piece ending on one of these was a sentence of its own, not a subject cut off from its verb.
_FINAL = (".", "!", "?", "…", ":", ";")
_MAX_PIECES = 3


def _opener(piece: Any) -> Any | None:
    """The piece's first word (spaces, commas and dashes left aside)."""
    return next((t for t in piece if not t.is_space and t.text not in (",", "–", "-")), None)


def _continues(piece: Any) -> bool:
    word = _opener(piece)
    return word is not None and word.text[:1].islower()


def _ends_open(piece: Any) -> bool:
    last = next((t for t in reversed(piece) if not t.is_space), None)
    return last is not None and last.text not in _FINAL


def fragment_subject(view: ArticleView, tok: Any) -> Actor | None:
    """The subject of the piece that opened the sentence a subjectless lower-case piece continues."""
    piece = sentence_of(tok)
    if not _continues(piece):
        return None
    for _ in range(_MAX_PIECES):
        if piece.start == 0:
            return None
        piece = sentence_of(view.doc[piece.start - 1])
        if not _ends_open(piece):
            return None
        if not _continues(piece):
            break
    else:
        return None
    root, word = piece.root, _opener(piece)
    if word is None or not word.text[:1].isupper():
        return None
    found = None
    if root.pos_ in ("ADJ", "VERB", "AUX"):
        subj = first_child(root, SUBJ)
        found = first(view, subj) if subj is not None else None
    elif root.pos_ in ("NOUN", "PROPN") and word.pos_ == "DET" and root.i - word.i <= 3:
        found = first(view, root)
    if found is None or found.place:
        return None
    return Actor(found.name, found.kind, tok.i, entity=found.entity)
