"""veille.events.actors and article_actors: who a phrase stands for (invented sentences and people)."""

from __future__ import annotations

from events_support import build, code
from veille.events.actors import resolve
from veille.events.article_actors import prepare
from veille.events.view import ArticleView

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"], ["Chisinau", "LOC"], ["Alliance du Nord", "ORG"],
            ["Lina Varga", "PER"]]


def test_demonyms_and_capitals_stand_for_their_country(nlp, lex):
    text = "Les Moldaves et Chisinau ont condamné la secrétaire générale de l'Alliance du Nord."
    art, doc = build({"text": text, "entities": ENTITIES}, nlp)
    view = ArticleView(lex, art, doc)
    prepare(view)
    by_text = {t.text: t for t in doc}
    assert [(a.name, a.kind) for a in resolve(view, by_text["Moldaves"], with_conj=False)] == [("Moldavie", "LOC")]
    assert [a.name for a in resolve(view, by_text["Chisinau"], with_conj=False)] == ["Moldavie"]
    # No one named holds the post: the post stands for the body.
    assert [a.name for a in resolve(view, by_text["secrétaire"])] == ["Alliance du Nord"]


def test_a_post_stands_for_the_person_introduced_as_holding_it(nlp, lex):
    text = ("La secrétaire générale de l'Alliance du Nord, Lina Varga, est arrivée. "
            "La chef de l'Alliance du Nord a rencontré le président géorgien.")
    art, doc = build({"text": text, "entities": ENTITIES}, nlp)
    view = ArticleView(lex, art, doc)
    prepare(view)
    assert view.affiliation == {"Lina Varga": "Alliance du Nord"}
    chef = next(t for t in doc if t.text == "chef")
    assert [a.name for a in resolve(view, chef)] == ["Lina Varga"]


def test_a_place_after_a_place_preposition_is_a_place(nlp, lex):
    art, doc = build({"text": "Lina Varga est arrivée à Chisinau.", "entities": ENTITIES}, nlp)
    view = ArticleView(lex, art, doc)
    chisinau = next(t for t in doc if t.text == "Chisinau")
    place = resolve(view, chisinau, for_place=True)
    assert [(a.name, a.place) for a in place] == [("Chisinau", True)]


def test_a_pronoun_takes_up_the_last_compatible_subject(nlp, lex):
    text = "Lina Varga est arrivée à Chisinau. Elle a rencontré le président géorgien."
    events = code({"text": text, "entities": ENTITIES}, nlp, lex)
    assert [(e.type, e.source, e.target) for e in events] == [("CONSULT", "Lina Varga", "Géorgie")]


def test_an_object_pronoun_takes_up_the_subject_of_the_governing_clause(nlp, lex):
    text = "Lina Varga affirme que le groupe Alpha l'a menacée."
    art, doc = build({"text": text, "entities": [["Lina Varga", "PER"], ["groupe Alpha", "ORG"]]}, nlp)
    view = ArticleView(lex, art, doc)
    prepare(view)
    clitic = next(t for t in doc if t.text == "l'")
    # The last name before it is the group, the subject of the pronoun's own clause: not its referent.
    assert [a.name for a in resolve(view, clitic)] == ["Lina Varga"]


def test_his_country_in_a_reported_clause_is_the_speakers_country(nlp, lex):
    text = "Le ministre moldave de la Défense, Paul Durand, a affirmé que son pays livrerait des armes à la Géorgie."
    events = code({"text": text, "entities": [["Paul Durand", "PER"], ["Géorgie", "LOC"]]}, nlp, lex)
    assert ("AID", "Moldavie", "Géorgie") in [(e.type, e.source, e.target) for e in events]


def test_a_holder_named_after_the_posts_place_is_the_person(nlp, lex):
    # The parser hangs the name on the place ("de Nice Christian Lenoir"): the mayor is the person.
    text = "De son côté, le maire de Nice Christian Lenoir, plaide pour la limitation des déplacements."
    art, doc = build({"text": text, "entities": [["Nice", "LOC"], ["Christian Lenoir", "PER"]]}, nlp)
    view = ArticleView(lex, art, doc)
    prepare(view)
    maire = next(t for t in doc if t.text == "maire")
    assert [(a.name, a.kind) for a in resolve(view, maire)] == [("Christian Lenoir", "PER")]


def test_the_place_of_a_post_is_not_taken_for_a_person(nlp, lex):
    text = "Le maire de Montvert a fermé les écoles. Montvert a demandé des renforts."
    art, doc = build({"text": text, "entities": [["Montvert", "LOC"]]}, nlp)
    view = ArticleView(lex, art, doc)
    prepare(view)
    assert "Montvert" not in view.titled_people


