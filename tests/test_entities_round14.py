"""Entity repairs of issue 16 read on outside pages (round 14): invented sentences, invented people."""

from __future__ import annotations

from entities_support import entities_by_name


def test_two_countries_joined_by_a_hyphen_are_two_places(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Le commerce Chine-Etats-Unis recule, selon Paul Verdan.")
    assert found.get("Chine", ("",))[0] == "LOC"
    assert found.get("États-Unis", ("",))[0] == "LOC"
    assert not any("-Etats" in name for name in found)


def test_a_country_whose_name_has_a_hyphen_is_not_cut(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Léa Marin vit en Guinée-Bissau depuis deux ans.")
    assert "Guinée-Bissau" in found


def test_an_acronym_with_its_region_letters_is_one_name(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Le Syndicat suisse des services publics pour la région de Neuchâtel (SSP-RN) "
                                       "a protesté. Le SSP-RN demande une hausse des salaires.")
    org = next(name for name, (_, mentions) in found.items() if "SSP-RN" in mentions)
    assert found[org][1].count("SSP-RN") == 2
    assert "RN" not in found and "Rassemblement national" not in found


def test_a_pair_with_a_known_organisation_is_still_two_names(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "L'accord UE-Mercosur a été signé par Paul Verdan.")
    assert "Mercosur" in found
    assert any(name in found for name in ("UE", "Union européenne"))


def test_a_person_is_cut_before_the_outlet_named_after_him(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Pour Moussa Sarrou de Sud Hebdo, rien ne change. "
                                       "Selon Awa Dioune de Radio Kanel, le vote est serré.")
    assert "Moussa Sarrou" in found and "Awa Dioune" in found
    assert not any(" de " in name and found[name][0] == "PER" for name in found)


def test_a_noble_name_keeps_its_tail(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Hélie Varennes de Saint Marc est arrivé hier.")
    assert "Hélie Varennes de Saint Marc" in found


def test_the_bare_union_is_the_european_union(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "La Commission européenne propose un plan. Les membres de l'Union ne sont "
                                       "pas d'accord, dit Paul Verdan.")
    assert found.get("Union européenne", ("",))[0] == "ORG"
    assert "Union" in found["Union européenne"][1]
    assert "Union" not in found


def test_the_bare_union_is_the_union_the_article_names(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "L'Union africaine se réunit à Addis-Abeba. Pour l'Union, la paix prime.")
    assert "Union" in found["Union africaine"][1]
    assert "Union européenne" not in found and "Union" not in found


def test_a_university_keeps_its_number(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Léa Marin enseigne à l'Université Brivac 8 depuis 2010. "
                                       "Son collègue vient de l'université Lyon 2.")
    assert "Université Brivac 8" in found
    assert any(name.lower() == "université lyon 2" for name in found)
    assert "Lyon" not in found


def test_a_score_still_drops_its_number(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Score final : Olympique de Valdor 2, Brivac 1.")
    assert not any(name.endswith(" 2") for name in found)


def test_a_town_after_its_mayors_stays_a_place(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Les maires de Nancy, de Reims ou de Brest ont signé la lettre.")
    assert found.get("Nancy", ("",))[0] == "LOC"


def test_an_english_acronym_in_brackets_joins_the_french_name(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Le Fonds des Nations unies pour la population (UNFPA) alerte. L'UNFPA "
                                       "demande 30 millions, selon Paul Verdan.")
    fund = next(name for name, (_, mentions) in found.items() if "UNFPA" in mentions)
    assert fund.startswith("Fonds des Nations unies")
    assert "UNFPA" not in found


def test_a_model_code_is_no_entity(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Le modèle VX-12 a été présenté par Paul Verdan. Le prototype AMO-Z-15 roule.")
    assert "Paul Verdan" in found
    assert not any(any(ch.isdigit() for ch in name) for name in found)


def test_an_acronym_with_region_letters_is_an_organisation(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Le SSP-RV a appelé à la grève, selon Paul Verdan.")
    assert found.get("SSP-RV", ("",))[0] == "ORG"


def test_a_capitalised_piece_of_a_compound_adjective_is_no_name(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "La coopération euro-Méditerranéenne avance, dit Paul Verdan. "
                                       "Le partenariat sino-Africain progresse.")
    assert set(found) == {"Paul Verdan"}


def test_a_particle_before_a_hyphen_still_opens_a_name(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Karim al-Mansouri a rencontré Paul Verdan à Brivac.")
    assert "Karim al-Mansouri" in found


def test_an_acronym_read_as_a_word_joins_its_body_in_both_cases(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Selon le Bureau valdorien des affaires rurales (Bavar), 300 fermes ont "
                                       "fermé. Le BAVAR alerte, dit Paul Verdan.")
    body = next(name for name, (_, mentions) in found.items() if "BAVAR" in mentions)
    assert body.startswith("Bureau valdorien") and "Bavar" in found[body][1]
    assert found[body][0] == "ORG"
