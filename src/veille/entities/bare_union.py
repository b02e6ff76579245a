""""l'Union" alone: the union the article names in full, else the European Union.

French copy shortens "l'Union européenne" (or "l'Union africaine") to "l'Union" once the context is
set ("les Vingt-Sept … les membres de l'Union"); NER reads the bare word as a place of its own.
A cluster whose every mention is the word "Union" joins the one entity of the article whose name
opens on "Union" (KB-linked or not); when the article names none and speaks of Europe
("européen", "Europe", "Bruxelles"), the European Union of the KB. Two unions named: left alone.
"""

from __future__ import annotations

from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.kb import KB

Clusters = dict[tuple, list[Mention]]
_EU = "org:eu"
_EUROPE_CUES = ("europ", "bruxelles")


def _name(key: tuple, ms: list[Mention], kb: KB) -> str:
    return kb.entries[key[1]]["name"] if key[0] == "kb" else (ms[0].key if ms else "")


def bare_union(ntext: str, clusters: Clusters, kb: KB) -> None:
    """Moves the bare "Union" clusters into the union they stand for (in place)."""
    bare = [k for k, ms in clusters.items() if k[0] == "name" and ms and all(norm(m.key) == "union" for m in ms)]
    if not bare:
        return
    unions = [k for k, ms in clusters.items() if k not in bare and norm(_name(k, ms, kb)).startswith("union ")]
    if len(unions) == 1:
        target = unions[0]
    elif not unions and _EU in kb.entries and any(cue in ntext for cue in _EUROPE_CUES):
        target = ("kb", _EU)
    else:
        return
    for k in bare:
        for m in clusters.pop(k):
            m.label = "ORG"
            if target[0] == "kb":
                m.kb_id = target[1]
            clusters.setdefault(target, []).append(m)
