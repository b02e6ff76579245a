"""The speaker forms of ``bench/speaker_form_perturb.py`` on invented text: each quote keeps its words,
the form moves or adds only invented words around it, and the gold is cut or added as the form says."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from quote_variants import _paragraphs, apply_edits  # noqa: E402
from speaker_form_variants import FORMS, interview_qa, third_between  # noqa: E402

TEXT = ("Le pont a rouvert hier matin après trois ans de travaux.\n\n"
        "« Nous avons tenu nos promesses envers les habitants du quartier et les commerçants. La rivière est "
        "calme depuis des semaines », a déclaré Paul Arnaud.\n\n"
        "La foule applaudit. « C'est une fierté », explique-t-elle.\n\n"
        "« Les travaux ont pris du retard. Mais tout le monde traverse », a ajouté Arnaud, le maire.\n\n"
        "« On a attendu trois ans », a dit Anne Vidal.")


def _variant(name: str) -> str:
    return apply_edits(TEXT, FORMS[name](TEXT).edits).text


def test_the_speaker_is_named_in_the_sentence_after_the_quote() -> None:
    out = _variant("name-after-verb")
    assert "semaines ». C'est ce qu'a déclaré Paul Arnaud." in out
    assert "« On a attendu trois ans ». C'est ce qu'a dit Anne Vidal." in out
    assert "explique-t-elle" in out  # a pronoun incise names nobody: left
    words = _variant("name-after-words")
    assert "semaines ». Ces mots sont ceux de Paul Arnaud." in words
    assert "traverse ». Ces paroles sont celles d'Arnaud, le maire." in words


def test_an_incise_with_its_apposition_cuts_a_quote_that_runs_on() -> None:
    change = FORMS["incise-runon"](TEXT)
    out = apply_edits(TEXT, change.edits).text
    assert "du quartier et les commerçants », a déclaré Paul Arnaud, spécialiste" in out
    assert "Varennes. « La rivière est calme depuis des semaines »." in out
    assert "« Les travaux ont pris du retard », a ajouté Arnaud, le maire. « Mais tout le monde traverse »." in out
    assert "« On a attendu trois ans », a dit Anne Vidal." in out  # one sentence: not cut
    inside = apply_edits(TEXT, FORMS["incise-inside"](TEXT).edits).text
    assert "« Les travaux ont pris du retard, a ajouté Arnaud, le maire. Mais tout le monde traverse »." in inside


def test_a_third_person_is_named_between_two_voices() -> None:
    text = ("Le maire a présenté le budget au conseil ce lundi soir. « Nous ne toucherons pas aux impôts », "
            "a-t-il dit.\n\nL'opposition a voté contre le texte en bloc. « Ce budget ment aux habitants », "
            "a lancé Anne Vidal.")
    paras = _paragraphs(text)
    out = apply_edits(text, third_between(paras, [{"A"}, {"B"}], text).edits).text
    assert "a-t-il dit. La commission a auditionné Gérard Lemoine dans la matinée. L'opposition" in out
    assert "\n\n" not in out
    assert not third_between(paras, [{"A"}, {"A"}], text).edits  # one voice: left


def test_an_interview_sets_questions_before_one_voice_s_answers() -> None:
    voices = {TEXT.index("« Nous"): "Paul Arnaud", TEXT.index("« Les"): "Paul Arnaud",
              TEXT.index("« On"): "Anne Vidal"}
    out = apply_edits(TEXT, interview_qa(TEXT, voices.get).edits).text
    assert out.startswith("Paul Arnaud a répondu à nos questions.\n\nLe pont")
    assert "\n\nComment voyez-vous la suite ?\n\n« Nous avons tenu" in out
    assert "\n\nQu'est-ce qui vous a décidé ?\n\n« Les travaux ont pris du retard. Mais tout le monde traverse »\n\n" in out
    assert "a dit Anne Vidal." in out  # another voice: left
    assert not interview_qa(TEXT, {TEXT.index("« Nous"): "Paul Arnaud"}.get).edits  # one answer: no interview


def test_a_heading_repeats_the_first_words_of_a_long_quote() -> None:
    change = FORMS["quote-heading"](TEXT)
    out = apply_edits(TEXT, change.edits).text
    assert "\n\n« Nous avons tenu nos promesses envers »\n\n« Nous avons tenu" in out
    assert [h for h, _ in change.headings] == ["Nous avons tenu nos promesses envers"]  # the short quotes: none


def test_an_interview_answer_is_set_apart_from_the_prose_after_it() -> None:
    text = ("Le chantier du pont a repris en mars.\n\n« Nous tiendrons les délais », a dit Paul Arnaud. Il a "
            "visité le chantier.\n\n« Les crues sont passées », a-t-il ajouté.")
    voices = {text.index("« Nous"): "Paul Arnaud", text.index("« Les"): "Paul Arnaud"}
    out = apply_edits(text, interview_qa(text, voices.get).edits).text
    assert "?\n\n« Nous tiendrons les délais »\n\nIl a visité le chantier.\n\nQu'est-ce" in out
    assert out.endswith("?\n\n« Les crues sont passées »")


def test_the_quote_stands_alone_and_its_speaker_is_named_in_the_next_paragraph() -> None:
    out = _variant("alone-next")
    assert "calme depuis des semaines »\n\nPaul Arnaud a déclaré sans détour." in out
    assert "« On a attendu trois ans »\n\nAnne Vidal ne s'en cache pas." in out
    assert "« Les travaux ont pris du retard. Mais tout le monde traverse »\n\nCes mots sont ceux d'Arnaud, le maire." \
        in out
    assert "explique-t-elle" in out  # a pronoun incise names nobody: left
