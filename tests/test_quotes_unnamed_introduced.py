"""Unnamed people and role holders as speakers (issue 16, speakers18): a woman brought in without a name
stays the "elle" that speaks after a man is named; a demonstrative that brings someone new in ("tel cet
homme, qui lance"); the subject of a colon's sentence who is unnamed; a religious office with a place in its
complement. Invented paragraphs with invented people."""

from __future__ import annotations

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _quotes(nlp, paragraphs: list[str], names: dict[str, str]) -> list[tuple[str, str | None]]:
    art = Article(id="unnamed-intro", paragraphs=paragraphs)
    text = art.nlp_text()
    for name, kind in names.items():
        spans = []
        start = text.find(name)
        while start >= 0:
            spans.append([start, start + len(name)])
            start = text.find(name, start + 1)
        art.entities.append(Entity(name=name, type=kind, mentions=[name], spans=spans))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.text, q.speaker) for q in art.quotes if q.kind == "direct"]


def test_a_man_named_after_an_unnamed_woman_does_not_take_her_words(nlp):
    got = _quotes(nlp, ["Le café a rouvert lundi.",
                        "Une serveuse du café accuse Gaspard Lemoine de l'avoir bousculée. « Il m'a poussée contre "
                        "le mur », dit-elle."], {"Gaspard Lemoine": "PER"})
    assert got == [("Il m'a poussée contre le mur", None)]


def test_a_woman_named_after_an_unnamed_woman_takes_her_words_back(nlp):
    got = _quotes(nlp, ["Le café a rouvert lundi.",
                        "Une serveuse du café travaille avec Odile Ferrand. « Nous avons tout nettoyé », dit-elle."],
                  {"Odile Ferrand": "PER"})
    assert got == [("Nous avons tout nettoyé", "Odile Ferrand")]


def test_a_demonstrative_outside_the_subject_brings_in_someone_new(nlp):
    got = _quotes(nlp, ["Gaspard Lemoine a ouvert le marché à l'aube.",
                        "Certains clients se plaignent, tel cet homme, un panier à la main, qui lance : « Tout est "
                        "trop cher. » Il hésite longtemps. « Je reviendrai demain », poursuit-il."],
                  {"Gaspard Lemoine": "PER"})
    assert got[-1] == ("Je reviendrai demain", None)


def test_a_demonstrative_subject_takes_up_the_named_person(nlp):
    got = _quotes(nlp, ["Odile Ferrand a perdu sa boutique dans l'incendie.",
                        "Cette commerçante de Vienne attend l'aide promise. « Personne ne nous a appelés », "
                        "dit-elle."], {"Odile Ferrand": "PER"})
    assert got == [("Personne ne nous a appelés", "Odile Ferrand")]


def test_an_unnamed_subject_before_a_colon_is_nobody_not_the_organisation_in_her_phrase(nlp):
    got = _quotes(nlp, ["Le quartier des Tilleuls attend sa rénovation depuis dix ans.",
                        "Une habitante, relogée par l'Office municipal du logement, raconte : « Nous avons attendu "
                        "deux ans dans un hôtel. »"], {"Office municipal du logement": "ORG"})
    assert got == [("Nous avons attendu deux ans dans un hôtel.", None)]


def test_a_religious_office_is_not_the_place_it_serves(nlp):
    got = _quotes(nlp, ["La mosquée a été rouverte vendredi.",
                        "« Nous accueillerons tout le monde », a déclaré le mufti de Vienne."],
                  {"Vienne": "LOC"})
    assert got == [("Nous accueillerons tout le monde", None)]
