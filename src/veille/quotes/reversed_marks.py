"""Guillemets set the wrong way round over a whole article (» … «, the German order, or a tool that
swapped them): read as « … » so that the mark scanner and every rule that looks at a mark ("», a dit
X") see the French order. A page-level decision, same length so every offset holds.

    Le maire a parlé. » Nous rouvrirons le pont «, a-t-il dit.
    » La route attendra «, a ajouté Léa Morin.

Evidence, paragraph by paragraph: the guillemets taken two by two in their order (« » upright, » «
reversed) and a paragraph opening on a guillemet followed by words (« upright, » reversed). A normal
page shows reversed pairs only where a quote ends and a new one opens in the same paragraph ("fin. »
Il a ajouté : « Début"), so the page is read reversed only when that evidence is at least
``MIN_EVIDENCE`` and outweighs the upright one ``MAJORITY`` times.
"""

from __future__ import annotations

from veille.model import Quote

MIN_EVIDENCE = 2
MAJORITY = 3
_SWAP = str.maketrans("«»", "»«")
_SPACES = " \u00a0\u202f\u2009\t"


def reversed_guillemets(text: str, segments: list[tuple[int, int]]) -> bool:
    """True when the article's guillemets read » … « throughout."""
    upright = reversed_ = 0
    for s, e in segments:
        marks = [c for c in text[s:e] if c in "«»"]
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            upright += (a, b) == ("«", "»")
            reversed_ += (a, b) == ("»", "«")
        head = text[s:e].lstrip(_SPACES)
        if len(head) > 1 and head[0] in "«»" and head[1:].lstrip(_SPACES)[:1].isalnum():
            upright += head[0] == "«"
            reversed_ += head[0] == "»"
    return reversed_ >= MIN_EVIDENCE and reversed_ > MAJORITY * upright


def upright_guillemets(text: str, segments: list[tuple[int, int]]) -> str:
    """``text`` with « and » swapped when the article sets them reversed, else ``text`` itself."""
    if "»" not in text or not reversed_guillemets(text, segments):
        return text
    return text.translate(_SWAP)


def as_written(quotes: list[Quote]) -> list[Quote]:
    """The quotes of a page read upright with their words as the page writes them: the rules saw
    the swapped text, the record keeps the page's own marks (the swap is its own inverse)."""
    for q in quotes:
        q.text = q.text.translate(_SWAP)
        if q.speaker_text:
            q.speaker_text = q.speaker_text.translate(_SWAP)
        if q.cue:
            q.cue = q.cue.translate(_SWAP)
    return quotes
