"""Quotes and speakers of the dev who pages under typographic perturbation (issue 16).

    python bench/quote_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--json]

Every dev who page (the fresh pages included) is handed over body given, as ``bench/real_eval.py
who --body`` does, and again in each form of ``bench/quote_variants.py``: guillemets without the
spaces inside them or with (narrow) no-break spaces, English curly “ ” and straight " marks,
reversed marks (» … «), nested quotes in ‹ › or in ‘ ’ inside “ ”, a closing mark missing where a
quote runs over paragraphs (``continued``: the next paragraph reopens with «) or at any paragraph
end (``no-close-end``), a paragraph-long quote set as a dialogue answer after — or –, the paragraphs
merged into one, an interview's short questions run on with the paragraph after them (``qa-joined``),
hard-wrapped at 72 columns with a three-space indent (as lynx writes), incises set off by commas or
by dashes instead of closing and reopening marks. Each gold quote is found in the
body and its span mapped through the edits, so the gold stays that of the page.

One row per variant, over the pages the variant changes: direct F1 / speaker and indirect F1 /
speaker on those pages as given, then in the variant. Aggregates only; the texts and predictions
go to ``--keep DIR`` (outside the repository: the pages are copyrighted). All inputs are extracted
in one ``veille extract`` run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from bench.real_eval import _gold  # noqa: E402
from quote_variants import VARIANTS, apply_edits, locate  # noqa: E402
from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import SCORER, materialize, paragraphs, shared_scorer  # noqa: E402
from tools.real_pages.view import PAGES, view_lines  # noqa: E402

MEASURES = ("quotes_direct", "speaker_direct", "quotes_indirect", "speaker_indirect")
SEP = "__"  # variant SEP page: the file stem of one input


def build(part: str, variants: list[str], gold_dir: Path, inputs: Path) -> tuple[dict[str, list[str]], int]:
    """Gold files and inputs for the pages as given (variant ``given``) and for each variant that
    changes a page. Returns variant -> pages changed, and the number of gold quotes not found in
    their body (kept with their text: the variants change no word)."""
    entries, who, _ = _gold("who", part)
    base = gold_dir / "base"
    materialize(entries, base, who=who)
    changed: dict[str, list[str]] = {v: [] for v in ["given", *variants]}
    lost = 0
    inputs.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        page = entry["page"]
        gold_file = base / f"{page}.json"
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        body = "\n\n".join(paragraphs(entry, view_lines(page)))
        spans = [locate(body, q["text"]) for q in gold.get("quotes", [])]
        lost += sum(s is None for s in spans)
        for variant in ["given", *variants]:
            edits = [] if variant == "given" else VARIANTS[variant](body)
            if variant != "given" and not edits:
                continue
            mapped = apply_edits(body, edits)
            quotes = []
            for q, span in zip(gold.get("quotes", []), spans, strict=True):
                if span is not None:
                    s, e = mapped.span(*span)
                    q = {**q, "text": " ".join(mapped.text[s:e].split())}
                quotes.append(q)
            stem = f"{variant}{SEP}{page}"
            folder = gold_dir / variant
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{stem}.json").write_text(json.dumps({**gold, "quotes": quotes}, ensure_ascii=False),
                                                 encoding="utf-8")
            record = {"title": gold.get("title"), "text": mapped.text, "date": entry.get("published")}
            (inputs / f"{stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            changed[variant].append(page)
    return changed, lost


def _given_subset(gold_dir: Path, variant: str, pages: list[str]) -> Path:
    """The as-given gold files of the pages a variant changes, in a folder of their own."""
    folder = gold_dir / f"given-for-{variant}"
    folder.mkdir(exist_ok=True)
    for page in pages:
        shutil.copy(gold_dir / "given" / f"given{SEP}{page}.json", folder / f"given{SEP}{page}.json")
    return folder


def _cell(result: dict, measure: str) -> str:
    value = result[measure]
    return f"{value['f1']:.3f}" if "f1" in value else (f"{value['accuracy']:.3f}" if value["accuracy"] is not None
                                                         else "—")


def run(part: str, variants: list[str], keep: Path | None) -> dict:
    scorer = shared_scorer()
    sites = page_sites()
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        gold_dir, inputs, pred = work / "gold", work / "inputs", work / "pred.jsonl"
        for old in (gold_dir, inputs):
            shutil.rmtree(old, ignore_errors=True)
        changed, lost = build(part, variants, gold_dir, inputs)
        paths = sorted(str(p) for p in inputs.iterdir())
        subprocess.run([sys.executable, "-m", "veille", "extract", *paths, "--output", str(pred), "--explain"],
                       cwd=ROOT, check=False, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        out = {"lost_gold_quotes": lost}
        for variant in ["given", *variants]:
            pages = changed[variant]
            if not pages:
                out[variant] = {"pages": 0}
                continue
            row = {"pages": len(pages), "sites": len({sites.get(p, p) for p in pages}),
                   "variant": scorer.score(gold_dir / variant, pred)}
            if variant != "given":
                row["given"] = scorer.score(_given_subset(gold_dir, variant, pages), pred)
            out[variant] = row
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev")
    ap.add_argument("--variants", nargs="+", choices=sorted(VARIANTS), default=list(VARIANTS))
    ap.add_argument("--keep", type=Path, help="keep gold, inputs and predictions here (outside the repository)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return 1
    result = run(args.part, args.variants, args.keep)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    given = result["given"]
    print(f"who {args.part}, body given: {given['pages']} pages; gold quotes not found in their body: "
          f"{result['lost_gold_quotes']}")
    print(f"{'variant':14} {'pages':>5} {'sites':>5}  " + "  ".join(f"{m:>22}" for m in MEASURES))
    print(f"{'given':14} {given['pages']:5} {given['sites']:5}  "
          + "  ".join(f"{_cell(given['variant'], m):>22}" for m in MEASURES))
    for variant in args.variants:
        row = result[variant]
        if not row["pages"]:
            print(f"{variant:14} {0:5}")
            continue
        cells = [f"{_cell(row['given'], m)} -> {_cell(row['variant'], m)}" for m in MEASURES]
        print(f"{variant:14} {row['pages']:5} {row['sites']:5}  " + "  ".join(f"{c:>22}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
