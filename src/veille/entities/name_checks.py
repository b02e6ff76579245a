"""Tests a capitalised candidate name is read by, one question each (a word of the dictionary, a
title in quotation marks, a heading in capitals, a demonym used as a noun, the proper part of a
weapon's or treaty's noun phrase): the checks the rows of ``lexicons/entities/name_decisions.tsv``
call (``decisions.py``), also read by the span repairs of ``spans.py``."""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import ORTH

from veille.common.docarrays import token_strings
from veille.common.fold import norm
from veille.common.lexicon import words
from veille.entities.gentiles import aged_gentile, compound_gentile, gentile_shape, unknown_gentile
from veille.entities.resources import (
    COMMON_GIVEN_NAMES,
    DETERMINERS,
    GRAMMAR,
    INSTITUTION_NOUNS,
    PLACE_ADJECTIVE_ENDINGS,
    EntityResources,
)
from veille.entities.span_repairs import participle_of

_OPENERS = frozenset('«“"(:')
_ELISION = re.compile(r"^(?:[djlmnst]|qu)['’ʼ]")
_OPEN_QUOTES = frozenset('«“"‘')
_CLOSE_QUOTES = frozenset('»”"’')
# "à Tours" (and "des tours" elsewhere): after these a dictionary word is still a place's name
_PLACE_PREPOSITIONS = frozenset({"à", "en", "au", "aux"})
_PREDICATES = words("entities/gentile_predicates.tsv")
_STRONG_GENTILE = ("ien", "éen", "ais", "ois", "ain", "in")
_PEOPLE_ARTICLES = frozenset({"les", "aux", "ces"})
_HEADING_JOINERS = frozenset({"/", "-", "–", "'", "’"})


def quoted_alone(toks: list[Any]) -> bool:
    """Whether a span is the whole content of a pair of quotation marks: a person or a place is
    not written so in French news; a work, a product, a slogan or a nickname is ("un verre de
    « Tresaille »", "le film « Orbis »")."""
    doc = toks[0].doc
    i, j = toks[0].i - 1, toks[-1].i + 1
    return i >= 0 and j < len(doc) and doc[i].text in _OPEN_QUOTES and doc[j].text in _CLOSE_QUOTES


def in_capitals_heading(toks: list[Any]) -> bool:
    """Whether a span in capitals sits in a run of at least three words in capitals: a heading or
    a kicker set in capitals ("AMOUR A TROIS - Les mariés…"), whose words are common words, not an
    acronym ("le CIDFF", "la CGT et FO")."""
    if not all(t.is_upper or t.text in _HEADING_JOINERS for t in toks):
        return False
    doc = toks[0].doc
    words = sum(1 for t in toks if t.is_alpha)
    for step, start in ((-1, toks[0].i - 1), (1, toks[-1].i + 1)):
        i = start
        while 0 <= i < len(doc) and (doc[i].is_upper or doc[i].text in _HEADING_JOINERS) \
                and "\n" not in doc[i].text:
            words += doc[i].is_alpha
            i += step
    return words >= 3


_KICKER_MARKS = frozenset({"-", "–", "—", ".", ":", "|", "/"})


def kicker_word(toks: list[Any], dictionary: frozenset[str]) -> bool:
    """Whether a span is a kicker set in capitals before the article's first sentence ("ÉCONOMIE -
    Les ventes …", "CHRONIQUE. Le marché …"): at most two words in capitals, common words of the
    dictionary, opening a paragraph, then a dash, a full stop or a colon (an acronym, "OTAN - …",
    is no dictionary word)."""
    if not toks or len(toks) > 2 or not all(t.is_upper and t.is_alpha and len(t.text) >= 3 for t in toks):
        return False
    first, doc = toks[0], toks[0].doc
    opens = first.i == 0 or "\n" in doc[first.i - 1].whitespace_ or "\n" in doc[first.i - 1].text
    after = toks[-1].i + 1
    return opens and after < len(doc) and doc[after].text in _KICKER_MARKS \
        and all(_ELISION.sub("", t.lower_) in dictionary for t in toks)


