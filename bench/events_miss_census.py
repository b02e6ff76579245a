"""The gold events the coder misses, by mechanism, trigger form, batch and site (issue 13, dev + fresh).

    .venv/bin/python bench/events_miss_census.py [--batches later|first|all] [--part dev+fresh|fresh4|fresh5|readable] [--list MECHANISM ...]

Runs ``bench/events_triggers.py``'s pipeline on the body-given dev + fresh pages (never fresh2,
fresh3 nor test) and puts each gold event (fact or intent) in one mechanism, as that bench does:
``no-trigger:<gate>`` (``unlisted``: a word no table lists; ``verb-object``/``noun-object``: a listed
word whose every entry's object constraint fails; ``verb-form``: the tagger read it otherwise;
``phrase-part``: only part of a listed phrase), ``wrong-type``, ``mode``, ``no-source``, ``actors``,
``found``. Beside it, the trigger's form on the parse (a finite verb with or without its own subject,
an infinitive, a passive, a participle, a present participle, a singular or plural noun and its
dependency, an adjective; ``multi`` when the gold marks several words) and, for ``no-source``,
whether the gold's source and target are named or null. Counts are events and sites; the batches
are the annotators of the gold rows: ``later`` (the default) the batches kept out when the rules were
written (helper-evheld, helper-evheld2, helper-evheld3) and fresh (helper-annotev), the honest part
of dev; ``first`` the three first annotators'. ``--list`` prints, for the mechanisms named (prefixes:
``no-trigger`` lists every gate), each event's page:line, site, type, trigger words and form (no other
text of the pages). ``--part fresh4`` (``fresh5``) reads the fourth (fifth) later batch alone (every row: its one annotator),
readable after its first score; ``--part readable`` reads dev + fresh, fresh4 and fresh5 together. The sentence lost by cleaning is not measured here: compare
``bench/events_real.py --part dev+fresh --annotator NAME`` with and without ``--body``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
import events_triggers as et  # noqa: E402
from events_real import RECORDED, gold_sentences  # noqa: E402
from events_slots import sites as page_sites  # noqa: E402
from tools.real_pages.gold import load_events  # noqa: E402
from tools.real_pages.view import view_lines  # noqa: E402

PART = "dev+fresh"
BATCHES = {
    "later": {"helper-evheld", "helper-evheld2", "helper-evheld3", "helper-annotev"},
    "first": {"helper-events", "helper-evann1", "helper-evann2"},
}
ROW = re.compile(r"(no-trigger|wrong-type|mode|no-source|actors|found) (w\d+):(\d+) (\S+) «(.*?)»(.*)")


def trigger_form(doc, span: tuple[int, int, str] | None) -> str:  # noqa: ANN001
    """The gold trigger's shape on the parse: "verb:passive", "noun:pl:obl", "verb:finite-nosubj"."""
    if span is None:
        return "?"
    toks = [t for t in doc if span[0] <= t.idx < span[1]]
    if not toks:
        return "?"
    tok = next((t for t in toks if t.pos_ in ("VERB", "NOUN", "ADJ", "AUX")), toks[0])
    multi = " (multi)" if len(span[2].split()) > 1 else ""
    if tok.pos_ == "NOUN":
        number = "pl" if tok.morph.get("Number") == ["Plur"] else "sg"
        return f"noun:{number}:{tok.dep_}{multi}"
    if tok.pos_ not in ("VERB", "AUX"):
        return tok.pos_.lower() + multi
    deps = {c.dep_ for c in tok.children}
    form = tok.morph.get("VerbForm")
    if "aux:pass" in deps:
        shape = "passive"
    elif form == ["Inf"]:
        shape = "inf"
    elif form == ["Part"] and tok.morph.get("Tense") == ["Pres"]:
        shape = "participle-pres"
    elif form == ["Part"] and not any(d.startswith("aux") for d in deps):
        shape = "participle"
    else:
        shape = "finite" if deps & {"nsubj", "nsubj:pass"} else "finite-nosubj"
    return f"verb:{shape}{multi}"


