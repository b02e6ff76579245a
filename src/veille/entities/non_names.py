"""Capitalised phrases NER reads as names that name no entity the guidelines count: the file name
of a picture the page left in its text ("Carte-du-reseau.png") and the name of an event (a fair,
a contest, a race, a week of shows: "le Salon international du jouet", "la Lyon Design Week"),
a verb opening a question or an order with its pronoun after a hyphen ("Identifiez-vous") or, in an
irregular form of the parser's lemmatizer, a sentence ("Soyons honnêtes"), a text
browser's mark in square brackets ("[INS: :INS]"), a function word in capitals ("IL est …") and a field
of study or policy alone ("un master de Finance"; fields in ``lexicons/entities/field_names.tsv``)
or a university's department named by its field ("Département de chimie").
A capitalised piece of a compound adjective ("euro-Valdorienne") and a code written without a space (a model, a prototype, a page's slug: "VX-12", "Salon-Jouet-2022-1")
is none either. Event heads are those of ``lexicons/entities/event_names.tsv``. A name the KB knows is kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import replace

from veille.common.fold import norm
from veille.common.function_words import function_words
from veille.common.lexicon import rows
from veille.entities.mention import Mention

_FILE = re.compile(r"\S*\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|pdf|mp4|mov)\b", re.IGNORECASE)
_EVENT_FIRST = frozenset(norm(r[0]) for r in rows("entities/event_names.tsv", min_columns=2) if r[1] == "first")
_EVENT_ANY = frozenset(norm(r[0]) for r in rows("entities/event_names.tsv", min_columns=2) if r[1] == "any")
_FIELDS = frozenset(norm(r[0]) for r in rows("entities/field_names.tsv"))
_FUNCTION_WORDS = function_words()["fr"]
# the pronouns and articles that open a clause, never the last word of a name ("Grand Est" and
# "Nous Toutes" end on other function words)
_CLAUSE_OPENERS = frozenset({"on", "il", "ils", "elle", "elles", "je", "tu", "le", "la", "les", "un", "une"})
_WORD = re.compile(r"[^\W\d_][\w-]*")
# "Identifiez-vous", "Adhérez-vous à …", "Faut-il": a verb with its pronoun after a hyphen
# ("Aix-en-Provence", "Villeneuve-la-Garenne": a place's words go on after the hyphen)
_VERB_PRONOUN = re.compile(r"-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles|moi|toi|lui)(?![\w-])", re.IGNORECASE)


def file_name(text: str, start: int, end: int) -> bool:
    """Whether the text run around ``start:end`` (no space inside) is a file name: a picture's
    name left where the page showed it ("Schema-du-projet.jpg")."""
    left = text.rfind(" ", 0, start) + 1
    left = max(left, text.rfind("\n", 0, start) + 1)
    found = _FILE.match(text, left)
    return found is not None and found.end() >= end


# "GPT-3", "XR-227", "AMO-F-15": letters and a number joined by a hyphen (a model, a compound, a
# prototype); "Salon-Jouet-BILAN-2022-1": a page's slug of four parts or more with a number in it
_CODE = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*-\d+[a-z]?")
_SLUG = re.compile(r"[\w]+(?:-[\w]+){3,}")


_PREFIXES = frozenset(r[0] for r in rows("entities/compound_prefixes.tsv"))
_COMPOUND_PIECE = re.compile(r"([a-zà-ÿ]+)-[A-ZÀ-Ý][a-zà-ÿ]+")


def compound_adjective(key: str, adjective: Callable[[str], bool] = lambda w: True) -> bool:
    """Whether the only capitals of a name are those of compound adjectives' second elements
    ("coopération euro-Valdorienne", "sino-Brescan", invented): a lower-case combining form in
    -o or a prefix of ``lexicons/entities/compound_prefixes.tsv``, a hyphen, a capitalised
    adjective (``adjective`` tells; the other words in lower case). "anti-Marin" (a person's name
    after the prefix) is no adjective."""
    pieces = 0
    for word in key.split():
        found = _COMPOUND_PIECE.fullmatch(word)
        if found:
            prefix = found.group(1)
            if not (prefix in _PREFIXES or (prefix.endswith("o") and len(prefix) >= 4)) \
                    or not adjective(word[len(prefix) + 1:]):
                return False
            pieces += 1
        elif not word.islower():
            return False
    return pieces > 0


def code_name(key: str) -> bool:
    """Whether a name written without a space is a code, not an entity: a model's or a
    product's designation ("le modèle VX-12"), or the slug of a page or a picture left in the
    text ("Salon-du-jouet-2022-03"; the KB's names, "Covid-19" aside, are asked before)."""
    if " " in key:
        return False
    return bool(_CODE.fullmatch(key)) or (bool(_SLUG.fullmatch(key)) and any(ch.isdigit() for ch in key))


def event_name(key: str) -> bool:
    """Whether a name is an event's: a French head opening it ("Salon du livre", "Coupe de la
    Ligue") or an English head in it ("Paris Games Week", "Tower Run") — words written with a
    capital, as an event's name is, not the same word inside an organisation's lower-case tail."""
    found = _WORD.findall(key)
    if len(found) < 2:
        return False  # "Salon" alone: a heading word or a short form, left to the other filters
    if found[0][:1].isupper() and norm(found[0]) in _EVENT_FIRST:
        return True
    return any(w[:1].isupper() and norm(w) in _EVENT_ANY for w in found)


_DEPARTMENT = re.compile(r"[Dd][ée]partement (?:de la |de l['’]|des |du |de |d['’])(\w[\w-]*(?: [\w-]+){0,2})")


def teaching_department(key: str) -> bool:
    """Whether a name is a university's department of a field ("Département de chimie de
    l'Université X", "département de Géographie"): a unit of the body, not a body the guidelines
    count ("Département d'État" is a ministry, "département du Var" a place: the word after
    "de" is a name there, not a field)."""
    mt = _DEPARTMENT.match(key)
    if not mt:
        return False
    field = mt.group(1)
    return field[:1].islower() or any(norm(field).startswith(f) for f in _FIELDS)


def clause_opener_cut(m: Mention) -> Mention:
    """A name NER ran over the capitalised pronoun or article opening the next clause ("au
    Parlement On l'oublie", "le réseau X. La dernière offre"): the name without it."""
    words = m.text.split(" ")
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].lower() not in _CLAUSE_OPENERS \
            or not m.key.endswith(words[-1]):
        return m
    cut = len(words[-1]) + 1
    text, key = m.text[:-cut].rstrip(" ."), m.key[:-cut].rstrip(" .")
    if not key:
        return m
    return replace(m, end=m.start + len(text), text=text, key=key)


