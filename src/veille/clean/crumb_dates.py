"""A breadcrumb whose last item is the article's day ("Accueil > International > 3 mars 2024").

Some templates close the trail above the headline on the day of publication instead of the page's
name; the text browser prints it as one line of crumbs. No stamp reader took it: no cue, and the
section names beside the date are no weekday or initials (``shapes.is_date_stamp``). Issue 11,
round 27 (``bench/published_perturb.py``, variant ``breadcrumb``: with the article's other prints
of its day removed, 43 of 173 dev pages, 35 sites, were left undated or dated by another day).

Only a trail is read: two items or more, set apart by the same spaced mark (">", "›", "»", "/",
"|"), every item before the date short and figure-free (section names), the last item a full date
alone (a weekday and an hour may go with it). The date is a bare date of the head, read after its
cued stamps, like a date line above the headline.
"""

from __future__ import annotations

import re

from veille.clean.shapes import is_date_stamp
from veille.clean.text import words
from veille.common.dates import find_date_in_line

_SEPARATOR = re.compile(r"\s+([>›»/|])\s+")
CRUMB_MAX_WORDS = 4  # a section's name in a trail ("Monde", "Faits divers", "Vie locale")
TRAIL_MAX_ITEMS = 6
_SENTENCE_MARK = re.compile(r"[.!?:;,«»\"“”]|\d")


def crumb_date(line: str) -> str | None:
    """The date closing a breadcrumb trail, or None when ``line`` is no such trail."""
    marks = _SEPARATOR.findall(line)
    if not marks or len(set(marks)) > 1 or len(marks) >= TRAIL_MAX_ITEMS:
        return None
    items = [item.strip() for item in _SEPARATOR.split(line)[::2]]
    *crumbs, last = items
    if not all(crumbs) or any(len(words(c)) > CRUMB_MAX_WORDS or _SENTENCE_MARK.search(c) for c in crumbs):
        return None
    parts = find_date_in_line(last)
    if parts is None or parts.year is None or not is_date_stamp(last):
        return None
    return last
