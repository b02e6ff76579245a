"""The learned time proposer (``veille.times.learned``): its training data, its out-of-sample check,
and the weights ``veille train times`` ships.

    PYTHONPATH=src .venv/bin/python tools/times/timex_learn.py [--folds 5] [--threshold 0.5 ...]
                                                              [--write DIR] [--show]

Training data (dev only): the French TimeBank dev split (even positions in name order), the
real-page times dev gold (``times_rows("dev")``: the three dev files, the body as ``--body`` gives
it) and the invented check set (``tests/data/times/check.jsonl``). Out of sample, two checks, each
scored with the rules alone and with the rules plus the tagger's added spans:

- TimeBank halves (the halves of ``bench/timebank_halves.sh``): train on the other half, the real
  pages and the check set, score this half with the shared TimeBank scorer's counts;
- real pages by site-grouped folds: train on TimeBank dev, the check set and the other folds' sites,
  score the held-out sites with ``AllTypes`` (``bench/real_eval.py times --body``'s all-types counts).

``--show`` prints every added span out of sample with its verdict (dev material only). Test parts
are never loaded here.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.times.times_cv import SHARED, Item, _parse_all, _real_counter, _tb_counter, _timebank_module  # noqa: E402
from veille.times.learned import TEMPLATES  # noqa: E402

CHECK = ROOT / "tests" / "data" / "times" / "check.jsonl"


def load(with_check: bool = True) -> tuple[list[Item], dict[str, list[tuple[int, int, str, str]]]]:
    """Items (TimeBank dev ``tb:``, real dev pages ``site:``, check set ``check``) and each item's
    gold (start, end, type, value) in its parse's text."""
    from tools.real_pages.gold import sites as page_sites
    from tools.real_pages.times import doc_index, gold_spans
    from veille.pipeline import Pipeline

    pipeline = Pipeline(doc_stages=[])
    items: list[Item] = []
    gold: dict[str, list[tuple[int, int, str, str]]] = {}
    tb = _timebank_module()
    files = sorted((SHARED / "external" / "fr-timebank" / "Data").glob("*.tml"))[0::2]  # dev only
    docs = {p.stem: tb.parse(p) for p in files}
    recs = [(k, {"text": d["text"], "date": d["dct"], "title": ""}) for k, d in docs.items()]
    for rid, art, doc in _parse_all(pipeline, recs):
        d = docs[rid]
        items.append(Item(rid, "tb:" + rid, art, doc, _tb_counter(tb, d)))
        gold[rid] = aligned(doc.text, d["text"], [(g["start"], g["end"], g["type"], g["value"]) for g in d["timex"]
                                                  if g["type"] in ("DATE", "TIME", "DURATION", "SET")])
    sites = page_sites()
    recs, scorers, spans = [], {}, {}
    for page, row, entry, lines, given in real_dev_pages():
        recs.append((page, given))
        g = gold_spans(entry, row.get("times", []), lines)
        scorers[page] = (_real_counter(entry, lines, g), sites.get(page, page), doc_index(entry, lines)[0])
        spans[page] = [(t["begin"], t["finish"], t["type"], t.get("value")) for t in g if not t.get("optional")]
    for rid, art, doc in _parse_all(pipeline, recs):
        score, site, text = scorers[rid]
        items.append(Item(rid, "site:" + site, art, doc, score))
        gold[rid] = aligned(doc.text, text, spans[rid])
    if with_check:
        rows = [json.loads(ln) for ln in CHECK.read_text(encoding="utf-8").splitlines() if ln.strip()]
        recs = [(r["id"], {"text": r["text"], "date": r["dct"], "title": ""}) for r in rows]
        by_id = {r["id"]: r for r in rows}
        for rid, art, doc in _parse_all(pipeline, recs):
            at, found = 0, []
            for t in by_id[rid]["timex"]:
                k = doc.text.find(t["text"], at)
                if k >= 0:
                    found.append((k, k + len(t["text"]), t["type"], t.get("value")))
                    at = k + len(t["text"])
            items.append(Item(rid, "check", art, doc, lambda times, own="": {}))
            gold[rid] = found
    return items, gold


def real_dev_pages() -> Iterator[tuple[str, dict, dict, list[str], dict]]:
    """(page, times gold row, page gold entry, view lines, body-given input record) of each real dev
    page with times gold and a body (the four dev files, as ``real_eval.py times --body`` gives it)."""
    from tools.real_pages.gold import GOLD_DIR
    from tools.real_pages.gold import load as load_rows
    from tools.real_pages.materialize import paragraphs, title_text
    from tools.real_pages.times import times_rows
    from tools.real_pages.view import view_lines

    pages = {e["page"]: e for e in load_rows(GOLD_DIR / "gold_dev.jsonl")}
    for page, row in times_rows("dev").items():
        entry = pages.get(page)
        if entry is None or entry.get("article") is False or row.get("part") not in (None, "dev"):
            continue
        lines = view_lines(page)
        body = "\n\n".join(paragraphs(entry, lines))
        if body.strip():
            yield page, row, entry, lines, {"title": title_text(entry, lines), "text": body,
                                            "date": entry.get("published")}


def aligned(text: str, source: str, spans: list[tuple]) -> list[tuple]:
    """``spans`` of ``source`` placed in ``text`` (the parse's copy, its spaces and lines redone):
    each wording at its occurrence nearest the place it had; a wording not found is left out."""
    out = []
    scale = len(text) / max(len(source), 1)
    for a, b, *rest in spans:
        words = source[a:b].split()
        if not words:
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")
        hits = [m.span() for m in pattern.finditer(text)]
        if hits:
            k, e = min(hits, key=lambda h: abs(h[0] - a * scale))
            out.append((k, e, *rest))
    return out


