"""The variant builder of ``bench/quote_perturb.py`` on invented text: each variant's edits keep
the words, and a quote's span maps onto the same words in the changed text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from quote_variants import NBSP, NNBSP, VARIANTS, apply_edits, locate  # noqa: E402

BODY = ("Le maire de Valbrune, Octave Lemarin, a réagi mardi. « Nous ne céderons pas », a-t-il déclaré, "
        "« la ville restera ouverte. »\n\n"
        "Il a ajouté : « Les habitants parlent d’un “ vrai choc ”, et je les comprends, affirme-t-il, "
        "car ils ont tout perdu.\n\n"
        "« Nous reconstruirons le pont avant l’hiver. »\n\n"
        "Selon la préfète, la route rouvrira lundi.")
QUOTES = ["Nous ne céderons pas", "la ville restera ouverte.",
          "Nous reconstruirons le pont avant l’hiver."]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_keeps_the_words_and_maps_the_quotes(variant: str) -> None:
    mapped = apply_edits(BODY, VARIANTS[variant](BODY))
    assert _words(mapped.text) == _words(BODY)
    for quote in QUOTES:
        start, end = locate(BODY, quote)
        s, e = mapped.span(start, end)
        assert _words(mapped.text[s:e]) == _words(quote)


def test_offsets_map_through_inserted_and_removed_text() -> None:
    text = "« Oui », dit Léa."
    mapped = apply_edits(text, [(0, 2, "“"), (5, 7, "”")])
    assert mapped.text == "“Oui”, dit Léa."
    assert mapped.span(2, 5) == (1, 4)
    assert mapped.char(9) == 7  # "d" of "dit"
    assert mapped.char(0) is None


def test_guillemet_spacing_variants() -> None:
    text = "Elle a dit : « Non merci »."
    assert apply_edits(text, VARIANTS["guil-nospace"](text)).text == "Elle a dit : «Non merci»."
    assert apply_edits(text, VARIANTS["guil-nnbsp"](text)).text == f"Elle a dit : «{NNBSP}Non merci{NNBSP}»."
    assert apply_edits(text, VARIANTS["guil-nbsp"](text)).text == f"Elle a dit : «{NBSP}Non merci{NBSP}»."
    assert apply_edits(text, VARIANTS["curly"](text)).text == "Elle a dit : “Non merci”."
    assert apply_edits(text, VARIANTS["reversed"](text)).text == "Elle a dit : » Non merci «."


def test_layout_variants() -> None:
    text = "« Premier point.\n\n« Second point. »\n\n« Réponse entière. »"
    # a quote going on in the next paragraph, which reopens it, loses its closing mark
    assert apply_edits(text, VARIANTS["continued"](text)).text == "« Premier point.\n\n« Second point.\n\n« Réponse entière. »"
    assert apply_edits(text, VARIANTS["no-close-end"](text)).text == "« Premier point.\n\n« Second point.\n\n« Réponse entière."
    assert apply_edits(text, VARIANTS["dash-em"](text)).text.endswith("\n\n— Réponse entière.")
    assert "\n\n" not in apply_edits(text, VARIANTS["merged"](text)).text
    interview = "Octave Lemarin dirige le port.\n\nEt demain ?\n\n– On verra.\n\nPourquoi « bientôt » ?\n\n– Parce que."
    # a question runs on with its answer; one that quotes words is left (it could be prose)
    assert apply_edits(interview, VARIANTS["qa-joined"](interview)).text == \
        "Octave Lemarin dirige le port.\n\nEt demain ? – On verra.\n\nPourquoi « bientôt » ?\n\n– Parce que."
    wrapped = apply_edits(BODY, VARIANTS["wrapped"](BODY)).text
    assert all(len(line) <= 72 and line.startswith("   ") for line in wrapped.splitlines() if line)


def test_nested_and_incise_variants() -> None:
    text = "Léa Morin a dit : « Ils parlent d’un “ vrai choc ” ici », puis « Un “ pas ” de plus.\n\nFin »."
    nested = apply_edits(text, VARIANTS["nested-single"](text)).text
    # only a pair inside a pair that closes is nested (a quote left open nests nothing); every other
    # guillemet is an outer mark
    assert nested == "Léa Morin a dit : “Ils parlent d’un ‘ vrai choc ’ ici”, puis “Un “ pas ” de plus.\n\nFin”."
    assert "‹ vrai choc ›" in apply_edits(text, VARIANTS["nested-angle"](text)).text
    commas = apply_edits(BODY, VARIANTS["incise-commas"](BODY)).text
    assert "« Nous ne céderons pas, a-t-il déclaré, la ville restera ouverte. »" in commas
    dashes = apply_edits(BODY, VARIANTS["incise-dashes"](BODY)).text
    assert "pas — a-t-il déclaré — la ville" in dashes and "comprends — affirme-t-il — car" in dashes


def test_variants_that_lose_or_turn_marks() -> None:
    text = "Léa Morin a dit : « Nous partons », puis « la ville attendra ».\n\n« Un “ choc ” ici. »"
    turned = apply_edits(text, VARIANTS["unpaired-curly"](text)).text
    assert "«" not in turned and "»" not in turned and turned.count("“") + turned.count("”") == 8
    assert "“ choc ”" in turned  # nested curly marks stay as they are
    # the draw is fixed by the text: the same page twice gives the same variant
    assert apply_edits(text, VARIANTS["unpaired-curly"](text)).text == turned
    assert apply_edits(text, VARIANTS["lost-open"](text)).text == \
        "Léa Morin a dit : Nous partons », puis la ville attendra ».\n\nUn “ choc ” ici. »"
    lost = apply_edits(text, VARIANTS["lost-mark"](text)).text
    assert lost.count("«") + lost.count("»") == 3 and "“ choc ”" in lost
    assert apply_edits(text, VARIANTS["no-marks"](text)).text == \
        "Léa Morin a dit : Nous partons, puis la ville attendra.\n\nUn choc ici."
