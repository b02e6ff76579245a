"""Shapes of a span that say where a name starts or that there is none, read from the words
around it (real-page phenomena of issue 16):

- a role before a person's name in one span ("Premier ministre | Anne Verlain");
- a role's complement fused before a given name ("(ministre du) Travail | Muriel Vandel",
  "(député) Renaissance | Sacha Morlet");
- a school after its lower-case noun ("au lycée | Chaminol", ``lexicons/entities/school_nouns.tsv``);
- a named square after its lower-case noun ("la place des | Oméyades");
- capitalised words inside a short verbless quote (a slogan, a label: « Mon Dieu, Mes Lois »).
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.businesses import BUSINESS_HEADS
from veille.entities.mention import Mention
from veille.entities.resources import (
    COMMON_GIVEN_NAMES,
    DETERMINERS,
    INSTITUTION_NOUNS,
    ORG_TAILS,
    PARTICLES,
    PLACE_PREFIXES,
    SCHOOL_NOUNS,
    STREET_NOUNS,
    EntityResources,
)

# "FC Valdrin", "Korvan Pro Team": the marks of a sports club or team (``lexicons/entities/club_marks.tsv``)
_CLUB_EDGE = frozenset(r[0] for r in rows("entities/club_marks.tsv", min_columns=2))
_CLUB_ANY = frozenset(r[0] for r in rows("entities/club_marks.tsv", min_columns=2) if r[1] == "any")
_OF = frozenset({"de", "d'", "d’"})  # (also "la place de <person>": instead of the person)
_OPEN_QUOTES = frozenset('«“"‘')
_CLOSE_QUOTES = frozenset('»”"’')


def role_then_person(res: EntityResources, toks: list) -> int:
    """Where the person's name starts in a span that opens on a role ("Premier ministre | Anne
    Verlain", "Secrétaire d'État | Paul de Marny"): a word of office (``person_heads.tsv``), then a
    common given name and capitalised words (particles inside); 0 when the span is not so built."""
    for k in range(1, len(toks) - 1):
        if norm(toks[k].text) not in COMMON_GIVEN_NAMES or not toks[k].text[:1].isupper():
            continue
        if not any(norm(t.text) in res.person_heads for t in toks[:k]):
            return 0
        rest = toks[k + 1:]
        if rest[-1].text[:1].isupper() and all(t.text[:1].isupper() or t.text == "-" or t.lower_ in PARTICLES for t in rest):
            return k
        return 0
    return 0


def fused_complement(res: EntityResources, toks: list) -> bool:
    """"(ministre du) Travail | Muriel Pénicaud", "(député) Renaissance | Sacha Houlié": one
    capitalised word that is no name's head (a dictionary word or an organisation), inside a
    sentence after a lower-case word, then a common given name opening a capitalised name."""
    first, given = toks[0], toks[1]
    if first.i == 0 or not first.nbor(-1).is_lower or not first.is_alpha or not first.text[:1].isupper() \
            or first.is_upper or norm(given.text) not in COMMON_GIVEN_NAMES or norm(first.text) in res.given_names:
        return False
    if not all(t.text[:1].isupper() or t.text == "-" or t.lower_ in PARTICLES for t in toks[1:]):
        return False
    head = norm(first.text)
    if head in res.org_heads or head in INSTITUTION_NOUNS or head in STREET_NOUNS or head in PLACE_PREFIXES \
            or head in BUSINESS_HEADS:
        return False  # "Lycée Victor Hugo", "Rue Jean Moulin": the name of a place or body after its noun
    return first.lower_ in res.dictionary or bool(res.link and res.kb.lookup(first.text, "ORG"))



def school_before(first: Any) -> list[Any]:
    """The lower-case school noun (and its lower-case adjectives) right before a name: "au lycée |
    Chaminade", "le lycée technique | Marcel Davrin" (``school_nouns.tsv``); [] otherwise."""
    doc, i = first.doc, first.i - 1
    while i >= 0 and first.i - i <= 2 and doc[i].is_lower and doc[i].pos_ == "ADJ" and norm(doc[i].text) not in SCHOOL_NOUNS:
        i -= 1
    if i < 0 or not doc[i].is_lower or norm(doc[i].text) not in SCHOOL_NOUNS:
        return []
    return list(doc[i:first.i])


