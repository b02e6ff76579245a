"""Violence told with no party outside the subject and object slots (issue 13): one act named in a
circumstance or a complement ("après une explosion", "reconnus coupables de vols avec violence") is
an ASSAULT with null source and target, as the real-page dev gold codes it; a notion in the plural
("la lutte contre les violences") is not. Invented sentences and names."""

from __future__ import annotations

from events_support import code


def _assaults(nlp, lex, text):
    return [e for e in code({"text": text, "entities": []}, nlp, lex, explain=True) if e.type == "ASSAULT"]


def test_one_act_in_a_circumstance_is_told(nlp, lex):
    events = _assaults(nlp, lex, "Le cargo a pris feu mardi soir après une explosion survenue au large.")
    assert [(e.source, e.target) for e in events] == [(None, None)]
    assert " source=partyless " in events[0].rule


def test_what_someone_is_found_guilty_of_is_told(nlp, lex):
    events = _assaults(nlp, lex, "Trois hommes ont été reconnus coupables d'agressions dans le quartier.")
    assert [(e.source, e.target) for e in events] == [(None, None)]


def test_a_notion_in_the_plural_is_no_act(nlp, lex):
    assert not _assaults(nlp, lex, "L'association organise un débat sur la lutte contre les violences.")
    assert not _assaults(nlp, lex, "Malgré les combats, la maire a rouvert l'école.")
