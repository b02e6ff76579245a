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
