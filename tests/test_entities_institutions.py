"""Public bodies written with a lower-case head noun (issue 16: organisations the NER never tags):
courts with their seat, prefectures, ministries by portfolio or nationality, parliaments by
nationality, parties by doctrine, the national police. Sentences, people and towns are invented
(Valmont, Tessanges); real country adjectives come from the KB."""

from __future__ import annotations

from conftest import entity_records
from veille.entities.institutions import institution_mentions
from veille.entities.mention import Mention


def _orgs(nlp, stage, text: str) -> dict[str, list[str]]:
    """Organisation name (lower case: a name NER read keeps its case) -> mentions."""
    return {name.lower(): e.mentions for name, e in entity_records(nlp, stage, text).items() if e.type == "ORG"}


def test_a_court_with_its_seat_and_its_short_mention(nlp, full_stage):
    text = ("Les vendeuses ont saisi le conseil de prud'hommes de Valmont en mars.\n\n"
            "Le conseil des prud'hommes reconnaît dans son jugement que la discrimination est établie.")
    orgs = _orgs(nlp, full_stage, text)
    assert orgs["conseil de prud'hommes de valmont"] == ["conseil de prud'hommes de Valmont", "conseil des prud'hommes"]


def test_a_court_keeps_the_town_read_in_it_as_a_place(full_stage):
    text = "Le tribunal administratif de Valmont a annulé l'arrêté de la préfecture du Val-de-Tessanges."
    town, dept = text.index("Valmont"), text.index("Val-de-Tessanges")
    names = [Mention(town, town + 7, "Valmont", "Valmont", "LOC", "ner"),
             Mention(dept, dept + 16, "Val-de-Tessanges", "Val-de-Tessanges", "LOC", "ner")]
    found = [(m.text, m.label) for m in institution_mentions(full_stage.res, text, names)]
    # (the town a court sits in is a place the annotators mark; a prefecture's département is part of its name)
    assert found == [("tribunal administratif de Valmont", "ORG"), ("Valmont", "LOC"),
                     ("préfecture du Val-de-Tessanges", "ORG")]


def test_a_prefecture_of_a_departement_and_the_police_prefecture(nlp, full_stage):
    orgs = _orgs(nlp, full_stage, "Les arrêtés pris par la préfecture du Val-de-Tessanges ont été annulés. "
                                  "La préfecture de police faisait état de six blessés.")
    assert "préfecture du val-de-tessanges" in orgs and "préfecture de police" in orgs


def test_a_ministry_by_its_portfolio_and_by_its_country(nlp, full_stage):
    text = ("Selon le ministère de la Justice, Paul Vernier sera entendu. \"Le navire a coulé\", "
            "a annoncé le ministère turc des Transports, comme le ministère de l'Économie et des Finances.")
    orgs = _orgs(nlp, full_stage, text)
    assert {"ministère de la justice", "ministère turc des transports"} <= set(orgs)
    assert "ministère de l'économie et des finances" in orgs


def test_a_ministry_named_after_its_minister_is_no_portfolio(nlp, full_stage):
    orgs = _orgs(nlp, full_stage, "Le ministère de Gérald Vannier prévoit un nouveau texte.")
    assert not any(name.lower().startswith("ministère") for name in orgs)


def test_a_parliament_by_its_nationality_and_a_party_by_its_doctrine(nlp, full_stage):
    orgs = _orgs(nlp, full_stage, "Le parlement maltais a adopté la loi. Le parti communiste a appelé à manifester.")
    assert "parlement maltais" in orgs and "parti communiste" in orgs


def test_a_party_before_a_verb_or_a_preposition_is_named(nlp, full_stage):
    orgs = _orgs(nlp, full_stage, "Divisé, le parti socialiste continue sa course. Les dissidents du "
                                  "parti communiste suisse sur la laïcité ont parlé.")
    assert "parti socialiste" in orgs and "parti communiste suisse" in orgs


def test_a_doctrine_describing_a_named_party_is_no_name(nlp, full_stage):
    orgs = _orgs(nlp, full_stage, "Il a rejoint le parti nationaliste flamand (Vreeland Sterk) en mai, "
                                  "puis le parti social-démocrate Oranjepad.")
    assert not any(name.lower().startswith("parti") for name in orgs)


def test_the_national_police_and_a_longer_name_around_it(nlp, full_stage):
    orgs = _orgs(nlp, full_stage, "Jean Arnel, directeur général de la police nationale, a parlé.")
    assert "police nationale" in orgs
    orgs = _orgs(nlp, full_stage, "L'Inspection générale de la police nationale a été saisie.")
    assert "police nationale" not in orgs


def test_an_indefinite_court_is_no_name(full_stage):
    # (the rule alone: the NER model may still read the phrase as a name)
    text = "Il a été condamné par un tribunal correctionnel de Valmont, puis par le tribunal correctionnel de Tessanges."
    found = institution_mentions(full_stage.res, text, [])
    assert [m.text for m in found if m.label == "ORG"] == ["tribunal correctionnel de Tessanges"]


def test_a_university_seat_stops_before_a_person_named_after_it(nlp, full_stage):
    records = entity_records(nlp, full_stage, "Selon le chercheur de l'université de Valmont Daniel Ferrandi, "
                                              "les données sont fiables.")
    assert "Université de Valmont" in records and records["Daniel Ferrandi"].type == "PER"
