"""CPU cost of one doc stage alone, on articles parsed once (steady on a shared, busy machine).

    python bench/stage_profile.py events [--corpus DIR ...] [--repeat 5] [--profile 30]

The articles (by default the seed dumps of ../shared/corpus/seeds, else the bundled samples) go
through the whole pipeline once; the Doc and the article each doc stage sees are kept. Then the
chosen stage runs ``--repeat`` times over every kept article, each time from the same state (the
Doc's cached columns reset to what they were before the stage), and its CPU ms per article
(``time.process_time``) is reported: the best of the repeats and the median. ``--profile N`` adds a
cProfile (CPU time) of ``--repeat`` more passes, its N most costly functions by cumulative and by own time.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SAMPLES = ROOT / "samples" / "articles"
CACHE_KEY = "veille_arrays"


class _Capture:
    """Wraps a doc stage: keeps (article before the stage, doc, cached columns before the stage)."""

    def __init__(self, stage: Any) -> None:
        self.stage, self.kept = stage, []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stage, name)

    def __call__(self, article: Any, doc: Any, ctx: Any) -> None:
        cache = dict(doc.user_data.get(CACHE_KEY, {}))
        self.kept.append((copy.deepcopy(article), doc, cache))
        self.stage(article, doc, ctx)


def _reset(doc: Any, cache: dict) -> None:
    doc.user_data[CACHE_KEY] = dict(cache)


def one_pass(stage: Any, kept: list, ctx: Any) -> float:
    total = 0.0
    for article, doc, cache in kept:
        _reset(doc, cache)
        t = time.process_time()
        stage(article, doc, ctx)
        total += time.process_time() - t
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", help="a doc stage's name (events, entities, times, quantities, quotes)")
    ap.add_argument("--corpus", nargs="*", help="files or folders (default: the seeds, or the samples)")
    ap.add_argument("--copies", type=int, default=1, help="read the corpus this many times (default 1)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", type=int, default=0, help="print the N most costly functions of a profiled pass")
    ap.add_argument("--callers", help="with --profile: who calls the functions matching this pattern")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from veille.pipeline import Pipeline

    pipeline = Pipeline()
    names = [s.name for s in pipeline.doc_stages]
    if args.stage not in names:
        print(f"no doc stage {args.stage!r}; the doc stages are {', '.join(names)}")
        return 2
    k = names.index(args.stage)
    capture = pipeline.doc_stages[k] = _Capture(pipeline.doc_stages[k])
    paths = args.corpus or [str(SEEDS if SEEDS.is_dir() else SAMPLES)]
    for _ in range(args.copies):
        for _article in pipeline.extract(paths):
            pass
    kept, stage, ctx = capture.kept, capture.stage, pipeline.ctx
    n = max(len(kept), 1)
    times = [one_pass(stage, kept, ctx) for _ in range(args.repeat)]
    ms = [1000 * t / n for t in times]
    print(f"{args.stage}: {len(kept)} articles, CPU ms/article best {min(ms):.2f}, median {statistics.median(ms):.2f} "
          f"({', '.join(f'{m:.2f}' for m in ms)})")
    if args.profile:
        prof = cProfile.Profile(time.process_time)  # CPU time: other processes' load does not count
        prof.enable()
        for _ in range(args.repeat):
            one_pass(stage, kept, ctx)
        prof.disable()
        stats = pstats.Stats(prof)
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        if args.callers:
            stats.print_callers(args.callers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
