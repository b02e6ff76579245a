"""The last pass over an article's paragraphs: furniture that reads like text until the whole article
is seen, each kind in its own module, asked in one place for dumps and HTML pages alike.

- a pull quote repeating a paragraph (``pull_quotes``; dumps, whose lines carry no type size),
- the site's promotions and their form lines (``reader_calls``; dumps),
- closing notes and sources (``endnotes``; dumps),
- an embedded tweet and its sign-off (``embeds``),
- a photo caption closing on the picture's day, agencies' style ("Des manifestants devant la
  préfecture de Valmorin, le 3 mars 2024."): one short sentence, no speech in it, closing on a
  comma then the day (``caption_dates.dated_caption``). A paragraph of the text that ends on a
  date is longer, or holds more than one sentence,
- a block of other articles' teasers closing the article (``tail_teasers``),
- the page's interface lines (an advertising break, a player's message, a slideshow link, a
  paywall prompt, counters), initials alone, a signature (``ui_lines``; the rubric opening the lede and the
  headline printed again are cut by the stage, once the headline and the standfirst are known),
- an author's note at the article's head or foot ("Léa Roy est romancière. Dernier livre paru : …",
  ``author_notes``; a person the article names nowhere else),
- a picture credit alone on its line ("Illustration : Léa Roy"), once the teasers are cut (a
  credit inside a teaser list is one of its items: ``ui_lines.drop_credit_lines``); a signature
  is looked for again then, the article's last paragraphs being known.
"""

from __future__ import annotations

import re

from veille.clean.author_notes import drop_author_notes
from veille.clean.caption_dates import dated_caption
from veille.clean.embeds import drop_tweets
from veille.clean.endnotes import drop_endnotes
from veille.clean.lines import Cleaned
from veille.clean.pull_quotes import drop_pull_quotes
from veille.clean.reader_calls import drop_reader_calls
from veille.clean.tail_teasers import tail_teasers
from veille.clean.text import words
from veille.clean.ui_lines import drop_credit_lines, drop_signatures, drop_ui_lines

CAPTION_MAX_WORDS = 30
_INNER_SENTENCE_END = re.compile(r"[.!?…]\s+\S")
_SPEECH = re.compile(r"[«»“”\"]")


def is_dated_caption(para: str) -> bool:
    """A paragraph that is a photo caption closing on its day (see the module doc)."""
    text = para.strip()
    return len(words(text)) <= CAPTION_MAX_WORDS and not _INNER_SENTENCE_END.search(text) \
        and not _SPEECH.search(text) and dated_caption(text)


def drop_body_furniture(cleaned: Cleaned, dump: bool) -> None:
    """Moves the furniture of the module doc from ``cleaned.paragraphs`` to its boilerplate (the
    pull quotes, promotions and notes of a dump; tweets and dated captions of every page)."""
    dropped: list[str] = []
    if dump:
        drop_pull_quotes(cleaned)
        cleaned.paragraphs, calls = drop_reader_calls(cleaned.paragraphs)  # the site's promotions
        cleaned.paragraphs, notes = drop_endnotes(cleaned.paragraphs)
        dropped += calls + notes
    cleaned.paragraphs, tweets = drop_tweets(cleaned.paragraphs)
    cleaned.paragraphs, interface = drop_ui_lines(cleaned.paragraphs)
    cleaned.paragraphs, signatures = drop_signatures(cleaned.paragraphs)
    cleaned.paragraphs, notes_of_author = drop_author_notes(cleaned.paragraphs)
    dropped += interface + signatures + notes_of_author
    captions = [p for p in cleaned.paragraphs if is_dated_caption(p)]
    if captions:
        cleaned.paragraphs = [p for p in cleaned.paragraphs if p not in captions]
    cut = tail_teasers(cleaned.paragraphs)
    teasers = cleaned.paragraphs[cut:]
    cleaned.paragraphs, credits = drop_credit_lines(cleaned.paragraphs[:cut])
    # (a signature over the teasers was not among the last paragraphs before they were cut)
    cleaned.paragraphs, signed = drop_signatures(cleaned.paragraphs) if teasers else (cleaned.paragraphs, [])
    cleaned.boilerplate.extend(dropped + tweets + captions + teasers + credits + signed)
