"""The real-page times errors by form class and kind of error, as given and body given: counts only.

    PYTHONPATH=src .venv/bin/python bench/times_gap_kinds.py [--part dev|test|fresh|fresh2|fresh3|fresh4]
                                                             [--mode both|body|given] [--keep DIR | --reuse DIR]
                                                             [--list KIND] [--json]

The real-page counterpart of ``bench/timebank_gap_kinds.py``: one ``veille extract`` run per mode (``body``: the
gold title, body and date handed over, as ``real_eval.py times --body``; ``given``: the page as given), matched
per occurrence as ``real_eval.py``'s all-types columns (``tools.real_pages.times.match_items``). Each required
gold time and each extra prediction is put in its form class (``times_gap_shape.form_class``) and one kind:
``right``; ``missed``; ``extra`` (a prediction no gold took; the class is the prediction's); an extent error
``longer:<word class>`` / ``shorter:<word class>`` / ``shift`` (the words one extent has and the other has not,
as one word class: ``prep``, ``fused`` (a preposition fused with the article: du, des, au, aux), ``det``
(articles, demonstratives, possessives), ``prep+det``, ``num``, ``adv``
(approximations and modifiers), ``ref`` (prochain, dernier, passé …), ``time`` (a time noun or name), ``punct``,
``other``, or ``mixed``); a wrong value on a relaxed match as ``timebank_gap_kinds.value_kind`` names it (an
extent error with a wrong value counts as both, the value kind prefixed ``ext+``). Each cell gives items, pages
and sites. Only numbers are printed (``--list KIND`` prints the wordings, refused on a test part), so the test
can be measured without being read (it is still scored at most twice: it is held out). With ``--reuse`` the
overall F1 line is not recomputed (printed "—"); the cells are.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from real_eval import _gold, run_part  # noqa: E402
from timebank_gap_kinds import value_kind  # noqa: E402
from times_gap_shape import form_class  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402
from tools.real_pages.materialize import SCORER  # noqa: E402
from tools.real_pages.times import match_items, page_times  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

READABLE = ("dev", "fresh", "fresh2", "fresh3", "fresh4")
PREP = frozenset("à a de d en dans depuis pendant durant pour par sur sous vers dès jusqu jusque "
                 "avant après entre ici lors".split())
FUSED = frozenset("du des au aux".split())
DET = frozenset("le la l les un une ce cet cette ces ses son sa leur leurs notre nos votre vos mon ma mes "
                "chaque tout toute tous toutes".split())
ADV = frozenset("environ près plus moins quelque quelques presque déjà encore seulement même bien à peine "
                "dernier dernière derniers dernières prochain prochaine prochains prochaines passé passée passés "
                "passées suivant suivante précédent précédente début fin mi milieu courant".split())
PUNCT = re.compile(r"^[^\w]+$")


def _words(s: str) -> list[str]:
    return re.findall(r"\w[\w-]*|[^\w\s]", re.sub(r"[’']", " ' ", s.lower()))


def word_class(words: list[str]) -> str:
    """One word class for the words one extent has over the other."""
    words = [w for w in words if w != "'"]
    if not words:
        return "punct"
    kinds = set()
    for w in words:
        if w in PREP:
            kinds.add("prep")
        elif w in FUSED:
            kinds.add("fused")
        elif w in DET:
            kinds.add("det")
        elif w.isdigit() or re.fullmatch(r"\d+(er|e|h\d*)?", w):
            kinds.add("num")
        elif w in ADV:
            kinds.add("adv")
        elif PUNCT.match(w):
            kinds.add("punct")
        else:
            kinds.add("other")
    if len(kinds) > 1:
        kinds.discard("punct")
    if kinds <= {"prep", "det"} and len(kinds) == 2:
        return "prep+det"
    return kinds.pop() if len(kinds) == 1 else "mixed"


def extent_kind(gold_text: str, pred_text: str) -> str:
    """How a relaxed (not strict) extent differs from the gold's, by its wording."""
    g, p = " ".join(gold_text.split()), " ".join(pred_text.split())
    if g in p:
        at = p.find(g)
        return "longer:" + word_class(_words(p[:at] + " " + p[at + len(g):]))
    if p in g:
        at = g.find(p)
        return "shorter:" + word_class(_words(g[:at] + " " + g[at + len(p):]))
    return "shift"


