"""A clock time told of a recurrence: "chaque soir à 20 heures", "ouvert tous les jours de 8 h à
21 h", "le jeudi jusqu'à 22 heures". The time recurs with the set before it; it is on no one day, so
its value keeps the clock and leaves the day open (TimeML ``XXXX-XX-XXT20:00``), instead of the last
day the text named (often a date of another paragraph). Seen on national, regional, Swiss and
business news sites, in schedules, programme times and newsletter notices (team audit, 2026-12-04).
"""

from __future__ import annotations

import re

from veille.model import TimeExpr

# What may stand between the set (or the recurring clock time before) and the clock time: a
# preposition of time or of a range ("à", "dès", "à partir de", "de … à", "jusqu'à", "vers", "entre").
_BETWEEN_SET = re.compile(r"[\s,]*(?:(?:à\s+partir\s+de|jusqu['’]à|à|dès|de|vers|entre|avant|après)\s*)?$", re.I)
_BETWEEN_CLOCKS = re.compile(r"\s*(?:à|et|-|–|jusqu['’]à)\s*$", re.I)
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})$")
_WEEKDAY_SET = re.compile(r"^XXXX-WXX-[1-7]$")
_OPEN_DAY = re.compile(r"^(XXXX-XX-XX|XXXX-WXX-[1-7])T\d{2}:\d{2}$")


def recurring_clock(text: str, start: int, value: str | None, before: list[TimeExpr]) -> str | None:
    """``value`` with its day left open when the clock time at ``start`` follows a set in its clause
    ("tous les jours à 7 h 30") or a clock time that does ("de 8 h à 21 h"); else ``value``."""
    clock = _CLOCK.match(value or "")
    if clock is None or not before:
        return value
    last = before[-1]
    if last.start is None or last.end is None or last.end > start:
        return value
    between = text[last.end:start]
    if last.type == "SET" and _BETWEEN_SET.fullmatch(between):
        # "le dimanche à 14 h 30": the weekday of the set stays ("XXXX-WXX-7T14:30")
        weekday = _WEEKDAY_SET.match(last.value or "")
        return (weekday.group(0) if weekday else "XXXX-XX-XX") + clock.group(1)
    if last.type == "TIME" and _OPEN_DAY.match(last.value or "") and _BETWEEN_CLOCKS.fullmatch(between):
        return _OPEN_DAY.match(last.value or "").group(1) + clock.group(1)  # type: ignore[union-attr]
    return value
