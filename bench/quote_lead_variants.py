"""Layout variants of ``bench/quote_lead_perturb.py``: a quote's cue moved before it behind a colon, a
long quote cut into paragraphs, an interview's name set before the answer (issue 16, helper colonlead).

Unlike ``bench/quote_variants.py`` these move words: an inverted incise after a quote ("« … », a dit
Paul Arnaud.") is written as a lead-in before it ("Paul Arnaud a dit : « … »."), so its subject
comes first. The quote's own words never change, so each gold quote keeps its text and speaker and
its span is mapped through the edits (``quote_variants.apply_edits``). A variant function turns a
body (paragraphs apart by blank lines) into edits; plain functions over strings, tested on invented
text in ``tests/test_quote_lead_variants.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quote_variants import Edit, _paragraphs

LEXICON = Path(__file__).resolve().parents[1] / "src" / "veille" / "lexicons" / "speech_verbs.tsv"
AUXILIARIES = ("a", "avait", "ont", "avaient")
PRONOUNS = ("il", "elle", "ils", "elles")
# a subject that opens on a determiner or a title is a description, not the bare name an interview sets
NOT_A_NAME = frozenset("le la les l un une son sa ses ce cet cette leur".split())
# "« … », a dit Paul Arnaud." at a paragraph or sentence start: the quote, its closing mark, the incise
# (no mark or sentence end in it; "M." or "Mme" allowed), the sentence end
_QUOTE_INCISE = re.compile(r"(?P<o>[«“\"])[ \u00a0\u202f]*(?P<q>[^«»“”\"\n]{3,}?)[ \u00a0\u202f]*[»”\"][ \u00a0\u202f]*,[ ]+"
                           r"(?P<inc>(?:M\.|Mme|[^«»“”\"\n.!?;:])+?)(?<!\sM)(?<!\sDr)(?P<end>[.!?…])(?=\s|$)")
# an adverb between the auxiliary and the participle ("a ainsi dénoncé X", "a-t-il encore ajouté")
ADVERBS = frozenset("ainsi aussi encore alors également déjà même ensuite enfin simplement".split())


@cache
def incise_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(present forms, past participles) of the lexicon's French verbs flagged ``incise``: regular -er
    and -ir forms generated, irregular ones as listed (the bench's own reading, not the stage's)."""
    present, participles = set(), set()
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[1] != "fr" or "incise" not in cols[2].split(","):
            continue
        lemma = cols[0].removeprefix("s'")
        if lemma.endswith("er"):
            present.update((lemma[:-2] + "e", lemma[:-2] + "ait"))
            participles.add(lemma[:-2] + "é")
        elif lemma.endswith("ir"):
            present.add(lemma[:-2] + "it")
            participles.add(lemma[:-2] + "i")
        for form in (cols[3].split(",") if len(cols) > 3 else []):
            form = form.strip()
            (participles if form.endswith(("é", "u", "is", "i")) and not form.endswith("ait") else present).add(form)
            if form.endswith(("it", "t")):
                participles.add(form)  # "dit", "écrit": present and participle
    return frozenset(present), frozenset(participles)


@dataclass
class Incise:
    """An inverted incise read as a lead-in: its subject and its verb phrase in lead-in order."""

    subject: str
    verb: str
    named: bool  # the subject is a bare name (capital, no determiner or title)

    def lead(self) -> str:
        # "Sa professeure, qui était là, témoigne": an apposition or relative closes on a comma
        sep = ", " if "," in self.subject else " "
        return f"{self.subject[0].upper()}{self.subject[1:]}{sep}{self.verb}"


def read_incise(incise: str) -> Incise | None:
    """"a dit Paul Arnaud" -> (Paul Arnaud, a dit); "a-t-il ajouté" -> (il, a ajouté); "explique-t-elle"
    -> (elle, explique); "souligne le maire" -> (le maire, souligne); ``None`` for any other shape."""
    present, participles = incise_verbs()
    words = incise.split()
    if len(words) > 2 and words[1].lower() in ADVERBS:
        words = [words[0], *words[2:]]
    if not words:
        return None
    head = words[0].lower()
    m = re.fullmatch(r"(\w+?)(?:-t)?-(il|elle|ils|elles)", head)
    if m:
        verb, pron = m.group(1), m.group(2)
        if verb in AUXILIARIES and len(words) >= 2 and words[1].lower() in participles:
            return Incise(pron, " ".join([verb, *words[1:]]), False)
        if verb in present:
            return Incise(pron, " ".join([verb, *words[1:]]), False)
        return None
    if head in AUXILIARIES and len(words) >= 3 and words[1].lower() in participles:
        verb, subject = " ".join(words[:2]), " ".join(words[2:])
    elif head in present and len(words) >= 2:
        verb, subject = words[0], " ".join(words[1:])
    else:
        return None
    first = re.split(r"[ '’]", subject)[0].lower().rstrip(".")
    if len(subject.split()) > 10 or first in PRONOUNS or not (subject[0].isupper() or first in NOT_A_NAME):
        return None  # "a dit sur franceinfo X", "explique à l'AFP X": a complement before the subject
    if re.fullmatch(r"\w{1,3}\.?", subject.split()[-1]) and subject.split()[-1][0].isupper():
        return None  # "a dit M." cut at the title's period
    named = subject[0].isupper() and first not in NOT_A_NAME
    return Incise(subject, verb, named)


@dataclass
class Found:
    """A quote with an inverted incise after it, starting its paragraph or a sentence."""

    open_at: int       # the opening mark
    close_end: int     # just after the closing mark
    end: int           # the sentence-ending mark after the incise
    incise: Incise
    para: tuple[int, int]
    para_start: bool   # the quote opens its paragraph


