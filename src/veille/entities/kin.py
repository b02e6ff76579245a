"""A relative named by the given name alone right after a kinship noun: "le pianiste Paul Vernier
et son frère Luc" (invented) names Luc Vernier. The given name takes the family name of the
person named just before, in the same sentence (``lexicons/entities/kin_nouns.tsv``)."""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.kb import name_words, split_name

Clusters = dict[tuple, list[Mention]]
_KIN = sorted({norm(r[0]) for r in rows("entities/kin_nouns.tsv")}, key=len, reverse=True)
_KIN_BEFORE = re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(k) for k in _KIN) + r"),?\s*$")


def name_relatives(text: str, ntext: str, clusters: Clusters) -> None:
    """Gives an unlinked one-word person cluster after a kinship noun the family name of the
    person named last before it (at most 120 characters before, no sentence end between)."""
    fulls = sorted(((m, k) for k, ms in clusters.items() for m in ms
                    if m.label == "PER" and m.source in ("ner", "gaz") and len(name_words(m.key)) >= 2),
                   key=lambda p: p[0].start)
    for key in [k for k in clusters if k[0] == "name" and k[2] == "PER" and len(name_words(k[1])) == 1]:
        ms = sorted(clusters[key], key=lambda m: m.start)
        first = ms[0]
        if not first.key[:1].isupper() or not _KIN_BEFORE.search(ntext[max(0, first.start - 30):first.start]):
            continue
        before = [(m, k) for m, k in fulls if first.start - 120 <= m.end <= first.start
                  and not any(c in text[m.end:first.start] for c in ".!?\n")]
        if not before:
            continue
        relative, _ = before[-1]
        surname = relative.key.split()[len(split_name(relative.key)[0].split()):]
        if not surname:
            continue
        full = f"{first.key} {' '.join(surname)}"
        for m in ms:
            if m.key == first.key:
                m.key = full
        clusters.setdefault(("name", norm(full), "PER"), []).extend(clusters.pop(key))
