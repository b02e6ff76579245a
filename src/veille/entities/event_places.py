"""A place named inside an event's name: "le Tour de Valdorie", "le GP du Valdor", "le festival de
Brivac", "la Coupe de Valdorie". Races, Grands Prix, festivals, biennials and cups are events, not
entities, and the country or town their name carries is no mention of that place (the real-page
guidelines); the NER model reads the place alone and the KB links it, so the place is refused where
an event head written before it (``lexicons/entities/event_heads.tsv``, the head's case as written:
"Tour" is the race, "un tour de Valdorie" a trip) and "de", "du", "des", "de la", "d'" open its name.
A place also named elsewhere in the article stays an entity by those other mentions.
"""

from __future__ import annotations

import re

from veille.common.lexicon import rows

_HEADS = sorted({r[0] for r in rows("entities/event_heads.tsv")}, key=len, reverse=True)
_EVENT_PLACE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in _HEADS) + r")"
    r"[ \u00a0]+(?:de[ \u00a0]+la[ \u00a0]+|de[ \u00a0]+l['’]|des[ \u00a0]+|du[ \u00a0]+|de[ \u00a0]+|d['’])"
    r"(?=[A-ZÀ-ÖØ-Þ])")


def event_place_spans(text: str) -> list[tuple[int, int]]:
    """Where a name after an event head starts (one character: a mention starting there is in it)."""
    return [(m.end(), m.end() + 1) for m in _EVENT_PLACE.finditer(text)]
