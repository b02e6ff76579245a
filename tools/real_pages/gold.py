"""Real-page gold files (``tests/data/real_pages/gold_*.jsonl``): read, check, fill digests, show.

    python tools/real_pages/gold.py check FILE       # ranges inside the view, digests match, parts right
    python tools/real_pages/gold.py fill FILE        # (re)compute the ``check`` digests in place
    python tools/real_pages/gold.py show FILE PAGE   # print the gold title and body of one page
    ... --pages DIR                                  # pages kept outside the corpus (tests/data/extra_pages):
                                                     # same view, no split.tsv check

The format is in ``tests/data/real_pages/README.md``; the view in ``view.py`` beside this file.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from view import PAGES, _html_lines, checksum, view_lines  # type: ignore[no-redef]
else:
    from .view import PAGES, _html_lines, checksum, view_lines

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "data" / "real_pages"
# Gold batches beside a stage's dev and test files: ``fresh`` is a later batch of dev pages, annotated
# before Veille ran on them and kept in its own file, so that it can be scored alone as an estimate on
# pages no rule was written on. Who and times ``dev`` include it; events ``dev`` stays the first file
# (its figures stay comparable) and ``dev+fresh`` is it with the first later batch, what the learned
# coder is trained and cross-validated on. Events ``fresh2`` (helper-annotev2) is a second later batch,
# on dev sites that had no events gold at all: unseen sites, not only unseen pages; it is read alone
# only (an estimate out of site: until round 28 ``dev+fresh`` took it in too, so the census tools saw
# it, and its figure since then is no clean held-out one); times ``fresh2`` (helper-annottimes2)
# likewise, on dev sites no times file marked, and times ``dev`` includes it as it includes ``fresh``.
# Events ``fresh3`` (helper-annotev3) is a third batch on dev sites no other events file marks, held out
# as ``fresh2`` is: read alone only, never by ``dev+fresh`` nor by ``veille train events``. Events ``fresh4``
# (helper-evfresh4) is a fourth batch, 25 dev pages no events file had marked (9 on sites no events file
# marks, 16 politics, justice and economy pages of sites that have some), annotated before its first score
# and read alone: after that score it is a dev batch the census may read, not yet training data. Times
# ``fresh3`` (helper-timefresh3) is a third times batch, marked before Veille ran on it (half its pages on
# dev sites no earlier times file marks); times ``dev`` includes it once its first score is recorded. Times
# ``fresh4`` (helper-timefresh4) is a fourth, the 37 dev pages left without times gold that have a date,
# marked before Veille ran on them; times ``dev`` includes it since its first score (2026-12-07). Events
# ``fresh5`` (helper-evfresh5) is a fifth, the 20 dev pages left without events gold (health, culture, lifestyle,
# essays, a chronology), every sentence, annotated before its first score and read alone like ``fresh4``.
# Events ``readable`` is every dev batch that may be read: ``dev+fresh`` with ``fresh4`` and ``fresh5`` (what
# ``bench/events_cv.py --part readable`` cross-validates on; never fresh2 nor fresh3).
BATCH_FILES: dict[str, dict[str, tuple[str, ...]]] = {
    "who": {"dev": ("who_dev.jsonl", "who_dev_fresh.jsonl"), "fresh": ("who_dev_fresh.jsonl",),
            "test": ("who_test.jsonl", "who_test_second.jsonl", "who_test_third.jsonl", "who_test_fourth.jsonl"),
            "test2": ("who_test_second.jsonl", "who_test_third.jsonl"), "test4": ("who_test_fourth.jsonl",)},
    "times": {"dev": ("times_dev.jsonl", "times_dev_fresh.jsonl", "times_dev_fresh2.jsonl", "times_dev_fresh3.jsonl",
                      "times_dev_fresh4.jsonl"),
              "fresh": ("times_dev_fresh.jsonl",), "fresh2": ("times_dev_fresh2.jsonl",),
              "fresh3": ("times_dev_fresh3.jsonl",), "fresh4": ("times_dev_fresh4.jsonl",)},
    "events": {"fresh": ("events_dev_fresh.jsonl",), "fresh2": ("events_dev_fresh2.jsonl",),
               "fresh3": ("events_dev_fresh3.jsonl",), "fresh4": ("events_dev_fresh4.jsonl",),
               "fresh5": ("events_dev_fresh5.jsonl",),
               "dev+fresh": ("events_dev.jsonl", "events_dev_fresh.jsonl"),
               "readable": ("events_dev.jsonl", "events_dev_fresh.jsonl", "events_dev_fresh4.jsonl",
                            "events_dev_fresh5.jsonl")},
}
EVENT_FILES = BATCH_FILES["events"]
DEV_BATCHES = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "dev+fresh", "readable")
# test2: the test pages given who gold after the first test pass (issue 16), scored alone; test4: the
# fourth batch (the last test pages without who gold), scored alone so its first figure stays readable
TEST_BATCHES = ("test2", "test4")


def gold_files(kind: str, part: str) -> list[Path]:
    """The gold files of one stage's part: ``<kind>_<part>.jsonl``, or the files of a batch."""
    return [GOLD_DIR / name for name in BATCH_FILES.get(kind, {}).get(part, (f"{kind}_{part}.jsonl",))]


def events_files(part: str) -> list[Path]:
    """The events gold files of a part: ``events_<part>.jsonl``, or those of a dev batch."""
    return gold_files("events", part)


def load_events(part: str) -> list[dict]:
    """The annotated sentences of a part (``events_files``), in file order; a missing file gives none."""
    return [row for path in events_files(part) if path.exists() for row in load(path)]


