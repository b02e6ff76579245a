"""A number in words after "entre" that no second bound follows names the two sides of a relation,
not a count: "l'union entre deux personnes", "un accord entre deux pays", "le calme entre deux
tempêtes" ("entre deux et trois soldats" is a range, read as such)."""

from __future__ import annotations

import re

from veille.quantities.numbers import SPACES

_ENTRE = re.compile(rf"(?<![\w])entre[{SPACES}]+$", re.I)
_SECOND_BOUND = re.compile(rf"[{SPACES}]+et[{SPACES}]", re.I)


def relation_sides(text: str, start: int, end: int) -> bool:
    """True when the number text[start:end] follows "entre" and no "et" follows it."""
    return bool(_ENTRE.search(text, max(0, start - 8), start)) and not _SECOND_BOUND.match(text, end)
