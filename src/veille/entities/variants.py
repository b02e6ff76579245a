"""One place or organisation the article names in two forms that differ only by what is
printed around the name: a geographic noun before it ("la mer des Ondines … les Ondines",
``lexicons/entities/geo_classifiers.tsv``) or a plural ending ("la Direction nationale des
douanes … les Directions nationales des douanes"; invented). The bare form, else the form
mentioned first, keeps the entity. One person the KB does not know named in two spellings
("Lucas Morvanec … Lucas Morvannec", invented) is one person (``merge_person_spellings``)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.resources import folded_words
from veille.model import Entity

GEO_CLASSIFIERS = folded_words("entities/geo_classifiers.tsv")
_OF = re.compile(r"^(?:de la |de l'|des |du |de |d')")


def _singular(name: str) -> str:
    """The folded name with the plural mark of its long words taken off."""
    return " ".join(w[:-1] if len(w) >= 5 and w[-1] in "sx" else w for w in norm(name).replace("’", "'").split())


def merge_variants(entities: list[Entity]) -> list[Entity]:
    """The entities, those named with a geographic noun or in another number merged into the
    bare form or the form mentioned first (persons and KB-linked entities are never merged away)."""
    bare: dict[str, Entity] = {}
    singular: dict[tuple[str, str], Entity] = {}
    for e in entities:
        if e.type in ("LOC", "ORG"):
            bare.setdefault(norm(e.name), e)
            singular.setdefault((e.type, _singular(e.name)), e)
    into: dict[int, Entity] = {}
    for e in entities:
        if e.kb_id or e.type not in ("LOC", "ORG"):
            continue
        target = None
        head, _, rest = e.name.partition(" ")  # (a space: "Île-de-France" is one name)
        if e.type == "LOC" and norm(head) in GEO_CLASSIFIERS and rest:
            target = bare.get(_OF.sub("", norm(rest)))
        if target is None or target is e:
            target = singular.get((e.type, _singular(e.name)))
        while target is not None and id(target) in into:
            target = into[id(target)]
        if target is None or target is e or target.type != e.type:
            continue
        absorb_mentions(target, e)
        into[id(e)] = target
    return merge_person_spellings([e for e in entities if id(e) not in into])


_DOUBLED = re.compile(r"(\w)\1")
SURNAME_SIMILARITY = 0.85  # Indel similarity of two spellings of one surname ("Morvanec", "Morvannec")


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two folded person names of one given name: the surname spelt otherwise ("Lucas Morvanec",
    "Lucas Morvannec"), or a middle name left out ("Iris Delsaux", "Iris Noémie Delsaux")."""
    if len(a) < 2 or len(b) < 2 or a[0] != b[0] or a == b:
        return False
    if a[-1] == b[-1]:
        short, long_ = sorted((a, b), key=len)
        return len(long_) == len(short) + 1  # one middle name more, the rest the same
    sa, sb = " ".join(a[1:]), " ".join(b[1:])
    if len(a) != len(b):
        return False
    if _DOUBLED.sub(r"\1", sa) == _DOUBLED.sub(r"\1", sb):
        return True  # a letter doubled or not: "Lucas Moro", "Lucas Morro"
    return min(len(sa), len(sb)) >= 5 and Indel.normalized_similarity(sa, sb) >= SURNAME_SIMILARITY


