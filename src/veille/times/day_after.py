"""A time of day whose day is written after it: "en fin de matinée, hier", "à 14 heures, le 20
février", "dans la soirée, vendredi", "peu avant minuit jeudi", "de 14 h à 18 h, samedi".

TimeML anchors a time of day on the day that goes with it (Bittar 2010 for French: "hier à 9 h",
"vers 16 h 10, hier"). The rules read that day when it comes first ("hier en fin de matinée",
"jeudi soir") or for a few fixed orders (``clock_day``, ``clock_then_weekday``, ``part_then_weekday``
of ``rules/time.tsv``); otherwise a bare part of the day or clock time is put on the last day the
text named, which the day written just after it then contradicts. French news writes the day after
the hour in every register (the regional fait divers "vers 22 heures, jeudi, rue …", the agency "à
14 heures, le 20 février", a programme "de 14 h à 18 h, samedi"). So: a TIME that took its day
by default, followed in its clause only by spaces or a comma and then a time of day precision (a
DATE "2024-05-17" or a TIME "2024-05-17TEV"), takes that day; so do the clock times of a range
right before it ("de 14 h à 18 h, samedi"). The two stay apart, as the rules keep them.
"""

from __future__ import annotations

import re

from veille.model import TimeExpr

# The value templates of the TIME rules whose day is the default one (the last day named, or the
# article's own), not one the rule read: "{last}T…", "{daygen}T…".
DEFAULT_DAY_TEMPLATES = ("{last}T", "{daygen}T")
_GAP = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*")
_RANGE_GAP = re.compile(r"\s*(?:à|et|-|–|jusqu['’]à)\s*", re.I)
_ON_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(T.+)$")
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T|$)")
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def day_written_after(text: str, times: list[TimeExpr], defaulted: set[int]) -> None:
    """Moves each TIME of ``times`` (indices in ``defaulted``: its day by default) onto the day of
    the time expression right after it in its clause; in place."""
    moved: set[int] = set()
    for i in sorted(defaulted):
        if i + 1 >= len(times) or i + 1 in defaulted:
            continue
        t, nxt = times[i], times[i + 1]
        day = _DAY.match(nxt.value or "")
        if _ON_DAY.match(t.value or "") is None or day is None or nxt.type not in ("DATE", "TIME"):
            continue
        if t.end is not None and nxt.start is not None and _GAP.fullmatch(text[t.end:nxt.start]):
            _move(t, day.group(1))
            moved.add(i)
    # The first end of a range of clock times whose second end has its day: "de 14 h à 18 h,
    # samedi" (the second end moved above, or read by a rule: ``clock_then_weekday``).
    for j in sorted(defaulted, reverse=True):
        if j + 1 >= len(times) or j in moved or (j + 1 in defaulted and j + 1 not in moved):
            continue
        first, second = times[j], times[j + 1]
        day = _DAY.match(second.value or "")
        if day is None or not (_CLOCK.match(first.value or "") and _CLOCK.match(second.value or "")) \
                or not second.text[:1].isdigit():  # a bare clock time, not "demain à 11 h"
            continue
        if first.end is not None and second.start is not None \
                and _RANGE_GAP.fullmatch(text[first.end:second.start]):
            _move(first, day.group(1))
            moved.add(j)


def _move(t: TimeExpr, day: str) -> None:
    own = _ON_DAY.match(t.value or "")
    if own is not None:
        t.value = day + own.group(2)
