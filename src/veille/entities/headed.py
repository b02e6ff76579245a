"""One organisation named with and without its head noun: "la Coalition Al-Nour … Al-Nour a
déclaré", "la Maison Tervaux … chez Tervaux". An unlinked entity whose name is the rest of an
organisation's name after an institution or business noun (``org_heads.tsv``,
``entities/institution_nouns.tsv``, ``entities/business_heads.tsv``) is that organisation."""

from __future__ import annotations

from veille.common.fold import norm
from veille.entities.businesses import BUSINESS_HEADS
from veille.entities.resources import INSTITUTION_NOUNS
from veille.entities.variants import absorb_mentions
from veille.model import Entity


def merge_headless(entities: list[Entity], org_heads: frozenset[str]) -> list[Entity]:
    """The entities, those named without their head noun merged into the organisation."""
    heads = org_heads | INSTITUTION_NOUNS | BUSINESS_HEADS
    by_rest: dict[str, Entity] = {}
    for e in entities:
        words = e.name.split(" ", 1)
        if e.type == "ORG" and not e.kb_id and len(words) == 2 and norm(words[0]) in heads and words[1][:1].isupper():
            by_rest.setdefault(norm(words[1]), e)
    if not by_rest:
        return entities
    out = []
    for e in entities:
        org = by_rest.get(norm(e.name)) if not e.kb_id and e.type != "PER" else None
        if org is None or org is e:
            out.append(e)
            continue
        absorb_mentions(org, e)
    return out


def merge_demonym_tails(entities: list[Entity], demonyms: dict) -> list[Entity]:
    """"le Conseil du rail valdorien … le Conseil du rail" (invented): an unlinked organisation
    named once with a nationality adjective after it and once without is one; the name written
    more often is kept (the longer one on a tie)."""
    orgs = {norm(e.name): e for e in entities if e.type == "ORG" and not e.kb_id}
    drop: set[int] = set()
    for key, e in orgs.items():
        head, _, tail = key.rpartition(" ")
        short = orgs.get(head)
        if not head or tail not in demonyms or short is None or id(short) in drop or id(e) in drop:
            continue
        keep, gone = (e, short) if len(e.mentions) >= len(short.mentions) else (short, e)
        absorb_mentions(keep, gone)
        drop.add(id(gone))
    return [e for e in entities if id(e) not in drop]
