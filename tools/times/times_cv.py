"""Which times rules carry over: per-rule ablation scored by document (TimeBank dev) and by site
(real-page dev gold), with the gain each rule keeps once its best document is left out.

    PYTHONPATH=src .venv/bin/python tools/times/times_cv.py [--set timebank|real|both|outside|all] [--json FILE]
                                                           [--folds 6] [--errors]

Every article is parsed once; the times stage alone is then run again with one rule (a line of
``lexicons/times/rules/*.tsv``), one lexicon word of a rule (``reference:désormais``) or one
post-pass of ``veille.times`` (``pass:narrative``…) switched off. For each we count, per document
or site, the change in strict matches, right values and false positives (net = strict + value -
false positives). A rule read off one article helps that article only: ``out`` is its net gain
with its best group left out, and ``groups+``/``groups-`` count the groups it helps and hurts.
``--folds K`` adds a grouped K-fold check of the whole procedure: in each fold, the rules whose net
on the other folds is below zero are switched off, and the held-out fold is scored with and
without them (does pruning by evidence carry over?).

Only dev material is read: TimeBank dev (even positions), ``times_dev.jsonl`` and, with ``--set outside``
or ``all``, the outside dev gold ``tests/data/extra_times`` (a group per site, ``xtra`` column; skipped
when /work/extra is absent). Test parts are never loaded here.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.times.tb_pairs import pairs, unpaired  # noqa: E402

SHARED = ROOT.parent / "shared"
TB_SCORER = SHARED / "eval" / "timebank.py"

# Post-passes of veille.times: (name, attribute of veille.times to patch, replacement).
PASSES: list[tuple[str, str, Callable[..., Any]]] = [
    ("pass:narrative", "in_narrative_year", lambda text, start, times, value, year, tense: value),
    ("pass:year_frame", "_in_year_named", lambda text, f, before, value, year_free=frozenset(): value),
    ("pass:every_year", "_every_year", lambda *a: None),
    ("pass:range_years", "range_years", lambda *a: None),
    ("pass:nowadays", "_nowadays", lambda *a: False),
    ("pass:nowadays_before_past", "_nowadays_before_past", lambda *a: None),
    ("pass:nowadays_state", "_nowadays_state", lambda *a: None),
    ("pass:cue_tense", "cue_tense", lambda text, m: None),
    ("pass:verb_tense", "verb_tense", lambda doc, a, b, text: None),
]
# Rules whose lexicon words are ablated one by one: rule name -> the group naming the word.
WORD_GROUPS = {"reference": "r", "relative_to_last": "rel", "relative_day_part": "rel"}


@dataclass
class Item:
    id: str
    group: str
    article: Any
    doc: Any
    score: Callable[[list[dict], str], dict[str, int]]


def _timebank_module() -> Any:
    spec = importlib.util.spec_from_file_location("tb_scorer", TB_SCORER)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _tb_counter(tb: Any, d: dict) -> Callable[[list[dict]], dict[str, int]]:
    """The shared TimeBank scorer's counts for one document (all types, values whole)."""
    def score(times: list[dict], _own: str = "") -> dict[str, int]:
        c = {"gold": 0, "pred": 0, "strict": 0, "relaxed": 0, "value": 0}
        located = tb.locate(d["text"], [t["text"] for t in times])
        paired: set[int] = set()
        errors: list[str] = []
        for g, i, strict in pairs(located, d["timex"]):
            c["gold"] += 1
            if i is not None:
                paired.add(i)
                c["relaxed"] += 1
                c["strict"] += strict
                ok = tb.value_right(g, times[i].get("value"), whole=True)
                c["value"] += ok
                if not ok or not strict:
                    errors.append(f"gold {g['text']!r}={g['value']} ({g['type']}) pred "
                                  f"{times[i]['text']!r}={times[i].get('value')}")
            else:
                errors.append(f"missed {g['text']!r}={g['value']} ({g['type']})")
        for i in unpaired(located, paired):
            errors.append(f"extra {times[i]['text']!r}={times[i].get('value')} ({times[i].get('type')})")
        c["pred"] = len(times)
        c["errors"] = errors  # type: ignore[assignment]
        return c
    return score


