"""The events error budget on dev, actor by actor (issue 13): where each gold event is lost.

    .venv/bin/python bench/events_actors.py [--list CELL ...] [--outside tests/data/extra_events/events_heldout4.jsonl]

Body given, dev only (tune on dev); ``--outside`` reads an outside dev batch instead (its pages in
``--pages-dir``), a site-grouped fold of its own. Never give it a held-out judge's gold. Each gold event (fact and intent, as the record keeps) of an
annotated sentence falls in one cell, judged against the events coded in its sentence:

- ``found``: matched as ``bench/events_real.py`` matches it;
- ``a-none``: no predicted event in its sentence (``a-none+cand``: a candidate of its type was there
  but gave no event because the rules named no source);
- ``a-other-type``: events in the sentence, none of its type;
- ``b-no-source``: an event of its type with no source;
- ``c-wrong-source``: events of its type, none with its source;
- ``d-target``: its type and source, a wrong or missing target;

and each predicted event of a sentence with no gold event is ``spurious``. For the actor cells the
table also says whether the gold actor was among the candidates the actor ranker reads
(``veille.events.ranker.candidate_rows``: the ceiling of a chooser over them). Counts and the
number of sites per cell; ``--list`` prints page:line, trigger words and rules (no page text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from tools.real_pages import actor_examples as ax  # noqa: E402


def outside_gold(gold_path: Path, pages_dir: Path) -> tuple[dict, dict[str, str], dict]:
    """An outside events batch (``bench/extra_events.py``'s files) as a fold of its own: the pages
    parsed body given, the annotated sentences with their trigger words, page -> site."""
    from extra_events import Pages, load_gold, pages_gold_for, sentences

    pages = Pages(pages_dir)
    entries, events = load_gold(pages_gold_for(gold_path), gold_path)
    gold = sentences(events, pages)
    for page, sents in gold.items():
        lines = pages.lines(page)
        for s in sents:
            s["spans"] = [lines[g["trigger"][0] - 1][g["trigger"][1]:g["trigger"][2]] for g in s["events"]]
    sources = gold_path.with_name("sources.tsv")
    sites = {}
    if sources.exists():
        for line in sources.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) > 5:
                sites[cols[0]] = cols[5]
    return ax.parse_entries(entries, lines_of=pages.lines), sites, gold


def budget(parsed: dict, show: set[str], sites: dict[str, str] | None = None,
           gold: dict | None = None) -> tuple[Counter, dict[str, set[str]], list[str]]:
    from veille.events.ranker import load_ranker

    same = ax.names().Names({}).same
    sites = ax._sites() if sites is None else sites
    gold = ax.gold_sentences("dev") if gold is None else gold
    cells: Counter = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    listing: list[str] = []

    def put(cell: str, page: str, line: str) -> None:
        cells[cell] += 1
        where[cell].add(sites.get(page, page))
        if any(cell.startswith(x) for x in show):
            listing.append(f"{cell} {page}:{line}")

    for page, item in sorted(parsed.items()):
        record: list[dict] = []
        events = ax.code(item, load_ranker(), record)
        doc = item[3]
        for s, _at, _end, preds, recs in ax.sentences_in_text(doc, events, record, gold.get(page, [])):
            line = s["start"][0]
            if not s["events"]:
                for e in preds:
                    put("spurious", page, f"{line} {e.type} «{e.trigger}» {e.rule}")
                continue
            for g, words, gt, hit in ax.gold_matches(s, preds, same):
                info = f"{line} {gt[0]} «{words}»"
                if hit is not None:
                    put("found", page, info)
                    continue
                typed = [p for p in preds if p.type in gt]
                cands = [r for r in recs if r["cand"].trigger.type in gt]
                names = {n for r in cands for n in r["names"]}
                src_in = "" if g["source"] is None else (
                    "+src-in-cands" if any(same(n, g["source"]) for n in names) else "+src-not-in-cands")
                tgt_in = "" if g.get("target") is None else (
                    "+tgt-in-cands" if any(same(n, g["target"]) for n in names) else "+tgt-not-in-cands")
                got = "; ".join(f"{p.source}→{p.target} [{p.rule}]" for p in typed[:2])
                if typed:
                    if any(same(p.source, g["source"]) for p in typed):
                        put("d-target" + tgt_in, page, f"{info} got {got}")
                    elif all(p.source is None for p in typed):
                        put("b-no-source" + src_in, page, f"{info} got {got}")
                    else:
                        put("c-wrong-source" + src_in, page, f"{info} got {got}")
                elif preds:
                    put("a-other-type", page, info)
                elif cands and all(r["want"][0] for r in cands):
                    put("a-none+cand-no-source" + src_in, page, info)
                else:
                    put("a-none", page, info)
    return cells, where, listing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", nargs="*", default=[], help="cells to list (e.g. c-wrong-source b-no-source)")
    ap.add_argument("--outside", type=Path, help="an outside dev batch's events gold instead of the corpus dev "
                    "(tests/data/extra_events/events_heldout4.jsonl; never a held-out judge)")
    ap.add_argument("--pages-dir", type=Path, default=Path("/work/extra/event_pages"))
    args = ap.parse_args()
    if args.outside:
        if not args.pages_dir.exists():
            print(f"{args.pages_dir}: no such folder, nothing scored")
            return 0
        parsed, sites, gold = outside_gold(args.outside, args.pages_dir)
        cells, where, listing = budget(parsed, set(args.list), sites, gold)
        name = args.outside.stem
    else:
        parsed = ax.parse_pages("dev")
        cells, where, listing = budget(parsed, set(args.list))
        name = "dev"
    if listing:
        print("\n".join(sorted(listing)))
    gold_n = sum(v for k, v in cells.items() if k != "spurious")
    print(f"{name}, body given: {gold_n} gold events (fact/intent), {len(parsed)} pages")
    for cell in sorted(cells):
        print(f"{cell:40} {cells[cell]:5}  sites {len(where[cell])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