def people_noun(res: EntityResources, toks: list[Any]) -> bool:
    """"la Martiniquaise Amandine X", "les Guadeloupéens", "aux jeunes Corses", "des Canadiens
    français": an adjective of place used as a noun after a determiner designates people (the
    KB's demonyms are caught before; this reads the dictionary's adjectives for regions and
    cities the KB does not list)."""
    first = toks[0]
    if len(toks) == 1 and (compound_gentile(first.text) or unknown_gentile(first, res.dictionary)):
        return True  # "le Franco-Congolais", "Trois Ultramarins" (``gentiles.py``)
    if len(toks) == 1 and aged_gentile(first, res.adjectives):
        return True  # "Amandine, Lyonnaise de 29 ans": an age after it (``gentiles.py``)
    if not res.adjectives or not first.text[:1].isupper() or first.is_upper or first.i == 0 \
            or norm(first.text) in INSTITUTION_NOUNS or norm(first.text) in res.org_heads:
        return False  # ("la Marine valdorienne": "marine" is also an adjective, but opens an institution's name)
    if len(toks) > 2 or (len(toks) == 2 and not toks[1].is_lower):
        return False
    prev = first.nbor(-1)
    # ("elle est Lyonnaise", "un peu Breton": an attribute of a person, ``entities/gentile_predicates.tsv``)
    predicate = prev.lower_ in _PREDICATES
    if not (predicate or prev.pos_ in ("DET", "NUM") or prev.lower_ in ("des", "aux")
            or (prev.pos_ == "ADJ" and prev.is_lower)):
        return False
    word = first.lower_
    forms = {word, word[:-1], word[:-2], word[:-3]} if word.endswith("s") else {word, word[:-1], word[:-2]}
    if any(f in res.adjectives and f.endswith(PLACE_ADJECTIVE_ENDINGS) for f in forms):
        return True
    # "aux Brivacins": a plural after a plural article whose singular the dictionary lists as a noun
    # of a gentilé's shape (the town's people); not after "des", which opens a place's complement
    # ("le quartier des Marins", "la place des Moulins")
    return not predicate and word.endswith("s") and prev.lower_ in _PEOPLE_ARTICLES \
        and any(f in res.dictionary and gentile_shape(f, _STRONG_GENTILE) and len(f) >= 5 for f in forms)