SQUARE_NOUNS = {r[0]: r[1] for r in rows("entities/square_nouns.tsv")}
ANY_NAME_SQUARES = frozenset(r[0] for r in rows("entities/square_nouns.tsv") if r[2:3] == ("any",))
_STREET_OF = frozenset({"de", "des", "du", "d'", "d’", "la", "l'", "l’"})
_ARTICLES = {"f": frozenset({"la", "l'", "l’"}), "m": frozenset({"le", "l'", "l’", "au", "du"})}


def street_before(first: Any) -> list[Any]:
    """The lower-case noun of a square, park or courtyard (and "de", "des", "de la" after it) written
    right before a name: "la place des | Omeyyades", "au parc | Delmas", "la cour des | Tisserands"
    (``square_nouns.tsv``; named squares and parks are places in the real-page guidelines), also
    "place" without its article after a verb ("manifester place de la | Nation"); none for "à la
    place de X" (instead of X)."""
    doc, i = first.doc, first.i - 1
    if not first.text[:1].isupper():
        return []  # "le jardin du | musée Carnavalet": the name is the museum's
    while i >= 0 and first.i - i <= 2 and doc[i].lower_ in _STREET_OF:
        i -= 1
    if i < 0 or i == first.i - 1 and doc[i].lower_ in _STREET_OF:
        return []
    noun = doc[i]
    gender = SQUARE_NOUNS.get(noun.lower_) if noun.is_lower else None
    if gender is None or first.ent_type_ == "PER" and any(t.lower_ in _OF for t in doc[i + 1:first.i]):
        return []  # (a street's name after "rue" alone is left out, as the real-page gold does)
    if noun.lower_ == "place" and i > 0 and doc[i - 1].pos_ == "VERB" and doc[i - 1].is_lower \
            and doc[i + 1].lower_ in _STREET_OF:
        return list(doc[i:first.i])  # "rendez-vous est donné place de la | Nation"
    if i == 0 or doc[i - 1].lower_ not in _ARTICLES[gender] or (i >= 2 and doc[i - 2].lower_ == "à"
                                                                  and noun.lower_ == "place"):
        return []  # "à la place de X", "sa place": no square
    return list(doc[i:first.i])



def square_before(first: Any, label: str) -> list[Any]:
    """``street_before`` for a name NER read as a person, a place or a thing, and for one it read as
    an organisation after a noun that always makes a place ("l'espace | Schengen", ``any`` rows)."""
    if label in ("LOC", "PER", "MISC"):
        return street_before(first)
    found = street_before(first) if label == "ORG" else []
    return found if found and found[0].lower_ in ANY_NAME_SQUARES else []


def square_name(toks: list[Any]) -> bool:
    """"cour des | Tisserands": a span opened by a lower-case noun of ``square_nouns.tsv``, "de" and a
    capitalised name (a place; "la cour constitutionnelle", "la cour d'appel" are courts)."""
    return len(toks) > 2 and toks[0].is_lower and toks[0].lower_ in SQUARE_NOUNS \
        and toks[1].lower_ in _STREET_OF and any(t.text[:1].isupper() for t in toks[2:4])


_MAX_SHORT_QUOTE = 6


def in_short_quote(toks: list[Any]) -> bool:
    """Whether a span sits inside a short pair of quotation marks (at most six words) with no verb
    and more than the span: a slogan, a label or a title ("« Mon Dieu, Mes Lois »", "le label
    « Terres de jeux »"), whose capitalised words name no one."""
    doc = toks[0].doc
    i = toks[0].i - 1
    while i >= 0 and toks[0].i - i <= _MAX_SHORT_QUOTE and doc[i].text not in _OPEN_QUOTES | _CLOSE_QUOTES:
        i -= 1
    j = toks[-1].i + 1
    while j < len(doc) and j - i <= _MAX_SHORT_QUOTE + 1 and doc[j].text not in _OPEN_QUOTES | _CLOSE_QUOTES:
        j += 1
    if i < 0 or j >= len(doc) or doc[i].text not in _OPEN_QUOTES or doc[j].text not in _CLOSE_QUOTES \
            or doc[i].text == '"' and doc[j].text != '"' or j - i - 1 > _MAX_SHORT_QUOTE or j - i - 1 <= len(toks):
        return False
    inside = doc[i + 1:j]
    words = [t for t in inside if not t.is_punct and t.lower_ not in DETERMINERS]
    if len(words) <= len(toks):
        return False  # « Les Amis du lac »: the name is all the marks hold, bar its article
    return not any(t.pos_ in ("VERB", "AUX") for t in inside) and not any("\n" in t.whitespace_ for t in inside)




