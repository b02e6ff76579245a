"""Quotes and speakers of the dev who pages under typographic perturbation (issue 16).

    python bench/quote_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--json]

Every dev who page (the fresh pages included) is handed over body given, as ``bench/real_eval.py
who --body`` does, and again in each form of ``bench/quote_variants.py``: guillemets without the
spaces inside them or with (narrow) no-break spaces, English curly “ ” and straight " marks, curly
marks that curl one way (”…”, ``curly-closing``),
reversed marks (» … «), nested quotes in ‹ › or in ‘ ’ inside “ ”, a closing mark missing where a
quote runs over paragraphs (``continued``: the next paragraph reopens with «) or at any paragraph
end (``no-close-end``), a paragraph-long quote set as a dialogue answer after — or –, the paragraphs
merged into one, an interview's short questions run on with the paragraph after them (``qa-joined``),
hard-wrapped at 72 columns with a three-space indent (as lynx writes), incises set off by commas or
by dashes instead of closing and reopening marks; marks that do not pair or were lost: curly marks
turned the wrong way at random (``unpaired-curly``), every opening mark lost (``lost-open``), one mark
of each quote lost (``lost-mark``), every mark gone (``no-marks``). Each gold quote is found in the
body and its span mapped through the edits, so the gold stays that of the page.

One row per variant, over the pages the variant changes: direct F1 / speaker and indirect F1 /
speaker on those pages as given, then in the variant. Aggregates only; the texts and predictions
go to ``--keep DIR`` (outside the repository: the pages are copyrighted). All inputs are extracted
in one ``veille extract`` run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from quote_variants import VARIANTS, apply_edits  # noqa: E402
from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

MEASURES = ("quotes_direct", "speaker_direct", "quotes_indirect", "speaker_indirect")


def build(part: str, variants: list[str], gold_dir: Path, inputs: Path) -> tuple[dict[str, list[str]], int]:
    """Gold files and inputs for the pages as given (variant ``given``) and for each variant that
    changes a page. Returns variant -> pages changed, and the number of gold quotes not found in
    their body (kept with their text: the variants change no word)."""
    cases = frame.Cases(gold_dir, inputs, variants)
    lost = 0
    for page in frame.who_pages(part, gold_dir):
        lost += sum(s is None for s in page.spans)
        for variant in [frame.GIVEN, *variants]:
            edits = [] if variant == frame.GIVEN else VARIANTS[variant](page.body)
            if variant != frame.GIVEN and not edits:
                continue
            mapped = apply_edits(page.body, edits)
            cases.add(variant, page, {**page.gold, "quotes": frame.mapped_quotes(page, mapped)}, page.gold.get("title"),
                      mapped.text)
    return cases.changed, lost


def run(part: str, variants: list[str], keep: Path | None) -> dict:
    scorer = shared_scorer()
    sites = page_sites()
    with frame.workspace(keep) as work:
        gold_dir, inputs, pred = work / "gold", work / "inputs", work / "pred.jsonl"
        changed, lost = build(part, variants, gold_dir, inputs)
        frame.extract(inputs, pred)
        return {"lost_gold_quotes": lost,
                **frame.score_variants(changed, gold_dir, lambda folder: scorer.score(folder, pred), sites)}


def main() -> int:
    args = frame.who_parser(__doc__, VARIANTS).parse_args()
    if frame.shared_missing():
        return 1
    result = run(args.part, args.variants, args.keep)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"who {args.part}, body given: {result[frame.GIVEN]['pages']} pages; gold quotes not found in their body: "
          f"{result['lost_gold_quotes']}")
    frame.print_who_table(result, args.variants, MEASURES, 14, 22, with_sites=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
