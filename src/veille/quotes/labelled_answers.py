"""Printed interviews whose answers carry no quotation marks but open on a dash or on the interviewee's
name or initials, each after a question paragraph: a page-level layout.

    Paul Arnaud dirige la régie des eaux de Vienne depuis dix ans.
    Le Courrier : Pourquoi ces coupures cet été ?
    Paul Arnaud : Les nappes sont au plus bas depuis trente ans.
    Que demandez-vous à l'État ?
    P. A. – Un plan de dix ans pour les réseaux.
    Et aux habitants ?
    – De la patience. Nous réparons chaque nuit.

The gold (tests/data/real_pages/GUIDELINES.md, "Interviews in question–answer layout") gives each answer
paragraph to the interviewee as a direct quote, without its label or dash. The layout holds when at least
``MIN_ANSWERS`` paragraphs right after a question open on a dash or a label; a label is a person's name
(a mention of the article) or initials that match the name of a person of the article. A dash answer is
the last labelled speaker's, else the interviewee's (``interview.interviewee``). Long unlabelled
paragraphs between an answer and the next question continue that answer.
"""

from __future__ import annotations

import re
import unicodedata

from veille.model import Quote
from veille.quotes.interview import interviewee
from veille.quotes.marks import MARK_FAMILY
from veille.quotes.state import ArticleState

MIN_ANSWERS = 3  # labelled answers after questions that make a page an interview
QUESTION_WORDS = 80  # a longer paragraph ending in "?" is prose (a rhetorical question), not a question
CONTINUATION_WORDS = 20  # a shorter unlabelled paragraph is a heading or a wrapped line, not more of the answer
DASH = re.compile(r"[–—-][ \u00a0\u202f]+(?=\S)")
# a label: initials ("P. A.", "P.A.") or up to four capitalised words, then ":", a dash or ".-"
LABEL = re.compile(r"(?P<label>(?:[A-ZÀ-Ý]\.[ \u00a0]?){1,3}|[A-ZÀ-Ý][\w'’-]+(?:[ \u00a0][A-ZÀ-Ý][\w'’-]+){0,3})"
                   r"[ \u00a0\u202f]*(?::|[–—]|\.-)[ \u00a0\u202f]*(?=\S)")
INITIAL = re.compile(r"[A-ZÀ-Ý]")
ASKS = re.compile(r"\s*[^.!?«»\"]{0,300}\?")  # a paragraph whose first sentence is a question: the next question
INITIALS = re.compile(r"(?:[A-ZÀ-Ý]\.[ \u00a0]?){1,3}")
SECOND_PERSON = re.compile(r"\b(?:vous|votre|vos|tu|ton|ta|tes)\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:je|me|moi|mon|ma|mes)\b|\b[jm]['’]", re.I)


def _initials(name: str) -> str:
    return _fold("".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper()))


