"""Speaker forms of ``bench/speaker_form_perturb.py``: the press forms issue 16 names that no other
variant writes, built on the page's own quotes with invented inserted words and invented persons only.

* ``name-after-verb``: "« … », a dit X." -> "« … ». C'est ce qu'a dit X." (the speaker named only in
  the sentence after the quote, by a speech verb);
* ``name-after-words``: the same, "« … » Ces mots sont ceux de X." (no speech verb);
* ``incise-runon``: a quote of two sentences or more, its incise set after the first, with an
  apposition, and the rest running on in a second pair of marks: "« A », dit X, spécialiste … « B »";
* ``incise-inside``: the same incise inside one pair of marks: "« A, dit X, spécialiste … B »";
* ``third-between``: two adjacent paragraphs of two voices' quotes joined (as ``two-voice``), an
  invented sentence naming an invented third person as its object set between them;
* ``interview-qa``: the quotes of one gold voice that open their paragraph, each after an invented
  question line, their incise taken away (the rest of the paragraph set apart), the voice named once in
  an invented lede;
* ``quote-heading``: a heading line made of the first words of a quote opening the next paragraph;
* ``alone-next``: "« … », dit X, apposition. Suite." -> "« … »" then a paragraph "X, apposition, dit sans
  détour. Suite." (in turn: the incise's verb, "Ces mots sont ceux de X", "X ne s'en cache pas"): the
  quote alone in its paragraph (or closing it, when words come before it), its speaker named only in the
  next paragraph.

Each function turns a body (paragraphs apart by blank lines) into a ``Change``: the edits, the inserted
incises a gold quote is cut at (one gold quote each part, the same speaker) and the headings added as
gold quotes of the speaker of the quote they repeat. Plain functions over strings, tested on invented
text in ``tests/test_speaker_form_variants.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from chain_variants import two_voice
from quote_lead_variants import Found, quotes_with_incise
from quote_variants import Edit, _paragraphs

_SP = " \u00a0\u202f"
_VOWEL = tuple("aeiouyéèêàâîôûhAEIOUYÉÈÊÀÂÎÔÛH")
_SENTENCE_IN_QUOTE = re.compile(r"(?<=\.)[ ]+(?=[A-ZÀ-ÖØ-Þ])")
MAX_HEADINGS = 2
HEADING_QUOTE_WORDS = 15  # a shorter quote and its heading would match each other in the scorer

# invented words and persons (this bench's own)
AFTER_WORDS = ("Ces mots sont ceux {de}{x}", "Ces paroles sont celles {de}{x}")
APPOSITIONS = (", spécialiste des transports à l'institut Varennes", ", membre du conseil scientifique de Lorvane")
THIRD_PERSONS = ("La commission a auditionné Gérard Lemoine dans la matinée.",
                 "Le bureau du parti a reçu Hélène Castagnet la veille.",
                 "Les syndicats ont rencontré Marcel Vidalenc à huis clos.")
QUESTIONS = ("Comment voyez-vous la suite ?", "Qu'est-ce qui vous a décidé ?",
             "Que répondez-vous à vos critiques ?", "Et pour les mois qui viennent ?")
LEDE = "{x} a répondu à nos questions."
NEXT_PARAGRAPH = ("{lead} sans détour", "Ces mots sont ceux {de}{x}", "{x}{sep}ne s'en cache pas")


@dataclass
class Change:
    """A variant of one body: its edits, the inserted incises a gold quote is cut at, and the headings
    (inserted text, the offset of the quote it repeats in the old body) that are gold quotes too."""

    edits: list[Edit] = field(default_factory=list)
    cuts: list[str] = field(default_factory=list)
    headings: list[tuple[str, int]] = field(default_factory=list)


def _elide(word: str, nxt: str) -> str:
    return f"{word[:-1]}'{nxt}" if nxt.startswith(_VOWEL) else f"{word} {nxt}"


def _inner_end(text: str, f: Found) -> int:
    """Just after the quote's last word (before the closing mark and its spaces)."""
    k = f.close_end - 1
    while k > 0 and text[k - 1] in _SP:
        k -= 1
    return k


def _named(text: str) -> list[Found]:
    return [f for f in quotes_with_incise(text) if f.incise.named]


def name_after(text: str, words: bool) -> Change:
    """Each quote with an incise naming its speaker: the incise rewritten as the next sentence."""
    change = Change()
    for k, f in enumerate(_named(text)):
        x = f.incise.subject
        if words:
            sentence = AFTER_WORDS[k % len(AFTER_WORDS)].format(de="d'" if x.startswith(_VOWEL) else "de ", x=x)
        else:
            sentence = "C'est ce " + _elide("que", f"{f.incise.verb} {x}")
        ended = text[_inner_end(text, f) - 1] in ".!?…"
        change.edits.append((f.close_end, f.end, (" " if ended else ". ") + sentence))
    return change


