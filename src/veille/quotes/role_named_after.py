"""A role brought in without a name and named in the next sentence: "« … », a déclaré un médecin qui l'a
examinée. « … », a déclaré le Dr Paul Arnaud." / "…, a déclaré un haut responsable de l'agence. Selon Claire
Dubois, directrice de …": the quote is the named person's (the real-page guideline: a quote first given to a
role whose holder the next sentence names is that person's; when the role is never named, nobody's)."""

from __future__ import annotations

import re

from veille.common.fold import bare
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState, Mention

INDEFINITE_ONE = frozenset({"un", "une"})
# a name in the next sentence described as the role's holder: a title or a definite noun right before it
# ("le Dr X", "la directrice X") or a definite apposition right after it ("X, le directeur de …")
TITLE_BEFORE = re.compile(r"\b(?:le|la|l['’])\s*(?:[\w.-]+\s+){0,2}$", re.I)  # (the name may hold its title)
APPOSITION_AFTER = re.compile(r"\s*,\s*(?:le|la|l['’])\s*\w", re.I)


def role_named_next(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "« Elle est solide », a déclaré un médecin qui l'a examinée. « Elle doit se reposer », a
    déclaré le Dr Paul Arnaud." -> Paul Arnaud: an indefinite person noun as a cue's subject ("un médecin",
    "une responsable de l'agence"), no name in it, whose next sentence brings in a person never named before,
    described as a holder of a role ("le Dr X", "X, la directrice de …"), as the subject of a speech cue or
    after "selon": that person. Otherwise no decision (``unnamed_source`` names nobody)."""
    if not subj.toks or subj.persons:
        return None
    first = subj.toks[0]
    article = first if bare(first.text) in INDEFINITE_ONE else first.doc[first.i - 1] if first.i else first
    if bare(article.text) not in INDEFINITE_ONE:
        return None  # ("a déclaré lundi un haut responsable": the parse may leave the article out of the subject)
    head = subj.head
    if bare(head.text) not in state.res.person_nouns or "Plur" in head.morph.get("Number"):
        return None
    found = _next_sentence(state, subj.cue.end)
    if found is None:
        return None
    a, b = found
    new = [m for m in state.mentions if a <= m.start < b and not m.in_quote and m.entity.type == "PER"
           and not any(o.entity is m.entity and o.start < a for o in state.mentions)]
    if len({id(m.entity) for m in new}) != 1 or not _described(state, new[0], a):
        return None
    m = new[0]
    if not _speaks(state, m, a, b):
        return None
    return Decision(m.entity.name, state.text[m.start:m.end])


def _next_sentence(state: ArticleState, pos: int) -> tuple[int, int] | None:
    """The sentence after the one holding ``pos``: after its end mark outside quotation marks in the same
    paragraph, else the next paragraph's first (the parser may run a sentence on over an opening mark)."""
    text = state.text
    ps, pe = state.seg_of(pos)
    end = _end_mark(state, pos, pe)
    start = state.skip_space(end + 1) if end is not None else pe
    if start >= pe:
        start = next((s for s, e in state.segs if s >= pe and text[s:e].strip()), None)
        if start is None:
            return None
        start = state.skip_space(start)
        pe = state.seg_of(start)[1]
    stop = _end_mark(state, start, pe)
    return start, (stop + 1 if stop is not None else pe)


def _end_mark(state: ArticleState, pos: int, pe: int) -> int | None:
    """The first sentence end mark at or after ``pos``, outside quotation marks, followed by a space or the end."""
    text = state.text
    for i in range(pos, pe):
        if text[i] in ".!?…" and not state.in_quote(i) and (i + 1 >= pe or text[i + 1].isspace()):
            return i
    return None


def _described(state: ArticleState, m: Mention, a: int) -> bool:
    """The name comes with a role: a title or definite noun right before it, or a definite apposition after."""
    before = state.text[max(a, m.start - 40):m.start]
    return bool(TITLE_BEFORE.search(before)) or bool(APPOSITION_AFTER.match(state.text, m.end))


def _speaks(state: ArticleState, m: Mention, a: int, b: int) -> bool:
    """The person is the subject of a speech cue of the sentence, or named after its "selon"."""
    for t in state.toks_in(a, b):
        cue = state.cue_at.get(t.i)
        if cue is None:
            continue
        if cue.subj_start is not None and cue.subj_start <= m.start < (cue.subj_end or cue.subj_start):
            return True
        if "prep" in cue.entry.flags and cue.end <= m.start <= cue.end + 3:
            return True
    return False
