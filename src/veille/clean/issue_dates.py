"""A print issue's month as the article's date (issue 11): magazines reprinting a print article on
their site date it by the issue, a month and a year alone ("Février 2008" over "Le Magazine n°
332", "daté octobre 2020 - 1431 mots" under "Awa Koné dans mensuel 476", "Septembre 2000, page
22"), at the precision printed (``YYYY-MM``). Read in the article's head only, when the page gives
no dated stamp, and only beside a word naming the issue (``lexicons/clean/issue_cues.tsv``): a
month and a year alone are also an archive's menu item or a teaser's date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from veille.clean.text import line_key, words
from veille.common.dates import month_number
from veille.common.lexicon import rows

ISSUE_REACH = 2  # lines around the month where the issue's number or kind may be named
ISSUE_MAX_WORDS = 8
# "Février 2008", "> Septembre 2000, page 22", "daté octobre 2020 - 1431 mots": the month opens the
# line (after a breadcrumb's mark or "daté"), no day before it.
_MONTH_YEAR = re.compile(r"^\s*(?:>\s*)?(?:daté(?:e)?\s+(?:d['’]\s*|de\s+)?)?(?P<month>[A-Za-zÀ-ÿ]{4,9})\s+"
                         r"(?P<year>(?:19|20)\d\d)(?![\d/.-]\d)(?P<rest>.*)$", re.I)
_REST = re.compile(r"^\s*(?:[,\-–—|•]\s*(?:page\s+\d+|\d+\s+mots|n°\s*\d+))?\s*$", re.I)


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    table = rows("clean/issue_cues.tsv", min_columns=2)

    def alt(side: str) -> str:
        return "|".join(re.escape(c[0]) for c in sorted(table, key=lambda c: -len(c[0])) if c[1] == side) or "(?!)"

    # The cue with its number: "n° 332", "mensuel 476", "page 22"; "1431 mots".
    return re.compile(rf"(?<!\w)(?:{alt('after')})\s*\d|\d\s*(?:{alt('before')})(?!\w)", re.I)


def issue_month_of(line: str) -> str | None:
    """"2008-02" for a line that is a month and a year alone (maybe "daté", a page or a word count
    after it), else None."""
    if len(words(line)) > ISSUE_MAX_WORDS:
        return None
    m = _MONTH_YEAR.match(line)
    if m is None or not _REST.match(m.group("rest")):
        return None
    month = month_number(m.group("month"))
    return f"{m.group('year')}-{month:02d}" if month else None


def issue_month(lines: Sequence[str | None]) -> str | None:
    """The print issue's month among the lines of an article's head (None for lines not read):
    the first month-and-year line with a word naming the issue on it or within ``ISSUE_REACH``
    lines ("n° 332", "mensuel 476", "page 22")."""
    cue = _cue_pattern()
    for i, line in enumerate(lines):
        if not line or not any(ch.isdigit() for ch in line):
            continue
        month = issue_month_of(line)
        if month is None:
            continue
        near = [t for t in lines[max(0, i - ISSUE_REACH):i + ISSUE_REACH + 1] if t]
        if any(cue.search(t) for t in near):
            return month
    return None


HTML_HEAD_REACH = 12  # lines above an HTML page's first paragraph where its issue line may sit
HTML_BODY_REACH = 3  # and lines into the article


def html_issue_month(lines: Sequence[str], first_paragraph_key: str | None) -> str | None:
    """``issue_month`` among an HTML page's lines around its first paragraph (``line_key``)."""
    if not first_paragraph_key:
        return None
    at = next((i for i, ln in enumerate(lines) if line_key(ln) == first_paragraph_key), None)
    if at is None:
        return None
    return issue_month(lines[max(0, at - HTML_HEAD_REACH):at + HTML_BODY_REACH])
