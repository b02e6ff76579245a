"""The learned time proposer (``veille.times.learned``, rule ``learned_span``): it only adds spans no
rule time overlaps, its weights load from a folder, and the stage runs on its rules without them.
Invented sentences (people and places invented)."""

from __future__ import annotations

from unittest import mock

from veille.model import Article
from veille.times import learned
from veille.times.learned_fit import fit, value_memory

# An invented seasonal word the rules do not know, annotated as a DATE, among plain sentences.
TRAIN = [
    "Pendant la vendange, Paul Brun embauche dix saisonniers.",
    "Lise Roy ferme sa boutique pendant la vendange chaque année.",
    "La vendange a commencé tôt chez Marc Tessier.",
    "Le village de Ronquières fête la fin de la vendange.",
    "Paul Brun a vendu son tracteur le 3 mars 2020.",
    "Lise Roy repeint sa grange depuis trois semaines.",
]


def _examples(nlp):
    out = []
    for text in TRAIN:
        doc = nlp(text)
        k = text.find("la vendange")
        gold = [(k + 3, k + len("la vendange"), "DATE")] if k >= 0 else []
        out.append((doc, [], gold))
    return out


def _times(nlp, stage, text: str, tagger) -> list:
    art = Article(id="t", paragraphs=[text], published="2024-05-02")
    with mock.patch("veille.times.learned.load_tagger", lambda: tagger):
        stage(art, nlp(art.nlp_text()), None)
    return art.times


def test_the_stage_runs_on_its_rules_without_weights(nlp, time_stage, tmp_path):
    assert learned.load_from(tmp_path) is None
    times = _times(nlp, time_stage, "Marc Tessier a pris la route hier, pendant la vendange.", None)
    assert [t.text for t in times] == ["hier"] and all(t.rule is None for t in times)


def test_a_learned_span_is_added_where_no_rule_found_a_time(nlp, time_stage, tmp_path):
    tagger = fit(_examples(nlp), epochs=80, rate=0.1, min_count=1, threshold=0.5)
    tagger.save(tmp_path)
    again = learned.load_from(tmp_path)
    assert again is not None and list(again.vocab) == list(tagger.vocab)
    times = _times(nlp, time_stage, "Marc Tessier a pris la route hier, pendant la vendange.", again)
    got = {t.text: t.rule for t in times}
    assert got == {"hier": None, "vendange": "learned_span"}


def test_a_learned_span_never_overlaps_a_rule_time(nlp):
    tagger = fit(_examples(nlp), epochs=80, rate=0.1, min_count=1, threshold=0.0)
    doc = nlp("Pendant la vendange, Lise Roy a tout vendu.")
    k = doc.text.find("vendange")
    assert tagger.spans(doc, [(k - 3, k + 8)]) == []


def test_a_wording_keeps_its_value_only_when_it_holds_anywhere():
    memory = value_memory([("trois ans", "P3Y"), ("désormais", "FUTURE_REF"), ("hier", "2024-05-01"),
                           ("Trois  ans", "P3Y")])
    assert memory == {"trois ans": "P3Y", "désormais": "FUTURE_REF"}
