"""Numbers written in digits or in French words ("trente", "quatre-vingt-dix"), for the times stage.

Kept apart so that the clock parser (``days``) and the period rules (``periods``) can both read
hours and amounts in words without importing each other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.common.lexicon import json_data


@lru_cache(maxsize=1)
def _numbers() -> dict[str, int]:
    data = json_data("number_words.json")
    return {**data["units"], **data["tens"], "cent": 100, "cents": 100, "mille": 1000}


def parse_number(text: str | None) -> float | None:
    """'3', '30,4', 'trois', 'dix-huit', 'vingt et un', 'quatre-vingt-dix' -> the number."""
    if not text:
        return None
    text = text.strip().lower()
    if re.fullmatch(r"\d+(?:[,.]\d+)?", text):
        return float(text.replace(",", "."))
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "et"]
    nums = _numbers()
    total = 0
    current = 0
    for w in words:
        n = nums.get(w)
        if n is None:
            return None
        if n in (100, 1000):
            current = max(current, 1) * n
            if n == 1000:
                total, current = total + current, 0
        elif n == 20 and current in range(1, 10):  # quatre-vingt(s)
            current *= 20
        else:
            current += n
    return float(total + current)
