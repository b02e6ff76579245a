"""An organisation's acronym read wherever the article writes it once the article has spelled it
out: "le Rassemblement des Valdoriens libres (RVL) … Le RVL a dit …" — NER often leaves the bare
acronym untagged (an unknown run of capitals), and the bracketed one is taken for a heading word.
Every whole-word occurrence of the acronym joins the organisation's cluster, as the surname sweep
does for a person named in full (issue 16: an organisation named by its full name and by its
acronym, seen on five sites of the dev pages)."""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.common.regexscan import whole_occurrences
from veille.entities.mention import Mention
from veille.entities.organisations import acronym_of, foreign_acronym
from veille.model import Article

Clusters = dict[tuple, list[Mention]]
# "(RVL)": capitals and figures only, two to eight of them, right after the name
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,7})\)")


def _joins(c: str) -> bool:
    return c.isalnum() or c in "-_@/&"


def _is_org(key: tuple, ms: list[Mention]) -> bool:
    if key[0] == "name":
        return key[2] == "ORG"
    return all(m.label == "ORG" for m in ms if m.source in ("ner", "gaz"))


def sweep_acronyms(article: Article, text: str, clusters: Clusters) -> None:
    """Adds to an organisation's cluster every occurrence of the acronym in brackets after one of
    its names of two words or more, when that acronym spells the name (``acronym_of``) or is its
    acronym in its own language (``foreign_acronym``); a cluster of the acronym alone joins it,
    one that holds other names too keeps it. The first name followed by the acronym claims it."""
    taken = sorted((m.start, m.end) for ms in clusters.values() for m in ms)
    holder = {m.text: k for k, ms in clusters.items() for m in ms}
    claimed: set[str] = set()
    firsts = sorted(((m.start, m, k) for k, ms in clusters.items() if _is_org(k, ms) for m in ms
                     if m.source in ("ner", "gaz") and m.label != "PER"), key=lambda x: x[0])
    for _, m, key in firsts:
        mt = _BRACKETED.match(text, m.end)
        if not mt or key not in clusters or len(m.key.split()) < 2:
            continue
        acro = mt.group(1)
        other = holder.get(acro, key)
        if acro in claimed or sum(c.isalpha() for c in acro) < 2 or other not in clusters:
            continue
        # another cluster holding the acronym alone (NER met it apart, often as MISC) joins in;
        # one holding it among other names, or linked to the KB, is another body
        alone = other == key or (other[0] == "name" and all(x.text == acro for x in clusters[other]))
        if not alone or not (acronym_of(norm(acro), norm(m.key))
                             or foreign_acronym(text, acro, m, [] if other == key else clusters[other])):
            continue
        claimed.add(acro)
        if other != key:
            for x in clusters.pop(other):
                x.label = "ORG"
                clusters[key].append(x)
        for a, b in whole_occurrences(text, acro, _joins):
            if article.in_foreign(a, b) or any(x < b and a < y for x, y in taken):
                continue
            clusters[key].append(Mention(a, b, acro, acro, "ORG", "acronym"))
            taken.append((a, b))
