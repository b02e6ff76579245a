"""Quantities of the dev who pages rewritten as other outlets print them (issue 16).

    python bench/quantity_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--pred FILE] [--json]

Every dev who page (the fresh pages included) is handed over body given, as ``bench/real_eval.py
who --body`` does, and again in each form of ``bench/quantity_forms.py``: each gold quantity found
in the body rewritten into that form with the same value (thousands grouped by dots, apostrophes,
narrow no-break spaces or spaces; "16 mille"; "16 000 000" <-> "16 millions"; "12,5 %" <->
"12,5 pour cent", "12,5 p. 100"; money as "1,2 Md€" / "3 M$", "1,2 milliard d'euros", "EUR 1,2
milliard", "CHF 3 millions"), the gold text moved with it (``perturb_frame``'s offset map).

One row per variant, over the pages the variant changes, with the number of quantities rewritten:
quantities F1 and value accuracy on those pages as given, then in the variant. Aggregates only;
texts and predictions go to ``--keep DIR`` (outside the repository: the pages are copyrighted);
``--pred`` rescores the predictions of a kept run. All inputs are extracted in one ``veille
extract`` run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from quantity_forms import FORMS  # noqa: E402
from quote_variants import apply_edits, locate  # noqa: E402
from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

MEASURES = ("quantities", "quantity_value")


def occurrences(text: str, target: str) -> list[tuple[int, int]]:
    """Every span of ``target`` in ``text`` (white space compared as one space), left to right."""
    spans, pos = [], 0
    while (found := locate(text[pos:], target)) is not None:
        spans.append((pos + found[0], pos + found[1]))
        pos += found[1]
    return spans


def edits_of(text: str, quantities: list[dict], form) -> tuple[list[tuple[int, int, str]], list[tuple[int, int] | None]]:
    """The edits rewriting every occurrence in ``text`` of each gold quantity into ``form`` (the
    gold lists a text printed twice once; overlaps dropped), and the span of each quantity's first
    occurrence (``None``: not found, or not rewritten)."""
    edits, spans, taken = [], [], []
    for q in quantities:
        first = None
        for span in occurrences(text, q["text"]):
            new = form(text[span[0]:span[1]], q["value"], q.get("unit"))
            if new is None or any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            edits.append((span[0], span[1], new))
            first = first or span
        spans.append(first)
    return edits, spans


def build(part: str, variants: list[str], gold_dir: Path, inputs: Path) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Gold files and inputs for the pages as given and for each variant that rewrites a quantity
    of a page. Returns variant -> pages changed, and variant -> quantities rewritten."""
    cases = frame.Cases(gold_dir, inputs, variants)
    rewritten = {v: 0 for v in variants}
    for page in frame.who_pages(part, gold_dir):
        golds = page.gold.get("quantities", [])
        cases.add(frame.GIVEN, page, page.gold, page.gold.get("title"), page.body)
        for variant in variants:
            edits, spans = edits_of(page.body, golds, FORMS[variant])
            if not edits:
                continue
            mapped = apply_edits(page.body, edits)
            title = page.gold.get("title")
            if title:
                title = apply_edits(title, edits_of(title, golds, FORMS[variant])[0]).text
            moved = []
            for q, span in zip(golds, spans, strict=True):
                if span is not None:
                    s, e = mapped.span(*span)
                    q = {**q, "text": mapped.text[s:e]}
                moved.append(q)
            rewritten[variant] += len(edits)
            cases.add(variant, page, {**page.gold, "title": title, "quantities": moved}, title, mapped.text)
    return cases.changed, rewritten


def run(part: str, variants: list[str], keep: Path | None, pred_file: Path | None = None) -> dict:
    scorer = shared_scorer()
    sites = page_sites()
    with frame.workspace(keep) as work:
        counts: dict[str, int] = {}

        def make(gold_dir: Path, inputs: Path) -> dict[str, list[str]]:
            changed, rewritten = build(part, variants, gold_dir, inputs)
            counts.update(rewritten)
            return changed

        changed, gold_dir, pred = frame.built_and_extracted(work, make, pred_file)
        result = frame.score_variants(changed, gold_dir, lambda folder: scorer.score(folder, pred), sites)
        for variant, n in counts.items():
            result[variant]["rewritten"] = n
        return result


def main() -> int:
    args = frame.who_parser(__doc__, FORMS, with_pred=True).parse_args()
    if frame.shared_missing():
        return 1
    result = run(args.part, args.variants, args.keep, args.pred)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"who {args.part}, body given: {result[frame.GIVEN]['pages']} pages; quantities rewritten by variant: "
          + ", ".join(f"{v} {result[v].get('rewritten', 0)}" for v in args.variants))
    frame.print_who_table(result, args.variants, MEASURES, 16, 16, with_sites=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