def test_the_unnamed_victim_of_a_lede_is_the_person_named_next(nlp, lex):
    text = ("Un policier a été abattu lundi dans un café de Montvert. L'agent Paul Durand patrouillait "
            "seul, selon Lina Varga, porte-parole de la police.")
    events = code({"text": text, "entities": [["Montvert", "LOC"], ["Paul Durand", "PER"], ["Lina Varga", "PER"]]},
                  nlp, lex)
    assert [(e.type, e.source, e.target) for e in events if e.type == "ASSAULT"] == [("ASSAULT", None, "Paul Durand")]


def test_an_unnamed_actor_past_the_lede_stays_unnamed(nlp, lex):
    text = ("Lina Varga a parlé lundi à Montvert. Un policier a été abattu dans un café. "
            "Paul Durand patrouillait seul.")
    events = code({"text": text, "entities": [["Montvert", "LOC"], ["Paul Durand", "PER"], ["Lina Varga", "PER"]]},
                  nlp, lex)
    assert [e.target for e in events if e.type == "ASSAULT"] in ([], [None])


def test_an_elided_definite_title_takes_up_its_holder(nlp, lex):
    # "l'agent" takes up "l'agent Paul Durand"; "à Montvert" after the name is no holder's name.
    text = ("Le suspect a ouvert le feu sur l'agent Paul Durand à Montvert. "
            "Lina Varga a affirmé que l'agent a été abattu lors d'une embuscade.")
    events = code({"text": text, "entities": [["Paul Durand", "PER"], ["Lina Varga", "PER"], ["Montvert", "LOC"]]},
                  nlp, lex)
    assert [(e.type, e.source, e.target) for e in events] == [("ASSAULT", None, "Paul Durand")] * 2


def test_a_named_object_read_as_a_bare_oblique_is_the_target(nlp, lex):
    text = "La Maison-Blanche a critiqué Moscou."
    events = code({"text": text, "entities": [["Maison-Blanche", "ORG"], ["Moscou", "LOC", [], "Russie"]]}, nlp, lex)
    assert [(e.type, e.source, e.target) for e in events] == [("ACCUSE", "Maison-Blanche", "Russie")]


def test_the_workers_of_a_company_do_not_act_for_it(nlp, lex):
    text = "Les salariés de Valcor ont voté contre l'accord."
    art, doc = build({"text": text, "entities": [["Valcor", "ORG"]]}, nlp)
    view = ArticleView(lex, art, doc)
    prepare(view)
    salaries = next(t for t in doc if t.text == "salariés")
    assert resolve(view, salaries) == []


def test_a_headline_participle_is_undergone_by_its_name(nlp, lex):
    # The tagger reads "accusé" as a finite verb with "Paul Durand" as its subject.
    text = "Paul Durand accusé d'«insultes racistes»"
    events = code({"text": text, "entities": [["Paul Durand", "PER"]]}, nlp, lex)
    assert [(e.type, e.source, e.target) for e in events] == [("ACCUSE", None, "Paul Durand")]


def test_a_person_title_takes_up_the_person_not_a_body_named_after_it(nlp, lex):
    text = ("Le suspect a ouvert le feu sur l'agent Paul Durand. Il participait à un exercice avec des agents "
            "de la Police de Valbourg. Lina Varga a affirmé que l'agent a été abattu lors d'une embuscade.")
    ents = [["Paul Durand", "PER"], ["Lina Varga", "PER"], ["Police de Valbourg", "ORG"]]
    events = code({"text": text, "entities": ents}, nlp, lex)
    assert [e.target for e in events if e.trigger == "abattu"] == ["Paul Durand"]



def test_a_body_named_by_its_acronym_acts_under_its_kb_title():
    # the entity stage names a body the text only calls "l'UNV" by that acronym; events read it by the KB title
    from types import SimpleNamespace

    from veille.events.titles import titled
    from veille.model import Article, Entity, Quote

    kb = SimpleNamespace(entries={"org:unv": {"name": "Union des nations valdoriennes (Valdorie)", "aliases": ["UNV"]}})
    art = Article(id="t", paragraphs=["L'UNV a dit « non »."],
                  entities=[Entity(name="UNV", type="ORG", kb_id="org:unv"), Entity(name="Léa Marin", type="PER")],
                  quotes=[Quote(text="non", speaker="UNV")])
    seen = titled(art, kb)
    assert [e.name for e in seen.entities] == ["Union des nations valdoriennes", "Léa Marin"]
    assert seen.quotes[0].speaker == "Union des nations valdoriennes"
    assert art.entities[0].name == "UNV" and art.quotes[0].speaker == "UNV"  # the article is left as it is
    assert titled(Article(id="u", paragraphs=["x"]), kb).id == "u"
