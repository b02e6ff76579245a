"""A paragraph of speech set after a dialogue dash, not in quotation marks (issue 16,
``bench/quote_perturb.py`` variants ``dash-em`` and ``dash-en``). Invented sentences and names only."""

from __future__ import annotations

from conftest import quote_direct
from veille.quotes.dialogue_dashes import dialogue_dash_quotes
from veille.quotes.marks import _paragraph_segments, scan_quote_marks

PEOPLE = (("Octave Lemarin", "PER"), ("Léa Morin", "PER"), ("Valbrune", "LOC"))


def _spans(paragraphs: list[str]) -> list[str]:
    text = "\n\n".join(paragraphs)
    segs = _paragraph_segments(text)
    return [text[m.start:m.end] for m in dialogue_dash_quotes(text, segs, scan_quote_marks(text, segs))]


def test_a_dashed_line_of_speech_is_a_quote_of_its_speaker(nlp) -> None:
    got = quote_direct(nlp, ["Le maire de Valbrune, Octave Lemarin, a reçu les riverains mardi soir.",
                             "— Nous rouvrirons le pont avant l'hiver, je vous le promets, a-t-il lancé.",
                             "La salle a applaudi longuement."], PEOPLE)
    assert [(w, s) for w, s, _ in got] == [("Nous rouvrirons", "Octave Lemarin")]


def test_the_speaker_named_in_the_incise(nlp) -> None:
    spans = _spans(["– Nous ne céderons rien sur les tarifs de la cantine, a répondu Léa Morin."])
    assert spans == ["Nous ne céderons rien sur les tarifs de la cantine, a répondu Léa Morin."]
    got = quote_direct(nlp, ["Léa Morin a été interrogée par les parents.",
                             "– Nous ne céderons rien sur les tarifs de la cantine, a répondu Léa Morin."], PEOPLE)
    assert got and got[0][1] == "Léa Morin"


def test_dashed_list_items_and_interview_answers_are_not_dialogue() -> None:
    assert _spans(["Les mesures de la ville :", "— une baisse des tarifs de nos cantines pour les enfants",
                   "— un nouveau pont sur la rivière avant la fin de l'année prochaine"]) == []
    interview = ["Pourquoi ce pont ?", "— Nous en avons besoin pour relier les deux rives du village.",
                 "Et le coût ?", "— Nous le partagerons avec la région, je vous le garantis ici.",
                 "Quand ?", "— Nous commencerons les travaux dès le mois de mars prochain."]
    assert _spans(interview) == []  # three answers after questions: labelled_answers' layout
    assert _spans(["« Nous partirons », a-t-il dit.", "— « Nous resterons ici avec vous », a répondu Léa."]) == []
