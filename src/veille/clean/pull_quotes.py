"""Pull quotes in a dump's article: a short paragraph set in large type that repeats words a longer
paragraph already gave ("« Nous resterons », promet la maire" under the paragraph that holds the
whole sentence). Dumps print them inline, so they read as a repeated paragraph.

A pull quote (or a caption printed again as alt text lower down) may come before the paragraph it
repeats, set between two paragraphs above the one it quotes, when it is longer than a subheading (a
short quote heading the section that holds it is kept) and is no standfirst; it may shorten the sentence with an ellipsis ("Nous
resterons (...) jusqu'au bout"): each piece must then be in the same longer paragraph. The line of
the speaker's name set under it ("Léa Roy") goes with it."""

from __future__ import annotations

import re

from veille.clean.lines import Cleaned
from veille.clean.text import FINAL_PUNCT, line_key, words

PULL_QUOTE_MAX_WORDS = 45
PULL_QUOTE_MIN_CHARS = 40
PIECE_MIN_CHARS = 15  # a piece of a shortened pull quote that must be found (shorter ones are skipped)
HEAD_PARAGRAPHS = 2  # the standfirst and the first paragraph: a repeat below them is the text's
NAME_MAX_WORDS = 4
BELOW_MIN_WORDS = 16  # a quote set above the paragraph it repeats, shorter, is a subheading: kept
_ELLIPSIS = re.compile(r"\s*(?:\(\s*(?:\.\.\.|…)\s*\)|\[\s*(?:\.\.\.|…)\s*\])\s*")
_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:[ -](?:de |d'|d’|le |la |van |von )?[A-ZÀ-Þ][\w'’.-]*){1,3}$")


def _pieces(para: str) -> list[str]:
    return [k for k in (line_key(p) for p in _ELLIPSIS.split(para)) if len(k) >= PIECE_MIN_CHARS]


def _repeats(i: int, para: str, keys: list[str]) -> bool:
    """``para`` (the ``i``-th paragraph) repeats a longer paragraph: above it, or below it when it is
    longer than a subheading and is no standfirst."""
    key = keys[i]
    if len(words(para)) > PULL_QUOTE_MAX_WORDS or len(key) < PULL_QUOTE_MIN_CHARS:
        return False
    pieces = _pieces(para)
    if not pieces:
        return False
    below = i >= HEAD_PARAGRAPHS and len(words(para)) >= BELOW_MIN_WORDS
    return any((j < i or below and j > i) and len(other) > len(key) and all(p in other for p in pieces)
               for j, other in enumerate(keys))


def drop_pull_quotes(cleaned: Cleaned) -> None:
    """A short paragraph whose words a longer paragraph already gave is a pull quote or a caption
    repeating the text: furniture, with the speaker's name line under it."""
    paras = cleaned.paragraphs
    keys = [line_key(p) for p in paras]
    keep: list[str] = []
    name_after = False
    for i, para in enumerate(paras):
        if name_after and len(words(para)) <= NAME_MAX_WORDS and not FINAL_PUNCT.search(para) \
                and _NAME.match(para.strip()):
            cleaned.boilerplate.append(para)
            name_after = False
            continue
        name_after = _repeats(i, para, keys)
        if name_after:
            cleaned.boilerplate.append(para)
        else:
            keep.append(para)
    cleaned.paragraphs = keep
