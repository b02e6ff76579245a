"""The frame the perturbation benches share: one loop over the dev pages and their gold, a variant
applied, the pages extracted and scored, one table row per variant.

Two kinds of bench use it:

* the who benches (``bench/quote_perturb.py``, ``bench/name_perturb.py``): each dev who page body
  given (``who_pages``), rewritten by edits that move offsets (``quote_variants.apply_edits``) so
  that each gold quote found in the body keeps its span (``mapped_quotes``); every case written as
  a gold file and an input (``Cases``), all inputs extracted in one ``veille extract`` run
  (``extract``), each variant scored on the pages it changes, against the same pages as given
  (``score_variants``), and printed as one row a variant (``print_who_table``);
* the page benches (``bench/page_perturb.py``, ``bench/published_perturb.py``): each dated dev
  page's dump rewritten and read by the text stages in a process pool (``dev_entries``,
  ``page_gold``, ``run_jobs``, ``stages``), the per-page rows written to ``rows.tsv``
  (``write_rows``), each bench printing its own summary.

Texts and predictions stay outside the repository (the pages are copyrighted); test pages are never
read.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from bench.real_eval import _gold  # noqa: E402
from quote_variants import Mapped, locate  # noqa: E402
from tools.real_pages.gold import body_text, load, sites, split, title_text  # noqa: E402
from tools.real_pages.materialize import SCORER, materialize, paragraphs  # noqa: E402
from tools.real_pages.view import PAGES, view_lines  # noqa: E402

GIVEN = "given"  # the pages as given: the baseline row
SEP = "__"  # variant SEP page: the file stem of one input


# -- the who benches ------------------------------------------------------------------------------

def who_parser(doc: str, variants: Iterable[str], with_pred: bool = False) -> argparse.ArgumentParser:
    """The command line of a who bench: ``--part``, ``--variants``, ``--keep``, (``--pred``), ``--json``."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev")
    ap.add_argument("--variants", nargs="+", choices=sorted(variants), default=list(variants))
    ap.add_argument("--keep", type=Path, help="keep gold, inputs and predictions here (outside the repository)")
    if with_pred:
        ap.add_argument("--pred", type=Path, help="score these predictions of the --keep inputs instead of extracting")
    ap.add_argument("--json", action="store_true")
    return ap


def shared_missing() -> bool:
    """Whether ``../shared`` (its pages and scorer) is missing; says so on stderr."""
    if not PAGES.is_dir() or not SCORER.exists():
        print("../shared (pages and eval/score.py) is needed", file=sys.stderr)
        return True
    return False


@dataclass
class WhoPage:
    """One dev who page as handed over body given: its page entry, gold file record and body, and
    the span of each gold quote in the body (None: not found there)."""

    entry: dict
    gold: dict
    body: str
    spans: list[tuple[int, int] | None]

    @property
    def page(self) -> str:
        return self.entry["page"]


def who_pages(part: str, gold_dir: Path) -> Iterator[WhoPage]:
    """The who pages of ``part`` with a gold file, their gold written under ``gold_dir/base``."""
    entries, who, _ = _gold("who", part)
    base = gold_dir / "base"
    materialize(entries, base, who=who)
    for entry in entries:
        gold_file = base / f"{entry['page']}.json"
        if not gold_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        body = "\n\n".join(paragraphs(entry, view_lines(entry["page"])))
        yield WhoPage(entry, gold, body, [locate(body, q["text"]) for q in gold.get("quotes", [])])


def mapped_quotes(page: WhoPage, mapped: Mapped, speaker: Callable[[Any], Any] | None = None) -> list[dict]:
    """The page's gold quotes in the rewritten body: a quote found in the body takes the text its
    span maps to (a quote not found keeps its text); ``speaker`` renames the speaker."""
    quotes = []
    for q, span in zip(page.gold.get("quotes", []), page.spans, strict=True):
        if span is not None:
            s, e = mapped.span(*span)
            q = {**q, "text": " ".join(mapped.text[s:e].split())}
        quotes.append(q if speaker is None else {**q, "speaker": speaker(q.get("speaker"))})
    return quotes


