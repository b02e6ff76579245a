"""Printed interviews whose answers carry neither quotation marks nor a label: a question paragraph, then
the interviewee's words as plain paragraphs (the question is set in bold on the site, lost in the text).

    Paul Arnaud dirige la régie des eaux de Vienne depuis dix ans.
    Pourquoi ces coupures cet été ?
    Les nappes sont au plus bas depuis trente ans, nous avons dû fermer deux puits en juillet.
    Que demandez-vous à l'État ?
    Un plan de dix ans pour les réseaux. Je le réclame depuis mon arrivée.

The gold (tests/data/real_pages/GUIDELINES.md, "Interviews in question–answer layout") gives each answer
paragraph to the interviewee as a direct quote. An explainer with question subheadings ("Que faire en
cas de malaise ?") has the same shape, so the layout holds only when at least ``MIN_ANSWERS`` answers
follow a question, questions address someone ("vous") and answers speak in the first person
(``lexicons/quotes/interview_persons.tsv``), ``MIN_PERSONS`` of them together.
Answers opened by a dash or a label are ``labelled_answers.py``'s; answers in marks are ``interview.py``'s.
"""

from __future__ import annotations

import re

from veille.common import lexicon
from veille.model import Quote
from veille.quotes.interview import interviewee
from veille.quotes.labelled_answers import DASH, LABEL
from veille.quotes.marks import MARK_FAMILY
from veille.quotes.state import ArticleState

MIN_ANSWERS = 3  # question–answer pairs that make a page an interview
MIN_ADDRESSED = 1  # questions saying "vous" (in them or in the sentence leading into them)
MIN_FIRST_PERSON = 2  # answers saying "je" or "nous": the narrator of a news story does not
MIN_PERSONS = 4  # addressed questions and first-person answers together: a writer's rhetorical questions have few
QUESTION_WORDS = 80  # a longer paragraph ending in "?" is prose (a rhetorical question), not a question
ANSWER_WORDS = 12  # a shorter paragraph after a question is a heading, a caption or a link, not an answer
CONTINUATION_WORDS = 20  # a shorter paragraph after an answer is a heading or a link, not more of it
# a sentence end: the space after ".", "!", "?" or "…" (and a closing mark) before a capital, a digit or a mark
SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"]?[ \u00a0\u202f]+(?=[A-ZÀ-Ý0-9«“\"–—])")


def _person_pattern(group: str) -> re.Pattern[str]:
    words = sorted(lexicon.groups("quotes/interview_persons.tsv")[group], key=len, reverse=True)
    alts = [re.escape(w[:-1]) + "['’]" if w.endswith("'") else re.escape(w) + r"(?![\w'’-])" for w in words]
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alts) + ")", re.I)


ASKER = _person_pattern("asker")
ANSWERER = _person_pattern("answerer")


def _is_question(para: str) -> bool:
    t = para.rstrip(" \u00a0\u202f")
    return t.endswith("?") and len(t.split()) <= QUESTION_WORDS


def _plain(para: str) -> bool:
    """Words that open on themselves: no mark (``interview.py``), no dash or label (``labelled_answers``)."""
    lead = len(para) - len(para.lstrip())
    return not (para[lead:lead + 1] in MARK_FAMILY or DASH.match(para, lead) or LABEL.match(para, lead))


def _pieces(state: ArticleState) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of the body's sentences; a question and its answer may share a
    paragraph when the page set them on two lines with no blank line between them."""
    text, segs = state.text, state.segs
    body = state.art.body_start()
    out = []
    for k, (ps, pe) in enumerate(segs):
        if ps < body:
            continue
        a = ps
        for cut in SENTENCE_END.finditer(text, ps, pe):
            out.append((k, a, cut.start()))
            a = cut.end()
        out.append((k, a, pe))
    return [(k, a, b) for k, a, b in out if text[a:b].strip()]


def _pairs(state: ArticleState) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(question start, question end, answer spans one a paragraph) for each question of the body that
    the next sentences answer: plain, outside marks, up to the next question. The question starts at the
    sentence before it in its paragraph (its lead-in), when there is one, for the "vous" count only."""
    text = state.text
    pieces = _pieces(state)
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    n = 0
    while n < len(pieces):
        k, a, b = pieces[n]
        n += 1
        if not _is_question(text[a:b]) or state.in_quote(a) or state.in_quote(b - 1):
            continue
        if n > 1 and pieces[n - 2][0] == k and not _is_question(text[pieces[n - 2][1]:pieces[n - 2][2]]):
            lead = pieces[n - 2][1]  # "Dans votre livre, vous alertez sur X. Comment l'expliquer ?"
        else:
            lead = a
        spans: list[tuple[int, int]] = []  # one a paragraph
        while n < len(pieces) and not _is_question(text[pieces[n][1]:pieces[n][2]]):
            j, c, d = pieces[n]
            same = bool(spans) and state.seg_of(spans[-1][0]) == state.seg_of(c)
            if not same and (state.in_quote(c) or not _plain(text[c:d])):
                break  # words in marks or after a dash or label: another rule's answer, or the writer's quote
            if not same and spans and state.words(*state.segs[j]) < CONTINUATION_WORDS:
                break  # a short paragraph after an answer: a heading, a link, a credit
            if not same and spans and ASKER.search(text[c:d]):
                break  # "Vous avez débuté à Vienne." then "Pourquoi ce choix ?": the next question's lead-in
            spans[-1:] = [(spans[-1][0], d)] if same else spans[-1:] + [(c, d)]
            n += 1
        spans = [(c, d) for c, d in spans if state.words(c, d) >= ANSWER_WORDS]
        if spans:
            out.append((lead, b, spans))
    return out


def unlabelled_answers(state: ArticleState) -> list[Quote]:
    """Example: "Que demandez-vous à l'État ?" then "Un plan de dix ans. Je le réclame depuis mon arrivée."
    in a page of such pairs whose lede names Paul Arnaud: the answer is his direct quote (rule
    ``unlabelled_answer``), and so are the plain paragraphs after it up to the next question."""
    text = state.text
    pairs = _pairs(state)
    if len(pairs) < MIN_ANSWERS:
        return []
    addressed = sum(1 for a, b, _ in pairs if ASKER.search(text[a:b]))
    spoken = sum(1 for _, _, spans in pairs if any(ANSWERER.search(text[c:d]) for c, d in spans))
    if addressed < MIN_ADDRESSED or spoken < MIN_FIRST_PERSON or addressed + spoken < MIN_PERSONS:
        return []
    speaker = interviewee(state)
    if speaker is None:
        return []
    out: list[Quote] = []
    for _, _, spans in pairs:
        for a, b in spans:
            a += len(text[a:b]) - len(text[a:b].lstrip())
            b -= len(text[a:b]) - len(text[a:b].rstrip())
            if b <= a:
                continue
            q = Quote(text=text[a:b], speaker=speaker, kind="direct", cue=None, language=state.language(a, b, None),
                      speaker_text=None, start=a, end=b)
            state.note_rule(q, "unlabelled_answer")
            out.append(q)
    return out
