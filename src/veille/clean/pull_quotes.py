"""Pull quotes in a dump's article: a short paragraph set in large type that repeats words a longer
paragraph above it already gave ("« Nous resterons », promet la maire" under the paragraph that
holds the whole sentence). Dumps print them inline, so they read as a repeated paragraph."""

from __future__ import annotations

from veille.clean.lines import Cleaned
from veille.clean.text import line_key, words

PULL_QUOTE_MAX_WORDS = 45
PULL_QUOTE_MIN_CHARS = 40


def drop_pull_quotes(cleaned: Cleaned) -> None:
    """A short paragraph whose words a longer paragraph above it already gave is a pull quote or a
    caption repeating the text: furniture."""
    keys = [line_key(p) for p in cleaned.paragraphs]
    keep: list[str] = []
    for i, (para, key) in enumerate(zip(cleaned.paragraphs, keys, strict=True)):
        if len(words(para)) <= PULL_QUOTE_MAX_WORDS and len(key) >= PULL_QUOTE_MIN_CHARS and any(
                j < i and len(other) > len(key) and key in other for j, other in enumerate(keys)):
            cleaned.boilerplate.append(para)
        else:
            keep.append(para)
    cleaned.paragraphs = keep