def person_start(res: EntityResources, toks: list, label: str) -> int:
    """Where a person's name starts in a span opened by a role (a thing's span) or by a role's
    complement (a person's or a body's span); 0 when it starts at the span's start."""
    if len(toks) < 3:
        return 0
    if label != "PER":
        k = role_then_person(res, toks)
        if k:
            return k
    return 1 if label in ("PER", "ORG") and fused_complement(res, toks) else 0


def complement_cut(toks: list) -> int:
    """The end of a person's span that ran over "de" + a lower-case word ("Nadia | de mensonge"),
    else its length."""
    return next((i for i in range(1, len(toks) - 1) if toks[i].lower_ in _OF and toks[i + 1].is_lower
                 and toks[i + 1].is_alpha and toks[i + 1].lower_ not in PARTICLES), len(toks))


def school_mention(res: EntityResources, toks: list, text: str) -> Mention | None:
    """"au lycée | Marcel Davrin": the school, an organisation named "Lycée Marcel Davrin", its name
    as the page writes it (the typographic rule's hyphens, "Lycée Marcel-Davrin", are written or
    not, and the merge by spelling reads both as one; as ``eponym_venues.venue_mention``); None
    otherwise."""
    if not toks or res.kb.lookup(text[toks[0].idx:toks[-1].idx + len(toks[-1])], "LOC"):
        return None
    school = school_before(toks[0])
    if not school or not all(t.text[:1].isupper() or t.lower_ in PARTICLES or t.text == "-" for t in toks):
        return None
    start, end = school[0].idx, toks[-1].idx + len(toks[-1])
    return Mention(start, end, text[start:end], school[0].text.capitalize() + " " + text[toks[0].idx:end], "ORG", "ner")


def english_body(toks: list) -> bool:
    """"Mira Callow Trust", "University and College Union": capitalised words ending on an English
    noun of a body (``lexicons/entities/org_tails.tsv``)."""
    return len(toks) >= 2 and toks[-1].text in ORG_TAILS \
        and all(t.text[:1].isupper() or t.text in ("&", "-", "of", "for", "and") for t in toks)


def club_name(toks: list) -> bool:
    """"FC Valdrin", "Valdrin SCO", "Korvan Pro Team": capitalised words opening or ending on a
    club's abbreviation, or holding the word of a team (``lexicons/entities/club_marks.tsv``)."""
    if len(toks) < 2 or not all(t.text[:1].isupper() or t.text[:1].isdigit() or t.text in ("-", "de", "d'", "d’")
                                for t in toks):
        return False
    return toks[0].text in _CLUB_EDGE or toks[-1].text in _CLUB_EDGE or any(t.text in _CLUB_ANY for t in toks)


_NAME_PREFIXES = frozenset({"n'", "m'"})


def glued_prefix_name(prefix: Any, rest: Any) -> bool:
    """Whether two tokens are one name opening on "N'" or "M'" (West African and Maghrebi names:
    "N'guessan", "M'jid"), which the French tokenizer splits as an elided "ne" or "me": the
    capital, no space after the apostrophe, and a word after it that is no French word."""
    return prefix.text[:1] in "NM" and prefix.lower_.replace("’", "'") in _NAME_PREFIXES and not prefix.whitespace_ \
        and rest.is_alpha and rest.is_lower and rest.pos_ not in ("VERB", "AUX", "PRON") and not rest.is_stop


def glued_prefix_person(toks: list[Any]) -> bool:
    """"M'jid El Kadri", "N'guessan Yao" read as a place: a span opening on a given name glued to
    its "M'"/"N'" (``glued_prefix_name``) and going on over capitalised words is a person's name
    ("N'Djamena", capitalised after the apostrophe, is no such given name)."""
    return len(toks) >= 3 and glued_prefix_name(toks[0], toks[1]) \
        and all(t.text[:1].isupper() or t.text == "-" for t in toks[2:])
