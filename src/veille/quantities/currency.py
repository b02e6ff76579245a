"""Money told by a bare word several countries use ("dinars", "livres", "pesos"): the code of the
country the amount's sentence names, else of the site's own country domain, else of the one such
country the article names (``lexicons/quantities/currency_countries.tsv``); otherwise
``currencies.tsv``'s code stands."""

from __future__ import annotations

import functools
import re

from veille.common import lexicon
from veille.common.fold import bare
from veille.model import Quantity

_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """bare word -> [(code, tld, country words)]."""
    out: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for word, code, tld, names in lexicon.rows("quantities/currency_countries.tsv", min_columns=4):
        words = tuple(bare(w.strip()) for w in names.split(",") if w.strip() and w.strip() != "-")
        out.setdefault(word.lower(), []).append((code, tld.lower(), words))
    return out


def _bare_word(q: Quantity, table: dict) -> str | None:
    """The word after the number when it is the bare currency word ("dinars", singular or plural)."""
    last = bare(q.text).split()[-1] if q.text.split() else ""
    for form in (last, last + "s"):
        if form in table:
            return form
    return None


def _sentence(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left:right.start() if right else len(text)]


def local_currency(q: Quantity, text: str, site: str | None) -> str | None:
    """Example "La Tunisie versera 40 millions de dinars": TND; the same on an ".tn" site with no
    country in the sentence: TND; "dinars" with no clue: None (the lexicon's DZD stands)."""
    table = _table()
    word = _bare_word(q, table)
    if word is None or q.start is None or q.end is None:
        return None
    rows = table[word]
    if q.unit not in {code for code, _, _ in rows}:
        return None  # "dinars tunisiens", "dollars canadiens": the text said which
    tokens = re.findall(r"[\w-]+", bare(_sentence(text, q.start, q.end)))
    words, sentence = set(tokens), " " + " ".join(tokens) + " "
    named = {code for code, _, names in rows
             for n in names if (n in words if " " not in n else f" {n} " in sentence)}
    if len(named) == 1:
        return named.pop()
    if named:
        return None  # the sentence names two of the word's countries
    if site:
        tld = site.lower().rstrip(".").rsplit(".", 1)[-1]
        found = {code for code, t, _ in rows if t == tld}
        if len(found) == 1:
            return found.pop()
    # the article names one of the word's countries and no other ("dinars" in a story about Tunisia only)
    tokens = re.findall(r"[\w-]+", bare(text))
    words, whole = set(tokens), " " + " ".join(tokens) + " "
    named = {code for code, _, names in rows for n in names if (n in words if " " not in n else f" {n} " in whole)}
    return named.pop() if len(named) == 1 else None


def localise_currencies(quantities: list[Quantity], text: str, site: str | None) -> None:
    """Each amount in a bare, shared currency word takes the code its context gives."""
    for q in quantities:
        code = local_currency(q, text, site) if q.unit and q.unit.isupper() else None
        if code:
            q.unit = code
