"""Names NER gives that name nothing the guidelines count (``entities/non_names.py``) and
acronyms in brackets in another language (``entities/organisations.py``). Invented sentences."""

from __future__ import annotations

from test_entities import by_name, run_with_ents
from veille.entities.non_names import event_name, file_name, not_a_name


def test_a_picture_file_name_left_in_the_text_is_no_name():
    text = "Le projet avance.\n\nPlan-Quartier-Varenne.png\n\nLes travaux commencent."
    start = text.index("Plan")
    assert file_name(text, start, start + len("Plan-Quartier"))
    assert not file_name("Léa Varenne arrive.", 0, 11)


def test_event_heads_make_an_event_not_an_organisation():
    assert event_name("Salon international du jouet")
    assert event_name("Coupe de la Ligue")
    assert event_name("Lyon Design Week")
    assert event_name("Tower Run Varenne")
    assert not event_name("Salon")  # a lone word: left to the other filters
    assert not event_name("Fédération des salons de coiffure")
    assert not not_a_name("x", 0, 1, "Coupe Lavigne", "PER")


def test_in_the_stage_an_event_is_dropped_and_its_city_kept(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "La Varenne Design Week s'ouvre à Lisieux. Le Salon international du jouet suivra.",
                        [("Varenne Design Week", "ORG"), ("Lisieux", "LOC"), ("Salon international du jouet", "ORG")])
    names = by_name(art)
    assert "Lisieux" in names
    assert "Varenne Design Week" not in names and "Salon international du jouet" not in names


def test_an_acronym_in_another_language_after_the_name_is_the_same_body(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Le Parti de l'aube nouvelle (YSP) a gagné. Le YSP gouvernera seul.",
                        [("Parti de l'aube nouvelle", "ORG"), ("YSP", "ORG"), ("YSP", "ORG")])
    orgs = [e for e in art.entities if e.type == "ORG"]
    assert len(orgs) == 1 and set(orgs[0].mentions) >= {"YSP"}


def test_an_acronym_opening_a_bracketed_aside_is_the_same_body(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Les élus du Parti de l'aube nouvelle (YSP, au pouvoir) votent. Le YSP gagne.",
                        [("Parti de l'aube nouvelle", "ORG"), ("YSP", "ORG"), ("YSP", "ORG")])
    orgs = [e for e in art.entities if e.type == "ORG"]
    assert len(orgs) == 1


def test_a_person_goes_by_the_full_name_without_a_stray_word_glued_on(full_stage):
    from veille.entities.person_names import person_name

    res = full_stage.res
    assert person_name(res, ["Mai Théo Varlin", "Théo Varlin", "Varlin"]) == "Théo Varlin"
    assert person_name(res, ["Inès Corvaro Première", "Inès Corvaro"]) == "Inès Corvaro"
    assert person_name(res, ["Noé Théo Varlin", "Théo Varlin"]) == "Noé Théo Varlin"  # a given name
    assert person_name(res, ["Jean Blanc", "Jean"]) == "Jean Blanc"  # two words: a full name


def test_in_the_stage_a_month_glued_before_a_name_is_left_out(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Théo Varlin a parlé hier. Mai Théo Varlin reste discret.",
                        [("Théo Varlin", "PER"), ("Mai Théo Varlin", "PER")])
    people = [e for e in art.entities if e.type == "PER"]
    assert [e.name for e in people] == ["Théo Varlin"]


def test_a_compound_surname_read_as_a_place_is_the_person(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Théo Andrés Varlin Osorio a été condamné. Varlin Osorio fera appel.",
                        [("Théo Andrés Varlin Osorio", "PER"), ("Varlin Osorio", "LOC")])
    assert [(e.name, e.type, len(e.mentions)) for e in art.entities] == [("Théo Andrés Varlin Osorio", "PER", 2)]


def test_a_verb_with_its_hyphenated_pronoun_is_no_name():
    text = "Vous avez un compte ? Connectez-vous. Aix-en-Provence attend."
    start = text.index("Connectez")
    assert not_a_name(text, start, start + len("Connectez"), "Connectez", "ORG")
    assert not not_a_name(text, text.index("Aix"), text.index("Aix") + 3, "Aix", "LOC")