def _middle_name_more(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with one middle name more ("Iris Noémie Delsaux", "Iris
    Delsaux"), the same given name and surname around it."""
    a, b = norm(longer).split(), norm(shorter).split()
    return len(a) == len(b) + 1 >= 3 and a[0] == b[0] and a[-1] == b[-1]


def merge_person_spellings(entities: list[Entity]) -> list[Entity]:
    """One person the KB does not know, named in two spellings in one article (see ``_same_person``;
    invented examples): the form written more often, else the one written first, keeps the entity;
    a name with a middle name more is the name written in full and keeps its form.
    A KB-linked person is never merged (the KB knows their spellings)."""
    people = [e for e in entities if e.type == "PER" and not e.kb_id]
    gone: set[int] = set()
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            if id(a) in gone or id(b) in gone or not _same_person(norm(a.name).split(), norm(b.name).split()):
                continue
            keep, lose = (a, b) if len(a.mentions) >= len(b.mentions) else (b, a)
            absorb_mentions(keep, lose)
            gone.add(id(lose))
            if _middle_name_more(lose.name, keep.name):
                keep.name = lose.name  # the name written in full, middle name and all ("Iris Noémie Delsaux")
    return [e for e in entities if id(e) not in gone]


def acronym_skips(*kinds: str) -> frozenset[str]:
    """The folded small words of ``lexicons/entities/acronym_habits.tsv`` of these kinds: ``skip``,
    those any acronym may leave out; ``skip-loose``, those only the loose reading
    (``loose_acronyms``) may leave out, the spelled one counting their initial."""
    return frozenset(norm(r[1]) for r in rows("entities/acronym_habits.tsv", min_columns=2) if r[0] in kinds)


_SMALL = acronym_skips("skip")
_ACRONYM = re.compile(r"[A-Z]{3,6}")
# "EàG", "PdL" (invented): capitals with the small words' letters in lower case; "Lmvd": an acronym
# written as a word, only its first letter capitalised (read only against a name's initials)
_MIXED_ACRONYM = re.compile(r"[A-Z](?:[a-zà]?[A-Z]){1,5}|[A-Z][a-z]{2,5}")


def _initials(name: str, small: bool = False) -> str:
    words = re.sub(r"[-'’]", " ", norm(name)).split()
    return "".join(w[0] for w in words if small or w not in _SMALL)


def _spelled_key(name: str) -> str | None:
    """The folded letters of an acronym ("mjv" for "MJV", "eag" for "EàG", "lmvd" for "Lmvd"), or
    None when the name has no acronym's shape."""
    if _ACRONYM.fullmatch(name) or _MIXED_ACRONYM.fullmatch(name):
        return norm(name)
    return None


def merge_spelled_acronyms(entities: list[Entity]) -> list[Entity]:
    """"le Mouvement des jeunes valdoriens … le MJV" (invented): an unlinked acronym of three to six
    capitals whose letters are exactly the initials of an organisation the article names in full
    (small words left out, or counted: "Ensemble à Valdor … EàV"; also an acronym written as a
    word, "Lmjv") is that organisation, brackets or not. The KB-linked side, else the
    form written more often, keeps the name."""
    longs: dict[str, list[Entity]] = {}
    for e in entities:
        # (three words or more, the parts of a hyphenated word counted: "Brigade anti-criminalité … la BAC")
        if e.type == "ORG" and len(re.sub(r"[-'’]", " ", e.name).split()) >= 3:
            longs.setdefault(_initials(e.name), []).append(e)
            if _initials(e.name, small=True) != _initials(e.name):
                longs.setdefault(_initials(e.name, small=True), []).append(e)
    gone: set[int] = set()
    for e in entities:
        key = _spelled_key(e.name)
        if e.kb_id or e.type not in ("ORG", "LOC") or key is None:
            continue
        cands = [c for c in longs.get(key, []) if id(c) not in gone and c is not e]
        if len(cands) != 1:
            continue
        full = cands[0]
        keep, lose = (full, e) if full.kb_id or len(full.mentions) >= len(e.mentions) else (e, full)
        keep.type = "ORG"
        absorb_mentions(keep, lose)
        gone.add(id(lose))
    return [e for e in entities if id(e) not in gone]


def merge_short_places(entities: list[Entity]) -> list[Entity]:
    """"Valmont-sur-Orne … à Valmont" (invented): an unlinked place named by one word that opens the
    hyphenated name of exactly one other unlinked place of the article is that place, named in
    short; the full name keeps the entity (a KB-linked place, "Lyon", is never merged away)."""
    longs: dict[str, list[Entity]] = {}
    for e in entities:
        if e.type == "LOC" and not e.kb_id and "-" in e.name and " " not in e.name:
            longs.setdefault(norm(e.name.split("-", 1)[0]), []).append(e)
    gone: set[int] = set()
    for e in entities:
        if e.kb_id or e.type != "LOC" or "-" in e.name or " " in e.name:
            continue
        cands = longs.get(norm(e.name), [])
        if len(cands) != 1 or id(cands[0]) in gone:
            continue
        absorb_mentions(cands[0], e)
        gone.add(id(e))
    return [e for e in entities if id(e) not in gone]


def absorb_mentions(keep: Entity, gone: Entity) -> None:
    """Give ``keep`` the mentions (and spans, kept in text order) of ``gone``, merged away."""
    if len(keep.spans) == len(keep.mentions) and len(gone.spans) == len(gone.mentions):
        pairs = sorted(zip(keep.spans + gone.spans, keep.mentions + gone.mentions, strict=True))
        keep.spans, keep.mentions = [p[0] for p in pairs], [p[1] for p in pairs]
    else:
        keep.mentions = keep.mentions + gone.mentions
