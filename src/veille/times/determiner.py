"""The determiner of a day written in digits or with an abbreviated month: "le 03/03/2024", "ce 20 sept.".

TimeML extents keep the article or demonstrative of a day ("le 3 mars", "ce 20 septembre" are marked
whole: the French TimeBank and the team's gold do); the calendar matcher (``veille.common.timespans``)
reads "le" only before a day with its month in letters, so "le 03/03/2024" and "ce 20 sept." lost
it. Issue 12, round 28: the dev days rewritten as numeric dates (``bench/times_perturb.py``) lost
their extent on 11 TimeBank dev articles and 40 real dev sites (73 items), "ce 20 sept." on 3 sites.
"""

from __future__ import annotations

import re

# "le" / "ce" right before the day, not inside a longer word ("celle 3/3" cannot occur, but "Ce" can
# open the sentence).
_BEFORE = re.compile(r"(?<![\w-])(?:le|ce)\s+$", re.I)
_LOOKBACK = 8


def determiner_start(text: str, start: int, kind: str, extent: str) -> int:
    """Where a calendar day's extent starts once its "le" / "ce" is taken in; ``start`` when it has none.

    Only for a day whose extent opens on its number: a numeric date ("03/03/2024") or a day and month
    ("20 sept."), never a month or a year alone ("le 2024" is not written)."""
    if kind not in ("numeric", "date") or not extent[:1].isdigit():
        return start
    lead = _BEFORE.search(text, max(0, start - _LOOKBACK), start)
    return lead.start() if lead else start
