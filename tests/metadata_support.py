"""Helpers of the metadata tests: clean and date invented texts as one run."""

from __future__ import annotations

import datetime as dt

from veille.clean import CleanStage
from veille.metadata import MetadataStage
from veille.model import Article
from veille.pipeline import Context

TODAY = dt.date(2026, 6, 1)


def run(texts: list[tuple[str, dict]], today: str = "2026-06-01") -> list[Article]:
    ctx = Context(settings={"today": today})
    clean, meta = CleanStage(ctx), MetadataStage(ctx)
    arts = []
    for i, (text, hints) in enumerate(texts):
        art = Article(id=str(i), raw_text=text, hints={"kind": "text", **hints})
        art.source.url = hints.get("url")
        clean(art, ctx)
        meta(art, ctx)
        arts.append(art)
    meta.finish_batch(arts, ctx)
    return arts