def forms_and_parties(part: str = PART) -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """(page, line, type, words) -> (trigger form, "named/null" source and target of the gold)."""
    out: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    for page, sents in gold_sentences(part).items():
        trace = et.TRACE.get(page)
        if trace is None:
            continue
        doc, lines = trace["doc"], view_lines(page)
        for s in sents:
            for g in s["events"]:
                if g.get("mode") not in RECORDED:
                    continue
                span = et.trigger_span(doc.text, s["text"], lines, g["trigger"])
                trig = g["trigger"]
                words = span[2] if span else lines[trig[0] - 1][trig[1]:trig[2]]
                gtype = g["type"][0] if isinstance(g["type"], list) else g["type"]
                parties = ("named" if g.get("source") else "null") + "/" + ("named" if g.get("target") else "null")
                out[(page, str(trig[0]), gtype, words)] = (trigger_form(doc, span), parties)
    return out


def census(batches: set[str] | None, part: str = PART) -> list[dict]:
    """Every gold event of the batches with its mechanism, form, parties and site."""
    et.run_pipeline(part)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        et.diagnose(part, {"trigger", "type", "mode", "source", "actors", "found"})
    annotator = {e["page"]: e.get("annotator") for e in load_events(part)}
    shapes = forms_and_parties(part)
    site_of = page_sites()
    rows = []
    for line in buf.getvalue().splitlines():
        m = ROW.match(line)
        if not m:
            continue
        kind, page, ln, gtype, words, rest = m.groups()
        gate = re.search(r"\[(.*?)\]", rest)
        if kind == "no-trigger" and gate:
            kind += ":" + gate.group(1)
        if batches is not None and annotator.get(page) not in batches:
            continue
        form, parties = shapes.get((page, ln, gtype, words), ("?", "?"))
        rows.append({"mechanism": kind, "page": page, "line": ln, "type": gtype, "words": words, "form": form,
                     "parties": parties, "site": site_of.get(page, page), "batch": annotator.get(page)})
    return rows


def _table(title: str, rows: list[dict], key) -> None:  # noqa: ANN001
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    print(title)
    for k, v in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"  {k:48} {len(v):4} ({len({r['site'] for r in v})} sites)")


def _coarse(form: str) -> str:
    """"noun:pl:obl (multi)" -> "noun:pl"; "verb:finite-nosubj" -> "verb:finite"."""
    return ":".join(form.split(" ")[0].replace("-nosubj", "").split(":")[:2])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batches", choices=["later", "first", "all"], default="later")
    ap.add_argument("--part", choices=[PART, "fresh4", "fresh5", "readable"], default=PART,
                    help="fresh4, fresh5: the fourth or fifth later batch alone; readable: dev+fresh, fresh4 and fresh5 together")
    ap.add_argument("--list", nargs="*", default=[], help="mechanisms (or prefixes) whose events to list")
    args = ap.parse_args()
    every = args.batches == "all" or args.part != PART
    parts = [PART, "fresh4", "fresh5"] if args.part == "readable" else [args.part]
    rows = [r for part in parts for r in census(None if every else BATCHES[args.batches], part)]
    missed = [r for r in rows if r["mechanism"] != "found"]
    print(f"{args.part if every else args.batches} batches: {len(rows)} gold events (fact/intent), {len(missed)} missed, "
          f"{len({r['site'] for r in rows})} sites")
    _table("by mechanism", rows, lambda r: r["mechanism"])
    _table("missed, by trigger form", missed, lambda r: _coarse(r["form"]))
    _table("missed, by mechanism and form", missed, lambda r: f"{r['mechanism'].split(':')[0]} {_coarse(r['form'])}")
    _table("no-source, by the gold's source/target", [r for r in missed if r["mechanism"] == "no-source"],
           lambda r: r["parties"])
    _table("missed, by type", missed, lambda r: r["type"])
    _table("missed, by batch and mechanism", missed, lambda r: f"{r['batch']} {r['mechanism'].split(':')[0]}")
    per_site = Counter(r["site"] for r in missed)
    print("missed by site: " + ", ".join(f"{s} {n}" for s, n in per_site.most_common()))
    for r in sorted(rows, key=lambda r: (r["mechanism"], r["words"].lower(), r["page"])):
        if any(r["mechanism"].startswith(m) for m in args.list):
            print(f"{r['mechanism']} {r['page']}:{r['line']} {r['site']} {r['type']} «{r['words']}» {r['form']} "
                  f"{r['parties']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
