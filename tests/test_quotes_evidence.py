"""veille.quotes.evidence: where each person is named in an article (title, lede, how often, as the
subject of a speech verb), read once for the speaker scorer."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.evidence import article_evidence
from veille.quotes.stage import collect_quotes


def test_evidence_of_an_invented_portrait(nlp) -> None:
    paras = ["Soizic Marrec a ouvert sa librairie à Quelmer il y a dix ans.",
             "« Les lecteurs reviennent chaque samedi avec leurs enfants », raconte Soizic Marrec.",
             "Le maire, Corentin Abgrall, a promis une aide. Soizic Marrec attend toujours.",
             "« Nous verrons bien », dit-elle."]
    state = quote_state(nlp, paras, {"Soizic Marrec": "PER", "Corentin Abgrall": "PER", "Quelmer": "LOC"},
                        title="Soizic Marrec, libraire à Quelmer")
    quotes = collect_quotes(state)  # (finds the speech verbs the evidence reads)
    assert [q.speaker for q in quotes] == ["Soizic Marrec", "Soizic Marrec"]
    ev = article_evidence(state)
    assert ev.counts == {"Soizic Marrec": 4, "Corentin Abgrall": 1}  # places are not counted
    assert ev.in_title == {"Soizic Marrec"} and ev.in_lede == {"Soizic Marrec"}
    assert ev.top == ["Soizic Marrec"]  # named at least twice
    assert "Corentin Abgrall" in ev.speech_subject  # "Corentin Abgrall a promis"
    assert ev.para_starts == [s for s, _ in state.segs]
    assert ev.para(state.text.index("Le maire")) == 2 and ev.mpara[0] == -1  # the title's mention
    assert article_evidence(state) is ev  # built once
