"""Present participles hung on an event verb are their doer's own acts, neither undergone nor the
content of a request (``roles.detached_participle``, ``agents.object_control``,
``modes._own_participle``). Invented sentences and people (issue 13, events recall on real text)."""

from __future__ import annotations

from events_support import code

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Valdoria", "LOC"], ["Montvert", "LOC"]]


def _case(text: str) -> dict:
    return {"text": text, "entities": [n for n in NAMES if n[0] in text]}


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source, e.target, e.mode) for e in code(_case(text), nlp, lex)]


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

