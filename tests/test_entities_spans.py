"""entities/spans.py: one NER span -> a clean mention (civility, articles, time words) or nothing."""

from __future__ import annotations

import pytest

from entities_kb import tiny_kb
from veille.entities.resources import EntityResources, load_resources
from veille.entities.spans import clean_span, in_system_phrase
from veille.pipeline import Context


@pytest.fixture(scope="module")
def res() -> EntityResources:
    loaded = load_resources(Context())
    return EntityResources(**{**loaded.__dict__, "kb": tiny_kb()})


def span(nlp, text: str, part: str):
    doc = nlp(text)
    i = text.index(part)
    return doc, doc.char_span(i, i + len(part), alignment_mode="expand")


def test_a_civility_makes_a_person_with_its_gender(nlp, res):
    doc, s = span(nlp, "Hier, Mme Odile Sarrasin a démissionné.", "Mme Odile Sarrasin")
    m = clean_span(res, s, "LOC", doc.text)
    assert (m.key, m.text, m.label, m.gender) == ("Odile Sarrasin", "Mme Odile Sarrasin", "PER", "f")


def test_articles_and_a_trailing_time_word_are_not_the_name(nlp, res):
    doc, s = span(nlp, "Il a rejoint la Valdorie lundi pour discuter.", "la Valdorie lundi")
    m = clean_span(res, s, "LOC", doc.text)
    assert m.key == "Valdorie"


def test_lower_case_and_stopwords_are_not_names(nlp, res):
    doc, s = span(nlp, "Il a parlé de la frontière nord avec eux.", "frontière nord")
    assert clean_span(res, s, "LOC", doc.text) is None


def test_a_name_inside_a_weapon_noun_phrase_is_a_thing(nlp, res):
    doc, s = span(nlp, "Les missiles de croisière Gardefeu ont été livrés.", "Gardefeu")
    assert in_system_phrase(res, s[0])
    assert clean_span(res, s, "MISC", doc.text) is None


def test_institution_before_a_place_is_one_organisation(nlp, res):
    from veille.entities.spans import org_head_before

    doc = nlp("Paul Arnaud a été soigné à l'Hôpital universitaire de Vienne puis jugé par la Cour d'appel de Lyon.")
    vienne = next(t for t in doc if t.text == "Vienne")
    lyon = next(t for t in doc if t.text == "Lyon")
    assert org_head_before(res, vienne).text == "Hôpital"
    assert org_head_before(res, lyon).text == "Cour"
    assert org_head_before(res, next(t for t in doc if t.text == "Arnaud")) is None


def test_heading_words_are_not_names(nlp):
    from veille.entities.spans import common_word

    doc = nlp("Cohabitation difficile Paul Arnaud craint une longue cohabitation.")
    assert common_word(doc[0])  # the same word in lower case further on
    assert not common_word(next(t for t in doc if t.text == "Paul"))
    assert common_word(nlp("DOUCEUR Le contact apaise.")[0])  # a heading in capitals


def test_dictionary_words_opening_a_sentence_or_quotation_are_not_names(nlp):
    from veille.entities.resources import dictionary_words
    from veille.entities.spans import common_word

    words = dictionary_words(nlp)
    doc = nlp("Résultat : Paul Arnaud a quitté Valence. Il a dit « Courage » aux joueurs.")
    assert common_word(doc[0], words, "LOC")  # opens the sentence
    assert common_word(next(t for t in doc if t.text == "Courage"), words, "LOC")  # opens a quotation
    assert not common_word(next(t for t in doc if t.text == "Arnaud"), words, "PER")
    # inside a sentence, NER's place stays a place even when it is a dictionary word
    assert not common_word(next(t for t in doc if t.text == "Valence"), words, "LOC")
    assert not common_word(doc[0], frozenset(), "LOC")  # no dictionary, no such rule


def test_a_title_word_written_in_lower_case_further_on_is_no_name(nlp):
    from veille.entities.spans import common_word

    doc = nlp("Chlorodine : enquête sur un pesticide. La chlorodine inquiète Paul Arnaud.")
    assert common_word(doc[0])  # whatever the tagger reads it as
    assert not common_word(next(t for t in doc if t.text == "Paul"))


def test_a_participle_opening_a_sentence_is_no_name(nlp):
    from veille.entities.resources import dictionary_words
    from veille.entities.spans import common_word

    words = dictionary_words(nlp)
    doc = nlp("Médusés devant l'écran, les militants de Paul Arnaud se taisent.")
    assert common_word(doc[0], words, "PER")
    assert not common_word(next(t for t in doc if t.text == "Arnaud"), words, "PER")


