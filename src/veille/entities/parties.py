"""A party's name fused with the person's name after a partisan role noun: "le député Avenir |
Sacha Varel" (invented). French press writes the role, the party and the person with no comma
between them, and NER reads the party and the person as one span; the party is an organisation
of its own, the rest the person (``name_shapes.fused_complement`` says where the person's name
starts; the role nouns are in ``lexicons/entities/partisan_roles.tsv``)."""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.entities.name_shapes import fused_complement
from veille.entities.resources import EntityResources, folded_words

PARTISAN_ROLES = folded_words("entities/partisan_roles.tsv")


def party_split(res: EntityResources, ent: Any, label: str) -> list[tuple[Any, str]]:
    """The span, or the party's word (ORG) and the person's name (PER) when a partisan role noun
    stands right before a span that opens on one capitalised word fused to a person's name."""
    toks = list(ent)
    if len(toks) < 3 or toks[0].i == 0 or norm(toks[0].nbor(-1).text) not in PARTISAN_ROLES \
            or not fused_complement(res, toks):
        return [(ent, label)]
    doc = ent.doc
    return [(doc[ent.start:ent.start + 1], "ORG"), (doc[ent.start + 1:ent.end], "PER")]


def party_mention(part: Any, text: str) -> Mention | None:
    """The party's mention when ``part`` is the word ``party_split`` split off a person's name
    (one capitalised word after a partisan role noun, a capitalised word after it); else None."""
    if len(part) != 1 or part.start == 0 or norm(part[0].nbor(-1).text) not in PARTISAN_ROLES \
            or part.end >= len(part.doc) or not part.doc[part.end].text[:1].isupper():
        return None
    start, end = part[0].idx, part[0].idx + len(part[0])
    return Mention(start, end, text[start:end], text[start:end], "ORG", "ner")
