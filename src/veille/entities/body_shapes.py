"""Shapes of a name that say it is an organisation's although NER read a person or a place.

- A capital inside one word after a lower-case run ("VoltiPax", "InfoVoyants", "PlayerNet",
  invented) is how companies, brands, sites and media are written; a person's name does so only
  after a surname prefix (McArdle, DiCarlo, LeBlanc: ``lexicons/entities/name_case_prefixes.tsv``).
- An English article opening a name ("The Morning Valdrin") names a newspaper, a site, a band or a
  company kept in its language (``lexicons/entities/english_articles.tsv``).
"""

from __future__ import annotations

import re
from typing import Any

from veille.common.lexicon import rows

_PREFIXES = tuple(sorted((r[0] for r in rows("entities/name_case_prefixes.tsv")), key=len, reverse=True))
_ARTICLES = frozenset(r[0] for r in rows("entities/english_articles.tsv"))
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
