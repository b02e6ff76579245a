"""Who accuses whom when the parse names them indirectly (invented sentences and names): a strong
pronoun after a preposition does not take up its own clause's subject ("X s'en est pris à elle"
targets the woman named before, not X); an indefinite speaker with a nationality adjective names
nobody ("que dénoncent de nombreux journaux valdoniens": a null source)."""

from __future__ import annotations

from events_support import code


def _triples(events):
    return {(e.type, e.source, e.target) for e in events}


def test_the_pronoun_after_a_preposition_is_not_the_verbs_subject(nlp, lex):
    case = {"text": "La députée Léa Tamar a répondu aux questions de la presse à Montvert, là même "
                    "où Marc Olivar s'en était violemment pris à elle en 2003.",
            "entities": [["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Montvert", "LOC"]]}
    assert ("ACCUSE", "Marc Olivar", "Léa Tamar") in _triples(code(case, nlp, lex))


def test_a_complaint_against_him_targets_the_man_named_before(nlp, lex):
    case = {"text": "Le ministre Paul Vidal a reçu la maire Léa Tamar. Le syndicat Forge a porté plainte contre lui.",
            "entities": [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Forge", "ORG"]]}
    assert ("ACCUSE", "Forge", "Paul Vidal") in _triples(code(case, nlp, lex))


def test_an_indefinite_speaker_with_a_nationality_adjective_names_nobody(nlp, lex):
    # "de nombreux journaux valdoniens": a nationality adjective does not make the speakers someone
    case = {"text": "Le débat télévisé a été tendu. Un face à face agressif que dénoncent lundi de nombreux "
                    "journaux valdoniens.",
            "entities": [["Valdonie", "LOC", ["valdoniens"]]]}
    events = [e for e in code(case, nlp, lex, explain=True) if e.type == "ACCUSE"]
    assert events and events[0].source is None, [(e.source, e.rule) for e in events]
    assert "unnamed-speaker" in events[0].rule
