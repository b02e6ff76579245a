"""Event actors named as the events gold names them: a body the article calls only by its acronym.

The entity stage names an organisation the article only ever writes as an acronym by that acronym
("l'UE" throughout: the entity "UE", its KB link kept), as the who gold does; event sources and
targets are French Wikipedia titles (SCHEMA), so the coder reads such an entity, and the quotes it
speaks, under the KB's title ("Union européenne"). The article itself is left as it is."""

from __future__ import annotations

import copy
import dataclasses
import re
from typing import Any

from veille.model import Article

_DISAMBIGUATOR = re.compile(r" \([^()]*\)$")  # "Parti socialiste (France)"


def kb_titles(article: Article, kb: Any) -> dict[str, str]:
    """Entity name -> KB title, for the KB-linked bodies named by an acronym of their KB entry."""
    out: dict[str, str] = {}
    entries = getattr(kb, "entries", None) or {}
    for e in article.entities:
        entry = entries.get(e.kb_id) if e.kb_id else None
        if entry and e.type == "ORG" and (e.name.isupper() or e.name.upper() in (entry.get("aliases") or ())):
            title = _DISAMBIGUATOR.sub("", entry["name"])
            if title != e.name:
                out[e.name] = title
    return out


def titled(article: Article, kb: Any) -> Article:
    """The article as the coder reads it: acronym-named bodies and their quotes under the KB title
    (a shallow copy; the same article when there is none)."""
    titles = kb_titles(article, kb)
    if not titles:
        return article
    entities = [dataclasses.replace(copy.copy(e), name=titles[e.name]) if e.name in titles else e
                for e in article.entities]
    quotes = [dataclasses.replace(copy.copy(q), speaker=titles[q.speaker]) if q.speaker in titles else q
              for q in article.quotes]
    return dataclasses.replace(copy.copy(article), entities=entities, quotes=quotes)
