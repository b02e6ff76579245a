"""Article-wide evidence about who may speak, read once per article for the speaker scorer
(``candidates.py``): where each person or organisation is named (sentence, paragraph, title, lede),
which mentions are the subject of a speech verb, who carries a title or role.

The rules look near the quote; a quote from the article's main interviewee often sits paragraphs
away from the last time her name was written ("Paul Arnaud a reçu dans son atelier. [three
paragraphs of quotes and description] « Je n'ai jamais regretté »"). These indexes let the scorer
offer such people as candidates, with features saying how far away and how prominent they are.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from veille.quotes.state import ArticleState

# How many of the article's most named people are always candidates (the interviewee, the portrait's
# subject): a feature-based choice among a few, not a search over every name in the article.
TOP_NAMED = 3


@dataclass
class ArticleEvidence:
    """Per-mention positions and per-name facts of one article (PER and ORG mentions, outside quotes)."""

    sent_starts: list[int]
    para_starts: list[int]
    msent: list[int] = field(default_factory=list)  # sentence index of each of ``state.mentions``
    mpara: list[int] = field(default_factory=list)  # paragraph index (-1: the title)
    counts: dict[str, int] = field(default_factory=dict)  # name -> mentions outside quotes
    in_title: set[str] = field(default_factory=set)
    in_lede: set[str] = field(default_factory=set)  # named in the first body paragraph
    speech_subject: dict[str, list[int]] = field(default_factory=dict)  # name -> sentences where it says
    described: set[str] = field(default_factory=set)  # a title or role is written next to the name
    top: list[str] = field(default_factory=list)  # the most named people, most named first

    def sent(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def para(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos) - 1


def article_evidence(state: ArticleState) -> ArticleEvidence:
    """The article's evidence (built on first use, kept on the state: mentions never change after
    ``open_article``)."""
    ev = getattr(state, "_evidence", None)
    if ev is not None and len(ev.msent) == len(state.mentions):
        return ev
    body = state.art.body_start()
    para_starts = [s for s, _ in state.segs if s >= body] or [body]
    ev = ArticleEvidence([s.start_char for s in state.doc.sents], para_starts)
    first_para_end = next((e for s, e in state.segs if s >= body), body)
    persons: set[str] = set()
    for m in state.mentions:
        ev.msent.append(ev.sent(m.start))
        ev.mpara.append(ev.para(m.start) if m.start >= body else -1)
        if m.entity.type not in ("PER", "ORG") or m.asked or m.in_quote:
            continue
        name = m.entity.name
        ev.counts[name] = ev.counts.get(name, 0) + 1
        if m.entity.type == "PER":
            persons.add(name)
        if m.start < body:
            ev.in_title.add(name)
        elif m.start < first_para_end:
            ev.in_lede.add(name)
        if m.entity.type == "PER" and state.descriptors.get(id(m.entity)):
            ev.described.add(name)
        if m.subject:
            head = state.tok_at(m.start)
            for _ in range(3):  # climb a flat name or an apposition to the word the verb governs
                if head.dep_ in ("flat:name", "appos", "flat") and head.head.i != head.i:
                    head = head.head
            if head.head.i in state.cue_at:
                ev.speech_subject.setdefault(name, []).append(ev.msent[-1])
    people = sorted((n for n, c in ev.counts.items() if c >= 2 and n in persons),
                    key=lambda n: -ev.counts[n])
    ev.top = people[:TOP_NAMED]
    state._evidence = ev  # type: ignore[attr-defined]
    return ev

