"""Every entity miss and spurious entity of a who part by the mechanism that made it, with sites (issue 16).

    .venv/bin/python bench/real_eval.py who --body --part dev --explain --keep /tmp/X/body
    .venv/bin/python bench/real_eval.py who --part dev --explain --keep /tmp/X/given
    .venv/bin/python bench/entity_mechanisms.py /tmp/X/body/who-dev.jsonl:dev /tmp/X/given/who-dev.jsonl:dev-given
    .venv/bin/python bench/entity_mechanisms.py /tmp/X/body/who-dev.jsonl:dev --list missed/cut   # dev only

Errors are paired as the shared scorer pairs them (``greedy_match`` on ``Names.same``). A gold
entity's forms are its name, its aliases and the text of its marked mentions (``entity_display``);
one of our clusters *holds* it when one of its mentions is such a form. Each required gold entity
left unmatched gets the first class that fits:

- ``refused:<decision>``: the stage refused a name that is one of its forms (``entity_refusals`` of
  a ``--explain`` run, by the refusing row's group: ``span``, ``typed``, ``foreign`` …);
- ``canonical``: a cluster of ours holds it, under another display name (two spellings or a
  descriptor and a name not brought to the gold's canonical name); ``merged`` when that cluster is
  matched to another gold entity of the page;
- ``cut`` / ``overlong`` / ``cross``: a cluster of ours shares a capitalised word with one of its
  forms: all our words inside the form (cut short), all the form's words inside ours (run on), else
  crossing;
- ``not-proposed``: nothing of ours comes near (NER never proposed it, or a decision dropped it
  without a refusal record).

Each of our clusters left unmatched: ``split`` (one of its names is a form of a gold entity another
cluster of ours matched: two spellings not merged), ``canonical`` (it holds a gold entity the scorer
leaves unmatched: the other side of the miss class), ``cut`` / ``overlong`` / ``cross`` (shares a
capitalised word with a missed gold form), ``heading`` (every mention in the title), ``initial``
(every mention one word opening a sentence or a paragraph), ``other`` (a name the gold does not
count). Wrong types (matched on the name) by gold -> ours. Every cell gives its count, its number of
sites and its types; a second part prints beside the first. Numbers only; ``--list CELL`` (dev and
fresh parts only) prints the rows of a cell with page, site and names, to the terminal.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from entity_aggregates import record_text  # noqa: E402
from entity_display import matched_entities  # noqa: E402
from tools.entities.keep_cv import sites  # noqa: E402
from tools.real_pages.gold import gold_files, load  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

_CAP = re.compile(r"\w+")
_SENTENCE_END = (".", "!", "?", "…", ":", "»", "\n")
READABLE = ("dev", "fresh", "dev-given", "fresh-given")


_FUNCTION = frozenset("de du des d la le les l et en a au aux pour sur the of and".split())


def _cap_words(text: str | None) -> set[str]:
    """The content words of a folded name (what two forms of one name share): no function word."""
    return {w for w in _CAP.findall(text or "") if w not in _FUNCTION}


def _fold(scorer, text: str | None) -> str:
    return scorer.strip_accents(scorer.norm(text or ""))


def _near(ours: set[str], form: set[str]) -> str:
    """How our words relate to a gold form's words: cut, overlong or cross."""
    if ours < form:
        return "cut"
    if form < ours:
        return "overlong"
    return "cross"


def _first(kinds: set[str]) -> str:
    """One class for the forms a name shares words with, whatever the order of a set: a cut or a
    run-on over any form before a crossing."""
    return next((k for k in ("cut", "overlong", "cross") if k in kinds), "")


def _initial(text: str, start: int, end: int) -> bool:
    """A one-word mention opening a sentence or a paragraph."""
    if " " in text[start:end].strip():
        return False
    before = text[:start].rstrip(" \t«\"“(")
    return not before or before.endswith(_SENTENCE_END)


def miss_class(scorer, g: dict, forms: set[str], record: dict, unmatched: list[dict], matched: list[dict]) -> str:
    for refusal in record.get("entity_refusals") or []:
        if _fold(scorer, refusal.get("name")) in forms:
            return "refused:" + (refusal.get("rule") or "?").split("/")[0]
    for group, merged in ((unmatched, False), (matched, True)):
        for p in group:
            if {_fold(scorer, m) for m in p.get("mentions", [])} & forms:
                return "merged" if merged else "canonical"
    kinds = {_near(ours, _cap_words(form))
             for p in unmatched for m in [p.get("name"), *p.get("mentions", [])]
             for ours in [_cap_words(_fold(scorer, m))] for form in forms if ours & _cap_words(form)}
    return _first(kinds) or "not-proposed"


