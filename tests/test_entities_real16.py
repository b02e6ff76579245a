"""Entity rules from the phenomena of the real-page dev errors (issue 16), each on invented
sentences with invented people and companies, over the shipped KB."""

from __future__ import annotations

from conftest import assert_entity_types as typed
from conftest import entity_types as names


def test_a_seat_named_by_its_building_is_a_place(nlp, entity_stage):
    typed(nlp, entity_stage, "Le retour de Joe Biden à la Maison-Blanche a surpris.", {"Maison-Blanche": "LOC"})


def test_a_person_apposed_to_a_noun_of_person_or_an_age(nlp, entity_stage):
    typed(nlp, entity_stage, "Un geste qui a fait du bien à Lyssa, étudiante en droit. "
                             "Assise sur le canapé, Tiavo (1), 36 ans, sourit.", {"Lyssa": "PER", "Tiavo": "PER"})


def test_a_role_complement_read_with_the_name_after_it(nlp, entity_stage):
    found = names(nlp, entity_stage, "Hier, le député Renaissance Sacha Morlet a déposé un texte.")
    assert found.get("Sacha Morlet") == "PER"
    assert "Renaissance Sacha Morlet" not in found
    found = names(nlp, entity_stage, "Le lycée Victor Hugo ferme ses portes.")
    assert "Hugo" not in found


def test_a_company_apposed_after_its_classifier_and_a_comma(nlp, entity_stage):
    typed(nlp, entity_stage, "La cour a condamné la société de travail temporaire, Vexano, "
                             "ainsi que le géant Tarvex et l'industriel Chanvo.",
                             {"Vexano": "ORG", "Tarvex": "ORG", "Chanvo": "ORG"})


def test_a_role_of_a_party_then_its_holder_after_a_comma_is_a_person(nlp, entity_stage):
    typed(nlp, entity_stage, "Ils ont élu le fondateur du parti islamiste, Rached Ghannoun, à la présidence.",
                             {"Rached Ghannoun": "PER"})


def test_an_english_name_ending_on_a_body_noun_is_an_organisation(nlp, entity_stage):
    typed(nlp, entity_stage, "Lise Varon fait partie du Sarah Callow Trust, qui fait campagne. "
                             "Selon la Rowan Hale Foundation, rien ne change.",
                             {"Sarah Callow Trust": "ORG", "Rowan Hale Foundation": "ORG"})


def test_a_square_is_named_with_its_noun_but_not_instead_of(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les rebelles veulent rejoindre la place des Oméyades. "
                              "À la place de Jean Marlet, Paul Verin a parlé.")
    lower = {k.lower(): v for k, v in found.items()}
    assert lower.get("place des oméyades") == "LOC"
    assert "oméyades" not in lower
    assert found.get("Jean Marlet") == "PER"


def test_a_school_after_its_lower_case_noun_is_an_organisation_and_its_town_a_place(nlp, entity_stage):
    typed(nlp, entity_stage, "Elle enseigne au lycée Marcel Davrin d'Épinay-sur-Seine depuis 2010. "
                             "Une élève du lycée Chaminol a parlé.",
                             {"Lycée Marcel Davrin": "ORG", "Épinay-sur-Seine": "LOC", "Lycée Chaminol": "ORG"})


def test_a_role_read_with_the_name_after_it_leaves_the_person(nlp, entity_stage):
    typed(nlp, entity_stage, "Les émeutes avaient amené le Premier ministre Dominique Valtier de Marny "
                             "à instaurer l'état d'urgence.",
                             {"Dominique Valtier de Marny": "PER"}, absent=["Dominique"])


def test_a_periphrasis_of_a_city_is_the_city(nlp, entity_stage):
    typed(nlp, entity_stage, "Elle est née dans le Bronx, à New York. La Grosse Pomme l'a vue grandir.",
                             {"New York": "LOC"}, absent=["Grosse Pomme"])


def test_a_given_name_before_a_verbs_complement_is_the_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "Nadia Okalou a porté plainte en août. Depuis, les parents des suspects "
                              "accusent Nadia de mensonge dans la presse.")
    assert list(found) == ["Nadia Okalou"]


def test_a_hall_glued_to_its_city_is_two_places(nlp, entity_stage):
    typed(nlp, entity_stage, "Le gala revient à la Velora Arena Paris le 5 octobre prochain.",
                             {"Velora Arena": "LOC", "Paris": "LOC"})


def test_a_first_name_with_a_footnote_call_is_a_person(nlp, entity_stage):
    typed(nlp, entity_stage, "Elle fait la connaissance de Virgilia (1), Christo (1) et leurs cinq enfants.",
                             {"Virgilia": "PER", "Christo": "PER"})


def test_a_town_situated_by_a_cardinal_point_in_brackets_is_a_place(nlp, entity_stage):
    typed(nlp, entity_stage, "Des frappes ont touché Kessavo (sud-est) dans la nuit.", {"Kessavo": "LOC"})


def test_capitalised_words_of_a_short_slogan_or_label_in_quotes_name_no_one(nlp, entity_stage):
    found = names(nlp, entity_stage, "Elles ont brandi des pancartes «Mon Dieu, Mes Lois», «Ma Foi, Ma liberté». "
                              "Avec le label \"Terres de jeux\", la commune s'engage, dit Jean Valtier.")
    assert list(found) == ["Jean Valtier"]


def test_a_former_name_after_ex_is_the_name(nlp, entity_stage):
    found = names(nlp, entity_stage, "La cour a condamné sa filiale Ajilor (ex-Valcom) pour discrimination.")
    assert "Valcom" in found
    assert not any(name.startswith("ex-") for name in found)
