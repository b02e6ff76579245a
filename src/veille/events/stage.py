"""The event stage of the pipeline: lexicons and KB loaded once, a ``Coder`` per article."""

from __future__ import annotations

import logging
from typing import Any

from veille.events.coder import Coder
from veille.events.lexicon import Lexicon, extend_with_kb, load_lexicon
from veille.events.titles import titled
from veille.model import Article, Event
from veille.settings import Settings

log = logging.getLogger("veille.events")


class EventStage:
    """Doc stage: ``article.events`` from the parse and the entities, times, quantities, quotes."""

    name = "events"
    requires = ("title", "paragraphs", "published", "foreign", "entities", "times", "quantities", "quotes")
    assigns = ("events",)

    def __init__(self, ctx: Any) -> None:
        settings = Settings.coerce(getattr(ctx, "settings", None))
        self.explain = settings.explain
        self.kb = None
        try:  # the KB the settings name (kb_dirs, user entries): offices held, demonyms, capitals
            self.kb = ctx.kb() if callable(getattr(ctx, "kb", None)) else settings.kb()
        except Exception:  # no KB: the lexicons alone still code events
            log.warning("events: knowledge base not available", exc_info=True)
        cache = getattr(ctx, "cache", None)
        key = ("event_lexicon", id(self.kb))
        if cache is not None and key in cache:
            self.lex = cache[key]
        else:
            self.lex = load_lexicon()
            if self.kb is not None:
                extend_with_kb(self.lex, self.kb)
            if cache is not None:
                cache[key] = self.lex

    def __call__(self, article: Article, doc: Any, ctx: Any) -> None:
        try:
            # (bodies named by their acronym read under their KB title: ``events/titles.py``)
            article.events = Coder(self.lex, titled(article, self.kb), doc, kb=self.kb, explain=self.explain).run()
        except Exception:  # a parse the coder cannot read costs the events, never the article
            log.warning("event coding failed for %s", article.id, exc_info=True)
            article.events = []


def code_events(article: Article, doc: Any, lex: Lexicon | None = None) -> list[Event]:
    """Convenience for tests and tools: the events of one parsed article."""
    return Coder(lex or load_lexicon(), article, doc).run()
