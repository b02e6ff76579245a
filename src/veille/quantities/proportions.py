"""Proportions written with words: "plus d'un Français sur trois", "un salarié sur cinq", "9 sur 10",
"un tiers des électeurs", "la moitié des habitants", "les deux tiers des élèves".

Each is a percentage quantity (``unit`` ``%``, ``value`` the share rounded to two decimals: "un
sur trois" is 33.33), the way the press means it; the quantity stage reads them before plain
numbers so that "9" and "10" of "9 Français sur 10" are not counted again. The denominators
written as nouns ("tiers", "quart", "moitié") are ``fractions`` in ``lexicons/number_words.json``.

Not proportions: a count out of a whole that is not round ("34 agences sur 136": 34 agences),
"sur trois pays" (a noun after the denominator: "on" three countries), a verb
between the two numbers ("un élève a parlé sur deux chaînes"), "un quart d'heure" (a ``skip``
noun of ``lexicons/units.tsv`` after the fraction), "des tiers" without a numerator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from veille.common.regexscan import with_first_chars
from veille.quantities.numbers import DIGITS, lexicon, parse_number, parse_words

APOS = "['’]"
_NUMERATORS = {"un": 1, "une": 1, "la": 1}


@dataclass(frozen=True)
class Proportion:
    start: int
    end: int
    value: int | float


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    nums = lexicon().numbers
    words = _alt(list(nums["units"]) + list(nums["tens"]))
    num = rf"(?:\d{{1,3}}|{words})"
    # The denominator may be grouped ("une personne sur 10 000", "un cas sur 100.000"): read whole,
    # never its first group alone; a decimal or a further digit after it is no denominator.
    den = rf"(?:{DIGITS}|{words})"
    per = re.compile(
        rf"(?<![\w'’])(?P<cue>(?:plus|moins|près|presque)\s+d{APOS}\s*)?(?P<a>{num})\s+"
        rf"(?P<what>(?:[^\W\d][\w'’-]*\s+){{0,3}}?)sur\s+(?P<b>{den})(?![\w'’-]|[.,]\d)", re.I)
    frac = re.compile(
        rf"(?<![\w'’-])(?P<a>{num}|la)\s+(?P<f>{_alt(nums['fractions'])})"
        rf"(?=\s+(?:de|des|du|d{APOS})\s*(?P<next>[\w-]+))", re.I)
    return with_first_chars(per), with_first_chars(frac)  # (the same matches, found faster)


def _number(word: str) -> int | None:
    w = word.lower()
    if w in _NUMERATORS:
        return _NUMERATORS[w]
    value = parse_number(w) if w[:1].isdigit() else parse_words(w)
    if not value or value != int(value):
        return None  # "sur 2,5" is a measure, not a denominator
    return int(value)


def round_total(b: int) -> bool:
    """A share is written over a small or round total ("un sur trois", "9 sur 10", "un sur 50", "une
    sur 10 000"); over any other total ("34 agences sur 136", "122 sièges sur 230", "69 sur 74") the
    press gives a count out of a known whole, and the first number is that count."""
    return b <= 10 or len(str(b).rstrip("0")) == 1


def _share(a: int, b: int) -> int | float:
    value = (Decimal(a) * 100 / Decimal(b)).quantize(Decimal("0.01"))
    return int(value) if value == value.to_integral_value() else float(value)


def find_proportions(text: str, token_at: Any) -> list[Proportion]:
    """Every proportion of the text; ``token_at(pos)`` gives the parsed token at a character
    position (or None)."""
    per, frac = _patterns()
    fractions = lexicon().numbers["fractions"]
    skip = {k for k, v in lexicon().kinds.items() if v == "skip"}
    out: list[Proportion] = []
    for m in per.finditer(text):
        a, b = _number(m.group("a")), _number(m.group("b"))
        if not a or not b or a >= b or not round_total(b):
            continue
        between = [token_at(m.start("what") + k.start()) for k in re.finditer(r"\S+", m.group("what"))]
        if any(t is None or t.pos_ in ("VERB", "AUX", "PUNCT", "ADP") for t in between):
            continue
        if any(w.lower() in skip for w in m.group("what").split()):
            continue  # "une fois sur deux", "un jour sur trois": a frequency, not a share of people
        after = token_at(_next_word(text, m.end()))
        if after is not None and after.pos_ in ("NOUN", "PROPN") and "Sing" not in after.morph.get("Number"):
            # "sur trois pays": the denominator counts a noun of its own. A singular word after it
            # cannot be what it counts ("un Français sur trois juge …": the verb, tagged a noun).
            continue
        share = _share(a, b)
        if share:  # "un sur 1 000 000" rounds to nothing: no answer rather than 0 %
            out.append(Proportion(m.start(), m.end(), share))
    for m in frac.finditer(text):
        if any(p.start <= m.start() < p.end for p in out) or m.group("next").lower() in skip:
            continue
        denominator = fractions[m.group("f").lower()]
        if m.group("a").lower() == "la" and denominator != 2:
            continue  # "la tierce", "la quarte": only "la moitié" takes the article
        a = _number(m.group("a"))
        if a and a < denominator:
            out.append(Proportion(m.start(), m.end(), _share(a, denominator)))
    out.sort(key=lambda p: p.start)
    return out


def _next_word(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0\u202f\t":
        pos += 1
    return pos
