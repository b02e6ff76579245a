"""The target of a condemnation is the doer of the act condemned.

"Le Parti vert a condamné l'agression commise par Paul Durand." and, after "Paul Durand a frappé
un élu.", "Le Parti vert condamne cette agression." -> ACCUSE Parti vert -> Paul Durand (the team's
gold codes an accusation against whoever did the act, not against the act). Applied once every
candidate of the article is coded, before the merge.
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import lower_nfc
from veille.events.view import ArticleView, case
from veille.events.words import feat
from veille.model import Event

# Acts whose condemnation is an accusation of their doer.
CONDEMNED_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})
# How far back (in sentences) an act taken up again ("cette agression") is looked for.
TAKEN_UP_WITHIN = 8


def _token_at(view: ArticleView, char: int | None) -> Any:
    if char is None:
        return None
    span = view.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _acts_named(head: Any) -> list[Any]:
    """The nouns a condemning verb takes as what it condemns: its object, a "contre" complement."""
    return [c for c in head.children
            if c.dep_ == "obj" or (c.dep_.startswith("obl") and case(c) in ("contre", "envers"))]


def condemned_doers(view: ArticleView, events: list[Event], act_heads: dict[int, str]) -> None:
    """Give an accusation without target the doer of the act its object names: an act coded on
    that very noun ("les violences commises par X"), or, for a noun that takes up an act told
    just before ("cette agression", "les violences contre lui"), the latest such act with a named
    doer.
    ``act_heads``: trigger noun token -> its event type."""
    acts = sorted((e for e in events if e.type in CONDEMNED_TYPES and e.source and e.start is not None),
                  key=lambda e: e.start or 0)
    for ev in events:
        if ev.type != "ACCUSE" or ev.target is not None or ev.start is None:
            continue
        head = _token_at(view, ev.start)
        if head is None or head.pos_ != "VERB":
            continue
        for noun in _acts_named(head):
            etype = act_heads.get(noun.i)
            if etype not in CONDEMNED_TYPES:
                continue
            lo, hi = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text)
            doer = next((a.source for a in acts if a.type == etype and lo <= a.start < hi), None)
            if doer is None and _taken_up(noun):
                earlier = [a for a in acts if a.type == etype and a.start < lo
                           and ev._sent - a._sent <= TAKEN_UP_WITHIN]  # type: ignore[attr-defined]
                doer = earlier[-1].source if earlier else None
            if doer and lower_nfc(doer) != lower_nfc(ev.source or ""):
                ev.target = doer
                ev._rules["target"] = "condemned-act-doer"  # type: ignore[attr-defined]
                break


def _taken_up(noun: Any) -> bool:
    """A noun that names an act already told: a demonstrative or a definite article ("cette
    agression", "les violences commises contre lui", not "une attaque")."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    return bool(dets) and (feat(dets[0], "PronType") == ["Dem"] or feat(dets[0], "Definite") == ["Def"])
