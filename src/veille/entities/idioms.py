"""Names inside an idiom built on a proper name ("le talon d'Achille du système", "des cocktails
Molotov", "ouvrir la boîte de Pandore": ``lexicons/entities/eponym_idioms.tsv``): the name designates
no one the article is about."""

from __future__ import annotations

import re

from veille.common.lexicon import rows

_PHRASES = sorted((r[0] for r in rows("entities/eponym_idioms.tsv")), key=len, reverse=True)
_IDIOM = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in _PHRASES) + r")(?!\w)") if _PHRASES else None


def idiom_spans(ntext: str) -> list[tuple[int, int]]:
    """Where the idioms stand in the folded text (offsets are those of the text)."""
    return [m.span() for m in _IDIOM.finditer(ntext)] if _IDIOM else []