def pages_part(part: str) -> str:
    """The page-gold part (``gold_<part>.jsonl``) a gold part's pages belong to: a dev batch is dev,
    a test batch is test."""
    return "dev" if part in DEV_BATCHES else "test" if part in TEST_BATCHES else part


def annotated_twice(entries: list[dict]) -> list[str]:
    """A problem line for each page a gold file annotates more than once."""
    seen: set[str] = set()
    out: list[str] = []
    for e in entries:
        if e["page"] in seen:
            out.append(f"{e['page']}: annotated twice")
        seen.add(e["page"])
    return out


def split_rows() -> dict[str, tuple[str, str, str]]:
    """page id -> (site, kind, part): the rows of ``split.tsv`` (made by ``tools/split_real_pages.py``),
    the one reader of that file for tools, benches and tests."""
    with (GOLD_DIR / "split.tsv").open(encoding="utf-8") as fh:
        return {row[0]: (row[1], row[2], row[3]) for row in csv.reader(fh, delimiter="\t")
                if row and not row[0].startswith("#")}


def split() -> dict[str, str]:
    """page id -> ``dev`` | ``test``."""
    return {page: part for page, (_, _, part) in split_rows().items()}


def sites() -> dict[str, str]:
    """page id -> its site (the second column of ``split.tsv``)."""
    return {page: site for page, (site, _, _) in split_rows().items()}


def load(path: str | Path) -> list[dict]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return out


def title_text(entry: dict, lines: list[str]) -> str | None:
    """The gold title; ``title_to_line`` (inclusive) joins a headline wrapped over several lines,
    ``start`` cutting the first line and ``end`` the last."""
    t = entry.get("title")
    if not t:
        return None
    first, last = t["line"], entry.get("title_to_line") or t.get("to_line") or t["line"]
    if last == first:
        return lines[first - 1][t.get("start") or 0:t.get("end")].strip()
    parts = [lines[first - 1][t.get("start") or 0:]] + [lines[i - 1] for i in range(first + 1, last)]
    parts.append(lines[last - 1][:t.get("end")])
    return " ".join(p.strip() for p in parts if p.strip())


def body_lines(entry: dict, lines: list[str]) -> list[str]:
    skip = set(entry.get("exclude") or [])
    return [lines[i - 1].strip() for a, b in entry.get("body") or [] for i in range(a, b + 1)
            if i not in skip and lines[i - 1].strip()]


def body_text(entry: dict, lines: list[str]) -> str:
    return "\n".join(body_lines(entry, lines))


def folder_view(pages: Path) -> Callable[[str], list[str]]:
    """``view_lines`` for a folder outside the corpus (the extra pages): the same view rules."""
    def lines(page: str) -> list[str]:
        for ext in (".txt", ".html"):
            path = pages / f"{page}{ext}"
            if path.exists():
                data = path.read_bytes().decode("utf-8", errors="replace")
                return _html_lines(data) if ext == ".html" else data.splitlines()
        raise FileNotFoundError(f"{page}: no such page in {pages}")
    return lines


def problems(entry: dict, parts: dict[str, str] | None,
             view: Callable[[str], list[str]] = view_lines) -> list[str]:
    page = entry.get("page", "?")
    out = []
    if parts is not None and parts.get(page) != entry.get("part"):
        out.append(f"{page}: part {entry.get('part')!r} but split.tsv says {parts.get(page)!r}")
    try:
        lines = view(page)
    except FileNotFoundError as exc:
        return out + [str(exc)]
    if entry.get("article") is False:
        return out
    t = entry.get("title")
    if t and not 1 <= t["line"] <= len(lines):
        out.append(f"{page}: title line {t['line']} outside 1..{len(lines)}")
    for a, b in entry.get("body") or []:
        if not (1 <= a <= b <= len(lines)):
            out.append(f"{page}: body range {a}-{b} outside 1..{len(lines)}")
    if out:
        return out
    check = entry.get("check") or {}
    if t and check.get("title") != checksum(title_text(entry, lines) or ""):
        out.append(f"{page}: title digest differs (page or view changed, or run `fill`)")
    if check.get("body") != checksum(body_text(entry, lines)):
        out.append(f"{page}: body digest differs (page or view changed, or run `fill`)")
    pub = entry.get("published")
    if pub is not None and not (isinstance(pub, str) and len(pub) in (4, 7, 10)):
        out.append(f"{page}: published {pub!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return out


def main(argv: list[str]) -> int:
    pages = None
    if "--pages" in argv:
        i = argv.index("--pages")
        pages, argv = Path(argv[i + 1]), argv[:i] + argv[i + 2:]
    if len(argv) < 2 or argv[0] not in ("check", "fill", "show"):
        print(__doc__)
        return 2
    if not (pages or PAGES).is_dir():
        print(f"{pages or PAGES}: not found", file=sys.stderr)
        return 1
    view = folder_view(pages) if pages else view_lines
    path = Path(argv[1])
    entries = load(path)
    if argv[0] == "show":
        entry = next(e for e in entries if e["page"] == argv[2])
        lines = view(entry["page"])
        print("TITLE:", title_text(entry, lines))
        print("PUBLISHED:", entry.get("published"))
        print(body_text(entry, lines))
        return 0
    if argv[0] == "fill":
        for entry in entries:
            if entry.get("article") is False:
                continue
            lines = view(entry["page"])
            entry["check"] = {"title": checksum(title_text(entry, lines) or ""),
                              "body": checksum(body_text(entry, lines))}
        path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
    parts = None if pages else split()
    bad = [p for e in entries for p in problems(e, parts, view)]
    bad += annotated_twice(entries)
    for line in bad:
        print(line)
    print(f"{len(entries)} pages, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
