"""veille.events.review: the reviewer of rule events (closed features; invented sentences)."""

from __future__ import annotations

import numpy as np

from events_support import build
from veille.events import RECORDED_MODES
from veille.events.coder import Coder
from veille.events.review import Reviewer, features, load_reviewer

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"], ["Lina Varga", "PER"]]


class Keep:
    """Stands for the reviewer: keeps everything, remembers the features."""

    rows: list = []

    def review(self, view, events):
        Keep.rows = features(view, events)
        return events


def _coded(nlp, lex, text, reviewer):
    art, doc = build({"text": text, "entities": ENTITIES, "published": "2024-03-02"}, nlp)
    coder = Coder(lex, art, doc, modes=RECORDED_MODES, explain=True)
    coder.reviewer = reviewer
    return coder.run()


def test_features_are_closed_and_read_the_clause(nlp, lex):
    events = _coded(nlp, lex, "Lina Varga a dénoncé la Géorgie, qui avait attaqué la Moldavie.", Keep())
    assert {e.type for e in events} >= {"ACCUSE"}
    row = Keep.rows[[e.type for e in events].index("ACCUSE")]
    assert row["type=ACCUSE"] == 1.0 and row["lemma=dénoncer"] == 1.0 and row["tense=past"] == 1.0
    assert row["srckind=PER"] == 1.0 and row["quote"] == 0.0
    # No word of the sentence but the trigger's lemma is a feature.
    assert not [k for k in row if "Géorgie" in k or "Varga" in k]


def test_a_reviewer_drops_under_its_threshold_and_says_what_kept(nlp, lex):
    vocab = ["type=ACCUSE"]
    drop_accusations = Reviewer(vocab, np.array([-10.0]), 0.0, 0.5)
    text = "Lina Varga a dénoncé la Géorgie."
    assert _coded(nlp, lex, text, drop_accusations) == []
    keep_all = Reviewer(vocab, np.array([10.0]), 0.0, 0.5)
    kept = _coded(nlp, lex, text, keep_all)
    assert kept and kept[0].rule.endswith("review=1.00")


def test_no_reviewer_ships_today():
    # Out of site its drops were right as often as the events it kept (bench/events_decide.py).
    assert load_reviewer() is None