def test_no_institution_across_a_clause(nlp, res):
    from veille.entities.spans import org_head_before

    doc = nlp("Paul Arnaud siège à l'Assemblée nationale dans le groupe de Vienne.")
    assert org_head_before(res, next(t for t in doc if t.text == "Vienne")) is None


def test_a_span_stops_at_a_colon(nlp, res):
    from veille.entities.spans import clean_span

    doc = nlp("Lucien Marbot à la tribune. Avenir : Pourrons-nous tenir ?")
    start = next(t for t in doc if t.text == "Avenir").i
    span = doc[start:start + 4]  # what NER may read as one name, over the colon
    m = clean_span(res, span, "ORG", doc.text)
    assert m is None or ":" not in m.text


def test_a_research_body_keeps_the_field_it_is_named_after(nlp):
    from veille.entities.spans import field_after

    doc = nlp("Selon Lise Andrel, de l'Institut des hautes recherches en santé rurale à Dijon, tout va bien.")
    start = next(t for t in doc if t.text == "Institut").i
    end = next(t for t in doc if t.text == "recherches").i + 1
    assert " ".join(t.text for t in field_after(list(doc[start:end]))) == "en santé rurale"
    doc = nlp("L'Institut Marbot en Guyane ouvre.")
    assert field_after(list(doc[1:3])) == []  # a name with a capital: the place is read on its own


def test_a_given_name_read_as_a_place_is_a_person(nlp, res):
    from veille.entities.spans import clean_span

    doc = nlp("Au marché, Élodie, riveraine du chantier, s'inquiète avec Zyed Amrani.")
    elodie = next(t for t in doc if t.text == "Élodie")
    assert clean_span(res, doc[elodie.i:elodie.i + 1], "LOC", doc.text).label == "PER"
    zyed = next(t for t in doc if t.text == "Zyed")
    assert clean_span(res, doc[zyed.i:zyed.i + 2], "LOC", doc.text).label == "PER"


def test_names_of_the_shape_of_a_place_are_places(nlp):
    from veille.entities.spans import place_shape

    doc = nlp("Lucien Marbot, né à Saint-Aubin-sur-Loire, a vécu à Beni Tarfa puis Rue de Valmy.")
    assert place_shape([t for t in doc if t.text == "Saint-Aubin-sur-Loire"])
    beni = next(t for t in doc if t.text == "Beni").i
    assert place_shape(list(doc[beni:beni + 2]))
    rue = next(t for t in doc if t.text == "Rue").i
    assert place_shape(list(doc[rue:rue + 3]))
    assert not place_shape(list(doc[0:2]))  # a person's name


def test_an_unknown_acronym_read_as_a_place_is_an_organisation(nlp, res):
    doc, s = span(nlp, "Le congrès du PLVD s'est tenu hier à Valdor.", "PLVD")
    assert clean_span(res, s, "LOC", doc.text).label == "ORG"
    doc, s = span(nlp, "Le congrès s'est tenu hier à Valdor.", "Valdor")
    assert clean_span(res, s, "LOC", doc.text).label == "LOC"


def test_a_name_after_a_place_noun_or_a_to_is_a_place(nlp, res):
    text = "Au pied de l'église du village de Vernouillet, puis à Castelbrac, face à Dumontel."
    doc, s = span(nlp, text, "Vernouillet")
    assert clean_span(res, s, "PER", doc.text).label == "LOC"
    doc, s = span(nlp, text, "Castelbrac")
    assert clean_span(res, s, "PER", doc.text).label == "LOC"
    doc, s = span(nlp, text, "Dumontel")
    assert clean_span(res, s, "PER", doc.text).label == "PER"
    doc, s = span(nlp, "Le refus de l'allégeance à Dumontel a surpris.", "Dumontel")
    assert clean_span(res, s, "PER", doc.text).label == "PER"


def test_a_code_or_handle_with_digits_is_no_place_or_person(nlp, res):
    doc, s = span(nlp, "Le pseudo Lynx666 a posté hier à Valdor.", "Lynx666")
    assert clean_span(res, s, "LOC", doc.text) is None
    doc, s = span(nlp, "Le sponsor Vélo2R a signé hier.", "Vélo2R")
    assert clean_span(res, s, "ORG", doc.text) is not None


