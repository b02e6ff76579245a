"""Events, source and target accuracy per annotation batch (issue 13): of the gold events (fact or
intent) for which the coder gave an event of the gold's type in the same sentence, how often its
source and its target are the gold's. The F1 of ``bench/events_real.py`` mixes trigger recall and
actors; this reads the actors alone.

    .venv/bin/python bench/events_roles.py --pred DIR [--parts dev,fresh,fresh4,fresh5]

``--pred DIR``: the predictions ``bench/events_real.py --pred DIR --part P`` kept
(``events-<part>.jsonl``; written by it when missing). Each gold event is paired with one prediction
of its type in its sentence (one not paired yet, the one with the most right roles first); ``source``
is right when the scorer's name comparison says so (a null gold source wants a null one), ``target``
when the gold target is null or matches, ``both`` when both are. Dev batches only (never test, fresh2
or fresh3: their pages are held out). Aggregates only, no page text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events_real import RECORDED, _as_list, events_by_sentence, gold_sentences, predictions  # noqa: E402
from real_eval import _scorer, page_filter  # noqa: E402
from tools.real_pages.gold import load_events  # noqa: E402

READABLE = ("dev", "fresh", "fresh4", "fresh5", "dev+fresh")


def pair_roles(golds: list[dict], preds: list[dict], same) -> list[tuple[bool, bool]]:  # noqa: ANN001
    """(source right, target right) for each recorded gold event paired with a prediction of its type."""
    out = []
    free = set(range(len(preds)))

    def roles(g: dict, p: dict) -> tuple[bool, bool]:
        return (bool(same(p.get("source"), g["source"])),
                g.get("target") is None or bool(same(p.get("target"), g["target"])))

    for g in golds:
        if g.get("mode") not in RECORDED:
            continue
        typed = [i for i in sorted(free) if preds[i].get("type") in _as_list(g["type"])]
        if not typed:
            continue
        best = max(typed, key=lambda i: sum(roles(g, preds[i])))
        free.discard(best)
        out.append(roles(g, preds[best]))
    return out


def tally(part: str, pred: Path, only: set[str] | None) -> Counter:
    scorer = _scorer()
    same = scorer.Names({}).same
    records = {Path(r["source"]["path"]).stem: r for r in map(_json, pred.read_text(encoding="utf-8").splitlines()) if r}
    c: Counter = Counter()
    for page, sents in gold_sentences(part).items():
        if only is not None and page not in only:
            continue
        by_sent = events_by_sentence((records.get(page) or {}).get("events", []), sents, scorer.tokens)
        for i, s in enumerate(sents):
            for src, tgt in pair_roles(s["events"], by_sent.get(i, []), same):
                c["pairs"] += 1
                c["source"] += src
                c["target"] += tgt
                c["both"] += src and tgt
    return c


def _json(line: str) -> dict | None:
    import json

    return json.loads(line) if line.strip() else None


def line(label: str, c: Counter) -> str:
    n = c["pairs"]
    acc = lambda k: f"{c[k] / n:.3f} ({c[k]}/{n})" if n else "—"  # noqa: E731
    return f"{label}: source {acc('source')}, target {acc('target')}, both {acc('both')}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", type=Path, required=True, help="folder of kept predictions (written when missing)")
    ap.add_argument("--parts", default="dev,fresh,fresh4,fresh5")
    args = ap.parse_args()
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing counted")
        return 0
    args.pred.mkdir(parents=True, exist_ok=True)
    total: Counter = Counter()
    for part in args.parts.split(","):
        if part not in READABLE:
            raise SystemExit(f"{part}: not a readable dev batch ({', '.join(READABLE)})")
        path = predictions(part, False, args.pred)
        if path is None:
            continue
        whole = tally(part, path, None)
        total += whole
        print(line(part, whole))
        for name in sorted({e.get("annotator") or "-" for e in load_events(part)}):
            print("  " + line(name, tally(part, path, page_filter("events", part, None, name))))
    print(line("all", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