def common_word(tok: Any, dictionary: frozenset[str] = frozenset(), label: str = "") -> bool:
    """A capitalised common word, not a name: a heading word ("Cohabitation", "HORAIRES") or a
    sentence-initial noun, shown by the same word written in lower case elsewhere in the article
    or by a heading in capitals; or a word of the French dictionary that opens a sentence or a
    quotation ("Résultat : …", "« Despote …"), or that the tagger did not read as a proper noun
    and NER did not read as a place ("un Master de Finance"). A person's given name
    (``entities/given_names.tsv``) is no dictionary word for this: the lemmatizer's lexicon lists
    some ("David"), and a pseudonymised witness is named by a first name alone."""
    lower = _ELISION.sub("", tok.text.lower())  # "Dʼabord", "Jʼentends": the word after the elision
    elided = _ELISION.match(tok.text.lower())
    if elided and tok.text[elided.end():][:1].islower():
        return True  # "Jʼentends", "Cʼest": the capital is the elided word's; a name keeps its own ("l'Élysée")
    if tok.pos_ in ("NOUN", "ADJ") and tok.is_alpha:
        if tok.is_upper and len(tok.text) >= 4:
            # a heading word in capitals ("HORAIRES"), not an acronym the dictionary does not
            # know after an article ("le CIDFF", "l'UDPCI": the tagger reads unknown capitals
            # as nouns; "les courants XYZ" is a common noun's acronym)
            return not dictionary or bool({lower, tok.lemma_.lower()} & dictionary) \
                or tok.i == 0 or tok.nbor(-1).lower_.replace("’", "'") not in DETERMINERS
        if tok.text != lower and lower in _words_of(tok.doc):
            return True
    if tok.is_alpha and tok.text != lower and not tok.is_upper and opens_clause(tok) and lower in _words_of(tok.doc):
        return True
    if label in ("LOC", "ORG", "MISC") and lower in dictionary and tok.is_alpha and tok.text != lower \
            and not tok.is_upper and lower in _words_of(tok.doc) \
            and (tok.i == 0 or tok.nbor(-1).lower_ not in _PLACE_PREPOSITIONS):
        return True  # "la Ville" and "la ville", "le Voile" and "le voile": a word of the dictionary the article also writes in lower case  # "Glyphosate : …" opening the title, "glyphosate" further on (whatever the tagger read)
    if not dictionary or not tok.text[:1].isupper() or tok.is_upper:
        return False
    if opens_clause(tok) and tok.is_alpha and participle_of(lower, dictionary):
        return True  # "Médusé devant …": a verb's participle opening a sentence, tagged as a noun
    if (tok.pos_ in ("PRON", "DET", "CCONJ", "SCONJ", "ADP") or tok.is_stop) and opens_clause(tok):
        return True  # "Ca c'est …", "Ils …": a function word opening a sentence
    if tok.pos_ in ("VERB", "AUX") and set(tok.morph.get("VerbForm")) & {"Inf", "Part"} and opens_clause(tok):
        return True  # "Interdire la corrida, …", "Médusé, il …": a verb opening a sentence
    if label == "PER" and norm(lower) in COMMON_GIVEN_NAMES:
        return False  # "David, maître-chien depuis dix ans, …": a given name the lemmatizer's lexicon also lists
    forms = {lower, tok.lemma_.lower(), lower[:-1] if lower.endswith(("s", "x")) else lower}
    if not forms & dictionary:  # "Associés" opening a paragraph: the plural of a dictionary word
        return False
    # Inside a sentence a place may well be a word of the dictionary ("à Valence", "le Var"); so
    # may a gloss in brackets after a name ("Anne Pelat (Valence)"): no clause opens there.
    gloss = 0 < tok.i < len(tok.doc) - 1 and tok.nbor(-1).text == "(" and tok.nbor(1).text == ")"
    return (opens_clause(tok) and not gloss) or (tok.pos_ != "PROPN" and label != "LOC")


def _words_of(doc: Any) -> frozenset[str]:
    """The token texts of a document, computed once per document (asked for every capitalised
    word: a scan of the whole document each time was quadratic on long pages)."""
    words = doc.user_data.get("veille_entities_words")
    if words is None:
        words = doc.user_data["veille_entities_words"] = frozenset(token_strings(doc, ORTH))  # (no Token each)
    return words


def opens_clause(tok: Any) -> bool:
    """Whether a token starts a sentence, a paragraph or a quotation."""
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.text in _OPENERS or "\n" in prev.text_with_ws


def in_system_phrase(res: EntityResources, first: Any) -> bool:
    """Whether a name is the proper part of a noun phrase headed by a weapon, treaty or
    currency noun: "missiles de croisière Taurus", "franc CFA", "(INF)" after "traité sur les
    forces nucléaires à portée intermédiaire"."""
    doc = first.doc
    j = first.i - 1
    bracket = j >= 0 and doc[j].text == "("
    if bracket:
        j -= 1
    lo = max(first.sent.start, first.i - (12 if bracket else 5))
    while j >= lo:
        t = doc[j]
        w = norm(t.text)
        if w in res.system_heads:
            return True
        if t.pos_ in ("VERB", "AUX", "PROPN") or t.text[:1].isupper() or (t.is_punct and t.text != "-"):
            return False
        if not bracket and (t.pos_ == "DET" or (t.pos_ == "ADP" and w not in GRAMMAR["of_bare"])
                            or (j == first.i - 1 and w in GRAMMAR["of_folded"])):
            return False  # "chars russes à Bakhmout", "drones de Russie": a place of its own
        j -= 1
    return False
