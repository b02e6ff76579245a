"""The text of a stage's Doc without rebuilding it.

spaCy's ``Doc.text`` joins every token's text on each access (a Token object per word); on a long
page each stage paid several milliseconds for a string the article already holds: the pipeline
parses ``article.nlp_text()``, so the two are the same string.
"""

from __future__ import annotations

from typing import Any


def doc_text(article: Any, doc: Any) -> str:
    """``doc.text``, taken from ``article.nlp_text()`` when the Doc was parsed from it.

    The check (same length, first and last tokens in place) keeps a Doc parsed from some other text,
    as a caller outside the pipeline may pass, on ``doc.text``."""
    text = article.nlp_text()
    n = len(doc)
    if n:
        first, last = doc[0], doc[n - 1]
        end = last.idx + len(last.text_with_ws)
        if (end == len(text) and text.startswith(first.text, first.idx)
                and text.startswith(last.text, last.idx)):
            return text
    return doc.text
