"""Persons NER left as things or read as places, shown by the words around them:

- a noun of profession, art, sport or kinship right before ("le graphiste Lino Varda", "la
  rappeuse Nola B", "son ami Tarek": ``lexicons/entities/person_nouns.tsv``), at most one
  lower-case adjective between;
- a speech verb in an inverted incise right before (", confie Nicoletta.", "», raconte Maëlle"):
  the speaker of a quote (the verbs of ``lexicons/speech_verbs.tsv``);
- an apposition right after that says who the person is ("Lina, étudiante en droit, …",
  "Tiago, 36 ans, …", "Nadia, une mère de famille, …"): a noun of ``person_nouns.tsv`` or an age,
  but not a noun that introduces another name ("À Valmont, le photographe Jean Dupré …");
  a footnote call right after a first name ("Tiago (1)": the first name was changed).
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows

PERSON_NOUNS = frozenset(norm(r[0]) for r in rows("entities/person_nouns.tsv"))
SPEECH_LEMMAS = frozenset(r[0] for r in rows("speech_verbs.tsv", min_columns=3) if r[1] == "fr")
# the inflected forms the table lists (its fourth column): the tagger may read one as a noun and
# keep it as its own lemma ("», raisonne | X")
SPEECH_FORMS = frozenset(f.strip() for r in rows("speech_verbs.tsv", min_columns=3) if r[1] == "fr" and len(r) > 3
                         for f in r[3].split(",") if f.strip())
# auxiliaries of a compound tense in an incise ("», a dit | X", "», avait raconté | X")
_INCISE_AUXILIARIES = frozenset({"a", "avait", "aura", "aurait", "ont", "avaient", "est"})
_INCISE_OPENERS = frozenset({",", "»", "”", '"'})
_APPOSED_DETERMINERS = frozenset({"un", "une", "la", "le", "l'", "l’", "cette", "ce", "cet"})


def person_noun_before(first: Any) -> bool:
    """"le graphiste | X", "la jeune violoniste | X", "son ami | X"."""
    doc = first.doc
    for back in (1, 2):
        if first.i - back < 0:
            return False
        t = doc[first.i - back]
        if t.is_lower and norm(t.text) in PERSON_NOUNS:
            return True
        if not (t.is_lower and t.pos_ == "ADJ"):
            return False
    return False


def incise_speaker(first: Any) -> bool:
    """", confie | Nicoletta", "», raconte | Maëlle", "», a dit | Saliou": the subject of an
    inverted speech verb, in a simple or a compound tense."""
    doc = first.doc
    if first.i < 2:
        return False
    verb, before = doc[first.i - 1], doc[first.i - 2]
    if not verb.is_lower or not (verb.lemma_ in SPEECH_LEMMAS or verb.lower_ in SPEECH_FORMS):
        return False
    if before.lower_ in _INCISE_AUXILIARIES and first.i >= 3:
        before = doc[first.i - 3]  # "», a dit | X": the auxiliary, then the participle
    return before.text in _INCISE_OPENERS


def person_apposed_after(last: Any) -> bool:
    """"X, étudiante en …", "X, 36 ans", "X, une jeune mère de …": a comma, then a noun of person
    (a determiner and one adjective allowed before it) or an age; or "X (1)", a footnote call
    right after the name (the press's mark of a first name changed)."""
    doc = last.doc
    i = last.i + 1
    if i + 2 < len(doc) and doc[i].text == "(" and (doc[i + 1].is_digit and len(doc[i + 1].text) == 1
                                                    or doc[i + 1].text == "*") and doc[i + 2].text == ")":
        return True  # "Tiago (1)": a footnote call saying the first name was changed
    if i >= len(doc) or doc[i].text != ",":
        return False
    i += 1
    if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].lower_ == "ans":
        return True
    if i < len(doc) and doc[i].lower_ in _APPOSED_DETERMINERS:
        i += 1
    if i < len(doc) and doc[i].is_lower and doc[i].pos_ == "ADJ" and norm(doc[i].text) not in PERSON_NOUNS:
        i += 1
    if not (i < len(doc) and doc[i].is_lower and norm(doc[i].text) in PERSON_NOUNS):
        return False
    # "À Valmont, le photographe Jean Dupré expose …": the noun introduces the name after it, not
    # the one before the comma (a town opening the sentence)
    return not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper())


# a capitalised preposition of place opening a sentence: "À Valmont, …", "En Corrèze, …"
_FRONTED_PLACE = frozenset({"À", "A", "En", "Dans"})


def fronted_place(first: Any) -> bool:
    """"À Valmont, le photographe expose …": a name right after a preposition of place that opens
    the sentence, and a comma right after the name's words: the setting of the sentence (a town), not a
    person the apposition describes ("à Lina, étudiante" inside a sentence stays a person)."""
    doc = first.doc
    if first.i == 0 or doc[first.i - 1].text not in _FRONTED_PLACE:
        return False
    opener = doc[first.i - 1]
    if not (opener.i == 0 or opener.is_sent_start or "\n" in doc[opener.i - 1].text_with_ws
            or doc[opener.i - 1].text in (".", "!", "?", "»", ":")):
        return False
    j = first.i
    while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].text in ("-", "'", "’")):
        j += 1
    return j < len(doc) and doc[j].text == ","
