"""The unnamed victim of a news lede ("Un policier a été tué à Montvert.") and the person the next
sentences name first, who that victim is."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from veille.events.view import ArticleView
from veille.events.words import LEDE_PERSONS, feat, lemma, lower_text
from veille.model import Entity


def lede_person(view: ArticleView, tok: Any) -> Entity | None:
    """The unnamed victim of a news lede is the person the next sentences name first: "Un policier
    a été tué à Montvert. L'agent Paul Durand patrouillait seul." -> Paul Durand (only "un X" of
    ``lede_person`` undergoing the act, in the headline or the first sentence of the body)."""
    if lemma(tok) not in LEDE_PERSONS or tok.dep_ not in ("nsubj:pass", "obj") or feat(tok, "Number") == ["Plur"]:
        return None
    if not any(c.dep_ == "det" and lower_text(c) in ("un", "une") for c in tok.children):
        return None
    sent = tok.sent
    if sent.start_char > view.body_start:
        first = bisect_left(view.starts, view.body_start)  # the body's first word
        while first < view.n and view.doc[first].is_space:
            first += 1
        if first >= view.n or view.doc[first].sent.start != sent.start:
            return None  # past the first sentence of the body
    after = [e for e in view.article.entities if e.type == "PER" and e.spans]
    limit = sent.end
    for _ in range(2):  # the next two sentences
        if limit >= view.n:
            break
        limit = view.doc[limit].sent.end
    best = None
    for ent in after:
        first_at = min(s[0] for s in ent.spans)
        toks = view.tokens_in(first_at, first_at + 1)
        if not len(toks) or not sent.end <= toks[0] < limit:
            continue
        if best is None or toks[0] < best[0]:
            best = (toks[0], ent)
    if best is None:
        return None
    return best[1]


def apposed_person(view: ArticleView, tok: Any, titles: frozenset[str]) -> Entity | None:
    """A person named right before the title set off by commas that the parser made the subject:
    "Paul Durand, l'avocat de la défense, a demandé …" -> Paul Durand (the name read as an
    oblique or a loose word, the title as the subject). Only a definite title of ``titles``."""
    if tok.dep_ not in ("nsubj", "nsubj:pass") or lemma(tok) not in titles:
        return None
    if not any(c.dep_ == "det" and lower_text(c) in ("le", "la", "l'", "l’") for c in tok.children):
        return None
    first, last = tok.left_edge.i, tok.right_edge.i
    if first < 2 or view.doc[first - 1].text != "," or last + 1 >= view.n or view.doc[last + 1].text != ",":
        return None
    ent = view.tok_entity[first - 2]
    if ent is None or ent.type != "PER" or view.tok_entity[tok.i] is not None:
        return None
    return ent
