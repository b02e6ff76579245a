"""Helpers shared by the quote tests: invented articles whose entities are given, not found."""

from __future__ import annotations

from veille.model import Article, Entity


def article_with_entities(paragraphs: list[str], entities: dict[str, str], title: str | None = None,
                          article_id: str = "q") -> Article:
    """An article whose entities (name -> type) carry a span at each of their mentions, so the quote
    stage can be tried without the entity stage."""
    art = Article(id=article_id, title=title, paragraphs=list(paragraphs))
    text = art.nlp_text()
    for name, kind in entities.items():
        spans, i = [], text.find(name)
        while i >= 0:
            spans.append([i, i + len(name)])
            i = text.find(name, i + 1)
        art.entities.append(Entity(name=name, type=kind, mentions=[name], spans=spans))
    return art


def quotes_found(nlp, paragraphs: list[str], entities: dict[str, str]) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, text, speaker, rule) of every quote the quote stage finds in invented paragraphs whose
    entities (name -> type) are given."""
    from veille.pipeline import Context
    from veille.quotes import QuoteStage
    from veille.settings import Settings

    art = article_with_entities(paragraphs, entities)
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.kind, q.text, q.speaker, q.rule) for q in art.quotes]
