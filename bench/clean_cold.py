"""Cleaning and metadata of the real pages as ``real_pages.py --health`` times them, split and steadied.

    python bench/clean_cold.py [--passes 4]

``--health`` times one pass over the 298 corpus pages in a fresh process (reading included, CPU
time); ``stage_cpu.py --repeat 5`` runs each page five times in a row, so four runs of five find
every line test remembered (``lru_cache``) and its mean is lower. This bench runs the health loop
``--passes`` times in one process, the remembered line tests emptied before each pass (each pass
as cold as a real run's pages), and gives per kind (dump, HTML) the CPU ms/page of reading, clean,
metadata and in all: the first pass (import-time and first-call costs included) and, per page and
part, the fastest pass (what a loaded, shared machine blurs least). Run main and a branch back to
back: the machine's load moves both.
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_pages import PAGES, TextStages  # noqa: E402

PARTS = ("read", "clean", "metadata")


def _forget_lines() -> None:
    """Empty Veille's remembered line tests (the caches of more than a few entries)."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("veille") \
                and (obj.cache_info().maxsize or 0) >= 512:
            obj.cache_clear()


def _one_page(stages: TextStages, path: Path) -> dict[str, float]:
    from veille.model import Article, article_id
    from veille.readers import RawDocument, read_file

    spent: dict[str, float] = {}
    c0 = time.process_time()
    raw = next(d for d in read_file(path) if isinstance(d, RawDocument))
    art = Article(id=article_id(raw.content))
    art.source.path, art.source.url, art.raw_text = raw.path, raw.url, raw.text
    art.hints = {"kind": raw.kind, **raw.meta}
    spent["read"] = time.process_time() - c0
    for name, stage in zip(PARTS[1:], stages.stages, strict=True):
        c0 = time.process_time()
        stage(art, stages.ctx)
        finish = getattr(stage, "finish_batch", None)
        if finish:
            finish([art], stages.ctx)
        spent[name] = time.process_time() - c0
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=4)
    args = ap.parse_args()
    if not PAGES.is_dir():
        print(f"{PAGES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    stages = TextStages()
    pages = sorted(p for p in PAGES.iterdir() if p.suffix in (".txt", ".html"))
    first: dict[Path, dict[str, float]] = {}
    best: dict[Path, dict[str, float]] = {}
    for _ in range(args.passes):
        _forget_lines()
        for path in pages:
            spent = _one_page(stages, path)
            first.setdefault(path, spent)
            kept = best.setdefault(path, dict(spent))
            for part, t in spent.items():
                kept[part] = min(kept[part], t)
    for kind, suffix in (("dump", ".txt"), ("html", ".html")):
        mine = [p for p in pages if p.suffix == suffix]
        for label, table in (("first pass", first), (f"fastest of {args.passes}", best)):
            ms: Counter[str] = Counter()
            for p in mine:
                for part, t in table[p].items():
                    ms[part] += 1000 * t / len(mine)
            print(f"{kind} ({len(mine)} pages), {label}: all {sum(ms.values()):.2f} ms/page ("
                  + ", ".join(f"{part} {ms[part]:.2f}" for part in PARTS) + ")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
