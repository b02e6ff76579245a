"""A time put in focus by a cleft: "C'est samedi que les voleurs ont frappé".

French puts the time of an event in focus with "c'est / c'était / ce n'est que … que …": the
copula is a frame, present whatever the event's time, and the event's verb comes after the second
"que". Read as the copula's predicate, the day took the present of "c'est" and became the coming one
(an invented past cleft in an article of a Wednesday gave the next Saturday). The verb after "que"
tells the direction; which words open a cleft is data (``context_words.tsv`` role ``presentative``
for the pronoun, the copula by its lemma).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from veille.common.lexicon import rows

# Words that may stand between the copula and the time ("c'est seulement lundi", "ce n'est qu'au
# cours de la nuit") or between the time and "que" ("c'est lundi soir, vers 22 h, que") before a
# verb would show that the sentence is no cleft.
MAX_GAP = 8
_QUE = frozenset({"que", "qu'", "qu’"})


@lru_cache(maxsize=1)
def _presentatives() -> frozenset[str]:
    return frozenset(c[0].lower() for c in rows("times/normalization/context_words.tsv", min_columns=2)
                     if c[1] == "presentative")


def _opens_cleft(doc: Any, span: Any) -> bool:
    """Whether "c'est" (any tense of the copula, with "ne … que" or adverbs) stands before the span,
    with no verb or clause break between them."""
    sent_start = span.sent.start
    i = span.start - 1
    while i >= sent_start and span.start - i <= MAX_GAP:
        tok = doc[i]
        if tok.lemma_ == "être" and tok.pos_ in ("AUX", "VERB"):
            j = i - 1
            if j >= sent_start and doc[j].lower_ in ("n'", "n’", "ne"):
                j -= 1
            return j >= sent_start and doc[j].lower_.replace("’", "'") in _presentatives()
        if tok.pos_ == "VERB" or tok.text in (".", ";", ":", "!", "?"):
            return False
        i -= 1
    return False


def cleft_que(doc: Any, span: Any) -> int | None:
    """The index of the "que" that closes a cleft around the span, None when the span is not the
    focus of a cleft. "Ce n'est que lundi que …": the "que" of "ne … que" comes before the span."""
    if not _opens_cleft(doc, span):
        return None
    sent_end = span.sent.end
    for i in range(span.end, min(sent_end, span.end + MAX_GAP)):
        tok = doc[i]
        if tok.lower_ in _QUE:
            return i
        if tok.pos_ == "VERB" or tok.text in (".", ";", ":", "!", "?"):
            return None
    return None
