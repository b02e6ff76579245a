"""Entity errors of a who part as aggregates only: counts and rates, never a name or a text, so that a
held-out part (the who test part) can be measured without its errors being read.

    .venv/bin/python bench/real_eval.py who --body --part both --keep /tmp/X
    .venv/bin/python bench/entity_aggregates.py /tmp/X/who-dev.jsonl:dev /tmp/X/who-test.jsonl:test

Each error is matched as the shared scorer matches (``greedy_match`` on ``Names.same``) and put in classes:
kind (extra / missed / wrong type), type (gold's for a miss, ours for an extra, gold->ours for a type),
KB (our entity linked, or the gold name known to the KB), mentions (1 vs more), shape (one word,
several, an acronym), relation (an extra fitting a gold entity already matched: a split cluster; an
extra and a miss of the page sharing a word: a span; else alone), how a span pair's words differ
(``bench/entity_span_words.py``: which side is longer and by what — a title or trade word, a given
name, a "de" or other complement, an organisation head noun, a particle, an article, a sentence-initial
or capitalised common word, a second name; a cut at a hyphen or apostrophe; another type holding the
shorter name; for a cluster holding the gold's form, ``mention:`` and how its display name differs),
a wrong type's KB state (linked / gold name known / unknown), the number of sites of each cell, and
how the errors spread over pages and sites. Rates are per 100 required gold entities of the part, so parts of different sizes
compare. Prints numbers only; ``--list TEXT`` (dev and fresh only, refused for a test part) prints
the rows whose classes hold TEXT with their page, site and names, for reading a class in its pages.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from tools.entities.keep_cv import sites  # noqa: E402
from tools.real_pages.gold import gold_files, load  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

from veille.kb import load_kb  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from entity_span_words import pair_class  # noqa: E402

_WORD = re.compile(r"\w+")


def shape(name: str | None) -> str:
    """one (one word), acro (one word in capitals, 2+ letters), multi (several words)."""
    words = _WORD.findall(name or "")
    if len(words) > 1:
        return "multi"
    if words and len(words[0]) > 1 and words[0].isupper():
        return "acro"
    return "one"


def _words(name: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(name or "") if len(w) > 2}


def span_detail(scorer, gold: dict, extras: list[dict]) -> str:
    """How a missed gold name relates to the extra of its page that shares the most words with it:
    ``mention`` when that extra's cluster holds the gold name (or an alias) among its mentions, so only
    the display name chosen misses; else the words' relation (``longer``: ours holds every gold word
    and more, ``shorter``: the gold holds every word of ours, ``cross``: each has words the other lacks)
    and, for longer / shorter, whether the words in excess are capitalised or lower-case."""
    golds = {scorer.norm(gold["name"])} | {scorer.norm(a) for a in gold.get("aliases", [])}
    gw = set(scorer.tokens(gold["name"]))
    best = max(extras, key=lambda p: len(gw & set(scorer.tokens(p.get("name")))))
    if any(scorer.norm(m) in golds for p in extras for m in p.get("mentions", [])):
        return "mention"
    pw = set(scorer.tokens(best.get("name")))
    if gw < pw or (gw <= pw and len(scorer.tokens(best.get("name"))) > len(scorer.tokens(gold["name"]))):
        more, name = pw - gw, best.get("name") or ""
        kind = "longer"
    elif pw < gw:
        more, name = gw - pw, gold["name"]
        kind = "shorter"
    else:
        return "cross"
    words = re.findall(r"\w+", name)
    written = [w for w in words if w.lower() in more]
    caps = "cap" if written and all(w[:1].isupper() for w in written) else "low" if written else "none"
    at = [i for i, w in enumerate(words) if w.lower() in more]
    where = "start" if at and at[-1] < len(words) - 1 and at == list(range(len(at))) else \
        "end" if at and at[0] > 0 and at == list(range(len(words) - len(at), len(words))) else "inner"
    kind_of = "function" if more <= _FUNCTION else "given" if more & _given_names() else "other"
    return f"{kind}-{caps}-{min(len(more), 3)}-{where}-{kind_of}"


_FUNCTION = {"le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "à", "au", "aux", "sur", "pour"}


def _given_names() -> set[str]:
    if not _GIVEN:
        for name in ("given_names.tsv", "entities/given_names.tsv"):
            for line in (ROOT / "src/veille/lexicons" / name).read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    _GIVEN.add(line.split("\t")[0].strip().lower())
    return _GIVEN


_GIVEN: set[str] = set()


def record_text(record: dict) -> str:
    """The text the record's entity spans point into: the title, then the paragraphs."""
    return (record.get("title") or "") + "\n\n" + "\n\n".join(record.get("paragraphs") or [])


def _best(scorer, name: str | None, others: list[dict]) -> dict:
    words = set(scorer.tokens(name))
    return max(others, key=lambda o: len(words & set(scorer.tokens(o.get("name")))))


