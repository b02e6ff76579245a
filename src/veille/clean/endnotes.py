"""The notes that close an article: a "Notes" or "Sources" heading, footnotes marked "[1] …", a
"Source : …" or "DOI : …" reference line, a further-reading heading ("Pour en savoir plus"), a
bibliographic reference (a DOI link; authors with their initials and the year in brackets, "Roy, L.,
& Brunel, O. (2021)."; a Vancouver author list, "Roy L, Brunel O, Castel J"). They come after the last paragraph of the text (GUIDELINES:
endnotes, sources and reference lines are no body), so they are cut only as the article's tail:
from the first such line in its second half, when every paragraph from there on is short and at
least half of them are notes. A list of the text marked "1." or "(1)" is never a note (listicles,
an op-ed's demands): only the bracketed footnote mark is."""

from __future__ import annotations

import re

from veille.clean.text import word_count, words

NOTE_MAX_WORDS = 60
CITATION_MAX_WORDS = 150  # a reference may list many authors
_MARK = re.compile(r"^\s*\[\d{1,2}\]\s+\S")
_HEADING = re.compile(r"^\s*(?:notes?|sources?|références|bibliographie|notes et références|références bibliographiques"
                      r"|pour en savoir plus|pour aller plus loin)\s*:?\s*$", re.I)
_REFERENCE = re.compile(r"^\s*(?:sources?|doi|références?)\s*:\s*\S", re.I)
# A reference's DOI; "Surname, I. J., … (2021)" (APA); three "Surname IJ," in a row (Vancouver).
_CITATION = re.compile(r"(?i:\bdoi\.org/10\.|\bdoi\s*:\s*10\.)|^\W{0,3}\d{0,3}\s?[A-Z][\w'’-]+,\s(?:[A-Z]\.[\s-]?){1,3}.{0,900}?"
                       r"\((?:19|20)\d\d[a-z]?\)|(?:\b[A-Z][\w'’-]+\s[A-Z]{1,3},\s){3}")


def _citation(text: str) -> bool:
    return word_count(text) <= CITATION_MAX_WORDS and _CITATION.search(text) is not None


def _note(text: str) -> bool:
    return bool(_MARK.match(text) or _HEADING.match(text) or _REFERENCE.match(text)) or _citation(text)


def drop_endnotes(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the closing notes, and the notes (see the module doc)."""
    n = len(paragraphs)
    for k in range(max(1, (n + 1) // 2), n):
        if not _note(paragraphs[k]):
            continue
        tail = paragraphs[k:]
        if all(len(words(p)) <= NOTE_MAX_WORDS or _citation(p) for p in tail) and 2 * sum(map(_note, tail)) >= len(tail):
            return paragraphs[:k], tail
        return paragraphs, []
    return paragraphs, []
