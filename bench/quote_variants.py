"""The typographic variants of ``bench/quote_perturb.py``: each turns a body text (paragraphs apart by
blank lines) into a list of edits, so that any offset of the text (a gold quote's span) can be mapped
into the changed text. Every edit only moves quotation marks, dashes, commas and white space: the
words of the text, and so the tokens the scorer compares, stay the same.

Plain functions over strings (no corpus, no spaCy), tested on invented text in
``tests/test_quote_perturb.py``.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass

Edit = tuple[int, int, str]  # replace text[start:end] by the string

NBSP, NNBSP = "\u00a0", "\u202f"
_GAP_CHARS = f" {NBSP}{NNBSP}\u2009"
_GAP = f"[{_GAP_CHARS}]*"  # what may stand between a guillemet and its words
_OPEN = re.compile(f"«{_GAP}")
_CLOSE = re.compile(f"{_GAP}»")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
# "» , a-t-il dit, «": an incise between a closing mark and the quote's reopening
_CLOSED_INCISE = re.compile(f"{_GAP}»{_GAP},{_GAP}([^«»\\n,.;:!?]{{2,80}}?){_GAP},{_GAP}«{_GAP}")
# ", a-t-il ajouté, " inside a quote: a speech verb with its inverted pronoun
_INLINE_INCISE = re.compile(r",[ ]+(\w+(?:-t)?-(?:il|elle|ils|elles|on)\b[^,.;:!?«»\n]{0,60}),[ ]+")


@dataclass
class Mapped:
    """A text after its edits, with the map of the old text's characters into it."""

    text: str
    starts: list[int]  # old edit start -> new start of its replacement, in order
    edits: list[Edit]

    def char(self, old: int) -> int | None:
        """Where an unedited character of the old text now stands (``None`` when an edit took it)."""
        shift = 0
        for (s, e, rep) in self.edits:
            if old < s:
                break
            if old < e:
                return None
            shift += len(rep) - (e - s)
        return old + shift

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The new span of old ``[start, end)``: its first and last characters mapped, or, when an edit
        took one, the edge of that edit's replacement."""
        new_start = self.char(start)
        if new_start is None:
            new_start = self._edge(start, after=False)
        last = self.char(end - 1)
        new_end = last + 1 if last is not None else self._edge(end - 1, after=True)
        return new_start, max(new_start, new_end)

    def _edge(self, old: int, after: bool) -> int:
        for (s, e, rep), new_s in zip(self.edits, self.starts, strict=True):
            if s <= old < e:
                return new_s + len(rep) if after else new_s
        raise ValueError(old)


def apply_edits(text: str, edits: list[Edit]) -> Mapped:
    """``text`` with ``edits`` (non-overlapping; sorted here) made, and the offset map."""
    edits = sorted(edits)
    out, starts, pos, shift = [], [], 0, 0
    for s, e, rep in edits:
        if s < pos:
            raise ValueError(f"overlapping edits at {s}")
        out.append(text[pos:s])
        starts.append(s + shift)
        out.append(rep)
        shift += len(rep) - (e - s)
        pos = e
    out.append(text[pos:])
    return Mapped("".join(out), starts, edits)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def _guillemets(text: str, open_to: str, close_to: str) -> list[Edit]:
    """Every « and » with the spaces inside them replaced by ``open_to`` / ``close_to``."""
    edits = [(m.start(), m.end(), open_to) for m in _OPEN.finditer(text)]
    edits += [(m.start(), m.end(), close_to) for m in _CLOSE.finditer(text)]
    return _drop_overlaps(edits)


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for edit in sorted(edits):
        if not out or edit[0] >= out[-1][1]:
            out.append(edit)
    return out


def _depths(text: str) -> list[tuple[int, str, int]]:
    """(position, mark, nesting depth) of the « » “ ” that pair up within a paragraph, in order; the
    depth is the number of pairs around a pair (0: an outer quote). A mark left without its partner
    (a quote running on, a stray mark) is left out and nests nothing."""
    out = []
    for s, e in _paragraphs(text):
        stack: list[int] = []
        pairs: list[tuple[int, int]] = []
        for j in range(s, e):
            if text[j] in "«“":
                stack.append(j)
            elif text[j] in "»”" and stack:
                pairs.append((stack.pop(), j))
        for a, b in pairs:
            depth = sum(1 for c, d in pairs if c < a and b < d)
            out += [(a, text[a], depth), (b, text[b], depth)]
    return sorted(out)


def nested_marks(text: str, open_to: str, close_to: str, outer: tuple[str, str] | None = None) -> list[Edit]:
    """Nested quotes (depth >= 1) in ``open_to``/``close_to``; outer guillemets in ``outer`` when given."""
    marks = _depths(text)
    if not any(d for _, _, d in marks):
        return []
    edits: list[Edit] = [(j, j + 1, open_to if ch in "«“" else close_to) for j, ch, depth in marks if depth]
    if outer is not None:  # every other guillemet, paired or not, with the spaces inside it
        nested = {j for j, _, depth in marks if depth}
        edits += [(m.start(), m.end(), outer[0]) for m in _OPEN.finditer(text) if m.start() not in nested]
        edits += [(m.start(), m.end(), outer[1]) for m in _CLOSE.finditer(text) if m.end() - 1 not in nested]
    return _drop_overlaps(edits)