def extra_class(scorer, p: dict, text: str, forms: list[set[str]], got_g: set[int], missed: list[int]) -> str:
    written = {_fold(scorer, m) for m in [p.get("name"), *p.get("mentions", [])]}
    for i, fs in enumerate(forms):
        if fs & written:
            return "split" if i in got_g else "canonical"
    ours = _cap_words(_fold(scorer, p.get("name")))
    kinds = {_near(ours, _cap_words(f)) for i in missed for f in forms[i] if ours & _cap_words(f)}
    if kinds:
        return _first(kinds)
    spans = p.get("spans") or []
    title_end = len(p.get("_title") or "")
    if spans and all(b <= title_end for _, b in spans):
        return "heading"
    if spans and all(_initial(text, a, b) for a, b in spans):
        return "initial"
    return "other"


def page_rows(scorer, entry: dict, record: dict) -> list[dict]:
    gents, pents, names, pairs, got_g, got_p, forms = matched_entities(scorer, entry, record)
    unmatched = [p for i, p in enumerate(pents) if i not in got_p]
    matched = [p for i, p in enumerate(pents) if i in got_p]
    missed = [i for i, g in enumerate(gents) if i not in got_g and not g.get("optional")]
    text = record_text(record)
    rows = []
    for i in missed:
        g = gents[i]
        own = forms[i] | {_fold(scorer, g["name"])} | {_fold(scorer, a) for a in g.get("aliases", [])}
        rows.append({"kind": "missed", "cls": miss_class(scorer, g, own, record, unmatched, matched),
                     "type": g["type"], "names": f"gold {g['name']!r}"})
    for p in unmatched:
        if any(names.same(p.get("name"), gents[i]["name"]) and gents[i].get("optional") for i in range(len(gents))):
            continue
        p = dict(p, _title=record.get("title") or "")
        rows.append({"kind": "extra", "cls": extra_class(scorer, p, text, forms, got_g, missed),
                     "type": p.get("type"), "names": f"ours {p.get('name')!r}"})
    for gi, pi in pairs:
        g, p = gents[gi], pents[pi]
        if g["type"] != p.get("type") and not g.get("optional"):
            rows.append({"kind": "type", "cls": f"{g['type']}->{p.get('type')}", "type": g["type"],
                         "names": f"gold {g['name']!r} ours {p.get('name')!r}"})
    return rows


def part_rows(pred: Path, part: str, skip: set[str]) -> tuple[list[dict], int]:
    scorer = shared_scorer()
    records = scorer.load_predictions(pred)
    gold_part = part.removesuffix("-given")
    site_of = sites()
    rows: list[dict] = []
    required = 0
    for path in gold_files("who", gold_part):
        if not path.exists():
            continue
        for entry in load(path):
            page = entry["page"]
            if page not in records or page in skip:
                continue
            required += sum(1 for g in entry.get("entities", []) if not g.get("optional"))
            for row in page_rows(scorer, entry, records[page]):
                rows.append(dict(row, page=page, site=site_of.get(page, page)))
    return rows, required


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("preds", nargs="+", help="PRED.jsonl:PART (dev, fresh, test, test2, test4; "
                                             "a -given suffix for pages as given)")
    ap.add_argument("--skip", default="w0100", help="page ids left out (default: the dev signatory-list page)")
    ap.add_argument("--list", metavar="CELL", help="kind/class to print row by row (dev and fresh only)")
    args = ap.parse_args()
    skip = {p for p in args.skip.split(",") if p}
    parts: dict[str, tuple[list[dict], int]] = {}
    for arg in args.preds:
        path, _, part = arg.rpartition(":")
        if args.list and part not in READABLE:
            ap.error("--list reads dev or fresh predictions only")
        parts[part] = part_rows(Path(path), part, skip)
    if args.list:
        for part, (rows, _) in parts.items():
            for r in rows:
                if f"{r['kind']}/{r['cls']}".startswith(args.list):
                    print(f"{part} {r['page']} {r['site']:24} {r['kind']}/{r['cls']} {r['type']} {r['names']}")
        return 0
    print("count / sites (per 100 required gold entities); " + ", ".join(
        f"{p}: {n} required" for p, (_, n) in parts.items()))
    cells: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for part, (rows, _) in parts.items():
        for r in rows:
            cells[f"{r['kind']}/{r['cls']}"][part].append(r)
            cells[f"{r['kind']}/(all)"][part].append(r)
    print("cell".ljust(28) + "".join(f"{p:>30}" for p in parts))
    for cell in sorted(cells):
        line = cell.ljust(28)
        for part, (_, required) in parts.items():
            rs = cells[cell].get(part, [])
            types = Counter(r["type"] for r in rs)
            typed = ",".join(f"{t[0]}{n}" for t, n in sorted(types.items()))
            line += f"{len(rs):>5} /{len({r['site'] for r in rs}):>3} ({100 * len(rs) / max(1, required):4.1f}) {typed:>11}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
