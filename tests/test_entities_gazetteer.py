"""entities/gazetteer.py: case rules for KB names, and one reading per stretch of text."""

from __future__ import annotations

from entities_kb import tiny_kb
from veille.entities.gazetteer import acronym_mismatch, lower_article, resolve_overlaps
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources, folded_words


def mention(text: str, part: str, label: str, source: str) -> Mention:
    i = text.index(part)
    return Mention(i, i + len(part), part, part, label, source)


def test_an_acronym_must_be_written_in_capitals():
    assert acronym_mismatch("Lfn", "LFN")
    assert not acronym_mismatch("LFN", "LFN")
    assert not acronym_mismatch("Valdorie", "Valdorie")


def test_a_title_opening_with_an_article_keeps_it_in_lower_case_inside_a_sentence():
    # "selon « le Cri de Valdorie »": the newspaper "Le Cri de Valdorie"
    assert lower_article("le Cri de Valdorie", "Le Cri de Valdorie")
    assert lower_article("l'Écho", "L'Écho")
    assert not lower_article("le cri de Valdorie", "Le Cri de Valdorie")  # a common noun phrase
    assert not lower_article("le Cri", "Cri")  # the name itself has no article


def test_a_longer_ner_name_beats_the_kb_reading():
    res = EntityResources(kb=tiny_kb(), org_heads=folded_words("org_heads.tsv"))
    text = "La Nouvelle Valdorie Unie a tenu son congrès."
    ner = [mention(text, "Nouvelle Valdorie Unie", "ORG", "ner")]
    gaz = [mention(text, "Valdorie", "LOC", "gaz")]
    assert [m.source for m in resolve_overlaps(res, text, ner, gaz)] == ["ner"]


def test_a_stray_word_glued_by_the_ner_loses_to_the_kb_reading():
    res = EntityResources(kb=tiny_kb())
    text = "Brescan face aux critiques."
    ner = [mention(text, "Brescan face", "LOC", "ner")]
    gaz = [mention(text, "Brescan", "LOC", "gaz")]
    assert [m.text for m in resolve_overlaps(res, text, ner, gaz)] == ["Brescan"]


def test_the_city_inside_an_institution_name_is_no_mention_of_its_own():
    res = EntityResources(kb=tiny_kb(), org_heads=folded_words("org_heads.tsv"))
    text = "Le Parlement de Brescan a voté."
    ner = [mention(text, "Parlement de Brescan", "ORG", "ner")]
    gaz = [mention(text, "Brescan", "LOC", "gaz")]
    assert [m.text for m in resolve_overlaps(res, text, ner, gaz)] == ["Parlement de Brescan"]


def test_a_kb_name_hyphenated_to_an_unknown_word_is_part_of_another_name():
    from veille.entities.gazetteer import glued_to_a_name
    kb = tiny_kb()
    text = "Selon Valdorie-Press, puis Studio-Brescan, le conflit Valdorie-Norvège dure."
    at = text.index("Valdorie-Press")
    assert glued_to_a_name(kb, text, at, at + len("Valdorie"))
    at = text.index("Brescan,")
    assert glued_to_a_name(kb, text, at, at + len("Brescan"))
    at = text.index("Valdorie-Norvège")
    assert not glued_to_a_name(kb, text, at, at + len("Valdorie"))
    at = text.index("Norvège dure")
    assert not glued_to_a_name(kb, text, at, at + len("Norvège"))
    text = "L'accord LFN-Mercana est signé."
    assert not glued_to_a_name(kb, text, text.index("LFN"), text.index("LFN") + 3)
    text = "L'accord Valdorie-Mercana est signé ; le Mercana s'en réjouit."
    at = text.index("Valdorie")
    assert not glued_to_a_name(kb, text, at, at + len("Valdorie"))