def test_an_acronym_of_a_lower_case_term_in_another_language_is_no_body(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Le laboratoire teste un grand modèle linguistique (GML) à Lisieux. Le GML répond vite.",
                        [("GML", "ORG"), ("Lisieux", "LOC"), ("GML", "ORG")])
    assert "GML" not in by_name(art) and "Lisieux" in by_name(art)
    art = run_with_ents(nlp, full_stage,
                        "La direction des affaires portuaires (DPV) a parlé. La DPV enquête.",
                        [("DPV", "ORG"), ("DPV", "ORG")])
    assert "DPV" in by_name(art)  # an institution noun opens the phrase: a body


def test_a_text_browser_mark_in_square_brackets_is_no_name():
    text = "Les joueurs se réunissent. [INS: :INS] La saison reprend."
    start = text.index("INS")
    assert not_a_name(text, start, start + 3, "INS", "ORG")
    second = text.index("INS", start + 1)
    assert not_a_name(text, second, second + 3, "INS", "ORG")


def test_a_field_of_study_or_a_capitalised_pronoun_is_no_name():
    text = "Elle enseigne les Sciences politiques à Lisieux. IL est possible qu'elle parte."
    start = text.index("Sciences")
    assert not_a_name(text, start, start + len("Sciences politiques"), "Sciences politiques", "ORG")
    assert not_a_name(text, text.index("IL"), text.index("IL") + 2, "IL", "LOC")
    assert not not_a_name(text, text.index("Lisieux"), text.index("Lisieux") + 7, "Lisieux", "LOC")


def test_a_university_department_named_by_its_field_is_no_body():
    from veille.entities.non_names import teaching_department

    assert teaching_department("Département de chimie de l’Université de Lisieux")
    assert teaching_department("département de Géographie")
    assert not teaching_department("Département d'État")
    assert not teaching_department("département du Calvados")


def test_an_acronym_after_a_phrase_with_a_body_noun_is_kept(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Les membres du syndicat des forgerons (IFW) ont voté. L'IFW a appelé à la grève.",
                        [("IFW", "ORG"), ("IFW", "ORG")])
    assert "IFW" in by_name(art)


def test_an_acronym_of_the_tail_of_a_name_does_not_join_the_whole_name(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "La Cellule d'analyse des Brigades de vigilance rurale (BVR) a agi.",
                        [("Cellule d'analyse des Brigades de vigilance rurale", "ORG"), ("BVR", "ORG")])
    assert len([e for e in art.entities if e.type == "ORG"]) == 2


def test_a_name_run_over_the_next_clause_opener_is_cut():
    from veille.entities.mention import Mention
    from veille.entities.non_names import clause_opener_cut

    text = "Le parti le plus représenté au Parlement On l'oublie souvent."
    start = text.index("Parlement")
    m = clause_opener_cut(Mention(start, start + len("Parlement On"), "Parlement On", "Parlement On", "ORG", "ner"))
    assert (m.key, text[m.start:m.end]) == ("Parlement", "Parlement")
    kept = Mention(0, 11, "Léa Lebrun", "Léa Lebrun", "PER", "ner")
    assert clause_opener_cut(kept) is kept


def test_a_name_ending_on_another_function_word_is_not_cut():
    from veille.entities.mention import Mention
    from veille.entities.non_names import clause_opener_cut

    for name in ("Région Grand Est", "Vous Toutes"):
        m = Mention(0, len(name), name, name, "ORG", "ner")
        assert clause_opener_cut(m) is m


def test_an_irregular_verb_opening_a_sentence_is_no_name(full_stage):
    verbs = full_stage.res.verb_forms
    assert "soyons" in verbs and "tutoyé" in verbs and "construisent" in verbs
    assert "rodez" not in verbs and "lisieux" not in verbs and "vienne" not in verbs
    text = "Le rapport est sévère. Soyons honnêtes : personne ne l'a lu."
    start = text.index("Soyons")
    assert not_a_name(text, start, start + 6, "Soyons", "LOC", verbs)
    inside = "Nous irons voir Soyons demain."  # inside a sentence: left to the other rules
    assert not not_a_name(inside, inside.index("Soyons"), inside.index("Soyons") + 6, "Soyons", "LOC", verbs)
