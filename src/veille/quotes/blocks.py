"""Quote blocks set without quotation marks: a paragraph of someone's words followed by a short credit
line that opens on their name ("Paul Arnaud, maire de Vienne"), often with the outlet on a line of its
own ("à franceinfo"). News sites print interview extracts this way (franceinfo quote boxes, Quebec
credit lines); the real-text gold counts them as direct quotes of the person credited.
"""

from __future__ import annotations

import re

from veille.model import Quote
from veille.quotes.marks import MARK_FAMILY
from veille.quotes.state import ArticleState

BLOCK_MIN_WORDS = 8  # a shorter paragraph is a heading, not a quote block
CREDIT_MAX_WORDS = 12
OUTLET_LINE = re.compile(r"^\s*(?:à|a|au|sur|pour)\s+\S+(?:\s+\S+){0,2}\s*$", re.I)


def credited_blocks(state: ArticleState) -> list[Quote]:
    """Example: a paragraph "Nous avons doublé nos ventes en un mois." followed by "Paul Arnaud, libraire"
    and "à franceinfo": the paragraph is Paul Arnaud's direct quote (rule ``credited_block``)."""
    out: list[Quote] = []
    text, segs = state.text, state.segs
    for i in range(len(segs) - 1):
        ps, pe = segs[i]
        cs, ce = segs[i + 1]
        block = text[ps:pe]
        if any(ch in MARK_FAMILY for ch in block) or state.words(ps, pe) < BLOCK_MIN_WORDS:
            continue
        if state.words(cs, ce) > CREDIT_MAX_WORDS:
            continue
        first = next((m for m in state.mentions if cs <= m.start < ce), None)
        if first is None or first.entity.type != "PER" or text[cs:first.start].strip():
            continue
        outlet = i + 2 < len(segs) and OUTLET_LINE.match(text[segs[i + 2][0]:segs[i + 2][1]]) is not None
        rest = text[first.end:ce].strip()
        if not (outlet or rest.startswith(",")) or any(
                t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in state.toks_in(first.end, ce)):
            continue  # a credit line has no verb: "Paul Arnaud, libraire", not "Paul Arnaud a dit"
        s = ps + len(block) - len(block.lstrip())
        e = pe - (len(block) - len(block.rstrip()))
        q = Quote(text=text[s:e], speaker=first.entity.name, kind="direct", cue=None,
                  language=state.language(s, e, None), speaker_text=text[first.start:first.end], start=s, end=e)
        state.note_rule(q, "credited_block")
        out.append(q)
    return out


# "Honte à ceux qui abandonnent les soignants. pic.twitter.com/x1 — Paul Arnaud (@parnaud) 12 mars 2020"
EMBEDDED_POST = re.compile(r"(?P<body>\S.{15,}?)\s*(?:pic\.twitter\.com/\S+\s*)?[—–]\s*(?P<credit>[^—–()@\n]{2,60}?)"
                           r"\s*\(@\w+\)[^()\n]{0,40}$")


def embedded_posts(state: ArticleState) -> list[Quote]:
    """Example: a paragraph "Honte à ceux qui abandonnent les soignants. — Paul Arnaud (@parnaud) 12 mars
    2020", an embedded post as a page's text shows it, is Paul Arnaud's direct quote (rule ``embedded_post``);
    one already between quotation marks is left to the marks."""
    out: list[Quote] = []
    text = state.text
    for ps, pe in state.segs:
        if text.find("(@", ps, pe) < 0:  # the handle the pattern needs: most paragraphs skip its lazy scan
            continue
        found = EMBEDDED_POST.match(text, ps, pe)
        if found is None or any(ch in MARK_FAMILY for ch in found.group("body")):
            continue
        cs, ce = found.span("credit")
        first = next((m for m in state.mentions if cs <= m.start < ce and m.entity.type in ("PER", "ORG")), None)
        speaker = first.entity.name if first else found.group("credit").strip()
        s, e = found.span("body")
        q = Quote(text=text[s:e], speaker=speaker, kind="direct", cue=None, language=state.language(s, e, None),
                  speaker_text=text[cs:ce].strip(), start=s, end=e)
        state.note_rule(q, "embedded_post")
        out.append(q)
    return out
