"""Direct speech whose quotation marks are missing or do not pair (issue 16, ``bench/quote_perturb.py``
variants ``unpaired-curly``, ``lost-open``, ``lost-mark``, ``no-marks``). Invented sentences and names only."""

from __future__ import annotations

from conftest import article_with_entities, quote_direct
from veille.quotes.curly_pairs import curly_read_by_position
from veille.quotes.lost_open import lost_open_start
from veille.quotes.marks import scan_quote_marks

PEOPLE = (("Octave Lemarin", "PER"), ("Léa Morin", "PER"), ("Valbrune", "LOC"))


def _texts(text: str) -> list[str]:
    return [m.text(text) for m in scan_quote_marks(text)]


def test_curly_marks_set_both_ways_pair_by_position() -> None:
    text = "Le maire a réagi. ” Nous ne céderons pas ”, a-t-il dit, “ la ville restera ouverte. “"
    assert _texts(text) == ["Nous ne céderons pas", "la ville restera ouverte."]
    assert _texts("“ Nous partons “ dit-elle, “ sans attendre “.") == ["Nous partons", "sans attendre"]


def test_curly_marks_that_pair_as_written_keep_their_reading() -> None:
    nested = "Il a dit “ Ils parlent d'un “ choc ” et partent ” hier."
    assert curly_read_by_position(nested, [(0, len(nested))]) == nested
    # a closing mark whose opening was lost is a quote's end, not an opening set the wrong way
    lost = "Je ne partirai jamais. ”, dit-il. Puis “ Oui ”."
    assert curly_read_by_position(lost, [(0, len(lost))]) == lost
    going_on = "“ Premier point.\n\nSecond point. ”"
    assert _texts(going_on) == ["Premier point. Second point."]


def test_a_quote_whose_opening_mark_was_lost_starts_after_the_colon_or_the_incise() -> None:
    text = "Léa Morin a prévenu : Nous ne céderons rien sur les tarifs »."
    assert _texts(text) == ["Nous ne céderons rien sur les tarifs"]
    two = "Nous ne céderons rien sur les tarifs », a-t-elle dit, la cantine restera ouverte tout l'été »."
    assert _texts(two) == ["Nous ne céderons rien sur les tarifs", "la cantine restera ouverte tout l'été"]
    assert lost_open_start("Elle a ri. Oui, bien sûr, nous le ferons »", 0, 41, None) is None


def test_speech_after_a_colon_without_marks_is_direct(nlp) -> None:
    got = quote_direct(nlp, ["Octave Lemarin, maire de Valbrune, a réagi mardi.",
                             "Il a déclaré : nous rouvrirons le pont avant l'hiver, je m'y engage."], PEOPLE)
    assert [(w, s) for w, s, _ in got] == [("nous rouvrirons", "Octave Lemarin")]
    assert got[0][2].endswith("+unmarked:colon")


def test_a_testimony_paragraph_after_a_colon(nlp) -> None:
    got = quote_direct(nlp, ["La boulangerie de Valbrune a brûlé dans la nuit.", "Sa gérante, Léa Morin, a expliqué :",
                             "Je me suis levée à quatre heures et tout le quartier était déjà dans la rue."], PEOPLE)
    assert [(w, s) for w, s, _ in got] == [("Je me", "Léa Morin")]


def test_speech_before_an_incise_without_marks_is_direct(nlp) -> None:
    got = quote_direct(nlp, ["Les riverains attendent depuis deux ans.",
                             "Nous reconstruirons le pont avant l'hiver, a promis Octave Lemarin."], PEOPLE)
    assert [(w, s) for w, s, _ in got] == [("Nous reconstruirons", "Octave Lemarin")]
    assert got[0][2].endswith("+unmarked:incise")


def test_a_reported_clause_in_the_third_person_stays_indirect(nlp) -> None:
    from veille.pipeline import Context
    from veille.quotes import QuoteStage
    from veille.settings import Settings

    paragraphs = ["Le pont sera reconstruit avant l'hiver, a promis Octave Lemarin.",
                  "Léa Morin a précisé : la cantine restera ouverte pendant les travaux."]
    art = article_with_entities(paragraphs, PEOPLE)
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    assert [q.kind for q in art.quotes if q.kind == "direct"] == []
    assert any(q.kind == "indirect" and q.speaker == "Octave Lemarin" for q in art.quotes)
