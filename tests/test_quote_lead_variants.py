"""The layout variants of ``bench/quote_lead_perturb.py`` on invented text: the words of each quote stay,
the cue moves before it, a long quote is cut into paragraphs, an interview's name leads."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from quote_lead_variants import LEAD_VARIANTS, PARAGRAPH_CUT, read_incise  # noqa: E402
from quote_variants import apply_edits  # noqa: E402

TEXT = ("Le pont a rouvert hier matin.\n\n« Nous avons tenu nos promesses », a déclaré Paul Arnaud.\n\n"
        "La foule applaudit. « C'est une fierté », explique-t-elle.\n\n"
        "« Nous avons attendu trois ans, et la rivière a grossi plusieurs fois pendant l'hiver. Les travaux ont "
        "pris du retard à cause des crues. Mais aujourd'hui tout le monde traverse sans faire de détour par "
        "la route nationale. C'est ce que nous voulions depuis longtemps », a ajouté M. Arnaud, le maire.")


def _variant(name: str) -> str:
    return apply_edits(TEXT, LEAD_VARIANTS[name](TEXT)).text


def test_incises_read_as_lead_ins() -> None:
    assert read_incise("a déclaré Paul Arnaud").lead() == "Paul Arnaud a déclaré"
    assert read_incise("a-t-elle ajouté").lead() == "Elle a ajouté"
    assert read_incise("explique-t-il").lead() == "Il explique"
    assert read_incise("a ainsi dénoncé le maire").lead() == "Le maire a dénoncé"
    assert read_incise("témoigne sa voisine, qui était là").lead() == "Sa voisine, qui était là, témoigne"
    assert read_incise("a dit sur la radio Paul Arnaud") is None  # a complement before the subject
    assert read_incise("la foule applaudit") is None


def test_colon_lead_moves_the_cue_before_the_quote() -> None:
    out = _variant("colon-lead")
    assert "Paul Arnaud a déclaré : « Nous avons tenu nos promesses »." in out
    assert "La foule applaudit. Elle explique : « C'est une fierté »." in out
    assert "M. Arnaud, le maire, a ajouté : « Nous avons attendu" in out


def test_colon_lead_break_ends_the_paragraph_before_on_the_cue() -> None:
    out = _variant("colon-lead-break")
    assert "hier matin. Paul Arnaud a déclaré :\n\n« Nous avons tenu nos promesses »." in out


def test_split_paragraphs_cut_a_long_quote_at_sentence_ends() -> None:
    out = _variant("split-paragraphs")
    assert out.count("\n\n« ") == 3 and "»\n\n«" not in out  # two paragraphs opened on a quote, one cut
    closed = _variant("split-paragraphs-closed")
    assert closed.count(" »\n\n« ") == 1
    parts = [p for p in PARAGRAPH_CUT.split(closed[closed.rfind("« Nous avons attendu"):]) if p.strip()]
    assert len(parts) == 2


def test_name_colon_and_name_dash_set_the_name_first() -> None:
    assert "\n\nPaul Arnaud : « Nous avons tenu nos promesses »." in _variant("name-colon")
    assert "\n\nPaul Arnaud. – Nous avons tenu nos promesses\n\n" in _variant("name-dash")
