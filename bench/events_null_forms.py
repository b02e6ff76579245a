"""Candidates dropped for want of a source, by the form of their doer (issue 13, helper evnull).

Every coder candidate of a gold sentence (every readable dev batch, body given) whose source the
rules left empty and that ``source_rules.agentless`` did not keep, grouped by type and by the form
of its subject: a bare group ("des habitants", "les riverains"), "on", another pronoun, a passive
without agent, an event noun, an infinitive, a verb with no subject. For each form: how many of
those candidates the gold codes with a null source at their trigger and type (what keeping them
would gain) and how many it does not (what keeping them would cost), with their sites.

    .venv/bin/python bench/events_null_forms.py [--part dev|fresh|fresh4|fresh5|all] [--list FORM ...]

``--list`` prints page:line, site, type, trigger word, the source rule and the verdict (no page text).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

PARTS = {"all": ("dev", "fresh", "fresh4", "fresh5")}
SUBJ = ("nsubj", "nsubj:pass", "expl:subj")


def form(view: Any, head: Any) -> str:
    """The form of the doer slot of a candidate whose source nobody found."""
    from veille.events.view import agent, passive
    from veille.events.words import lower_text

    if head.pos_ in ("NOUN", "PROPN"):
        return "event-noun:" + (head.dep_.split(":")[0] if head.dep_ in SUBJ + ("obj", "ROOT") else "other")
    subjects = [c for c in head.children if c.dep_ in SUBJ]
    if (passive(head) or "Voice=Pass" in str(head.morph)) and agent(head) is None:
        return "passive-no-agent"
    if "VerbForm=Inf" in str(head.morph) and not subjects:
        return "infinitive"
    if not subjects:
        return "participle-no-subject" if "VerbForm=Part" in str(head.morph) else "verb-no-subject"
    s = subjects[0]
    if s.pos_ == "PRON":
        return "on" if lower_text(s) == "on" else "pronoun:" + lower_text(s)
    if view.tok_entity[s.i] is not None:
        return "named-subject"
    if s.pos_ in ("NOUN", "NUM"):
        dets = [lower_text(d) for d in s.children if d.dep_ == "det"]
        plural = "Number=Plur" in str(s.morph)
        if not dets or dets[0] in ("des", "de", "d'", "plusieurs", "certains", "quelques"):
            return "group:bare" if plural else "noun:bare"
        return "group:definite" if plural else "noun:definite"
    return "subject-other"


def subject_lemma(head: Any) -> str:
    """The lemma of the candidate's subject (one word, no page text), or "-"."""
    return next((c.lemma_.lower() for c in head.children if c.dep_ in SUBJ), "-")


def collect(part: str) -> list[dict]:
    from tools.real_pages import actor_examples as ax

    import veille.events.coder as coder_module
    from veille.events.ranker import load_ranker

    same = ax.names().Names({}).same
    sites = ax._sites()
    gold = ax.gold_sentences(part)
    parsed = ax.parse_pages(part)
    dropped: list[tuple] = []
    original = coder_module.agentless

    def watching(view, cand, head, roles):  # noqa: ANN001, ANN202
        kept = original(view, cand, head, roles)
        if not kept:
            dropped.append((view, cand, head, roles))
        return kept

    coder_module.agentless = watching
    rows = []
    try:
        for page, item in sorted(parsed.items()):
            dropped.clear()
            events = ax.code(item, load_ranker(), [])
            doc = item[3]
            for s, at, end, preds, _recs in ax.sentences_in_text(doc, events, [], gold.get(page, [])):
                lost = []
                for g, words, types, hit in ax.gold_matches(s, preds, same):
                    pos = doc.text.find(words, at) if words else -1
                    if hit is None and pos >= 0 and g["source"] is None:
                        lost.append((pos, pos + len(words), types))
                for view, cand, head, roles in dropped:
                    if not at <= head.idx < end:
                        continue
                    toks = [doc[i].idx for i in cand.tokens]
                    good = any(cand.trigger.type in types and any(a <= t < b for t in toks) for a, b, types in lost)
                    rows.append({"page": page, "line": s["start"][0], "site": sites.get(page, page),
                                 "type": cand.trigger.type, "word": head.text, "rule": roles.source.rule,
                                 "form": form(view, head), "gold": good, "subject": subject_lemma(head)})
    finally:
        coder_module.agentless = original
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "fresh", "fresh4", "fresh5", "all"], default="all")
    ap.add_argument("--list", nargs="*", default=[], help="forms to list (page:line, no page text)")
    args = ap.parse_args()
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing counted")
        return 0
    rows = [r for part in PARTS.get(args.part, (args.part,)) for r in collect(part)]
    for r in rows:
        if r["form"] in args.list or r["form"].split(":")[0] in args.list:
            print(f"{r['form']} {r['page']}:{r['line']} {r['site']} {r['type']} «{r['word']}» subject {r['subject']} [{r['rule']}] "
                  f"{'GOLD' if r['gold'] else 'not-gold'}")
    by: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        by[(r["form"], "*")].append(r)
        by[(r["form"], r["type"])].append(r)
    print(f"{args.part}, body given: {len(rows)} candidates in gold sentences dropped for want of a source")
    print(f"  {'form':24} {'type':10} gold (sites)  not-gold (sites)")
    for (f, t), rs in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1] != "*", -len(kv[1]))):
        g = [r for r in rs if r["gold"]]
        n = [r for r in rs if not r["gold"]]
        print(f"  {f:24} {t:10} {len(g):4} ({len({r['site'] for r in g}):2})  {len(n):4} ({len({r['site'] for r in n}):2})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
