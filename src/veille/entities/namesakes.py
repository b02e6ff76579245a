"""A national body linked by a name other countries' bodies bear too ("le Parti socialiste", "le
PS", "l'Assemblée nationale": ``lexicons/entities/shared_body_names.tsv``) is that KB body only
when the article agrees: a cluster linked to a body of country A by such names alone is unlinked
(kept under the name as written) when nothing in the article points to A (no entity of A, no name
or demonym of A in the text) while it names another country at least twice ("Le Parti socialiste
portugais … à Lisbonne …", invented). A wrong link is worse than none: it would give the French
party's canonical name and roles to a Portuguese one.

Likewise a one-word place that is the surname of the one person the article names in full ("les
années Hollande" after "François Hollande") is that person (``surnames_over_places``)."""

from __future__ import annotations

import re
from collections import Counter

from veille.common.fold import fold, norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.kb import KB

Clusters = dict[tuple, list[Mention]]
SHARED = frozenset(norm(r[0]) for r in rows("entities/shared_body_names.tsv"))
OTHER_COUNTRY_MIN = 2  # mentions of another country needed before a shared name is unlinked
_WORD = re.compile(r"\w+(?:-\w+)*")
_NAMING = ("ner", "gaz", "sweep", "acronym")
_NO_SIGN = frozenset({"media", "company", "publisher"})


def countries_of(kb: KB, eid: str) -> set[str]:
    """The country ids a KB entry belongs to: itself, its country, a person's nationalities."""
    e = kb.entries.get(eid) or {}
    if eid.startswith("country:"):
        return {eid}
    if e.get("type") == "PER":
        return kb.nationalities(eid)
    if e.get("kind") in _NO_SIGN:
        return set()  # an American paper or brand quoted says nothing of where the story is
    cid = kb.country(e.get("country")) or kb.capitals.get(eid)
    return {cid} if cid else set()


def country_evidence(kb: KB, text: str, clusters: Clusters, skip: tuple) -> Counter:
    """Mentions per country id: linked entities of that country and its names and demonyms in the text."""
    ev: Counter = Counter()
    for k, ms in clusters.items():
        if k[0] == "kb" and k != skip:
            for cid in countries_of(kb, k[1]):
                ev[cid] += len(ms)
    for w in _WORD.findall(fold(text)):
        cid = kb.demonyms.get(w)
        if cid:
            ev[cid] += 1
    return ev


def unlink_foreign_namesakes(kb: KB, text: str, clusters: Clusters) -> None:
    """Unlinks a body of country A named only by a shared name in an article about another country."""
    for k in [k for k in clusters if k[0] == "kb"]:
        e = kb.entries.get(k[1]) or {}
        cid = kb.country(e.get("country")) if e.get("type") == "ORG" else None
        ms = clusters[k]
        written = [m for m in ms if m.source in _NAMING]
        if not cid or not written or any(norm(m.key) not in SHARED for m in written):
            continue
        ev = country_evidence(kb, text, clusters, k)
        if ev.get(cid, 0) or max(ev.values(), default=0) < OTHER_COUNTRY_MIN:
            continue
        name = max(written, key=lambda m: (len(m.key), -m.start)).key
        for m in ms:
            m.kb_id, m.kb_ids = None, []
        clusters.setdefault(("name", norm(name), "ORG"), []).extend(clusters.pop(k))


_PLACE_BEFORE = frozenset({"en", "au", "aux", "a", "la", "l", "vers", "depuis"})  # "en Hollande", "à Jordan"


def surnames_over_places(kb: KB, text: str, clusters: Clusters) -> None:
    """A place name that is the surname of the one person the article names in full ("les années
    Hollande", "le candidat Hollande" after "François Hollande") is that person, not the country of
    the same spelling, unless a place word comes right before it ("en Hollande", "à Jordan")."""
    surnames: dict[str, set[tuple]] = {}
    for k, ms in clusters.items():
        if (k[0] == "kb" and (kb.entries.get(k[1]) or {}).get("type") == "PER") or (k[0] == "name" and k[2] == "PER"):
            fulls = {m.key for m in ms if m.source in _NAMING} | ({kb.name(k[1])} if k[0] == "kb" else set())
            for full in fulls:
                words = full.split()
                if len(words) >= 2:
                    surnames.setdefault(norm(words[-1]), set()).add(k)
    if not surnames:
        return
    for k in [k for k in clusters if k[0] == "kb" and (kb.entries.get(k[1]) or {}).get("type") == "LOC"]:
        for m in list(clusters[k]):
            owners = surnames.get(norm(m.key), set())
            if m.source not in ("ner", "gaz") or len(m.key.split()) != 1 or len(owners) != 1:
                continue
            before = fold(text[max(0, m.start - 12):m.start]).replace("'", " ").split()
            if before and before[-1] in _PLACE_BEFORE:
                continue
            owner = next(iter(owners))
            clusters[k].remove(m)
            m.label, m.kb_ids = "PER", []
            m.kb_id = owner[1] if owner[0] == "kb" else None
            clusters[owner].append(m)
        if not clusters[k]:
            del clusters[k]


def check_context(kb: KB, text: str, clusters: Clusters) -> None:
    """The KB links the article's context contradicts, undone (see the module docstring)."""
    surnames_over_places(kb, text, clusters)
    unlink_foreign_namesakes(kb, text, clusters)
