"""Shapes of a name that say it is an organisation's although NER read a person or a place.

- A capital inside one word after a lower-case run ("VoltiPax", "InfoVoyants", "PlayerNet",
  invented) is how companies, brands, sites and media are written; a person's name does so only
  after a surname prefix (McArdle, DiCarlo, LeBlanc: ``lexicons/entities/name_case_prefixes.tsv``).
- An English article opening a name ("The Morning Valdrin") names a newspaper, a site, a band or a
  company kept in its language (``lexicons/entities/english_articles.tsv``).
- A noun of a post or stake before "de" ("le cofondateur de Valtrix", "une salariée de Brisco")
  is completed by the body that gives it, never by a person (``lexicons/entities/employer_nouns.tsv``).
"""

from __future__ import annotations

import re
from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.entities.misc_orgs import listed_tail

_PREFIXES = tuple(sorted((r[0] for r in rows("entities/name_case_prefixes.tsv")), key=len, reverse=True))
_ARTICLES = frozenset(r[0] for r in rows("entities/english_articles.tsv"))
_EMPLOYERS = frozenset(norm(r[0]) for r in rows("entities/employer_nouns.tsv"))
# "… cofondatrice de | X", "le PDG d'| X": up to three words, then "de"/"du"/"d'" right before the name
_NOUN_OF = re.compile(r"(?:^|[^\w-])([\w-]+(?: [\w-]+){0,2}) (?:de la|de l'|de|du|d')\s*$")
_LEFT = 50
# a lower-case letter, then a capital, inside one word
_CAMEL = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]")
_MIN_LENGTH = 6  # ("BoJo", "MoMo": nicknames of people are short)


def camel_case_body(toks: list[Any]) -> bool:
    """One word written with a capital inside it, not after a surname prefix ("VoltiPax")."""
    if len(toks) != 1:
        return False
    word = toks[0].text
    if len(word) < _MIN_LENGTH or not word.isalpha() or word.isupper() or not word[:1].isupper():
        return False
    inner = _CAMEL.search(word)
    if inner is None:
        return False
    # (the first capital inside the word right after a surname prefix: "McArdle", "DiCarlo")
    return not any(inner.start() + 1 == len(p) for p in _PREFIXES if word.startswith(p))


def english_titled(toks: list[Any]) -> bool:
    """Two capitalised words or more opening on an English article ("The Morning Valdrin")."""
    return len(toks) >= 2 and toks[0].text in _ARTICLES and toks[1].text[:1].isupper()


def employer_before(text: str, start: int) -> bool:
    """Whether a post or stake noun and "de" come right before ``start`` ("salariée de | X")."""
    mt = _NOUN_OF.search(norm(text[max(0, start - _LEFT):start]))
    if not mt:
        return False
    return listed_tail(mt.group(1), _EMPLOYERS)


def employer_orgs(text: str, names: list[Mention], given_names: frozenset[str] | set[str]) -> list[Mention]:
    """``names`` with every mention of a name NER read as a person or a place relabelled ORG when
    one of its mentions comes right after a post or stake noun ("une salariée de Brisco" … "Brisco
    a répondu"), whatever NER read there ("selon Kelbra" a person, "vice-président de Kelbra" an
    organisation: the cue names the body); not a name the KB linked, nor one opening on a given name
    ("le PDG de Tesla Elon Musk": NER's span may hold the holder)."""
    keys = set()
    for m in names:
        words = m.key.split()
        if m.label in ("PER", "LOC", "ORG", "MISC") and not m.kb_id and len(words) <= 3 and norm(words[0]) not in given_names \
                and employer_before(text, m.end - len(m.key)):
            keys.add(norm(m.key))
    if keys:
        for m in names:
            if m.label in ("PER", "LOC") and not m.kb_id and norm(m.key) in keys:
                m.label = "ORG"
    return names
