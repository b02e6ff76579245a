"""Where the event coder loses a gold event on the real-sentence gold: trigger, type, mode or actors.

    .venv/bin/python bench/events_triggers.py [--part dev|fresh|fresh3|fresh4|fresh5|dev+fresh] [--list missing|type|mode|actors|spurious]
                                              [--types ACCUSE,REQUEST,...]  # + cause x type table with sites
    .venv/bin/python bench/events_triggers.py --gold tests/data/extra_events/events_heldout4.jsonl [--list …]

Runs the pipeline on the body-given pages of a part and follows each gold event (fact and intent
only, as the record keeps) from its annotated trigger words to the record:

- ``no-trigger``: no candidate on the trigger words (a verb or noun the lexicon lacks, a parse that
  hides it); split by ``bench/trigger_gates.py`` into its words unlisted or the gate that kept a
  listed word out (an object constraint, the tagger's reading, a phrase's other words), each gate
  with its events and sites;
- ``wrong-type``: a candidate there, of another type;
- ``mode``: the right type, dropped or recorded under an unrecorded mode (negated, hypothetical…);
- ``no-source``: the right type and mode, but no event because no source was found;
- ``actors``: an event of the right type whose source or target is not the gold one;
- ``found``: matched as ``bench/events_real.py`` matches it.

Also the candidates on no gold trigger: in sentences without any gold event (``spurious``) and in
event sentences (``extra``). The trigger words are printed with the page and line (no other text of
the pages). Tune on dev only. ``--gold`` reads an outside events batch released to dev (never a judge's)
as a part of its own, to see what fails there that also fails on the corpus dev pages. ``--types``
adds, for those types, each cause's count and the number of sites it is seen on (``split.tsv``):
the check that a cause is a phenomenon of several sites, not of one page. ``--part fresh3`` (held out,
unseen sites) gives the counts and sites only: ``--list`` is refused there, its errors are not read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from events_real import RECORDED, _as_list, gold_sentences  # noqa: E402
from events_slots import sites as page_sites  # noqa: E402
from extra_events import Pages, load_gold, pages_gold_for  # noqa: E402
from extra_events import sentences as extra_sentences  # noqa: E402
from real_eval import _gold, _scorer  # noqa: E402
from tools.real_pages.materialize import body_inputs  # noqa: E402
from tools.real_pages.view import view_lines  # noqa: E402
from trigger_gates import gate_of  # noqa: E402

import veille.events.stage as event_stage  # noqa: E402
from veille.events.coder import Coder  # noqa: E402

TRACE: dict[str, dict] = {}


class TracingCoder(Coder):
    """The coder, keeping every candidate with the events it gave before merging and mode filters."""

    def _code(self, cand, units):  # noqa: ANN001, ANN202
        out = super()._code(cand, units)
        cand.trace_events = [(ev.type, ev.source, ev.target, ev.mode) for ev in out]
        return out

    def run(self):  # noqa: ANN201
        kept = super().run()
        TRACE[Path(self.article.source.path or "").stem] = {"doc": self.doc, "cands": self.candidates, "events": kept,
                                                             "view": self.view}
        return kept


def run_pipeline(part: str, extra: tuple | None = None) -> None:
    from veille.pipeline import Pipeline

    entries = extra[0] if extra else _gold("events", part)[0]
    event_stage.Coder = TracingCoder  # type: ignore[misc]
    with tempfile.TemporaryDirectory() as tmp:
        if extra:
            body_inputs(entries, Path(tmp), lines_of=extra[2].lines)
        else:
            body_inputs(entries, Path(tmp))
        pipe = Pipeline(settings={"explain": True})
        for _ in pipe.extract(sorted(str(p) for p in Path(tmp).iterdir())):
            pass


def trigger_span(doc_text: str, sent_text: str, lines: list[str], trig: list[int]) -> tuple[int, int, str] | None:
    words = lines[trig[0] - 1][trig[1]:trig[2]]
    at = doc_text.find(sent_text)
    if at < 0:
        at = doc_text.find(sent_text[:60])
    if at < 0:
        return None
    pos = doc_text.find(words, at)
    return (pos, pos + len(words), words) if pos >= 0 else None


def diagnose(part: str, show: set[str], extra: tuple | None = None, cells: dict | None = None,
             gates: dict | None = None) -> Counter:
    """Each gold event's outcome; ``cells`` (when given) gathers (type, outcome) -> pages, ``gates``
    (when given) the no-trigger events' gate (``bench/trigger_gates.py``) -> pages."""
    names = _scorer().Names({})
    outcome: Counter = Counter()
    listing: list[str] = []
    by_page = extra_sentences(extra[1], extra[2]) if extra else gold_sentences(part)
    for page, sents in by_page.items():
        trace = TRACE.get(page)
        if trace is None:
            continue
        doc, cands = trace["doc"], trace["cands"]
        lines = extra[2].lines(page) if extra else view_lines(page)
        for s in sents:
            at = doc.text.find(s["text"])
            sent_cands = []
            if at >= 0:
                sent_cands = [c for c in cands if at <= doc[c.head].idx < at + len(s["text"])]
            if not s["events"]:
                for c in sent_cands:
                    outcome["spurious-candidate"] += 1
                    if "spurious" in show:
                        listing.append(f"spurious {page}:{s['start'][0]} {c.trigger.type} «{doc[c.head].text}» "
                                       f"{c.trigger.entry} -> {getattr(c, 'trace_events', None)}")
                continue
            gold_spans = [trigger_span(doc.text, s["text"], lines, g["trigger"]) for g in s["events"]]
            for c in sent_cands:  # a candidate on no gold trigger of an event sentence
                if not any(sp and any(sp[0] <= doc[i].idx < sp[1] for i in c.tokens) for sp in gold_spans):
                    outcome["extra-candidate"] += 1
                    if "extra" in show:
                        listing.append(f"extra {page}:{s['start'][0]} {c.trigger.type} «{doc[c.head].text}» "
                                       f"{c.trigger.entry} -> {getattr(c, 'trace_events', None)}")
            for g, span in zip(s["events"], gold_spans, strict=True):
                if g.get("mode") not in RECORDED:
                    continue
                gtypes = _as_list(g["type"])
                words = span[2] if span else lines[g["trigger"][0] - 1][g["trigger"][1]:g["trigger"][2]]
                here = [c for c in cands if span and any(span[0] <= doc[i].idx < span[1] for i in c.tokens)]
                # a trigger typed "-" is an event only negated, of its ``neg=`` type: read what it coded
                typed = [c for c in here if c.trigger.type in gtypes
                         or any(e[0] in gtypes for e in getattr(c, "trace_events", None) or [])]
                where = f"{page}:{g['trigger'][0]} {gtypes[0]} «{words}»"
                if not here:
                    kind = "no-trigger"
                    gate = gate_of(trace["view"], doc, span[0], span[1]) if span else "unlisted"
                    detail = f" [{gate}]"
                    if gates is not None:
                        gates.setdefault(gate, []).append(page)
                elif not typed:
                    kind, detail = "wrong-type", f" got {here[0].trigger.type} ({here[0].trigger.entry})"
                else:
                    c = typed[0]
                    if getattr(c, "model_score", None) is not None:
                        outcome["by-model-candidate"] += 1  # dev scores of a model trained on dev are in-sample
                    evs = getattr(c, "trace_events", None)
                    if c.mode not in RECORDED or evs is None:
                        kind, detail = "mode", f" mode={c.mode} coded={evs is not None}"
                    elif not evs:
                        kind, detail = "no-source", ""
                    elif any(names.same(e[1], g["source"]) and (g.get("target") is None or names.same(e[2], g["target"]))
                             for e in evs):
                        kind, detail = "found", ""
                    else:
                        kind, detail = "actors", f" got {evs[0][1]}→{evs[0][2]}; gold {g['source']}→{g['target']}"
                outcome[kind] += 1
                if cells is not None:
                    cells.setdefault((gtypes[0], kind), []).append(page)
                if kind.split("-")[-1] in show or kind in show:
                    listing.append(f"{kind} {where}{detail}")
    print("\n".join(sorted(listing)))
    return outcome


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "test", "fresh", "fresh3", "fresh4", "fresh5", "dev+fresh"], default="dev")
    ap.add_argument("--gold", type=Path, help="an outside events gold of bench/extra_events.py (e.g. "
                    "tests/data/extra_events/events_heldout4.jsonl; pages from --pages-dir), read as a part of its own")
    ap.add_argument("--pages-dir", type=Path, default=Path("/work/extra/event_pages"))
    ap.add_argument("--list", nargs="*", default=[], help="no-trigger → 'trigger', wrong-type → 'type', mode, "
                    "no-source → 'source', actors, spurious, extra")
    ap.add_argument("--types", help="comma-separated gold types: a cause x type table, events and sites per cell")
    args = ap.parse_args()
    if args.part == "fresh3" and args.list:
        raise SystemExit("fresh3 is held out: counts and sites only, no --list")
    extra = None
    if args.gold:
        if "heldout6" in args.gold.name:
            raise SystemExit("heldout6 is a judge: not for this listing")
        entries, events = load_gold(pages_gold_for(args.gold), args.gold)
        extra = (entries, events, Pages(args.pages_dir))
        args.part = args.gold.stem
    run_pipeline(args.part, extra)
    cells: dict[tuple[str, str], list[str]] = {}
    gates: dict[str, list[str]] = {}
    outcome = diagnose(args.part, set(args.list), extra, cells, gates)
    site_of = page_sites()
    print("no-trigger by gate: " + ", ".join(f"{g} {len(v)} ({len({site_of.get(p, p) for p in v})} sites)"
                                            for g, v in sorted(gates.items(), key=lambda kv: -len(kv[1]))))
    if args.types:
        for etype in args.types.split(","):
            row = sorted(((k, v) for (t, k), v in cells.items() if t == etype), key=lambda kv: -len(kv[1]))
            print(f"{etype}: " + ", ".join(f"{k} {len(v)} ({len({site_of.get(p, p) for p in v})} sites)" for k, v in row))
    total = sum(v for k, v in outcome.items() if not k.endswith("-candidate"))
    typed = total - outcome["no-trigger"] - outcome["wrong-type"]
    print(f"{args.part}: trigger+type recall {typed / max(total, 1):.3f} ({typed}/{total}); "
          f"candidates on no gold trigger: {outcome['spurious-candidate']} in eventless sentences, "
          f"{outcome['extra-candidate']} in event sentences; {outcome['by-model-candidate']} of the typed triggers "
          f"are model proposals (in-sample on dev)")
    print(f"{args.part}: {total} gold events (fact/intent): " + ", ".join(f"{k} {v}" for k, v in outcome.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