class Cases:
    """The gold files (``gold_dir/VARIANT``) and inputs (``inputs``) of the variants, and the pages
    each variant changes (``changed``, the pages as given under ``GIVEN``)."""

    def __init__(self, gold_dir: Path, inputs: Path, variants: list[str]) -> None:
        self.gold_dir, self.inputs = gold_dir, inputs
        self.changed: dict[str, list[str]] = {v: [] for v in [GIVEN, *variants]}
        inputs.mkdir(parents=True, exist_ok=True)

    def add(self, variant: str, page: WhoPage, record: dict, title: str | None, text: str) -> None:
        """One case: ``record`` the gold of the page under ``variant``, ``title`` and ``text`` its input."""
        stem = f"{variant}{SEP}{page.page}"
        folder = self.gold_dir / variant
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        source = {"title": title, "text": text, "date": page.entry.get("published")}
        (self.inputs / f"{stem}.json").write_text(json.dumps(source, ensure_ascii=False), encoding="utf-8")
        self.changed[variant].append(page.page)


@contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    """The folder of a run: ``keep``, its old gold and inputs removed, else a temporary one."""
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        for old in (work / "gold", work / "inputs"):
            shutil.rmtree(old, ignore_errors=True)
        yield work


def extract(inputs: Path, pred: Path) -> None:
    """Every input of ``inputs`` through one ``veille extract`` run, predictions to ``pred``."""
    paths = sorted(str(p) for p in inputs.iterdir())
    subprocess.run([sys.executable, "-m", "veille", "extract", *paths, "--output", str(pred), "--explain"],
                   cwd=ROOT, check=False, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)


def built_and_extracted(work: Path, build: Callable[[Path, Path], dict[str, list[str]]],
                        pred_file: Path | None) -> tuple[dict[str, list[str]], Path, Path]:
    """The variants ``build(gold_dir, inputs)`` writes in ``work``, extracted in one run unless
    ``pred_file`` holds its predictions already: (changed pages by variant, gold folder, predictions)."""
    gold_dir, inputs, pred = work / "gold", work / "inputs", pred_file or work / "pred.jsonl"
    changed = build(gold_dir, inputs)
    if pred_file is None:
        extract(inputs, pred)
    return changed, gold_dir, pred


def given_subset(gold_dir: Path, variant: str, pages: list[str]) -> Path:
    """The as-given gold files of the pages a variant changes, in a folder of their own."""
    folder = gold_dir / f"given-for-{variant}"
    folder.mkdir(exist_ok=True)
    for page in pages:
        shutil.copy(gold_dir / GIVEN / f"{GIVEN}{SEP}{page}.json", folder / f"{GIVEN}{SEP}{page}.json")
    return folder


def score_variants(changed: dict[str, list[str]], gold_dir: Path, score: Callable[[Path], dict],
                   site_of: dict[str, str] | None = None) -> dict[str, dict]:
    """variant -> its row: pages changed (and their sites, given ``site_of``), ``score`` of the
    variant's gold folder and, but for the pages as given, of the same pages as given."""
    out = {}
    for variant, pages in changed.items():
        row: dict = {"pages": len(pages)}
        if pages:
            if site_of is not None:
                row["sites"] = len({site_of.get(p, p) for p in pages})
            row["variant"] = score(gold_dir / variant)
            if variant != GIVEN:
                row["given"] = score(given_subset(gold_dir, variant, pages))
        out[variant] = row
    return out


def cell(result: dict, measure: str) -> str:
    """One measure of a scorer result: its F1, else its accuracy (— where nothing was counted)."""
    value = result[measure]
    return f"{value['f1']:.3f}" if "f1" in value else (f"{value['accuracy']:.3f}" if value["accuracy"] is not None
                                                         else "—")


def print_who_table(result: dict, variants: list[str], measures: tuple[str, ...], width: int, cell_width: int,
                    with_sites: bool = False) -> None:
    """The header and one row a variant: each measure as given -> in the variant, over the pages it changes."""
    sites_head = f" {'sites':>5}" if with_sites else ""
    print(f"{'variant':{width}} {'pages':>5}{sites_head}  " + "  ".join(f"{m:>{cell_width}}" for m in measures))
    given = result[GIVEN]
    sites_cell = f" {given['sites']:5}" if with_sites else ""
    print(f"{GIVEN:{width}} {given['pages']:5}{sites_cell}  "
          + "  ".join(f"{cell(given['variant'], m):>{cell_width}}" for m in measures))
    for variant in variants:
        row = result[variant]
        if not row["pages"]:
            print(f"{variant:{width}} {0:5}")
            continue
        cells = [f"{cell(row['given'], m)} -> {cell(row['variant'], m)}" for m in measures]
        sites_cell = f" {row['sites']:5}" if with_sites else ""
        print(f"{variant:{width}} {row['pages']:5}{sites_cell}  " + "  ".join(f"{c:>{cell_width}}" for c in cells))


