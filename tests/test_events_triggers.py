"""veille.events.triggers: trigger words matched against the lexicon, with their constraints."""

from __future__ import annotations

from events_support import build
from veille.events.triggers import find_triggers
from veille.events.view import ArticleView

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"]]


def _entries(nlp, lex, text: str) -> list[tuple[str, str]]:
    art, doc = build({"text": text, "entities": ENTITIES}, nlp)
    view = ArticleView(lex, art, doc)
    return [(trig.entry, doc[head].text) for sent in doc.sents for trig, head, _ in find_triggers(view, sent)]


def test_a_phrase_wins_over_its_head_word(nlp, lex):
    found = _entries(nlp, lex, "La Moldavie a eu un appel téléphonique avec la Géorgie.")
    assert found == [("phrase:appel téléphonique", "appel")]


def test_a_constrained_verb_needs_its_object(nlp, lex):
    assert _entries(nlp, lex, "La Moldavie a renforcé ses troupes à la frontière.") == [("verb:renforcer", "renforcé")]
    assert _entries(nlp, lex, "La Moldavie a renforcé son économie.") == []


def test_a_named_entity_is_never_a_noun_trigger(nlp, lex):
    found = _entries(nlp, lex, "La Moldavie a livré des obus à la Géorgie.")
    assert found == [("verb:livrer", "livré")]


def test_a_passive_participle_is_read_as_its_adjective(nlp, lex):
    # "est opposée à": the tagger reads a passive of "opposer"; the lexicon's reading is the adjective
    assert _entries(nlp, lex, "La Moldavie est opposée à la réforme des retraites.") == [("adj:opposé", "opposée")]


def test_a_passive_without_subject_keeps_its_event_reading(nlp, lex):
    # "avant d'être arrêté": the person arrested is the clause's topic, not a dependent of the verb
    found = _entries(nlp, lex, "Le militant a fui vers la Géorgie avant d'être arrêté à la frontière.")
    assert ("verb:arrêter", "arrêté") in found


def test_arreter_with_a_thing_is_no_arrest(nlp, lex):
    assert not [e for e in _entries(nlp, lex, "La Moldavie a arrêté la construction du pont.") if "arrêter" in e[0]]


def test_a_present_tense_verb_read_as_an_adjective_is_still_a_trigger(nlp, lex):
    # the tagger reads "critique" as an adjective of "Forge"; between a name and a determiner it is
    # the verb, while "la critique" with its article stays a noun
    found = _entries(nlp, lex, "Le syndicat Forge critique la réforme des retraites.")
    assert ("verb:critiquer", "critique") in found
    assert not [e for e, _ in _entries(nlp, lex, "La critique de la Moldavie reste vive.") if e.startswith("verb:")]
