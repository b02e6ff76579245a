"""The name a person's cluster goes by: its fullest form, unless that form is another of its
forms with a stray capitalised word glued on ("Mai Théo Varlin" for "Théo Varlin" after a month
opening the sentence, "Inès Corvaro Première" for "Inès Corvaro" before a role in a headline):
NER ran the name over a word of the dictionary, a month or a weekday that the other mentions
leave out; so also over a place or a body the KB knows and no person ("Brivac Théo Varlin" from a
dateline, "Théo Varlin Lyon" from a caption; invented), an acronym in capitals (an agency's credit,
"Théo Varlin AFP") or a lower-case word after the surname ("Théo Varlin aussi"). A given name is
never stray ("Noé Varlin" beside "Varlin" stays whole)."""

from __future__ import annotations

from veille.common.fold import norm
from veille.entities.initials import INITIALS
from veille.entities.resources import PARTICLES, EntityResources


def _stray(res: EntityResources, word: str) -> bool:
    folded = norm(word)
    if folded in res.given_names or INITIALS.fullmatch(word) or folded in PARTICLES:
        return False  # (nor are initials: "D. Le Goff" is no "d" glued on "Le Goff", ``initials.py``)
    if word[:1].islower() or (len(word) >= 2 and word.isupper()):
        return True  # "Théo Varlin aussi", "Théo Varlin AFP"
    kinds = {res.kb.entries[i]["type"] for i in res.kb.lookup(word)}
    if kinds and "PER" not in kinds:
        return True  # a place or a body, no person of the KB: "Brivac Théo Varlin"
    # the dictionary lists lemmas: "Première" is "premier", "Nouvelles" "nouvelle"
    forms = {folded, folded[:-1] if folded.endswith(("e", "s")) else folded, folded[:-2] if folded.endswith("es") else folded}
    return folded in res.calendar or bool(forms & res.dictionary)


def _glued(res: EntityResources, key: str, forms: set[str]) -> bool:
    """Whether ``key`` is another of the forms (``forms``: folded, so that "Théo VARLIN" is "Théo
    Varlin") with one stray word before it, or one or two after it ("Théo Varlin Photographe
    voyageur"), or with a name and "de" before it ("Varlin Conseil de Théo Varlin": a body's name
    run over its owner's)."""
    words = key.split()
    if len(words) < 3:  # the shorter form is a full name of two words at least
        return False
    if norm(" ".join(words[1:])) in forms and _stray(res, words[0]):
        return True
    for cut in (1, 2):
        if len(words) - cut >= 2 and norm(" ".join(words[:-cut])) in forms \
                and all(_stray(res, w) for w in words[-cut:]):
            return True
    at = next((i for i, w in enumerate(words[:-2]) if w in ("de", "d'", "d’") and i > 0), None)
    return at is not None and norm(" ".join(words[at + 1:])) in forms \
        and norm(words[0].split("-")[0]) not in res.given_names  # ("Anne-Sophie Roy de La Tour": hers)


def person_name(res: EntityResources, keys: list[str]) -> str:
    """The fullest of a person's written forms that is not another form with a stray word glued on."""
    forms = {norm(k) for k in keys}
    kept = [k for k in keys if not _glued(res, k, forms)] or keys
    # (words counted across hyphens: "Jean-Marc X" and "Jean Marc X" are as full, and the form
    # written first, the keys coming in text order, is the name: max keeps the first of a tie)
    return max(kept, key=lambda k: (len(norm(k).split()), len(k)))
