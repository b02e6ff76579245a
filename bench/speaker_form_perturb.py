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
from chain_perturb import speaker_main  # noqa: E402
from quote_variants import Mapped, _paragraphs, apply_edits  # noqa: E402
from speaker_form_variants import FORMS, VARIANT_NAMES, Change, interview_qa, third_between  # noqa: E402


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


def main() -> int:
    return speaker_main(__doc__, VARIANT_NAMES, build, 16)


if __name__ == "__main__":
    sys.exit(main())
