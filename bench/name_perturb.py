"""Entities and speakers of the dev who pages with their person names in other forms (issue 16).

    python bench/name_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--json]
                                 [--pred FILE]

Every dev who page (the fresh pages included) is handed over body given, as ``bench/real_eval.py who
--body`` does, and again in each form of ``bench/name_variants.py``, applied to every person of the
gold (a ``PER`` entity of two words or more) through the title and the body, by offsets: the surname
in capitals ("Jean DUPONT"), the given names as initials ("J.-M. Dupont"; not on M, which reads "Monsieur", nor on a
sovereign's number, an epithet or two persons of the same initials and surname), a compound given name
without its hyphen, a particle before the surname ("de", "Le", "van der"; persons the knowledge base does not know), no diacritics, the other
Latin spelling of a Cyrillic name, each press form of a particle or compound surname on its own
("particle-fr": de/d'/du/des/de la, "de" dropped before the surname alone; "particle-nl": van/van
der/von/ten/zu; "particle-it": di/da/dos/del/de los; "particle-ar": ben/bin/ould/al-/el-/Abou;
"particle-mac": Mac/Mc/O' glued; "caps-particle": "de LA X" in capitals; "surname-hyphen" and
"surname-double": a second invented surname after a hyphen or a space; "three-part": an invented
middle given name; all on persons the KB does not know), a title before each mention ("le général", "Me", "Dr"; "title-other": "le Pr", "Mgr", "le docteur",
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

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from name_variants import UNKNOWN_ONLY, VARIANTS, Mention, Person, Variant, edits_for, initialable, person_of  # noqa: E402
from quote_variants import apply_edits  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

MEASURES = ("persons", "quotes_direct", "speaker_direct", "quotes_indirect", "speaker_indirect")


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
    cases = frame.Cases(gold_dir, inputs, variants)
    for page in frame.who_pages(part, gold_dir):
        gold = page.gold
        title = gold.get("title") or ""
        everyone, unknown = _people(gold), _people(gold, unknown_only=True)
        for variant in [frame.GIVEN, *variants]:
            rule = VARIANTS.get(variant)
            people = unknown if variant in UNKNOWN_ONLY else everyone
            if variant == "initial":
                people = [p for p in everyone if initialable(p, everyone)]
            body_edits = edits_for(page.body, people, rule) if rule else []
            title_edits = edits_for(title, people, rule) if rule else []
            if rule and not body_edits and not title_edits:
                continue
            mapped = apply_edits(page.body, body_edits)
            entities, renamed = gold_names(gold, people, rule) if rule else (gold.get("entities", []), {})
            quotes = frame.mapped_quotes(page, mapped, lambda speaker, renamed=renamed: _speaker(speaker, renamed))
            new_title = apply_edits(title, title_edits).text
            record = {**gold, "title": new_title, "entities": entities, "quotes": quotes}
            cases.add(variant, page, record, new_title, mapped.text)
    return cases.changed


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


def run(part: str, variants: list[str], keep: Path | None, pred_file: Path | None = None) -> dict:
    scorer = shared_scorer()
    with frame.workspace(keep) as work:
        changed, gold_dir, pred = frame.built_and_extracted(
            work, lambda gold, inputs: build(part, variants, gold, inputs), pred_file)
        preds = scorer.load_predictions(pred)
        return frame.score_variants(changed, gold_dir, lambda folder: {**scorer.score(folder, pred),
                                                                 "persons": persons(scorer, folder, preds)})


def main() -> int:
    args = frame.who_parser(__doc__, VARIANTS, with_pred=True).parse_args()
    if frame.shared_missing():
        return 1
    result = run(args.part, args.variants, args.keep, args.pred)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"who {args.part}, body given: {result[frame.GIVEN]['pages']} pages")
    frame.print_who_table(result, args.variants, MEASURES, 20, 16)
    return 0


if __name__ == "__main__":
    sys.exit(main())
