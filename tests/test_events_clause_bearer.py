"""veille.events.clause_bearer: a subjectless passive is undergone by the noun its participle clause
describes (``passive-controller``) or by the subject of each participle of a series
(``passive-series-bearer``)."""

from __future__ import annotations

from events_support import code


def _assaults(nlp, lex, text: str, entities: list) -> list[tuple]:
    return [(e.source, e.target, e.rule.rsplit(" ", 1)[1]) for e in code({"text": text, "entities": entities},
                                                                           nlp, lex, explain=True)
            if e.type == "ASSAULT"]


def test_the_described_noun_undergoes_the_passive(nlp, lex) -> None:
    found = _assaults(nlp, lex, "Anna Kerlo, hospitalisée après avoir été frappée par le conseiller Yves Tromeur, "
                                "a porté plainte.", [["Anna Kerlo", "PER"], ["Yves Tromeur", "PER"]])
    assert found == [("Yves Tromeur", "Anna Kerlo", "target=passive-controller")]


def test_the_subject_of_a_series_of_passives(nlp, lex) -> None:
    found = _assaults(nlp, lex, "Dans une vidéo, Anna Kerlo dit avoir été enlevée, battue et frappée pendant "
                                "trois jours par des inconnus.", [["Anna Kerlo", "PER"]])
    assert found and found[0][1] == "Anna Kerlo"
    assert found[0][2] in ("target=passive-controller", "target=passive-series-bearer")
