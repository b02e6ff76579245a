"""Reading paragraphs: a very long paragraph read as runs of a few sentences (issue 16).

A text dump or a copy-paste that lost its blank lines hands the stage the whole article as one
paragraph; the speaker rules scoped to "the paragraph" (the previous quote's speaker in it, a
pronoun's antecedent in it, its only person, the recent speaker) then reach across the article.
News paragraphs run one to five sentences, so a paragraph of more than ``LONG`` sentences is not
one: it is cut, at sentence ends outside any quote and not after a colon, into runs of ``RUN``
sentences, read by the speaker rules as paragraphs. The quote marks are scanned before (a quote
may run over the bounds of a real paragraph, never over these cuts). Shorter paragraphs are left
as they are. ``LONG`` and ``RUN`` were chosen on the ``merged`` variant of the dev who pages
(tried 8/3, 12/2, 20/3, 20/5, 25/6, 20/8): runs of 3 sentences, close to real paragraphs, cut
chains of speech a real paragraph keeps; long runs keep them and still bound the reach.
"""

from __future__ import annotations

import bisect
from typing import Any

LONG = 20  # more sentences than this: not one paragraph of news writing
RUN = 8  # sentences per reading paragraph cut from a long one
SHORTEST = 12  # characters: a paragraph shorter than LONG sentences of this length is not read


def reading_paragraphs(doc: Any, text: str, segs: list[tuple[int, int]],
                       quote_ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``segs`` with each paragraph of more than ``LONG`` sentences cut into runs of ``RUN``
    sentences, cut only where no quote runs over the sentence end."""
    if not len(doc) or all(e - s < LONG * SHORTEST for s, e in segs):
        return segs  # (most articles: no sentence split read)
    ends = [s.end_char for s in doc.sents]
    out: list[tuple[int, int]] = []
    for start, end in segs:
        inside = ends[bisect.bisect_right(ends, start):bisect.bisect_left(ends, end)]
        if len(inside) < LONG:  # (the paragraph's last sentence ends at or after ``end``)
            out.append((start, end))
            continue
        out += _cut(text, start, end, inside, quote_ranges)
    return out


def _cut(text: str, start: int, end: int, sent_ends: list[int],
         quote_ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of ``RUN`` sentences of paragraph ``start``-``end``; a run goes on over a sentence
    end inside a quote."""
    out: list[tuple[int, int]] = []
    lo, count = start, 0
    for e in sent_ends:
        count += 1
        if count < RUN or any(qs < e < qe for qs, qe in quote_ranges):
            continue
        if text[max(lo, e - 4):e].rstrip().endswith(":"):
            continue  # "Elle a ajouté :" leads into the sentence after it
        nxt = e
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        out.append((lo, e))
        lo, count = nxt, 0
    out.append((lo, end))
    return out
