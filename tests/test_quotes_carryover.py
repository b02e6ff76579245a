"""Speaker choices meant to carry over to sites no rule was written on: a place is no voice unless it
stands for its authority, an organisation spoken of by the words written, a descriptor's article gives
the gender of the name in apposition, a quote with nobody named near it has no speaker. Invented
sentences and people only."""

from __future__ import annotations

from quotes_support import article_with_entities
from veille.model import Article
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _article(paragraphs: list[str], entities: dict[str, str]) -> Article:
    """An article whose entities carry a span at each of their mentions (no entity stage)."""
    return article_with_entities(paragraphs, entities, article_id="carry")


def _quotes(nlp, art: Article, kind: str | None = "direct") -> list[tuple[str | None, str | None]]:
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.speaker, q.rule) for q in art.quotes if kind is None or q.kind == kind]


def test_the_place_a_person_comes_from_does_not_speak(nlp):
    art = _article([
        "Le boulanger, originaire de Valmorte, a reconnu que la farine était « trop vieille ».",
    ], {"Valmorte": "LOC"})
    speakers = [s for s, _ in _quotes(nlp, art, None)]
    assert speakers and "Valmorte" not in speakers


def test_a_place_that_stands_for_its_authority_still_speaks(nlp):
    art = _article([
        "La mairie de Valmorte a assuré que le marché « rouvrira samedi ».",
    ], {"Valmorte": "LOC"})
    speakers = [s for s, _ in _quotes(nlp, art, None)]
    assert speakers and set(speakers) == {"Valmorte"}


def test_an_unlisted_institution_speaks_under_its_words_and_again_as_the_ministry(nlp):
    art = _article([
        "« Le pont de la rivière Orle rouvrira lundi », a annoncé le ministère freedonien des Transports. "
        "Les camions « devront attendre la fin du mois », a précisé le ministère.",
    ], {})
    got = _quotes(nlp, art)
    assert got[0] == ("ministère freedonien des Transports", "institution_as_written")
    assert got[1][0] == "ministère freedonien des Transports"


def test_the_inverted_subject_stops_before_its_relative_clause(nlp):
    art = _article([
        "La marche a réuni des milliers de personnes, « bien plus que l'an dernier », a souligné Voix Libres "
        "qui avait appelé à manifester.",
    ], {"Voix Libres": "ORG"})
    assert [s for s, _ in _quotes(nlp, art)] == ["Voix Libres"]


def test_the_article_of_a_descriptor_gives_the_gender_of_the_name_after_it(nlp):
    art = _article([
        "La ministre Odile Marchand a ouvert la séance. « Nous voulons un accord avant l'été », a-t-elle dit.",
        "Le nouveau commissaire aux Finances, Tarvo Kelmis, doit présenter un plan.",
        "Sur le budget, « rien n'est encore décidé », a-t-elle ajouté.",
    ], {"Odile Marchand": "PER", "Tarvo Kelmis": "PER"})
    assert [s for s, _ in _quotes(nlp, art)] == ["Odile Marchand", "Odile Marchand"]


def test_a_quote_with_nobody_named_near_it_has_no_speaker(nlp):
    art = _article([
        "Paul Arnaud a visité le quartier sinistré lundi matin avec les pompiers.",
        "Les habitants sont partis en une nuit. Les rues sont vides et les volets fermés.",
        "Sur un mur, une inscription à la peinture rouge : « Nous reviendrons un jour. »",
    ], {"Paul Arnaud": "PER"})
    assert [s for s, _ in _quotes(nlp, art)] == [None]


def test_an_institution_with_no_name_of_its_own_is_not_written_as_a_voice(nlp):
    art = _article([
        "Le corps a été retrouvé dans la rivière, a annoncé la police locale.",
    ], {})
    speakers = [s for s, _ in _quotes(nlp, art, None)]
    assert "police locale" not in speakers


def test_a_pronoun_goes_on_with_the_subject_just_named_not_an_earlier_speaker(nlp):
    art = _article([
        "La chanteuse Odile Marchand a ouvert la soirée. « Merci d'être venus si nombreux », a-t-elle lancé. "
        "Koraï Maldeno, proche de l'écrivain Tavo Rinski, vient de Lyon. La voix serrée, elle confie : "
        "« Je n'oublierai jamais cette soirée. »",
    ], {"Odile Marchand": "PER", "Koraï Maldeno": "PER", "Tavo Rinski": "PER"})
    assert [s for s, _ in _quotes(nlp, art)] == ["Odile Marchand", "Koraï Maldeno"]


def test_a_described_subject_in_the_pronoun_sentence_keeps_the_pronoun_from_a_named_child(nlp):
    art = _article([
        "« Elle lit seule pour la première fois », raconte Odile Marchand, sa mère. Koraï et sa sœur "
        "échangent des livres avec les voisins. Leur mère garde « une petite réserve pour l'été », précise-t-elle.",
    ], {"Odile Marchand": "PER", "Koraï": "PER"})
    assert "Koraï" not in [s for s, _ in _quotes(nlp, art)]
