"""Entity rules by category of error on real French news (issue 16): media and companies the KB
names, acronyms of common nouns, gentilés used as nouns. Invented sentences, over the shipped KB."""

from __future__ import annotations

from conftest import entity_types as names
from veille.entities.gentiles import compound_gentile, gentile_shape


def test_a_magazine_and_a_publisher_the_kb_lists_are_organisations(nlp, entity_stage):
    found = names(nlp, entity_stage, "Dans une tribune publiée par Causeur, l'essayiste Lucien Marbot, édité chez "
                              "Grasset, répond aux critiques.")
    assert found.get("Causeur") == "ORG"
    assert found.get("Grasset") == "ORG"


def test_an_elided_article_opening_a_sentence_is_not_the_sports_daily(nlp, entity_stage):
    found = names(nlp, entity_stage, "L'équipe de Valdor a perdu samedi. L'Équipe consacre sa une au match.")
    assert list(found).count("L'Équipe") == 1
    assert found.get("L'Équipe") == "ORG"


def test_acronyms_of_common_nouns_name_nothing(nlp, entity_stage):
    found = names(nlp, entity_stage, "Mathis Carvel a obtenu son BEPC, puis a payé la TVA sur sa moto ; "
                              "une ITT de dix jours lui a été prescrite (NDLR : après la chute).")
    assert not {"BEPC", "TVA", "ITT", "NDLR"} & set(found)
    assert found.get("Mathis Carvel") == "PER"


def test_gentiles_used_as_nouns_designate_people(nlp, entity_stage):
    found = names(nlp, entity_stage, "Trois Vallorinais sont sélectionnés, dont la Tarvisienne Lina Morvel. "
                              "Le Franco-Congolais Paul Ebanga les accompagnera.")
    assert not {"Vallorinais", "Tarvisienne", "Franco-Congolais"} & set(found)
    assert found.get("Paul Ebanga") == "PER"


def test_gentile_shapes():
    assert compound_gentile("Franco-Congolais") and compound_gentile("Italo-Zambienne")
    assert not compound_gentile("Saint-Denis") and not compound_gentile("Mitchelton-Scott")
    assert gentile_shape("Wallisiennes") and not gentile_shape("Lune")


def test_an_institution_noun_alone_is_the_short_form_of_a_body_named_before(nlp, entity_stage):
    found = names(nlp, entity_stage, "La Cour suprême de Valdorie a rejeté le recours. En 2019, cette même Cour "
                              "avait pourtant donné raison aux agents du Parti, a rappelé le Sénat.")
    assert "Cour" not in found and "Parti" not in found


