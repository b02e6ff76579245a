"""A clock time told of a recurrence: "chaque soir à 20 heures", "ouvert tous les jours de 8 h à
21 h", "le jeudi jusqu'à 22 heures". The time recurs with the set before it, so it is not on the last
day the text named (often a date of another paragraph, which a bare clock time otherwise takes):
as the team's check set reads a schedule ("ouverte tous les jours de 14 h à 18 h"), it is read on the
article's own day, and on no day (``XXXX-XX-XXT20:00``) in an article without a date. Seen on
national, regional, Swiss and business news sites, in schedules, programme times and newsletter
notices (team audit, 2026-12-04).
"""

from __future__ import annotations

import re

from veille.model import TimeExpr
from veille.times.resolve import Reference

# What may stand between the set (or the recurring clock time before) and the clock time: a
# preposition of time or of a range ("à", "dès", "à partir de", "de … à", "jusqu'à", "vers", "entre").
_BETWEEN_SET = re.compile(r"[\s,]*(?:(?:à\s+partir\s+de|jusqu['’]à|à|dès|de|vers|entre|avant|après)\s*)?$", re.I)
_BETWEEN_CLOCKS = re.compile(r"\s*(?:à|et|-|–|jusqu['’]à)\s*$", re.I)
_CLOCK = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|XXXX-XX-XX)(T\d{2}:\d{2})$")


def recurring_clock(text: str, start: int, value: str | None, before: list[TimeExpr], ref: Reference) -> str | None:
    """``value`` on the article's day (``ref``) when the clock time at ``start`` follows a set in its
    clause ("tous les jours à 7 h 30") or a clock time that does ("de 8 h à 21 h"); else ``value``."""
    clock = _CLOCK.match(value or "")
    if clock is None or not _after_set(text, start, before, len(before) - 1):
        return value
    return (ref.date.isoformat() if ref.date else "XXXX-XX-XX") + clock.group(1)


def _after_set(text: str, start: int, before: list[TimeExpr], i: int) -> bool:
    """Whether ``before[i]`` is a set right before ``start`` in its clause, or a clock time that is."""
    if i < 0:
        return False
    last = before[i]
    if last.start is None or last.end is None or last.end > start:
        return False
    between = text[last.end:start]
    if last.type == "SET":
        return _BETWEEN_SET.fullmatch(between) is not None
    return (last.type == "TIME" and _CLOCK.match(last.value or "") is not None
            and _BETWEEN_CLOCKS.fullmatch(between) is not None and _after_set(text, last.start, before, i - 1))
