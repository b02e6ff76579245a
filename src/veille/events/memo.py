"""Per-article values the event rules read many times, computed once per Doc.

Each value lives in the Doc's cache (``veille.common.docarrays.derived``) and goes with the Doc:
nothing here outlives an article, and nothing changes what a rule reads, only how often it is
worked out. Rules in other modules call these helpers instead of asking spaCy again.
"""

from __future__ import annotations

from typing import Any

from veille.common.docarrays import derived
from veille.common.fold import lower_nfc, norm


def parsed_text(doc: Any) -> str:
    """``doc.text``, joined once per article: spaCy builds it from every token at each access."""
    return derived(doc, "events_doc_text", lambda: doc.text)  # type: ignore[no-any-return]


def seat_at(tok: Any, seats: dict[str, str]) -> str | None:
    """The city of the seat of government (``seats``: folded name -> city) whose name the text
    writes from ``tok`` on ("Maison-Blanche" may come as three tokens), None when none; worked out
    once per token and table: every event of a sentence asks it of the same complements."""
    memo = derived(tok.doc, "events_seat_at", dict)
    key = (tok.i, id(seats))
    if key in memo:
        return memo[key]  # type: ignore[no-any-return]
    rest = norm(parsed_text(tok.doc)[tok.idx:tok.idx + 40])
    out = None
    for seat, city in seats.items():
        if rest.startswith(seat) and (len(rest) == len(seat) or not rest[len(seat)].isalnum()):
            out = city
            break
    memo[key] = out
    return out


def fold_long(text: str) -> str:
    """``lower_nfc(text)`` for a sentence or a whole article, without its cache: such a text is
    folded once, and kept there it would only push out the words the cache is for (and hold the
    article's text for the rest of the run)."""
    return lower_nfc.__wrapped__(text)  # type: ignore[no-any-return]
