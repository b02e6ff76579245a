"""Adjectives of place (gentilés) used as nouns for people, where the dictionary does not help.

Two shapes of French news writing:

- a compound gentilé, "Franco-Congolais", "l'Italo-Zambien Amos Kilu": a first element ending in
  "-o" (``franco``, ``italo``, ``germano``), a hyphen and a capitalised gentilé; it designates a
  person of two nationalities, never a place (a person's name may follow it);
- a gentilé the dictionary does not list (a small island's, a village's): "Trois Ultramarins",
  "21 Vallonnais de 65 ans", "la Wallisienne Lina Taufa". It is read as people only where the
  shape says so: plural after a number or a plural determiner, after "un jeune", or in apposition
  before a person's name ("la <gentilé> <Given> <Name>"); "la Touraine" or "la Lorraine" stay places.
"""

from __future__ import annotations

import re
from typing import Any

from veille.entities.resources import PLACE_ADJECTIVE_ENDINGS

_COMPOUND = re.compile(r"[A-ZÉÈ][a-zéèëï]+o-[A-ZÉÈ][a-zéèëïô]+")
# the endings of gentilés an unknown word is read by ("-ique", "-se" end too many other nouns);
# "-oui" is the Arabic-derived ending of "Gazaoui", "Chaoui" ("des Gazaouis": people, no place)
_STRONG_ENDINGS = ("ien", "éen", "ais", "ois", "ain", "in", "oui")
_PLURAL_DETERMINERS = frozenset({"les", "des", "aux", "ces", "nos", "vos", "leurs", "plusieurs"})


def _forms(word: str) -> set[str]:
    """The masculine singular candidates of an inflected gentilé ("wallisiennes" -> "wallisien")."""
    w = word.lower()
    forms = {w}
    for suffix in ("s", "x", "es", "e", "nes", "ne"):
        if w.endswith(suffix):
            forms.add(w[:-len(suffix)])
    return forms


def masculine_forms(word: str) -> set[str]:
    """The masculine singular candidates of an inflected adjective ("valdoriennes" -> "valdorien")."""
    return _forms(word)


def gentile_shape(word: str, endings: tuple[str, ...] = PLACE_ADJECTIVE_ENDINGS) -> bool:
    """Whether a word has the ending of a gentilé (-ien, -ais, -ois, -ain, -in, …) once inflection
    is taken off."""
    return any(f.endswith(endings) and len(f) >= 5 for f in _forms(word))


def compound_gentile(word: str) -> bool:
    """"Franco-Congolais", "Italo-Zambienne": a compound gentilé."""
    return bool(_COMPOUND.fullmatch(word)) and gentile_shape(word.split("-")[-1])


def unknown_gentile(tok: Any, dictionary: frozenset[str]) -> bool:
    """A capitalised word the dictionary does not know, of a gentilé's shape, standing for people
    (see the module docstring): after a number or plural determiner when plural, before a
    person's name, or after a determiner and "jeune" ("un jeune Valdorais")."""
    word = tok.text
    if not word[:1].isupper() or word.isupper() or not word.isalpha() or tok.i == 0:
        return False
    if _forms(word) & dictionary or not gentile_shape(word, _STRONG_ENDINGS):
        return False
    prev = tok.nbor(-1)
    if prev.text[:1].isupper() and not prev.like_num:
        return False  # "Les Dégommeuses": a capitalised article opens a name
    plural = word.endswith(("s", "x")) and (prev.pos_ == "NUM" or prev.like_num
                                            or prev.lower_ in _PLURAL_DETERMINERS)
    doc = tok.doc
    before_name = tok.i + 1 < len(doc) and prev.lower_ in ("le", "la", "l'", "l’") \
        and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].is_alpha
    # "un jeune Valdorais", "cette jeune Brivacoise": "jeune" between the determiner and the word
    # makes it a noun of person ("le vieux Brivais" may be a town's old quarter)
    after_adjective = tok.i >= 2 and prev.lower_ in ("jeune", "jeunes") and doc[tok.i - 2].pos_ == "DET"
    return plural or before_name or after_adjective



def aged_gentile(tok: Any, adjectives: frozenset[str]) -> bool:
    """"Amandine, Lyonnaise de 29 ans", "un Brestois de 40 ans": a capitalised adjective of place
    followed by an age ("de" + number + "ans") is a person described, never a place (an apposition
    after a comma, which the determiner tests of ``people_noun`` do not see)."""
    doc = tok.doc
    if tok.i + 3 >= len(doc) or not tok.text[:1].isupper() or tok.is_upper or not tok.is_alpha:
        return False
    after = doc[tok.i + 1:tok.i + 4]
    if after[0].lower_ != "de" or not after[1].like_num or after[2].lower_ not in ("ans", "an"):
        return False
    return any(f in adjectives and gentile_shape(f) for f in _forms(tok.text)) \
        or gentile_shape(tok.text, _STRONG_ENDINGS)