def quotes_with_incise(text: str) -> list[Found]:
    """The quotes of ``text`` followed by an inverted incise that ends their sentence, each opening its
    paragraph or a sentence of it (after ". ", "! ", "? " outside marks)."""
    out = []
    for s, e in _paragraphs(text):
        for m in _QUOTE_INCISE.finditer(text, s, e):
            before = text[s:m.start()].rstrip()
            if before and (before[-1] not in ".!?…" or before.count("«") != before.count("»")
                           or before.count('"') % 2):
                continue
            inc = read_incise(m.group("inc"))
            if inc is None:
                continue
            close_end = m.start("inc") - 2
            while text[close_end - 1] not in "»”\"":
                close_end -= 1
            out.append(Found(m.start(), close_end, m.start("end"), inc, (s, e), not before))
    return out


def colon_lead(text: str) -> list[Edit]:
    """"« … », a dit X." -> "X a dit : « … »." (the cue before the quote, behind a colon)."""
    edits: list[Edit] = []
    for f in quotes_with_incise(text):
        edits += [(f.open_at, f.open_at, f"{f.incise.lead()} : "), (f.close_end, f.end, "")]
    return edits


def colon_lead_break(text: str) -> list[Edit]:
    """A quote opening its paragraph: its cue ends the paragraph before ("… hier. X a dit :" then a
    paragraph "« … »."), as a testimony brought in by "X raconte :" sets it."""
    edits: list[Edit] = []
    paras = _paragraphs(text)
    found = quotes_with_incise(text)
    moved = {f.para for f in found if f.para_start}
    for f in found:
        k = paras.index(f.para)
        if not f.para_start or k == 0 or paras[k - 1] in moved:
            continue  # one move a paragraph: a cue is never set behind a quote moved itself
        prev_end = paras[k - 1][1]
        sep = " " if text[prev_end - 1] in ".!?…»" else ". "
        edits += [(prev_end, prev_end, f"{sep}{f.incise.lead()} :"), (f.close_end, f.end, "")]
    return edits


def name_colon(text: str, dash: bool) -> list[Edit]:
    """A paragraph that is one quote credited to a bare name: the name set before it as an interview
    sets its speakers, "Paul Arnaud : « … »" or (``dash``) "Paul Arnaud. – …" with the marks dropped."""
    edits: list[Edit] = []
    for f in quotes_with_incise(text):
        if not f.para_start or not f.incise.named:
            continue
        if dash:
            if text[f.end + 1:f.para[1]].strip():
                continue  # the answer runs to the paragraph end: only a paragraph that is the quote
            inner = _OPEN_GAP.match(text, f.open_at)
            close = f.close_end - 1
            while text[close - 1] in _SPACES:
                close -= 1
            edits += [(f.open_at, inner.end(), f"{f.incise.subject}. – "), (close, f.end + 1, "")]
        else:
            edits += [(f.open_at, f.open_at, f"{f.incise.subject} : "), (f.close_end, f.end, "")]
    return edits


_SPACES = " \u00a0\u202f"
_OPEN_GAP = re.compile(f"[«“\"][{_SPACES}]*")
_SENTENCE_IN_QUOTE = re.compile(r"(?<=[.!?…])[ ]+(?=[A-ZÀ-ÖØ-Þ])")
SPLIT_WORDS = 40  # a quote this long (in words) with a sentence end inside is cut into paragraphs


def split_paragraphs(text: str, closed: bool) -> list[Edit]:
    """A long quote (``SPLIT_WORDS`` words, a sentence end inside) cut into two paragraphs, three when
    it is twice as long, at the sentence ends nearest its halves or thirds; each new paragraph reopens
    with « (the French convention), and with ``closed`` each paragraph also closes with »."""
    edits: list[Edit] = []
    for s, e in _paragraphs(text):
        for m in re.finditer(r"«[ \u00a0\u202f]*([^«»\n]+?)[ \u00a0\u202f]*»", text[s:e]):
            a, b = s + m.start(1), s + m.end(1)
            words = len(text[a:b].split())
            ends = [x.start() + a for x in _SENTENCE_IN_QUOTE.finditer(text[a:b])]
            if words < SPLIT_WORDS or not ends:
                continue
            parts = 3 if words >= 2 * SPLIT_WORDS and len(ends) >= 2 else 2
            cuts = sorted({min(ends, key=lambda x, k=k: abs(x - (a + (b - a) * k / parts))) for k in range(1, parts)})
            for c in cuts:
                gap = re.compile(r"[ ]+").match(text, c)
                edits.append((c, gap.end(), (" »" if closed else "") + "\n\n« "))
    return edits


# a paragraph break a variant set inside a quote, with the marks around it
PARAGRAPH_CUT = re.compile(r"[ \u00a0\u202f]*»?\s*\n\s*\n\s*«[ \u00a0\u202f]*")

LEAD_VARIANTS: dict[str, Callable[[str], list[Edit]]] = {
    "colon-lead": colon_lead,
    "colon-lead-break": colon_lead_break,
    "split-paragraphs": lambda t: split_paragraphs(t, closed=False),
    "split-paragraphs-closed": lambda t: split_paragraphs(t, closed=True),
    "name-colon": lambda t: name_colon(t, dash=False),
    "name-dash": lambda t: name_colon(t, dash=True),
}
# in these variants a quote cut into paragraphs that each close is one quote a paragraph in the gold
SPLIT_GOLD = frozenset({"split-paragraphs-closed"})
