"""A second name of the same person: "Marcel Tirbois, connu sous le nom de Max Lerouge" (a pen
name, a stage name, a nickname: ``lexicons/entities/alias_cues.tsv``). The second name's cluster
joins the person named right before the cue, in the same sentence."""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention

Clusters = dict[tuple, list[Mention]]
_CUES = sorted({norm(r[0]) for r in rows("entities/alias_cues.tsv")}, key=len, reverse=True)
_GAP = re.compile(r"\s*,?\s*(?:" + "|".join(re.escape(c) for c in _CUES) + r")\s*")


def merge_aliases(ntext: str, clusters: Clusters) -> None:
    """Joins the cluster of a name that follows an alias cue to the person named before the cue
    (at most 60 characters before, no sentence end between); a KB-linked second name keeps its
    own cluster unless the first is unlinked."""
    owner = {(m.start, m.end): k for k, ms in clusters.items() for m in ms if m.source in ("ner", "gaz", "sweep")}
    spans = sorted(owner)
    for a, b in spans:
        key = owner[(a, b)]
        if key not in clusters or not _is_person(key, clusters):
            continue
        for c, d in spans:
            if c <= b or c - b > 60:
                continue
            gap = ntext[b:c]
            if any(ch in gap for ch in ".;!?\n") or not _GAP.fullmatch(gap):
                continue
            other = owner[(c, d)]
            if other == key or other not in clusters or other[0] == "kb":
                break
            moved = clusters.pop(other)
            for m in moved:
                m.label = "PER" if m.source in ("ner", "sweep") else m.label
            clusters[key].extend(moved)
            owner.update({(m.start, m.end): key for m in moved})
            break


def _is_person(key: tuple, clusters: Clusters) -> bool:
    if key[0] == "name":
        return key[2] == "PER"
    return any(m.label == "PER" for m in clusters[key])
