"""A paragraph of someone's words whose opening mark the page lost: "Nous avons tout perdu en une nuit.
Nous repartirons de zéro. »" (the mark was in a block the dump dropped, or the site never printed it).

Such a paragraph closes a mark it never opened; with no cue after it, it is still speech when it is a
whole paragraph in the first person, as testimony is: the narrator of a news story does not say "je" or
"nous". Third-person prose ending on a stray mark stays out.
"""

from __future__ import annotations

import re

from veille.quotes.marks import MARK_FAMILY, MarkSpan
from veille.quotes.state import ArticleState

MIN_WORDS = 8  # shorter: a heading or a fragment, not a testimony
# the speaker speaks of themself or of their group: "je", "j'", "me", "moi", "mon", "nous", "notre"…
FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:je|j['’]|moi|me|m['’]|mon|ma|mes|nous|notre|nos)(?![\w-])", re.I)


def unopened_testimony(state: ArticleState, m: MarkSpan) -> bool:
    """Example a paragraph "Ils m'ont menti pendant des mois, je ne leur pardonnerai jamais. »": the whole
    paragraph up to a closing mark it never opened, in the first person, is a quote."""
    if not m.missing_open:
        return False
    ps, pe = state.seg_of(m.start)
    text = state.text
    if text[ps:m.start].strip() or text[m.end:pe].strip(" \t\n.…!?" + "".join(MARK_FAMILY)):
        return False
    words = text[m.start:m.end]
    return state.words(m.start, m.end) >= MIN_WORDS and FIRST_PERSON.search(words) is not None
