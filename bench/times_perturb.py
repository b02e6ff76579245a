"""Time expressions of the dev gold rewritten into the other forms the press writes them, rescored.

    python bench/times_perturb.py [--variants NAME ...] [--out DIR] [--jobs N] [--corpus both|timebank|real]

Issue 12, round 28. The TimeBank test split and the real test pages score well below their dev
parts (TimeBank .825/.860/.772 against .921/.938/.893; real pages .905 against .966 strict): the
rules may fit the wordings of the dev articles. As ``bench/name_perturb.py`` and
``bench/published_perturb.py`` did for names and published days, every dev gold time expression
(the French TimeBank dev split, ``../shared/external/fr-timebank``, and the real dev pages,
``tests/data/real_pages/times_dev*.jsonl``, title and body given) is rewritten into another form
of the same value (or the value recomputed here), the gold moving with the text, and rescored:

* days (a gold DATE whose value is a day and whose text writes it with a month or in digits):
  ``date-long`` "3 mars 2024", ``date-weekday`` "dimanche 3 mars" (year kept when it is not the
  article's), ``date-yearless`` "3 mars" (only when the year is the article's) — press forms;
  ``date-slash`` "03/03/2024" (datelines, tables, agency copy), ``date-slash-short`` "3/3/24",
  ``date-dots`` "3.3.2024", ``date-abbrev`` "3 févr." (the abbreviations of the French
  typographic norms: tables, bylines; "mars", "mai", "juin", "août" have none) — rarer in running text;
* clock (a gold TIME with hour and minutes in its value, written with digits): ``clock-heures``
  "14 heures", ``clock-h`` "14h", ``clock-h00`` "14 h 00", ``clock-colon`` "14:00" (live blogs),
  ``clock-words`` "2 heures de l'après-midi" / "8 heures du matin" / "10 heures du soir"
  (the last two are press forms, the first rare);
* counts (any gold whose text counts units, "trois jours", "il y a 2 ans"): ``count-digits`` the
  number in digits, ``count-words`` in words (2..20, tens, 100; press style writes small numbers in
  words, both occur);
* ``hier-veille``: "hier" written "la veille" (value unchanged: a press form, but one anchored on the
  narrative's day, right only where that day is the article's);
* months: ``month-year`` "mars dernier" / "en mars" written "mars 2024", ``month-dernier``
  "mars 2024" / "en mars" written "mars dernier" (a month of the last eleven before the article's);
* ``shift+3``, ``shift-4``: the text unchanged, the article's date moved 3 days later / 4 earlier,
  the values that depend on it recomputed (days, weeks, months, years of deictic expressions,
  weekday names in the direction the gold gives them); a gold whose new value cannot be told (an
  anaphoric "la veille", a yearless month across a new year) is made optional;
* ``as-given``: the baseline.

Only the documents a variant changes are run again; the others keep their as-given output. Prints,
per variant and corpus, the rewritten gold items with the share found strict, relaxed and with the
right value (as given → rewritten), and the all-types F1 (strict, value) of the whole corpus. Each
failure on a rewritten item goes to ``DIR/failures.tsv`` (variant, corpus, document, site, gold
text and value, prediction, kind): the texts live under ``DIR`` (default /tmp/times_perturb), outside
the repository, as the pages and the TimeBank are copyrighted. Test pages and the TimeBank test
split are never read.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from time_forms import ANCHOR_VARIANTS, VARIANTS, rewrite_doc  # noqa: E402
from tools.real_pages.gold import GOLD_DIR, load, sites  # noqa: E402
from tools.real_pages.times import SEPARATOR, AllTypes, doc_index, gold_spans, pred_occurrences, times_rows  # noqa: E402
from tools.real_pages.view import PAGES, view_lines  # noqa: E402

TIMEBANK = ROOT.parent / "shared" / "external" / "fr-timebank" / "Data"
TIMEBANK_SCORER = ROOT.parent / "shared" / "eval" / "timebank.py"
Doc = dict


def timebank_docs() -> list[Doc]:
    """The TimeBank dev split (even positions in name order, as ``shared/eval/timebank.py``)."""
    if not TIMEBANK_SCORER.exists():
        return []
    spec = importlib.util.spec_from_file_location("timebank_scorer", TIMEBANK_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = []
    for path in sorted(TIMEBANK.glob("*.tml"))[0::2]:
        d = module.parse(path)
        golds = [{"begin": s["start"], "finish": s["end"], "type": s["type"], "value": s["value"], "text": s["text"]}
                 for s in d["timex"]]
        out.append({"id": d["id"], "corpus": "timebank", "site": d["id"], "title": "", "text": d["text"],
                    "date": d["dct"], "golds": golds})
    return out


def real_docs() -> list[Doc]:
    """The real dev pages with times gold, as ``real_eval.py times --body`` gives them (title, body, date)."""
    if not PAGES.is_dir():
        return []
    pages = {e["page"]: e for e in load(GOLD_DIR / "gold_dev.jsonl")}
    site_of = sites()
    out = []
    for page, row in times_rows("dev").items():
        entry = pages.get(page)
        if not entry or entry.get("article") is False or not entry.get("published"):
            continue
        lines = view_lines(page)
        text, _ = doc_index(entry, lines)
        golds = [{k: g[k] for k in ("begin", "finish", "type", "value", "text", "accept", "optional") if k in g}
                 for g in gold_spans(entry, row.get("times", []), lines)]
        title = ""
        if entry.get("title"):
            title, _, text = text.partition(SEPARATOR)
        out.append({"id": page, "corpus": "real", "site": site_of.get(page, page), "title": title, "text": text,
                    "date": entry["published"], "golds": golds, "offset": len(title) + len(SEPARATOR) if title else 0})
    return out


def full_text(doc: Doc) -> str:
    return (doc["title"] + SEPARATOR if doc["title"] else "") + doc["text"]


def run_extract(docs: dict[str, Doc], folder: Path, jobs: int) -> dict[str, dict]:
    """``veille extract`` on each document (title, text, date); the records by document key."""
    inputs = folder / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    for key, doc in docs.items():
        (inputs / f"{key}.json").write_text(json.dumps({"title": doc["title"], "text": doc["text"],
                                                        "date": doc["date"]}, ensure_ascii=False), encoding="utf-8")
    keys = sorted(docs)
    chunks = [keys[i::jobs] for i in range(jobs) if keys[i::jobs]]
    procs = []
    for n, chunk in enumerate(chunks):
        out = folder / f"pred{n}.jsonl"
        cmd = [sys.executable, "-m", "veille", "extract", *[str(inputs / f"{k}.json") for k in chunk], "--output", str(out)]
        procs.append((subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), out))
    records = {}
    for proc, out in procs:
        proc.wait()
        if out.exists():
            for line in out.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                records[Path(rec["source"]["path"]).stem] = rec
    return records


def judge(gold: dict, text: str, preds: list[dict], pred_text: str) -> tuple[bool, bool, bool, str]:
    """One gold item against the document's predictions: (strict, relaxed, value right, what was found)."""
    tally = AllTypes()
    # in text order: the record lists a repeated (wording, value) once with all its spans, so the wording
    # "23 h 30" of two days would be placed on each other's occurrence
    tally.add("", text, [gold], sorted(preds, key=lambda p: p.get("begin", -1)), pred_text)
    c = tally.c
    found = next((e.split(" pred ", 1)[1] for e in tally.errors if e.startswith(": gold")), "")
    return bool(c["strict"]), bool(c["relaxed"]), bool(c["value"]), found


