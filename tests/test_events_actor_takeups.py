"""Event actors taken up from elsewhere in the article (issue 13): a bare common noun first written
with the body it belongs to ("les experts du comité X" ... "les experts"), a relative clause the
parser hung far from the name before its pronoun, a third-person possessive on an event noun.
Invented sentences and names; each checks the rule it expects."""

from __future__ import annotations

from events_support import code, explained_event


def _events(nlp, lex, text, entities):
    return code({"text": text, "entities": entities}, nlp, lex, explain=True)


def test_a_bare_noun_takes_up_the_body_it_was_written_with(nlp, lex):
    # "Les 18 experts du CPV": the number keeps the noun from being read as the body's title.
    text = ("Les 18 experts indépendants du CPV ont rendu leur rapport lundi. "
            "Les experts demandent à la Lettonie de libérer les journalistes détenus.")
    ev = explained_event(nlp, lex, text, [["CPV", "ORG"], ["Lettonie", "LOC"]], "REQUEST")
    assert ev.source == "CPV", ev.rule


def test_workers_of_a_company_are_not_the_company(nlp, lex):
    text = ("Les salariés de Valcor ont rencontré la direction mardi. "
            "Les salariés demandent à Valcor une hausse des salaires.")
    events = _events(nlp, lex, text, [["Valcor", "ORG"]])
    assert not [e for e in events if e.type == "REQUEST" and e.source == "Valcor"]


def test_a_relative_hung_far_away_takes_the_name_before_its_pronoun(nlp, lex):
    text = ("Les discours de haine en Valdonie inquiètent le comité de surveillance des droits (CSD), "
            "qui salue les efforts déployés par Lina Varga.")
    events = _events(nlp, lex, text, [["CSD", "ORG"], ["Valdonie", "LOC"], ["Lina Varga", "PER"]])
    ev = next((e for e in events if e.type == "SUPPORT"), None)
    assert ev is not None and ev.source == "CSD", [(e.type, e.source, e.rule) for e in events]


def test_a_possessive_event_noun_is_the_clause_subject_s_act(nlp, lex):
    text = "La Lettonie a rejoint l'Estonie dans son opposition à la Commission européenne."
    ev = explained_event(nlp, lex, text,
                         [["Lettonie", "LOC"], ["Estonie", "LOC"], ["Commission européenne", "ORG"]], "REJECT")
    assert ev.source == "Lettonie" and " source=noun:third-possessive " in ev.rule


def test_a_possessive_event_noun_in_subject_takes_up_the_previous_subject(nlp, lex):
    text = "Le collectif Terre Libre a réuni ses membres samedi. Son appel à la Lettonie a été entendu."
    ev = explained_event(nlp, lex, text, [["Terre Libre", "ORG"], ["Lettonie", "LOC"]], "REQUEST")
    assert ev.source == "Terre Libre" and " source=noun:third-possessive " in ev.rule


def test_an_undergone_possessive_event_is_not_the_possessor_s_act(nlp, lex):
    text = "Paul Durand a dénoncé la police. Son arrestation a surpris ses proches."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"]])
    assert not [e for e in events if e.type == "COERCE" and e.source == "Paul Durand"]


def test_a_name_set_before_its_title_is_the_subject(nlp, lex):
    text = "Marc Lenoir, l'avocat de la défense, avait demandé aux jurés de réduire la peine."
    ev = explained_event(nlp, lex, text, [["Marc Lenoir", "PER"]], "REQUEST")
    assert ev.source == "Marc Lenoir", ev.rule


def test_a_word_of_a_name_s_complement_does_not_take_up_the_body(nlp, lex):
    # "la douane" is not "l'Institut national de la Douane", which trains its officers;
    # "l'institut" still takes it up.
    text = ("Gaspard Fourel enseigne à l'Institut national de la Douane depuis dix ans. "
            "Des balles ont été tirées par la douane sur des manifestants à Valbourg.")
    entities = [["Gaspard Fourel", "PER"], ["Institut national de la Douane", "ORG"], ["Valbourg", "LOC"]]
    events = _events(nlp, lex, text, entities)
    assert not [e for e in events if e.source == "Institut national de la Douane"], events
    text = text.replace("tirées par la douane", "tirées par l'institut")
    events = _events(nlp, lex, text, entities)
    assert [e.source for e in events if e.type == "ASSAULT"] == ["Institut national de la Douane"], events
