"""Organisations after a classifier noun, person names NER cut short, shortened names and
institutions named by their seat (issue 16). Sentences and names are invented."""

from __future__ import annotations

from test_entities import by_name, names_of, run, run_with_ents


def test_a_name_after_a_classifier_noun_is_an_organisation(nlp, full_stage):
    art = run(nlp, full_stage, "Selon la revue Zetagramme, le projet de Lucie Vandermolen a échoué.")
    assert by_name(art)["Zetagramme"].type == "ORG"
    # the type holds for every mention of the name, whatever NER reads elsewhere
    art = run_with_ents(nlp, full_stage, "L'hebdomadaire Orbelune a enquêté. Orbelune publie jeudi.",
                        [("Orbelune", "ORG"), ("Orbelune", "PER")])
    assert by_name(art)["Orbelune"].type == "ORG"


def test_a_classifier_noun_with_a_complement_and_a_sentence_case_name(nlp, full_stage):
    art = run(nlp, full_stage, "Il l'a dit à la chaîne d'information Kavratel lundi.")
    assert by_name(art)["Kavratel"].type == "ORG"
    art = run(nlp, full_stage, "Elle milite dans le collectif Brins de laine, formé en mars.")
    assert "Brins de laine" in names_of(art)


def test_a_hyphenated_classifier_noun_split_by_the_tokenizer(nlp, full_stage):
    # "start-up" is read as three words: the name after it is still an organisation
    art = run(nlp, full_stage, "Le projet associe la start-up allemande Neuronix à deux laboratoires.")
    assert by_name(art)["Neuronix"].type == "ORG"
    art = run(nlp, full_stage, "Les start-ups Brivel et Castora ont levé des fonds. La start-up a vendu son stock.")
    assert by_name(art)["Brivel"].type == "ORG" and by_name(art)["Castora"].type == "ORG"


def test_a_plural_classifier_noun_names_each_organisation(nlp, full_stage):
    art = run(nlp, full_stage, "Ils ont été rejoints par les syndicats Travlor et Unimex lors du défilé.")
    assert "Travlor et Unimex" not in names_of(art)


def test_a_classifier_noun_before_a_common_word_or_an_article_names_nothing(nlp, full_stage):
    art = run(nlp, full_stage, "Il a rempli le formulaire sur le site Internet de la mairie.")
    assert not any(e.type == "ORG" and e.name.startswith("Internet") for e in art.entities)


