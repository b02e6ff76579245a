"""A stamp's numeric date with its year in two figures ("14/05/23 à 08:40"), written in full.

Templates that print ``%d/%m/%y`` set the date in a byline or stamp line with other items: an
hour ("J.R. - 14/05/23 à 08:40 - Temps de lecture"), an update ("17/09/20 - Mis à jour le …"), a
name ("13/06/17 - La rédaction"). The stamp readers of a dump look for a four-figure year: such a
line gave no date, or the date of another item won. Issue 11, round 25 (``bench/page_perturb.py``,
variant ``date-short``: the dev pages' own stamps so printed). Figures alone may be a score, a
reference or a version, so only a short unit (a stamp line, never a paragraph) is read, the day
and month in two figures each, the date valid, and an hour beside it or the unit short and no
sentence. Round 28 (``bench/published_perturb.py``, variant ``dots-short``): a date set as an
item before the update or the reading time ("A.B. - 14.05.23 - Temps de lecture : 3 min",
"… 14h59 ^. 14.05.23 - Mis à jour le …", cues in ``lexicons/clean/short_year_items.tsv``) or
closing an author's byline ("Par Léa Dumont, 14.05.23.") is a stamp's date too, hour or not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.common.dates import valid_date
from veille.common.lexicon import rows

# The day and month in two figures, the same separator twice, two figures of year, no more figures.
_SHORT_NUMERIC = re.compile(r"(?<![\d/.,])(?P<day>[0-3]\d)(?P<sep>[/.])(?P<month>[01]\d)(?P=sep)(?P<yy>\d\d)(?![\d/]|\.\d)")
_HOUR_AFTER = re.compile(r"\s*(?:[,|–—-]\s*)?(?:à\s+|at\s+)?[0-2]?\d\s?[h:]\s?[0-5]\d\b", re.I)
_HOUR_BEFORE = re.compile(r"\b[0-2]?\d\s?[h:]\s?[0-5]\d\s*(?:[,|–—-]\s*)?(?:le\s+)?$", re.I)
STAMP_UNIT_MAX_WORDS = 16  # a stamp line with its author, rubric, reading time; no paragraph
SHORT_UNIT_MAX_WORDS = 6  # a unit this short is a stamp even without an hour ("13/06/17 - La rédaction")
CENTURY_PIVOT = 69  # as ``strptime``'s %y: 00-68 are 20xx, 69-99 19xx
ITEM_UNIT_MAX_WORDS = 30  # a stamp line glued to its byline (the stamp readers' own bound)
# "Par Léa Dumont, " before a date that closes the unit: the author's dated byline.
_BYLINE_BEFORE = re.compile(r"^\s*(?:[Pp]ar|PAR|[Bb]y)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:de\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]*){0,3}"
                            r"\s*[,|•–—-]\s*$")


@lru_cache(maxsize=1)
def _item_after() -> re.Pattern[str]:
    """An item cue right after the date (``lexicons/clean/short_year_items.tsv``), past a separator."""
    cues = sorted((cols[0] for cols in rows("clean/short_year_items.tsv")), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, cue.split())) for cue in cues)
    return re.compile(rf"\s*(?:[,|•–—-]\s*)?(?:{alternatives})\b", re.I)


def _stamp_item(text: str, m: re.Match[str], n_words: int) -> bool:
    """The date is an item of a stamp line: before the update or the reading time, or closing
    the author's byline."""
    if n_words <= ITEM_UNIT_MAX_WORDS and _item_after().match(text, m.end()):
        return True
    return text[m.end():].strip() in ("", ".") and _BYLINE_BEFORE.match(text[:m.start()]) is not None


def full_years(text: str) -> str:
    """``text`` with each stamp-like two-figure-year date written with its full year."""
    if "/" not in text and "." not in text:
        return text
    n_words = len(text.split(None, ITEM_UNIT_MAX_WORDS))  # (exact up to the bound, over it past the bound)
    if n_words > ITEM_UNIT_MAX_WORDS:
        return text
    # A short unit without an hour is a stamp only when it is no sentence ("Le marché du 12/03/24
    # est reporté." stays as written).
    short = n_words <= SHORT_UNIT_MAX_WORDS and not text.rstrip().endswith((".", "!", "?"))
    out, last = [], 0
    for m in _SHORT_NUMERIC.finditer(text):
        yy = int(m.group("yy"))
        year = 2000 + yy if yy < CENTURY_PIVOT else 1900 + yy
        if not valid_date(year, int(m.group("month")), int(m.group("day"))):
            continue
        if not _stamp_item(text, m, n_words) and (n_words > STAMP_UNIT_MAX_WORDS or not short and not _HOUR_AFTER.match(
                text, m.end()) and not _HOUR_BEFORE.search(text[:m.start()])):
            continue
        out.append(text[last:m.start("yy")] + str(year))
        last = m.end()
    return "".join(out) + text[last:] if out else text
