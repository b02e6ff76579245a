"""veille.events.topic_person: a noun of trade, role or age the article never wrote beside the name
takes up the person the page is about. Invented sentences and people."""

from __future__ import annotations

import re

from events_support import code
from veille.events import RECORDED_MODES


def _found(text: str, entities: list, nlp, lex, etype: str) -> list[tuple]:
    case = {"text": text, "entities": entities}
    return [(e.source, e.target, re.search(r"source=\S+", e.rule).group(0))
            for e in code(case, nlp, lex, modes=RECORDED_MODES, explain=True) if e.type == etype]


LEAD = "Paul Verdier, gynécologue à Montvert, a refusé de recevoir une patiente lundi. "


def test_a_trade_noun_takes_up_the_page_person(nlp, lex):
    text = LEAD + "La clinique a ouvert une enquête. Interrogé mardi, le praticien a reconnu une erreur."
    found = _found(text, [["Paul Verdier", "PER"], ["Montvert", "LOC"]], nlp, lex, "CONCEDE")
    assert [(s, r) for s, _, r in found] == [("Paul Verdier", "source=subject:topic-person")]


def test_an_indefinite_noun_is_someone_else(nlp, lex):
    text = LEAD + "La clinique a ouvert une enquête. Interrogé mardi, un praticien a reconnu une erreur."
    found = _found(text, [["Paul Verdier", "PER"], ["Montvert", "LOC"]], nlp, lex, "CONCEDE")
    assert all(s != "Paul Verdier" for s, _, _ in found)


def test_another_person_named_since_takes_the_noun(nlp, lex):
    text = (LEAD + "Son confrère Marc Delorme, médecin lui aussi, a témoigné. "
            "Interrogé mardi, le praticien a reconnu une erreur.")
    found = _found(text, [["Paul Verdier", "PER"], ["Marc Delorme", "PER"], ["Montvert", "LOC"]], nlp, lex,
                   "CONCEDE")
    assert all(s != "Paul Verdier" for s, _, _ in found)


def test_the_page_person_named_in_the_sentence_before_keeps_the_noun(nlp, lex):
    text = (LEAD + "Paul Verdier exerce depuis dix ans auprès du docteur Marc Delorme. "
            "Interrogé mardi, le praticien a reconnu une erreur.")
    found = _found(text, [["Paul Verdier", "PER"], ["Marc Delorme", "PER"], ["Montvert", "LOC"]], nlp, lex,
                   "CONCEDE")
    assert [s for s, _, _ in found] == ["Paul Verdier"]


def test_a_person_title_takes_up_the_person_not_the_party_written_after_it(nlp, lex):
    # "les députés PV" gives the party the word "député"; "la députée" is still the woman so titled
    text = ("La députée Léa Morin a déposé un texte sur les loyers mardi. Les députés PV ont voté contre "
            "le texte. La députée a dénoncé une campagne contre elle.")
    found = _found(text, [["Léa Morin", "PER"], ["PV", "ORG"]], nlp, lex, "ACCUSE")
    assert [s for s, _, _ in found] == ["Léa Morin"]


def test_the_noun_inside_a_de_complement_takes_up_the_page_person(nlp, lex):
    text = ("Le député Paul Verdier veut ouvrir le vote local aux résidents étrangers. Le texte sera examiné "
            "en mars. L'idée du parlementaire a été favorablement accueillie par les écologistes.")
    found = _found(text, [["Paul Verdier", "PER"]], nlp, lex, "SUPPORT")
    assert [t for _, t, _ in found] == ["Paul Verdier"]
