"""Split the pages of ../shared/corpus/web into a dev part and a test part by site, before tuning.

A site's part is decided by a hash of its name, so the split never depends on what is in a page.
Test sites are only scored, never read while writing rules. Writes tests/data/real_pages/split.tsv
(page id, site, kind, part); the pages themselves stay in ../shared.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "corpus" / "web" / "sources.tsv"
OUT = ROOT / "tests" / "data" / "real_pages" / "split.tsv"
TEST_SHARE = 30  # per cent of sites held out as test


def part_of(site: str) -> str:
    digest = int(hashlib.sha1(site.encode("utf-8")).hexdigest(), 16)
    return "test" if digest % 100 < TEST_SHARE else "dev"


def main() -> int:
    if not SOURCES.exists():
        print(f"{SOURCES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    with SOURCES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# page\tsite\tkind\tpart  (made by tools/split_real_pages.py: by site hash, before tuning)\n")
        for row in rows:
            fh.write(f"{row['id']}\t{row['site']}\t{row['kind']}\t{part_of(row['site'])}\n")
    counts: dict[str, int] = {}
    for row in rows:
        key = f"{part_of(row['site'])}/{row['kind']}"
        counts[key] = counts.get(key, 0) + 1
    print(counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
