"""Marks that hold the answer a poll offered, not somebody's words: "50 % des sondés estiment que
« … »", "la majorité des personnes interrogées jugent « … »". The subject of the cue is a share of the
people polled; what they "say" is the wording of the answer they picked, printed in marks.

Words in ``lexicons/quotes/poll_shares.tsv``.
"""

from __future__ import annotations

import re

from veille.common import lexicon
from veille.common.fold import bare

_groups = lexicon.groups("quotes/poll_shares.tsv")


def _alternation(words: frozenset[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = r"\d+(?:[.,]\d+)?"
_WORD_NUMBER = r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|" + _NUMBER + r")"
# "50 %", "50 pour cent", "un tiers des", "la majorité des", "sept … sur dix" at the head of the subject
_SHARE_HEAD = re.compile(
    r"^(?:(?:" + _alternation(_groups["lead"]) + r")\s+)?(?:"
    + _NUMBER + r"\s*(?:%|pour\s*cent)"
    + r"|(?:la|une|un|les)\s+(?:" + _alternation(_groups["share"]) + r")\s+(?:des?|d')"
    + r"|" + _WORD_NUMBER + r"\s+(?:[\w-]+\s+){0,2}sur\s+(?:dix|10|cent|100)\b)")
_RESPONDENTS = re.compile(r"\b(?:" + _alternation(_groups["respondents"]) + r")\b")


def poll_share(subject: str | None) -> bool:
    """Example "50 % des sondés", "dont 60 %", "la majorité des Français", "sept Français sur dix", "les
    personnes interrogées": a cue subject that is a share of the people a poll asked."""
    if not subject:
        return False
    folded = re.sub(r"\s+", " ", bare(subject).replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")).strip()
    return bool(_SHARE_HEAD.search(folded) or _RESPONDENTS.search(folded))
