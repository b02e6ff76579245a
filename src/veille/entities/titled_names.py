"""A person's name never opens on the title written before it (issue 16, name forms).

``spans.clean_span`` strips civilities and titles (``lexicons/titles.tsv``: "M.", "Mme", "Me", "Dr",
"Mgr", "Général") from the front of a NER span, but two later cuts can give one back to the name:

- ``span_repairs.trim_person`` takes off a rank after the name and rebuilds the name from the
  mention's surface, which keeps the civility ("…, Me Valmont 9e" read "Me Valmont");
- the run of capitalised words kept when a span swallowed its descriptor or a bracketed given
  name opens on the title ("Premier ministre Dr Luc Arnal", "« [Luc] Me Valmont avait …»").

The name then is a second person ("Me Valmont" beside "Luc Valmont") and a speaker no gold names.
Here, once every cut is made, a person's name (``Mention.key``) loses the titles it opens with
(the mention's surface keeps them); a name that is nothing but titles ("Dr" read alone) is no
name. Examples are invented.
"""

from __future__ import annotations

import dataclasses
import re

from veille.common.fold import norm
from veille.entities.mention import Mention

_FIRST_WORD = re.compile(r"(\S+)\s+")


def untitled(m: Mention, titles: dict[str, str | None]) -> Mention | None:
    """``m`` with the titles its person's name opens with taken off the name ("Me Valmont" ->
    "Valmont", "Dr Luc Arnal" -> "Luc Arnal", the title's gender kept); None for a name that is a
    title alone ("Dr"); any other mention as it is."""
    if m.label != "PER":
        return m
    key, gender = m.key, m.gender
    while (first := _FIRST_WORD.match(key)) is not None and norm(first.group(1)) in titles:
        gender = gender or titles[norm(first.group(1))]
        key = key[first.end():]
    if norm(key) in titles:
        return None
    if key == m.key:
        return m
    return dataclasses.replace(m, key=key, gender=gender)
