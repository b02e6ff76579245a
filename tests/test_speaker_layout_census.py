"""The paragraph layout ``bench/speaker_layout_census.py`` gives a wrong speaker, on invented paragraphs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from speaker_layout_census import layout  # noqa: E402

GOLD = {"entities": [{"name": "Claire Dubois", "type": "PER", "aliases": ["la maire"]}]}
PARAS = ["Claire Dubois a visité le chantier mardi.",
         "Le pont rouvrira en juin.",
         "« Nous tiendrons les délais. »",
         "Dubois le répète depuis l'hiver.",
         "La foule attend. « Rien ne presse », dit-on ici."]


def test_a_quote_alone_whose_speaker_the_next_paragraph_names() -> None:
    assert layout(PARAS, "Nous tiendrons les délais.", GOLD, "Claire Dubois") == ("alone", "next")


def test_a_quote_inside_a_paragraph_whose_speaker_is_named_two_paragraphs_back() -> None:
    assert layout(PARAS[:3] + PARAS[4:], "Rien ne presse", GOLD, "Claire Dubois") == ("inside", "back-2+")


def test_a_name_written_inside_the_quote_does_not_count() -> None:
    paras = ["« Claire Dubois a raison », lance un passant."]
    assert layout(paras, "Claire Dubois a raison", GOLD, "Claire Dubois") == ("opens", "far")
    assert layout(paras, "Claire Dubois a raison", GOLD, None) == ("opens", "gold-null")
