"""What the entity stage knows before it reads an article: the KB and the word lists, loaded once.

Every word list is a file of ``lexicons/`` (shared ones at the top, the stage's own in
``lexicons/entities/``), read through ``veille.common.lexicon``. Lists are folded with ``norm`` so
rules compare folded words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from veille.common.fold import fold, norm
from veille.common.function_words import foreign_words, function_words
from veille.common.lexicon import groups, json_data, rows
from veille.common.names import NAME_PARTICLES
from veille.entities.exhortations import ExhortationForms
from veille.kb import KB, load_kb

# spaCy's French NER labels the stage keeps (the model has no others today).
NER_LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
# A KB name's disambiguator ("Assemblée nationale (France)") is not part of the name shown.
_PAREN = re.compile(r"\s*\([^)]*\)$")


def display_name(name: str) -> str:
    """A KB name without its Wikipedia-style disambiguator."""
    return _PAREN.sub("", name) or name


def folded_words(name: str) -> frozenset[str]:
    """The first column of a TSV lexicon, folded with ``norm``."""
    return frozenset(norm(r[0]) for r in rows(name))


def calendar_words() -> frozenset[str]:
    """Month and weekday names of ``calendar.json`` (abbreviations with their dot left out) and
    the times of day of ``entities/time_words.tsv``, folded."""
    data = json_data("calendar.json")
    names = [w for part in ("months", "weekdays") for w in data[part] if not w.endswith(".")]
    return frozenset(norm(w) for w in names) | folded_words("entities/time_words.tsv")


GRAMMAR = groups("entities/grammar_words.tsv")
DETERMINERS = frozenset(r[0] for r in rows("entities/determiners.tsv"))
ROLE_MODIFIERS = folded_words("entities/role_modifiers.tsv")
ROLE_QUALIFIERS = tuple(sorted((norm(r[0]) for r in rows("entities/role_qualifiers.tsv")), key=len, reverse=True))
# (the tokenizer keeps a typographic apostrophe: "Paul d’Ormelle" has the particle "d’" as written)
PARTICLES = NAME_PARTICLES | frozenset(p.replace("'", "’") for p in NAME_PARTICLES if "'" in p)
STREET_NOUNS = frozenset(r[0] for r in rows("entities/street_nouns.tsv"))
# Lower-case nouns that stay part of a place's name before "de X" ("col du Noyer", "rue de la Paix",
# "place des Tilleuls", "lac d'Annecy"); another noun there names no place ("descente du Col du X").
PLACE_NOUNS = folded_words("entities/place_nouns.tsv") | folded_words("entities/street_nouns.tsv") \
    | folded_words("entities/square_nouns.tsv") | folded_words("entities/geo_classifiers.tsv")
# The given names of French news copy (the quotes' list): a name a place hardly ever starts with.
COMMON_GIVEN_NAMES = folded_words("given_names.tsv") | folded_words("entities/given_names.tsv")
# "à Dominique", "de la Dominique": after these a given name that is also a country's is the place.
_PLACE_WORDS = frozenset({"a", "en", "de", "d", "du", "la", "l", "au", "aux", "sur", "vers", "depuis", "dans"})


def given_name_as_person(text: str, m: Any) -> bool:
    """Whether a span NER read as a person is a common given name that the KB also knows as a
    place ("Dominique", "Maurice"), not written after a preposition or article of places: the
    person ("Dominique, 54 ans, estime …"), not the country."""
    if m.label != "PER" or norm(m.key) not in COMMON_GIVEN_NAMES:
        return False
    before = re.findall(r"\w+", fold(text[max(0, m.start - 12):m.start]).lower())
    return not before or before[-1] not in _PLACE_WORDS
# Legislatures named by their noun alone ("le Sénat"): the other institution nouns alone name nothing.
ASSEMBLY_HEADS = folded_words("entities/assembly_heads.tsv")
# "Jr.", "fils": a generational suffix after the surname ("M. Lunel" for "Bastien Lunel Jr.").
NAME_SUFFIXES = folded_words("entities/name_suffixes.tsv")
# Nouns opening an organisation's name besides ``org_heads.tsv`` ("la Coalition pour la X").
INSTITUTION_NOUNS = folded_words("entities/institution_nouns.tsv")
# "au lycée | X", "le collège | X": a school named after its lower-case noun (``school_nouns.tsv``).
SCHOOL_NOUNS = folded_words("entities/school_nouns.tsv")
# institutions numbered after their city ("Université Paris 8"): the number is part of the name
NUMBERED_HEADS = folded_words("entities/numbered_heads.tsv")
# English nouns ending an organisation's name ("X Trust", "X Union"), kept as written.
ORG_TAILS = frozenset(r[0] for r in rows("entities/org_tails.tsv"))
# Words opening Maghrebi place names ("Beni Mellal", "Tizi Ouzou").
PLACE_PREFIXES = folded_words("entities/place_prefixes.tsv")
# Heads of names of schools and research bodies that end with their field: "… en santé publique".
FIELD_HEADS = folded_words("entities/field_heads.tsv")
SEAT_INSTITUTIONS = frozenset(r[0] for r in rows("entities/seat_institutions.tsv") if "qualified" not in r[1:])
QUALIFIED_SEATS = frozenset(r[0] for r in rows("entities/seat_institutions.tsv") if "qualified" in r[1:])
PLACE_ADJECTIVE_ENDINGS = tuple(r[0] for r in rows("entities/place_adjective_endings.tsv"))
# "of" before a complement in folded text ("secretaire general de l'otan", "parlement d'ankara").
OF_FOLDED = r"(?:de la |de l'|du |des |de |d')"


@dataclass
class EntityResources:
    """The KB, the settings and the word lists every part of the stage reads."""

    kb: KB
    link: bool = True
    stopwords: frozenset[str] = frozenset()
    titles: dict[str, str | None] = field(default_factory=dict)  # civility -> gender (m/f) or None
    location_verbs: frozenset[str] = frozenset()
    not_countries: frozenset[str] = frozenset()
    generic_heads: frozenset[str] = frozenset()
    person_heads: frozenset[str] = frozenset()
    system_heads: frozenset[str] = frozenset()
    system_names: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    name_modifiers: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    calendar: frozenset[str] = frozenset()
    foreign_words: frozenset[str] = frozenset()
    french_words: frozenset[str] = frozenset()
    metonyms: dict[str, list[str]] = field(default_factory=dict)  # place id -> what it stands for
    dictionary: frozenset[str] = frozenset()  # French common words (nouns, adjectives, verbs, adverbs)
    adjectives: frozenset[str] = frozenset()  # the adjectives among them ("guadeloupéen", "genevois")
    verb_forms: Any = field(default_factory=frozenset)  # irregular verb forms ("soyons", "tutoyé")


def _kb(ctx: Any, settings: Any) -> KB:
    """The KB of the run (``ctx.kb()`` honours ``kb_dirs``; a bare context reads the settings)."""
    if callable(getattr(ctx, "kb", None)):
        return ctx.kb()
    return load_kb(settings.get("kb_dirs"))


def dictionary_words(nlp: Any) -> frozenset[str]:
    """The lemmas the parser's own French lemmatizer knows as nouns, adjectives, verbs and adverbs
    (its ``lemma_index`` table, from a French lexicon): a capitalised word that is one of them
    ("Résultat", "Horaires", "Courage") is a common word before it is a name. Empty when the
    pipeline has no such table."""
    return frozenset(w for pos in ("noun", "adj", "verb", "adv") for w in _lemma_index(nlp).get(pos, ()))


# Endings of the finite forms and participles that open a sentence in news copy ("Soyons
# honnêtes", "Construisent …" in a list, "Tutoyé par …"); infinitives and bare stems are left out.
_VERB_ENDINGS = ("ons", "ez", "ent", "aient", "èrent", "é", "ée", "ées", "és", "ie", "ies", "is", "ise", "ises")


class VerbForms:
    """The inflected forms the parser's lemmatizer lists among its verbs' exceptions (its
    ``lemma_exc`` table: irregular and stem-changing forms, "soyons", "construisent", "tutoyé"),
    with a finite or participle ending: a capitalised one opening a sentence is a verb, not a name.
    Regular forms are left out: too many place names read as one ("Rodez"). ``word in forms``
    looks the word up (the table is keyed by hashes and cannot be listed)."""

    def __init__(self, table: Any = None, names: frozenset[str] = frozenset()) -> None:
        self.table, self.names = table, names  # given names that are verb forms too ("Élise", "René")

    def __contains__(self, word: object) -> bool:
        if self.table is None or not isinstance(word, str) or not word.endswith(_VERB_ENDINGS) \
                or norm(word) in self.names:
            return False
        lemmas = self.table.get(word)
        return bool(lemmas) and word not in lemmas


def verb_forms(nlp: Any, names: frozenset[str] = frozenset()) -> ExhortationForms:
    """The verb forms of the parser's lemmatizer but ``names`` (its irregular forms, and the regular
    first persons plural of its verbs: ``entities/exhortations.py``); none when the pipeline has no
    such table."""
    try:
        irregular = VerbForms(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"], names)
    except (AttributeError, KeyError, ValueError, TypeError):
        irregular = VerbForms()
    return ExhortationForms(frozenset(_lemma_index(nlp).get("verb", ())), irregular, names)


def _lemma_index(nlp: Any) -> dict[str, list[str]]:
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (AttributeError, KeyError, ValueError):
        return {}
    return {pos: table[pos] for pos in ("noun", "adj", "verb", "adv") if pos in table}


def load_resources(ctx: Any) -> EntityResources:
    settings = getattr(ctx, "settings", {}) or {}
    kb = _kb(ctx, settings)
    metonyms: dict[str, list[str]] = {}
    for row in rows("metonyms.tsv"):
        place, target = kb.lookup(row[0]), kb.lookup(row[1]) if len(row) > 1 else []
        if place and target:
            metonyms.setdefault(place[0], []).append(target[0])
    return EntityResources(
        kb=kb,
        link=settings.get("entity_linking", True),
        # (and acronyms of common nouns: "la TVA", "son BEPC")
        stopwords=folded_words("entity_stopwords.tsv") | folded_words("entities/common_acronyms.tsv"),
        titles={norm(r[0]): (r[1] if len(r) > 1 and r[1] in ("m", "f") else None) for r in rows("titles.tsv")},
        location_verbs=frozenset(r[0] for r in rows("location_verbs.tsv")),
        not_countries=folded_words("non_country_adjectives.tsv"),
        generic_heads=folded_words("generic_heads.tsv"),
        person_heads=folded_words("person_heads.tsv"),
        system_heads=folded_words("system_heads.tsv"),
        system_names=folded_words("system_names.tsv") | folded_words("entities/mythical_names.tsv"),
        org_heads=folded_words("org_heads.tsv"),
        name_modifiers=folded_words("name_modifiers.tsv"),
        # Given names (the KB's people and the quotes' given-name list): a run "<given> <Name>"
        # at the end of an organisation or place span is a person the NER glued to it.
        given_names=frozenset(kb.given_names) | COMMON_GIVEN_NAMES,
        calendar=calendar_words(),
        # Function words of the other languages (none of them a French word): a name in a clause
        # made of them sits in a foreign passage the language stage did not catch.
        foreign_words=foreign_words("fr"),
        french_words=function_words().get("fr", frozenset()),
        metonyms=metonyms,
        dictionary=dictionary_words(getattr(ctx, "nlp", None)),
        verb_forms=verb_forms(getattr(ctx, "nlp", None), frozenset(kb.given_names) | COMMON_GIVEN_NAMES),
        adjectives=frozenset(_lemma_index(getattr(ctx, "nlp", None)).get("adj", ())),
    )
