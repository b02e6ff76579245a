"""The party a subjectless passive is undergone by: climbing from the passive, the noun its
participle clause describes or the subject of the clause it hangs on. Shared by
``target_rules.passive_controller`` (the clean parse) and ``passive_series.passive_series_bearer``
(the parses it cannot read), which differ only in what counts as describing a noun."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.events.actors import Actor, resolve
from veille.events.roles import Roles
from veille.events.walks import children_with
from veille.events.words import SUBJ


def bearer_above(r: Roles, start: Any, describes: Callable[[Any, Any], bool], rule: str
                 ) -> tuple[list[Actor], str] | None:
    """The actors met first, three heads up at most from ``start``: the head itself when
    ``describes(child, head)`` ("Paul Durand, hospitalisé après avoir été frappé"), else the head's
    subjects; the event's own source is never its target."""
    source = r.source.actor
    cur = start
    for _ in range(3):
        up = cur.head
        if up.i == cur.i:
            return None
        bearers = [up] if describes(cur, up) else children_with(up, SUBJ)
        if bearers:
            out = [a for t in bearers for a in resolve(r.view, t, with_conj=False)
                   if source is None or a.name != source.name]
            return (out, rule) if out else None
        cur = up
    return None
