"""The shared TimeBank scorer's pairing of gold and predicted times, for the tools that break its figure down.

``shared/eval/timebank.py`` pairs each gold TIMEX3, in order, with the first unused located prediction at
the same offsets, else with the first unused one that overlaps it. The tools here (``times_cv``,
``times_kinds``, ``timebank_mentions``) count what that pairing gives; they read it from this one place
so that their counts stay those of the scorer.
"""

from __future__ import annotations

from collections.abc import Iterator


def pairs(located: list[tuple[int, int, int]], timex: list[dict]) -> Iterator[tuple[dict, int | None, bool]]:
    """(gold, index of the paired prediction or None, whether the offsets are the same), for each gold time;
    ``located`` holds (start, end, prediction index) as the scorer's ``locate`` gives them."""
    used: set[int] = set()
    for g in timex:
        hit: tuple[int, bool] | None = None
        for s, e, i in located:
            if i in used:
                continue
            if s == g["start"] and e == g["end"]:
                hit = (i, True)
                break
            if s < g["end"] and g["start"] < e and hit is None:
                hit = (i, False)
        if hit is None:
            yield g, None, False
        else:
            used.add(hit[0])
            yield g, hit[0], hit[1]


def unpaired(located: list[tuple[int, int, int]], paired: set[int]) -> list[int]:
    """The prediction indices located but paired with no gold time (the scorer's extras)."""
    return [i for _s, _e, i in located if i not in paired]
