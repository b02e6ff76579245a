"""The notes that close an article: a "Notes" or "Sources" heading, footnotes marked "[1] …", a
"Source : …" or "DOI : …" reference line. They come after the last paragraph of the text (GUIDELINES:
endnotes, sources and reference lines are no body), so they are cut only as the article's tail:
from the first such line in its second half, when every paragraph from there on is short and at
least half of them are notes. A list of the text marked "1." or "(1)" is never a note (listicles,
an op-ed's demands): only the bracketed footnote mark is."""

from __future__ import annotations

import re

from veille.clean.text import words

NOTE_MAX_WORDS = 60
_MARK = re.compile(r"^\s*\[\d{1,2}\]\s+\S")
_HEADING = re.compile(r"^\s*(?:notes?|sources?|références|bibliographie|notes et références)\s*:?\s*$", re.I)
_REFERENCE = re.compile(r"^\s*(?:sources?|doi|références?)\s*:\s*\S", re.I)


def _note(text: str) -> bool:
    return bool(_MARK.match(text) or _HEADING.match(text) or _REFERENCE.match(text))


def drop_endnotes(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the closing notes, and the notes (see the module doc)."""
    n = len(paragraphs)
    for k in range(max(1, (n + 1) // 2), n):
        if not _note(paragraphs[k]):
            continue
        tail = paragraphs[k:]
        if all(len(words(p)) <= NOTE_MAX_WORDS for p in tail) and 2 * sum(map(_note, tail)) >= len(tail):
            return paragraphs[:k], tail
        return paragraphs, []
    return paragraphs, []
