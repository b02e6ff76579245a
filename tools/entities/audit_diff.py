"""A wide before/after audit of the entity stage on dev material only: the corpus dev pages
(``tests/data/real_pages/split.tsv``) and the outside dev pages under /work/extra (pages x00–x03,
who pages y00/y01, event pages z000x; the held-out judges x04/x05, y02 and z01 are never listed),
run through ``veille extract`` by the caller, then compared page by page: entities gained and lost,
and whether the quotes' speakers or the events changed, with the number of pages and sites.

    .venv/bin/python tools/entities/audit_diff.py files > /tmp/X/files.txt        # the dev inputs
    .venv/bin/python -m veille extract $(cat /tmp/X/files.txt) --output /tmp/X/before.jsonl
    (change the code)
    .venv/bin/python -m veille extract $(cat /tmp/X/files.txt) --output /tmp/X/after.jsonl
    .venv/bin/python tools/entities/audit_diff.py diff /tmp/X/before.jsonl /tmp/X/after.jsonl

Prints names read from the pages to the terminal only (never redirect into the repository).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.entities.keep_cv import sites  # noqa: E402
from tools.real_pages.gold import split  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

EXTRA = Path("/work/extra")
# (outside dev pages only: x04*/x05* pages, y02* who pages and z01* event pages are held-out judges)
_DEV_OUTSIDE = {"pages": re.compile(r"x0[0-3]\d\d\.txt"), "who_pages": re.compile(r"y0[01]\d\d\.txt"),
                "event_pages": re.compile(r"z000\d\.txt")}


def dev_files() -> list[Path]:
    """The corpus dev pages and the outside dev pages present on this machine."""
    out = [p for page, part in sorted(split().items()) if part == "dev"
           for p in (PAGES / f"{page}.txt", PAGES / f"{page}.html") if p.exists()]
    for folder, name in _DEV_OUTSIDE.items():
        if (EXTRA / folder).is_dir():
            out += sorted(p for p in (EXTRA / folder).iterdir() if name.fullmatch(p.name))
    return out


def _records(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["source"]["path"]] = rec
    return out


def changes(before: Path, after: Path) -> list[dict]:
    """One row per page whose entities, speakers or events differ."""
    a, b = _records(before), _records(after)
    site_of = sites()
    rows = []
    for key in sorted(a.keys() & b.keys()):
        ra, rb = a[key], b[key]
        ea = {(e["name"], e["type"]) for e in ra.get("entities", [])}
        eb = {(e["name"], e["type"]) for e in rb.get("entities", [])}
        sa = [(q.get("kind"), q.get("speaker")) for q in ra.get("quotes", [])]
        sb = [(q.get("kind"), q.get("speaker")) for q in rb.get("quotes", [])]
        va = [(e.get("type"), e.get("source"), e.get("target")) for e in ra.get("events", [])]
        vb = [(e.get("type"), e.get("source"), e.get("target")) for e in rb.get("events", [])]
        if ea != eb or sa != sb or va != vb:
            rows.append({"page": Path(key).stem, "site": site_of.get(Path(key).stem) or (ra.get("source") or {}).get("site") or Path(key).stem,
                         "lost": sorted(ea - eb), "gained": sorted(eb - ea), "speakers": sa != sb, "events": va != vb})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("files", help="list the dev inputs, one a line")
    d = sub.add_parser("diff", help="compare two extract outputs of the same inputs")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "files":
        print("\n".join(str(p) for p in dev_files()))
        return 0
    rows = changes(args.before, args.after)
    for r in rows:
        extra = "".join((" [speakers changed]" if r["speakers"] else "", " [events changed]" if r["events"] else ""))
        print(f"{r['page']} {r['site'][:28]:28} - {r['lost']} + {r['gained']}{extra}")
    print(f"{len(rows)} pages changed on {len({r['site'] for r in rows})} sites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