def test_a_pronoun_opening_a_sentence_is_no_name(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les études de Nora Albet sont nombreuses. Celles-ci portent sur la Valdorie.")
    assert "Celles" not in found


def test_businesses_named_after_a_head_noun_are_organisations(nlp, entity_stage):
    found = names(nlp, entity_stage, "Après la visite du domaine des Combettes, Yves Ardel déjeune à l'Auberge de "
                              "Val-Fleuri puis passe à la Maison Tervaux.")
    assert found.get("Domaine des Combettes") == "ORG"
    assert found.get("Auberge de Val-Fleuri") == "ORG"
    assert found.get("Maison Tervaux") == "ORG"


def test_a_town_in_brackets_after_a_name_is_a_place(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le vin est servi chez Anne Pelat (Valence) et chez Marc Fardel (Vichy).")
    assert found.get("Valence") == "LOC" and found.get("Vichy") == "LOC"


def test_a_branch_of_a_brand_is_the_brand_and_the_town(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le vol a eu lieu dans un Café Lumo de Varennes. Le Café Lumo a porté plainte.")
    assert "Café Lumo" in found and found.get("Varennes") == "LOC"
    assert "Café Lumo de Varennes" not in found


def test_a_descriptive_name_or_a_person_keeps_its_complement(nlp, entity_stage):
    found = names(nlp, entity_stage, "La Police régionale de Varennes a interrogé Pierre de Coubertin.")
    assert "Pierre de Coubertin" in found
    assert "Varennes" not in found


def test_a_numbered_division_is_no_name(nlp, entity_stage):
    found = names(nlp, entity_stage, "Une rixe a eu lieu rue Tarvel (Ve arrondissement). Jean Morlot habite le "
                              "XVIIIe arrondissement de Paris.")
    assert not any(n.startswith(("Ve", "XVIIIe")) for n in found)


def test_a_noble_title_alone_is_no_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "Étaient présents le roi des Belges et le Grand-duc de Luxembourg.")
    assert "Grand-duc de Luxembourg" not in found
    assert found.get("Luxembourg") == "LOC"


def test_words_of_a_heading_in_capitals_are_no_names(nlp, entity_stage):
    found = names(nlp, entity_stage, "LA DOUCEUR CONTRE LE STRESS\n\nSelon Lucie Farnel, la CGT et FO soutiennent le projet.")
    assert "STRESS" not in found
    assert "Lucie Farnel" in found


def test_a_capital_on_an_elided_word_makes_no_name(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le bar est calme. Jʼentends par là que Théo Marlin reste chez lui.")
    assert "Jʼentends" not in found and "Théo Marlin" in found


def test_a_news_brand_written_in_lower_case_is_found(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les experts interrogés par franceinfo doutent, dit Hugo Vernet.")
    assert found.get("Franceinfo") == "ORG"


def test_a_name_inside_an_idiom_designates_no_one(nlp, entity_stage):
    found = names(nlp, entity_stage, "Selon Inès Corbal, la logistique reste le talon d'Achille de l'armée ; "
                              "des cocktails Molotov ont été lancés.")
    assert "Achille" not in found and "Molotov" not in found
    assert "Inès Corbal" in found


def test_a_name_after_a_profession_or_kinship_noun_is_a_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "Elle cite la rappeuse Nola B – native de Lyon – et son ami Tarvo. "
                              "« C'était dur », confie Maëlline.")
    assert found.get("Nola B") == "PER"
    assert found.get("Tarvo") == "PER"
    assert found.get("Maëlline") == "PER"


def test_a_soft_hyphen_is_no_part_of_a_name(nlp, entity_stage):
    from veille.entities.spans import clean_span

    text = "Il y avait le graphiste Lino \xadVarda et Anne Colmar."
    doc = nlp(text)
    i = text.index("Lino")
    m = clean_span(entity_stage.res, doc.char_span(i, text.index(" et"), alignment_mode="expand"), "MISC", text)
    assert (m.key, m.label) == ("Lino Varda", "PER")


def test_a_given_name_and_a_surname_read_as_a_thing_are_a_person(nlp, entity_stage):
    from veille.entities.spans import clean_span

    text = "La judoka Sarah-Léonie Vernal et l'équipe Israel Start-Up Nation sont arrivées."
    doc = nlp(text)
    i = text.index("Sarah")
    m = clean_span(entity_stage.res, doc.char_span(i, text.index(" et"), alignment_mode="expand"), "MISC", text)
    assert (m.key, m.label) == ("Sarah-Léonie Vernal", "PER")
    i = text.index("Israel")
    m = clean_span(entity_stage.res, doc.char_span(i, text.index(" sont"), alignment_mode="expand"), "ORG", text)
    assert m.label == "ORG"


def test_an_organisation_named_with_and_without_its_head_noun_is_one(nlp, entity_stage):
    found = names(nlp, entity_stage, "La Coalition pour la vallée verte a déposé un recours. Selon la Coalition "
                              "Al-Nour, le projet est illégal ; Al-Nour le combattra, dit Rémi Vaslin.")
    assert found.get("Coalition pour la vallée verte") == "ORG"
    assert found.get("Coalition Al-Nour") == "ORG"
    assert "Al-Nour" not in found
