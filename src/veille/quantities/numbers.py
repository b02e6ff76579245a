"""Numbers as French news writes them: digits grouped by spaces (also no-break and narrow
no-break), dots or apostrophes ("100 000", "16.000", "40'000"), a decimal comma, number words
("vingt-huit", "quatre-vingt-dix"), scale words; and the word lists they are read with
(``lexicons/number_words.json``, ``currencies.tsv``, ``units.tsv`` with ``quantities/counted_nouns.tsv``).
Shared by the quantity stage (``veille.quantities``) and proportions (``veille.quantities.proportions``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from veille.common.lexicon import rows

LEXICONS = Path(__file__).parent.parent / "lexicons"
APOS = "['’]"
SPACES = " \u00a0\u202f\u2009"


def _tsv(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, _, value = line.partition("\t")
        out[form.strip().lower()] = value.strip()
    return out


@dataclass(frozen=True)
class Lexicon:
    currencies: dict[str, str]
    kinds: dict[str, str]
    numbers: dict


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    numbers = json.loads((LEXICONS / "number_words.json").read_text(encoding="utf-8"))
    kinds = _tsv("units.tsv") | _tsv("quantities/counted_nouns.tsv")  # more rows of the same kinds
    return Lexicon(_tsv("currencies.tsv"), kinds, numbers)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace("'", APOS).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


# -- number parsing --------------------------------------------------------------------------

# thousands grouped by spaces (also no-break and narrow no-break), dots, or apostrophes (Swiss
# style "40'000")
THOUSANDS = "'’"
DIGITS = rf"\d{{1,3}}(?:[{SPACES}.{THOUSANDS}]\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?"


def parse_number(text: str) -> int | float | None:
    """Digits as French writes them: ``100 000``, ``100.000``, ``100'000``, ``1,5``, ``2.5`` -> a number."""
    s = text.strip()
    for sp in SPACES + THOUSANDS:
        s = s.replace(sp, "")
    if "," in s:
        whole, _, frac = s.partition(",")
        s = whole.replace(".", "") + "." + frac
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")  # dots grouping thousands
    if not re.fullmatch(r"\d+(?:\.\d+)?", s):
        return None
    return _plain(Decimal(s))


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_words(text: str) -> int | None:
    """French number words (``vingt-huit``, ``quatre-vingt-dix``, ``deux cent mille``) -> int."""
    nums = lexicon().numbers
    units, tens = nums["units"], nums["tens"]
    words = [w for w in re.split(r"[\s\-]+", text.lower()) if w and w != "et"]
    if not words:
        return None
    total, current = 0, 0
    for w in words:
        # A word that cannot follow the one before it ("deux-trois", "trois trente") is two numbers
        # side by side, a range or a list: no single value.
        if w in units:
            below = current % 100
            if below % 10 or units[w] >= 10 and below not in (0, 60, 80):
                return None
            current += units[w]
        elif w in tens:
            if tens[w] == 20 and current % 100 == 4:  # quatre-vingt(s)
                current += 80 - 4
            elif current % 100:
                return None
            else:
                current += tens[w]
        elif w in nums["hundreds"]:
            current = (current or 1) * 100
        elif w in nums["thousands"]:
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


@lru_cache(maxsize=1)
def digit_scales() -> dict[str, int]:
    """Words that scale a number in digits only (``lexicons/quantities/digit_scales.tsv``: "12 mille")."""
    return {form.lower(): int(value) for form, value, *_ in rows("quantities/digit_scales.tsv", min_columns=2)}


@lru_cache(maxsize=1)
def percent_marks() -> list[str]:
    """How a percentage is written after its number (``lexicons/quantities/percent_marks.tsv``), longest first."""
    return sorted((form for form, *_ in rows("quantities/percent_marks.tsv")), key=len, reverse=True)


def scale_value(word: str, after_digits: bool) -> int | None:
    nums = lexicon().numbers
    w = word.lower()
    if w in nums["scales"]:
        return nums["scales"][w]
    if after_digits:
        return nums["scale_abbreviations"].get(w) or digit_scales().get(w)
    return None
