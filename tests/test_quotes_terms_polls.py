"""Marks that hold no speech (issue 16): a poll's answer chosen by a share of those polled, a short
verbless term set apart inside a sentence, a term somebody coins ("ce qu'elle appelle le « … »").
Invented sentences and people only."""

from __future__ import annotations

from conftest import quote_direct
from veille.quotes.poll_answers import poll_share

PEOPLE = (("Paul Arnaud", "PER"), ("Anne Roy", "PER"))


def _quotes(nlp, paragraphs: list[str]) -> list[str]:
    return [words for words, _, _ in quote_direct(nlp, paragraphs, PEOPLE, "terms")]


def test_a_poll_share_subject():
    assert poll_share("42 % des sondés")
    assert poll_share("dont 30%")
    assert poll_share("la majorité des Français")
    assert poll_share("six habitants sur dix")
    assert poll_share("les personnes interrogées")
    assert not poll_share("Le maire de la majorité Paul Arnaud")
    assert not poll_share("les habitants du quartier")


def test_a_poll_answer_in_marks_is_no_quote(nlp):
    assert _quotes(nlp, ["Selon l'enquête, 42 % des sondés estiment qu'il faut « ouvrir davantage de crèches » "
                         "dans les petites villes."]) == []
    assert _quotes(nlp, ["La majorité des personnes interrogées jugent que la réforme va « trop loin et trop vite » "
                         "pour les familles."]) == []


def test_a_named_voice_with_a_share_word_still_speaks(nlp):
    assert _quotes(nlp, ["Paul Arnaud, élu de la majorité, estime qu'il faut « ouvrir davantage de crèches dans "
                         "les petites villes »."]) == ["ouvrir davantage"]


def test_a_short_term_in_a_sentence_is_no_quote(nlp):
    assert _quotes(nlp, ["Anne Roy a expliqué que la « sobriété heureuse » restait pour elle un horizon lointain."]) == []


def test_the_object_of_the_speech_verb_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud a dénoncé une « trahison » des élus de la majorité."]) == ["trahison"]
    assert _quotes(nlp, ["« Le problème », observe Anne Roy, tient à la durée des travaux."])[:1] == ["Le problème"]


def test_a_coined_term_is_no_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud s'inquiète de ce qu'il appelle le « grand dessèchement des villes » en été."]) == []
    assert _quotes(nlp, ["Anne Roy décrit ce que l'on pourrait nommer « le temps suspendu des gares »."]) == []


def test_the_predicate_of_a_reported_clause_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud avait dit qu'elle était « trop bavarde » pour ce poste."]) == ["trop bavarde"]


def test_a_short_term_before_an_inverted_cue_is_no_quote(nlp):
    assert _quotes(nlp, ["Il faut tenir compte de la « sobriété heureuse », a-t-elle affirmé devant Paul Arnaud."]) == []


def test_a_short_phrase_given_to_a_source_after_it_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Le cargo a subi « trois avaries graves », selon Paul Arnaud, avant de rentrer au port."]) == [
        "trois avaries"]
