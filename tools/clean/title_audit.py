"""Dump headlines over every page one may read: gold pages scored by site, the others listed by eye.

    python tools/clean/title_audit.py score [--show]     # gold dump pages: title right per page, by site and set
    python tools/clean/title_audit.py list [--sites N]   # every dump page (gold or not): the chosen title's
                                                         # line, its neighbours, the gold line when there is one

The gold dump pages are the corpus dev dumps (``tests/data/real_pages/gold_dev.jsonl``), the outside
pages of ``tests/data/extra_pages`` in parts ``dev``, ``heldout``, ``heldout2``, ``heldout3``,
``heldout4``, ``heldout5``, the who pages ``tests/data/extra_who/gold_heldout3.jsonl`` and
``gold_heldout5.jsonl`` and the event pages ``tests/data/extra_events/gold_heldout4.jsonl`` (all dev
material now). Corpus test pages and the ``heldout6`` judges are never read here. The pages themselves stay outside the
repository (``../shared``, ``/work/extra``); nothing of their text is written anywhere.
A title is right as ``bench/real_pages.py`` counts it (token F1 with the gold headline >= 0.8).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "src", ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from real_pages import TITLE_F1_MIN, TextStages, token_f1  # noqa: E402
from tools.real_pages.gold import load, split, title_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "web"
EXTRA = Path("/work/extra")
EXTRA_PARTS = {"dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"}
# (gold file, pages folder, sources) of the who and event pages released to dev
SIDE_GOLD = (("tests/data/extra_who/gold_heldout3.jsonl", "who_pages", "tests/data/extra_who/sources.tsv"),
             ("tests/data/extra_who/gold_heldout5.jsonl", "who_pages", "tests/data/extra_who/sources.tsv"),
             ("tests/data/extra_events/gold_heldout4.jsonl", "event_pages", "tests/data/extra_events/sources.tsv"))


def _sites(tsv: Path, site_col: str = "site") -> dict[str, str]:
    with tsv.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("# ")), delimiter="\t")
        return {r.get("id") or r.get("# page") or r.get("page"): r[site_col] for r in rows}


def gold_pages() -> list[tuple[str, Path, str, dict]]:
    """(set, path, site, gold entry) of every dump page with gold one may read."""
    out = []
    parts = split()
    corpus_sites = _sites(CORPUS / "sources.tsv")
    for e in load(ROOT / "tests/data/real_pages/gold_dev.jsonl"):
        path = CORPUS / "pages" / f"{e['page']}.txt"
        if parts.get(e["page"]) == "dev" and path.exists() and e.get("article") is not False:
            out.append(("corpus", path, corpus_sites[e["page"]], e))
    extra_sites = _sites(ROOT / "tests/data/extra_pages/sources.tsv")
    for e in load(ROOT / "tests/data/extra_pages/gold.jsonl"):
        path = EXTRA / "pages" / f"{e['page']}.txt"
        if e.get("part") in EXTRA_PARTS and path.exists() and e.get("article") is not False:
            out.append(("extra", path, extra_sites[e["page"]], e))
    for gold, folder, sources in SIDE_GOLD:
        side_sites = _sites(ROOT / sources)
        for e in load(ROOT / gold):
            path = EXTRA / folder / f"{e['page']}.txt"
            if path.exists() and e.get("article") is not False:
                out.append((folder.split("_")[0], path, side_sites[e["page"]], e))
    return out


def all_dumps() -> list[tuple[str, Path, str]]:
    """(set, path, site) of every dump page one may read, with or without gold."""
    parts = split()
    corpus_sites = _sites(CORPUS / "sources.tsv")
    out = [("corpus", p, corpus_sites.get(p.stem, "?")) for p in sorted((CORPUS / "pages").glob("*.txt"))
           if parts.get(p.stem) == "dev"]
    allowed = {e["page"] for e in load(ROOT / "tests/data/extra_pages/gold.jsonl") if e.get("part") in EXTRA_PARTS}
    extra_sites = _sites(ROOT / "tests/data/extra_pages/sources.tsv")
    out += [("extra", EXTRA / "pages" / f"{p}.txt", extra_sites[p]) for p in sorted(allowed)
            if (EXTRA / "pages" / f"{p}.txt").exists()]
    for gold, folder, sources in SIDE_GOLD:
        side_sites = _sites(ROOT / sources)
        out += [(folder.split("_")[0], EXTRA / folder / f"{e['page']}.txt", side_sites[e["page"]]) for e in load(ROOT / gold)
                if (EXTRA / folder / f"{e['page']}.txt").exists()]
    return out


def title_line(lines: list[str], title: str | None) -> int | None:
    """The 1-based line that best holds ``title`` (None when no line shares most of its words)."""
    if not title:
        return None
    best, best_n = 0.0, None
    for n, line in enumerate(lines, 1):
        if len(line) > 3 * len(title) + 40:
            continue
        f = token_f1(line, title)
        if f > best:
            best, best_n = f, n
    return best_n if best >= 0.5 else None


def score(show: bool) -> dict[str, dict[str, int]]:
    stages = TextStages()
    by_set: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_site: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group, path, site, e in gold_pages():
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        gold = title_text(e, lines)
        art = stages.run(path)
        ok = token_f1(gold, art.title) >= TITLE_F1_MIN
        for tally in (by_set[group], by_set["all"], by_site[site]):
            tally[0] += ok
            tally[1] += 1
        if show and not ok:
            line = title_line(lines, art.title)
            print(f"MISS {path.stem} {site} gold@{e['title']['line']} pred@{line} {art.title!r} | gold {gold!r}")
    for key, (ok, n) in sorted(by_set.items()):
        print(f"{key:8} {ok}/{n} = {ok / n:.3f}")
    return {k: {"ok": v[0], "n": v[1]} for k, v in by_set.items()}


def listing(per_site: int) -> None:
    stages = TextStages()
    gold = {path.stem: e for _, path, _, e in gold_pages()}
    seen: dict[str, int] = defaultdict(int)
    for _group, path, site in all_dumps():
        if seen[site] >= per_site:
            continue
        seen[site] += 1
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        try:
            title = stages.run(path).title
        except Exception as exc:  # noqa: BLE001 - an audit lists crashes too
            title = f"CRASH {exc!r}"
        n = title_line(lines, title)
        g = gold.get(path.stem, {}).get("title", {}).get("line")
        mark = "" if g is None else ("ok" if g == n else f"GOLD@{g}")
        print(f"== {path.stem} {site} line {n} {mark}: {title!r}")
        if n is not None:
            for k in range(max(1, n - 3), min(len(lines), n + 3) + 1):
                print(f"   {'>' if k == n else ' '}{k:4d} {lines[k - 1][:110]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["score", "list"])
    ap.add_argument("--show", action="store_true", help="print each miss (dev material only)")
    ap.add_argument("--sites", type=int, default=99, help="pages listed per site")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.what == "score":
        result = score(args.show)
        if args.json:
            print(json.dumps(result))
    else:
        listing(args.sites)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
