"""A count whose noun is left out because the sentence has just said it: "4 770 personnes ont été
interpellées, 4 402 placées en garde à vue", "105 familles sont concernées, dont 55 travaillent ici",
"3 000 femmes ont été tuées et 1 200 ont été blessées".

French news reports chain such figures in one sentence and write the noun once. The bare number
(digits) counts when it opens a clause (after a comma, a dash, "et", "dont", "mais", "ou", "soit")
and a verb or an auxiliary follows it at once (after "dont", which names a part of the count just
said, whatever follows: "dont 900 Kalibr", "dont 12 grièvement"); its unit is the noun of the count said before it in
the same sentence. A number after a preposition or a determiner ("le 14 a été", "à 300 ont") is
left alone, as is a number with no counted quantity before it in its sentence.
"""

from __future__ import annotations

import re
from typing import Any

from veille.model import Quantity
from veille.quantities.numbers import SPACES

# What may stand before the number: the start of a clause of the same sentence.
_CLAUSE_OPENING = re.compile(rf"(?:[,;(\u2013\u2014]|(?<![\w])(?:et|dont|mais|ou|soit|puis))[{SPACES}]*$", re.I)
# How far back the counted quantity may be, and what may not lie between (a sentence end).
_REACH = 160
_SENTENCE_BREAK = re.compile(r"[.!?…]\s|\n")
_PART = re.compile(r"dont", re.I)
# Auxiliaries and verbs only: "ont", "sont", "travaillent", "placées".
_VERB_TAGS = frozenset({"VERB", "AUX"})


def elided_count(text: str, start: int, end: int, value: int | float, prev: Quantity | None,
                 token_after: Any) -> Quantity | None:
    """The bare number text[start:end] as a count of ``prev``'s noun, or None.

    ``token_after`` is the parse token starting right after the number (and its spaces), or None.
    """
    if prev is None or prev.unit is None or prev.end is None or prev.end > start or value < 2:
        return None
    between = text[prev.end:start]
    if len(between) > _REACH or _SENTENCE_BREAK.search(between):
        return None
    opening = _CLAUSE_OPENING.search(text, max(0, start - 8), start)
    if not opening:
        return None
    if _PART.search(opening.group(0)):
        # "dont" names a part of the count just said whatever follows ("dont 900 Kalibr",
        # "dont 12 grièvement", "dont 50 000 en français").
        return Quantity(text=text[start:end], value=value, unit=prev.unit, start=start, end=end)
    tok = token_after
    if tok is None or tok.pos_ not in _VERB_TAGS or not tok.text[:1].islower():
        return None
    return Quantity(text=text[start:end], value=value, unit=prev.unit, start=start, end=end)
