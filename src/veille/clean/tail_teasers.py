"""Other articles' teasers printed after the article's last paragraph, as paragraphs of its own.

Sites close an article with a block of their other stories ("Les plus lus", "À découvrir"), and
the extraction often keeps it without its heading: a run of headlines, each maybe followed by its
one-paragraph summary:

    Le port de Lisse rouvre ses quais aux plaisanciers
    Après deux ans de travaux, les pontons accueilleront cent bateaux dès le mois de mai.
    Valmorin : la foire aux vins déménage
    Trois pistes cyclables promises le long de la Lisse

Read from the article's end backwards: a headline is a short line that does not end like a
sentence (a question may, but then no summary follows it: a question followed by a short
paragraph is an interview's question and answer); a summary is one short paragraph under a
headline. At least ``MIN_PAIRS`` headlines with their summary make a block of teasers: an
article's last section is one intertitle over paragraphs, not three. The block is never the
whole article.
"""

from __future__ import annotations

import re

from veille.clean.text import words

HEAD_MIN_WORDS = 3
HEAD_MAX_WORDS = 20
SUMMARY_MIN_WORDS = 8
SUMMARY_MAX_WORDS = 60
MIN_PAIRS = 3
_SENTENCE_CLOSE = (".", "!", ":", ")", "»", '"', "”", ";", ",")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.)/-]|[-•*–])\s")  # a numbered or bulleted item: a list of the text


def _headline(text: str, question_ok: bool) -> bool:
    t = text.rstrip()
    return HEAD_MIN_WORDS <= len(words(t)) <= HEAD_MAX_WORDS and not t.endswith(_SENTENCE_CLOSE) \
        and (question_ok or not t.endswith("?")) and not _LIST_MARK.match(t)


def _summary(text: str) -> bool:
    return SUMMARY_MIN_WORDS <= len(words(text)) <= SUMMARY_MAX_WORDS and not _LIST_MARK.match(text)


def tail_teasers(paragraphs: list[str]) -> int:
    """Where the block of teasers closing the paragraphs starts (``len(paragraphs)`` when there is
    none; see the module doc)."""
    i = len(paragraphs) - 1
    start, pairs = len(paragraphs), 0
    while i >= 1:
        if _summary(paragraphs[i]) and _headline(paragraphs[i - 1], question_ok=False):
            pairs += 1
            start = i - 1
            i -= 2
        elif _headline(paragraphs[i], question_ok=True):
            start = i
            i -= 1
        else:
            break
    return start if pairs >= MIN_PAIRS and start > 0 else len(paragraphs)
