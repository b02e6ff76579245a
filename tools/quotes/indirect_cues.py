"""Indirect quote detection by cue, judged by site: for each cue lemma, the predicted indirect quotes that
match a scored gold quote (right), an optional one (optional) or none (wrong), and on how many distinct
sites; and the scored gold indirect quotes no prediction matched (missed), by the cue word read before
them in the text.

    PYTHONPATH=src .venv/bin/python bench/real_eval.py who --part dev --body --explain --keep DIR
    PYTHONPATH=src .venv/bin/python bench/extra_who.py --body --part heldout3 --explain --keep DIR/h3
    PYTHONPATH=src .venv/bin/python bench/extra_who.py --body --part heldout5 --explain --keep DIR/h5
    PYTHONPATH=src .venv/bin/python tools/quotes/indirect_cues.py DIR [--show CUE] [--missed]

Only dev material is read (the corpus dev part and the outside dev who pages of heldout3 and heldout5);
``--show`` and ``--missed`` print page text to the terminal only (the pages stay outside the repo).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_speakers as fs  # noqa: E402
from bench.real_eval import _scorer  # noqa: E402

from tools.real_pages.materialize import materialize  # noqa: E402
from veille.common.fold import bare  # noqa: E402
from veille.quotes.resources import load_speech_verbs  # noqa: E402

KEPT = {"corpus": "who-dev.jsonl", "heldout3": "h3/who-extra.jsonl", "heldout5": "h5/who-extra.jsonl"}


def cue_lemma(cue: str | None, by_form: dict) -> str:
    """The lexicon lemma of a cue's last word that is a cue ("a tenu à préciser" -> préciser)."""
    words = re.findall(r"[\w'’-]+", cue or "")
    for w in reversed(words):
        entry = by_form.get(bare(w))
        if entry is not None:
            return entry.lemma
    return bare(words[-1]) if words else "-"


def cue_before(text: str, start: int, by_form: dict) -> str:
    """The last cue word in the 60 characters before a gold clause (its likely cue), else "-"."""
    window = text[max(0, start - 60):start]
    for w in reversed(re.findall(r"[\w'’-]+", window)):
        entry = by_form.get(bare(w))
        if entry is not None:
            return entry.lemma
    return "-"


def rows(keep: Path) -> list[dict]:
    """One row per predicted indirect quote and per missed scored gold indirect quote."""
    scorer = _scorer()
    _, by_form = load_speech_verbs()
    out: list[dict] = []
    for g in fs.gold_sets(tuple(KEPT)):
        path = keep / KEPT[g.name]
        if not path.exists():
            print(f"{path} absent, {g.name} left out", file=sys.stderr)
            continue
        preds = scorer.load_predictions(path)
        with tempfile.TemporaryDirectory() as tmp:
            materialize(g.entries, Path(tmp), who=g.who, lines_of=g.lines_of)
            for gold_file in sorted(Path(tmp).glob("*.json")):
                gold = json.loads(gold_file.read_text(encoding="utf-8"))
                pred = preds.get(gold_file.stem, {})
                text = (pred["title"] + "\n\n" if pred.get("title") else "") + "\n\n".join(pred.get("paragraphs", []))
                names = scorer.Names(gold)
                site = g.sites.get(gold_file.stem, gold_file.stem)
                gq = [q for q in gold.get("quotes", []) if q.get("kind") == "indirect"]
                pq = [q for q in pred.get("quotes", []) if q.get("kind") == "indirect"]
                gd = [q for q in gold.get("quotes", []) if q.get("kind") == "direct"]
                out += speaker_rows(scorer, gold, pred, names, site, gold_file.stem, text)
                pairs = scorer.greedy_match(gq, pq, lambda a, b: scorer.dice(a["text"], b.get("text", "")) >= 0.5)
                got_g, got_p = dict(pairs), {p: gi for gi, p in pairs}
                for i, p in enumerate(pq):
                    gi = got_p.get(i)
                    if gi is None:
                        as_direct = any(scorer.dice(d["text"], p.get("text", "")) >= 0.5 for d in gd)
                        verdict = "wrong-direct" if as_direct else "wrong"
                    else:
                        verdict = "optional" if gq[gi].get("optional") else "right"
                    ok = None if gi is None else names.same(p.get("speaker"), gq[gi].get("speaker"))
                    out.append({"page": gold_file.stem, "site": site, "cue": cue_lemma(p.get("cue"), by_form),
                                "verdict": verdict, "speaker_ok": ok, "text": p.get("text", ""),
                                "context": text[max(0, p.get("start", 0) - 90):p.get("start", 0)],
                                "speaker": p.get("speaker"), "rule": p.get("rule"),
                                "gold_speaker": None if gi is None else gq[gi].get("speaker")})
                for i, q in enumerate(gq):
                    if i in got_g or q.get("optional"):
                        continue
                    at = text.find(q["text"][:40])
                    out.append({"page": gold_file.stem, "site": site,
                                "cue": cue_before(text, at, by_form) if at >= 0 else "?", "verdict": "missed",
                                "speaker_ok": None, "text": q["text"],
                                "context": text[max(0, at - 90):at] if at >= 0 else "",
                                "speaker": None, "rule": None, "gold_speaker": q.get("speaker")})
    return out


