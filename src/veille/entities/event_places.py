"""A place named inside an event's name: "le Tour de Valdorie", "le GP du Valdor", "le festival de
Brivac", "la Coupe de Valdorie", "le Prix de Brivac". Races, Grands Prix, festivals, biennials, cups
and prizes are events, not entities, and the country or town their name carries is no mention of
that place (the real-page guidelines); the NER model reads the place alone and the KB links it, so
the place is refused where an event head written before it (``lexicons/entities/event_heads.tsv``,
the head's case as written: "Tour" is the race, "un tour de Valdorie" a trip) and "de", "du", "des",
"de la", "d'" open its name, or an article opens the event's own name after the head ("le festival
L'Afrique en fête"). A name in English order carries the place before its event noun ("le Brivac
Jazz Festival", "la Korvania Expo") or after it and "in" ("le World Film Festival in Brivac"):
``lexicons/entities/event_tails.tsv``. A place also named elsewhere in the article stays an entity
by those other mentions.
"""

from __future__ import annotations

import re

from veille.common.lexicon import rows
from veille.entities.resources import DETERMINERS

_HEADS = sorted({r[0] for r in rows("entities/event_heads.tsv")}, key=len, reverse=True)
_HEAD = r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in _HEADS) + r")[ \u00a0]+"
_CAPITAL = r"(?=[A-ZÀ-ÖØ-Þ])"
_EVENT_PLACE = re.compile(
    _HEAD + r"(?:de[ \u00a0]+la[ \u00a0]+|de[ \u00a0]+l['’]|des[ \u00a0]+|du[ \u00a0]+|de[ \u00a0]+|d['’]"
    r"|L['’]|(?:La|Le|Les)[ \u00a0]+)" + _CAPITAL)
_TAILS = sorted({r[0] for r in rows("entities/event_tails.tsv")}, key=len, reverse=True)
_TAIL = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in _TAILS) + r")(?![\w-])")
_TAIL_IN = re.compile(_TAIL.pattern + r"[ \u00a0]+in[ \u00a0]+" + _CAPITAL)
# the words before an English event noun that may hold the place: up to three capitalised words,
# the one next to the noun also in lower case ("Brivac gaming festival"), back to an article, a
# punctuation mark or a line end ("au | Brivac Jazz Festival", "un | grand festival")
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \u00a0]+$")


def _words_before(text: str, end: int) -> list[int]:
    """Where the words of an English event name before its noun at ``end`` start."""
    starts: list[int] = []
    while len(starts) < 3:
        found = _WORD_BEFORE.search(text, max(0, end - 60), end)
        word = found.group(1) if found else ""
        if not word or word.lower().replace("’", "'") in DETERMINERS or (starts and not word[:1].isupper()):
            break
        starts.append(found.start(1))
        end = found.start(1)
    return starts


def event_place_spans(text: str) -> list[tuple[int, int]]:
    """Where a name inside an event's name starts (one character: a mention starting there is in it)."""
    out = [(m.end(), m.end() + 1) for m in _EVENT_PLACE.finditer(text)]
    out += [(m.end(), m.end() + 1) for m in _TAIL_IN.finditer(text)]
    for m in _TAIL.finditer(text):
        out += [(s, s + 1) for s in _words_before(text, m.start())]
    return sorted(out)
