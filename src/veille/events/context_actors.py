"""Actors a page names outside an event's sentence, offered to the actor ranker as candidates: the
page's topic (the actor it names most) and the paragraph's main actor (the one the paragraph names
most before the sentence). The ranker, not a rule, decides whether either is the event's source or
target ("Lina Sorel a porté plainte en mai. […] Les menaces avaient commencé l'hiver dernier." leaves
the second sentence's victim outside it).

Built once per article from the entity stage's spans (one step per mention, not per token) and kept
on the view; a sentence's answer is kept too.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Any

from veille.events.actor_core import Actor, entity_actor
from veille.events.view import ArticleView
from veille.model import PARAGRAPH_SEPARATOR

CONTEXT_KINDS = ("topic", "paragraph")
# A page's topic is named at least this often, and this many times as often as the next actor: a
# page that names two actors alike has no single topic.
TOPIC_MIN, TOPIC_LEAD = 3, 1.5
_ACTOR_KINDS = frozenset({"PER", "ORG", "LOC"})  # a place counts only when it stands for a state


def _named(view: ArticleView) -> tuple[list[int], list[tuple[int, Actor]], list[int], Actor | None]:
    """(paragraph start offsets, every actor mention as (token, actor) in text order, the mentions'
    offsets, the topic)."""
    found = view.__dict__.get("_context_named")
    if found is not None:
        return found  # type: ignore[no-any-return]
    article = view.article
    starts, at = [0], article.body_start()
    for para in article.paragraphs:
        starts.append(at)
        at += len(para) + len(PARAGRAPH_SEPARATOR)
    mentions: list[tuple[int, Actor]] = []
    for ent in article.entities:
        if ent.type not in _ACTOR_KINDS:
            continue
        for span in ent.spans:
            if len(span) != 2:
                continue
            toks = view.tokens_in(span[0], span[1])
            if not len(toks):
                continue
            actor = entity_actor(view, ent, toks.start)
            if actor is not None and not actor.place and actor.name:
                mentions.append((toks.start, actor))
    mentions.sort(key=lambda m: m[0])
    counts = Counter(a.name for _, a in mentions)
    ranked = counts.most_common(2)
    topic = None
    if ranked and ranked[0][1] >= TOPIC_MIN and (len(ranked) == 1 or ranked[0][1] >= TOPIC_LEAD * ranked[1][1]):
        topic = next(a for _, a in mentions if a.name == ranked[0][0])
    found = (starts, mentions, [view.starts[t] for t, _ in mentions], topic)
    view.__dict__["_context_named"] = found
    return found


def context_actors(view: ArticleView, sent: Any) -> list[tuple[str, Actor]]:
    """The context candidates of a sentence: ("topic", actor) and ("paragraph", actor), each when the
    page gives one (the paragraph's actor: named at least twice before the sentence in its paragraph,
    the later one on a tie)."""
    cache = view.__dict__.setdefault("_context_sent", {})
    if sent.start in cache:
        return cache[sent.start]  # type: ignore[no-any-return]
    starts, mentions, offsets, topic = _named(view)
    out: list[tuple[str, Actor]] = []
    if topic is not None:
        out.append(("topic", topic))
    offset = view.starts[sent.start] if view.n else 0
    para_start = starts[bisect_right(starts, offset) - 1]
    counts: Counter[str] = Counter()
    last: dict[str, tuple[int, Actor]] = {}
    for tok, actor in mentions[bisect_left(offsets, para_start):bisect_left(offsets, offset)]:
        counts[actor.name] += 1
        last[actor.name] = (tok, actor)
    if counts:
        name = max(counts, key=lambda n: (counts[n], last[n][0]))
        if counts[name] >= 2:
            out.append(("paragraph", last[name][1]))
    cache[sent.start] = out
    return out