def _holds(scorer, ours: dict, gold: dict) -> bool:
    golds = {scorer.norm(gold["name"])} | {scorer.norm(a) for a in gold.get("aliases", [])}
    return any(scorer.norm(m) in golds for m in ours.get("mentions", []))


def _kb_of_type(gold: dict, ours: dict, kb) -> str:
    """A wrong type's KB state: our entity linked, else the gold name known to the KB, else unknown."""
    if ours.get("kb_id"):
        return "linked"
    return "known" if kb.lookup(gold["name"]) else "unknown"


def page_errors(scorer, entry: dict, record: dict, kb, keep_names: bool = False) -> list[dict]:
    """One row a required-gold miss, an extra, or a wrong type, with its classes (no name kept, but
    with ``keep_names`` for the dev listing: the gold's and our name of the row under ``names``)."""
    gents, pents = entry.get("entities", []), record.get("entities", [])
    text = record_text(record)
    all_names = [g["name"] for g in gents] + [p.get("name") for p in pents]
    names = scorer.Names(entry)
    pairs = scorer.greedy_match(gents, pents, lambda g, p: names.same(p.get("name"), g["name"]))
    got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
    missed = [g for i, g in enumerate(gents) if i not in got_g and not g.get("optional")]
    extras = [p for i, p in enumerate(pents) if i not in got_p]
    miss_words = set().union(*(_words(g["name"]) for g in missed)) if missed else set()
    extra_words = set().union(*(_words(p.get("name")) for p in extras)) if extras else set()
    rows: list[dict] = []
    named: list[tuple[dict | None, dict | None]] = []
    for g in missed:
        spanned = bool(_words(g["name"]) & extra_words)
        detail = span_detail(scorer, g, extras) if spanned else "-"
        words = "-"
        if spanned:
            best = _best(scorer, g["name"], extras)
            others = [n for n in all_names if n not in (g["name"], best.get("name"))]
            if detail == "mention":  # the cluster holding the gold's form, by how its display name differs
                best = next(p for p in extras if _holds(scorer, p, g))
                others = [n for n in all_names if n not in (g["name"], best.get("name"))]
            words = ("mention:" if detail == "mention" else "") + pair_class(g, best, text, others)
        if keep_names:
            named.append((g, best if spanned else None))
        rows.append({"words": words, "kbx": "-", "kind": "missed", "type": g["type"], "kb": "kb" if kb.lookup(g["name"]) else "nokb",
                     "mentions": "1" if len(g.get("mentions", [])) <= 1 else "2+", "shape": shape(g["name"]),
                     "relation": "span" if _words(g["name"]) & extra_words else "alone", "detail": detail})
    for p in extras:
        fits_gold = any(names.same(p.get("name"), g["name"]) for g in gents)
        relation = "split" if fits_gold else "span" if _words(p.get("name")) & miss_words else "alone"
        words = "-"
        if relation == "span":
            best = _best(scorer, p.get("name"), missed)
            others = [n for n in all_names if n not in (best["name"], p.get("name"))]
            words = pair_class(best, p, text, others)
        if keep_names:
            named.append((best if relation == "span" else None, p))
        rows.append({"words": words, "kbx": "-", "kind": "extra", "type": p.get("type"), "kb": "kb" if p.get("kb_id") else "nokb",
                     "mentions": "1" if len(p.get("spans", [])) <= 1 else "2+", "shape": shape(p.get("name")),
                     "relation": relation, "detail": "-"})
    for gi, pi in pairs:
        g, p = gents[gi], pents[pi]
        if g["type"] != p.get("type") and not g.get("optional"):
            if keep_names:
                named.append((g, p))
            rows.append({"words": "-", "kbx": _kb_of_type(g, p, kb), "kind": "type",
                         "type": f"{g['type']}->{p.get('type')}",
                         "kb": "kb" if p.get("kb_id") else "nokb",
                         "mentions": "1" if len(p.get("spans", [])) <= 1 else "2+", "shape": shape(g["name"]),
                         "relation": "matched", "detail": "-"})
    if keep_names:
        for row, (g, p) in zip(rows, named, strict=True):
            row["names"] = " | ".join(f"{who} {e['name']} {e.get('type')}" for who, e in (("gold", g), ("ours", p)) if e)
    return rows


