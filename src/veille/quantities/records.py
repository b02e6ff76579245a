"""One record per quantity: the same quantity told again (title then body, or a share repeated in
the body: "la moitié des …" twice) is one entry that lists every occurrence in ``spans``."""

from __future__ import annotations

import re

from veille.model import Quantity


def remember(q: Quantity, seen: dict[tuple, Quantity], out: list[Quantity]) -> None:
    """Append ``q`` to ``out``, or add its span to the entry with the same text (case and spaces
    aside), value and unit already there."""
    key = (re.sub(r"\s+", " ", q.text.lower()), q.value, q.unit)
    first = seen.get(key)
    if first is None:
        q.spans = [[q.start, q.end]]
        seen[key] = q
        out.append(q)
    else:
        first.spans.append([q.start, q.end])
