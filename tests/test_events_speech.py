"""Events done by speaking (issue 13): who condemns, calls on, praises, meets, read from the
quote's attribution when the parse hides the subject. Invented sentences and people."""

from __future__ import annotations

import pytest

from events_support import code


def _find(events, etype):
    return [(e.source, e.target, e.rule) for e in events if e.type == etype]


def test_relative_clause_hung_on_the_speech_verb_is_the_speakers(nlp, lex):
    case = {"text": "« La Moldavie doit rendre des comptes », a lancé Ana Ruiz, qui a appelé la Roumanie "
                    "à renforcer les contrôles.",
            "entities": [["Ana Ruiz", "PER"], ["Moldavie", "LOC"], ["Roumanie", "LOC"]],
            "quotes": [["La Moldavie doit rendre des comptes", "Ana Ruiz"]]}
    found = _find(code(case, nlp, lex, explain=True), "REQUEST")
    assert [(s, t) for s, t, _ in found] == [("Ana Ruiz", "Roumanie")]


def test_gerund_after_an_incise_is_done_by_the_speaker(nlp, lex):
    # The parser reads the inverted subject as an apposition of "martelé".
    case = {"text": "« La Moldavie ne se rendra jamais », a martelé Marc Olivar, en appelant la Roumanie "
                    "à accélérer les livraisons.",
            "entities": [["Marc Olivar", "PER"], ["Moldavie", "LOC"], ["Roumanie", "LOC"]],
            "quotes": [["La Moldavie ne se rendra jamais", "Marc Olivar"]]}
    found = _find(code(case, nlp, lex, explain=True), "REQUEST")
    assert found == [("Marc Olivar", "Roumanie",
                      "type=trigger:verb:appeler source=gerund>incise-subject target=obj")]


def test_condemning_an_act_told_before_targets_its_doer(nlp, lex):
    case = {"text": "Le militant Paul Grimaud a frappé le député Marc Olivar devant la mairie de Lille. "
                    "Le Parti vert a condamné cette agression.",
            "entities": [["Paul Grimaud", "PER"], ["Marc Olivar", "PER"], ["Lille", "LOC"],
                         ["Parti vert", "ORG"]]}
    found = _find(code(case, nlp, lex, explain=True), "ACCUSE")
    assert found == [("Parti vert", "Paul Grimaud", "type=trigger:verb:condamner source=subject "
                                                     "target=condemned-act-doer")]


def test_condemning_an_act_without_a_named_doer_keeps_no_target(nlp, lex):
    case = {"text": "Le député Marc Olivar a été frappé par un inconnu devant la mairie de Lille. "
                    "Le Parti vert a condamné cette agression.",
            "entities": [["Marc Olivar", "PER"], ["Lille", "LOC"], ["Parti vert", "ORG"]]}
    found = _find(code(case, nlp, lex, explain=True), "ACCUSE")
    assert [(s, t) for s, t, _ in found] == [("Parti vert", None)]


def test_detached_participle_of_praise_targets_the_clause_subject(nlp, lex):
    # "louer" needs a person as object; set before its clause, the participle's patient is the subject.
    case = {"text": "Loué pour sa gestion de la crise, le ministre Paul Vidal a été rappelé en septembre.",
            "entities": [["Paul Vidal", "PER"]]}
    found = _find(code(case, nlp, lex, explain=True), "SUPPORT")
    assert [(s, t) for s, t, _ in found] == [(None, "Paul Vidal")]


def test_envers_read_as_a_verb_still_names_the_target(nlp, lex):
    # The parser tags "envers" as a verb whose object is the party: the target is still that party.
    case = {"text": "La ministre Léa Tamar a multiplié les critiques envers le Maroc.",
            "entities": [["Léa Tamar", "PER"], ["Maroc", "LOC"]]}
    found = _find(code(case, nlp, lex, explain=True), "ACCUSE")
    assert found == [("Léa Tamar", "Maroc", "type=trigger:noun:critique source=support-verb>subject "
                                            "target=preposition-read-as-verb")]


@pytest.mark.parametrize("text, entities, source, target", [
    ("Le candidat Marc Olivar a été élu avec le soutien des députés du Parti vert.",
     [["Marc Olivar", "PER"], ["Parti vert", "ORG"]], "Parti vert", "Marc Olivar"),
    ("Grâce au soutien de la Pologne, la Moldavie a obtenu le statut de candidat.",
     [["Pologne", "LOC"], ["Moldavie", "LOC"]], "Pologne", "Moldavie"),
])
def test_support_named_as_a_means_goes_to_the_clause_subject(nlp, lex, text, entities, source, target):
    found = _find(code({"text": text, "entities": entities}, nlp, lex, explain=True), "SUPPORT")
    assert [(s, t) for s, t, _ in found] == [(source, target)]
    assert found[0][2].endswith("target=backed-subject")


def test_bare_motive_noun_is_no_threat(nlp, lex):
    # "en représailles à": the motive of the act the clause tells, not a threat of its own.
    case = {"text": "Ana Ruiz a affirmé que la région traverse « la pire crise depuis dix ans », soulignant la "
                    "nécessité de renforcer les défenses en représailles à l’offensive de la Moldavie.",
            "entities": [["Ana Ruiz", "PER"], ["Moldavie", "LOC"]],
            "quotes": [["la pire crise depuis dix ans", "Ana Ruiz"]]}
    assert _find(code(case, nlp, lex, explain=True), "THREATEN") == []
    threat = {"text": "Ana Ruiz a promis des représailles à la Moldavie.",
              "entities": [["Ana Ruiz", "PER"], ["Moldavie", "LOC"]], "quotes": []}
    assert [(s, t) for s, t, _ in _find(code(threat, nlp, lex, explain=True), "THREATEN")] == [("Ana Ruiz", "Moldavie")]
