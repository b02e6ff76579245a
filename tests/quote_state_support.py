"""An invented article's quote-stage state (``veille.quotes.stage.open_article``), for the tests of
the quote modules that read it: marks, mentions and paragraphs built as the stage builds them, the
entities given (name -> type), not found."""

from __future__ import annotations

from typing import Any

from quotes_support import article_with_entities
from veille.pipeline import Context
from veille.quotes.stage import QuoteStage, open_article
from veille.quotes.state import ArticleState
from veille.settings import Settings


def quote_state(nlp: Any, paragraphs: list[str], entities: dict[str, str], title: str | None = None) -> ArticleState:
    art = article_with_entities(paragraphs, entities, title=title)
    stage = QuoteStage(Context(settings=Settings(explain=True)))
    segs = [(s, e) for kind, _, s, e in art.segments() if kind == "paragraph"]
    state = open_article(stage.res, art, nlp(art.nlp_text()), segs)
    state.explain = True
    return state
