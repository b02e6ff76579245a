"""Denials told by a statement verb (``denial=1`` lines of ``lexicons/events/recall_triggers.tsv``,
``events/denials.py``) and present participles hung on an event verb, which are their doer's own acts
(``roles.detached_participle``, ``agents.object_control``, ``modes._own_participle``). Invented
sentences and people (issue 13, events recall on real text)."""

from __future__ import annotations

from events_support import code, trigger_pairs

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Valdoria", "LOC"], ["Montvert", "LOC"]]


def _case(text: str) -> dict:
    return {"text": text, "entities": [n for n in NAMES if n[0] in text]}


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source, e.target, e.mode) for e in code(_case(text), nlp, lex)]


def _types(nlp, lex, text: str) -> set[str]:
    return {t for t, _ in trigger_pairs(_case(text), nlp, lex)}


def test_a_statement_with_a_negated_complement_is_a_denial(nlp, lex):
    assert ("REJECT", "Marc Olivar", None, "fact") in _events(
        nlp, lex, "Le maire Marc Olivar a affirmé qu'il n'avait jamais reçu cette somme.")
    assert ("REJECT", "Paul Vidal", None, "fact") in _events(nlp, lex, "Paul Vidal affirme ne pas avoir signé ce contrat.")


def test_a_that_clause_hung_after_a_date_is_still_the_complement(nlp, lex):
    assert ("REJECT", "Valdoria", None, "fact") in _events(
        nlp, lex, "Le gouvernement de Valdoria a assuré ce lundi que la cargaison saisie mardi dernier à "
                  "Montvert ne contenait pas de drogue lorsqu'elle a quitté le pays.")


def test_a_plain_statement_a_promise_or_a_denied_statement_is_no_denial(nlp, lex):
    assert "REJECT" not in _types(nlp, lex, "Paul Vidal a affirmé que Valdoria avait gagné.")
    assert "REJECT" not in _types(nlp, lex, "Le ministre Paul Vidal a assuré que la croissance ne ralentirait pas.")
    assert "REJECT" not in _types(nlp, lex, "Paul Vidal n'a pas affirmé que Léa Tamar avait menti.")


def test_a_fronted_present_participle_is_done_by_the_clause_subject(nlp, lex):
    assert ("REJECT", "Forge", None, "fact") in _events(nlp, lex, "Refusant de céder, le syndicat Forge a prolongé la grève.")


def test_a_past_participle_set_before_its_clause_stays_undergone(nlp, lex):
    found = _events(nlp, lex, "Critiqué par l'opposition, le ministre Paul Vidal a démissionné.")
    assert ("ACCUSE", None, "Paul Vidal", "fact") in found


def test_a_present_participle_on_a_request_is_the_requester_act_not_its_content(nlp, lex):
    assert ("ACCUSE", "Léa Tamar", None, "fact") in _events(
        nlp, lex, "Condamnant l'attaque, Léa Tamar a appelé au calme.")
    assert ("ACCUSE", "Forge", None, "fact") in _events(
        nlp, lex, "Le syndicat Forge exige le départ de Paul Vidal, dénonçant sa gestion.")


def test_a_gerund_inside_the_requested_act_is_still_demanded(nlp, lex):
    assert ("ACCUSE", "Marc Olivar", None, "demanded") in _events(
        nlp, lex, "Le syndicat Forge a demandé au maire Marc Olivar de répondre en condamnant l'attaque.")


def test_swearing_not_to_do_something_is_a_vow_not_a_denial(nlp, lex):
    assert "REJECT" not in _types(nlp, lex, "Le maire Marc Olivar jure de ne pas augmenter les impôts.")
    assert "REJECT" in _types(nlp, lex, "La députée Léa Tamar jure n'avoir jamais signé ce contrat.")
