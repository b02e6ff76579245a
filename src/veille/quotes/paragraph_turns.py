"""Where a paragraph that lost its blank lines turns to a new voice (issue 16): the places ``long_paragraphs``
cuts a merged paragraph into reading paragraphs, rather than every few sentences only.

Two turns are read off the text itself, at a sentence end outside any quote:

* a new person: the next sentence names by a full name a person none of the ``BACK`` sentences before it
  named, and takes nobody up by a third-person pronoun ("… a-t-il conclu. Léa Morin, la maire, dit …"):
  a new voice comes in, and the quotes after it are read with it, not with the quotes before. A sentence
  with "il", "elle" or "lui" still speaks of the voice before ("Il cite Léa Morin", "…, a-t-elle dit");
* an interview question: a question of at most ``QUESTION_WORDS`` words right before an answer opening
  on a quotation mark, a dash or a label ("Comment jugez-vous la saison ? « Longue. »", "Et demain ?
  Paul Arnaud : On verra."): when a paragraph holds several, each question and each answer are read
  as the paragraphs of a printed interview (``interview``, ``labelled_answers``);
* a bullet, which opens a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

BACK = 3  # sentences back in which a person already named is no new voice
QUESTION_WORDS = 40  # a longer sentence ending on "?" is prose, not an interview question
# what opens an answer right after a question: a quotation mark, a dash, or up to four capitalised words
# (a name, initials) and a colon or a dash
ANSWER_OPENING = re.compile(r"\s*(?:[«“\"]|[–—-][ \u00a0\u202f]|(?:[A-ZÀ-Ý][\w.'’-]*[ \u00a0]?){1,4}"
                            r"[ \u00a0\u202f]*(?::|[–—]))")
# a third-person pronoun takes the voice before up ("Il cite X", "…, a-t-elle dit"): no new voice
TAKEN_UP = re.compile(r"(?<![\w'’])(?:il|elle|ils|elles|lui)(?![\w'’])", re.I)

BULLET = re.compile(r"[\s\ufeff]*[•▪►‣◦]")  # a list item or a question set after a bullet opens a line of its own

Person = tuple[int, int, str]  # start, end, the entity's name


def new_person_at(text: str, sents: Sequence[tuple[int, int]], i: int, people: Sequence[Person]) -> bool:
    """Whether sentence ``i`` names by a full name (two words or more) a person that none of the ``BACK``
    sentences before it names, without a third-person pronoun (``people``: person mentions, sorted)."""
    s, e = sents[i]
    if text[s:s + 1] in "»”" or TAKEN_UP.search(text, s, e):
        return False
    here = [name for ps, pe, name in people if s <= ps < e and " " in text[ps:pe].strip()]
    if not here:
        return False
    lo = sents[max(0, i - BACK)][0]
    before = {name for ps, _, name in people if lo <= ps < s}
    return any(name not in before for name in here)


def question_at(text: str, sents: Sequence[tuple[int, int]], i: int) -> bool:
    """Whether sentence ``i`` is an interview question: it ends on "?" and an answer opens right after it."""
    s, e = sents[i]
    sentence = text[s:e].rstrip()
    if not sentence.endswith("?") or len(sentence.split()) > QUESTION_WORDS or i + 1 >= len(sents):
        return False
    return ANSWER_OPENING.match(text, s + len(sentence)) is not None


def bullet_at(text: str, sents: Sequence[tuple[int, int]], i: int) -> bool:
    """Whether sentence ``i`` opens on a bullet: a line of its own ("• Et demain ?"), never inside prose."""
    s, e = sents[i]
    return BULLET.match(text, s, e) is not None
