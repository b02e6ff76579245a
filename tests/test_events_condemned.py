"""veille.events.condemned: condemning an act told before accuses its doer; an act not taken up
("une agression") names no doer."""

from __future__ import annotations

from events_support import code

PEOPLE = [["Anna Kerlo", "PER"], ["Yves Tromeur", "PER"], ["Brest", "LOC"], ["Parti bleu", "ORG"]]
ACT = "La militante Anna Kerlo a frappé le maire Yves Tromeur devant la gare de Brest. "


def _accusations(nlp, lex, text: str) -> list[tuple]:
    return [(e.source, e.target, e.rule) for e in code({"text": text, "entities": PEOPLE}, nlp, lex, explain=True)
            if e.type == "ACCUSE"]


def test_this_assault_is_its_doers(nlp, lex) -> None:
    (found,) = _accusations(nlp, lex, ACT + "Le Parti bleu a condamné cette agression.")
    assert found[:2] == ("Parti bleu", "Anna Kerlo") and found[2].endswith("target=condemned-act-doer")


def test_an_assault_not_taken_up_names_no_doer(nlp, lex) -> None:
    (found,) = _accusations(nlp, lex, ACT + "Le Parti bleu a condamné une agression.")
    assert found[:2] == ("Parti bleu", None)
