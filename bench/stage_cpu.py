"""CPU ms per article of single Veille stages, the parse left out (parse once, time each stage alone).

    python bench/stage_cpu.py [STAGE ...] [--corpus DIR [--corpus-glob '*.txt']] [--repeat 5] [--profile STAGE]
                              [--top 30] [--text-only] [--sort tottime] [--dump FILE.pstats]

Each article goes once through the text stages and the parser; then, for every doc stage in
pipeline order, the article and the Doc's cached token columns (``docarrays``) are restored to the
state they had before that stage and the stage alone is run ``--repeat`` times, timed with
``time.process_time`` (CPU time: steady on a shared, busy machine). A stage thus pays for the
token columns it is the first to read, as in a real run. Text stages (clean, metadata, language)
are timed the same way on a copy of the article as it was before them.

With all stages timed, the last line gives each stage's share of the article's CPU (stages and
parse: the extract run without reading and writing); ``bench/throughput.py`` gives it on a real run.

``--corpus ../shared/corpus/web/pages --corpus-glob '*.txt'`` times the real-page dumps alone (issue 11's
cleaning and metadata figure: ``--text-only``).

``--profile STAGE`` prints the cProfile of that stage's repeated calls (cumulative time);
``--sample STAGE`` samples them every millisecond of CPU instead (``bench/sampler.py``: own and
inclusive shares by function, own by line; no per-call overhead).
The default corpus is ../shared/corpus/seeds (else the bundled samples).
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SAMPLES = ROOT / "samples" / "articles"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stages", nargs="*", help="stage names to time (default all)")
    ap.add_argument("--corpus", help="a folder (or file) of articles (default the seeds)")
    ap.add_argument("--corpus-glob", help="with --corpus DIR: only its files matching this ('*.txt': the dumps)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", help="cProfile this stage")
    ap.add_argument("--sample", help="sample this stage's CPU time (SIGPROF, bench/sampler.py)")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--text-only", action="store_true", help="time the text stages only (no parse)")
    ap.add_argument("--callers", help="with --profile: who calls the functions matching this")
    ap.add_argument("--sort", default="cumulative", help="with --profile: pstats sort key (cumulative, tottime…)")
    ap.add_argument("--dump", help="with --profile: also write the raw pstats to this file")
    args = ap.parse_args()

    from veille.common.docarrays import CACHE_KEY
    from veille.pipeline import Pipeline
    from veille.readers import ReadError, read_documents

    source = args.corpus or str(SEEDS if SEEDS.is_dir() else SAMPLES)
    pipeline = Pipeline()
    ctx = pipeline.ctx
    paths = sorted(str(p) for p in Path(source).glob(args.corpus_glob) if p.is_file()) if args.corpus_glob else [source]
    raws = [r for r in read_documents(paths) if not isinstance(r, ReadError)]
    if args.limit:
        raws = raws[:args.limit]
    wanted = set(args.stages) or None
    cpu: dict[str, float] = {}
    best: dict[str, float] = {}  # per article, the fastest of the runs (steadier under load)
    prof = cProfile.Profile(time.process_time) if args.profile else None  # CPU time, not wall clock
    sampler = None
    if args.sample:
        from sampler import Sampler  # (bench/sampler.py)
        sampler = Sampler()

    def timed(name: str, call, reset) -> None:
        if wanted is not None and name not in wanted and name != args.profile and name != args.sample:
            return
        runs = []
        for _ in range(args.repeat):
            reset()
            use = prof if name == args.profile else None
            sample = sampler if name == args.sample else None
            t = time.process_time()
            if use:
                use.enable()
            if sample:
                sample.start()
            call()
            if sample:
                sample.stop()
            if use:
                use.disable()
            runs.append(time.process_time() - t)
        cpu[name] = cpu.get(name, 0.0) + sum(runs)
        best[name] = best.get(name, 0.0) + min(runs)

    arts = []
    for raw in raws:
        art = pipeline.new_article(raw)
        for stage in pipeline.text_stages:
            before = copy.deepcopy(art)
            holder = {}

            def reset(before=before, holder=holder) -> None:
                holder["a"] = copy.deepcopy(before)

            timed(stage.name, lambda s=stage, h=holder: s(h["a"], ctx), reset)
            stage(art, ctx)
        arts.append(art)
    for stage in pipeline.text_stages:
        finish = getattr(stage, "finish_batch", None)
        if finish:
            finish(arts, ctx)
    parse_start = time.process_time()
    docs = [] if args.text_only else list(ctx.nlp.pipe([a.nlp_text() for a in arts]))
    parse = time.process_time() - parse_start  # (once: the parse is not repeated)
    for art, doc in zip(arts, docs, strict=False):
        for stage in pipeline.doc_stages:
            before = copy.deepcopy(art)
            cache = {k: v for k, v in doc.user_data.get(CACHE_KEY, {}).items()}
            holder = {}

            def reset(before=before, cache=cache, holder=holder, doc=doc) -> None:
                holder["a"] = copy.deepcopy(before)
                doc.user_data[CACHE_KEY] = dict(cache)

            timed(stage.name, lambda s=stage, h=holder, d=doc: s(h["a"], d, ctx), reset)
            stage(art, doc, ctx)
    n = len(arts) * args.repeat
    print(f"{len(arts)} articles of {source}, {args.repeat} runs each; CPU ms/article, mean (fastest run):")
    print(", ".join(f"{k} {1000 * v / n:.2f} ({1000 * best[k] / len(arts):.2f})" for k, v in cpu.items()))
    if docs and wanted is None:
        # Each stage's share of one article's extract CPU: the stages (mean of the runs) and the parse
        # (reading the files and writing records left out).
        total = sum(cpu.values()) / n + parse / len(arts)
        print(f"parse {1000 * parse / len(arts):.2f} ms/article (one run); share of stages + parse: "
              + ", ".join(f"{k} {100 * v / n / total:.1f}%" for k, v in cpu.items()))
    if sampler:
        sampler.report(sys.stdout, args.top)
    if prof:
        if args.dump:
            prof.dump_stats(args.dump)
        stats = pstats.Stats(prof, stream=sys.stdout).sort_stats(args.sort)
        if args.callers:
            stats.print_callers(args.callers)
        else:
            stats.print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
