"""Where a dump's body goes wrong, line by line: the lines Veille keeps that the gold drops, and the
lines it drops that the gold keeps (dev gold only), or, with no gold, every kept line for reading by eye.

    python tools/clean/body_audit.py gold [--extra] [--pages ID ...]   # dev gold dumps: kept-not-gold (+) / lost (-)
    python tools/clean/body_audit.py list DIR [--pages ID ...]         # no gold: every kept line, its view number
    python tools/clean/body_audit.py snapshot|kinds|diff ...           # UI lines by kind and site (ui_lines.py)

A view line counts as kept when its words (normalised as the scorer does) appear in the body Veille
gives, in order, inside one of its paragraphs (a dump wraps one paragraph over several lines).
Test pages of the corpus and held-out judge batches are never listed: ``gold`` reads the dev part
of ``tests/data/real_pages`` and, with ``--extra``, the dev parts of ``tests/data/extra_pages``
(judge parts named in ``JUDGE_PARTS`` left out). The output prints page text: read it, never copy it
into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "src", ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from real_pages import TextStages, tokens  # noqa: E402
from tools.real_pages.gold import load, split  # noqa: E402

EXTRA_PAGES = Path("/work/extra/pages")
JUDGE_PARTS = frozenset({"heldout6", "heldout7"})


def kept_lines(lines: list[str], paragraphs: list[str]) -> set[int]:
    """1-based view lines that make up the kept paragraphs: each paragraph is matched, in order, to
    the first run of consecutive lines whose words are exactly its words (a dump wraps a paragraph
    over several lines; a paragraph matched nowhere whole marks the lines of its longest prefix)."""
    toks = [tokens(line) for line in lines]
    kept: set[int] = set()
    cursor = 0
    for para in paragraphs:
        want = tokens(para)
        if not want:
            continue
        best: tuple[int, list[int]] = (0, [])
        for start in [*range(cursor, len(lines)), *range(0, cursor)]:
            got, span, n = 0, [], start
            while n < len(lines) and got < len(want):
                t = toks[n]
                if not t:
                    if span:
                        break
                    n += 1
                    continue
                if want[got:got + len(t)] != t:
                    break
                got += len(t)
                span.append(n + 1)
                n += 1
            if got > best[0]:
                best = (got, span)
            if got == len(want):
                cursor = n
                break
        kept.update(best[1] if best[0] >= min(len(want), 3) else [])
    return kept


def gold_lines(entry: dict, lines: list[str]) -> set[int]:
    skip = set(entry.get("exclude") or [])
    return {i for a, b in entry.get("body") or [] for i in range(a, b + 1)
            if i not in skip and i <= len(lines) and tokens(lines[i - 1])}


def audit_page(stages: TextStages, path: Path, lines: list[str], entry: dict | None) -> list[str]:
    art = stages.run(path)
    kept = kept_lines(lines, art.paragraphs)
    out = []
    if entry is None:
        for n in sorted(kept):
            out.append(f"  {n:4d} {lines[n - 1].strip()[:150]}")
        return out
    gold = gold_lines(entry, lines)
    for n in sorted(kept | gold):
        if n in kept and n not in gold:
            out.append(f"+ {n:4d} {lines[n - 1].strip()[:150]}")
        elif n in gold and n not in kept:
            out.append(f"- {n:4d} {lines[n - 1].strip()[:150]}")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("snapshot", "kinds", "diff"):
        return _ui_lines(argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("gold", "list"))
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--extra", action="store_true", help="also the dev parts of the outside pages")
    ap.add_argument("--pages", nargs="*")
    args = ap.parse_args(argv)
    stages = TextStages()
    wanted = set(args.pages or [])
    if args.mode == "list":
        for path in sorted(args.folder.glob("*.txt")):
            if wanted and path.stem not in wanted:
                continue
            lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
            print(f"== {path.stem}")
            print("\n".join(audit_page(stages, path, lines, None)))
        return 0
    from tools.real_pages.view import page_path, view_lines

    parts = split()
    jobs: list[tuple[str, Path, list[str], dict]] = []
    for entry in load(ROOT / "tests/data/real_pages/gold_dev.jsonl"):
        page = entry["page"]
        if parts.get(page) != "dev" or entry.get("article") is False or page_path(page).suffix != ".txt":
            continue
        jobs.append((page, page_path(page), view_lines(page), entry))
    if args.extra:
        for line in (ROOT / "tests/data/extra_pages/gold.jsonl").read_text().splitlines():
            entry = json.loads(line)
            path = EXTRA_PAGES / f"{entry['page']}.txt"
            if entry.get("part") in JUDGE_PARTS or not path.exists() or entry.get("article") is False:
                continue
            jobs.append((entry["page"], path, path.read_bytes().decode("utf-8", errors="replace").splitlines(), entry))
    for page, path, lines, entry in jobs:
        if wanted and page not in wanted:
            continue
        rows = audit_page(stages, path, lines, entry)
        if rows:
            print(f"== {page}")
            print("\n".join(rows))
    return 0


def _ui_lines(argv: list[str]) -> int:
    """The modes of ``tools/clean/ui_lines.py``: a snapshot of the kept body, its UI lines by kind
    and site, the lines that move between two snapshots."""
    from tools.clean import ui_lines

    ap = argparse.ArgumentParser(description=ui_lines.__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("snapshot", "kinds", "diff"))
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--sets", nargs="*", default=["corpus", "extra", "synth"])
    ap.add_argument("--synth", type=Path, default=None, help="the folder of bench/synth_dumps.py --keep")
    ap.add_argument("--examples", type=int, default=8)
    args = ap.parse_args(argv)
    if args.mode == "snapshot":
        return ui_lines.snapshot(args.files[0], args.sets, args.synth)
    if args.mode == "kinds":
        return ui_lines.kinds(args.files[0], args.examples)
    return ui_lines.diff(args.files[0], args.files[1])


if __name__ == "__main__":
    raise SystemExit(main())
