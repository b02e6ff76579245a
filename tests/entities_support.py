"""Helpers shared by the entity test files (invented sentences only)."""

from __future__ import annotations

from veille.model import Article
from veille.pipeline import Context


def entities_by_name(nlp, stage, text: str) -> dict[str, tuple]:
    """Name -> (type, mentions) of the entities the stage finds in an invented text (paragraphs split on blank lines)."""
    art = Article(id="t", title=None, paragraphs=text.split("\n\n"), published="2023-05-02")
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    return {e.name: (e.type, e.mentions) for e in art.entities}
