""""vouloir" told as a demand (``ask=1`` in ``lexicons/events/recall_triggers.tsv``,
``events/demands.py``), the actors of a demand made through a "que" clause
(``events/obviation.py``, ``target_rules.clause_subject``) and "demander à ce que" (issue 13):
a "que" clause whose subject is an actor is a REQUEST of that actor; a wish for a thing or a
state, an infinitive, a pronoun, a reflexive or a negation is not. Invented sentences and names."""

from __future__ import annotations

from events_support import code, trigger_pairs
from lexicon_checks import named_case

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Aube", "ORG"], ["Montvert", "LOC"], ["Valdoria", "LOC"]]


def _types(nlp, lex, text: str) -> set[str]:
    return {t for t, _ in trigger_pairs(named_case(text, NAMES), nlp, lex)}


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code(named_case(text, NAMES), nlp, lex)]


def test_wanting_that_an_actor_acts_is_a_request_to_it(nlp, lex):
    events = _events(nlp, lex, "Le syndicat Forge veut que Marc Olivar retire son projet de fusion.")
    assert ("REQUEST", "Forge", "Marc Olivar") in events
    assert "REQUEST" in _types(nlp, lex, "Les infirmières de Montvert veulent que la clinique Aube rouvre le service.")


def test_a_wish_for_a_thing_a_state_or_an_own_act_is_no_request(nlp, lex):
    for text in ("Les habitants de Montvert veulent la paix et le calme.",
                 "Le parti Horizon Bleu veut une enquête sur les comptes de la ville.",
                 "Paul Vidal veut partir à Valdoria avant l'hiver.",
                 "Léa Tamar veut qu'on parle davantage de son quartier.",
                 "Le maire Marc Olivar se veut le candidat de tous.",
                 "Paul Vidal démissionnera si les électeurs le veulent.",
                 "Léa Tamar a dit vouloir que la clinique Aube reste ouverte."):
        assert "REQUEST" not in _types(nlp, lex, text), text


def test_a_negated_want_keeps_its_refusal_reading(nlp, lex):
    assert "REQUEST" not in _types(nlp, lex, "Le maire Marc Olivar ne veut pas que la clinique Aube ferme.")
    assert "REJECT" in {t for t, _, _ in _events(
        nlp, lex, "Le maire Marc Olivar ne veut pas de la réforme de la ministre Léa Tamar.")}


def test_a_pronoun_asked_to_act_is_left_a_wish(nlp, lex):
    # the pronoun's antecedent is too often the wanter itself or a third party to name the one asked
    assert "REQUEST" not in _types(nlp, lex, "Paul Vidal regrette que Léa Tamar veuille qu'il quitte le parti Horizon Bleu.")


def test_the_one_who_wants_is_never_the_one_the_clause_names(nlp, lex):
    # "ils" would take up the clinic, the last subject named: the askers are unnamed, the clinic is asked
    for verb in ("veulent", "souhaitent", "exigent"):
        events = _events(nlp, lex, f"La clinique Aube a fermé deux services. Ils {verb} que la clinique Aube "
                                   "rouvre les services.")
        assert ("REQUEST", None, "Aube") in events, (verb, events)
        assert not any(s == "Aube" for _, s, _ in events), (verb, events)


def test_a_pronoun_that_is_someone_else_keeps_its_reading(nlp, lex):
    events = _events(nlp, lex, "Léa Tamar a reçu Paul Vidal. Elle veut que Paul Vidal quitte le parti Horizon Bleu.")
    assert ("REQUEST", "Léa Tamar", "Paul Vidal") in events


def test_asking_a_ce_que_is_a_request_not_a_question(nlp, lex):
    assert ("REQUEST", "Forge", "Aube") in _events(
        nlp, lex, "Le syndicat Forge demande à ce que la clinique Aube rouvre le service.")
    assert not _events(nlp, lex, "Le syndicat Forge demande ce que la clinique Aube compte faire.")
