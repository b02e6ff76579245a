"""An organisation's name the NER stopped before its lower-case complement (issue 16: names with their
full extent). Sentences and names are invented."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.complements import extend_complements
from veille.entities.mention import Mention

_HEADS = frozenset({"conseil", "federation", "defenseur", "ministere", "agence", "ecole"})


class _NoKB:
    def lookup(self, name: str, *types: str) -> list:
        return []


def _extended(nlp, text: str, name: str, label: str = "ORG",
              dictionary: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    doc = nlp(text)
    s = text.index(name)
    names = [Mention(s, s + len(name), name, name, label, "ner")]
    return [(m.key, m.label) for m in extend_complements(doc, text, names, _HEADS, _NoKB(), dictionary)]


def test_a_lower_case_complement_after_the_institution_noun_ends_the_name(nlp):
    text = "Selon le Haut Conseil pour le numérique, les ventes de tablettes ont baissé."
    assert _extended(nlp, text, "Haut Conseil") == [("Haut Conseil pour le numérique", "ORG")]


def test_a_second_complement_after_a_capitalised_one(nlp):
    text = "Selon Nadia Ferrand, cadre de la Fédération des Bretons de l'étranger, la réforme est absurde."
    assert _extended(nlp, text, "Fédération des Bretons") == [("Fédération des Bretons de l'étranger", "ORG")]


def test_the_institution_noun_read_as_a_place_is_the_body(nlp):
    text = "Le syndicat a saisi le Défenseur des droits lundi."
    assert _extended(nlp, text, "Défenseur", "LOC") == [("Défenseur des droits", "ORG")]


def test_a_complement_that_situates_the_body_is_left_out(nlp):
    text = "Le Conseil régional de la commune a voté une motion."
    assert _extended(nlp, text, "Conseil régional") == [("Conseil régional", "ORG")]


def test_no_clear_end_no_extension(nlp):
    # another complement follows: where the name ends is not clear
    text = "L'Agence nationale de sécurité du médicament et des produits a parlé."
    assert _extended(nlp, text, "Agence nationale") == [("Agence nationale", "ORG")]


def test_a_name_without_an_institution_noun_is_left_as_it_is(nlp):
    text = "Le Club Valdor des jeunes a gagné."
    assert _extended(nlp, text, "Club Valdor") == [("Club Valdor", "ORG")]


def test_the_stage_keeps_the_full_name(nlp, entity_stage):
    types = entity_types(nlp, entity_stage, "Selon le Haut Conseil pour le numérique, les ventes ont baissé.")
    assert types.get("Haut Conseil pour le numérique") == "ORG"


def test_the_adjectives_after_a_lower_case_noun_end_the_name(nlp):
    text = "Selon le Conseil de recherche sur les forêts tropicales, la déforestation progresse."
    assert _extended(nlp, text, "Conseil de recherche sur les forêts") == [
        ("Conseil de recherche sur les forêts tropicales", "ORG")]


def test_a_participle_before_a_preposition_is_left_out(nlp):
    text = "Le Conseil de recherche sur les forêts fondé en 1990 a publié un rapport."
    assert _extended(nlp, text, "Conseil de recherche sur les forêts") == [("Conseil de recherche sur les forêts", "ORG")]


def test_a_span_run_over_a_comma_into_the_next_clause_is_cut(nlp, entity_stage):
    # (NER may run the name over ", les …"; a comma before "de …" lists the name's complements)
    from veille.entities.spans import clean_span

    text = "Selon l'Agence nationale pour la natalité, les naissances baissent."
    doc = nlp(text)
    start = text.index("Agence")
    span = doc.char_span(start, text.index(" baissent"), alignment_mode="expand")
    m = clean_span(entity_stage.res, span, "ORG", text)
    assert m is not None and m.key == "Agence nationale pour la natalité"


def test_a_kicker_in_capitals_opening_the_article_is_no_name(nlp, entity_stage):
    from veille.entities.name_checks import kicker_word

    dictionary = entity_stage.res.dictionary
    doc = nlp("Le titre du jour\n\nUNION - En Valdorie, le Parlement a voté la loi lundi.")
    word = next(t for t in doc if t.text == "UNION")
    assert kicker_word([word], dictionary)
    doc = nlp("OTAN - Les alliés se réunissent à Valdor.")
    assert not kicker_word([doc[0]], dictionary)  # an acronym, no dictionary word
    doc = nlp("Le vote de l'UNION a eu lieu lundi.")
    assert not kicker_word([next(t for t in doc if t.text == "UNION")], dictionary)  # inside a sentence


def test_a_field_noun_written_with_a_capital_after_its_article_ends_the_name(nlp):
    text = "Mon oncle a donné des cours à l’École régionale supérieure de la Pêche et il écrit."
    assert _extended(nlp, text, "École régionale supérieure", dictionary=frozenset({"pêche"})) == [
        ("École régionale supérieure de la Pêche", "ORG")]


def test_a_capitalised_word_that_is_no_common_noun_is_no_field(nlp):
    # a place's name: the school of that place or a school located there, not read as the name
    text = "Mon oncle a donné des cours à l’École régionale supérieure de la Valdorie et il écrit."
    assert _extended(nlp, text, "École régionale supérieure", dictionary=frozenset({"pêche"})) == [
        ("École régionale supérieure", "ORG")]
