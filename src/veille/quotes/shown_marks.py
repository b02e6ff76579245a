"""Marks that hold words a thing shows, not words somebody says: a banner's, a placard's or a slogan's
words ("ils ont déployé une banderole « on ne lâche rien »"), whatever their case (``named_marks.py``
keeps a title noun's marks only when they open on a capital), and the words read on such a thing
("une pancarte, où l'on peut lire « merci aux soignants »").

Words in ``lexicons/quotes/named_in_marks.tsv`` (groups ``sign`` and ``reading``).
"""

from __future__ import annotations

import re

from veille.common.fold import bare
from veille.quotes.marks import MARK_FAMILY, MarkSpan
from veille.quotes.state import ArticleState
from veille.quotes.words import READING_PHRASES, SIGN_NOUNS

_LEAD = 200  # characters read before the mark


def _ending_on(words: frozenset[str] | set[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?:^|[\s'])(?:" + alternation + r")\s*:?\s*$")


_SIGN_END = _ending_on(SIGN_NOUNS)
_READING_END = _ending_on(READING_PHRASES)
_SIGN_ANYWHERE = re.compile(r"(?:^|[\s'])(?:" + "|".join(
    re.escape(w) for w in sorted(SIGN_NOUNS, key=len, reverse=True)) + r")\b")
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=\S)")


def shown_in_marks(state: ArticleState, m: MarkSpan) -> bool:
    """Example "ils ont déployé une banderole « on ne lâche rien »", "défiler sous le slogan « pas un de
    plus »", "une pancarte, où l'on peut lire « merci aux soignants »": the marks hold what a thing
    shows (the noun of that thing right before the mark, or a reading phrase after it in the same
    sentence), not somebody's words."""
    text = state.text
    ps, _ = state.seg_of(m.start)
    before = text[max(ps, m.start - _LEAD):m.start].rstrip(" \u00a0\u202f")
    while before and before[-1] in MARK_FAMILY:
        before = before[:-1].rstrip(" \u00a0\u202f")
    folded = bare(before).replace("’", "'")
    if not folded:
        return False
    if _SIGN_END.search(folded):
        return True
    reading = _READING_END.search(folded)
    if reading is None:
        return False
    sentence = _SENTENCE_END.split(folded[:reading.start()])[-1]
    return bool(_SIGN_ANYWHERE.search(sentence))
