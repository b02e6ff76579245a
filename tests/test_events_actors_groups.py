"""A counted plural noun ("les deux partis", "les deux candidats") takes up the coordination of
that many named actors written just before it (events/groups.py); a bare count, a coordination of
another size or of another kind takes up nobody. Invented sentences, people and parties."""

from __future__ import annotations

from events_support import code


def _events(nlp, lex, text, entities):
    return code({"text": text, "entities": entities}, nlp, lex, explain=True)


def _sources(events, etype):
    return {e.source for e in events if e.type == etype}


def _show(events):
    return [(e.type, e.source, e.target, e.rule) for e in events]


PARTIES = [["Kalvar", "ORG"], ["Orbesse", "ORG"], ["Paul Durand", "PER"]]


def test_the_two_parties_are_the_parties_coordinated_before(nlp, lex):
    text = ("Kalvar et Orbesse soutiennent la réforme des retraites. "
            "Réunis lundi soir, les deux partis ont accusé Paul Durand de mensonge.")
    events = _events(nlp, lex, text, PARTIES)
    assert _sources(events, "ACCUSE") & {"Kalvar", "Orbesse"}, _show(events)


def test_the_two_candidates_are_the_people_coordinated_before(nlp, lex):
    text = ("Le débat entre Lina Varga et Marc Dubois s'est déroulé mardi à Lyon. "
            "Les deux candidats ont ensuite accusé Paul Durand de mensonge.")
    events = _events(nlp, lex, text, [["Lina Varga", "PER"], ["Marc Dubois", "PER"], ["Paul Durand", "PER"]])
    assert _sources(events, "ACCUSE") & {"Lina Varga", "Marc Dubois"}, _show(events)


def test_a_bare_count_introduces_new_actors(nlp, lex):
    text = ("Kalvar et Orbesse soutiennent la réforme des retraites. "
            "Deux partis ont accusé Paul Durand de mensonge.")
    events = _events(nlp, lex, text, PARTIES)
    assert not _sources(events, "ACCUSE") & {"Kalvar", "Orbesse"}, _show(events)


def test_a_coordination_of_another_size_or_kind_is_not_taken_up(nlp, lex):
    three = ("Kalvar, Orbesse et Dunelle soutiennent la réforme. "
             "Les deux partis ont accusé Paul Durand de mensonge.")
    events = _events(nlp, lex, three, [*PARTIES, ["Dunelle", "ORG"]])
    assert not _sources(events, "ACCUSE") & {"Kalvar", "Orbesse", "Dunelle"}, _show(events)
    people = ("Lina Varga et Marc Dubois soutiennent la réforme. "
              "Les deux partis ont accusé Paul Durand de mensonge.")
    events = _events(nlp, lex, people, [["Lina Varga", "PER"], ["Marc Dubois", "PER"], ["Paul Durand", "PER"]])
    assert not _sources(events, "ACCUSE") & {"Lina Varga", "Marc Dubois"}, _show(events)


def test_a_coordination_far_back_is_not_taken_up(nlp, lex):
    text = ("Kalvar et Orbesse soutiennent la réforme. Le texte sera voté en mai. "
            "Les sénateurs en débattront en juin. La presse en parle beaucoup. "
            "Les deux partis ont accusé Paul Durand de mensonge.")
    events = _events(nlp, lex, text, PARTIES)
    assert not _sources(events, "ACCUSE") & {"Kalvar", "Orbesse"}, _show(events)


def test_a_plural_pronoun_takes_up_no_person_named_alone(nlp, lex):
    text = "Marc Dubois a parlé lundi. Ils dénoncent Paul Durand."
    events = _events(nlp, lex, text, [["Marc Dubois", "PER"], ["Paul Durand", "PER"]])
    assert "Marc Dubois" not in _sources(events, "ACCUSE"), _show(events)


def test_a_plural_pronoun_takes_up_coordinated_people(nlp, lex):
    text = "Marc Dubois et Lina Varga ont parlé lundi. Ils dénoncent Paul Durand."
    events = _events(nlp, lex, text, [["Lina Varga", "PER"], ["Marc Dubois", "PER"], ["Paul Durand", "PER"]])
    assert "Marc Dubois" in _sources(events, "ACCUSE"), _show(events)
