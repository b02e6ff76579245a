"""``source.site`` on real pages: right, wrong or null, by set, part and kind (dump / html).

    python bench/site_eval.py [--set corpus|outside|all] [--part dev|test|all] [--verbose]
                              [--dump FILE] [--pages-dir /work/extra/pages]

The gold is free: ``../shared/corpus/web/sources.tsv`` and ``tests/data/extra_pages/sources.tsv``
give every page's site (column ``site``). Veille's text stages (clean, metadata; no parse) run over
the pages, the record's ``source.url`` left empty as a scraped file gives none, and each page's
``source.site`` is

* right: the gold site, or one of them a sub-domain of the other (``fr.exemple.com`` for
  ``exemple.com``: the same outlet);
* wrong: anything else (another domain, an agency or brand name): a wrong site feeds alerts
  (``site:``), syndication and dedup, so it is worse than none;
* null.

Corpus pages keep the dev/test part of ``tests/data/real_pages/split.tsv`` (split by site before
any tuning): test pages are only counted, never listed. Outside pages: only the dev batches
x0001–x0324; the held-out batches (x04xx, x05xx) are never read. ``--verbose`` lists the dev
pages that are wrong or null (page, kind, gold, Veille's answer: no page text). ``--dump FILE``
writes ``page<TAB>gold<TAB>answer`` of the dev pages, to diff two builds.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT / "src", ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from real_pages import TextStages  # noqa: E402
from tools.real_pages.gold import split  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS_SOURCES = SHARED / "corpus" / "web" / "sources.tsv"
CORPUS_PAGES = SHARED / "corpus" / "web" / "pages"
OUTSIDE_SOURCES = ROOT / "tests" / "data" / "extra_pages" / "sources.tsv"
OUTSIDE_PAGES = Path("/work/extra/pages")
OUTSIDE_LAST_DEV = 324  # x0001–x0324: dev batches; x04xx and x05xx are held-out judges, never read


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _page_file(folder: Path, page: str) -> Path | None:
    for ext in (".txt", ".html"):
        path = folder / f"{page}{ext}"
        if path.exists():
            return path
    return None


def pages(which: str, part: str, outside_dir: Path) -> list[tuple[str, str, str, str, Path]]:
    """(set, part, page, gold site, path) of the pages to score; ``kind`` read from the sources."""
    out = []
    if which in ("corpus", "all") and CORPUS_SOURCES.exists():
        parts = split()
        for row in _rows(CORPUS_SOURCES):
            p = parts.get(row["id"], "test")  # a page missing from the split is never read
            if part != "all" and p != part:
                continue
            path = _page_file(CORPUS_PAGES, row["id"])
            if path:
                out.append((f"corpus-{p}", row["kind"], row["id"], row["site"], path))
    if which in ("outside", "all") and OUTSIDE_SOURCES.exists() and part in ("dev", "all"):
        for row in _rows(OUTSIDE_SOURCES):
            page = row["id"]
            if not (page.startswith("x") and page[1:].isdigit() and int(page[1:]) <= OUTSIDE_LAST_DEV):
                continue
            path = _page_file(outside_dir, page)
            if path:
                out.append(("outside-dev", row["kind"], page, row["site"], path))
    return out


def _bare(site: str) -> str:
    site = site.strip().lower().rstrip(".")
    return site[4:] if site.startswith("www.") else site


def verdict(gold: str, answer: str | None) -> str:
    """``right``, ``wrong`` or ``null`` (a sub-domain of the gold site, or the reverse, is right)."""
    if not answer:
        return "null"
    g, a = _bare(gold), _bare(answer)
    if a == g or a.endswith("." + g) or g.endswith("." + a):
        return "right"
    return "wrong"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("corpus", "outside", "all"), default="all")
    ap.add_argument("--part", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--verbose", action="store_true", help="list the dev pages that are wrong or null")
    ap.add_argument("--dump", type=Path, help="write page, gold and answer of the dev pages")
    ap.add_argument("--pages-dir", type=Path, default=OUTSIDE_PAGES)
    args = ap.parse_args(argv)
    todo = pages(args.set, args.part, args.pages_dir)
    if not todo:
        print("site_eval: no pages found (../shared and /work/extra are needed); nothing scored")
        return 0
    stages = TextStages()
    counts: Counter[tuple[str, str, str]] = Counter()
    listed, dumped = [], []
    for group, kind, page, gold, path in todo:
        try:
            answer = stages.run(path).source.site
        except Exception as exc:  # a crash scores as no site
            answer = None
            print(f"{page}: CRASH {exc.__class__.__name__}", file=sys.stderr)
        v = verdict(gold, answer)
        counts[(group, kind, v)] += 1
        counts[(group, "all", v)] += 1
        if group.endswith("-dev"):
            dumped.append(f"{page}\t{gold}\t{answer or '-'}")
            if args.verbose and v != "right":
                listed.append(f"  {v:5} {page} {kind:4} gold={gold} answer={answer}")
    print(f"{'set':12} {'kind':5} {'pages':>5} {'right':>6} {'wrong':>6} {'null':>6}   wrong%")
    for group in sorted({g for g, _, _ in counts}):
        for kind in ("dump", "html", "all"):
            r, w, n = (counts[(group, kind, v)] for v in ("right", "wrong", "null"))
            total = r + w + n
            if total:
                print(f"{group:12} {kind:5} {total:5} {r:6} {w:6} {n:6}   {100 * w / total:5.1f}")
    if listed:
        print("\n".join(["dev pages wrong or null:", *listed]))
    if args.dump:
        args.dump.write_text("\n".join(dumped) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