def _real_counter(entry: dict, lines: list[str], gold: list[dict]) -> Callable[[list[dict]], dict[str, int]]:
    from tools.real_pages.times import AllTypes, doc_index

    text, _ = doc_index(entry, lines)

    def score(times: list[dict], own: str = "") -> dict[str, int]:
        tally = AllTypes()
        preds = []
        for t in times:
            spans = t.get("spans") or ([[t["start"], t["end"]]] if t.get("start") is not None else [])
            if not spans:
                preds.append(dict(t))
            for a, b in spans:
                preds.append({**t, "begin": a, "finish": b, "text": own[a:b] or t["text"]})
        tally.add(entry["page"], text, gold, preds, own)
        c = {k: tally.c[k] for k in ("gold", "pred", "strict", "relaxed", "value")}
        c["errors"] = [e.split(": ", 1)[1] for e in tally.errors]  # type: ignore[assignment]
        return c
    return score


def _parse_all(pipeline: Any, records: list[tuple[str, dict]]) -> Iterator[tuple[str, Any, Any]]:
    """(id, article, doc) for each (id, input record), the text stages and the parse run once."""
    from veille.readers import ReadError, read_documents

    with tempfile.TemporaryDirectory() as tmp:
        for rid, rec in records:
            Path(tmp, f"{rid}.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
        raws = [r for r in read_documents([tmp]) if not isinstance(r, ReadError)]
        arts = []
        for raw in raws:
            art = pipeline.new_article(raw)
            try:
                for stage in pipeline.text_stages:
                    stage(art, pipeline.ctx)
            except ValueError:  # a text the cleaner refuses ("no article text found") is left out
                continue
            arts.append(art)
        for art, doc in pipeline._parse(arts, lambda err: None):
            yield Path(art.source.path).stem, art, doc


def load_items(which: str) -> list[Item]:
    from veille.pipeline import Pipeline

    pipeline = Pipeline(doc_stages=[])
    items: list[Item] = []
    if which in ("timebank", "both", "all"):
        tb = _timebank_module()
        files = sorted((SHARED / "external" / "fr-timebank" / "Data").glob("*.tml"))[0::2]  # dev only
        docs = {p.stem: tb.parse(p) for p in files}
        recs = [(k, {"text": d["text"], "date": d["dct"], "title": ""}) for k, d in docs.items()]
        for rid, art, doc in _parse_all(pipeline, recs):
            items.append(Item(rid, "tb:" + rid, art, doc, _tb_counter(tb, docs[rid])))
    if which in ("real", "both", "all"):
        from tools.real_pages.gold import GOLD_DIR, load
        from tools.real_pages.gold import sites as page_sites
        from tools.real_pages.materialize import paragraphs, title_text
        from tools.real_pages.times import gold_spans
        from tools.real_pages.view import view_lines

        pages = {e["page"]: e for e in load(GOLD_DIR / "gold_dev.jsonl")}
        times = {e["page"]: e for e in load(GOLD_DIR / "times_dev.jsonl")}
        recs, scorers = [], {}
        sites = page_sites()
        for page, t in times.items():
            entry = pages.get(page)
            if entry is None or entry.get("article") is False:
                continue
            lines = view_lines(page)
            recs.append((page, {"title": title_text(entry, lines), "text": "\n\n".join(paragraphs(entry, lines)),
                                "date": entry.get("published")}))
            scorers[page] = (_real_counter(entry, lines, gold_spans(entry, t.get("times", []), lines)),
                             sites.get(page, page))
        for rid, art, doc in _parse_all(pipeline, recs):
            score, site = scorers[rid]
            items.append(Item(rid, "site:" + site, art, doc, score))
    if which in ("outside", "all"):
        items.extend(_outside_items(pipeline))
    return items


def _outside_items(pipeline: Any) -> list[Item]:
    """The outside dev gold (``tests/data/extra_times``, pages in /work/extra/pages), one group a site;
    none when the pages are absent."""
    sys.path.insert(0, str(ROOT / "bench"))
    from extra_pages import page_file, view  # type: ignore[import-not-found]
    from extra_times import DEFAULT_GOLD, DEFAULT_PAGES, load_rows, page_entries  # type: ignore[import-not-found]

    from tools.real_pages.materialize import paragraphs, title_text
    from tools.real_pages.times import gold_spans

    if not DEFAULT_PAGES.is_dir():
        return []
    rows = load_rows(DEFAULT_GOLD)
    entries = page_entries({r["page"] for r in rows})
    sources = ROOT / "tests" / "data" / "extra_pages" / "sources.tsv"
    head, *body = sources.read_text(encoding="utf-8").splitlines()
    site_col = head.split("\t").index("site")
    sites = {cols[0]: cols[site_col] for cols in (ln.split("\t") for ln in body)}
    recs, scorers = [], {}
    for row in rows:
        path, entry = page_file(DEFAULT_PAGES, row["page"]), entries.get(row["page"])
        if path is None or entry is None:
            continue
        lines = view(path)
        recs.append((row["page"], {"title": title_text(entry, lines), "text": "\n\n".join(paragraphs(entry, lines)),
                                   "date": entry.get("published")}))
        scorers[row["page"]] = (_real_counter(entry, lines, gold_spans(entry, row.get("times", []), lines)),
                                sites.get(row["page"], row["page"]))
    out = []
    for rid, art, doc in _parse_all(pipeline, recs):
        score, site = scorers[rid]
        out.append(Item(rid, "out:" + site, art, doc, score))
    return out


def run_times(items: list[Item], stage: Any) -> dict[str, dict[str, int]]:
    out = {}
    for it in items:
        art = copy.copy(it.article)
        stage(art, it.doc, None)
        out[it.id] = it.score([t.__dict__ for t in art.times], art.nlp_text())
    return out


@contextmanager
def ablated(key: str) -> Iterator[None]:
    """The times stage with one rule, one rule word or one post-pass switched off."""
    import veille.times as times_pkg
    from veille.times.rules import engine

    if key.startswith("pass:"):
        name, attr, repl = next(p for p in PASSES if p[0] == key)
        with mock.patch.object(times_pkg, attr, repl):
            yield
        return
    eng = engine()
    rule, _, word = key.partition(":")
    original = eng.find

    def find(text: str, doc: Any = None) -> list[Any]:
        out = []
        for m in original(text, doc):
            if m.rule.name == rule and (not word or _word(m) == word):
                continue
            out.append(m)
        return out

    with mock.patch.object(eng, "find", find):
        yield


def _word(m: Any) -> str:
    g = WORD_GROUPS.get(m.rule.name)
    w = (m.groups.get(g) or "") if g else ""
    return re.sub(r"\s+", " ", w.lower().replace("’", "'")).strip()


def fired(items: list[Item], stage: Any) -> list[str]:
    """The rules (and rule words) whose matches the stage keeps on these articles."""
    import veille.times as times_pkg

    keys: set[str] = set()
    original = times_pkg.find_times

    def spy(text: str, eng: Any = None, doc: Any = None) -> list[Any]:
        found = original(text, eng, doc)
        for f in found:
            if f.rule is not None:
                keys.add(f.rule.rule.name)
                if f.rule.rule.name in WORD_GROUPS and _word(f.rule):
                    keys.add(f"{f.rule.rule.name}:{_word(f.rule)}")
        return found

    with mock.patch.object(times_pkg, "find_times", spy):
        run_times(items, stage)
    return sorted(keys) + [p[0] for p in PASSES]


def net(c: dict[str, int]) -> int:
    return c["strict"] + c["value"] - (c["pred"] - c["relaxed"])


def f1(c: dict[str, int], k: str) -> float:
    p = c[k] / c["pred"] if c["pred"] else 0.0
    r = c[k] / c["gold"] if c["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def total(counts: dict[str, dict[str, int]], ids: set[str] | None = None) -> dict[str, int]:
    t = {k: 0 for k in ("gold", "pred", "strict", "relaxed", "value")}
    for i, c in counts.items():
        if ids is None or i in ids:
            for k in t:
                t[k] += c[k]
    return t


def by_group(items: list[Item], base: dict, other: dict) -> dict[str, int]:
    """Net gain of the full system over the ablated one, per group."""
    g: dict[str, int] = defaultdict(int)
    for it in items:
        g[it.group] += net(base[it.id]) - net(other[it.id])
    return {k: v for k, v in g.items() if v}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=["timebank", "real", "both", "outside", "all"], default="both",
                    help="both: TimeBank dev and the real-page dev gold; outside: tests/data/extra_times; all: the three")
    ap.add_argument("--json", type=Path, help="write the per-rule table here")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--errors", action="store_true", help="print the errors of the full system per document")
    ap.add_argument("--only", help="comma-separated keys to ablate (default: every rule that fires)")
    args = ap.parse_args()
    from veille.times import TimeStage

    items = load_items(args.set)
    stage = TimeStage(None)
    base = run_times(items, stage)
    for name in sorted({it.group.split(":")[0] for it in items}):
        ids = {it.id for it in items if it.group.startswith(name + ":")}
        t = total(base, ids)
        print(f"{name}: {len(ids)} documents  strict {f1(t, 'strict'):.3f}  relaxed {f1(t, 'relaxed'):.3f}  "
              f"value {f1(t, 'value'):.3f}")
    if args.errors:
        for it in items:
            for e in base[it.id]["errors"]:  # type: ignore[union-attr]
                print(f"{it.id}\t{e}")
    keys = args.only.split(",") if args.only else fired(items, stage)
    rows = []
    for key in keys:
        with ablated(key):
            other = run_times(items, stage)
        g = by_group(items, base, other)
        if not g:
            continue
        best = max(g.values())
        rows.append({"key": key, "net": sum(g.values()), "out": sum(g.values()) - max(best, 0),
                     "groups_plus": sum(v > 0 for v in g.values()), "groups_minus": sum(v < 0 for v in g.values()),
                     "tb": sum(v for k, v in g.items() if k.startswith("tb:")),
                     "real": sum(v for k, v in g.items() if k.startswith("site:")),
                     "outside": sum(v for k, v in g.items() if k.startswith("out:")), "groups": g})
    rows.sort(key=lambda r: (r["out"], r["net"]))
    print(f"\n{'key':40s} {'net':>4s} {'out':>4s} {'+grp':>4s} {'-grp':>4s} {'tb':>4s} {'real':>4s} {'xtra':>4s}")
    for r in rows:
        print(f"{r['key'][:40]:40s} {r['net']:4d} {r['out']:4d} {r['groups_plus']:4d} {r['groups_minus']:4d} "
              f"{r['tb']:4d} {r['real']:4d} {r['outside']:4d}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.folds:
        _kfold(items, stage, base, rows, args.folds)
    return 0


def _kfold(items: list[Item], stage: Any, base: dict, rows: list[dict], k: int) -> None:
    """Grouped K-fold: prune the rules whose net is below zero on the other folds; score the held-out
    fold with and without pruning."""
    groups = sorted({it.group for it in items})
    fold_of = {g: i % k for i, g in enumerate(groups)}
    kept_t = {k2: 0 for k2 in ("gold", "pred", "strict", "relaxed", "value")}
    pruned_t = dict(kept_t)
    for fold in range(k):
        drop = [r["key"] for r in rows
                if sum(v for g, v in r["groups"].items() if fold_of[g] != fold) < 0]
        held = [it for it in items if fold_of[it.group] == fold]
        with ExitStack() as stack:
            for key in drop:
                stack.enter_context(ablated(key))
            pr = run_times(held, stage)
        for it in held:
            for c in kept_t:
                kept_t[c] += base[it.id][c]
                pruned_t[c] += pr[it.id][c]
        print(f"fold {fold}: drop {drop}")
    for name, t in (("all rules", kept_t), ("pruned by other folds", pruned_t)):
        print(f"{name:24s} strict {f1(t, 'strict'):.3f}  relaxed {f1(t, 'relaxed'):.3f}  value {f1(t, 'value'):.3f}")


if __name__ == "__main__":
    sys.exit(main())
