"""The gates of the line models and of the reader's HTML check (speed) answer as the patterns and loops
they stand in front of."""

from __future__ import annotations

import re

from veille.clean import cues, paragraph_model
from veille.clean.text import CAPITAL_LETTERS, all_capitals, line_key, normalize_line
from veille.readers.base import html_problem

# Invented lines: prose, headlines, credits, links, odd capitals (dotted I, long s), brackets.
LINES = [
    "", " ", ".", ")", "a", "É", "Le maire Odon Ferrat inaugure la passerelle (photo Lise Amar).",
    "LA PASSERELLE DE VALBRUME ROUVRE", "LA PASSERELLE DE VALBRUME ROUVRE ÉTÉ 2024 !", "ÉTÉ À VALBRUME",
    "Voir la vidéo sur www.exemple.fr", "Voir la vidéo sur WWW.EXEMPLE.FR", "İFRAME du lecteur", "ıframe",
    "Lien [12] vers la suite", "Texte](lien)", "httpſ://exemple.fr", "(BUTTON) Partager", "[IMG] vue du port",
    "Le port | Valbrume", "Le port / Valbrume", "Le port • Valbrume", "Le port·Valbrume",
    "Que fera la commune ?", "Que fera la commune ? »", "Il l'a dit : « Non. »", "Liste des travaux :",
    "Une note (voir plus bas).", "Une note [1]", "Une note [1] .", "Fin de l'article…", "Fin\n",
    "ÇA BOUGE À L'EST : 3 QUESTIONS", "ǅURO ET ǈILJA", "ΑΘΗΝΑ ΣΗΜΕΡΑ", "AB", "ABCDEF", "ABC1DEF",
]


def test_all_capitals_as_the_letter_loop() -> None:
    for line in LINES:
        letters = [c for c in line if c.isalpha()]
        for least in (4, 6):
            assert all_capitals(line, least) == (len(letters) >= least and all(c.isupper() for c in letters)), line


def test_capital_letters_as_the_capital_pattern() -> None:
    upper = re.compile(r"^[A-ZÀ-ÖØ-Þ]")
    for code in range(0x3000):
        assert (chr(code) in CAPITAL_LETTERS) == bool(upper.match(chr(code))), hex(code)


def test_paragraph_shape_gates_as_the_patterns() -> None:
    pm = paragraph_model
    for line in LINES:
        final = line.rstrip()
        f, n = pm._shape(line, {"verb": frozenset({"inaugure"}), "credit": frozenset({"photo"})})
        assert n == len(pm._WORD.findall(line))
        assert f["link"] == float(bool(pm._LINK.search(line))), line
        assert f["separator"] == float(bool(pm._SEPARATOR.search(line))), line
        assert f["ends_sentence"] == float(bool(pm._SENTENCE_END.search(final))), line
        assert f["ends_question"] == float(bool(pm._QUESTION.search(final))), line
        assert f["ends_colon"] == float(bool(pm._COLON_END.search(final))), line
        assert f["closing_bracket"] == float(bool(pm._CLOSING_BRACKET.search(final))), line
        found = pm._WORD.findall(line)
        assert f["caps_share"] == sum(1 for t in found[1:] if pm._UPPER.match(t)) / max(1, n - 1), line


def test_long_lines_meet_only_the_cues_without_a_word_limit() -> None:
    # A paragraph longer than every word limit gets the kind the whole lexicon would give it.
    _, longest = cues._cues_by_length()
    body = " ".join(["la commune de Valbrume accepte les cookies du boulanger"] * (longest // 8 + 1))
    for line in (body, "12 commentaires " + body, body + " (12)", "Lire aussi " + body + " - Valbrume"):
        norm = cues.normalize_line(line)
        every = cues._candidate_cues(norm, True, True, True)
        kept = cues._candidate_cues(norm, True, True, True, unlimited=True)
        assert kept == [c for c in every if not c.max_words]


def test_line_key_as_the_non_word_substitution() -> None:
    for line in [*LINES, "  Le port -- Valbrume  ", "« Non ! »", "l’été_2024", "___", "-- --"]:
        assert line_key(line) == re.sub(r"[^\w]+", " ", normalize_line(line)).strip(), line


def test_html_with_only_white_space_in_its_tree_has_no_text() -> None:
    assert html_problem("<html><body><p> </p><div>\n\u00a0</div><!-- note --></body></html>") is not None
    assert html_problem("<html><body><script>var a = 1</script></body></html>") is not None
    assert html_problem("<html><body><p> </p><p>Le port rouvre.</p></body></html>") is None
