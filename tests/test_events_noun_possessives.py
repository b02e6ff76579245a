"""Whom a possessive on the noun of an act done to a person names (issue 13, helper evnoun):
"son arrestation" is the arrest of the one "son" stands for, never that person's own act; and the
census of ``bench/events_noun_forms.py`` that counts where an event noun's actors are written.
Invented sentences and names."""

from __future__ import annotations

import sys
from pathlib import Path

from events_support import build, code
from veille.common.lexicon import rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def _events(nlp, lex, text, entities):
    return code({"text": text, "entities": entities}, nlp, lex, explain=True)


def test_a_possessive_on_an_arrest_names_the_one_arrested(nlp, lex):
    text = ("Le militant Paul Durand a été relâché mardi soir à Lyon. "
            "Son arrestation avait provoqué la colère de ses soutiens.")
    events = [e for e in _events(nlp, lex, text, [["Paul Durand", "PER"], ["Lyon", "LOC"]]) if e.type == "COERCE"]
    assert events and events[0].target == "Paul Durand" and events[0].source is None, events
    assert " target=noun:patient" in events[0].rule


def test_the_nearest_person_before_the_possessive_is_taken(nlp, lex):
    text = "Le juge Marc Obert a entendu Lina Varga, qui a passé un an en prison dans le cadre de sa détention provisoire."
    events = [e for e in _events(nlp, lex, text, [["Marc Obert", "PER"], ["Lina Varga", "PER"]]) if e.type == "COERCE"]
    assert events and events[0].target == "Lina Varga", events


def test_a_plural_possessive_names_no_one_person(nlp, lex):
    text = "Les militants Paul Durand et Karl Dunois ont été relâchés. Leur arrestation avait choqué la ville."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"], ["Karl Dunois", "PER"]])
    assert not [e for e in events if e.type == "COERCE" and e.target in ("Paul Durand", "Karl Dunois")], events


def test_a_possessive_on_an_act_against_a_place_is_left_alone(nlp, lex):
    # "son offensive": the possessive may name the doer; not in the list of acts done to a person.
    text = "Le général Ivan Petrek a préparé son offensive contre Port-Valdor pendant des mois."
    events = _events(nlp, lex, text, [["Ivan Petrek", "PER"], ["Port-Valdor", "LOC"]])
    assert not [e for e in events if e.target == "Ivan Petrek"], events


def test_the_undergone_possessive_nouns_carry_examples():
    lines = rows("events/undergone_possessives.tsv", 2)
    assert lines and all(row[1].endswith(".") for row in lines)


def test_the_census_places_a_noun_s_actors_by_form(nlp, lex):
    from events_noun_forms import form

    from veille.events.view import ArticleView

    text = "La Morlande a lancé une offensive contre le Valdoria. L'invasion du Valdoria par la Morlande a choqué."
    art, doc = build({"text": text, "entities": [["Morlande", "LOC"], ["Valdoria", "LOC"]]}, nlp)
    view = ArticleView(lex, art, doc)

    def same(a, b):
        return a == b

    offensive = next(t for t in doc if t.text == "offensive")
    invasion = next(t for t in doc if t.text == "invasion")
    assert form(view, offensive, "Morlande", same) == "support:subject"
    assert form(view, invasion, "Morlande", same) == "par"
    assert form(view, invasion, "Valdoria", same) == "de"
    assert form(view, invasion, None, same) == "null"


def test_in_a_quote_the_possessive_is_not_the_speaker(nlp, lex):
    text = ("Le militant Paul Durand a été arrêté lundi, selon le policier Marc Obert. "
            "« Il dérangeait, c'est la raison de son arrestation », a ajouté Marc Obert.")
    quotes = [["Il dérangeait, c'est la raison de son arrestation", "Marc Obert"]]
    case = {"text": text, "entities": [["Paul Durand", "PER"], ["Marc Obert", "PER"]], "quotes": quotes}
    events = [e for e in code(case, nlp, lex, explain=True) if e.type == "COERCE" and "arrestation" in e.rule]
    assert events and events[0].target == "Paul Durand", events
