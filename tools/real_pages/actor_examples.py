"""Training rows of the actor ranker (``veille.events.ranker``) from the real-sentence events gold,
and its grouped cross-validation by site (``veille train actors --folds K``).

The pages are parsed once (body given, as ``bench/real_eval.py events --body``); the coder is then
re-run per fold on the parsed articles, cheaply. Each coder candidate whose words overlap a gold
trigger is labelled with that event's source and target (names compared as the shared scorer
compares them); a candidate on no gold trigger of an annotated sentence is a negative for both roles.
Only positions, features and labels leave this module: no text of the pages.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from .gold import GOLD_DIR, load, load_events, pages_part, split
from .gold import sites as _sites
from .materialize import body_inputs, event_sentences, shared_scorer
from .view import view_lines

RECORDED = {"fact", "intent"}


def names() -> Any:
    return shared_scorer()


def gold_sentences(part: str) -> dict[str, list[dict]]:
    if pages_part(part) != "dev":
        raise ValueError("the actor ranker trains and is cross-validated on dev only")
    out = event_sentences(part)
    for page, sents in out.items():
        lines = view_lines(page)
        for s in sents:
            s["spans"] = [lines[g["trigger"][0] - 1][g["trigger"][1]:g["trigger"][2]] for g in s["events"]]
    return out


def parse_pages(part: str = "dev") -> dict[str, tuple]:
    """Page -> (lexicon, kb, article, doc) after the whole pipeline, body given."""
    pages = set(gold_sentences(part))
    return parse_entries([e for e in load(GOLD_DIR / f"gold_{pages_part(part)}.jsonl") if e["page"] in pages])


def parse_entries(entries: list[dict], lines_of: Callable[[str], list[str]] = view_lines) -> dict[str, tuple]:
    """Page -> (lexicon, kb, article, doc) for any page gold entries, body given (``lines_of``: where
    the pages' lines come from when they are not the corpus's)."""
    import veille.events.stage as event_stage
    from veille.events.coder import Coder
    from veille.pipeline import Pipeline

    parsed: dict[str, tuple] = {}

    class Keeping(Coder):
        def run(self):  # noqa: ANN202
            parsed[Path(self.article.source.path or "").stem] = (self.lex, self.kb, self.article, self.doc)
            return super().run()

    original = event_stage.Coder
    event_stage.Coder = Keeping  # type: ignore[misc]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            body_inputs(entries, Path(tmp), lines_of=lines_of)
            pipe = Pipeline(settings={"explain": True})
            for _ in pipe.extract(sorted(str(p) for p in Path(tmp).iterdir())):
                pass
    finally:
        event_stage.Coder = original  # type: ignore[misc]
    return parsed


def code(parsed: tuple, ranker: Any, record: list | None = None) -> list:
    """The events of one parsed page with a given ranker (None: the rules alone)."""
    from veille.events import ranker as ranker_module
    from veille.events.coder import Coder

    lex, kb, article, doc = parsed
    doc.user_data.clear()  # the rules' per-Doc caches
    ranker_module.RECORDER = record
    try:
        coder = Coder(lex, article, doc, kb=kb, explain=True)
        coder.ranker = ranker
        return coder.run()
    finally:
        ranker_module.RECORDER = None


def coded_pages(parsed: dict[str, tuple], ranker: Any,
                before: Callable[[], None] | None = None) -> Iterator[tuple[str, tuple, list, list]]:
    """Each parsed page in page order coded with ``ranker`` (``code``), as (page, parsed item, events,
    the coder's record), for the pages whose coder recorded anything; ``before`` runs before each
    page is coded (a census clearing its own per-page answers)."""
    for page, item in sorted(parsed.items()):
        record: list[dict] = []
        if before is not None:
            before()
        events = code(item, ranker, record)
        if record:
            yield page, item, events, record


def examples(parsed: dict[str, tuple], same: Callable[[Any, Any], bool], part: str = "dev") -> list[dict]:
    """One row group per coder candidate in an annotated sentence of the ``part`` gold: names,
    features, labels, site."""
    sites = _sites()
    gold = gold_sentences(part)
    out = []
    for page, item in sorted(parsed.items()):
        record: list[dict] = []
        code(item, None, record)
        doc = item[3]
        spans = []  # (start, end, gold event) of every gold trigger; (start, end, None) for sentences
        for s in gold.get(page, []):
            at = doc.text.find(s["text"])
            if at < 0:
                continue
            spans.append((at, at + len(s["text"]), None))
            for g, words in zip(s["events"], s["spans"], strict=True):
                pos = doc.text.find(words, at) if words else -1
                if pos >= 0:
                    spans.append((pos, pos + len(words), g))
        for rec in record:
            chars = [doc[i].idx for i in rec["cand"].tokens]
            inside = [sp for sp in spans if any(sp[0] <= c < sp[1] for c in chars)]
            if not inside:
                continue  # a sentence nobody annotated
            events = [g for _, _, g in inside if g is not None]
            typed = [g for g in events if rec["cand"].trigger.type in (g["type"] if isinstance(g["type"], list) else [g["type"]])]
            g = (typed or events or [None])[0]
            n = len(rec["names"])
            labels, mask = np.zeros((n, 2)), np.ones((n, 2))
            if g is not None:
                labels[:, 0] = [same(name, g["source"]) if g["source"] is not None else False for name in rec["names"]]
                if g.get("target") is None:
                    mask[:, 1] = 0
                else:
                    labels[:, 1] = [same(name, g["target"]) for name in rec["names"]]
            out.append({"page": page, "site": sites.get(page, page), "rows": rec["rows"], "labels": labels,
                        "mask": mask})
    return out


def stack(groups: list[dict]) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
    rows = [r for g in groups for r in g["rows"]]
    if not rows:
        return [], np.zeros((0, 2)), np.zeros((0, 2))
    return rows, np.concatenate([g["labels"] for g in groups]), np.concatenate([g["mask"] for g in groups])


def folds(groups: list[dict], k: int) -> list[set[str]]:
    """Sites dealt round-robin into k folds, largest first (deterministic)."""
    size: dict[str, int] = {}
    for g in groups:
        size[g["site"]] = size.get(g["site"], 0) + 1
    out: list[set[str]] = [set() for _ in range(k)]
    load_: list[int] = [0] * k
    for site in sorted(size, key=lambda s: (-size[s], s)):
        j = load_.index(min(load_))
        out[j].add(site)
        load_[j] += size[site]
    return out


def records(parsed: dict[str, tuple], rankers: dict[str, Any]) -> list[dict]:
    """Extract-like records of the pages, each coded with its own ranker (page -> ranker)."""
    out = []
    for page, item in sorted(parsed.items()):
        events = code(item, rankers.get(page))
        out.append({"source": {"path": f"{page}.json"}, "events": [dataclasses.asdict(e) for e in events]})
    return out


def write_records(recs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


def batch_pages(parsed: dict[str, tuple], part: str = "dev+fresh") -> dict[str, set[str]]:
    """Annotation batch (annotator) -> its pages among ``parsed``, from the ``part`` events gold."""
    out: dict[str, set[str]] = {}
    for row in load_events(part):
        if row["page"] in parsed:
            out.setdefault(row.get("annotator") or "-", set()).add(row["page"])
    return out


def page_sites() -> dict[str, str]:
    return {p: s for p, s in _sites().items() if split().get(p) == "dev"}


def sentences_in_text(doc: Any, events: list, record: list[dict], rows: list[dict]):
    """Each gold sentence row of a page found in its parsed text, with the events coded inside it and
    the ranker's records of triggers inside it: (row, start, end, events, records)."""
    for s in rows:
        at = doc.text.find(s["text"])
        if at < 0:
            continue
        end = at + len(s["text"])
        yield (s, at, end, [e for e in events if e.start is not None and at <= e.start < end],
               [r for r in record if at <= doc[r["head"]].idx < end])


def gold_matches(row: dict, preds: list, same: Callable[[Any, Any], bool]) -> Iterator[tuple[dict, str, list[str], int | None]]:
    """Each recorded gold event (fact or intent) of one gold sentence row, in order, with its trigger
    words, its types and the index in ``preds`` of the coded event that matches it, or None: the
    first not yet matched of one of its types, with its source and (when the gold names one) its
    target, as ``bench/events_real.py`` matches them (``bench/events_actors.py`` and
    ``bench/events_actor_mechanisms.py`` read their losses off this)."""
    used: set[int] = set()
    for g, words in zip(row["events"], row["spans"], strict=True):
        if g.get("mode") not in RECORDED:
            continue
        types = g["type"] if isinstance(g["type"], list) else [g["type"]]
        hit = next((k for k, p in enumerate(preds) if k not in used and p.type in types
                    and same(p.source, g["source"])
                    and (g.get("target") is None or same(p.target, g["target"]))), None)
        if hit is not None:
            used.add(hit)
        yield g, words, types, hit
