"""A year named at the head of a narrative frames the months and days that open the next sentences.

French news tells a past (or a planned future) year by year: "En 1981, des émeutes éclatent à
Vénissieux. En juillet, un plan est lancé. Le 3 octobre, une loi est votée." and a chronology box
does the same with headings ("1981", then "Juillet : …", "Octobre : …"). A month or a day named
without its year that opens its sentence this way is in the year the previous opening named, not in
the year the article's date and the verb's tense would give (TimeML values the expression by what
the text means: 1981-07, 1981-10-03).

Only sentence openers chain: a year inside a clause ("Le club, fondé en 1921, jouera en juin")
frames nothing, and a month inside a sentence keeps the reading of its verb. The tense must agree
with the frame: a past year does not frame a verb in the future ("En 1995, le stade a ouvert. En
juin, il fermera" is the coming June), a coming year does not frame a past, and a present is read
in the frame's year only when the frame's sentence is in the present too (a narrative present).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from veille.model import TimeExpr

# Words that may stand before a month or day opening its sentence ("En juillet,", "Au mois de mai",
# "Puis, le 3 octobre,"), and before a year opening the frame ("En 1981,", "Dès 1995," is no frame).
_OPENERS = frozenset(("en", "au", "à", "le", "la", "l", "fin", "début", "mi", "courant", "vers", "puis",
                      "et", "mais", "dans", "mois", "de", "d", "du", "ensuite", "enfin", "là"))
_STOP = ".!?;\n"
_YEARISH = re.compile(r"(\d{4})(?:-\d{2}(?:-\d{2})?)?")
# A chronology reaches a few hundred characters per entry; past that the frame is forgotten.
_REACH = 600


def _opens_sentence(text: str, start: int) -> bool:
    """Nothing but a few opener words between the last sentence end (or line start) and ``start``
    ("En juillet", "Puis, le 3 octobre"; not "(1994-1999)", a range in brackets)."""
    head = text[max(text.rfind(c, 0, start) for c in _STOP) + 1:start]
    if re.search(r"[^\w\s,'’]", head):
        return False
    words = re.findall(r"[^\W\d_]+", head)
    return len(words) <= 3 and all(w.lower() in _OPENERS for w in words)


def _heads(text: str, end: int) -> bool:
    """The year or month ends an opening adverbial or a heading: a comma, a full stop, a colon or
    the end of its line follows ("En 1981, …", "1981.", "Juillet :"), not a hyphen of a range."""
    return re.match(r"[ \t\xa0]*(?:[,.:;]|\n|$)", text[end:]) is not None


def _framing(before: list[TimeExpr]) -> TimeExpr | None:
    """The last date the text named, skipping recurrences, spans and vague references."""
    for t in reversed(before):
        if t.type in ("SET", "DURATION") or t.start is None or (t.value or "").endswith("_REF"):
            continue
        return t
    return None


def in_narrative_year(text: str, start: int, before: list[TimeExpr], value: str, ref_year: int | None,
                      tense: Callable[[int, int], str | None]) -> str:
    """``value`` ("2006-07", "2006-10-03") of the expression at ``start`` moved into the year of the
    narrative it continues; ``tense(start, end)`` is the tense of the verb a span depends on."""
    if ref_year is None or not re.match(r"\d{4}-\d{2}", value) or value[5:10] == "02-29":
        return value
    frame = _framing(before)
    if frame is None or frame.start is None or frame.type != "DATE":
        return value
    named = _YEARISH.fullmatch(frame.value or "")
    if named is None or named.group(1) == value[:4] or start - frame.start > _REACH:
        return value
    if not (_opens_sentence(text, start) and _opens_sentence(text, frame.start) and _heads(text, frame.end)):
        return value
    if not re.search(r"[.!?;:\n]", text[frame.end:start]):
        return value  # one sentence: the same-sentence frame (times/__init__.py) decides
    year, verb = int(named.group(1)), tense(start, start + 1)
    if year < ref_year and verb == "future" or year > ref_year and verb == "past":
        return value
    # A present after a past year is a narrative present only when the frame's sentence is told in
    # the present too (or has no verb, as a chronology's entries); else it announces ("L'an dernier,
    # 300 personnes sont venues. Le 14 juin, la fête a lieu place Carnot": this June).
    if verb == "present" and tense(frame.start, frame.end) not in (None, "present"):
        return value
    return named.group(1) + value[4:]
