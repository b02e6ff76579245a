"""A clock time of the small hours told after a night: the next day's.

The rules put a clock time with no day of its own on the last day the text named (``{last}T…``). A
narrative that runs through a night does not name the new day: "Dans la nuit de vendredi à samedi, … Vers 3
heures, …" (TimeML's value of the night is Friday's, the clock is Saturday's), "la nuit de lundi à mardi,
vers 1 h 15" (Tuesday, 01:15, as the real-page dev gold marks such a clock). So: a TIME that took its day
by default, on the same day as the time told just before it, which is that day's night, moves to the next
day when its hour is one of the small hours; the morning times that follow it in the same paragraph on the old
day, also by default, go with it ("… à 4 h 30, …", "Au matin, …"). After an evening or an evening's clock
the day stays: "le bal débutera à 21 h et finira vers 2 h du matin" and "ce soir à 0 h 10" keep the day the
narrative is on in the team's check set and in the French TimeBank dev gold, so the small hours there belong
to that evening's day. Which parts and hours count is data: rows ``small_hours`` and ``late_before`` of
``lexicons/times/normalization/clock_anchors.tsv`` (``late_before`` "NI", with ";H" a first evening hour
whose clock times would count too). A pluperfect in the clock's own sentence ("Le feu avait pris vers 2 heures")
tells an earlier moment, and the day stays.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from veille.common.lexicon import rows
from veille.model import TimeExpr

TABLE = "times/normalization/clock_anchors.tsv"
_ON_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(T.*)?$")
_CLOCK = re.compile(r"^T(\d{2}):\d{2}")
# "ce soir à 0 h 10": the clock said as the evening's own (a broadcast, a late show) keeps its day
_ATTACHED = re.compile(r"[\s,]*(?:(?:à|vers|dès|jusqu['’]à)\s*)?", re.I)
_EARLIER = re.compile(r"(?<![\w-])(?:avai(?:s|t|ent)|avions|aviez)(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _limits() -> tuple[range, frozenset[str], int]:
    """(the small hours, the parts of the day that reach them, the first hour of the evening)."""
    cells = {r[0]: r[3] for r in rows(TABLE, min_columns=4)}
    first, last = (int(h) for h in cells["small_hours"].split("-"))
    parts, _, evening = cells["late_before"].partition(";")
    return range(first, last + 1), frozenset(parts.split()), int(evening) if evening else 25


def _late(rest: str, parts: frozenset[str], evening: int) -> bool:
    clock = _CLOCK.match(rest)
    return rest[1:] in parts if clock is None else int(clock.group(1)) >= evening


def past_midnight(text: str, times: list[TimeExpr], defaulted: dict[int, str | None]) -> None:
    """Moves the small-hours clock times of ``times`` (``defaulted``: index -> value of the TIMEs whose
    day is the default one, before any other pass moved them) to the day after a night told before them;
    in place."""
    small, parts, evening = _limits()
    prev: TimeExpr | None = None
    crossed: str | None = None  # the day left behind when a clock time moved past midnight
    for i, t in enumerate(times):
        own = _ON_DAY.match(t.value or "")
        if own is None or t.type not in ("DATE", "TIME"):
            continue
        day, rest = own.group(1), own.group(2) or ""
        if i in defaulted and defaulted[i] == t.value and prev is not None and rest:
            before = _ON_DAY.match(prev.value or "")
            gap = text[prev.end:t.start] if prev.end is not None and t.start is not None else ""
            clock = _CLOCK.match(rest)
            if crossed == day and "\n" not in gap and (rest == "TMO" or clock is not None and int(clock.group(1)) < 12):
                _next_day(t, day, rest)  # the same night's morning goes on: "… à 4 h 30, …", "Au matin, …"
            elif before and before.group(1) == day and before.group(2) and clock and int(clock.group(1)) in small \
                    and _late(before.group(2), parts, evening) and not _EARLIER.search(_clause(text, t)) \
                    and not (before.group(2) == "TEV" and _ATTACHED.fullmatch(gap)):
                _next_day(t, day, rest)
                crossed = day
            else:
                crossed = None
        else:
            crossed = None
        prev = t


def _clause(text: str, t: TimeExpr) -> str:
    """The sentence part that holds ``t``: between the punctuation around it."""
    if t.start is None or t.end is None:
        return ""
    start = max(text.rfind(p, 0, t.start) for p in ".!?;\n") + 1
    ends = [e for e in (text.find(p, t.end) for p in ".!?;\n") if e >= 0]
    return text[start:min(ends) if ends else len(text)]


def _next_day(t: TimeExpr, day: str, rest: str) -> None:
    t.value = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat() + rest
