"""Organisations NER reads as MISC, typed ORG only on evidence (issue 16). Sentences and names
are invented."""

from __future__ import annotations

from test_entities import by_name, run_with_ents
from veille.entities.mention import Mention
from veille.entities.misc_orgs import promote_misc


def _misc(text: str, name: str) -> Mention:
    s = text.index(name)
    return Mention(s, s + len(name), name, name, "MISC", "ner")


def _label(text: str, name: str) -> str:
    m = _misc(text, name)
    promote_misc(text, [m])
    return m.label


def test_a_member_or_leader_noun_before_a_misc_name():
    assert _label("Une militante de Sororité Verte, venue de Lille, a pris la parole.", "Sororité Verte") == "ORG"
    assert _label("Le PDG de Zorblax a démissionné mardi.", "Zorblax") == "ORG"
    assert _label("Les sections de Marées Hautes refusent la ligne nationale.", "Marées Hautes") == "ORG"
    assert _label("La directrice générale de Plumevent l'a confirmé.", "Plumevent") == "ORG"


def test_a_legal_suffix_makes_a_company():
    assert _label("Le contrat a été signé par Bleuvert SAS jeudi.", "Bleuvert SAS") == "ORG"
    assert _label("Le contrat a été signé par Ormatek Ltd, selon la presse.", "Ormatek") == "ORG"


def test_an_organisation_verb_after_a_misc_name():
    assert _label("Fondée en 2021, Plumelec a levé 4 millions d'euros.", "Plumelec") == "ORG"
    assert _label("Depuis janvier, Kordiane a recruté trente ingénieurs.", "Kordiane") == "ORG"


def test_an_acronym_in_brackets_that_spells_the_name():
    text = "La Ligue des oiseaux bleus (LOB) a porté plainte."
    assert _label(text, "Ligue des oiseaux bleus") == "ORG"


def test_works_events_laws_and_unevidenced_names_stay_misc():
    assert _label("Le festival Ondes Vives a recruté cent bénévoles.", "Ondes Vives") == "MISC"
    assert _label("L'opération Pluie d'Argent a levé des doutes.", "Pluie d'Argent") == "MISC"
    assert _label("L'auteur de Lune Rousse signe un second roman.", "Lune Rousse") == "MISC"
    assert _label("Il a relu Lune Rousse pendant l'été.", "Lune Rousse") == "MISC"


def test_every_misc_mention_of_the_name_follows():
    text = "Le patron de Zorblax parle. Zorblax publie ses comptes."
    first, second = _misc(text, "Zorblax"), Mention(28, 35, "Zorblax", "Zorblax", "MISC", "ner")
    assert text[28:35] == "Zorblax"
    promote_misc(text, [first, second])
    assert (first.label, second.label) == ("ORG", "ORG")


def test_in_the_stage_a_misc_name_with_evidence_is_an_entity(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Les militantes de Sororité Verte ont défilé à Lille.",
                        [("Sororité Verte", "MISC"), ("Lille", "LOC")])
    assert by_name(art)["Sororité Verte"].type == "ORG"
    art = run_with_ents(nlp, full_stage, "Les lecteurs de Lune Rousse ont défilé à Lille.",
                        [("Lune Rousse", "MISC"), ("Lille", "LOC")])
    assert "Lune Rousse" not in by_name(art)


def test_a_misc_span_after_a_classifier_noun_is_the_organisation(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "À Lisieux, l'association Les Amis du lac apportent des repas.",
                        [("Lisieux", "LOC"), ("Les Amis du lac", "MISC")])
    assert by_name(art)["Les Amis du lac"].type == "ORG"


def test_two_readings_of_one_name_take_the_type_most_mentions_read(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Le site Kevrano a fermé. Le PDG de Kevrano se tait. Les revenus de Kevrano baissent.",
                        [("Kevrano", "LOC"), ("Kevrano", "MISC"), ("Kevrano", "MISC")])
    assert by_name(art)["Kevrano"].type == "ORG"


def test_an_acronym_alone_after_a_singular_definite_article():
    assert _label("Il a fondé son propre parti, le MRVL, en 2019.", "MRVL") == "ORG"
    assert _label("Le pays a rejoint l'OTAN et le PacVO la même année.", "PacVO") == "ORG"
    assert _label("Le délégué de la FIVB a tranché.", "FIVB") == "ORG"


def test_a_bare_acronym_of_a_common_noun_a_plural_or_no_article_stays_misc():
    assert _label("Le taux de la TVA augmente.", "TVA") == "MISC"  # (common_acronyms.tsv)
    assert _label("Ils ont acheté un ETF et des obligations.", "ETF") == "MISC"
    assert _label("Les LBD ont été interdits.", "LBD") == "MISC"
    assert _label("Il est arrivé au XIX siècle.", "XIX") == "MISC"
    assert _label("Elle a parlé à RTVL hier.", "RTVL") == "MISC"