def kinds_of(row: tuple) -> tuple[str, list[str], dict]:
    """(class, kinds, item) of one ``match_items`` row."""
    g, p, strict, ok = row
    if g is None:
        return form_class(p), ["extra"], p
    if p is None:
        return form_class(g), ["missed"], g
    out = []
    if not strict:
        out.append(extent_kind(g.get("text") or "", p.get("text") or ""))
    if not ok:
        out.append(("ext+" if not strict else "") + value_kind({**g, "type": g.get("type", "DATE")}, p))
    return form_class(g), out or ["right"], g


def census(part: str, body: bool, reuse: Path | None, keep: Path | None) -> tuple[dict, dict, list]:
    """Counts by (class, kind): items, pages and sites; the overall scores; the listed rows."""
    with tempfile.TemporaryDirectory() as tmp:
        mode = "body" if body else "given"
        folder = reuse or keep or Path(tmp)
        path = folder / f"times-{part}-{mode}.jsonl"
        overall = None
        if not reuse:
            overall = run_part("times", part, body, Path(tmp))
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text((Path(tmp) / f"times-{part}.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
        records = {Path(r["source"]["path"]).stem: r
                   for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    entries, times, _ = _gold("times", part)
    site = sites()
    cells: dict[tuple[str, str], dict] = defaultdict(lambda: {"n": 0, "pages": set(), "sites": set()})
    listed = []
    for entry in entries:
        page = entry["page"]
        text, golds, pred_text, preds = page_times(entry, times[page].get("times", []), records.get(page, {}))
        for row in match_items(text, golds, preds, pred_text):
            if row[0] is None and row[1] is None:
                continue
            cls, kinds, item = kinds_of(row)
            for kind in kinds:
                for key in ((cls, kind), ("all", kind)):
                    c = cells[key]
                    c["n"] += 1
                    c["pages"].add(page)
                    c["sites"].add(site.get(page, page))
                if kind != "right":
                    g, p = row[0], row[1]
                    listed.append((kind, cls, page, site.get(page, ""), g and (g.get("text"), g.get("type"), g.get("value")),
                                   p and (p.get("text"), p.get("type"), p.get("value"))))
    table = {f"{c}\t{k}": {"n": v["n"], "pages": len(v["pages"]), "sites": len(v["sites"])} for (c, k), v in cells.items()}
    return table, {k: (overall or {}).get(k) for k in ("all_strict", "all_relaxed", "all_value")}, listed


def _print(part: str, mode: str, table: dict, overall: dict) -> None:
    scores = "/".join(f"{overall[k]['f1']:.3f}" if overall.get(k) else "—" for k in ("all_strict", "all_relaxed", "all_value"))
    print(f"{part} {mode}: all types strict/relaxed/value F1 {scores}")
    print("  class      kind                 items pages sites")
    for key in sorted(table, key=lambda k: (k.split("\t")[0] != "all", k.split("\t")[0], -table[k]["n"])):
        cls, kind = key.split("\t")
        c = table[key]
        print(f"  {cls:10} {kind:20} {c['n']:5} {c['pages']:5} {c['sites']:5}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "test", "fresh", "fresh2", "fresh3", "fresh4"], default="dev")
    ap.add_argument("--mode", choices=["both", "body", "given"], default="both")
    ap.add_argument("--keep", type=Path, help="write each mode's records to this folder")
    ap.add_argument("--reuse", type=Path, help="read each mode's records from a --keep folder (no extraction)")
    ap.add_argument("--list", metavar="KIND", help="print the errors of one kind (or class) with their wording")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return 0
    if args.list and args.part not in READABLE:
        raise SystemExit(f"--list reads wordings: refused on --part {args.part}")
    out = {}
    for mode in (["body", "given"] if args.mode == "both" else [args.mode]):
        table, overall, listed = census(args.part, mode == "body", args.reuse, args.keep)
        out[mode] = {"all": overall, "cells": table}
        if args.list:
            for row in listed:
                if args.list in (row[0], row[1]) or row[0].startswith(args.list):
                    print(mode, *row, sep="\t")
        elif not args.json:
            _print(args.part, mode, table, overall)
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