def test_a_full_stop_after_a_mixed_case_acronym_is_not_the_name(nlp, res):
    text = "Elle a parlé au nom de la VdBiQ. Puis elle est partie."
    doc = nlp(text)
    tok = next(t for t in doc if t.text.startswith("VdBiQ"))
    m = clean_span(res, doc[tok.i:tok.i + 1], "ORG", doc.text)
    assert m is not None and m.key == "VdBiQ"


def test_a_gentile_noun_before_a_person_is_not_part_of_the_name(nlp, res):
    # Invented: "la Kurde Nouri Azad" is a person, designated first by a gentilé used as a noun.
    doc, s = span(nlp, "Hier, la Kurde Nouri Azad a pris la parole.", "Kurde Nouri Azad")
    m = clean_span(res, s, "PER", doc.text)
    assert (m.key, m.label) == ("Nouri Azad", "PER")
    doc, s = span(nlp, "Hier, la jeune Kurde Nouri Azad a pris la parole.", "Kurde Nouri Azad")
    assert clean_span(res, s, "PER", doc.text).key == "Nouri Azad"
    # Without an article before it the capitalised word may be a name's own ("Kurde" as a surname).
    doc, s = span(nlp, "Kurde Nouri Azad a pris la parole.", "Kurde Nouri Azad")
    assert clean_span(res, s, "PER", doc.text).key == "Kurde Nouri Azad"


def test_an_ampersand_joins_the_names_of_a_firm(nlp, res):
    doc, s = span(nlp, "Le cabinet a racheté Vernet & Fils en mars.", "Vernet & Fils")
    assert clean_span(res, s, "LOC", doc.text).label == "ORG"
    doc, s = span(nlp, "Il a vendu ses parts de Lombard & Rey à un fonds.", "Lombard & Rey")
    assert clean_span(res, s, "PER", doc.text).label == "ORG"


def test_a_common_given_name_alone_read_as_a_body_is_a_person(nlp, res):
    doc, s = span(nlp, "Selon Noémie, la réunion a duré trois heures.", "Noémie")
    assert clean_span(res, s, "ORG", doc.text).label == "PER"


def test_a_given_name_and_a_particle_open_a_person_read_as_a_place(nlp, res):
    doc, s = span(nlp, "Selon la députée, Ana do Vale a porté plainte.", "Ana do Vale")
    assert clean_span(res, s, "LOC", doc.text).label == "PER"


def test_a_qualified_tribunal_is_named_by_its_seat(nlp, res):
    doc, s = span(nlp, "Il comparaîtra devant le tribunal correctionnel de Valmont en mai.", "Valmont")
    m = clean_span(res, s, "LOC", doc.text)
    assert (m.key, m.label) == ("tribunal correctionnel de Valmont", "ORG")
    # "le tribunal de Valmont" alone: the town (the press gold's reading)
    doc, s = span(nlp, "Il comparaîtra devant le tribunal de Valmont en mai.", "Valmont")
    assert clean_span(res, s, "LOC", doc.text).key == "Valmont"


def test_a_figure_of_myth_is_no_entity(nlp):
    res = load_resources(Context())
    doc, s = span(nlp, "Comme Prométhée volant le feu, l'ingénieur a tout risqué.", "Prométhée")
    assert clean_span(res, s, "PER", doc.text) is None


def test_a_prefecture_is_a_body_and_alone_names_none(nlp, res):
    doc, s = span(nlp, "Selon la Préfecture du Valbois, la route restera fermée.", "Préfecture du Valbois")
    assert clean_span(res, s, "LOC", doc.text).label == "ORG"
    doc, s = span(nlp, "Il a écrit à la Préfecture hier soir.", "Préfecture")
    assert clean_span(res, s, "LOC", doc.text) is None


@pytest.mark.parametrize(("text", "part", "label", "key"), [
    ("Lorient - La commission régionale du parti a voté mardi.", "Lorient - La commission", "LOC", "Lorient"),
    ("Photo Léa Marchal - Le Journal de Vannes", "Léa Marchal - Le Journal de Vannes", "PER", "Léa Marchal"),
    ("Il court pour Kerlan - Velotech depuis mai.", "Kerlan - Velotech", "ORG", "Kerlan - Velotech"),
])
def test_a_spaced_hyphen_before_a_capitalised_article_ends_the_span(nlp, res, text, part, label, key):
    doc, s = span(nlp, text, part)
    m = clean_span(res, s, label, doc.text)
    assert m is not None and m.key == key
