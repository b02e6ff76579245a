"""Speakers found from evidence rather than "the last person named": a listed name written again
without a span, the cue of a later quote in the same sentence, a document passed on by a go-between,
the subject of the sentence just before a pronoun. Invented sentences and people only."""

from __future__ import annotations

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _first_span_only(paragraphs: list[str], people: dict[str, str]) -> Article:
    """An article whose entities carry a span at their first mention only (as the entity stage may)."""
    art = Article(id="ev", paragraphs=list(paragraphs))
    text = art.nlp_text()
    for name, kind in people.items():
        i = text.index(name)
        art.entities.append(Entity(name=name, type=kind, mentions=[name], spans=[[i, i + len(name)]]))
    return art


def _direct(nlp, art: Article) -> list[tuple[str | None, str | None]]:
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.speaker, q.rule) for q in art.quotes if q.kind == "direct"]


def test_a_name_written_again_without_its_span_is_an_antecedent(nlp):
    art = _first_span_only([
        "Bastien, 24 ans, peint des banderoles dans son garage avec Paul Arnaud.",
        "« Nous manquons de peinture et de bras depuis des semaines », poursuit Paul Arnaud.",
        "Bastien n'a pas attendu la mairie pour agir. « Nous avons tout acheté nous-mêmes, raconte-t-il. "
        "Personne ne nous a aidés jusqu'ici. »",
    ], {"Bastien": "PER", "Paul Arnaud": "PER"})
    speakers = [s for s, _ in _direct(nlp, art)]
    assert speakers[0] == "Paul Arnaud"
    assert speakers[1:] and set(speakers[1:]) == {"Bastien"}


def test_a_quote_takes_the_incise_of_a_later_quote_in_its_sentence(nlp):
    art = _first_span_only([
        "« Nous reconstruirons la digue avant l'hiver », a promis Paul Arnaud lundi.",
        "Si la digue a cédé, c'est parce que, « elle n'était plus entretenue » depuis des années et qu'« elle "
        "ne pouvait plus tenir face aux crues », estiment les ingénieurs consultés par la mairie.",
    ], {"Paul Arnaud": "PER"})
    got = _direct(nlp, art)
    assert got[0][0] == "Paul Arnaud"
    assert got[1] == (None, "later_quote_incise")
    assert got[2][0] is None


def test_a_named_incise_of_a_later_quote_names_the_first_too(nlp):
    art = _first_span_only([
        "« Nous reconstruirons la digue avant l'hiver », a promis Paul Arnaud lundi.",
        "Si la digue a cédé, c'est parce que, « elle n'était plus entretenue » depuis des années et qu'« elle "
        "ne pouvait plus tenir face aux crues », estime Claire Dubois, hydrologue à Vienne.",
    ], {"Paul Arnaud": "PER", "Claire Dubois": "PER"})
    got = _direct(nlp, art)
    assert got[1] == ("Claire Dubois", "later_quote_incise")
    assert got[2][0] == "Claire Dubois"


def test_a_document_passed_on_by_a_go_between_names_nobody(nlp):
    art = _first_span_only([
        "Le syndicat Voix libres a réagi mardi à l'accident du chantier de Vienne.",
        "Le blessé « va mieux » et « il devrait sortir de l'hôpital dès lundi », selon ce texte transmis par "
        "Voix libres.",
    ], {"Voix libres": "ORG"})
    got = _direct(nlp, art)
    assert got and all(s is None for s, _ in got)
    assert {r for _, r in got} == {"document_voice"}


def test_a_pronoun_goes_to_the_subject_just_before_whose_gender_is_unknown(nlp):
    art = _first_span_only([
        "« Le pont tiendra encore cinquante ans », a assuré Paul Arnaud, l'ingénieur du chantier.",
        "Kerem Oztas, technicien depuis vingt ans sur le site, a vérifié chaque pilier. Pour lui, la question "
        "est réglée. « J'ai vu des ponts bien plus fragiles tenir un siècle. »",
    ], {"Paul Arnaud": "PER", "Kerem Oztas": "PER"})
    got = _direct(nlp, art)
    assert got[0][0] == "Paul Arnaud"
    assert got[1][0] == "Kerem Oztas"