def part_table(pred: Path, part: str, skip: set[str] = frozenset(), keep_names: bool = False) -> dict:
    scorer = shared_scorer()
    records = scorer.load_predictions(pred)
    gold = {e["page"]: e for path in gold_files("who", part) if path.exists() for e in load(path)}
    site_of, kb = sites(), load_kb()
    rows: list[dict] = []
    required = 0
    gold_kb = Counter()
    per_page: Counter = Counter()
    per_site: Counter = Counter()
    for page, entry in sorted(gold.items()):
        if page not in records or page in skip:
            continue
        req = [g for g in entry.get("entities", []) if not g.get("optional")]
        required += len(req)
        gold_kb.update("kb" if kb.lookup(g["name"]) else "nokb" for g in req)
        errs = page_errors(scorer, entry, records[page], kb, keep_names)
        for err in errs:
            err["site"] = site_of.get(page, page)
            err["page"] = page
        rows.extend(errs)
        per_page[page] = len(errs)
        per_site[site_of.get(page, page)] += len(errs)
    return {"rows": rows, "required": required, "gold_kb": gold_kb, "per_page": per_page, "per_site": per_site,
            "pages": len(per_page)}


def _spread(counter: Counter) -> str:
    values = sorted(counter.values(), reverse=True)
    total = sum(values) or 1
    top3 = sum(values[:3]) / total
    with_err = sum(1 for v in values if v)
    return f"{len(values)} with {with_err} erring, top-3 share {top3:.2f}, max {values[0] if values else 0}"


def list_rows(tables: dict, text: str) -> int:
    """The rows of dev parts whose classes hold ``text``, one a line (names read from dev pages: the
    terminal only, never the repository)."""
    keys = ("kind", "relation", "words", "type", "kbx", "shape")
    for part, table in tables.items():
        for row in table["rows"]:
            cells = "/".join(str(row[k]) for k in keys)
            if text in cells:
                print(f"{part} {row['page']} {row['site'][:24]:24} {cells}  {row.get('names', '')}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("preds", nargs="+", help="PRED.jsonl:PART (part: dev, fresh, test, test2, test4)")
    ap.add_argument("--skip", default="w0100", help="page ids left out (default: the dev signatory-list page)")
    ap.add_argument("--list", metavar="TEXT", help="dev and fresh only: print the rows whose classes hold TEXT "
                    "(\"span/gold+cap-end\", \"LOC->PER\"), with page, site and names, to the terminal (never the test)")
    args = ap.parse_args()
    skip = {p for p in args.skip.split(",") if p}
    tables = {}
    for arg in args.preds:
        path, _, part = arg.rpartition(":")
        if args.list and part not in ("dev", "fresh"):
            ap.error("--list reads dev or fresh predictions only")
        tables[part] = part_table(Path(path), part, skip, keep_names=bool(args.list))
    if args.list:
        return list_rows(tables, args.list)
    parts = list(tables)
    print("rates per 100 required gold entities; " + ", ".join(
        f"{p}: {t['required']} required on {t['pages']} pages" for p, t in tables.items()))
    print("gold names the KB knows: " + ", ".join(
        f"{p} {t['gold_kb']['kb'] / max(1, t['required']):.2f}" for p, t in tables.items()))
    dims = ("kind", "type", "kb", "mentions", "shape", "relation", "detail", "words", "kbx")
    keys = [("kind",), ("kind", "type"), ("kind", "kb"), ("kind", "mentions"), ("kind", "shape"),
            ("kind", "relation"), ("kind", "relation", "detail"), ("kind", "relation", "type", "shape"), ("kind", "relation", "mentions"), ("kind", "kb", "relation", "type"), ("kind", "kb", "mentions"), ("kind", "type", "shape"),
            ("kind", "relation", "words"), ("kind", "relation", "words", "type"), ("kind", "type", "kbx", "shape")]
    for key in keys:
        print(f"\n== by {' x '.join(key)}")
        rows_of = {p: [r for r in t["rows"] if all(r[k] != "-" for k in key if k in ("words", "kbx"))] for p, t in tables.items()}
        counts = {p: Counter(tuple(r[k] for k in key) for r in rs) for p, rs in rows_of.items()}
        site_sets = {p: {} for p in parts}
        for p, rs in rows_of.items():
            for r in rs:
                site_sets[p].setdefault(tuple(r[k] for k in key), set()).add(r["site"])
        cells = sorted(set().union(*counts.values()))
        print("cell".ljust(36) + "".join(f"{p + ' (rate) sites':>22}" for p in parts) + ("   diff" if len(parts) == 2 else ""))
        for cell in cells:
            rates = [100 * counts[p][cell] / max(1, tables[p]["required"]) for p in parts]
            line = "/".join(cell).ljust(36) + "".join(
                f"{counts[p][cell]:>9} ({r:5.1f}) {len(site_sets[p].get(cell, ())):>4}"
                for p, r in zip(parts, rates, strict=True))
            if len(parts) == 2:
                line += f"  {rates[1] - rates[0]:+5.1f}"
            print(line)
    assert all(d in dims for k in keys for d in k)
    for p, t in tables.items():
        print(f"\n{p} pages: {_spread(t['per_page'])}; sites: {_spread(t['per_site'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
