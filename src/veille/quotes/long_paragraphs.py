"""Reading paragraphs: a very long paragraph read as runs of a few sentences (issue 16).

A text dump or a copy-paste that lost its blank lines hands the stage the whole article as one
paragraph; the speaker rules scoped to "the paragraph" (the previous quote's speaker in it, a
pronoun's antecedent in it, its only person, the recent speaker) then reach across the article.
News paragraphs run one to five sentences, so a paragraph of more than ``LONG`` sentences is not
one: it is cut into reading paragraphs, at sentence ends outside any quote and not after a colon,
where the text turns to a new voice (``paragraph_turns``: a new person named without a pronoun
taking the last one up, after at least ``MIN_RUN`` sentences; before and after each question of an
interview of ``INTERVIEW_QUESTIONS`` questions or more; a bullet), else after ``RUN`` sentences. The
quote marks are scanned before (a quote may run over the bounds of a real paragraph, never over
these cuts). Shorter paragraphs are left as they are. ``LONG`` and ``RUN`` were chosen on the
``merged`` variant of the dev who pages (tried 8/3, 12/2, 20/3, 20/5, 25/6, 20/8): runs of 3
sentences, close to real paragraphs, cut chains of speech a real paragraph keeps; long runs keep
them and still bound the reach. The turns then took the place of most fixed cuts there (``MIN_RUN``
1, 2, 3 tried; a new person only within the sentence's first words tried and dropped: "Selon X" is
rarer than "… les propos de X" after a pronoun; see bench/FINDINGS.md).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from veille.quotes.paragraph_turns import Person, bullet_at, new_person_at, question_at

LONG = 20  # more sentences than this: not one paragraph of news writing
RUN = 8  # sentences per reading paragraph cut from a long one when no turn comes sooner
MIN_RUN = 3  # sentences a reading paragraph keeps before a new person may open the next
CLOSING_OPENER = re.compile(r"[»”][ \u00a0\u202f]*[.,;]?\s*")  # a closing mark the parser set at a sentence's start
# the two ends of a question between an answer's closing mark and the next answer's opening mark
QUESTION_BETWEEN = re.compile(r"[»”][ \u00a0\u202f]*[.]?\s+(?=[^«»“”.!?]{1,300}\?\s*[«“])|\?\s*(?=[«“])")
INTERVIEW_QUESTIONS = 3  # questions before answers that make a long paragraph an interview (as interview.MIN_ANSWERS)
SHORTEST = 12  # characters: a paragraph shorter than LONG sentences of this length is not read


def reading_paragraphs(doc: Any, text: str, segs: list[tuple[int, int]], quote_ranges: list[tuple[int, int]],
                       people: Sequence[Person] = ()) -> list[tuple[int, int]]:
    """``segs`` with each paragraph of more than ``LONG`` sentences cut into reading paragraphs at its
    turns (``paragraph_turns``), or after ``RUN`` sentences without one; only where no quote runs over
    the sentence end. ``people``: the (start, end, name) of the article's person mentions."""
    if not len(doc) or all(e - s < LONG * SHORTEST for s, e in segs):
        return segs  # (most articles: no sentence split read)
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    ends = [e for _, e in sents]
    people = sorted(people)
    out: list[tuple[int, int]] = []
    for start, end in segs:
        lo, hi = bisect.bisect_right(ends, start), bisect.bisect_left(ends, end)
        if hi - lo < LONG:  # (the paragraph's last sentence ends at or after ``end``)
            out.append((start, end))
            continue
        out += _cut(text, start, end, _at_questions(text, _marks_back(text, sents[lo:hi + 1])), quote_ranges, people)
    return out


def _at_questions(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences split before and after a question set between two quotes ("… prendre. » • Et vous ? « Oui
    …"): the parser runs the question on with the answer before it."""
    out: list[tuple[int, int]] = []
    for s, e in sents:
        cuts = sorted({m.end() for m in QUESTION_BETWEEN.finditer(text, s, e)} - {s, e})
        for c in cuts:
            out.append((s, s + len(text[s:c].rstrip())))
            s = c
        out.append((s, e))
    return out


def _marks_back(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with a closing mark that opens one given back to the sentence before ("… vie. |» Paul
    Arnaud" -> "… vie. »| Paul Arnaud"): the parser sets it after the sentence end inside the quote."""
    out = list(sents)
    for k in range(1, len(out)):
        s, e = out[k]
        closing = CLOSING_OPENER.match(text, s, e)
        if closing is None or closing.end() >= e:
            continue
        out[k - 1] = (out[k - 1][0], s + len(closing.group(0).rstrip()))
        out[k] = (closing.end(), e)
    return out


def _cut(text: str, start: int, end: int, sents: list[tuple[int, int]], quote_ranges: list[tuple[int, int]],
         people: Sequence[Person]) -> list[tuple[int, int]]:
    """The reading paragraphs of paragraph ``start``-``end`` (``sents``: its sentences); a run goes on
    over a sentence end inside a quote or after a colon."""
    out: list[tuple[int, int]] = []
    lo, count = start, 0
    asked = [i for i in range(len(sents)) if question_at(text, sents, i)]
    # an interview: cut before and after each question; after the first, an answer runs on to the next
    # question, however long (one or two questions in a long paragraph are the writer's, not turns)
    interview = len(asked) >= INTERVIEW_QUESTIONS
    answers_from = asked[0] if interview else len(sents)
    for i in range(1, len(sents)):
        e = sents[i - 1][1]
        count += 1
        if any(qs < e < qe for qs, qe in quote_ranges):
            continue
        if text[max(lo, e - 4):e].rstrip().endswith(":"):
            continue  # "Elle a ajouté :" leads into the sentence after it
        if i > answers_from:
            if i not in asked and i - 1 not in asked and not bullet_at(text, sents, i):
                continue
        elif count < RUN and not _turn(text, sents, i, people, count, interview):
            continue
        nxt = e
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        out.append((lo, e))
        lo, count = nxt, 0
    out.append((lo, end))
    return out


def _turn(text: str, sents: list[tuple[int, int]], i: int, people: Sequence[Person], count: int,
          interview: bool) -> bool:
    """Whether the text turns to a new voice between sentences ``i - 1`` and ``i`` (``interview``: the
    paragraph's questions are an interview's)."""
    if interview and (question_at(text, sents, i) or question_at(text, sents, i - 1)) or bullet_at(text, sents, i):
        return True
    return count >= MIN_RUN and new_person_at(text, sents, i, people)
