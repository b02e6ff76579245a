"""Who a phrase stands for on press-like sentences: null sources for unnamed doers, titles taken
up later ("le syndicat"), "ce dernier", authorities for their place, acts judged by their doer,
infinitives of purpose. Invented sentences, one phenomenon each; each names the rule it expects
in ``Event.rule`` (``explain``)."""

from __future__ import annotations

import pytest

from events_support import build, code, explained_event
from veille.events import Coder
from veille.events.view import ArticleView

CASES = [
    # (sentence, entities, (type, source, target), source rule)
    ("Un homme armé a blessé Lina Varga devant son domicile.", [["Lina Varga", "PER"]],
     ("ASSAULT", None, "Lina Varga"), "subject"),
    ("Certains accusent Tomas Berg de mentir.", [["Tomas Berg", "PER"]],
     ("ACCUSE", None, "Tomas Berg"), "subject"),
    ("Le syndicat des dockers (SDK) a rejeté l'offre. Le syndicat a accusé Portal de mentir.",
     [["SDK", "ORG"], ["Portal", "ORG"]], ("ACCUSE", "SDK", "Portal"), "subject"),
    ("Le Parti travailliste a perdu. Le parti a accusé Marc Dubois de fraude.",
     [["Parti travailliste", "ORG"], ["Marc Dubois", "PER"]], ("ACCUSE", "Parti travailliste", "Marc Dubois"),
     "subject"),
    ("Lina Varga a reçu Marc Dubois. Ce dernier a ensuite critiqué Tomas Berg.",
     [["Lina Varga", "PER"], ["Marc Dubois", "PER"], ["Tomas Berg", "PER"]],
     ("ACCUSE", "Marc Dubois", "Tomas Berg"), "subject"),
    ("La police de Porto Rico a interpellé Marc Dubois.", [["Porto Rico", "LOC"], ["Marc Dubois", "PER"]],
     ("COERCE", "Porto Rico", "Marc Dubois"), "subject"),
    ("Le Chili a condamné les actes commis par le Pérou.", [["Chili", "LOC"], ["Pérou", "LOC"]],
     ("ACCUSE", "Chili", "Pérou"), "subject"),
    ("Le député Marc Dubois a frappé Lina Varga.", [["Marc Dubois", "LOC"], ["Lina Varga", "PER"]],
     ("ASSAULT", "Marc Dubois", "Lina Varga"), "subject"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_who_the_phrase_stands_for(nlp, lex, case):
    text, entities, expected, source_rule = case
    events = code({"text": text, "entities": entities}, nlp, lex, explain=True)
    found = [(e.type, e.source, e.target) for e in events]
    assert expected in found, (found, [e.rule for e in events])
    ev = next(e for e in events if (e.type, e.source, e.target) == expected)
    assert f" source={source_rule} " in ev.rule, ev.rule


def test_purpose_infinitive_is_done_by_the_verb_it_serves(nlp, lex):
    ev = explained_event(nlp, lex, "Le Chili a dépêché un émissaire afin de négocier avec le Pérou.",
                         [["Chili", "LOC"], ["Pérou", "LOC"]], "CONSULT")
    assert (ev.source, ev.target) == ("Chili", "Pérou")
    assert " source=purpose>subject " in ev.rule, ev.rule


def test_the_support_verb_object_is_the_party(nlp, lex):
    ev = explained_event(nlp, lex, "Les autorités de Porto Rico ont placé Marc Dubois en détention.",
                         [["Porto Rico", "LOC"], ["Marc Dubois", "PER"]], "COERCE")
    assert (ev.source, ev.target) == ("Porto Rico", "Marc Dubois")
    assert ev.rule.endswith(" target=support-verb-object"), ev.rule


def test_a_statement_without_a_named_actor_is_left_out(nlp, lex):
    # "Le comité" names no body of the article: a demand by nobody known is not recorded.
    events = code({"text": "Le comité demande au Pérou de libérer Lina Varga.",
                   "entities": [["Pérou", "LOC"], ["Lina Varga", "PER"]]}, nlp, lex)
    assert all(e.source is not None for e in events if e.type == "REQUEST")


def test_a_name_listed_once_counts_where_it_is_written_again(nlp, lex):
    case = {"text": "Le SDK a appelé à manifester. Plus tard, le SDK a accusé Portal de mentir.",
            "entities": [["SDK", "ORG"], ["Portal", "ORG"]]}
    art, doc = build(case, nlp)
    sdk = next(e for e in art.entities if e.name == "SDK")
    sdk.spans, sdk.mentions = sdk.spans[:1], sdk.mentions[:1]  # the entity stage listed it once
    second = art.nlp_text().rindex("SDK")
    view = ArticleView(lex, art, doc)
    assert view.tok_entity[view.tokens_in(second, second + 3)[0]] is sdk
    events = Coder(lex, art, doc).run()
    assert ("ACCUSE", "SDK", "Portal") in [(e.type, e.source, e.target) for e in events]


PRONOUN_CASES = [
    # "Quant à X, elle ...": the pronoun takes up the topic the sentence opens on.
    ("Marc Dubois a salué la décision. Quant à Lina Varga, invitée dimanche à la radio, elle a refusé de "
     "soutenir Tomas Berg.", [["Marc Dubois", "PER"], ["Lina Varga", "PER"], ["Tomas Berg", "PER"]],
     ("REJECT", "Lina Varga", "Tomas Berg")),
    # "elle" does not take up the man named last: the civility shows Lina Varga is a woman.
    ("Mme Lina Varga a reçu Marc Dubois. Elle a ensuite critiqué Tomas Berg.",
     [["Lina Varga", "PER"], ["Marc Dubois", "PER"], ["Tomas Berg", "PER"]], ("ACCUSE", "Lina Varga", "Tomas Berg")),
    # "il" takes up the unnamed suspect just before, not the person named earlier.
    ("Marc Dubois a parlé aux journalistes. Le suspect a fui vers le nord. Il a blessé deux passants.",
     [["Marc Dubois", "PER"]], ("ASSAULT", None, None)),
]


@pytest.mark.parametrize("case", PRONOUN_CASES, ids=[c[0][:40] for c in PRONOUN_CASES])
def test_pronoun_subjects(nlp, lex, case):
    text, entities, expected = case
    events = code({"text": text, "entities": entities}, nlp, lex)
    assert expected in [(e.type, e.source, e.target) for e in events]
    assert not any(e.type == expected[0] and e.source == "Marc Dubois" for e in events)


def test_a_surname_alone_is_the_person_named_in_full(nlp, lex):
    events = code({"text": "Lina Varga est arrivée. Plus tard, Varga a critiqué Tomas Berg.",
                   "entities": [["Lina Varga", "PER"], ["Varga", "PER"], ["Tomas Berg", "PER"]]}, nlp, lex)
    assert [e.source for e in events if e.type == "ACCUSE"] == ["Lina Varga"]


def test_an_agentless_passive_keeps_its_named_patient(nlp, lex):
    events = code({"text": "Tomas Berg a été violemment critiqué.", "entities": [["Tomas Berg", "PER"]]},
                  nlp, lex)
    assert ("ACCUSE", None, "Tomas Berg") in [(e.type, e.source, e.target) for e in events]


def test_a_relative_clause_is_not_a_report(nlp, lex):
    # The speaker of the main clause is the accused, not the accuser.
    events = code({"text": "Tomas Berg a expliqué que les faits qui lui sont reprochés datent de 2019.",
                   "entities": [["Tomas Berg", "PER"]]}, nlp, lex)
    assert [(e.source, e.target) for e in events if e.type == "ACCUSE"] == [(None, "Tomas Berg")]


def test_a_title_is_taken_up_after_a_contracted_article(nlp, lex):
    text = ("Le ministre de la Santé Tomas Berg a dîné au restaurant. "
            "Le Premier ministre Lina Varga a demandé au ministre de la Santé de démissionner.")
    events = code({"text": text, "entities": [["Tomas Berg", "PER"], ["Lina Varga", "PER"]]}, nlp, lex)
    assert ("REQUEST", "Lina Varga", "Tomas Berg") in [(e.type, e.source, e.target) for e in events]


def test_the_party_of_a_refused_act_is_the_target(nlp, lex):
    ev = explained_event(nlp, lex, "Le Chili a refusé de rencontrer le Pérou.",
                         [["Chili", "LOC"], ["Pérou", "LOC"]], "REJECT")
    assert (ev.source, ev.target) == ("Chili", "Pérou")
    assert ev.rule.endswith(" target=refused-party"), ev.rule


def test_an_event_noun_object_is_done_by_its_verb_agent(nlp, lex):
    ev = explained_event(nlp, lex, "Le Chili a entamé des négociations avec le Pérou.",
                         [["Chili", "LOC"], ["Pérou", "LOC"]], "CONSULT")
    assert (ev.source, ev.target) == ("Chili", "Pérou")
    assert " source=object-of>subject " in ev.rule, ev.rule



def test_a_name_read_as_a_place_is_a_person_once_titled(nlp, lex):
    text = "Le député Marc Dubois est arrivé en retard. Marc Dubois a ensuite critiqué Lina Varga."
    events = code({"text": text, "entities": [["Marc Dubois", "LOC"], ["Lina Varga", "PER"]]}, nlp, lex)
    assert ("ACCUSE", "Marc Dubois", "Lina Varga") in [(e.type, e.source, e.target) for e in events]


def test_coordinated_participles_share_the_passive_agent(nlp, lex):
    text = "Les agresseurs ont fui, mais ont depuis été arrêtés et placés en détention par les forces de l'ordre chiliennes."
    ev = explained_event(nlp, lex, text, [["Chili", "LOC"]], "COERCE")
    assert ev.source == "Chili"
    assert " source=passive:par" in ev.rule, ev.rule


def test_a_mutual_act_targets_the_coordinated_partner(nlp, lex):
    ev = explained_event(nlp, lex, "Le Chili et le Pérou ont signé un accord.",
                         [["Chili", "LOC"], ["Pérou", "LOC"]], "AGREE")
    assert (ev.source, ev.target) == ("Chili", "Pérou")
    assert ev.rule.endswith(" target=mutual-partner"), ev.rule


def test_an_incise_with_an_inverted_pronoun_is_the_quote_speaker(nlp, lex):
    quote = "Nous n'avions ni casque ni gants"
    ev = explained_event(nlp, lex, f"« {quote} », déplore-t-elle.",
                         [["Lina Varga", "PER"]], "ACCUSE", quotes=[[quote, "Lina Varga"]])
    assert ev.source == "Lina Varga"
    assert " source=incise-pronoun-speaker " in ev.rule, ev.rule


def test_a_post_named_again_is_its_holder_given_by_the_entity_stage(nlp, lex):
    # The entity stage gave "au chef de l'État" to Lino Varga; "le chef de l'Etat" is written apart.
    text = ("Paul Durand a rendu visite au chef de l'État, Lino Varga. "
            "Le lendemain, le chef de l'Etat a accusé Tomas Berg de mentir.")
    events = code({"text": text, "entities": [["Lino Varga", "PER", ["au chef de l'État"]], ["Paul Durand", "PER"],
                                              ["Tomas Berg", "PER"]]}, nlp, lex)
    assert ("ACCUSE", "Lino Varga", "Tomas Berg") in [(e.type, e.source, e.target) for e in events]


def test_a_post_with_a_nameless_complement_takes_up_the_bare_post(nlp, lex):
    text = ("Le président a reçu Paul Durand lundi. "
            "Mardi, le président de la République a critiqué Tomas Berg.")
    events = code({"text": text, "entities": [["Lino Varga", "PER", ["Le président"]], ["Paul Durand", "PER"],
                                              ["Tomas Berg", "PER"]]}, nlp, lex)
    # build() gives "Le président" (capital L) its spans; the lower-case post in the second sentence is apart
    assert ("ACCUSE", "Lino Varga", "Tomas Berg") in [(e.type, e.source, e.target) for e in events]


def test_a_pronominal_verb_with_etre_is_active(nlp, lex):
    # "s'en était pris": "être" is the auxiliary of a pronominal verb, not a passive.
    ev = explained_event(nlp, lex, "Paul Durand s'en était violemment pris à Tomas Berg en 2003.",
                         [["Paul Durand", "PER"], ["Tomas Berg", "PER"]], "ACCUSE")
    assert (ev.source, ev.target) == ("Paul Durand", "Tomas Berg"), ev.rule



def test_a_feeling_adjective_read_as_a_passive_is_its_subject_s(nlp, lex):
    # "être indigné par X": the subject feels it, X is what it is about (not a passive's doer).
    ev = explained_event(nlp, lex, "Le syndicat Alpha est indigné par la décision de Paul Durand.",
                         [["Alpha", "ORG"], ["Paul Durand", "PER"]], "ACCUSE")
    assert (ev.source, ev.target) == ("Alpha", "Paul Durand"), ev.rule
    assert " source=feeling-adjective " in ev.rule and ev.rule.endswith("target=adjective-cause"), ev.rule
