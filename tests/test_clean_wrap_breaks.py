"""Invented lines (issue 11, paragraphs broken mid-sentence): a text browser wraps a line early when
it keeps "« mot »" together or the next word is long; a line ending on an article or a preposition,
or a line opening on a guillemet and a word in lower case, goes on with the sentence. A short line
(a menu label) and a guillemet opening a capitalised quote under a heading still open a unit."""

from __future__ import annotations

from veille.clean.dump import units, wraps_into

WIDTH = 74


def _texts(lines: list[str]) -> list[str]:
    return [u.text for u in units("\n".join(lines))]


def test_line_ending_on_an_article_goes_on_under_a_guillemet() -> None:
    lines = ["   Odette Vasseur, retraitée de Valbrune, coche toutes les cases d'une",
             "   « mamie geek » : elle répare les ordinateurs de tout son immeuble depuis",
             "   deux ans et forme ses voisins le samedi matin.",
             "",
             "   Elle a même ouvert un atelier dans la salle des fêtes de la commune."]
    texts = _texts(lines)
    assert texts[0].startswith("Odette Vasseur") and "cases d'une « mamie geek » : elle" in texts[0]
    assert texts[1].startswith("Elle a même")


def test_line_ending_on_a_preposition_goes_on_in_lower_case() -> None:
    prev = "   Depuis le belvédère, une route sans fin traverse toute la vallée de"
    assert wraps_into(prev, "   montagnes. Les travaux doivent durer encore trois ans.", WIDTH)


def test_guillemet_and_lower_case_word_goes_on() -> None:
    prev = "   Lucien, son neveu de 12 ans, passe ses soirées au club. Son frère,"
    assert wraps_into(prev, "   « adore surtout les échecs » et joue en ligne tous les soirs.", WIDTH)


def test_short_line_and_capitalised_quote_open_a_unit() -> None:
    assert not wraps_into("   Programme de", "   course à pied", WIDTH)  # a menu label
    assert not wraps_into("   Une saison pleine de surprises pour le club de",
                          "   Valbrune qui monte en division supérieure.", WIDTH)  # (capital: not this rule)
    assert not wraps_into("   Une saison pleine de surprises",
                          "   « Nous avons travaillé dur », dit l'entraîneur.", WIDTH)


def test_footnote_call_closing_a_sentence_is_no_radio_button() -> None:
    lines = ["   Le marché des jeux de plateau progresse de 3 % cette année et reste l'un",
             "   des moteurs du secteur (*).",
             "",
             "   (*) Oui ( ) Non"]
    got = units("\n".join(lines))
    assert got[0].kind == "text" and got[0].text.endswith("du secteur (*).")
    assert got[1].kind == "form"
