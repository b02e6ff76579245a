"""bench/indirect_gap.py: the indirect-quote gap by cue, cue family, clause shape and page form, counts
only (invented sentences)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.indirect_gap import family, gold_cue, marked_share, page_form, shape, table  # noqa: E402

from veille.quotes.resources import load_speech_verbs  # noqa: E402

BY_LEMMA, BY_FORM = load_speech_verbs()


def _span(text: str, clause: str) -> tuple[int, int]:
    at = text.index(clause)
    return at, at + len(clause)


def test_clause_shapes():
    t = "Claire Dubois a assuré mardi que le pont rouvrira en mai."
    assert shape(t, *_span(t, "le pont rouvrira en mai"), BY_FORM) == "que"
    t = "Le pont rouvrira en mai, a assuré Claire Dubois."
    assert shape(t, *_span(t, "Le pont rouvrira en mai"), BY_FORM) == "incise"
    t = "Selon Claire Dubois, le pont rouvrira en mai."
    assert shape(t, *_span(t, "le pont rouvrira en mai"), BY_FORM) == "prep"
    t = "Claire Dubois a promis de rouvrir le pont en mai."
    assert shape(t, *_span(t, "rouvrir le pont en mai"), BY_FORM) == "infinitive"


def test_gold_cue_and_family():
    t = "Paul Arnaud estime que le pont rouvrira en mai."
    lemma = gold_cue(t, *_span(t, "le pont rouvrira en mai"), BY_FORM)
    assert (lemma, family(lemma, BY_LEMMA)) == ("estimer", "thought")
    t = "Paul Arnaud a griffonné que le pont rouvrira en mai."
    lemma = gold_cue(t, *_span(t, "le pont rouvrira en mai"), BY_FORM)
    assert lemma.startswith("?") and family(lemma, BY_LEMMA) == "unlisted word"
    assert family("déclarer", BY_LEMMA) == "saying" and family("-", BY_LEMMA) == "no cue"


def test_marked_share_and_page_form():
    t = "Il a dit que le pont « rouvrira en mai »."
    s, e = _span(t, "le pont « rouvrira en mai »")
    inner = _span(t, "rouvrira en mai")
    assert marked_share(s, e, t, [inner]) == "<.75"  # three words of five in marks
    assert marked_share(s, e, t, []) == "0"
    assert page_form(["« Oui », dit-il."], "« Oui », dit-il.") == "guillemets/1 par"
    assert page_form(["a", "b"], "a\n\nb") == "no marks"


def test_table_prints_counts_only(capsys):
    rows = [{"side": "pred", "verdict": "right", "cue": "dire", "site": "a.fr"},
            {"side": "pred", "verdict": "extra", "cue": "dire", "site": "b.fr"},
            {"side": "gold", "verdict": "none", "cue": "dire", "site": "b.fr"}]
    table(rows, "cue", "by cue")
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("dire"))
    assert line.split() == ["dire", "1", "0", "0", "0", "0", "1", "0", "0", "1", "1", "1"]
