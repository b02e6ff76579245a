"""Time words the times stage leaves out, on real dev pages that have no times gold (issue 12).

    python bench/times_recall.py [--examples N] [--class CLASS] [--context] [--json]

The TimeBank test split's recall trails dev's (.770 against .906) and its errors are not to be read,
so the forms it holds that dev lacks must be found elsewhere: the dev pages that no
``times_dev*.jsonl`` file marks (about 70 pages, their sites too). Each page is given as
``real_eval.py times --body`` gives it (the gold title, body and published date, ``doc_index``) to
the times stage in this process; a finder independent of the stage's rules (``times_recall_words.tsv``
beside this file: months, weekdays, seasons, parts of the day, units, signals, clock digits, years,
centuries, deictic adverbs and adjectives, holidays) marks every time word, and each candidate no
extracted time overlaps is counted, by class, with its distinct sites. Examples are printed as
``page:line word`` (the view's line, ``tools/real_pages/view.py PAGE LINE LINE`` shows it);
``--context`` adds a few words around each, to read on the terminal only (the pages are copyrighted:
never paste that into the repository). Only dev pages are read.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, load, sites  # noqa: E402
from tools.real_pages.times import SEPARATOR, doc_index, times_rows  # noqa: E402
from tools.real_pages.view import PAGES, view_lines  # noqa: E402

WORDS = Path(__file__).with_name("times_recall_words.tsv")
VERDICTS = Path(__file__).with_name("times_recall_verdicts.tsv")


def verdicts(path: Path = VERDICTS) -> dict[tuple[str, int, str], str]:
    """(page, line, word lower-cased) -> ``miss`` or ``optional``, as read by hand (the rest of the
    candidates were read and judged no TIMEX3, or a word the conventions leave outside it)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, n, word, verdict, _ = line.split("\t", 4)
            out[(page, int(n), word)] = verdict
    return out


def finder(path: Path = WORDS) -> list[tuple[str, re.Pattern[str]]]:
    """(class, compiled regex) a row of the word list; a match starts and ends on a word edge (an
    apostrophe or a hyphen is one: "l'an", "mi-juillet", "ce soir-là")."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, pattern = line.split("\t", 1)
        out.append((cls, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)))
    return out


def candidates(text: str, rows: list[tuple[str, re.Pattern[str]]]) -> list[tuple[int, int, str]]:
    """Every (start, end, class) the finder marks; a span two rows mark is counted once, under the
    first row's class."""
    seen: set[tuple[int, int]] = set()
    out = []
    for cls, rx in rows:
        for m in rx.finditer(text):
            if (m.start(), m.end()) not in seen:
                seen.add((m.start(), m.end()))
                out.append((m.start(), m.end(), cls))
    return sorted(out)


def pages_without_gold() -> list[dict]:
    """Dev page gold entries (articles with a date) that no times file marks."""
    marked = set(times_rows("dev"))
    return [e for e in load(GOLD_DIR / "gold_dev.jsonl")
            if e.get("part") == "dev" and e.get("article") is not False and e["page"] not in marked]


def stage_times(entries: list[dict]) -> dict[str, tuple[str, dict[int, tuple[int, int]], list[dict]]]:
    """page -> (text as given with ``--body``, its line index, the stage's times one per occurrence)."""
    from dataclasses import asdict

    from veille.model import Article
    from veille.nlp import load_nlp
    from veille.pipeline import Context
    from veille.times import TimeStage, each_occurrence

    nlp = load_nlp()
    stage = TimeStage(Context(nlp=nlp))
    out = {}
    for entry in entries:
        lines = view_lines(entry["page"])
        text, where = doc_index(entry, lines)
        title = ""
        body = text
        if entry.get("title"):
            title, _, body = text.partition(SEPARATOR)
        art = Article(id=entry["page"], title=title or None, paragraphs=body.split(SEPARATOR) if body else [],
                      published=entry.get("published"))
        nlp_text = art.nlp_text()
        assert nlp_text == text, entry["page"]
        stage(art, nlp(nlp_text), None)
        out[entry["page"]] = (text, where, each_occurrence([asdict(t) for t in art.times], nlp_text))
    return out


def line_of(where: dict[int, tuple[int, int]], pos: int) -> int:
    """The view line holding offset ``pos`` of the ``doc_index`` text."""
    starts = sorted((off, line) for line, (off, _) in where.items())
    k = bisect.bisect_right([s for s, _ in starts], pos) - 1
    return starts[max(k, 0)][1]


