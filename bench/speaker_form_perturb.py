"""Speakers of the dev who pages in the press forms issue 16 names that no other variant writes.

    python bench/speaker_form_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--pred FILE]
                                         [--list VARIANT ...] [--json]

Every dev who page handed over body given, as ``bench/real_eval.py who --body`` does, then in each form
of ``bench/speaker_form_variants.py``: the speaker named only in the sentence after the quote
(``name-after-verb`` "C'est ce qu'a dit X", ``name-after-words`` "Ces mots sont ceux de X"), a quote cut
by its incise with an apposition and running on (``incise-runon`` in a new pair of marks,
``incise-inside`` in the same), two voices' paragraphs joined with a third person named between them as
an object (``third-between``), an interview's question lines before one voice's answers named once in a
lede (``interview-qa``), and a heading made of a quote's first words (``quote-heading``). The gold
speakers are the page's; each gold quote's span is mapped through the edits, a quote cut by an inserted
incise is one gold quote a part, and a quote heading is a gold quote of the voice of the quote it repeats.

One row per variant over the pages it changes: direct F1 / speaker and indirect F1 / speaker as given
-> in the variant. ``--list VARIANT ...`` prints the quotes whose speaker's rightness differs between
the page as given and the variant (page, offset, gold, both predictions and rules): dev pages only, to
read in ``--keep DIR`` (outside the repository: the pages are copyrighted).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from chain_perturb import changed_speakers  # noqa: E402
from quote_perturb import MEASURES  # noqa: E402
from quote_variants import Mapped, _paragraphs, apply_edits  # noqa: E402
from speaker_form_variants import FORMS, VARIANT_NAMES, Change, interview_qa, third_between  # noqa: E402
from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402


def _voices(page: frame.WhoPage, paras: list[tuple[int, int]]) -> list[set]:
    voices: list[set] = [set() for _ in paras]
    for q, span in zip(page.gold.get("quotes", []), page.spans, strict=True):
        k = None if span is None else next((i for i, (s, e) in enumerate(paras) if s <= span[0] < e), None)
        if k is not None:
            s = q.get("speaker")
            voices[k].add(json.dumps(s, ensure_ascii=False) if s is not None else None)
    return voices


def page_change(page: frame.WhoPage, variant: str) -> Change:
    if variant == "third-between":
        paras = _paragraphs(page.body)
        return third_between(paras, _voices(page, paras), page.body)
    if variant == "interview-qa":
        return interview_qa(page.body, lambda at: _speaker_at(page, at))
    return FORMS[variant](page.body)


def _speaker_at(page: frame.WhoPage, at: int) -> str | None:
    """The gold voice (one named speaker) of the quote whose mark opens at ``at``."""
    for q, span in zip(page.gold.get("quotes", []), page.spans, strict=True):
        if span and at <= span[0] <= at + 5 and isinstance(q.get("speaker"), str):
            return q["speaker"]
    return None


def variant_quotes(page: frame.WhoPage, mapped: Mapped, change: Change) -> list[dict]:
    """The gold quotes in the variant: each cut at an inserted incise is one quote a part (the later
    parts appended, so the first keeps its index), and each heading a quote of the voice it repeats."""
    quotes = frame.mapped_quotes(page, mapped)
    extra = []
    for i, q in enumerate(quotes):
        for cut in change.cuts:
            if cut in q["text"]:
                first, *rest = [p.strip() for p in q["text"].split(cut)]
                quotes[i] = q = {**q, "text": first}
                extra += [{**q, "text": p} for p in rest if p]
    for heading, at in change.headings:
        k = next((i for i, span in enumerate(page.spans) if span and (span[0] <= at < span[1] or at <= span[0] <= at + 5)),
                 None)
        if k is not None:
            extra.append({**quotes[k], "text": heading})
    return quotes + extra


def build(part: str, variants: list[str], gold_dir: Path, inputs: Path) -> dict[str, list[str]]:
    """Gold files and inputs for the pages as given and for each variant that changes a page."""
    cases = frame.Cases(gold_dir, inputs, variants)
    for page in frame.who_pages(part, gold_dir):
        for variant in [frame.GIVEN, *variants]:
            change = Change() if variant == frame.GIVEN else page_change(page, variant)
            if variant != frame.GIVEN and not change.edits:
                continue
            mapped = apply_edits(page.body, change.edits)
            record = {**page.gold, "quotes": variant_quotes(page, mapped, change)}
            cases.add(variant, page, record, page.gold.get("title"), mapped.text)
    return cases.changed


def run(part: str, variants: list[str], keep: Path | None, pred_file: Path | None, listing: list[str]) -> dict:
    scorer = shared_scorer()
    with frame.workspace(keep) as work:
        changed, gold_dir, pred = frame.built_and_extracted(
            work, lambda gold, inputs: build(part, variants, gold, inputs), pred_file)
        result = frame.score_variants(changed, gold_dir, lambda folder: scorer.score(folder, pred), page_sites())
        if listing:
            preds = scorer.load_predictions(pred)
            result["changed"] = [(v, *row) for v in listing for row in changed_speakers(scorer, gold_dir, preds, v)]
        return result


def main() -> int:
    ap = frame.who_parser(__doc__, VARIANT_NAMES, with_pred=True)
    ap.add_argument("--list", nargs="*", choices=VARIANT_NAMES, default=[],
                    help="the quotes whose speaker these variants break or fix")
    args = ap.parse_args()
    if frame.shared_missing():
        return 1
    result = run(args.part, args.variants, args.keep, args.pred, args.list)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"who {args.part}, body given: {result[frame.GIVEN]['pages']} pages")
    frame.print_who_table(result, args.variants, MEASURES, 16, 22, with_sites=True)
    for row in result.get("changed", []):
        print("\t".join(str(x) for x in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
