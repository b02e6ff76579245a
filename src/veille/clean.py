"""Cleaning: raw input to title, body paragraphs and the boilerplate removed from it."""

from __future__ import annotations

from veille.model import Article


class CleanStage:
    name = "clean"

    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def __call__(self, article: Article, ctx) -> None:
        lines = [line.strip() for line in (article.raw_text or "").splitlines() if line.strip()]
        if lines:
            article.title = lines[0]
            article.paragraphs = lines[1:]
