"""Speakers the out-of-site error analysis of round 12 found lost (issue 16): a person's noun the tagger reads
as an adjective after an inverted speech verb, a politician named by the family of their party, a court
named again by its capitalised noun alone, a newspaper's article as its voice. Invented sentences and
people only."""

from __future__ import annotations

import pytest

from conftest import quote_direct

PEOPLE = (("Matéo", "PER"), ("Sylvie", "PER"), ("Sandra", "PER"), ("Conner Lenoir", "PER"), ("Paul Arnaud", "PER"),
          ("Cour constitutionnelle", "ORG"), ("Gazette de Vienne", "ORG"), ("Conseil d'État", "ORG"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    return [(s, r) for _, s, r in quote_direct(nlp, paragraphs, PEOPLE, "case")]


@pytest.mark.parametrize("paragraphs, speaker", [
    # "cet étudiant", "la sexagénaire": the tagger reads the noun after the determiner as an adjective
    (["Matéo a dix-neuf ans et vit seul à Vienne. « Je devais reprendre les cours lundi », explique cet étudiant."],
     "Matéo"),
    (["Sylvie a travaillé trente ans à l'usine. « Personne ne nous a prévenus », raconte la sexagénaire."], "Sylvie"),
    (["Sandra a été embauchée en mars. « On ne m'a jamais payé mes heures », raconte la chargée de paie."], "Sandra"),
    (["Conner Lenoir, président des socialistes flamands, a visité le quartier. « Je ne m'y sens pas en sécurité », "
      "a admis le social-démocrate."], "Conner Lenoir"),
])
def test_a_person_noun_after_an_inverted_cue_takes_up_the_person_named(nlp, paragraphs, speaker):
    assert _direct(nlp, paragraphs) == [(speaker, "descriptor")]


def test_a_court_named_again_by_its_capitalised_noun_speaks(nlp):
    got = _direct(nlp, ["La Cour constitutionnelle a rendu sa décision mardi. « Les couples de même sexe ont droit "
                        "à une protection légale », estime la Cour."])
    assert got == [("Cour constitutionnelle", "organisation_anaphor")]


def test_a_capitalised_institution_noun_no_body_was_named_with_names_nobody(nlp):
    # "le Conseil" after a court: no body named with "conseil" before it, so not the last organisation
    got = _direct(nlp, ["La Cour constitutionnelle a rendu sa décision mardi. « Le texte devra être revu », "
                        "estime le Conseil."])
    assert got[0][0] is None


def test_an_article_of_a_newspaper_is_the_newspaper_s_voice(nlp):
    got = _direct(nlp, ["« La ville change plus vite que ses habitants », écrit un article de la Gazette de Vienne."])
    assert got == [("Gazette de Vienne", "document_voice")]


def test_an_article_of_a_law_names_no_author(nlp):
    got = _direct(nlp, ["La Gazette de Vienne a publié la loi. « Tout citoyen peut saisir le juge », prévoit "
                        "l'article 5."])
    assert got[0][0] is None


def test_a_descriptor_genders_the_person_it_takes_up(nlp):
    # "cet étudiant" says Matéo is a man: the "elle" of the next paragraph is the woman named there
    got = _direct(nlp, ["Matéo a dix-neuf ans et vit seul à Vienne. « Je devais reprendre les cours lundi », explique "
                        "cet étudiant.", "Sylvie dirige la faculté. « Le campus rouvrira en mars », assure-t-elle."])
    assert [s for s, _ in got] == ["Matéo", "Sylvie"]
