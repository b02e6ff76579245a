"""Gender of a person or a descriptor: KB, titles, articles, given names."""

from __future__ import annotations

import re
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.model import Entity
from veille.quotes.agreement import agreement_gender
from veille.quotes.state import ArticleState
from veille.quotes.words import TITLE_AT_END


def entity_gender(state: ArticleState, ent: Entity) -> str | None:
    """"m"/"f" from the KB, else from a title or an article written before the person's
    name or descriptor ("Mme X", "la ministre X"); None when nothing says."""
    cache = state.genders
    if id(ent) in cache:
        return cache[id(ent)]
    g = None
    kb = state.res.kb
    entry = kb.get(ent.kb_id) if kb is not None and ent.kb_id else None
    if entry and entry.get("gender") in ("m", "f"):
        g = entry["gender"]
    else:
        votes = {"m": 0, "f": 0}
        for m in state.mentions:
            if m.entity is not ent or m.in_quote:
                continue
            before = bare(state.text[max(0, m.start - 60):m.start])
            first = bare(state.text[m.start:m.end]).split()[:1]
            if TITLE_AT_END["f"].search(before) or first in (["la"], ["mme"]):
                votes["f"] += 1
            elif TITLE_AT_END["m"].search(before) or first in (["le"], ["m."]):
                votes["m"] += 1
            else:
                # "la ministre sénégalaise Awa Ndiaye": the article of a descriptor before the name
                mt = re.search(r"\b(la|le)\s+([\w'-]+)(?:\s+[\w'-]+){0,2}\s*,?\s*$", before)
                if mt and mt.group(2) in state.res.person_nouns and state.text[m.start - 1:m.start] in (" ", ","):
                    votes["f" if mt.group(1) == "la" else "m"] += 1
                else:
                    # "la jeune X", "X, militante …", "X est arrivée": the words that agree with the name
                    agreed = agreement_gender(state, m.start, m.end)
                    if agreed is not None:
                        votes[agreed] += 1
        if votes["f"] != votes["m"]:
            g = "f" if votes["f"] > votes["m"] else "m"
        elif ent.name.split():
            # "Élodie", "Romain": a person quoted by first name alone is gendered by it too
            g = given_name_gender(state, ent.name.split()[0])
            if g is None and ent.name[1:2] == ".":
                # "K. Ourmadi" written "Khadija" elsewhere (invented): the given name the initial hides
                g = next((x for x in (given_name_gender(state, w) for w in ent.mentions
                                      if " " not in w and w[:1] == ent.name[:1]) if x), None)
    cache[id(ent)] = g
    return g


def given_name_gender(state: ArticleState, first: str) -> str | None:
    """Gender of a given name ("Élodie" -> f); a compound one not listed takes its first part's
    ("Jean-Baptiste" -> m, "Marie-Noëlle" -> f)."""
    first = bare(first)
    g = state.res.given_gender.get(first)
    if g is None and "-" in first.strip("-"):
        g = state.res.given_gender.get(first.split("-")[0])
    return g


_EPICENE = lexicon.groups("quotes/epicene_nouns.tsv")
EPICENE_ENDINGS = tuple(sorted(_EPICENE["ending"]))


def epicene(word: str) -> bool:
    """A person noun written the same for both genders ("analyste", "ministre"): its form tells nothing."""
    low = bare(word)
    return low in _EPICENE["word"] or low.endswith(EPICENE_ENDINGS)


def phrase_gender(toks: list[Any]) -> str | None:
    """Gender of a descriptor from its article ("la ministre" -> f; "le ministre" -> m), else, after "l'",
    from its first noun when that is marked ("l'autrice" -> f; "l'analyste": the tagger's guess on an
    epicene noun is no evidence)."""
    for t in toks:
        if t.pos_ == "DET":
            g = t.morph.get("Gender")
            if bare(t.text) in ("la",) or g == ["Fem"]:
                return "f"
            if bare(t.text) in ("le",) or g == ["Masc"]:
                return "m"
            if bare(t.text) not in ("l'", "l’"):
                return None
        elif t.pos_ == "NOUN":
            if epicene(t.text):
                return None
            g = t.morph.get("Gender")
            return "f" if g == ["Fem"] else "m" if g == ["Masc"] else None
    return None


def name_agrees(state: ArticleState, name: str, gender: str | None) -> bool:
    """True when the person called ``name`` may be of ``gender`` (unknown genders agree)."""
    if gender is None:
        return True
    ent = next((m.entity for m in state.mentions if m.entity.name == name), None)
    eg = entity_gender(state, ent) if ent is not None else None
    return eg is None or eg == gender
