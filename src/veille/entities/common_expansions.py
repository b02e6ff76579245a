"""The spelled-out form of a common noun's acronym is no name either, even when the page writes it
with capitals: "la Location Longue Durée (LLD)", "six jours d'ITT (Incapacité totale de travail)".

The acronyms are those of ``lexicons/entities/common_acronyms.tsv`` (a tax, a contract, a social
category, a leasing formula…): the phrase right before the acronym in brackets, or in brackets right
after it, whose words' initials spell it, names a thing, not an organisation; NER reads it as one
because of its capitals. A KB-linked mention is kept, and so is a phrase opening on a body's noun
("Conseil Régional (CR)" names a body whatever its letters).
"""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.entities.resources import folded_words

COMMON_ACRONYMS = folded_words("entities/common_acronyms.tsv")
# words an acronym skips ("Incapacité totale de travail": ITT)
_SKIPPED = frozenset({"de", "des", "du", "d", "la", "le", "les", "l", "et", "a", "au", "aux", "en", "pour", "par", "sur"})


def initials(phrase: str) -> str:
    """The folded initials of a phrase's words, articles and prepositions left out."""
    words = re.sub(r"[-–'’]", " ", norm(phrase)).split()
    return "".join(w[0] for w in words if w not in _SKIPPED)


def _bracketed_acronym(text: str, m: Mention) -> str | None:
    """The acronym in brackets right after the phrase ("… Durée (LLD)"), or the acronym right before
    a bracket that opens on the phrase ("ITT (Incapacité …)"), folded; None otherwise."""
    after = re.match(r"\s*\(\s*([A-Za-z]{2,6})\s*\)", text[m.end:m.end + 12])
    if after:
        return norm(after.group(1))
    before = re.search(r"\b([A-Z]{2,6})\s*\(\s*$", text[max(0, m.start - 12):m.start])
    return norm(before.group(1)) if before else None


def drop_common_expansions(text: str, names: list[Mention], heads: frozenset[str]) -> list[Mention]:
    """``names`` without the mentions that spell out a common noun's acronym written beside them
    (``heads``: the nouns that open a body's name), and without the same phrase anywhere else in the
    article ("« La Location Longue Durée séduit »" further on)."""
    common = set()
    for m in names:
        if not m.kb_id and len(m.key.split()) >= 2 and norm(m.key.split()[0]) not in heads:
            acro = _bracketed_acronym(text, m)
            if acro and acro in COMMON_ACRONYMS and initials(m.key) == acro:
                common.add(norm(m.key))
    return [m for m in names if m.kb_id or norm(m.key) not in common] if common else names
