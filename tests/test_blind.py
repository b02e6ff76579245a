"""The blind set (tests/data/blind) is well formed: gold self-consistency only, never pipeline scores.

The blind set is a measurement, not a target: `bench/blind_eval.py` prints how the pipeline does on
it, and no test here runs the pipeline or keeps floors, so nobody is pushed to tune rules against
these articles. What is checked is that the hand gold can be scored at all: one gold file per
article, valid JSON in the shared gold format, every speaker and event actor an annotated entity,
every annotated span present in the article's text.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "tests" / "data" / "blind"
CORPUS = BLIND / "corpus"
GOLD = BLIND / "gold"

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _norm(text: str) -> str:
    """The scorer's comparison form (NFKC, lower case, one apostrophe, one quotation mark, spaces)."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[«»“”„\"]", '"', text)
    return re.sub(r"\s+", " ", text).strip()


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _golds() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def _body(gold: dict[str, Any]) -> str:
    return _norm(gold["title"] + "\n\n" + "\n\n".join(gold["paragraphs"]))


def _raw_text(path: Path) -> str:
    """The article file as plain text: tags dropped, entities and JSON escapes decoded."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        raw = " ".join(" ".join(str(v) for v in json.loads(line).values())
                       for line in raw.splitlines() if line.strip())
    raw = re.sub(r"<!\[CDATA\[|\]\]>", " ", raw)
    return _norm(html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def test_every_article_has_one_gold_file_and_back() -> None:
    articles = {p.stem for p in CORPUS.iterdir() if p.is_file()}
    golds = {p.stem for p in _golds()}
    assert len(articles) == 10
    assert articles == golds


@pytest.mark.parametrize("path", _golds(), ids=lambda p: p.stem)
def test_gold_file_is_valid_and_self_consistent(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert Path(gold["source"]["path"]).stem == path.stem
    assert (CORPUS / Path(gold["source"]["path"]).name).is_file()
    # JSONL and RSS files hold exactly one record: the scorer pairs predictions by file stem
    source = CORPUS / Path(gold["source"]["path"]).name
    if source.suffix == ".jsonl":
        assert len([ln for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip()]) == 1
    if source.suffix == ".xml":
        assert source.read_text(encoding="utf-8").count("<item>") == 1
    for key in ("title", "published", "dateline", "language", "paragraphs", "boilerplate", "foreign",
                "entities", "quotes", "times", "quantities", "events"):
        assert key in gold, key
    assert gold["published"] is None or DATE.match(gold["published"])
    if gold["dateline"] is not None:
        assert set(gold["dateline"]) == {"place", "date", "agency"}
        assert gold["dateline"]["date"] is None or DATE.match(gold["dateline"]["date"])

    body, raw = _body(gold), _raw_text(source)
    for para in [gold["title"], *gold["paragraphs"]]:
        assert _norm(para) in raw, (path.name, para[:60])

    known: set[str] = set()
    for ent in gold["entities"]:
        assert ent["type"] in {"PER", "ORG", "LOC"}, ent
        known |= {ent["name"], *ent.get("aliases", [])}
        for mention in ent["mentions"]:
            assert _norm(mention) in body, (path.name, mention)
    for quote in gold["quotes"]:
        assert quote["kind"] in {"direct", "indirect"}
        # a quote running over two paragraphs is annotated without the reopening mark
        flat = re.sub(r'[" ]', "", _norm(quote["text"]))
        assert flat in re.sub(r'[" ]', "", body), (path.name, quote["text"][:60])
        speakers = _as_list(quote["speaker"])
        assert None in speakers or any(s in known for s in speakers), (path.name, quote["text"][:60])
    for foreign in gold["foreign"]:
        assert _norm(foreign["text"]) in body and len(foreign["language"]) == 2
    for time in gold["times"]:
        assert _norm(time["text"]) in body, (path.name, time["text"])
        for value in [time["value"], *time.get("accept", [])]:
            assert value is None or DATE.match(value), time
    for qty in gold["quantities"]:
        assert _norm(qty["text"]) in body, (path.name, qty["text"])
        assert isinstance(qty["value"], (int, float)) and qty["unit"]
    for event in gold["events"]:
        assert set(_as_list(event["type"])) <= PLOVER, event["type"]
        assert _norm(event["text"]) in body, (path.name, event["text"][:60])
        assert event["date"] is None or DATE.match(event["date"])
        for role in ("source", "target"):
            names = _as_list(event[role])
            assert None in names or any(n in known for n in names), (path.name, role, event["text"][:60])
        for qty in event["quantities"]:
            assert any(q["text"] == qty["text"] and q["value"] == qty["value"] for q in gold["quantities"]), qty


def test_the_blind_set_is_not_a_tuning_target() -> None:
    """No test in the suite runs the pipeline against the blind gold (measurement only)."""
    readme = (BLIND / "README.md").read_text(encoding="utf-8")
    assert "measurement" in readme.lower()
    for test in (ROOT / "tests").glob("test_*.py"):
        if test.name == Path(__file__).name:
            continue
        assert "data/blind" not in test.read_text(encoding="utf-8").replace("\\", "/"), test.name
