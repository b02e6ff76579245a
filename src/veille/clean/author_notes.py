"""The note presenting the piece's author under the text: "Léa Roy est professeure à l'université
de Valmorin. Elle est l'autrice de « Villes invisibles »." A tribune, a column, a researcher's or a
blogger's piece closes on it (GUIDELINES: author bios are no body); it reads like prose, so the
run of prose carries it. It is one of the last paragraphs, short, opens on a capital (a name, "Il",
"Elle"), names the author's works (``lexicons/clean/author_bios.tsv``: "autrice de", "dernier
ouvrage") outside quotation marks, and nothing but short lines follows it. The author's name or
site set as a short line right above it goes with it, and so does the short paragraph above a note
opening on "Il"/"Elle" (the note's first half). Quoted speech is never one."""

from __future__ import annotations

import re
from functools import lru_cache

from veille.clean.text import FINAL_PUNCT, normalize_line, words
from veille.common.lexicon import rows

BIO_LAST = 3  # the note is one of the article's last paragraphs
BIO_MAX_WORDS = 110
TAIL_MAX_WORDS = 60  # what may follow the note: the author's links, a signature
NAME_MAX_WORDS = 4  # the author's name over the note ("Léa Roy"), or the site's address
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_QUOTED = re.compile(r"^\s*[«\"“—–-]")
_PRONOUN = re.compile(r"^(?:Il|Elle)\s")


@lru_cache(maxsize=1)
def _cue() -> re.Pattern[str]:
    cues = sorted((normalize_line(c[0]) for c in rows("clean/author_bios.tsv", min_columns=2)), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(c) for c in cues)})(?=\w|\W|$)")


def is_author_bio(text: str) -> bool:
    """A short paragraph opening on a capital that names the author's works (see the module doc)."""
    n = len(words(text))
    if not n or n > BIO_MAX_WORDS or _QUOTED.match(text) or not text.lstrip()[:1].isupper():
        return False
    norm = normalize_line(text)
    m = _cue().search(norm)
    # (Not inside quotation marks: "Dieu est « l'auteur de la beauté »" is somebody's words.)
    return m is not None and norm.count("«", 0, m.start()) <= norm.count("»", 0, m.start()) \
        and norm.count('"', 0, m.start()) % 2 == 0 and norm.count("“", 0, m.start()) <= norm.count("”", 0, m.start())


def _name_line(text: str) -> bool:
    return bool(_URL.match(text.strip())) or len(words(text)) <= NAME_MAX_WORDS and not FINAL_PUNCT.search(text)


def drop_author_bios(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the author's closing note, and the note (see the module doc)."""
    n = len(paragraphs)
    for k in range(max(1, n - BIO_LAST), n):
        if not is_author_bio(paragraphs[k]):
            continue
        if any(len(words(p)) > TAIL_MAX_WORDS and not is_author_bio(p) for p in paragraphs[k + 1:]):
            return paragraphs, []
        if _PRONOUN.match(paragraphs[k]) and k > 1 and len(words(paragraphs[k - 1])) <= TAIL_MAX_WORDS:
            k -= 1  # "Il est l'auteur de …" goes on the note above it ("Jean Castel est professeur …")
        while k > 1 and _name_line(paragraphs[k - 1]) and k > n - BIO_LAST - 2:
            k -= 1
        return paragraphs[:k], paragraphs[k:]
    return paragraphs, []
