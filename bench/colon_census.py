"""Direct quotes of the who gold by how they are brought in: after a colon (by what the lead-in before
the colon is), over several paragraphs, on question–answer pages; right / wrong / missed by site
(issue 16, helper colonlead).

    .venv/bin/python bench/real_eval.py who --part dev --body --explain --keep /tmp/keep
    .venv/bin/python bench/colon_census.py /tmp/keep/who-dev.jsonl [--part dev|fresh] [--list]

Each scored gold direct quote found in its body (as ``bench/perturb_frame.who_pages`` hands the page
over) is put in one lead class: ``colon-cue`` (the sentence before the colon holds a speech verb and
words before it: "X a expliqué :"), ``colon-bare-cue`` (a speech verb and nothing before it: "Et
d'ajouter :"), ``colon-name`` (a short lead-in with no speech verb that opens on a capital: "X :",
"X, maire de Vienne :"), ``colon-other`` (any other sentence ending on a colon: "Même ligne chez X :"),
each ``+break`` when the colon ends the paragraph before the quote's; else ``no-colon``. Apart: quotes
whose gold runs over a paragraph break (``multi-paragraph``), and the quotes of question–answer pages
(three or more short paragraphs that end on "?"). Counts, sites and rule names; ``--list`` adds page ids
and the rule of each wrong or missed quote (no text: dev and fresh only).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
import perturb_frame as frame  # noqa: E402
from quote_lead_variants import incise_verbs  # noqa: E402
from tools.quotes.speaker_rule_table import rule_label  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

LEAD_WORDS = 8        # a lead-in this short with no speech verb that opens on a capital is a name
QUESTION_WORDS = 40   # a paragraph ending on "?" this short is an interview question
QUESTIONS = 3         # a page with this many is a question–answer page
_SENTENCE_END = re.compile(r"[.!?…][»”\"]?\s+(?=[«“\"]?\s*[A-ZÀ-ÖØ-Þ])")


def lead_class(body: str, start: int) -> str:
    """The lead class of a quote whose words start at ``start``."""
    j = start
    while j > 0 and (body[j - 1] in " \u00a0\u202f«“\"—–-"):
        j -= 1
    before = body[:j]
    brk = ""
    if before.endswith("\n"):
        before, brk = before.rstrip(), "+break"
    if not before.endswith(":"):
        return "no-colon"
    para = before[before.rfind("\n") + 1:-1]
    sent = _SENTENCE_END.split(para)[-1]
    words = re.findall(r"[\w'’-]+", sent.lower())
    present, participles = incise_verbs()
    verb_at = next((k for k, w in enumerate(words) if w in present or w in participles
                    or w.split("’")[-1].split("'")[-1] in present), None)
    if verb_at is not None:
        return ("colon-cue" if verb_at > 0 and words[0] not in ("et", "d", "de") else "colon-bare-cue") + brk
    if len(words) <= LEAD_WORDS and sent.strip()[:1].isupper():
        return "colon-name" + brk
    return "colon-other" + brk


def qa_page(body: str) -> bool:
    paras = [p.strip() for p in body.split("\n\n")]
    return sum(1 for p in paras if p.endswith("?") and len(p.split()) <= QUESTION_WORDS) >= QUESTIONS


def census(pred_path: Path, part: str) -> list[dict]:
    """One row per scored gold direct quote found in its body: page, site, class, multi, qa, status, rule."""
    scorer = shared_scorer()
    preds = scorer.load_predictions(pred_path)
    site_of = sites()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in frame.who_pages(part, Path(tmp)):
            pred = preds.get(page.page, {})
            names = scorer.Names(page.gold)
            gq = [(q, span) for q, span in zip(page.gold.get("quotes", []), page.spans, strict=True)
                  if q.get("kind", "direct") == "direct"]
            pq = [q for q in pred.get("quotes", []) if q.get("kind", "direct") == "direct"]
            pairs = dict(scorer.greedy_match([q for q, _ in gq], pq,
                                             lambda g, p: scorer.dice(g["text"], p.get("text", "")) >= 0.5))
            qa = qa_page(page.body)
            for k, (q, span) in enumerate(gq):
                if q.get("optional") or span is None:
                    continue
                p = pq[pairs[k]] if k in pairs else None
                status = "missed" if p is None else ("right" if names.same(p.get("speaker"), q.get("speaker"))
                                                     else "wrong")
                rows.append({"page": page.page, "site": site_of.get(page.page, page.page),
                             "class": lead_class(page.body, span[0]), "multi": "\n" in page.body[span[0]:span[1]],
                             "qa": qa, "status": status, "rule": rule_label(p.get("rule")) if p else "-"})
    return rows


def _line(label: str, rs: list[dict]) -> str:
    st = Counter(r["status"] for r in rs)
    wrong_sites = {r["site"] for r in rs if r["status"] != "right"}
    return (f"  {label:22} n={len(rs):4}  right {st['right']:4}  wrong {st['wrong']:3}  missed {st['missed']:3}  "
            f"sites {len({r['site'] for r in rs}):3}  sites wrong/missed {len(wrong_sites):3}")


def report(rows: list[dict], listing: bool) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["class"]].append(r)
        if r["multi"]:
            groups["multi-paragraph"].append(r)
        if r["qa"]:
            groups["qa-page"].append(r)
    print(f"scored gold direct quotes found in their body: {len(rows)}")
    for label in sorted(groups, key=lambda g: (g == "no-colon", g)):
        rs = groups[label]
        print(_line(label, rs))
        rules = Counter((r["rule"], r["status"]) for r in rs)
        if label != "no-colon":
            print("      rules: " + ", ".join(f"{rule} {st} {n}" for (rule, st), n in rules.most_common()))
        if listing and label != "no-colon":
            bad = [f"{r['page']}:{r['rule']}:{r['status']}" for r in rs if r["status"] != "right"]
            if bad:
                print("      " + " ".join(bad))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path, help="predictions kept by real_eval.py who --body --explain --keep")
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev")
    ap.add_argument("--list", action="store_true", help="page ids and rules of the wrong and missed quotes")
    args = ap.parse_args()
    if frame.shared_missing():
        return 1
    report(census(args.pred, args.part), args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