def census(data: dict, rows: list[tuple[str, re.Pattern[str]]]) -> list[dict]:
    """Each candidate no stage time overlaps: page, line, class, word, start, end."""
    out = []
    for page, (text, where, times) in sorted(data.items()):
        spans = [(t["start"], t["end"]) for t in times if t.get("start") is not None]
        for a, b, cls in candidates(text, rows):
            # a signal ("depuis", "il y a", "chaque") stays outside the TIMEX3 it opens: it is missed
            # only when none of the next three words is in a time either
            reach = b + len(" ".join(text[b:b + 60].split()[:3])) + 1 if cls.startswith("signal") else b
            if any(s < reach and a < e for s, e in spans):
                continue
            out.append({"page": page, "line": line_of(where, a), "class": cls, "word": text[a:b],
                        "start": a, "end": b})
    return out


def finder_recall() -> int:
    """How much of the dev gold the finder reaches: each required gold TIMEX3 of the TimeBank dev split
    and of the real dev pages (title and body given) that no candidate overlaps is listed by document."""
    sys.path.insert(0, str(ROOT / "bench"))
    from times_perturb import full_text, real_docs, timebank_docs

    rows = finder()
    for name, docs in (("timebank dev", timebank_docs()), ("real dev", real_docs())):
        total, reached, left = 0, 0, []
        for doc in docs:
            spans = candidates(full_text(doc) if doc["corpus"] == "real" else doc["text"], rows)
            for g in doc["golds"]:
                if g.get("optional"):
                    continue
                total += 1
                if any(s < g["finish"] and g["begin"] < e for s, e, _ in spans):
                    reached += 1
                else:
                    left.append(f"{doc['id']} {g['type']} {g['value']}")
        print(f"{name}: {reached}/{total} gold TIMEX3 reached ({reached / max(total, 1):.3f})"
              + "".join(f"\n  {x}" for x in left))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=8, help="examples printed per class")
    ap.add_argument("--class", dest="cls", action="append", help="only these classes (repeatable)")
    ap.add_argument("--context", action="store_true", help="print a few words around each example (terminal only)")
    ap.add_argument("--json", action="store_true", help="one JSON line per missed candidate (no context)")
    ap.add_argument("--finder-recall", action="store_true",
                    help="only the share of the dev gold TIMEX3 (TimeBank dev split, real dev pages) a candidate overlaps")
    ap.add_argument("--reuse", type=Path, help="keep the stage's times in this file (outside the repository) "
                                               "and read them from it when it exists")
    args = ap.parse_args()
    if not PAGES.is_dir():
        print("no corpus pages (../shared absent): nothing to do")
        return 0
    if args.finder_recall:
        return finder_recall()
    entries = pages_without_gold()
    rows = [r for r in finder() if not args.cls or r[0] in args.cls]
    if args.reuse and args.reuse.exists():
        data = {p: (t, {int(k): tuple(v) for k, v in w.items()}, ts)
                for p, (t, w, ts) in json.loads(args.reuse.read_text(encoding="utf-8")).items()}
    else:
        data = stage_times(entries)
        if args.reuse:
            args.reuse.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    site_of = sites()
    missed = census(data, rows)
    if args.json:
        for m in missed:
            print(json.dumps({k: m[k] for k in ("page", "line", "class", "word")}, ensure_ascii=False))
        return 0
    found = Counter(cls for text, _, _ in data.values() for _, _, cls in candidates(text, rows))
    by_class: dict[str, list[dict]] = defaultdict(list)
    for m in missed:
        by_class[m["class"]].append(m)
    n_sites = len({site_of.get(p, p) for p in data})
    judged = verdicts()
    print(f"{len(data)} dev pages without times gold, {n_sites} sites; "
          f"{sum(len(t) for _, _, t in data.values())} stage times")
    print("missed: no stage time overlaps; miss / optional: read as a TIMEX3 the stage should give / one the "
          "gold marks optional (times_recall_verdicts.tsv)")
    print(f"{'class':<14}{'candidates':>11}{'missed':>8}{'sites':>7}{'miss':>6}{'sites':>7}{'optional':>10}")
    for cls, _ in rows:
        ms = by_class.get(cls, [])
        verdict = [judged.get((m["page"], m["line"], m["word"].lower())) for m in ms]
        real = {site_of.get(m["page"]) for m, v in zip(ms, verdict, strict=True) if v == "miss"}
        print(f"{cls:<14}{found[cls]:>11}{len(ms):>8}{len({site_of.get(m['page']) for m in ms}):>7}"
              f"{verdict.count('miss'):>6}{len(real):>7}{verdict.count('optional'):>10}")
    for cls, _ in rows:
        ms = by_class.get(cls, [])
        if not ms:
            continue
        print(f"\n{cls}: " + ", ".join(f"{w} {n}" for w, n in Counter(m['word'].lower() for m in ms).most_common(12)))
        for m in ms[:args.examples]:
            extra = ""
            if args.context:
                text = data[m["page"]][0]
                extra = "  | " + text[max(0, m["start"] - 60):m["end"] + 60].replace("\n", " ")
            print(f"  {m['page']}:{m['line']} {m['word']}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