def score(docs: list[Doc], records: dict[str, dict], keys: dict[str, str]) -> tuple[dict, list[tuple]]:
    """All-types result of the corpus, and per rewritten gold item (doc, gold, strict, relaxed, value, found)."""
    tally = AllTypes()
    fates = []
    for doc in docs:
        rec = records.get(keys[doc["id"]], {})
        text = full_text(doc)
        pred_text, preds = pred_occurrences(rec)
        tally.add(doc["id"], text, doc["golds"], preds, pred_text)
        for g in doc["golds"]:
            if g.get("rewritten"):
                fates.append((doc, g, *judge(g, text, preds, pred_text)))
    return tally.result(), fates


def _kind(strict: bool, relaxed: bool, value: bool) -> str:
    if not relaxed:
        return "missed"
    return "ok" if strict and value else "value" if strict else "extent" if value else "extent+value"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", nargs="*", default=VARIANTS, choices=VARIANTS, metavar="NAME",
                    help="variants to run (default all): " + ", ".join(VARIANTS))
    ap.add_argument("--out", type=Path, default=Path("/tmp/times_perturb"), help="where texts, outputs and failures go")
    ap.add_argument("--jobs", type=int, default=2, help="extract processes in parallel")
    ap.add_argument("--corpus", choices=["both", "timebank", "real"], default="both")
    args = ap.parse_args()
    if ROOT in args.out.resolve().parents:
        ap.error("--out must be outside the repository (the texts are copyrighted)")
    corpora = []
    if args.corpus in ("both", "timebank"):
        corpora.append(("timebank", timebank_docs()))
    if args.corpus in ("both", "real"):
        corpora.append(("real", real_docs()))
    if not any(docs for _, docs in corpora):
        print("times_perturb: ../shared (TimeBank, pages) absent; nothing to score")
        return 0
    all_docs = [d for _, docs in corpora for d in docs]
    # one extract run for the baseline and every variant's changed documents
    batch: dict[str, Doc] = {f"as-given__{d['id']}": d for d in all_docs}
    variant_docs: dict[str, dict[str, Doc]] = {}
    for variant in args.variants:
        if variant == "as-given":
            continue
        changed = {}
        for d in all_docs:
            new = rewrite_doc(d, variant)
            if new is not None:
                changed[d["id"]] = new
                batch[f"{variant}__{d['id']}"] = new
        variant_docs[variant] = changed
    args.out.mkdir(parents=True, exist_ok=True)
    records = run_extract(batch, args.out, args.jobs)
    (args.out / "texts.jsonl").write_text("".join(json.dumps({"key": k, **d}, ensure_ascii=False) + "\n"
                                                  for k, d in batch.items()), encoding="utf-8")
    failures = ["variant\tcorpus\tdoc\tsite\tgold\tgold_value\tkind\tas_given\tfound"]
    print(f"{'variant':18} {'corpus':9} {'docs':>4} {'items':>5}  {'strict':>11} {'relaxed':>11} {'value':>11}"
          f"  all-types strict/value F1")
    for name, docs in corpora:
        base_keys = {d["id"]: f"as-given__{d['id']}" for d in docs}
        base_result, _ = score(docs, records, base_keys)
        print(f"{'as-given':18} {name:9} {len(docs):4d} {'':5}  {'':11} {'':11} {'':11}"
              f"  {base_result['all_strict']['f1']:.3f}/{base_result['all_value']['f1']:.3f}")
        for variant, changed in variant_docs.items():
            touched = [d for d in docs if d["id"] in changed]
            if not touched:
                continue
            keys = {d["id"]: (f"{variant}__{d['id']}" if d["id"] in changed else f"as-given__{d['id']}") for d in docs}
            result, fates = score([changed.get(d["id"], d) for d in docs], records, keys)
            # the same items as given: the originals of the rewritten ones, on the as-given output
            originals = None if variant in ANCHOR_VARIANTS else []  # inserted items have no as-given form
            for d in touched if originals is not None else []:
                marks = {g["index"] for g in changed[d["id"]]["golds"] if g.get("rewritten")}
                originals.append({**d, "golds": [{**g, "index": i, "rewritten": i in marks} for i, g in enumerate(d["golds"])]})
            fates.sort(key=lambda f: (f[0]["id"], f[1]["begin"]))
            n = len(fates)
            if originals is None:
                base_fates = [(d, g, True, True, True, "") for d, g, *_ in fates]
                before = ["  - "] * 3
            else:
                _, base_fates = score(originals, records, base_keys)
                base_fates.sort(key=lambda f: (f[0]["id"], f[1]["index"]))
                fates.sort(key=lambda f: (f[0]["id"], f[1]["index"]))
                before = [f"{sum(f[k] for f in base_fates) / max(1, n):.2f}" for k in (2, 3, 4)]
            cells = [f"{b}→{sum(f[k] for f in fates) / max(1, n):.2f}" for b, k in zip(before, (2, 3, 4), strict=True)]
            print(f"{variant:18} {name:9} {len(touched):4d} {n:5d}  {cells[0]:>11} {cells[1]:>11} {cells[2]:>11}"
                  f"  {result['all_strict']['f1']:.3f}/{result['all_value']['f1']:.3f}")
            for after, before in zip(fates, base_fates, strict=True):
                doc, g = after[0], after[1]
                kind = _kind(*after[2:5])
                if kind != "ok":
                    failures.append("\t".join([variant, name, doc["id"], doc["site"], g["text"], str(g.get("value")),
                                               kind, "new" if originals is None else _kind(*before[2:5]), after[5]]))
    (args.out / "failures.tsv").write_text("\n".join(failures) + "\n", encoding="utf-8")
    census = Counter((row.split("\t")[0], row.split("\t")[6]) for row in failures[1:])
    print(f"\nfailures on rewritten items ({len(failures) - 1}): {args.out / 'failures.tsv'}")
    for (variant, kind), count in sorted(census.items()):
        print(f"  {variant:18} {kind:13} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