def test_a_person_name_cut_by_ner_gets_its_parts_back(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Le coureur néerlandais Van Brakel a gagné l'étape.", [("Brakel", "PER")])
    assert "Van Brakel" in names_of(art)
    art = run_with_ents(nlp, full_stage, "La députée Marion Quastel-Dubreuil a voté contre.",
                        [("Marion Quastel", "PER")])
    assert "Marion Quastel-Dubreuil" in names_of(art)


def test_a_shortened_name_joins_the_full_name(nlp, full_stage):
    art = run(nlp, full_stage, "Amina Kolo Ndiaye a déposé un recours. Pour Amina Kolo, la procédure a trop duré.")
    persons = [e for e in art.entities if e.type == "PER"]
    assert [e.name for e in persons] == ["Amina Kolo Ndiaye"]


def test_a_particle_surname_alone_joins_the_full_name(nlp, full_stage):
    art = run(nlp, full_stage, "Le candidat Hervé Le Garrec a perdu. M. Le Garrec a reconnu sa défaite.")
    assert [e.name for e in art.entities if e.type == "PER"] == ["Hervé Le Garrec"]


def test_an_institution_named_by_its_seat_is_an_organisation(nlp, full_stage):
    art = run(nlp, full_stage, "Une chercheuse de l'université de Montpellier a publié l'étude.")
    assert by_name(art)["université de Montpellier"].type == "ORG"
    assert "Montpellier" not in names_of(art)


def test_an_acronym_after_an_article_is_a_name_a_heading_word_in_capitals_is_not(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Le RPLV et le CORDIX ont signé l'accord.", [("RPLV", "ORG"), ("CORDIX", "ORG")])
    assert {"RPLV", "CORDIX"} <= names_of(art)
    from veille.entities.spans import common_word

    words = full_stage.res.dictionary
    assert common_word(nlp("DOUCEUR Le contact apaise.")[0], words)  # a heading in capitals


def test_a_lower_case_classifier_noun_is_not_part_of_the_name(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Ce samedi, l'association Brinval organise un atelier.",
                        [("association Brinval", "ORG")])
    assert "Brinval" in names_of(art) and "association Brinval" not in names_of(art)


def test_a_surname_after_a_title_keeps_its_particle(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Sous le général de Vallombreuse, la ville a changé.", [("Vallombreuse", "PER")])
    assert "de Vallombreuse" in names_of(art)
    # "l'avocat d'Amina Kolo": the complement of a role, not a particle
    art = run_with_ents(nlp, full_stage, "L'avocat d'Amina Kolo a fait appel.", [("Amina Kolo", "PER")])
    assert "Amina Kolo" in names_of(art)


def test_a_verb_opening_a_sentence_is_not_a_name(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Interdire la corrida, autoriser le vote : le débat reprend.",
                        [("Interdire", "PER")])
    assert "Interdire" not in names_of(art)


def test_an_organisation_cut_before_its_acronym_gets_its_full_name():
    from veille.entities.mention import Mention
    from veille.entities.organisations import complete_from_acronym

    text = "Elle siège au Conseil national et populaire (CNP) depuis mai."
    cut = Mention(14, 30, "Conseil national", "Conseil national", "ORG", "ner")
    [m] = complete_from_acronym(text, [cut])
    assert m.key == "Conseil national et populaire"
    # letters that do not spell the longer name leave NER's span as it is
    text = "Elle siège au Conseil national de la ville (XYZ) depuis mai."
    cut = Mention(14, 30, "Conseil national", "Conseil national", "ORG", "ner")
    assert complete_from_acronym(text, [cut])[0].key == "Conseil national"


def test_a_person_or_place_alone_in_quotation_marks_is_a_title_not_a_name(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Il sert un verre de « Vermaline » aux visiteurs de Lucie Vandermolen.",
                        [("Vermaline", "LOC"), ("Lucie Vandermolen", "PER")])
    assert "Vermaline" not in names_of(art) and "Lucie Vandermolen" in names_of(art)


def test_a_place_reading_that_opens_on_a_common_given_name_is_a_person(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Sur la place, Karima Vandermolen distribue des tracts.",
                        [("Karima Vandermolen", "LOC")])
    assert by_name(art)["Karima Vandermolen"].type == "PER"


def test_an_acronym_read_as_misc_does_not_outvote_its_organisation(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Le Conseil mondial du vélo (CMV) a tranché. Le CMV a publié la liste. Le CMV décidera.",
                        [("Conseil mondial du vélo", "ORG"), ("CMV", "MISC"), ("CMV", "MISC"), ("CMV", "MISC")])
    [org] = [e for e in art.entities if "Conseil mondial du vélo" in e.mentions]
    assert org.type == "ORG" and "CMV" in org.mentions


def test_a_surname_misspelt_once_joins_the_person():
    from veille.entities.clustering import one_edit

    assert one_edit("vandermolen", "vandermollen") and not one_edit("dupont", "dupnot")


def test_a_function_word_opening_a_sentence_is_not_a_name(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Le musée a fermé. Ca c'est dommage, a dit un visiteur.", [("Ca", "LOC")])
    assert "Ca" not in names_of(art)


def test_every_name_listed_after_a_plural_classifier_noun_is_an_organisation(nlp, full_stage):
    art = run(nlp, full_stage, "La marche était organisée par les collectifs Nous Autres, Vents Contraires et Oasis.")
    names = names_of(art)
    assert {"Nous Autres", "Vents Contraires", "Oasis"} <= set(names)
    assert by_name(art)["Vents Contraires"].type == "ORG"
    art = run(nlp, full_stage, "On comptait plusieurs organisations écologistes (Terre Vive, Clar-V et Oasis) ce jour-là.")
    assert {"Terre Vive", "Clar-V", "Oasis"} <= set(names_of(art))
    art = run(nlp, full_stage, "Il y avait les syndicats Travlor et Vents Contraires par exemple, et la mairie.")
    assert "Vents Contraires" in names_of(art)


def test_a_capitalised_article_opens_a_name_in_sentence_case(nlp, full_stage):
    art = run(nlp, full_stage, "Émilie, membre du collectif La ronce, a projeté une vidéo.")
    assert "La ronce" in names_of(art)


def test_a_classified_name_ends_before_its_owners_name(nlp, full_stage):
    art = run(nlp, full_stage, "Après cela, le fonds d'investissement lyonnais Orvanis Capital de Julien Maréchal a repris l'affaire.")
    assert "Orvanis Capital" in names_of(art)


def test_a_classifier_noun_of_two_words(nlp, full_stage):
    art = run(nlp, full_stage, "Selon le think tank Open Valdor Forum, la dette va grimper.")
    assert by_name(art)["Open Valdor Forum"].type == "ORG"
