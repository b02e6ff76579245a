"""Function words of the languages Veille tells apart, read once from ``lexicons/function_words.json``.

The language stage scores chunks with them; the entity stage uses them to drop names in a clause
written in another language. Both read them here, so neither imports the other.
"""

from __future__ import annotations

import functools
from typing import Any

from veille.common.lexicon import json_data

FILE = "function_words.json"
# Lists of the file that are not a language's function words: English title words ("President",
# "Minister") only mark an untranslated bracketed insertion.
NOT_A_LANGUAGE = frozenset({"en_titles"})


@functools.lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Language code (and ``en_titles``) -> its function words, lower case."""
    return {k: frozenset(v) for k, v in json_data(FILE).items() if not k.startswith("_") and isinstance(v, list)}


@functools.lru_cache(maxsize=1)
def languages_of_word() -> dict[str, tuple[str, ...]]:
    """Word -> the languages it is a function word of (``en_titles`` left out)."""
    by_word: dict[str, list[str]] = {}
    for lang, ws in function_words().items():
        if lang not in NOT_A_LANGUAGE:
            for w in sorted(ws):
                by_word.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in by_word.items()}


def foreign_words(base: str = "fr") -> frozenset[str]:
    """Every function word of the languages other than ``base``."""
    return frozenset(w for lang, ws in function_words().items() if lang != base and lang not in NOT_A_LANGUAGE
                     for w in ws)


def transliteration_data() -> dict[str, Any]:
    """The ``latin_transliterations`` block: Ukrainian and Russian written in Latin letters."""
    return json_data(FILE)["latin_transliterations"]
