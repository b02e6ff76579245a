"""A quote running over several paragraphs read as one paragraph by the speaker rules (issue 16).

French copy sets a long testimony over paragraphs, each reopening with « and only the last closing
(``marks.scan_quote_marks`` reads it as one quote with a piece a paragraph). The speaker rules scoped
to "the paragraph" and the scorer's paragraph distances (the previous quote's speaker in the
paragraph, the recent speaker in this or the previous paragraph, how many paragraphs back a person
was named) would count each continued paragraph as a new one, so a quote cut over three paragraphs
pushes the speaker named before it two paragraphs further off than the same words in one paragraph
would. The paragraphs one quote runs over are joined into one reading paragraph, from the start of
the paragraph the quote opens in to the end of the one it closes in, when each reopens with a mark.
"""

from __future__ import annotations

import bisect

from veille.quotes.marks import MARK_FAMILY, MarkSpan


def join_continued(text: str, segs: list[tuple[int, int]], marks: list[MarkSpan]) -> list[tuple[int, int]]:
    """``segs`` (sorted reading paragraphs of ``text``) with the paragraphs each quote of ``marks`` runs
    over joined into one, when every paragraph it goes on in reopens with a mark (a quote carried over
    a paragraph with no reopening mark is a guess of the scanner's, and may be a long paragraph)."""
    starts = [s for s, _ in segs]
    joined_to = list(range(len(segs)))  # paragraph index -> index of the first paragraph it is joined to
    for m in marks:
        if len(m.pieces) < 2 or not all(_reopened(text, s) for s, _ in m.pieces[1:]):
            continue
        first = bisect.bisect_right(starts, m.pieces[0][0]) - 1
        last = bisect.bisect_right(starts, m.pieces[-1][0]) - 1
        if first < 0:
            continue
        for k in range(first + 1, last + 1):
            joined_to[k] = joined_to[first]
    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(segs):
        if k and joined_to[k] != k:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _reopened(text: str, start: int) -> bool:
    """Whether a quotation mark opens the paragraph piece starting at ``start``."""
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0\u202f":
        k -= 1
    return k >= 0 and text[k] in MARK_FAMILY
