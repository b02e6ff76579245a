"""Who entities lost to the name a cluster goes by, and clusters merging two gold entities (issue 16).

    .venv/bin/python bench/real_eval.py who --body --part dev --keep /tmp/X
    .venv/bin/python bench/entity_display.py /tmp/X/who-dev.jsonl [--part dev|fresh|test] [--list]

A gold entity's forms are its name, its aliases and the text of its marked mentions (read in the
view by offsets); a form two gold entities of the page share (a surname) is nobody's. A predicted
cluster *holds* a gold entity when one of its mentions is one of that entity's forms.

- display: a required gold entity the scorer leaves unmatched while an unmatched cluster of ours
  holds it; by mechanism (how our display name relates to the gold's: ``spelling`` (diacritics,
  hyphen or space), ``longer-cap-start/end`` (a capitalised word glued before or after),
  ``longer-low``, ``shorter``, ``cross``, ``kb`` when our cluster is KB-linked) and site.
- merge: a cluster of ours holding two gold entities or more; by mechanism (``surname``: persons
  sharing their last word, ``acronym``, ``other``) and site.

Numbers (and, for dev and fresh, page ids) by default: a held-out part is counted unread; ``--list``
prints the names, dev and fresh only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from tools.entities.keep_cv import sites  # noqa: E402
from tools.real_pages.gold import gold_files, load  # noqa: E402
from tools.real_pages.materialize import shared_scorer, span_text  # noqa: E402
from tools.real_pages.view import view_lines  # noqa: E402

_WORD = re.compile(r"\w+")


def gold_forms(scorer, entry: dict) -> list[set[str]]:
    """Each gold entity's normalised forms, less those another entity of the page also has."""
    lines = view_lines(entry["page"]) if "page" in entry else []
    forms: list[set[str]] = []
    for g in entry.get("entities", []):
        own = {scorer.norm(g["name"])} | {scorer.norm(a) for a in g.get("aliases", [])}
        for line, a, b in g.get("mentions", []) if lines else []:  # (a perturbation's gold has no offsets)
            own.add(scorer.norm(span_text(lines, [line, a], [line, b])))
        forms.append({scorer.strip_accents(f) for f in own if f})
    counts = Counter(f for fs in forms for f in fs)
    return [{f for f in fs if counts[f] == 1} for fs in forms]


def holds(scorer, pred: dict, forms: list[set[str]]) -> list[int]:
    written = {scorer.strip_accents(scorer.norm(m)) for m in pred.get("mentions", [])}
    return [i for i, fs in enumerate(forms) if fs & written]


def display_mechanism(scorer, gold: dict, pred: dict) -> str:
    if pred.get("kb_id"):
        return "kb"
    g, p = scorer.norm(gold["name"]), scorer.norm(pred.get("name"))
    flat = {scorer.strip_accents(x).replace("-", " ").replace("'", " ") for x in (g, p)}
    if len(flat) == 1:
        return "spelling"
    gw, pw = scorer.tokens(gold["name"]), scorer.tokens(pred.get("name"))
    n = len(gw)
    if len(pw) > n and (pw[:n] == gw or pw[-n:] == gw):
        extra = (pred.get("name") or "").split()
        where = "end" if pw[:n] == gw else "start"
        glued = extra[n:] if where == "end" else extra[: len(extra) - n]
        case = "cap" if glued and all(w[:1].isupper() for w in glued) else "low"
        return f"longer-{case}-{where}"
    if set(pw) < set(gw):
        return "shorter"
    return "cross"


def merge_mechanism(golds: list[dict]) -> str:
    if all(g["type"] == "PER" for g in golds):
        lasts = {_WORD.findall(g["name"].lower())[-1] for g in golds if _WORD.findall(g["name"])}
        return "surname" if len(lasts) == 1 else "persons"
    if any(len(_WORD.findall(g["name"])) == 1 and g["name"].isupper() for g in golds):
        return "acronym"
    return "other"


def matched_entities(scorer, entry: dict, record: dict) -> tuple:
    """The page's gold and predicted entities, the scorer's name matcher and greedy pairs, the matched
    indices of each side, and the spellings each gold entity is written in."""
    gents, pents = entry.get("entities", []), record.get("entities", [])
    names = scorer.Names(entry)
    pairs = scorer.greedy_match(gents, pents, lambda g, p: names.same(p.get("name"), g["name"]))
    got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
    return gents, pents, names, pairs, got_g, got_p, gold_forms(scorer, entry)


def page_rows(scorer, entry: dict, record: dict) -> list[dict]:
    gents, pents, names, pairs, got_g, got_p, forms = matched_entities(scorer, entry, record)
    rows: list[dict] = []
    for pi, p in enumerate(pents):
        held = holds(scorer, p, forms)
        if len(held) >= 2:
            gs = [gents[i] for i in held]
            rows.append({"class": "merge", "mechanism": merge_mechanism(gs), "name": p.get("name"),
                         "gold": " | ".join(g["name"] for g in gs)})
        if pi in got_p:
            continue
        for gi in held:
            g = gents[gi]
            if gi in got_g or g.get("optional"):
                continue
            rows.append({"class": "display", "mechanism": display_mechanism(scorer, g, p), "name": p.get("name"),
                         "gold": g["name"], "type": f"{g['type']}/{p.get('type')}"})
    return rows


def _entries(part: str, folder: Path | None):
    """(page id, gold entry) of the part's who gold, or of a folder of shared-format gold files."""
    if folder is not None:
        for path in sorted(folder.glob("*.json")):
            yield path.stem, json.loads(path.read_text(encoding="utf-8"))
        return
    for path in gold_files("who", part):
        if path.exists():
            for entry in load(path):
                yield entry["page"], entry


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path, help="predictions kept by real_eval.py who --keep")
    ap.add_argument("--part", default="dev", choices=["dev", "fresh", "test", "test2", "test4"])
    ap.add_argument("--list", action="store_true", help="print the names (dev and fresh only)")
    ap.add_argument("--gold", type=Path, help="a folder of gold files in the shared format instead of the part "
                                              "(a variant of bench/name_perturb.py --keep DIR: DIR/gold/VARIANT)")
    args = ap.parse_args()
    if args.list and args.part not in ("dev", "fresh"):
        ap.error("--list reads dev or fresh only")
    scorer = shared_scorer()
    records = scorer.load_predictions(args.pred)
    site_of = sites()
    by: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)
    pages = 0
    for page, entry in _entries(args.part, args.gold):
        if page not in records:
            continue
        pages += 1
        for row in page_rows(scorer, entry, records[page]):
            by[(row["class"], row["mechanism"])].append((page, row))
    print(f"{args.part}: {pages} pages")
    for (cls, mech), items in sorted(by.items()):
        site_set = {site_of.get(page.rpartition("__")[2], page) for page, _ in items}
        types = Counter(row.get("type", "") for _, row in items if row.get("type"))
        ids = ",".join(sorted({page for page, _ in items})) if args.part in ("dev", "fresh") else ""
        typed = " ".join(f"{t}:{n}" for t, n in sorted(types.items()))
        print(f"{cls:8} {mech:18} {len(items):3} on {len(site_set):2} sites  {typed}  {ids}")
        if args.list:
            for page, row in items:
                print(f"    {page} {site_of.get(page.rpartition('__')[2], page)}: ours {row['name']!r}  gold {row['gold']!r} {row.get('type', '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
