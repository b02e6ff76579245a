"""Quotes and speakers of the dev who pages when a quote's cue comes before it, a long quote runs over
paragraphs, or an interview names its speaker before the answer (issue 16, helper colonlead).

    python bench/quote_lead_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--json]

Every dev who page handed over body given, then in each form of ``bench/quote_lead_variants.py``:
``colon-lead`` ("« … », a dit X." written "X a dit : « … »."), ``colon-lead-break`` (the same lead-in
ending the paragraph before a quote that opens its own), ``split-paragraphs`` (a long quote cut into
two or three paragraphs, each reopening with «, only the last closing), ``split-paragraphs-closed``
(each paragraph closing with » too: one gold quote a paragraph, the same speaker), ``name-colon``
("Paul Arnaud : « … »") and ``name-dash`` ("Paul Arnaud. – …", no marks). The gold speaker is
the page's; each gold quote's span is mapped through the edits.

One row per variant over the pages it changes: direct F1 / speaker and indirect F1 / speaker as given
-> in the variant. Aggregates only; texts and predictions go to ``--keep DIR`` (outside the repository).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from quote_lead_variants import LEAD_VARIANTS, PARAGRAPH_CUT, SPLIT_GOLD  # noqa: E402
from quote_perturb import MEASURES  # noqa: E402
from quote_variants import Mapped, apply_edits  # noqa: E402
from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402


def variant_quotes(page: frame.WhoPage, mapped: Mapped, split_gold: bool) -> list[dict]:
    """The page's gold quotes in the variant: the marks a cut set inside a quote taken out of its text,
    and with ``split_gold`` one quote for each paragraph it was cut into."""
    out = []
    for q in frame.mapped_quotes(page, mapped):
        parts = [" ".join(p.split()) for p in PARAGRAPH_CUT.split(q["text"]) if p.strip()]
        if split_gold and len(parts) > 1:
            out += [{**q, "text": p} for p in parts]
        else:
            out.append({**q, "text": " ".join(parts) or q["text"]})
    return out


def build(part: str, variants: list[str], gold_dir: Path, inputs: Path) -> dict[str, list[str]]:
    """Gold files and inputs for the pages as given and for each variant that changes a page."""
    cases = frame.Cases(gold_dir, inputs, variants)
    for page in frame.who_pages(part, gold_dir):
        for variant in [frame.GIVEN, *variants]:
            edits = [] if variant == frame.GIVEN else LEAD_VARIANTS[variant](page.body)
            if variant != frame.GIVEN and not edits:
                continue
            mapped = apply_edits(page.body, edits)
            record = {**page.gold, "quotes": variant_quotes(page, mapped, variant in SPLIT_GOLD)}
            cases.add(variant, page, record, page.gold.get("title"), mapped.text)
    return cases.changed


def main() -> int:
    args = frame.who_parser(__doc__, LEAD_VARIANTS).parse_args()
    if frame.shared_missing():
        return 1
    scorer = shared_scorer()
    with frame.workspace(args.keep) as work:
        gold_dir, inputs, pred = work / "gold", work / "inputs", work / "pred.jsonl"
        changed = build(args.part, args.variants, gold_dir, inputs)
        frame.extract(inputs, pred)
        result = frame.score_variants(changed, gold_dir, lambda folder: scorer.score(folder, pred), page_sites())
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"who {args.part}, body given: {result[frame.GIVEN]['pages']} pages")
    frame.print_who_table(result, args.variants, MEASURES, 24, 22, with_sites=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
