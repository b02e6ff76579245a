"""A date printed next to the headline in a shape no stamp rule knows (issue 11).

Templates put the article's date in the few lines around its headline, but not always in a shape
the stamp readers expect: glued to the rubric after the author ("Par Léa Roy Mode21 mars 2014"
above the headline), after a label the cue list lacks, beside a kicker, in English order. On the
dev dumps (corpus and outside pages), the first short line within a few units of the headline that
closes on a full date, read as below, gives the article's day on 89 pages of 90 where it finds one
(the miss: a court decision's reference under the byline; before the exclusions below, captions
with their credit, a related video's day and a teaser's "date - headline" line also came up). So
it is read only when the head, the foot and the cued stamps gave nothing, and it is weak as a far
stamp is: the page's own URL date or a dateline says better (``metadata``).

Not read: a sentence (closing mark), a caption (a credit, a photo label), the masthead's clock, a
line of a list of dated teasers, a line whose date is followed by a headline's words, a line under
a related-links heading.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from veille.clean.dump import Unit
from veille.clean.head_stamps import related_heading
from veille.clean.stamps import closes_on_date, is_page_clock
from veille.clean.text import FINAL_PUNCT, is_prose, words
from veille.common.dates import find_date_in_line

# Units from the headline, nearest first: under it, then above it (a byline over the headline),
# then further under it (a standfirst may come first).
OFFSETS = (1, 2, 3, -1, -2, 4, 5, -3)
OFFSETS_MAX = max(OFFSETS)
LINE_MAX_WORDS = 12
_CREDIT = re.compile(r"©|\b(?:photo|crédit|credit|illustration|vidéo|video)\b", re.I)
_TEXT_UNITS = frozenset({"text", "heading"})


def near_headline(us: Sequence[Unit], title_at: int | None, skip: Collection[int] = (),
                  end: int | None = None) -> str | None:
    """The first short line near the headline (unit ``title_at``) that closes on a full date, or
    None; units in ``skip`` (teaser lists) are not read, nor those from ``end`` on (the readers'
    thread) or past the article's head (its second paragraph: a short article's foot is no head)."""
    if title_at is None:
        return None
    end = len(us) if end is None else end
    prose = [j for j in range(title_at + 1, min(end, title_at + OFFSETS_MAX + 1)) if us[j].kind == "text" and is_prose(us[j].text)]
    end = min(end, prose[1]) if len(prose) > 1 else end
    # Nor under a related-links heading ("À lire aussi"): its dates are the teasers'.
    end = next((j for j in range(title_at + 1, min(end, title_at + OFFSETS_MAX + 1)) if related_heading(us[j].text)), end)
    for off in OFFSETS:
        i = title_at + off
        if not 0 <= i < end or i in skip:
            continue
        text = us[i].text
        if us[i].kind not in _TEXT_UNITS or not any(map(str.isdigit, text)) or len(words(text)) > LINE_MAX_WORDS \
                or FINAL_PUNCT.search(text) or _CREDIT.search(text) or is_page_clock(text):
            continue
        day = find_date_in_line(text)  # (any order: "21 mars 2014", "March 21, 2014", "21/03/14")
        if day is not None and day.year and closes_on_date(text):
            return text
    return None
