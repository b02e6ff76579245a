"""veille.events.stage: the stage in a pipeline context (KB from ctx.kb(), explain, DEBUG log)."""

from __future__ import annotations

import json
import logging

import pytest

from veille.events import EventStage
from veille.model import Article, Entity
from veille.pipeline import Context
from veille.settings import Settings

TEXT = "La Moldavie a livré des obus à la Géorgie. La Géorgie a remercié la Moldavie."


def _article(nlp) -> tuple[Article, object]:
    art = Article(id="ev-stage", paragraphs=[TEXT])
    text = art.nlp_text()
    for name in ("Moldavie", "Géorgie"):
        spans, pos = [], text.find(name)
        while pos != -1:
            spans.append([pos, pos + len(name)])
            pos = text.find(name, pos + 1)
        art.entities.append(Entity(name=name, type="LOC", spans=spans))
    return art, nlp(text)


@pytest.fixture(scope="module")
def stages():
    return EventStage(Context()), EventStage(Context(settings=Settings(explain=True)))


def test_explain_gives_every_event_its_rules_and_changes_nothing_else(nlp, stages):
    plain, explained = stages
    art_plain, doc = _article(nlp)
    plain(art_plain, doc, None)
    art_explained, doc = _article(nlp)
    explained(art_explained, doc, None)
    assert art_plain.events, "the sentence must give an event"
    assert all(e.rule is None for e in art_plain.events)
    assert all(e.rule and e.rule.startswith("type=") and " source=" in e.rule and " target=" in e.rule
               for e in art_explained.events)
    plain_records = art_plain.to_dict()["events"]
    assert all("rule" not in r for r in plain_records)
    stripped = [{k: v for k, v in r.items() if k != "rule"} for r in art_explained.to_dict()["events"]]
    assert json.dumps(stripped, ensure_ascii=False) == json.dumps(plain_records, ensure_ascii=False)


def test_every_event_logs_its_rules_at_debug(nlp, stages, caplog):
    plain, _ = stages
    art, doc = _article(nlp)
    with caplog.at_level(logging.DEBUG, logger="veille.events"):
        plain(art, doc, None)
    lines = [r.getMessage() for r in caplog.records if r.name == "veille.events" and "type=" in r.getMessage()]
    assert len(lines) == len(art.events) >= 1
    assert "source=subject" in lines[0]


def test_the_kb_comes_from_the_context_settings(tmp_path):
    entry = {"id": "org:alliance-test", "name": "Alliance du Nord", "type": "ORG", "aliases": [], "source": "test"}
    (tmp_path / "kb.jsonl").write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    stage = EventStage(Context(settings=Settings(kb_dirs=[str(tmp_path)])))
    assert set(stage.kb.entries) == {"org:alliance-test"}
