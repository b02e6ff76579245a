"""How far each times rule reaches outside the material it was written from: on unlabelled French
pages of many sites, the number of sites (and matches) where each rule of ``lexicons/times/rules/``
(and each lexicon word of a worded rule, ``reference:désormais``) is kept by the times stage.

    PYTHONPATH=src .venv/bin/python tools/times/rule_reach.py RECORDS.jsonl [--cv /tmp/cv.json]
                                                             [--examples 3] [--json FILE]

RECORDS is the output of ``veille extract`` on dev or outside pages (title, paragraphs, published and
``source.site`` are read; the parse and the times stage are run again here, once per record). Pages
of a test part (``tests/data/real_pages/split.tsv``, part ``test``) and the held-out outside pages
(x0401–x0422, x0501–x0522, y0201–y0205, z0101–z0106) are skipped by their file name, so that no test error is read.

With ``--cv`` (the per-rule table of ``tools/times/times_cv.py --json``) each rule's row also shows
its evidence on the gold: ``net`` (what it adds on TimeBank dev and the real-page dev gold) and
``+grp`` (the groups it helps). A rule that helps one gold article only (``+grp`` 1) but fires on many
outside sites is a family of French that the gold happens to hold once; one that fires on no outside
site was, in all likelihood, read off its article. The examples are shown for reading (do they look
right?), never scored: the pages have no times gold.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.real_pages.gold import split  # noqa: E402
from tools.times.times_cv import WORD_GROUPS, _parse_all, _word  # noqa: E402

# Outside pages kept as held-out judges: never read by a tuning tool.
_HELD_OUT = re.compile(r"^(?:x0[45](?:0[1-9]|1\d|2[0-2])|y020[1-5]|z010[1-6])$")


def _test_pages() -> set[str]:
    return {page for page, part in split().items() if part == "test"}


def load_records(path: Path) -> list[tuple[str, str, dict]]:
    """(id, site, input record) for each record of an extract output, test and held-out pages left out."""
    test = _test_pages()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        src = r.get("source") or {}
        stem = Path(src.get("path") or r["id"]).stem
        if stem in test or _HELD_OUT.match(stem):
            continue
        site = src.get("site") or stem
        text = "\n\n".join(r.get("paragraphs") or [])
        out.append((stem, site, {"title": r.get("title") or "", "text": text, "date": r.get("published")}))
    return out


def reach(records: list[tuple[str, str, dict]]) -> tuple[dict[str, set[str]], Counter[str], dict[str, list[str]]]:
    """(rule key -> sites, rule key -> matches, rule key -> example texts) over the records."""
    import veille.times as times_pkg
    from veille.pipeline import Pipeline
    from veille.times import TimeStage

    sites: dict[str, set[str]] = defaultdict(set)
    count: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    site_of = {rid: site for rid, site, _ in records}
    current = {"site": ""}
    original = times_pkg.find_times

    def spy(text: str, eng: Any = None, doc: Any = None) -> list[Any]:
        found = original(text, eng, doc)
        for f in found:
            if f.rule is None:
                continue
            keys = [f.rule.rule.name]
            if f.rule.rule.name in WORD_GROUPS and _word(f.rule):
                keys.append(f"{f.rule.rule.name}:{_word(f.rule)}")
            for key in keys:
                sites[key].add(current["site"])
                count[key] += 1
                if len(examples[key]) < 12:
                    lo = max(0, f.start - 40)
                    examples[key].append(text[lo:f.end + 25].replace("\n", " "))
        return found

    pipeline = Pipeline(doc_stages=[])
    stage = TimeStage(None)
    with mock.patch.object(times_pkg, "find_times", spy):
        for rid, art, doc in _parse_all(pipeline, [(rid, rec) for rid, _, rec in records]):
            current["site"] = site_of.get(rid, rid)
            stage(art, doc, None)
    return sites, count, examples


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=Path)
    ap.add_argument("--cv", type=Path, help="the rule table of times_cv.py --json")
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    records = load_records(args.records)
    sites, count, examples = reach(records)
    cv = {r["key"]: r for r in json.loads(args.cv.read_text(encoding="utf-8"))} if args.cv else {}
    keys = sorted(set(sites) | {k for k in cv if not k.startswith("pass:")},
                  key=lambda k: (cv.get(k, {}).get("groups_plus", 99), -len(sites.get(k, ())), k))
    n_sites = len({s for _, s, _ in records})
    print(f"{len(records)} pages from {n_sites} sites")
    print(f"{'rule':40s} {'net':>4s} {'+grp':>4s} {'sites':>5s} {'hits':>5s}")
    rows = []
    for k in keys:
        row = cv.get(k, {})
        rows.append({"key": k, "net": row.get("net"), "groups_plus": row.get("groups_plus"),
                     "sites": len(sites.get(k, ())), "hits": count.get(k, 0), "examples": examples.get(k, [])})
        net = "" if row.get("net") is None else str(row["net"])
        grp = "" if row.get("groups_plus") is None else str(row["groups_plus"])
        print(f"{k:40s} {net:>4s} {grp:>4s} {len(sites.get(k, ())):5d} {count.get(k, 0):5d}")
        for ex in examples.get(k, [])[:args.examples]:
            print(f"      …{ex}…")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