def _fold(letters: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", letters) if not unicodedata.combining(c))


def _is_question(text: str) -> bool:
    t = text.rstrip(" \u00a0\u202f")
    return t.endswith("?") and len(t.split()) <= QUESTION_WORDS


def _spoken(state: ArticleState, found: list[tuple[int, int, int, str | None]]) -> bool:
    """Dash answers only: an interview when a question says "vous", an answer says "je", or each question
    gets one dashed paragraph (several dashed items under question subheadings are an explainer's lists)."""
    segs, text = state.segs, state.text
    asks = any(SECOND_PERSON.search(text[segs[k - 1][0]:segs[k - 1][1]]) for k, _, _, _ in found)
    if asks or any(FIRST_PERSON.search(text[s:e]) for _, s, e, _ in found):
        return True
    return not any(k + 1 < len(segs) and DASH.match(text, segs[k + 1][0], segs[k + 1][1]) for k, _, _, _ in found)


def _introduced(state: ArticleState, first_question: int) -> str | None:
    """The person named last (outside quotes) between the body's start and the first question: the
    introduction ends by presenting whom the questions are put to ("… raconte son réalisateur, Paul Arnaud.")."""
    body = state.art.body_start()
    named = [m for m in state.mentions
             if body <= m.start < first_question and not m.in_quote and m.entity.type == "PER"]
    return max(named, key=lambda m: m.start).entity.name if named else None


def _label_speaker(state: ArticleState, ps: int, found: re.Match[str]) -> str | None:
    """The person a label names: a PER mention the label opens on, else initials matching one person."""
    ls, le = ps + found.start("label"), ps + found.end("label")
    first = next((m for m in state.mentions if ls <= m.start < le), None)
    label = found.group("label")
    if first is not None and not (first.entity.type == "PER" and first.start == ls):
        return None
    if first is not None and not INITIALS.fullmatch(first.entity.name):
        return first.entity.name
    if not INITIALS.fullmatch(label.strip()):
        return None
    letters = _fold("".join(INITIAL.findall(label)))
    people = {m.entity.name for m in state.mentions if m.entity.type == "PER" and " " in m.entity.name.strip()
              and not INITIALS.fullmatch(m.entity.name)}
    fits = [n for n in people if _initials(n) == letters]
    return fits[0] if len(fits) == 1 else None


def _opening(state: ArticleState, ps: int, pe: int) -> tuple[int, str | None, bool] | None:
    """Where the answer's words start after its dash or label, the label's speaker, and whether it is a
    dash; None when the paragraph opens on neither (or on a label that names no person: a question)."""
    text = state.text[ps:pe]
    lead = len(text) - len(text.lstrip())
    found = DASH.match(text, lead)
    if found is not None:
        return ps + found.end(), None, True
    found = LABEL.match(text, lead)
    if found is None:
        return None
    who = _label_speaker(state, ps, found)
    return (ps + found.end(), who, False) if who else None


def labelled_answers(state: ArticleState) -> list[Quote]:
    """Example: "Que demandez-vous à l'État ?" then "P. A. – Un plan de dix ans pour les réseaux." in a page
    of such pairs whose lede names Paul Arnaud: the answer, without its label, is his direct quote (rule
    ``labelled_answer``); an answer opened by a dash is the last labelled speaker's, else the interviewee's."""
    text, segs = state.text, state.segs
    body = state.art.body_start()
    found: list[tuple[int, int, int, str | None]] = []  # (paragraph index, words start, end, speaker)
    for k in range(1, len(segs)):
        ps, pe = segs[k]
        if ps < body or not _is_question(text[segs[k - 1][0]:segs[k - 1][1]]):
            continue
        opened = _opening(state, ps, pe)
        if opened is None:
            continue
        s, who, dash = opened
        if text[s:s + 1] in MARK_FAMILY:
            continue  # an answer in quotation marks is left to the marks (interview.py)
        found.append((k, s, pe, who))
    if len(found) < MIN_ANSWERS or not (any(f[3] for f in found) or _spoken(state, found)):
        return []
    out: list[Quote] = []
    last: str | None = None
    fallback = interviewee(state) or _introduced(state, segs[found[0][0] - 1][0])
    for n, (k, s, pe, who) in enumerate(found):
        last = who or last
        speaker = last or fallback
        if speaker is None:
            continue
        spans = [(s, pe)]
        if n + 1 < len(found):  # long paragraphs up to the next question continue the answer
            for j in range(k + 1, found[n + 1][0]):
                cs, ce = segs[j]
                para = text[cs:ce]
                if _is_question(para) or ASKS.match(para) or _opening(state, cs, ce) is not None:
                    break
                if state.words(cs, ce) >= CONTINUATION_WORDS and not any(ch in MARK_FAMILY for ch in para[:1]):
                    spans.append((cs + len(para) - len(para.lstrip()), ce))
        for a, b in spans:
            b -= len(text[a:b]) - len(text[a:b].rstrip())
            if b <= a:
                continue
            q = Quote(text=text[a:b], speaker=speaker, kind="direct", cue=None, language=state.language(a, b, None),
                      speaker_text=None, start=a, end=b)
            state.note_rule(q, "labelled_answer")
            out.append(q)
    return out