def opens_sentence(text: str, start: int) -> bool:
    """Whether a word starts the text, a line, a sentence or a quotation."""
    before = text[:start].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?«“\"\n:…"


def verb_with_pronoun(text: str, end: int, key: str) -> bool:
    """"Identifiez-vous", "Faut-il": one word with a subject pronoun hyphenated after it."""
    return " " not in key and bool(_VERB_PRONOUN.match(text, end))


def verb_opening(text: str, start: int, key: str, verbs: Container[str]) -> bool:
    """"Soyons honnêtes", "Tutoyé par un agent, …": a verb form opening a sentence."""
    return " " not in key and not key.isupper() and key.lower() in verbs and opens_sentence(text, start)


def capital_function_word(key: str) -> bool:
    """"IL est possible …": a pronoun or article in capitals."""
    return " " not in key and len(key) >= 2 and key.lower() in _FUNCTION_WORDS


def field_alone(key: str, label: str) -> bool:
    """"un master de Finance", "les Sciences politiques": a field, no body."""
    return label != "PER" and norm(key) in _FIELDS


def browser_mark(text: str, start: int, end: int, key: str) -> bool:
    """"[INS: :INS]", "[IMG]": a text browser's mark for an insertion or a picture."""
    return key.isupper() and len(key) <= 6 and (text[start - 1:start] == "[" or text[end:end + 1] == "]")


def not_a_name(text: str, start: int, end: int, key: str, label: str,
               verbs: Container[str] = frozenset()) -> bool:
    """Whether a mention NER gave names nothing the guidelines count (see the module docstring);
    the caller keeps names the KB knows. (The stage asks the same questions one by one, as rows
    of ``lexicons/entities/name_decisions.tsv``.)"""
    return file_name(text, start, end) or verb_with_pronoun(text, end, key) or verb_opening(text, start, key, verbs) \
        or capital_function_word(key) or field_alone(key, label) or (label != "PER" and teaching_department(key)) \
        or browser_mark(text, start, end, key) or (label != "PER" and event_name(key))
