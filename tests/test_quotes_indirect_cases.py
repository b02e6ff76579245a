"""Indirect quotes on invented cases, one phenomenon of French reported speech each
(``tests/data/indirect_cases.jsonl``: the text, its named entities, and the indirect quotes expected as
(clause, speaker); issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "indirect_cases.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def test_cases_are_well_formed():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)) >= 20
    for c in CASES:
        assert c["rule"] and c["text"]
        for name, kind in c["entities"]:
            assert name in c["text"] and kind in ("PER", "ORG", "LOC")
        for clause, _ in c["indirect"]:
            # a clause split by an unmarked incise is given with the incise left out
            assert clause in c["text"].replace(c.get("incise") or "\0", "")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_indirect_case(nlp, case):
    art = Article(id=case["id"], paragraphs=[case["text"]])
    text = art.nlp_text()
    for name, kind in case["entities"]:
        i = text.index(name)
        art.entities.append(Entity(name=name, type=kind, mentions=[name], spans=[[i, i + len(name)]]))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    got = [[q.text, q.speaker] for q in art.quotes if q.kind == "indirect"]
    assert got == case["indirect"], case["rule"]
