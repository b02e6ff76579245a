"""entities/mentions.py: NER mentions, none in a foreign passage or a clause of foreign words."""

from __future__ import annotations

import pytest

from entities_kb import tiny_kb
from veille.entities.mentions import MentionFinder
from veille.entities.resources import EntityResources, load_resources
from veille.model import Article, Foreign
from veille.pipeline import Context


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    loaded = load_resources(Context())
    return MentionFinder(EntityResources(**{**loaded.__dict__, "kb": tiny_kb()}))


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_a_clause_of_foreign_function_words_is_foreign(nlp, finder):
    doc = nlp("Le ministre a lancé : « we are going to Brescan with all of the team ». Puis il est parti à Brescan.")
    first, second = [t for t in doc if t.text == "Brescan"]
    assert finder.foreign_clause(first)
    assert not finder.foreign_clause(second)


def test_names_in_a_foreign_passage_are_left_out(nlp, finder):
    text = "Odile Sarrasin est arrivée à Brescan. Ella dijo que Hortensia Valdés vendrá mañana."
    art = Article(id="m", paragraphs=[text])
    passage = text.index("Ella")
    art.foreign.append(Foreign(text[passage:], "es", passage, len(text)))
    found = finder.ner_mentions(art, nlp(text), text)
    assert "Odile Sarrasin" in [m.key for m in found]
    assert all(m.end <= passage for m in found)  # without the passage, the NER reads a name there


def test_a_name_opening_on_n_apostrophe_keeps_it(nlp, finder):
    from veille.entities.mentions import _glued_prefix_name

    doc = nlp("Le suspect, dénommé N’guessan Yao Kouassi, a avoué. Il n’est pas parti.")
    glued = token(doc, "guessan")
    assert _glued_prefix_name(doc[glued.i - 1], glued)
    elided = token(doc, "est")
    assert not _glued_prefix_name(doc[elided.i - 1], elided)  # "n’est": the negation, no name
    text = doc.text
    keys = [m.key for m in finder.ner_mentions(Article(id="n", paragraphs=[text]), doc, text)]
    assert "N’guessan Yao Kouassi" in keys


def test_a_place_fused_with_the_person_after_it_is_two_names(nlp, finder):
    doc = nlp("Le chef de la police de Vila Morreira Marc Dutour a parlé au lycée Jean Moulin.")
    start = token(doc, "Vila").i
    parts = finder.split_person_tail(doc[start:start + 4], "LOC")
    assert [(p.text, label) for p, label in parts] == [("Vila Morreira", "LOC"), ("Marc Dutour", "PER")]
    school = token(doc, "lycée").i
    whole = doc[school:school + 3]
    assert [p.text for p, _ in finder.split_person_tail(whole, "ORG")] == ["lycée Jean Moulin"]


def test_a_known_newspaper_fused_with_the_given_name_after_it_is_two_names(nlp, finder):
    doc = nlp("« Nous voulions agir », explique à Gazetta Lucien, du collectif des voisins.")
    start = token(doc, "Gazetta").i
    parts = finder.split_person_tail(doc[start:start + 2], "PER")
    assert [(p.text, label) for p, label in parts] == [("Gazetta", "ORG"), ("Lucien", "PER")]
    doc = nlp("Hier, Lucien Gazetta a parlé.")
    start = token(doc, "Lucien").i
    assert [p.text for p, _ in finder.split_person_tail(doc[start:start + 2], "PER")] == ["Lucien Gazetta"]
