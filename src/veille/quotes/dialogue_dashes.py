"""A paragraph of someone's words set after a dialogue dash instead of quotation marks, in reported
scenes and testimonies: the French typographic convention for speech in a text.

    Le maire a reçu les riverains dans la salle du conseil.
    — Nous rouvrirons le pont avant l'hiver, je vous le promets.

The paragraph is a quote when it opens on an em or en dash and a space, holds no quotation mark of
its own, has at least ``MIN_WORDS`` words and has "je", "nous" or "vous" in it (a narrator does not
say them; a dashed list item seldom does). Dashed answers right after
questions are the printed interviews of ``labelled_answers``: a page with ``MIN_ANSWERS`` of them
is left to that module. The span is handed to the mark scanner's walk as a quote whose marks are
the dash and the paragraph end, so its incise, cue and speaker are found as for « … ».
"""

from __future__ import annotations

import re

from veille.quotes.labelled_answers import MIN_ANSWERS
from veille.quotes.lost_open import PERSON
from veille.quotes.marks import MARK_FAMILY, WORD, MarkSpan

MIN_WORDS = 8
# PERSON: the speaker speaks as "je" or "nous" or to the listener as "vous" (a possessive alone, "nos
# cantines", is a list item's as well)
DIALOGUE_DASH = re.compile(r"[ \t]*[—–][ \u00a0\u202f]+(?=\w)")


def dialogue_dash_quotes(text: str, segments: list[tuple[int, int]], marks: list[MarkSpan]) -> list[MarkSpan]:
    """The dashed paragraphs of ``text`` that are someone's words, as quote spans (none inside a quote of
    ``marks`` running over paragraphs)."""
    out: list[MarkSpan] = []
    answers = 0
    for k, (s, e) in enumerate(segments):
        dash = DIALOGUE_DASH.match(text, s, e)
        if dash is None:
            continue
        if k and text[segments[k - 1][0]:segments[k - 1][1]].rstrip().endswith("?"):
            answers += 1  # an interview's answer: labelled_answers' layout
            continue
        start, end = dash.end(), len(text[:e].rstrip())
        words = text[start:end]
        if any(c in MARK_FAMILY for c in words) or len(WORD.findall(words)) < MIN_WORDS \
                or PERSON.search(words) is None or any(m.start <= start < m.end for m in marks):
            continue
        out.append(MarkSpan(start, end, [(start, end)], dash.group().strip()[0], False))
    return [] if answers >= MIN_ANSWERS else out