# -- the page benches -----------------------------------------------------------------------------

def page_parser(doc: str, variants: list[str], out: str) -> argparse.ArgumentParser:
    """The command line of a page bench: ``--variants``, ``--out``, ``--jobs``, ``--pages``."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--variants", nargs="*", default=variants, choices=variants)
    ap.add_argument("--out", type=Path, default=Path(out),
                    help="folder for the rows, the texts and the renders (outside the repository)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pages", type=int, default=0, help="only the first N dev pages (a quick look)")
    return ap


def dev_entries(gold_file: Path, keep: Callable[[dict], bool], limit: int = 0) -> list[dict]:
    """The article entries of ``gold_file`` on dev pages that ``keep`` takes; the first ``limit`` (0: all)."""
    parts = split()
    entries = [e for e in load(gold_file) if parts.get(e["page"]) == "dev" and e.get("article") is not False
               and keep(e)]
    return entries[:limit] if limit else entries


def page_gold(entry: dict, lines: list[str]) -> dict:
    """What a page job needs of the gold: page, title, body lines, published day, and how many
    times the headline opens a line again between the gold's headline and its body."""
    title = title_text(entry, lines)
    return {"page": entry["page"], "title": title, "body": body_text(entry, lines).split("\n"),
            "published": entry.get("published"), "headline_repeats": headline_repeats(entry, lines, title),
            "headline_glued": headline_glued(entry)}


def line_openings(text: str, words: list[str], before: int | None = None, glued: bool = False,
                  whole: bool = False) -> list[int]:
    """Offsets of the lines that open on ``words`` (a margin, bullet or heading mark allowed; any
    line that prints them when ``glued``: a headline set behind its rubric), before offset
    ``before`` when given; with ``whole``, only those where the words also end a line (a photo's
    caption or alt text glued to a credit, a teaser cut short, is no headline line)."""
    starts: list[int] = []
    for m in re.finditer(r"\s+".join(re.escape(w) for w in words), text):
        if before is not None and m.start() >= before:
            break
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if whole and text[m.end():None if end < 0 else end].strip():
            continue
        if (glued or not text[start:m.start()].strip(" \t*#>•-")) and start not in starts:
            starts.append(start)
    return starts


def headline_repeats(entry: dict, lines: list[str], title: str | None) -> int:
    """How many lines between the gold headline and the body's first line open on the headline
    again (a title repeated under the standfirst): ``page_perturb.headline_line`` counts them back from the body."""
    words = (title or "").split()
    body = entry.get("body") or []
    if len(words) < 2 or not entry.get("title") or not body:
        return 0
    between = "\n".join(lines[entry["title"]["line"]:body[0][0] - 1])
    return len(line_openings(between, words, glued=headline_glued(entry), whole=True))


def headline_glued(entry: dict) -> bool:
    """Whether the gold headline starts inside its line (glued behind a rubric)."""
    return bool((entry.get("title") or {}).get("start"))


def run_jobs(out: Path, entries: list[dict], variants: list[str], gold_of: Callable[[dict, list[str]], dict],
             render: Callable[[dict], None], score_one: Callable[[tuple], dict | None], workers: int) -> list[dict]:
    """Every variant of every entry scored by ``score_one`` in a pool of ``workers`` processes
    (jobs: out folder, variant, page, gold, site); ``render`` first writes what the workers read."""
    site_of = sites()
    jobs = []
    for entry in entries:
        gold = gold_of(entry, view_lines(entry["page"]))
        jobs += [(str(out), v, entry["page"], gold, site_of.get(entry["page"], "?")) for v in variants]
    out.mkdir(parents=True, exist_ok=True)
    for entry in entries:  # renders first: the workers then only read them
        render(entry)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [r for r in pool.map(score_one, jobs, chunksize=4) if r is not None]


def write_rows(path: Path, rows: list[dict], keys: tuple[str, ...], header: tuple[str, ...] | None = None) -> None:
    """The per-page rows as TSV: ``header`` (else the keys), then each row's ``keys``."""
    with path.open("w", encoding="utf-8") as f:
        f.write("\t".join(header or keys) + "\n")
        for r in rows:
            f.write("\t".join(str(r[k]) for k in keys) + "\n")


_STAGES: list = []


def stages() -> Any:
    """The text stages (``real_pages.TextStages``), made once a worker process."""
    if not _STAGES:
        from real_pages import TextStages

        _STAGES.append(TextStages())
    return _STAGES[0]
