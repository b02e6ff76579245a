"""An organisation's acronym read wherever the article writes it once the article has spelled it
out: "le Rassemblement des Valdoriens libres (RVL) … Le RVL a dit …" — NER often leaves the bare
acronym untagged (an unknown run of capitals), and the bracketed one is taken for a heading word.
Every whole-word occurrence of the acronym joins the organisation's cluster, as the surname sweep
does for a person named in full (issue 16: an organisation named by its full name and by its
acronym, seen on five sites of the dev pages). An acronym French copy reads as a word may be
bracketed in title case and written in capitals elsewhere ("… des affaires humanitaires (Ocha) …
l'OCHA"): both forms are the body's, whatever NER made of the bracketed one."""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.common.regexscan import whole_occurrences
from veille.entities.mention import Mention
from veille.entities.organisations import acronym_of, foreign_acronym
from veille.model import Article

Clusters = dict[tuple, list[Mention]]
# "(RVL)": capitals and figures only, two to eight of them, right after the name
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,7}|[A-Z][a-z]{2,5})\)")


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
        # "(Ocha)": an acronym read as a word, written in capitals elsewhere ("l'OCHA"): both forms
        titled = not acro.isupper() and next(whole_occurrences(text, acro.upper(), _joins), None) is not None
        if not acro.isupper() and not titled:
            continue
        other = holder.get(acro, key)
        if acro in claimed or sum(c.isalpha() for c in acro) < 2 or other not in clusters:
            continue
        # another cluster holding the acronym alone (NER met it apart, often as MISC) joins in;
        # one holding it among other names, or linked to the KB, is another body
        alone = other == key or (other[0] == "name" and all(x.text == acro for x in clusters[other]))
        if not alone or not (titled or acronym_of(norm(acro), norm(m.key))
                             or foreign_acronym(text, acro, m, [] if other == key else clusters[other])):
            continue
        claimed.add(acro)
        upper = holder.get(acro.upper()) if titled else None
        for joined in dict.fromkeys(k for k in (other, upper) if k is not None and k != key and k in clusters):
            if joined != other and not (joined[0] == "name" and all(x.text == acro.upper() for x in clusters[joined])):
                continue  # ("OCHA" among other names: another body's)
            for x in clusters.pop(joined):
                x.label = "ORG"
                clusters[key].append(x)
        for form in (acro, acro.upper()) if titled else (acro,):
            for a, b in whole_occurrences(text, form, _joins):
                if article.in_foreign(a, b) or any(x < b and a < y for x, y in taken):
                    continue
                clusters[key].append(Mention(a, b, form, form, "ORG", "acronym"))
                taken.append((a, b))
