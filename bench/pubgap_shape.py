"""Where published dates come from on the real pages, dev and test side by side: aggregates only.

    python bench/pubgap_shape.py [--part dev|test|both] [--json FILE] [--ids]

Runs the clean and metadata stages (``real_pages.TextStages``) over the page gold and counts, for
each reading that dated the page (the clean stage's ``date_origin`` hint: the head's stamps, the
foot, a line by the headline, the one cued stamp, the markup, …, joined to the record's
``published_from``: ``text``, ``metadata`` (markup or URL), ``dateline``, ``inferred``), the
pages whose date is right, wrong, null where the gold dates the page, and dated where the gold
gives no date, with the sites they lie on. The same counts by the dump's style (the tool that made
it, named by ``shared/corpus/web/README.md`` for each repository of ``sources.tsv``, or the
``REFRESH`` line of a dump made from a saved page), and by whether the chosen headline is the gold
title. It prints rule names, counts, and with ``--ids`` the page ids of the misses: never a page's
text, title or date, so the test part can be measured without being read (score it at most twice).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT / "src", ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from real_pages import GOLD_DIR, PAGES, TITLE_F1_MIN, TextStages, gold_entries, token_f1  # noqa: E402
from tools.real_pages.gold import split, split_rows, title_text  # noqa: E402
from tools.real_pages.view import page_path, view_lines  # noqa: E402

OUTCOMES = ("right", "wrong", "null", "spurious")  # null: gold dates the page; spurious: gold gives none
# The dump tool of each repository the corpus README describes (the others are lynx with margins).
REPO_STYLES = {"J3ff3z/LAJ-PPE": "lynx-curl-nomargins", "2063mmz/groupePPE1_2024": "lynx-wide",
               "LYC-26/Group_Project_PPE1_2024": "w3m", "yinbozhao-spec/Projet_Final": "browser-export"}


def dump_style(page: str, path: Path, repos: dict[str, str]) -> str:
    """The tool that made the page (``html`` for a raw page): from its repository, else the first line."""
    if path.suffix == ".html":
        return "html"
    style = REPO_STYLES.get(repos.get(page, ""))
    if style:
        return style
    with path.open(encoding="utf-8", errors="replace") as fh:
        head = fh.readline()
    return "lynx-refresh" if head.lstrip().startswith("REFRESH") else "lynx"


def outcome(published: str | None, entry: dict) -> str:
    accept = {entry.get("published"), *(entry.get("published_accept") or [])}
    if published in accept:
        return "right"
    if published is None:
        return "null"
    return "spurious" if entry.get("published") is None else "wrong"


def page_rows(entries: list[dict], stages: TextStages) -> list[dict[str, Any]]:
    """One row per gold page: part, site, style, origin, outcome, title right (no text kept)."""
    parts, rows = split(), []
    sites = {page: site for page, (site, _, _) in split_rows().items()}
    with (PAGES.parent / "sources.tsv").open(encoding="utf-8") as fh:
        repos = {r["id"]: r["repo"] for r in csv.DictReader(fh, delimiter="\t")}
    for entry in sorted(entries, key=lambda e: e["page"]):
        if entry.get("article") is False:
            continue
        page = entry["page"]
        path = page_path(page)
        try:
            art = stages.run(path)
            published, title = art.published, art.title
            origin = f"{art.hints.get('date_origin') or 'none'}>{art.published_from or '-'}"
        except Exception as exc:  # a crash counts as an undated page
            published, title, origin = None, None, f"crash:{exc.__class__.__name__}"
        gold_title = title_text(entry, view_lines(page))
        rows.append({"page": page, "part": parts.get(page, "dev"), "site": sites.get(page, "?"),
                     "style": dump_style(page, path, repos), "origin": origin,
                     "outcome": outcome(published, entry),
                     "title": "title-right" if token_f1(gold_title, title) >= TITLE_F1_MIN else "title-wrong"})
    return rows


def table(rows: list[dict[str, Any]], key: str, parts: list[str], ids: bool, out: Any = None) -> None:
    """Counts per value of ``key``: for each part, pages right/wrong/null/spurious and their sites."""
    out = out or sys.stdout
    cells: dict[tuple[str, str], dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        cells[r[key], r["part"]][r["outcome"]].append(r)
    values = sorted({r[key] for r in rows}, key=lambda v: (-sum(1 for r in rows if r[key] == v), v))
    print(f"\nby {key}: pages right/wrong/null/spurious (sites of the misses)", file=out)
    print(f"{'':34}" + "".join(f"{p:>32}" for p in parts), file=out)
    for v in values:
        line = f"{v[:34]:34}"
        missed = []
        for p in parts:
            c = cells[v, p]
            miss_sites = {r["site"] for o in OUTCOMES[1:] for r in c[o]}
            line += f"{'/'.join(str(len(c[o])) for o in OUTCOMES):>24} ({len(miss_sites):>2} s.)"
            missed += [f"{p}:{r['page']}:{o}" for o in OUTCOMES[1:] for r in c[o]]
        print(line, file=out)
        if ids and missed:
            print("    " + " ".join(missed), file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "test", "both"), default="dev")
    ap.add_argument("--json", type=Path, help="write the per-page rows (ids and labels only) to this file")
    ap.add_argument("--ids", action="store_true", help="print the page ids of the misses")
    args = ap.parse_args(argv)
    if not PAGES.is_dir():
        print(f"{PAGES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    parts = ["dev", "test"] if args.part == "both" else [args.part]
    wanted = split()
    entries = [e for e in gold_entries(sorted(GOLD_DIR.glob("gold_*.jsonl"))) if wanted.get(e["page"]) in parts]
    rows = page_rows(entries, TextStages())
    for p in parts:
        mine = [r for r in rows if r["part"] == p]
        n = len(mine)
        counts = {o: sum(r["outcome"] == o for r in mine) for o in OUTCOMES}
        print(f"{p}: {n} pages, published right {counts['right']} ({counts['right'] / max(1, n):.3f}), "
              + ", ".join(f"{o} {counts[o]}" for o in OUTCOMES[1:]))
    for key in ("origin", "style", "title"):
        table(rows, key, parts, args.ids)
    table([{**r, "kind": f"{'html' if r['style'] == 'html' else 'dump'} {r['title']}"} for r in rows],
          "kind", parts, False)
    if args.json:
        args.json.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
