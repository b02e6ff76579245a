"""Turns the real-page gold (line positions and labels) into the shared gold format, in a temporary
folder, by reading the pages from ``../shared``: the project never stores the text itself.

``materialize(entries, out_dir, who=…, events=…)`` writes ``wNNNN.json`` gold files that
``shared/eval/score.py`` scores; ``body_inputs(entries, out_dir)`` writes one JSON record a page
(title, text, date) so a stage can be measured with the body handed over, as the sealed set's
"body given" column is. Both read the corpus view unless ``lines_of`` (page id -> view lines) says
where the pages are, as for held-out pages kept outside ``../shared`` (``bench/extra_who.py``).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from veille.clean.dump import wrap_width
from veille.clean.joins import paragraphs_of

from .gold import GOLD_DIR, body_lines, load_events, title_text
from .view import view_lines

SCORER = GOLD_DIR.parents[2].parent / "shared" / "eval" / "score.py"


def shared_scorer() -> ModuleType:
    """``../shared/eval/score.py`` loaded as a module (its name comparison and matching)."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def event_sentences(part: str) -> dict[str, list[dict]]:
    """Page id -> annotated event sentences (start, end, events) with their text read from ../shared;
    ``part`` is dev, test or a dev batch of its own file (``gold.EVENT_FILES``)."""
    out: dict[str, list[dict]] = {}
    for s in load_events(part):
        out.setdefault(s["page"], []).append(s)
    for page, sents in out.items():
        lines = view_lines(page)
        for s in sents:
            s["text"] = span_text(lines, s["start"], s["end"])
    return out


def span_text(lines: list[str], start: list[int], end: list[int]) -> str:
    """Text between [line, col] and [line, col) of the view, lines joined by spaces."""
    (l1, c1), (l2, c2) = start, end
    if l1 == l2:
        return lines[l1 - 1][c1:c2].strip()
    parts = [lines[l1 - 1][c1:]] + [lines[i - 1] for i in range(l1 + 1, l2)] + [lines[l2 - 1][:c2]]
    return " ".join(p.strip() for p in parts if p.strip())


def paragraphs(entry: dict, lines: list[str]) -> list[str]:
    """Body lines regrouped into paragraphs: a dump's hard-wrapped lines are joined until a blank
    line or a range break, so the text reads as the page does; a line the layout sets apart (a
    subheading or a kicker above its text, an HTML view's block under one that ends on no mark:
    ``veille.clean.joins``) opens a paragraph of its own."""
    out: list[str] = []
    skip = set(entry.get("exclude") or [])
    width = wrap_width(lines)
    for a, b in entry.get("body") or []:
        block = ["" if i in skip else lines[i - 1] for i in range(a, b + 1)]
        out.extend(paragraphs_of(block, width))
    return out


def _names(items: list[dict]) -> list[dict]:
    return [{"name": e["name"], "type": e["type"], "aliases": e.get("aliases", []),
             **({"optional": True} if e.get("optional") else {})} for e in items]


def quantities(items: list[dict], lines: list[str]) -> list[dict]:
    """Gold quantities with their text read from the view. The same text and value printed twice
    (title, then body) is one entry, as Veille records one quantity with every occurrence; an entry
    that is required anywhere stays required."""
    out: dict[tuple, dict] = {}
    for q in items:
        text = span_text(lines, q["start"], q["end"])
        key = (" ".join(text.lower().split()), float(q["value"]))
        item = {"text": text, "value": q["value"], **({"unit": q["unit"]} if q.get("unit") else {}),
                **({"optional": True} if q.get("optional") else {})}
        if key not in out or out[key].get("optional") and not item.get("optional"):
            out[key] = item
    return list(out.values())


def materialize(entries: list[dict], out_dir: Path, who: dict[str, dict] | None = None,
                events: dict[str, list[dict]] | None = None, times: dict[str, dict] | None = None,
                lines_of: Callable[[str], list[str]] = view_lines) -> list[str]:
    """Gold files for the pages of ``entries`` (title/published/body), with entities, quotes and
    quantities from ``who`` (page -> who entry), events from ``events`` (page -> sentence entries)
    and times from ``times`` (page -> times entry, see ``times.py``) when given.
    Returns the page ids written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in entries:
        if entry.get("article") is False:
            continue
        page = entry["page"]
        lines = lines_of(page)
        gold: dict = {"title": title_text(entry, lines), "published": entry.get("published"),
                      "published_accept": entry.get("published_accept", []),
                      "paragraphs": paragraphs(entry, lines)}
        if who is not None and page in who:
            w = who[page]
            gold["entities"] = _names(w.get("entities", []))
            gold["quotes"] = [{"text": span_text(lines, q["start"], q["end"]), "kind": q.get("kind", "direct"),
                               "speaker": q.get("speaker"), **({"optional": True} if q.get("optional") else {})}
                              for q in w.get("quotes", [])]
            if "quantities" in w:
                gold["quantities"] = quantities(w["quantities"], lines)
        if events is not None and page in events:
            gold["events"] = [{**ev, "text": span_text(lines, s["start"], s["end"])}
                              for s in events[page] for ev in s.get("events", [])]
            gold["sentences"] = [span_text(lines, s["start"], s["end"]) for s in events[page]]
        if times is not None and page in times:
            from .times import shared_times

            gold["times"] = shared_times(times[page].get("times", []), lines)
        (out_dir / f"{page}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        written.append(page)
    return written


def body_inputs(entries: list[dict], out_dir: Path, lines_of: Callable[[str], list[str]] = view_lines) -> None:
    """One ``wNNNN.json`` record a page: the gold title, body and date, for "body given" runs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        if entry.get("article") is False:
            continue
        lines = lines_of(entry["page"])
        record = {"title": title_text(entry, lines), "text": "\n\n".join(paragraphs(entry, lines)),
                  "date": entry.get("published")}
        (out_dir / f"{entry['page']}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def body_lines_of(entry: dict) -> list[str]:
    return body_lines(entry, view_lines(entry["page"]))