def incise_split(text: str, inside: bool) -> Change:
    """A quote of two sentences or more with an incise naming its speaker: the incise (with an invented
    apposition when it has none) set after the sentence nearest the quote's middle, the rest running on
    in a new pair of marks (or, ``inside``, in the same pair)."""
    change = Change()
    for k, f in enumerate(_named(text)):
        a = f.open_at + 1
        while text[a] in _SP:
            a += 1
        b = _inner_end(text, f)
        ends = [m.start() + a for m in _SENTENCE_IN_QUOTE.finditer(text[a:b])]
        if not ends:
            continue
        cut = min(ends, key=lambda c: abs(c - (a + b) / 2))
        gap = re.compile(r"[ ]+").match(text, cut).end()
        x = f.incise.subject + ("" if "," in f.incise.subject else APPOSITIONS[k % len(APPOSITIONS)])
        incise = f"{f.incise.verb} {x}"
        rep = f", {incise}. " if inside else f" », {incise}. « "
        change.edits += [(cut - 1, gap, rep), (f.close_end, f.end, "")]
        change.cuts.append(" ".join(rep.split()))
    return change


def third_between(paragraphs: list[tuple[int, int]], voices: list[set[str | None]], text: str) -> Change:
    """``two-voice``'s joins, each with an invented sentence naming a third person as its object between
    the two voices (``voices``: the speakers of each paragraph's gold quotes)."""
    joins = two_voice(paragraphs, voices, text)
    return Change([(s, e, f" {THIRD_PERSONS[k % len(THIRD_PERSONS)]} ") for k, (s, e, _) in enumerate(joins)])


def interview_qa(text: str, speaker_at: Callable[[int], str | None]) -> Change:
    """The quotes of the voice with the most quotes that open their paragraph with an incise after them
    (two at least; ``speaker_at``: the gold voice of the quote opening at an offset), each after an
    invented question paragraph, its incise taken away (what followed it in the paragraph set apart as
    the next paragraph); an invented lede names the voice once."""
    groups: dict[str, list[Found]] = {}
    for f in quotes_with_incise(text):
        voice = speaker_at(f.open_at) if f.para_start else None
        if voice:
            groups.setdefault(voice, []).append(f)
    name, best = max(groups.items(), key=lambda kv: len(kv[1]), default=("", []))
    if len(best) < 2:
        return Change()
    change = Change([(0, 0, LEDE.format(x=name) + "\n\n")])
    for k, f in enumerate(best):
        rest = f.end + 1
        while rest < f.para[1] and text[rest] in _SP:
            rest += 1
        change.edits += [(f.para[0], f.para[0], QUESTIONS[k % len(QUESTIONS)] + "\n\n"),
                         (f.close_end, rest, "\n\n" if rest < f.para[1] else "")]
    return change


_HEAD_WORDS = re.compile(r"[^,.;:!?…«»\n]+")


def quote_heading(text: str) -> Change:
    """Before a paragraph (not the first) opening on a quote with an incise, a heading line of the
    quote's first words (three to six, up to a comma) in marks; the first ``MAX_HEADINGS`` such."""
    change = Change()
    first = _paragraphs(text)[0] if text.strip() else (0, 0)
    for f in quotes_with_incise(text):
        if not f.para_start or f.para == first or len(change.headings) >= MAX_HEADINGS:
            continue
        a = f.open_at + 1
        while text[a] in _SP:
            a += 1
        m = _HEAD_WORDS.match(text, a)
        words = m.group().split()[:6] if m else []
        if len(words) < 3 or len(text[a:f.close_end].split()) < HEADING_QUOTE_WORDS:
            continue
        heading = " ".join(words)
        change.edits.append((f.para[0], f.para[0], f"« {heading} »\n\n"))
        change.headings.append((heading, a))
    return change


def alone_next(text: str) -> Change:
    """Each quote with an incise naming its speaker: the incise taken away and the speaker named in a new
    paragraph right after the quote, in the forms of ``NEXT_PARAGRAPH`` in turn (the rest of the quote's
    sentence and paragraph going on after it)."""
    change = Change()
    for k, f in enumerate(_named(text)):
        x = f.incise.subject
        sentence = NEXT_PARAGRAPH[k % len(NEXT_PARAGRAPH)].format(
            lead=f.incise.lead(), x=x, de="d'" if x.startswith(_VOWEL) else "de ", sep=", " if "," in x else " ")
        change.edits.append((f.close_end, f.end, "\n\n" + sentence))
    return change


FORMS: dict[str, Callable[[str], Change]] = {
    "name-after-verb": lambda t: name_after(t, words=False),
    "name-after-words": lambda t: name_after(t, words=True),
    "incise-runon": lambda t: incise_split(t, inside=False),
    "incise-inside": lambda t: incise_split(t, inside=True),
    "quote-heading": quote_heading,
    "alone-next": alone_next,
}
VARIANT_NAMES = [*FORMS, "third-between", "interview-qa"]