def _closing_at_end(text: str, s: int, e: int) -> re.Match | None:
    """The » that ends a paragraph (a final period or comma may follow it)."""
    return re.compile(f"{_GAP}»(?=[.,]?\\s*$)").search(text, s, e)


def no_close_end(text: str, continued_only: bool) -> list[Edit]:
    """The » ending a paragraph dropped: every one, or (``continued_only``, the French convention of a
    quote running over paragraphs) only where the next paragraph opens with «."""
    paras = _paragraphs(text)
    edits = []
    for k, (s, e) in enumerate(paras):
        m = _closing_at_end(text, s, e)
        if not m:
            continue
        if continued_only and not (k + 1 < len(paras) and text[paras[k + 1][0]] == "«"):
            continue
        edits.append((m.start(), m.end(), ""))
    return edits


def dash_answers(text: str, dash: str) -> list[Edit]:
    """A paragraph that is one quote set as a line of dialogue: ``dash`` and a space open it and its
    marks go, its incise after the quote, if any, staying ("« Oui », dit-il." -> "— Oui, dit-il.")."""
    edits = []
    for s, e in _paragraphs(text):
        head = _OPEN.match(text, s)
        close = text.find("»", s, e)
        if not head or close < 0 or "«" in text[head.end():e] or "»" in text[close + 1:e]:
            continue
        if not _TAIL.fullmatch(text, close + 1, e):
            continue
        tail = _CLOSE.search(text, head.end(), close + 1)
        edits += [(s, head.end(), f"{dash} "), (tail.start(), tail.end(), "")]
    return edits


# what may follow the closing mark of a dialogue line: nothing, a period, or an incise ", dit-il."
_TAIL = re.compile(r"[.]?\s*|,[ ][^«»\n.!?]{1,80}[.!?]?\s*")


def merged(text: str) -> list[Edit]:
    """Blank lines (paragraph breaks) turned into one space: a dump that lost them."""
    return [(m.start(), m.end(), " ") for m in re.finditer(r"\s*\n\s*\n\s*", text)]


QUESTION_WORDS = 40  # a longer paragraph ending on "?" is prose, not an interview question


def qa_joined(text: str) -> list[Edit]:
    """An interview whose questions lost their own line (set in bold on the page, the bold and the blank
    line gone in a copy): each short paragraph that ends on "?" runs on with the paragraph after it
    ("Et demain ?\n\n– On verra." -> "Et demain ? – On verra.")."""
    edits: list[Edit] = []
    spans = _paragraphs(text)
    for (s, e), (nxt, _) in zip(spans, spans[1:], strict=False):
        question = text[s:e].rstrip()
        if question.endswith("?") and len(question.split()) <= QUESTION_WORDS and not _MARKS.search(question):
            edits.append((s + len(question), nxt, " "))
    return edits


_MARKS = re.compile("[«»“”\"]")


def wrapped(text: str, width: int = 72, indent: str = "   ") -> list[Edit]:
    """Each paragraph hard-wrapped at ``width`` columns with ``indent`` before each line, as lynx
    writes a page: the space at each wrap becomes a line break and the indent."""
    edits: list[Edit] = []
    for s, e in _paragraphs(text):
        edits.append((s, s, indent))
        col = len(indent)
        for m in re.finditer(r"(\s+)?(\S+)", text[s:e]):
            gap, word = m.group(1), m.group(2)
            if gap and col + 1 + len(word) > width:
                edits.append((s + m.start(1), s + m.end(1), "\n" + indent))
                col = len(indent) + len(word)
            else:
                col += (1 if gap else 0) + len(word)
    return edits


def incises(text: str, opener: str, closer: str, inline: bool) -> list[Edit]:
    """Incises set off by ``opener``/``closer`` (", " or " — "): those between a closing mark and the
    quote's reopening (the marks go), and with ``inline`` those already inside the quote by commas."""
    edits = [(m.start(), m.start(1), opener) for m in _CLOSED_INCISE.finditer(text)]
    edits += [(m.end(1), m.end(), closer) for m in _CLOSED_INCISE.finditer(text)]
    if inline:
        for s, e in _inside_quotes(text):
            for m in _INLINE_INCISE.finditer(text, s, e):
                edits += [(m.start(), m.start(1), opener), (m.end(1), m.end(), closer)]
    return _drop_overlaps(edits)


def _inside_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of the outer quotes; a quote left open runs to its paragraph's end."""
    out = []
    for s, e in _paragraphs(text):
        depth, open_at = 0, s
        for j in range(s, e):
            if text[j] in "«“":
                open_at = j if depth == 0 else open_at
                depth += 1
            elif text[j] in "»”" and depth:
                depth -= 1
                if depth == 0:
                    out.append((open_at, j))
        if depth:
            out.append((open_at, e))
    return out


