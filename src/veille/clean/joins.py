"""Where the lines of a page run on as one paragraph and where the layout opens a new one.

A page's lines with no blank line between them are not always one paragraph: a subheading or a
kicker ("Les suites de l'enquête", "Ville -") printed on its own line right above the text it
heads, an HTML block above the next one. Joined with a space, the heading and the sentence under
it become one sentence for the parser ("… de l'enquête Le comité a …": the speaker and the
subject are misread), and ``nlp.no_mid_breaks`` forbids the parser a sentence start after a word.

A line goes on with the line above when that line ends on a mark that closes a sentence (the
paragraph's own sentences), or on a comma or a word cut by a hyphen, or when it was cut by a hard
wrap (``dump.wraps_into``: the line above had no room for the next word, or came near the wrap
column), or ends on a word no heading ends on (an article, a preposition: ``run_on_words``), or when the line opens on no capital nor digit (in lower case, on a mark: the sentence
goes on). Otherwise the line above was a heading, a kicker or a block
of its own: a new paragraph, hence a sentence break.
"""

from __future__ import annotations

from veille.clean.dump import run_on_words, wrap_width, wraps_into

# Last characters of a line after which the next line stays in its paragraph: the ends of a
# sentence (as ``nlp.SENTENCE_ENDS``), a comma, a word cut by a hyphen at the line's end.
RUN_ON_ENDS = frozenset('.!?…:;»"”)],')
# A line this close to the wrap column may have been wrapped early (a text browser keeps a name,
# a link or a word with its mark together): "… espère Jeanne" / "Dumas, on …" is one sentence.
NEAR_FULL = 0.7


def opens_paragraph(prev: str, line: str, width: int) -> bool:
    """Whether ``line`` opens a paragraph of its own under ``prev`` (both non-blank, no blank line
    between them): ``prev`` is a heading or a block of its own (see the module doc). ``width``: the
    page's wrap column (``wrap_width``); a view of one block a line has none that its short lines reach."""
    tail = prev.rstrip()
    head = line.strip()[:1]
    if not tail or not (head.isupper() or head.isdigit()) or tail[-1] in RUN_ON_ENDS:
        return False  # (a line opening in lower case, on a mark or a bracket goes on with the sentence)
    if len(tail) >= NEAR_FULL * width:
        return False
    if tail[-1] == "-" and tail[-2:-1].isalpha():
        return False  # "Jean-" / "Pierre": a word cut at its hyphen
    last = tail.rsplit(None, 1)[-1].lower()
    if last in run_on_words() or last[-2:] in ("l'", "d'", "l’", "d’") and last[-2:] in run_on_words():
        return False  # "… l'élue de" / "Valbrune …": the sentence goes on
    return not wraps_into(prev, line, width)


def paragraphs_of(lines: list[str], width: int | None = None) -> list[str]:
    """The paragraphs of ``lines``: a blank line or ``opens_paragraph`` closes one, the lines of a
    paragraph joined by a space. ``width``: the wrap column, else read from ``lines``."""
    if width is None:
        width = wrap_width(lines)
    out: list[str] = []
    current: list[str] = []
    prev = ""
    for line in lines:
        text = line.strip()
        if not text or current and opens_paragraph(prev, line, width):
            if current:
                out.append(" ".join(current))
            current = []
        if text:
            current.append(text)
        prev = line if text else ""
    if current:
        out.append(" ".join(current))
    return out
