"""Titles written after a work's noun and one adjective, or after a plural work noun; an unnamed source taken
up as "ce même responsable" (issue 16, speakers13 audit). Invented sentences and people only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Paul Arnaud", "PER"), ("Anne Roy", "PER"), ("Lise Morel", "PER"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return quote_direct(nlp, paragraphs, PEOPLE, "titles")


def test_a_title_after_a_work_noun_and_its_adjective_is_no_quote(nlp):
    got = _direct(nlp, ["Anne Roy a annoncé le lancement du concours annuel « Voix des écoles » pour les élèves du canton."])
    assert got == []
    got = _direct(nlp, ["Parmi les actions lancées par Anne Roy, notons le concours annuel « Voix des écoles », ouvert "
                        "aux élèves du canton."])
    assert got == []


def test_a_title_after_a_written_work_noun_is_no_quote(nlp):
    got = _direct(nlp, ["L'article « Les oiseaux du port changent de route », signé par Paul Arnaud et Anne Roy, "
                        "paraîtra en mars."])
    assert got == []


def test_a_plural_work_noun_before_a_title_is_no_quote(nlp):
    got = _direct(nlp, ["Selon Lise Morel, les jeunes lisent surtout des romans « Jeunes adultes » adaptés au cinéma."])
    assert got == []


def test_a_verb_between_the_work_noun_and_the_marks_leaves_a_quote(nlp):
    # "le film montre « … »": no adjective, the noun does not name what the marks hold
    got = _direct(nlp, ["Selon Anne Roy, le documentaire montre « Une région qui se vide de ses jeunes »."])
    assert [s for _, s, _ in got] == ["Anne Roy"]


def test_the_same_unnamed_source_stays_unnamed(nlp):
    got = _direct(nlp, ["« Les délais seront tenus », a expliqué un responsable du ministère des Transports. "
                        "Anne Roy, directrice du chantier, a visité le site lundi.",
                        "« Cinquante familles sont concernées », a précisé ce même responsable."])
    assert [s for _, s, _ in got] == [None, None]
