"""Where a quote starts when the page lost its opening mark and kept the closing one ("Il a déclaré :
Nous ne céderons pas », a-t-il ajouté, la ville restera ouverte. »").

The scanner (``marks.py``) reads a closing mark with no opening one as a quote running from its
paragraph start. Marks of position tell a later start: a colon before the words (the speech verb's
colon: the quote starts after it, not with the narrator's words that introduce it); after a quote
closed in the same paragraph, the incise that follows that quote (", a-t-il ajouté,": the second part
starts after the incise's comma); and, when an incise follows the closing mark (", a déclaré X"), the
sentence the mark ends, with the sentences before it that speak in the first person or to a "vous" (a
narrator's sentence is in the third person), else the end of the quote before. A stray mark after a
quote with no incise after it starts nothing. Only » and ” are read so: a straight " tells no direction.
Plain string code, as ``marks.py``.
"""

from __future__ import annotations

import re

INCISE_WORDS = 6  # ", a-t-il ajouté," and ", a précisé la ministre de la Santé," fit; a clause does not
# the comma-delimited words right after a closing mark: the incise between two parts of one quote
_INCISE = re.compile(r"[\s\u00a0\u202f]*,([^,.;:!?«»“”\"\n]{1,80}),")
_WORD = re.compile(r"\w+")
# the closing mark followed by an inverted incise: ", a-t-il dit", ", a déclaré X", ", selon X"
_INCISE_AFTER = re.compile(r"[\s\u00a0\u202f]*,[\s\u00a0\u202f]*[a-zàâéèêîôûç]")
_SENTENCE_END = re.compile(r"[.!?…][\s\u00a0\u202f]+(?=[^\w]{0,3}[A-ZÀ-ÖØ-Þ])")
# "je", "nous", "vous" (the speaker or the one addressed) and the speaker's own "me", "mon"; a
# possessive of "nous" or "vous" alone ("nos nuits", "vos impôts") is also the writer's, who takes the
# reader in
PERSON = re.compile(r"(?<![\w'’-])(?:je|j['’]|moi|nous|vous)(?![\w-])", re.I)
SINGULAR_SELF = re.compile(r"(?<![\w'’-])(?:me|m['’]|mon|ma|mes)(?![\w-])", re.I)


def lost_open_start(text: str, s: int, j: int, after_quote: int | None) -> int | None:
    """The start of the quote whose closing mark at ``j`` has no opening one, in the paragraph starting
    at ``s`` (``after_quote``: the closing mark of a quote before it in the paragraph), or ``None`` when
    neither a colon nor an incise tells it (the paragraph start)."""
    lo = s if after_quote is None else after_quote + 1
    colon = text.rfind(":", lo, j)
    if colon >= 0 and colon + 1 < j and text[colon + 1].isspace() and len(_WORD.findall(text, colon, j)) >= 2:
        return colon + 1
    if after_quote is not None:
        incise = _INCISE.match(text, lo, j)
        if incise is not None and len(_WORD.findall(incise.group(1))) <= INCISE_WORDS:
            return incise.end()
    if not _INCISE_AFTER.match(text, j + 1):
        return None  # a stray mark after a quote (", qui … »."), or a paragraph of testimony
    # "Le maire a réagi. Nous ne céderons pas », a-t-il dit": the quote an incise attributes starts with
    # its sentence, and goes back over the sentences before it that speak in person
    starts = [m.end() for m in _SENTENCE_END.finditer(text, lo, j)]
    if not starts:
        return _past_punctuation(text, lo, j) if after_quote is not None else None
    k = len(starts) - 1
    while k > 0 and in_person(text[starts[k - 1]:starts[k]]):
        k -= 1
    if k == 0 and in_person(text[lo:starts[0]]):
        return _past_punctuation(text, lo, j) if after_quote is not None else None
    return starts[k]


def _past_punctuation(text: str, lo: int, j: int) -> int:
    """The first word character from ``lo`` ("», mais nous …": the words after the quote before)."""
    k = lo
    while k < j and not text[k].isalnum():
        k += 1
    return k


def in_person(text: str) -> bool:
    """Whether ``text`` speaks as "je", "nous" or to a "vous", or of the speaker's own ("mon"): words
    given as spoken (a narrator's are in the third person)."""
    return PERSON.search(text) is not None or SINGULAR_SELF.search(text) is not None
