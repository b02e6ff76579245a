"""A definite description taking up a body by the kind its noun names (issue 16, round 31, descnoun):
"l'entreprise" is not the union named since, "le cabinet" is the government's country, "les experts"
the committee named last. Invented sentences and names only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Avicor", "ORG"), ("Syndicat des mécaniciens", "ORG"), ("SDM", "ORG"), ("Norvège", "LOC"),
          ("Comité des comptes", "ORG"), ("Paul Arnaud", "PER"), ("Gazette du Nord", "ORG"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    return [(s, r.split("+")[0].strip() if r else r) for _, s, r in quote_direct(nlp, paragraphs, PEOPLE, "case")]


def test_a_company_noun_is_not_the_union_named_since(nlp):
    got = _direct(nlp, ["Les mécaniciens d'Avicor ont rejeté l'accord, a annoncé le Syndicat des mécaniciens (SDM). "
                        "La dernière offre d'Avicor prévoyait une hausse de 20 %. Le SDM réclamait davantage.",
                        "Le rejet est un revers pour l'entreprise, qui a déclaré que « la production restera à "
                        "l'arrêt pendant plusieurs semaines »."])
    assert got == [("Avicor", "organisation_anaphor")]


def test_a_union_noun_still_takes_up_the_union(nlp):
    got = _direct(nlp, ["La direction d'Avicor a présenté son offre lundi. Le Syndicat des mécaniciens (SDM) l'a "
                        "rejetée mardi.",
                        "« Cette offre ne couvre même pas la hausse des prix », a déclaré le syndicat."])
    assert got[0][0] in ("Syndicat des mécaniciens", "SDM")  # (two entities here: the name and its acronym)


def test_another_word_for_the_government_is_its_country(nlp):
    got = _direct(nlp, ["Mardi, le gouvernement norvégien s'est rallié à la réforme des retraites.",
                        "Le cabinet réclame pourtant « un vrai débat avec les syndicats avant l'été » sur ce "
                        "sujet."])
    assert got == [("Norvège", "government_taken_up")]


def test_a_government_word_with_no_country_written_names_nobody_new(nlp):
    got = _direct(nlp, ["Mardi, le gouvernement s'est rallié à la réforme des retraites.",
                        "Le cabinet réclame pourtant « un vrai débat avec les syndicats avant l'été » sur ce "
                        "sujet."])
    assert got[0][1] != "government_taken_up"


def test_the_members_of_a_committee_are_the_committee(nlp):
    got = _direct(nlp, ["Le Comité des comptes a publié un rapport vendredi. Selon lui, le projet n'a aucune "
                        "chance d'aboutir à temps.",
                        "« Le programme a pris un retard considérable depuis deux ans », dénoncent les experts."])
    assert got == [("Comité des comptes", "members_of_body")]


def test_the_members_noun_after_a_person_is_not_the_committee(nlp):
    got = _direct(nlp, ["Le Comité des comptes a publié un rapport vendredi. Paul Arnaud l'a lu avec attention.",
                        "« Le programme a pris un retard considérable depuis deux ans », dénoncent les experts."])
    assert got[0][1] != "members_of_body"


TOPIC = ("Le comité d'experts pour la santé (CES) a rendu son avis mardi.",
         "Dans son avis, le comité note avec inquiétude la disparition de Paul Arnaud, un randonneur "
         "perdu en mars. {} se dit en outre inquiet du fait que Marthe Vignal « ait reçu des insultes sur les "
         "réseaux depuis des mois ».")


def test_il_after_a_sentence_led_by_a_body_noun_is_that_body(nlp):
    got = [(s, r) for _, s, r in quote_direct(nlp, [TOPIC[0], TOPIC[1].format("Il")],
                                              (("Paul Arnaud", "PER"), ("Marthe Vignal", "PER"), ("CES", "ORG")))]
    assert got == [("CES", "pronoun_body_topic")]


def test_a_pronoun_of_the_other_gender_is_not_the_body(nlp):
    got = [(s, r) for _, s, r in quote_direct(nlp, [TOPIC[0], TOPIC[1].format("Elle")],
                                              (("Paul Arnaud", "PER"), ("Marthe Vignal", "PER"), ("CES", "ORG")))]
    assert got[0][1] != "pronoun_body_topic"
