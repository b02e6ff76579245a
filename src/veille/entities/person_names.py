"""The name a person's cluster goes by: its fullest form, unless that form is another of its
forms with a stray capitalised word glued on ("Mai Théo Varlin" for "Théo Varlin" after a month
opening the sentence, "Inès Corvaro Première" for "Inès Corvaro" before a role in a headline):
NER ran the name over a word of the dictionary, a month or a weekday that the other mentions
leave out. A given name is never stray ("Noé Varlin" beside "Varlin" stays whole)."""

from __future__ import annotations

from veille.common.fold import norm
from veille.entities.initials import INITIALS
from veille.entities.resources import EntityResources


def _stray(res: EntityResources, word: str) -> bool:
    folded = norm(word)
    if folded in res.given_names or INITIALS.fullmatch(word):
        return False  # (nor are initials: "D. Le Goff" is no "d" glued on "Le Goff", ``initials.py``)
    # the dictionary lists lemmas: "Première" is "premier", "Nouvelles" "nouvelle"
    forms = {folded, folded[:-1] if folded.endswith(("e", "s")) else folded, folded[:-2] if folded.endswith("es") else folded}
    return folded in res.calendar or bool(forms & res.dictionary)


def _glued(res: EntityResources, key: str, forms: set[str]) -> bool:
    words = key.split()
    if len(words) < 3:  # the shorter form is a full name of two words at least
        return False
    return (" ".join(words[1:]) in forms and _stray(res, words[0])) \
        or (" ".join(words[:-1]) in forms and _stray(res, words[-1]))


def person_name(res: EntityResources, keys: list[str]) -> str:
    """The fullest of a person's written forms that is not another form with a stray word glued on."""
    forms = set(keys)
    kept = [k for k in keys if not _glued(res, k, forms)] or keys
    return max(kept, key=lambda k: (len(k.split()), len(k)))
