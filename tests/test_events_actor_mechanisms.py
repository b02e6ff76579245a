"""The mechanisms of ``bench/events_actor_mechanisms.py`` (issue 13): each lost event's record falls
in the first mechanism that applies (records built by hand, no page read)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from events_actor_mechanisms import mechanism  # noqa: E402


def _record(**changes):
    head = {"pos": "VERB", "dep": "ROOT", "passive": False, "agent": False, "participle": False,
            "infinitive": False, "nmod": False}
    head.update(changes.pop("head", {}))
    rec = {"source": None, "targets": [], "rule": "subject", "gold_source": "Parti vert", "gold_target": None,
           "source_ok": False, "target_ok": True, "twin_sources": False, "twin_targets": False,
           "source_capital": False, "typed_preds": [], "subjects": [], "head": head,
           "target_in_oblique": False}
    rec.update(changes)
    return rec


def _subject(pos="NOUN", lemma="ministre", demonym=False, entity=False):
    return {"pos": pos, "lemma": lemma, "lower": lemma, "demonym": demonym, "entity": entity}


def test_a_null_gold_source_the_coder_names_or_drops():
    assert mechanism(_record(gold_source=None, source="Paul Durand")) == "gold-null-named"
    # "Des manifestations ont eu lieu samedi.": nobody named, the coder dropped it
    assert mechanism(_record(gold_source=None, source_ok=True)) == "gold-null-dropped"
    assert mechanism(_record(gold_source=None, source_ok=True, typed_preds=[(None, "Ostrie")])) == "right-lost-later"


def test_source_side_shapes():
    # "Paul Durand a été critiqué.": a passive without "par"
    assert mechanism(_record(head={"passive": True})) == "passive-no-par"
    # "… le ministre, qui a dénoncé …"
    assert mechanism(_record(head={"dep": "acl:relcl"}, subjects=[_subject("PRON", "qui")])) == "relative-clause"
    assert mechanism(_record(subjects=[_subject("PRON", "il")])) == "subject-pronoun"
    # "les forces valdoranes ont bombardé …"
    assert mechanism(_record(subjects=[_subject(demonym=True)])) == "demonym-adjective"
    assert mechanism(_record(subjects=[_subject()])) == "descriptor-subject"
    assert mechanism(_record(head={"pos": "NOUN"})) == "event-noun"
    # "Le Parti vert et le Parti rouge ont condamné …": the gold codes one event per doer
    assert mechanism(_record(twin_sources=True, head={"passive": True})) == "coordinated-subject"


def test_target_side_shapes():
    right = {"source": "Parti vert", "source_ok": True, "target_ok": False, "gold_target": "Ostrie"}
    assert mechanism(_record(**right, twin_targets=True)) == "coordinated-target"
    assert mechanism(_record(**right, target_in_oblique=True)) == "oblique-target"
    assert mechanism(_record(**right, head={"pos": "NOUN", "nmod": True})) == "noun-complement"
    assert mechanism(_record(**right)) == "target-elsewhere"
