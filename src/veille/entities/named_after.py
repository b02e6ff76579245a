"""A name that is part of a place's or a body's name the article gives, written alone further on
and read by NER as a person: "la galerie Lucien Marlet … rue des Arts. Lucien Marlet expose …",
"l'hôpital Paul Arnel … l'hôpital Tenon et Paul Arnel", "la cathédrale Notre-Dame de Valmont …
la réouverture de Notre-Dame", "l'écurie Varlon-Honda … chez Varlon" (invented). The short form
is that place or body, not a person of its own: its mentions join the longer entity.

Left alone: a person the KB knows ("le stade Charles-de-Gaulle" does not absorb de Gaulle), a
person written with a space whose name the longer one joins with hyphens ("le circuit Paul-Marlet …
Paul Marlet y avait gagné": the venue and the person it honours), a name
inside two longer names (which one is meant is unknown), a person's full name after a bare "de"
in the longer name ("la société de Lucien Marlet": a person of their own who owns the body), and
a longer name that adds no word to the short one but particles and marks ("X Pro Team m.t")."""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.entities.variants import absorb_mentions
from veille.model import Entity

_PARTICLES = frozenset({"de", "du", "des", "d'", "la", "le", "les", "l'", "et"})
_SPLIT = re.compile(r"[\s\-–]+")


def _words(name: str) -> list[str]:
    return [w for w in _SPLIT.split(norm(name).replace("’", "'")) if w]


def _run_at(short: list[str], long: list[str]) -> list[int]:
    """Where ``short`` runs inside ``long`` (word indices)."""
    return [k for k in range(len(long) - len(short) + 1) if long[k:k + len(short)] == short]


def _named_after(short: list[str], long: list[str]) -> bool:
    """Whether ``long`` carries ``short`` with at least one word of its own (a noun, a name), and
    not as the owner after a bare "de"."""
    at = _run_at(short, long)
    if len(at) != 1:
        return False
    rest = long[:at[0]] + long[at[0] + len(short):]
    if not any(w.isalpha() and len(w) >= 3 and w not in _PARTICLES for w in rest):
        return False
    return not (at[0] > 0 and long[at[0] - 1] in ("de", "d'") and len(short) >= 2)


def _eponym_hyphens(person: str, host: str) -> bool:
    """Whether the longer name joins the person's given name and surname with hyphens, as the
    typographic rule of names of venues has it ("le circuit Paul-Marlet"), while the article writes
    the person with a space ("Paul Marlet y avait gagné", invented): two spellings, two referents,
    the venue and the person it honours."""
    words = person.lower().split()  # (not ``norm``, which folds the hyphens into spaces)
    return len(words) >= 2 and "-".join(words) in host.lower()


def merge_named_after(entities: list[Entity]) -> list[Entity]:
    """The entities, each unlinked person whose name runs inside the name of exactly one place or
    organisation of the article merged into it (that entity keeps its name and type)."""
    bodies = [(e, _words(e.name)) for e in entities if e.type in ("LOC", "ORG")]
    if not bodies:
        return entities
    gone: set[int] = set()
    for e in entities:
        if e.type != "PER" or e.kb_id:
            continue
        short = _words(e.name)
        if not short:
            continue
        hosts = [b for b, words in bodies if len(words) > len(short) and _named_after(short, words)
                 and not _eponym_hyphens(e.name, b.name)]
        if len(hosts) != 1:
            continue
        absorb_mentions(hosts[0], e)
        gone.add(id(e))
    return [e for e in entities if id(e) not in gone] if gone else entities
