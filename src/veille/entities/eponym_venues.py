"""A venue named after a person: "au stade | Marcel Davrin", "la galerie | Paul Verin", "avenue |
Jean Varin" (invented). French news writes the venue's noun in lower case before the person's
name, and NER reads the name as the person; the guidelines count the venue (stadiums, stations,
streets: places; galleries, libraries: organisations, ``lexicons/entities/eponym_venues.tsv``),
never the person it honours. Schools and hospitals are ``name_shapes.school_mention``'s."""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources

VENUE_TYPES = {norm(r[0]): r[1] for r in rows("entities/eponym_venues.tsv", min_columns=2)}
_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "von", "van", "ben", "el"})


def _parts(name: list[Any]) -> int:
    return sum(len([p for p in t.text.split("-") if p]) for t in name if t.text != "-")


def venue_mention(res: EntityResources, toks: list[Any], label: str, text: str) -> Mention | None:
    """The venue's mention when a person's name follows a venue noun: a name NER read as a person
    right after the noun in lower case ("au stade | Marcel Davrin"), or a span NER opened on the
    noun whose name opens on a given name ("[gare Lucien Marlet]", "[Galerie Lucien Marlet]" read
    as a place or a person): "Stade Marcel Davrin", LOC; None otherwise ("gare Saint-Lazare" is
    left as it is). The name must be capitalised words only, particles and hyphens between, of two
    parts at least: a one-word name after a street's noun is ``street_cut``'s ("rue Broca")."""
    if not toks:
        return None
    if len(toks) >= 2 and norm(toks[0].text) in VENUE_TYPES and toks[0].is_alpha \
            and (toks[0].is_lower or toks[0].text[1:].islower()):
        noun, name = toks[0], toks[1:]
        if norm(name[0].text.split("-")[0]) not in res.given_names:
            return None
    elif label == "PER" and toks[0].i > 0 and toks[0].nbor(-1).is_lower:
        noun, name = toks[0].nbor(-1), toks
    else:
        return None
    kind = VENUE_TYPES.get(norm(noun.text)) if noun.is_alpha else None
    if kind is None or not name[0].text[:1].isupper() or _parts(name) < 2 \
            or not all(t.text[:1].isupper() or t.lower_ in _PARTICLES or t.text == "-" for t in name):
        return None
    start, end = noun.idx, name[-1].idx + len(name[-1])
    # named as the page writes it, the noun capitalised ("Stade Marcel Davrin"): the press writes
    # the hyphens of the typographic rule or not, and the page's spelling is the one it repeats
    return Mention(start, end, text[start:end], noun.text.capitalize() + " " + text[name[0].idx:end], kind, "ner")