def _outer_guillemets(text: str) -> tuple[list[re.Match], list[re.Match]]:
    """The opening and closing guillemets (with the spaces inside them) that are not a nested pair's."""
    nested = {j for j, _, depth in _depths(text) if depth}
    return ([m for m in _OPEN.finditer(text) if m.start() not in nested],
            [m for m in _CLOSE.finditer(text) if m.end() - 1 not in nested])


def _seeded(text: str) -> random.Random:
    """A random draw fixed by the text, so that a variant gives the same page on every run."""
    return random.Random(zlib.crc32(text.encode("utf-8")))


FLIP = 1 / 3  # the share of curly marks set the wrong way in ``unpaired-curly``


def unpaired_curly(text: str) -> list[Edit]:
    """Every guillemet set as a curly mark, its spaces kept, and about one in three turned the wrong way
    (seeded): “ as ”, ” as “, as a page mixing two smart-quote settings writes them (“ Nous … “, ” Nous … ”)."""
    rng = _seeded(text)
    edits = []
    for m in sorted([*_OPEN.finditer(text), *_CLOSE.finditer(text)], key=lambda m: m.start()):
        opening = m.group().startswith("«")
        mark = "“" if opening != (rng.random() < FLIP) else "”"
        edits.append((m.start(), m.end(), m.group().replace("«" if opening else "»", mark)))
    return _drop_overlaps(edits)


def lost_open(text: str) -> list[Edit]:
    """Every quote's opening guillemet dropped with the spaces inside it, its closing one kept
    ("Il a dit : Nous partons », a-t-il ajouté"); nested pairs kept."""
    openings, _ = _outer_guillemets(text)
    return [(m.start(), m.end(), "") for m in openings]


def lost_mark(text: str) -> list[Edit]:
    """One mark of each quote that pairs within its paragraph dropped, the opening or the closing one
    at random (seeded); nested pairs and marks that do not pair kept."""
    rng = _seeded(text)
    marks = [(j, depth) for j, _, depth in _depths(text) if not depth and text[j] in "«»"]
    openings = {m.start(): m for m in _OPEN.finditer(text)}
    closings = {m.end() - 1: m for m in _CLOSE.finditer(text)}
    edits = []
    for (a, _), (b, _) in zip(marks[::2], marks[1::2], strict=False):
        m = openings.get(a) if rng.random() < 0.5 else closings.get(b)
        if m is not None:
            edits.append((m.start(), m.end(), ""))
    return _drop_overlaps(edits)


_ANY_OPEN = re.compile(f"[«“]{_GAP}")
_ANY_CLOSE = re.compile(f"{_GAP}[»”]")


def no_marks(text: str) -> list[Edit]:
    """Every « » “ ” gone with the spaces inside it: a quote is told only by a colon, an incise or a
    speech verb ("Il a dit : Nous partons, a-t-il ajouté.")."""
    return _drop_overlaps([(m.start(), m.end(), "") for m in [*_ANY_OPEN.finditer(text), *_ANY_CLOSE.finditer(text)]])


VARIANTS: dict[str, Callable[[str], list[Edit]]] = {
    "guil-nospace": lambda t: _guillemets(t, "«", "»"),
    "guil-nbsp": lambda t: _guillemets(t, "«" + NBSP, NBSP + "»"),
    "guil-nnbsp": lambda t: _guillemets(t, "«" + NNBSP, NNBSP + "»"),
    "curly": lambda t: _guillemets(t, "“", "”"),
    "straight": lambda t: _guillemets(t, '"', '"'),
    # both marks the closing curly one (”…”), as a CMS whose "smart quotes" only curl one way writes them
    "curly-closing": lambda t: _guillemets(t, "”", "”"),
    "reversed": lambda t: _guillemets(t, "» ", " «"),
    "nested-angle": lambda t: nested_marks(t, "‹", "›"),
    "nested-single": lambda t: nested_marks(t, "‘", "’", outer=("“", "”")),
    "continued": lambda t: no_close_end(t, continued_only=True),
    "no-close-end": lambda t: no_close_end(t, continued_only=False),
    "dash-em": lambda t: dash_answers(t, "—"),
    "dash-en": lambda t: dash_answers(t, "–"),
    "merged": merged,
    "qa-joined": qa_joined,
    "wrapped": wrapped,
    "incise-commas": lambda t: incises(t, ", ", ", ", inline=False),
    "incise-dashes": lambda t: incises(t, " — ", " — ", inline=True),
    "unpaired-curly": unpaired_curly,
    "lost-open": lost_open,
    "lost-mark": lost_mark,
    "no-marks": no_marks,
}


def locate(body: str, quote: str) -> tuple[int, int] | None:
    """The span of ``quote`` (a gold quote's text, its lines joined by spaces) in ``body``, white
    space compared as one space; ``None`` when it is not there."""
    index: list[int] = []
    flat = []
    for j, ch in enumerate(body):
        if ch.isspace():
            if flat and flat[-1] == " ":
                continue
            flat.append(" ")
        else:
            flat.append(ch)
        index.append(j)
    target = " ".join(quote.split())
    at = "".join(flat).find(target)
    if at < 0 or not target:
        return None
    return index[at], index[at + len(target) - 1] + 1
