"""Entities, quotes with speakers and quantities (issue 16) on held-out pages kept outside the corpus.

    python bench/extra_who.py [--pages-dir /work/extra/who_pages] [--part heldout3 | --gold FILE]
                              [--pages-gold FILE] [--body] [--json] [--keep DIR] [--explain]
    python bench/extra_who.py --check      # the gold against the pages: ranges, digests, spans

``--part NAME`` scores ``tests/data/extra_who/who_NAME.jsonl`` (``heldout3``, the default, or
``heldout5``, ``heldout6``); ``--gold`` names any other who gold file.

The pages (``y0001.txt`` …, copyrighted) stay in ``--pages-dir``; ``tests/data/extra_who`` holds their
sources and gold (positions and labels only): the who gold (``who_*.jsonl``, the format of
``tests/data/real_pages/who_dev.jsonl``) and the page gold with title, date and body lines
(``--pages-gold``, by default the ``gold_*.jsonl`` beside it). The gold is turned into the shared gold
format by ``tools/real_pages/materialize.py`` reading these pages instead of ``../shared`` and scored by
``../shared/eval/score.py``, as ``bench/real_eval.py who`` scores the corpus; ``--body`` hands the gold
title, body and date over. Exits 0 with a note when the folder is absent (CI has no such folder).
Held-out gold: score it only when its brief says so, and read only the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from extra_common import Pages, checked, extracted, no_scorer, pages_at, readable  # noqa: E402
from real_eval import MEASURES, _cell  # noqa: E402
from tools.real_pages.gold import load  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

DEFAULT_PAGES = Path("/work/extra/who_pages")
DATA = ROOT / "tests" / "data" / "extra_who"
PARTS = ("heldout3", "heldout5", "heldout6")
DEFAULT_PART = "heldout3"
DEFAULT_GOLD = DATA / f"who_{DEFAULT_PART}.jsonl"


def who_gold_for(part: str) -> Path:
    """The who gold of a held-out part kept in ``tests/data/extra_who``."""
    return DATA / f"who_{part}.jsonl"


def pages_gold_for(who_gold: Path) -> Path:
    """``who_NAME.jsonl`` -> ``gold_NAME.jsonl`` beside it."""
    return who_gold.with_name("gold_" + who_gold.name.removeprefix("who_"))


def entries_with_who(pages_gold: Path, who_gold: Path) -> tuple[list[dict], dict[str, dict]]:
    """The page-gold entries that have who gold, and the who gold by page."""
    who = {e["page"]: e for e in load(who_gold)}
    pages = {e["page"]: e for e in load(pages_gold)}
    return [pages[p] for p in who if p in pages], who


def _span_ok(lines: list[str], start: list[int], end: list[int]) -> bool:
    (l1, c1), (l2, c2) = start, end
    return (1 <= l1 <= l2 <= len(lines) and 0 <= c1 <= len(lines[l1 - 1]) and 0 <= c2 <= len(lines[l2 - 1])
            and (l1, c1) < (l2, c2))


def check(entries: list[dict], who: dict[str, dict], pages: Pages) -> list[str]:
    """Problems of the gold against the pages (empty when all is well)."""
    out: list[str] = []
    for entry, lines in readable(entries, pages, out):
        page = entry["page"]
        w = who[page]
        spans = [(q["start"], q["end"]) for q in w.get("quotes", [])]
        spans += [(q["start"], q["end"]) for q in w.get("quantities", [])]
        spans += [([m[0], m[1]], [m[0], m[2]]) for e in w.get("entities", []) for m in e.get("mentions", [])]
        bad = [s for s in spans if not _span_ok(lines, *s)]
        if bad:
            out.append(f"{page}: {len(bad)} spans outside the page")
    return out


def run(entries: list[dict], who: dict[str, dict], pages: Pages, body: bool, keep: Path | None = None,
        explain: bool = False) -> dict | None:
    """Veille on the pages (or their gold body), scored by the shared scorer; ``None`` if nothing ran."""
    if not entries:
        return None
    scorer = shared_scorer()
    with extracted(entries, pages, body, explain=explain, who=who) as (gold_dir, pred):
        if pred is None:
            return None
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / "who-extra.jsonl").write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
        result = scorer.score(gold_dir, pred)
    result["pages"] = len(entries)
    return result


def counts(entries: list[dict], who: dict[str, dict]) -> dict:
    """How much gold there is: pages, entities, scored and optional quotes by kind, quantities."""
    out = {"pages": len(entries), "entities": 0, "direct": 0, "indirect": 0, "optional_quotes": 0, "quantities": 0}
    for entry in entries:
        w = who[entry["page"]]
        out["entities"] += sum(1 for e in w.get("entities", []) if not e.get("optional"))
        for q in w.get("quotes", []):
            if q.get("optional"):
                out["optional_quotes"] += 1
            else:
                out[q.get("kind", "direct")] += 1
        out["quantities"] += sum(1 for q in w.get("quantities", []) if not q.get("optional"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages-dir", type=Path, default=DEFAULT_PAGES)
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--part", choices=PARTS, help=f"a held-out part of tests/data/extra_who (default {DEFAULT_PART})")
    which.add_argument("--gold", type=Path, help="who gold (entities, quotes, quantities)")
    ap.add_argument("--pages-gold", type=Path, help="title/date/body gold (default: gold_*.jsonl beside --gold)")
    ap.add_argument("--body", action="store_true", help="hand over the gold title, body and date")
    ap.add_argument("--check", action="store_true", help="check the gold against the pages, score nothing")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the predictions in this folder (outside the repo)")
    ap.add_argument("--explain", action="store_true", help="record each quote's speaker rule")
    args = ap.parse_args(argv)
    if args.gold is None:
        args.gold = who_gold_for(args.part or DEFAULT_PART)
    pages = pages_at(args.pages_dir)
    if pages is None:
        return 0
    entries, who = entries_with_who(args.pages_gold or pages_gold_for(args.gold), args.gold)
    if args.check:
        return checked(check(entries, who, pages), f"{len(entries)} pages")
    if no_scorer():
        return 1
    result = run(entries, who, pages, args.body, args.keep, args.explain)
    if args.json:
        print(json.dumps({"result": result, "gold": counts(entries, who)}, ensure_ascii=False))
        return 0
    mode = "body given" if args.body else "pages as given"
    print(f"extra who pages ({args.pages_dir}, {args.gold.name}), {mode}: {counts(entries, who)}")
    for measure in MEASURES["who"]:
        print(f"{measure:20} {_cell((result or {}).get(measure))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
