"""Curly marks that do not pair as written: a page that mixes two smart-quote settings sets some
openings as ” and some closings as “ ("” Nous partirons demain ”, a-t-il dit", "“ Rien n'est joué “."),
and read by their glyph the quote opens on its closing mark and runs to the paragraph end or takes the
narrator's words before it.

In such a paragraph the glyph says nothing, and the marks are paired as straight marks are, by their
position: a mark with words after it and no punctuation opens, the next one closes (the scanner's
straight-mark reading in ``marks.py``). A paragraph is read so when its curly marks fail to pair as
written: a ” closing nothing that has a word after it while more curly marks follow it (a ” before a
comma or a full stop closes a quote whose opening was lost or set in the paragraph before), or two
marks or more left open at the paragraph end with no nested quote closed in it. Only a paragraph with
an even number of curly marks is read so (pairs to make; an odd count is a quote going on, or a mess
the glyphs read better). Plain string code, as ``marks.py``.
"""

from __future__ import annotations

OPENING, CLOSING = "“", "”"
STRAIGHT = '"'


def curly_read_by_position(text: str, segments: list[tuple[int, int]]) -> str:
    """``text`` with the curly marks of each paragraph whose curly marks do not pair as written set as
    straight marks (same length, so every offset stays)."""
    chars: list[str] | None = None
    for s, e in segments:
        marks = [j for j in range(s, e) if text[j] in (OPENING, CLOSING)]
        if len(marks) % 2 or _pairs_as_written(text, s, marks):
            continue
        if chars is None:
            chars = list(text)
        for j in marks:
            chars[j] = STRAIGHT
    return text if chars is None else "".join(chars)


def _pairs_as_written(text: str, s: int, marks: list[int]) -> bool:
    depth, nested = 0, False
    for k, j in enumerate(marks):
        if text[j] == OPENING:
            depth += 1
        elif depth:
            nested = nested or depth >= 2
            depth -= 1
        elif k + 1 < len(marks) and _word_after(text, j, marks[k + 1]):
            return False  # a ” with no “ open before it, words after it and more marks to come
    # “ A “ B: two quotes whose closings were set as openings, unless a quote nested in another closes
    # in the paragraph (“ A “ B ” C: the marks nest as written, one quote's closing lost)
    return nested or depth < 2


def _word_after(text: str, j: int, stop: int) -> bool:
    """Whether the first character after the mark at ``j`` (spaces skipped, before ``stop``) starts a word."""
    rest = text[j + 1:stop].lstrip()
    return bool(rest) and rest[0].isalnum()
