"""Entities: spaCy NER, grouped by surface form."""

from __future__ import annotations

from veille.model import Article, Entity

_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


class EntityStage:
    name = "entities"

    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def __call__(self, article: Article, doc, ctx) -> None:
        by_name: dict[str, Entity] = {}
        for ent in doc.ents:
            etype = _TYPES.get(ent.label_)
            if not etype or article.in_foreign(ent.start_char, ent.end_char):
                continue
            e = by_name.setdefault(ent.text, Entity(name=ent.text, type=etype))
            e.mentions.append(ent.text)
            e.spans.append([ent.start_char, ent.end_char])
        article.entities = list(by_name.values())