def speaker_rows(scorer, gold: dict, pred: dict, names, site: str, page: str, text: str) -> list[dict]:
    """Matched scored quotes of either kind whose speaker is wrong, with whether the gold speaker is an entity
    the prediction holds at all (else the entity stage missed it: no rule could have chosen it)."""
    out = []
    pred_names = [e.get("name") for e in pred.get("entities", [])]
    for kind in ("direct", "indirect"):
        gq = [q for q in gold.get("quotes", []) if q.get("kind") == kind]
        pq = [q for q in pred.get("quotes", []) if q.get("kind") == kind]
        for gi, pi in scorer.greedy_match(gq, pq, lambda a, b: scorer.dice(a["text"], b.get("text", "")) >= 0.5):
            g, p = gq[gi], pq[pi]
            if g.get("optional") or names.same(p.get("speaker"), g.get("speaker")):
                continue
            held = g.get("speaker") is None or any(names.same(n, g.get("speaker")) for n in pred_names)
            out.append({"page": page, "site": site, "cue": p.get("cue") or "-", "verdict": f"speaker-{kind}",
                        "speaker_ok": False, "text": p.get("text", ""), "entity_missed": not held,
                        "context": text[max(0, p.get("start", 0) - 90):p.get("start", 0)],
                        "speaker": p.get("speaker"), "rule": p.get("rule"), "gold_speaker": g.get("speaker")})
    return out


def report(all_rows: list[dict]) -> None:
    by: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in all_rows:
        if r["verdict"].startswith("speaker"):
            continue
        by[r["cue"]][r["verdict"]].append(r["site"])
    print(f"{'cue':<16}{'right':>7}{'sites':>6}{'opt':>5}{'wrong':>7}{'sites':>6}{'w-dir':>6}{'missed':>7}{'sites':>6}")
    order = sorted(by, key=lambda c: -sum(len(v) for v in by[c].values()))
    for cue in order:
        v = by[cue]
        print(f"{cue:<16}{len(v['right']):>7}{len(set(v['right'])):>6}{len(v['optional']):>5}"
              f"{len(v['wrong']):>7}{len(set(v['wrong'])):>6}{len(v['wrong-direct']):>6}"
              f"{len(v['missed']):>7}{len(set(v['missed'])):>6}")
    n = {k: sum(1 for r in all_rows if r["verdict"] == k) for k in ("right", "optional", "wrong", "wrong-direct",
                                                                      "missed")}
    print("total", n)
    sp = [r for r in all_rows if r["verdict"].startswith("speaker")]
    print(f"wrong speakers: {len(sp)} on {len({r['site'] for r in sp})} sites; gold speaker not among the "
          f"entities: {sum(r['entity_missed'] for r in sp)} on {len({r['site'] for r in sp if r['entity_missed']})} sites")
    cells: dict[tuple, list] = defaultdict(list)
    for r in sp:
        rule = (r["rule"] or "-").split(" ")[0]
        cells[(rule, "gold null" if r["gold_speaker"] is None else "got null" if r["speaker"] is None
               else "other")].append(r["site"])
    for (rule, kind), sites in sorted(cells.items(), key=lambda kv: -len(kv[1]))[:25]:
        print(f"  {rule:<34}{kind:<10}{len(sites):>4} quotes {len(set(sites)):>3} sites")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("keep", type=Path, help="folder of kept predictions (see above)")
    ap.add_argument("--show", help="print the rows of this cue lemma (terminal only)")
    ap.add_argument("--missed", action="store_true", help="print every missed scored gold clause")
    ap.add_argument("--wrong", action="store_true", help="print every wrong (unmatched) prediction")
    ap.add_argument("--speakers", action="store_true", help="print every wrong speaker")
    args = ap.parse_args()
    all_rows = rows(args.keep)
    report(all_rows)
    for r in all_rows:
        if (args.show and r["cue"] == args.show) or (args.missed and r["verdict"] == "missed") or \
                (args.wrong and r["verdict"].startswith("wrong")) or \
                (args.speakers and r["verdict"].startswith("speaker")):
            flag = " ENTITY-MISSED" if r.get("entity_missed") else ""
            print(f"\n[{r['verdict']}{flag}] {r['page']} {r['site']} cue={r['cue']} speaker={r['speaker']!r} "
                  f"gold={r['gold_speaker']!r} rule={r['rule']}")
            print(f"   …{r['context'][-90:]!r}")
            print(f"   >> {r['text'][:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
