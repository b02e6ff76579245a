"""Entities and speakers of the dev who pages with their person names in other forms (issue 16).

    python bench/name_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--json]
                                 [--pred FILE]

Every dev who page (the fresh pages included) is handed over body given, as ``bench/real_eval.py who
--body`` does, and again in each form of ``bench/name_variants.py``, applied to every person of the
gold (a ``PER`` entity of two words or more) through the title and the body, by offsets: the surname
in capitals ("Jean DUPONT"), the given names as initials ("J.-M. Dupont"; not on M, which reads "Monsieur"), a compound given name
without its hyphen, a particle before the surname ("de", "Le", "van der"; persons the knowledge base does not know), no diacritics, the other
Latin spelling of a Cyrillic name, a title before each mention ("le général", "Me", "Dr"; "title-other": "le Pr", "Mgr", "le docteur",
"Maître", "la juge", "le colonel"), and the
surname alone after the first mention. The gold follows: a person's name becomes the new form where
the page no longer writes the old one (the old one stays an alias where both denote the person, as
for initials and transliterations); each gold quote is found in the body and its span mapped.

One row per variant, over the pages it changes: person entities (PER, typed), direct F1 / speaker
and indirect F1 / speaker on those pages as given, then in the variant. Aggregates only; texts and
predictions go to ``--keep DIR`` (outside the repository: the pages are copyrighted). All inputs
are extracted in one ``veille extract`` run (``--pred`` scores the predictions of an earlier one).
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
from name_variants import VARIANTS, Mention, Person, Variant, edits_for, person_of  # noqa: E402
from quote_variants import apply_edits, locate  # noqa: E402
from tools.real_pages.materialize import SCORER, materialize, paragraphs, shared_scorer  # noqa: E402
from tools.real_pages.view import PAGES, view_lines  # noqa: E402

MEASURES = ("persons", "quotes_direct", "speaker_direct", "quotes_indirect", "speaker_indirect")
SEP = "__"


def _people(gold: dict, unknown_only: bool = False) -> list[Person]:
    """The persons of a gold file; ``unknown_only``: those the knowledge base does not know (a
    particle put into a known person's name makes a name no one has)."""
    from veille.kb import load_kb

    kb = load_kb()
    out = []
    for ent in gold.get("entities", []):
        p = person_of(ent["name"]) if ent["type"] == "PER" else None
        if p is not None and p not in out and not (unknown_only and kb.lookup(ent["name"], "PER")):
            out.append(p)
    return out


def gold_names(gold: dict, people: list[Person], variant: Variant) -> tuple[list[dict], dict[str, str]]:
    """The gold entities under ``variant``, and old name -> new name for the speakers."""
    index = {p.name: (i, p) for i, p in enumerate(people)}
    renamed: dict[str, str] = {}
    entities = []
    for ent in gold.get("entities", []):
        i, p = index.get(ent["name"], (None, None)) if ent["type"] == "PER" else (None, None)
        new = variant.gold(p, i) if p is not None else []
        if not new:
            entities.append(ent)
            continue
        surname = variant.write(Mention(0, 0, p, False, False), i) or p.surname
        aliases = [surname if a == p.surname else a for a in ent.get("aliases", [])]
        entities.append({**ent, "name": new[0], "aliases": [*new[1:], *aliases]})
        renamed[ent["name"]] = new[0]
    return entities, renamed


def _speaker(value, renamed: dict[str, str]):
    if isinstance(value, list):
        return [renamed.get(v, v) for v in value]
    return renamed.get(value, value)


def build(part: str, variants: list[str], gold_dir: Path, inputs: Path) -> dict[str, list[str]]:
    """Gold files and inputs for the pages as given and for each variant that changes a page;
    returns variant -> pages changed."""
    entries, who, _ = _gold("who", part)
    base = gold_dir / "base"
    materialize(entries, base, who=who)
    changed: dict[str, list[str]] = {v: [] for v in ["given", *variants]}
    inputs.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        page = entry["page"]
        gold_file = base / f"{page}.json"
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        body = "\n\n".join(paragraphs(entry, view_lines(page)))
        title = gold.get("title") or ""
        everyone, unknown = _people(gold), _people(gold, unknown_only=True)
        spans = [locate(body, q["text"]) for q in gold.get("quotes", [])]
        for variant in ["given", *variants]:
            rule = VARIANTS.get(variant)
            people = unknown if variant == "particle" else everyone
            body_edits = edits_for(body, people, rule) if rule else []
            title_edits = edits_for(title, people, rule) if rule else []
            if rule and not body_edits and not title_edits:
                continue
            mapped = apply_edits(body, body_edits)
            entities, renamed = gold_names(gold, people, rule) if rule else (gold.get("entities", []), {})
            quotes = []
            for q, span in zip(gold.get("quotes", []), spans, strict=True):
                if span is not None:
                    s, e = mapped.span(*span)
                    q = {**q, "text": " ".join(mapped.text[s:e].split())}
                quotes.append({**q, "speaker": _speaker(q.get("speaker"), renamed)})
            new_title = apply_edits(title, title_edits).text
            stem = f"{variant}{SEP}{page}"
            folder = gold_dir / variant
            folder.mkdir(parents=True, exist_ok=True)
            record = {**gold, "title": new_title, "entities": entities, "quotes": quotes}
            (folder / f"{stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            text = {"title": new_title, "text": mapped.text, "date": entry.get("published")}
            (inputs / f"{stem}.json").write_text(json.dumps(text, ensure_ascii=False), encoding="utf-8")
            changed[variant].append(page)
    return changed


def persons(scorer, gold_dir: Path, preds: dict) -> dict:
    """Person entities only: gold PER against predicted PER."""
    tally = scorer.Tally()
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        names = scorer.Names(gold)
        gents = [e for e in gold.get("entities", []) if e["type"] == "PER"]
        pents = [e for e in preds.get(gold_file.stem, {}).get("entities", []) if e.get("type") == "PER"]
        scorer.score_items(gents, pents, lambda g, p, n=names: n.same(p.get("name"), g["name"]), tally)
    return tally.prf()


def _subset(gold_dir: Path, variant: str, pages: list[str]) -> Path:
    folder = gold_dir / f"given-for-{variant}"
    folder.mkdir(exist_ok=True)
    for page in pages:
        shutil.copy(gold_dir / "given" / f"given{SEP}{page}.json", folder / f"given{SEP}{page}.json")
    return folder


def _scores(scorer, folder: Path, pred: Path, preds: dict) -> dict:
    return {**scorer.score(folder, pred), "persons": persons(scorer, folder, preds)}


def _cell(result: dict, measure: str) -> str:
    value = result[measure]
    return f"{value['f1']:.3f}" if "f1" in value else (f"{value['accuracy']:.3f}" if value["accuracy"] is not None
                                                         else "—")


def run(part: str, variants: list[str], keep: Path | None, pred_file: Path | None = None) -> dict:
    scorer = shared_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        gold_dir, inputs, pred = work / "gold", work / "inputs", pred_file or work / "pred.jsonl"
        for old in (gold_dir, inputs):
            shutil.rmtree(old, ignore_errors=True)
        changed = build(part, variants, gold_dir, inputs)
        if pred_file is None:
            paths = sorted(str(p) for p in inputs.iterdir())
            subprocess.run([sys.executable, "-m", "veille", "extract", *paths, "--output", str(pred), "--explain"],
                           cwd=ROOT, check=False, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        preds = scorer.load_predictions(pred)
        out = {}
        for variant in ["given", *variants]:
            pages = changed[variant]
            row: dict = {"pages": len(pages)}
            if pages:
                row["variant"] = _scores(scorer, gold_dir / variant, pred, preds)
                if variant != "given":
                    row["given"] = _scores(scorer, _subset(gold_dir, variant, pages), pred, preds)
            out[variant] = row
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev")
    ap.add_argument("--variants", nargs="+", choices=sorted(VARIANTS), default=list(VARIANTS))
    ap.add_argument("--keep", type=Path, help="keep gold, inputs and predictions here (outside the repository)")
    ap.add_argument("--pred", type=Path, help="score these predictions of the --keep inputs instead of extracting")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return 1
    result = run(args.part, args.variants, args.keep, args.pred)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    given = result["given"]
    print(f"who {args.part}, body given: {given['pages']} pages")
    print(f"{'variant':20} {'pages':>5}  " + "  ".join(f"{m:>16}" for m in MEASURES))
    print(f"{'given':20} {given['pages']:5}  " + "  ".join(f"{_cell(given['variant'], m):>16}" for m in MEASURES))
    for variant in args.variants:
        row = result[variant]
        if not row["pages"]:
            print(f"{variant:20} {0:5}")
            continue
        cells = [f"{_cell(row['given'], m)} -> {_cell(row['variant'], m)}" for m in MEASURES]
        print(f"{variant:20} {row['pages']:5}  " + "  ".join(f"{c:>16}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
