"""Entity linking accuracy on the team-written test set (tests/data/linking_cases.jsonl).

Each case is a short text with a date; each expected mention names the canonical entity it must
end up in (``null``: it must not be read as an entity), optionally ``kb: false`` (must stay
unlinked: people absent from the KB) and ``actor`` (metonymy). Prints accuracy overall and by
kind, then the failures.

    .venv/bin/python bench/linking_eval.py [--cases FILE] [--quiet]
    .venv/bin/python bench/linking_eval.py --timing [--repeat 100]   # extract time with/without linking
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "linking_cases.jsonl"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            if "text" in d:
                out.append(d)
    return out


def _find(text: str, needle: str, nth: int) -> tuple[int, int] | None:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            break
    if pos < 0:
        low = text.lower()
        pos = -1
        for _ in range(nth + 1):
            pos = low.find(needle.lower(), pos + 1)
            if pos < 0:
                return None
    return pos, pos + len(needle)


def evaluate(nlp: Any, cases: list[dict[str, Any]] | None = None, stage: Any = None) -> dict[str, Any]:
    """Runs the entity stage over every case; returns accuracy, counts by kind and failures."""
    from veille.entities import EntityStage
    from veille.entities.resources import display_name
    from veille.kb import norm
    from veille.model import Article
    from veille.pipeline import Context

    cases = load_cases() if cases is None else cases
    if stage is None:
        stage = EntityStage(Context(nlp=nlp))
    ctx = Context(nlp=nlp)
    total, right = Counter(), Counter()
    failures = []
    docs = nlp.pipe([c["text"] for c in cases])
    for i, (case, doc) in enumerate(zip(cases, docs, strict=True)):
        art = Article(id=f"case{i}", paragraphs=[case["text"]], published=case.get("published"))
        stage(art, doc, ctx)
        for m in case["mentions"]:
            kind = case.get("kind", "mixed")
            total[kind] += 1
            span = _find(case["text"], m["text"], m.get("nth", 0))
            hits = [e for e in art.entities if span and any(s < span[1] and span[0] < t for s, t in e.spans)]
            expected = m["entity"]
            if expected is None:
                ok = not hits
                got = [e.name for e in hits]
            else:
                # a body the text only calls by its acronym goes by it ("FMI"): linked right
                # when its KB entry is the expected one
                match = [e for e in hits if norm(e.name) == norm(expected)
                         or (e.kb_id and e.name.isupper()
                             and norm(display_name(stage.kb.entries[e.kb_id]["name"])) == norm(expected))]
                ok = bool(match)
                if ok and m.get("kb") is False:
                    ok = match[0].kb_id is None
                if ok and "actor" in m:
                    ok = match[0].actor == m["actor"]
                got = [(e.name, e.kb_id, e.actor) for e in hits]
            if ok:
                right[kind] += 1
            else:
                failures.append({"text": case["text"], "published": case.get("published"), "mention": m, "got": got})
    n, k = sum(total.values()), sum(right.values())
    return {"mentions": n, "correct": k, "accuracy": k / n if n else 0.0,
            "by_kind": {kind: (right[kind], total[kind]) for kind in total}, "failures": failures}


def timing(nlp: Any, repeat: int) -> dict[str, float]:
    """What linking adds to extract time, on the seeds repeated ``repeat`` times.

    The machine is shared, so whole-run timings drift; the entity stage with and without linking
    is therefore timed interleaved on the same parsed docs, and set against the time of a full
    extract of the same articles.
    """
    from veille.entities import EntityStage
    from veille.pipeline import Context, Pipeline
    from veille.readers import read_documents

    seeds = ROOT.parent / "shared" / "corpus" / "seeds"
    raws = [r for r in read_documents([str(seeds)]) if hasattr(r, "text")]
    pipe = Pipeline(nlp=nlp)
    articles = list(pipe.process(raws))
    docs = list(nlp.pipe([a.nlp_text() for a in articles]))
    with_link = EntityStage(Context(nlp=nlp))
    without = EntityStage(Context(nlp=nlp, settings={"entity_linking": False}))
    ctx = Context(nlp=nlp)
    t_with = t_without = 0.0
    for _ in range(repeat):
        for art, doc in zip(articles, docs, strict=True):
            t = time.perf_counter()
            without(art, doc, ctx)
            t_without += time.perf_counter() - t
            t = time.perf_counter()
            with_link(art, doc, ctx)
            t_with += time.perf_counter() - t
    n = repeat * len(articles)
    t = time.perf_counter()
    for _ in pipe.process(raws * max(1, repeat // 5)):
        pass
    t_extract = (time.perf_counter() - t) / (len(raws) * max(1, repeat // 5))
    return {"articles": n, "extract ms/article": 1000 * t_extract,
            "entities without linking ms/article": 1000 * t_without / n,
            "entities with linking ms/article": 1000 * t_with / n,
            "linking share of extract %": 100 * (t_with - t_without) / n / t_extract}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=Path, default=CASES)
    ap.add_argument("--quiet", action="store_true", help="Only the summary.")
    ap.add_argument("--timing", action="store_true", help="Measure what linking adds to extract time.")
    ap.add_argument("--repeat", type=int, default=100)
    args = ap.parse_args()
    from veille.nlp import load_nlp

    nlp = load_nlp()
    if args.timing:
        for k, v in timing(nlp, args.repeat).items():
            print(f"{k:40} {v:8.2f}")
        return 0
    res = evaluate(nlp, load_cases(args.cases))
    print(f"linking accuracy {res['accuracy']:.3f} ({res['correct']}/{res['mentions']} mentions)")
    for kind, (k, n) in sorted(res["by_kind"].items()):
        print(f"  {kind:12} {k / n:.3f} ({k}/{n})")
    if not args.quiet:
        for f in res["failures"]:
            print(f"FAIL [{f['published']}] {f['mention']} -> {f['got']}\n     {f['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
