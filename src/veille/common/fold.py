"""The one family of text folding functions. Pick by what the key must survive:

| function | accents | case | apostrophes, dashes | length kept | use |
| --- | --- | --- | --- | --- | --- |
| ``fold`` | dropped | lower | one ``'``; dashes and hyphens become spaces | yes | offsets in folded text |
| ``norm`` | dropped | lower | as ``fold``, spaces collapsed, outer punctuation stripped | no | a name's lookup key |
| ``phonetic`` | dropped | lower | as ``norm``, spelling variants merged | no | transliterated names |
| ``bare`` | dropped | lower | one ``'`` | no | a word's key (lexicon lookups, filters) |
| ``lower_nfc`` | kept | lower | one ``'`` | no | lemma keys where accents matter |
| ``search_key`` | dropped | casefold | kept; spaces collapsed | no | substring filters in queries |
"""

from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = {"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʹ": "'"}
_PUNCT = {**_APOSTROPHES, "-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", "\u00a0": " ", "\u202f": " ",
          "\t": " ", "\n": " ", "\r": " "}


def _fold_char(c: str) -> str:
    if c in _PUNCT:
        return _PUNCT[c]
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


_FOLD_TABLE = {i: _fold_char(chr(i)) for i in range(0x0250)}
_FOLD_TABLE.update({ord(k): v for k, v in _PUNCT.items()})
for _i in range(0x0370, 0x0530):  # Greek and Cyrillic: lower case only
    _FOLD_TABLE[_i] = chr(_i).lower() if len(chr(_i).lower()) == 1 else chr(_i)
_FOLD_TABLE[ord("ı")] = "i"
_APOS_TABLE = str.maketrans(_APOSTROPHES)


def fold(text: str) -> str:
    """Length-preserving folding: ``fold("l’États-Unis") == "l'etats unis"``."""
    return text.translate(_FOLD_TABLE)


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=131072)
def norm(text: str) -> str:
    """The lookup key of a name: folded, spaces collapsed, outer spaces and dots stripped.

    Names and words repeat a lot (every token is looked up in several lexicons): the cache keeps
    this cheap."""
    return _SPACES.sub(" ", fold(text)).strip(" .,;:")


# Transliteration variants folded together so "Volodimir Zelenski" and "Volodymyr Zelensky",
# "Yens" and "Jens", "Anthony" and "Antony" share a key. Order matters (digraphs first).
_PHONETIC = [("sch", "ch"), ("tch", "ch"), ("tsch", "ch"), ("ph", "f"), ("th", "t"), ("kh", "k"),
             ("gu", "g"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ij", "i"), ("ie", "i"), ("ey", "i"),
             ("ei", "i"), ("y", "i"), ("j", "i"), ("w", "v"), ("c", "k"), ("q", "k"), ("z", "s"),
             ("x", "ks"), ("h", "")]
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)  # KB aliases are keyed again for every article that names them
def spelling_key(name: str) -> str:
    """A name with accents, case, hyphens and apostrophes left out: "Ecole"/"École",
    "Saint-Denis"/"Saint Denis", "cœur"/"coeur" (the ligature typed or not) are one spelling."""
    return " ".join(re.sub(r"[-'’]", " ", fold(name)).replace("œ", "oe").replace("æ", "ae").split())


def phonetic(text: str) -> str:
    """A coarse spelling-insensitive key for person names (transliterations, typos)."""
    s = norm(text).replace("'", "")
    for a, b in _PHONETIC:
        s = s.replace(a, b)
    return _DOUBLE.sub(r"\1", s)


@functools.lru_cache(maxsize=131072)
def bare(word: str) -> str:
    """Lower case, one apostrophe, no accents: ``bare("Déclaré’") == "declare'"``.

    Tokens repeat a lot, so the cache keeps this cheap."""
    word = word.lower().translate(_APOS_TABLE)
    if word.isascii():  # (nothing to decompose, no accent to drop)
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@functools.lru_cache(maxsize=131072)
def lower_nfc(text: str) -> str:
    """Lower case, NFC, one apostrophe, accents kept: ``lower_nfc(" L’Élysée ") == "l'élysée"``."""
    return unicodedata.normalize("NFC", text).lower().translate(_APOS_TABLE).strip()


def search_key(text: str | None) -> str:
    """Accent- and case-insensitive key for substring filters: ``search_key("Zélensky ") == "zelensky"``."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().translate(_APOS_TABLE))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