def rule_times(items: list[Item]) -> dict[str, list[dict]]:
    """The rules' times of each item (the tagger switched off)."""
    from veille.pipeline import Pipeline
    from veille.times import TimeStage

    stage = TimeStage(Pipeline(doc_stages=[]).ctx)
    out = {}
    with mock.patch("veille.times.learned.load_tagger", lambda: None):
        for it in items:
            art = copy.copy(it.article)
            stage(art, it.doc, None)
            out[it.id] = [t.__dict__ for t in art.times]
    return out


def covered(times: list[dict]) -> list[tuple[int, int]]:
    return [tuple(s) for t in times for s in (t.get("spans") or [])]  # type: ignore[misc]


def train(items: list[Item], gold: dict, rules: dict[str, list[dict]], **kw: Any) -> Any:
    from veille.times.learned_fit import fit, value_memory

    tagger = fit([(it.doc, covered(rules[it.id]), [g[:3] for g in gold[it.id]]) for it in items], **kw)
    tagger.meta["values"] = value_memory([(it.doc.text[a:b], v) for it in items for a, b, _, v in gold[it.id]])
    return tagger


def scored(items: list[Item], tagger: Any) -> Counter[str]:
    """Summed scorer counts of the items with ``tagger`` (None: the rules alone)."""
    from veille.pipeline import Pipeline
    from veille.times import TimeStage

    stage = TimeStage(Pipeline(doc_stages=[]).ctx)
    total: Counter[str] = Counter()
    with mock.patch("veille.times.learned.load_tagger", lambda: tagger):
        for it in items:
            art = copy.copy(it.article)
            stage(art, it.doc, None)
            c = it.score([t.__dict__ for t in art.times], art.nlp_text())
            c.pop("errors", None)
            total.update(c)
    return total


def f1(c: Counter[str], k: str) -> float:
    p = c[k] / c["pred"] if c["pred"] else 0.0
    r = c[k] / c["gold"] if c["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def line(name: str, c: Counter[str]) -> str:
    return (f"{name:28s} gold {c['gold']:4d} pred {c['pred']:4d}  strict {f1(c, 'strict'):.3f}  "
            f"relaxed {f1(c, 'relaxed'):.3f}  value {f1(c, 'value'):.3f}")


def show(items: list[Item], tagger: Any, rules: dict[str, list[dict]], gold: dict) -> None:
    from veille.times.learned import learned_value
    from veille.times.rules import engine

    for it in items:
        for a, b, kind, conf in tagger.spans(it.doc, covered(rules[it.id])):
            hit = [g for g in gold[it.id] if g[0] < b and a < g[1]]
            verdict = "strict" if any(g[:2] == (a, b) for g in hit) else "overlap" if hit else "extra"
            words = it.doc.text[a:b]
            print(f"  {it.group:24s} {verdict:7s} {conf:.2f} {kind:8s} {words!r} "
                  f"= {learned_value(tagger, words, kind, engine().units)} gold {[g[2:] for g in hit]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, nargs="+", default=[0.5])
    ap.add_argument("--epochs", type=int, default=150)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--templates", nargs="+", default=[",".join(TEMPLATES)],
                    help="feature templates, comma-separated (several sets: each checked in turn)")
    ap.add_argument("--write", type=Path, help="fit on every dev item and write the weights there")
    a = ap.parse_args()
    sets = [tuple(t.split(",")) for t in a.templates]
    templates = sets[0]
    items, gold = load()
    rules = rule_times(items)
    if a.write:
        tagger = train(items, gold, rules, epochs=a.epochs, l2=a.l2, threshold=a.threshold[0], templates=templates)
        tagger.save(a.write)
        print(f"written to {a.write}: {tagger.meta['tokens']} tokens, threshold {tagger.threshold}")
        return 0
    tb = sorted((it for it in items if it.group.startswith("tb:")), key=lambda it: it.id)
    halves = {"A": tb[0::2], "B": tb[1::2]}
    real = [it for it in items if it.group.startswith("site:")]
    site_list = sorted({it.group for it in real})
    fold_of = {s: i % a.folds for i, s in enumerate(site_list)}
    rest = [it for it in items if it.group == "check"]
    checks: list[tuple[str, list[Item], list[Item]]] = []
    for name, half in halves.items():
        other = halves["B" if name == "A" else "A"]
        checks.append((f"TimeBank half {name}", half, other + real + rest))
    for k in range(a.folds):
        held = [it for it in real if fold_of[it.group] == k]
        checks.append((f"real fold {k}", held, tb + rest + [it for it in real if fold_of[it.group] != k]))
    for templates in sets:
        print("templates", ",".join(templates))
        sums: dict[tuple[str, float | None], Counter[str]] = {}
        for name, held, train_items in checks:
            tagger = train(train_items, gold, rules, epochs=a.epochs, l2=a.l2, templates=templates)
            kind = "tb" if name.startswith("TimeBank") else "real"
            base = scored(held, None)
            print(line(name + " rules", base))
            sums.setdefault((kind, None), Counter()).update(base)
            for th in a.threshold:
                tagger.threshold = th
                c = scored(held, tagger)
                print(line(f"{name} +tagger {th}", c))
                sums.setdefault((kind, th), Counter()).update(c)
                if a.show and th == a.threshold[0]:
                    show(held, tagger, rules, gold)
            sys.stdout.flush()
        for (kind, th), c in sorted(sums.items(), key=lambda kv: (kv[0][0], kv[0][1] or -1)):
            print(line(f"ALL {kind} {'rules' if th is None else th}", c))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
