"""Census of ACCUSE events told through a quote (issue 13, helper accusequote), dev + fresh gold only.

    .venv/bin/python bench/events_quote_blame.py PRED.jsonl [--part dev+fresh] [--list]

``PRED.jsonl``: records of the part's pages with quotes and events (``bench/events_real.py --pred
DIR`` keeps them, ``events-<part>.jsonl``). For each gold ACCUSE (fact or intent): is its trigger
inside a quote the quotes stage found (direct or indirect), is that quote's speaker the gold source,
is the gold target named in the quote or only elsewhere in the sentence, did the coder find it.
The other side: quotes with a speaker and another named actor inside, in annotated sentences,
and whether the gold has an ACCUSE by that speaker in their sentence (the precision a judge pays).
Counts by site; ``--list`` prints page:line, the gold trigger word and labels (no other page text).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from events_real import RECORDED, _as_list, events_by_sentence  # noqa: E402
from real_eval import _scorer  # noqa: E402
from tools.real_pages.actor_examples import gold_sentences, page_sites  # noqa: E402

ACTOR_TYPES = ("PER", "ORG", "LOC")


def _fold(s: str | None) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", (s or "").lower())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")


def _written(names, text: str) -> bool:
    """A gold name (or list) written in ``text``: the whole name or its last word (a surname)."""
    t = _fold(text)
    for n in _as_list(names):
        if n and (_fold(n) in t or (len(n.split()) > 1 and len(n.split()[-1]) > 3 and _fold(n.split()[-1]) in t)):
            return True
    return False


def _quotes_over(rec: dict, sent_text: str, trigger: str | None) -> list[dict]:
    """The record's quotes lying in the sentence (their text inside it or it inside theirs); with
    ``trigger``, only those holding the trigger word."""
    s = _fold(sent_text)
    out = []
    for q in rec.get("quotes", []):
        qt = _fold(q.get("text"))
        if len(qt) < 8 or not (qt[:40] in s or s[:40] in qt):
            continue
        if trigger is not None and _fold(trigger) not in qt:
            continue
        out.append(q)
    return out


def census(part: str, pred: Path, listing: bool) -> None:
    scorer = _scorer()
    names = scorer.Names({})
    sites = page_sites()
    records = {Path(json.loads(line)["source"]["path"]).stem: json.loads(line)
               for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()}
    rows: Counter = Counter()
    row_sites: dict[str, set[str]] = defaultdict(set)
    other: Counter = Counter()
    other_sites: dict[str, set[str]] = defaultdict(set)
    listed: list[str] = []
    for page, sents in sorted(gold_sentences(part).items()):
        rec = records.get(page) or {}
        site = sites.get(page, page)
        by_sent = events_by_sentence(rec.get("events", []), sents, scorer.tokens)
        for i, s in enumerate(sents):
            preds = by_sent.get(i, [])
            for g, span in zip(s["events"], s["spans"], strict=True):
                if "ACCUSE" not in _as_list(g["type"])[:1] or g.get("mode") not in RECORDED:
                    continue
                found = any(p.get("type") == "ACCUSE" and names.same(p.get("source"), g["source"])
                            and (g.get("target") is None or names.same(p.get("target"), g["target"])) for p in preds)
                inq = _quotes_over(rec, s["text"], span)
                anyq = _quotes_over(rec, s["text"], None)
                if inq:
                    where = "trigger in quote"
                elif anyq:
                    where = "sentence has quote"
                else:
                    where = "no quote"
                spk = "-"
                if anyq:
                    spk = ("speaker=source" if any(names.same(q.get("speaker"), g["source"]) for q in anyq)
                           else "source null" if g["source"] is None else "speaker other")
                tgt = ("target null" if g.get("target") is None
                       else "target in quote" if any(_written(g["target"], q["text"]) for q in anyq)
                       else "target in sentence" if _written(g["target"], s["text"]) else "target elsewhere")
                key = (where, spk, tgt, "found" if found else "missed")
                rows[key] += 1
                row_sites[key].add(site)
                if listing:
                    listed.append(f"{page}:{s['start'][0]} {site} trig={span!r} | {' | '.join(key)}")
            # the other side: quotes with a speaker and another actor named inside
            golds = [g for g in s["events"] if g.get("mode") in RECORDED]
            for q in _quotes_over(rec, s["text"], None):
                if not q.get("speaker"):
                    continue
                inside = [e["name"] for e in rec.get("entities", []) if e.get("type") in ACTOR_TYPES
                          and e["name"] != q["speaker"] and any(_written(m, q["text"]) for m in [e["name"]])]
                if not inside:
                    continue
                acc = [g for g in golds if "ACCUSE" in _as_list(g["type"]) and names.same(q["speaker"], g["source"])]
                label = ("ACCUSE by speaker, target inside" if any(g.get("target") is None or any(
                    names.same(n, g["target"]) for n in inside) for g in acc) else
                         "ACCUSE by speaker, other target" if acc else
                         "other event by speaker" if any(names.same(q["speaker"], g["source"]) for g in golds)
                         else "no event by speaker")
                key2 = (q.get("kind", "direct"), label)
                other[key2] += 1
                other_sites[key2].add(site)
                if listing:
                    listed.append(f"{page}:{s['start'][0]} {site} quote({q.get('kind')}) | {label}")
    print(f"gold ACCUSE (fact/intent) in {part}: {sum(rows.values())} events")
    for key, n in sorted(rows.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d} ({len(row_sites[key]):2d} sites)  " + " | ".join(key))
    print("quotes with a speaker and another named actor inside, in annotated sentences:")
    for key, n in sorted(other.items(), key=lambda kv: -kv[1]):
        print(f"  {n:4d} ({len(other_sites[key]):2d} sites)  " + " | ".join(key))
    if listing:
        print("\n".join(listed))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--part", default="dev+fresh", choices=["dev", "fresh", "dev+fresh"])
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    census(args.part, args.pred, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
