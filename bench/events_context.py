"""Event actors from the sentences around (issue 13): how many events a cross-sentence source would
win, and at what cost.

    .venv/bin/python bench/events_context.py [--list census|fallbacks]

Body given, dev + fresh gold (never fresh2 nor test: held out). The pages are parsed once and coded
once with the shipped ranker. Two tables:

- ``census``: each gold event (fact or intent, a named source) whose type the coder had in its
  sentence (an event or a candidate) without its source, when that source is outside the sentence or
  the clause's subject is a pronoun or missing. Where the right actor is: ``a`` the named subject of
  the previous sentence; ``b`` the last person or organisation named before the trigger (``b+``:
  the last of the pronoun's kind); ``c`` the article's main actor (most named in the title and
  the first body sentence); ``d`` the speaker of the quote around the trigger; ``e`` none of those.
  First matching cause, events and sites (every cause that holds in ``multi``).
- ``fallbacks``: each candidate the rules leave without source in an annotated sentence, by the
  shape of its clause's subject (a third-person pronoun, a noun, none with a finite, infinitive or
  participle verb), and what four context answers would score there: ``P`` the nearest named
  subject since the previous sentence, ``L`` the last person or organisation named since then,
  ``M`` the main actor, ``Q`` the quote's speaker. Right, wrong, gold source null, no gold event.

``--list`` prints page:line, type and labels (no page text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from events_real import RECORDED, _as_list  # noqa: E402
from tools.real_pages import actor_examples as ax  # noqa: E402

PART = "dev+fresh"
ACTOR_KINDS = ("PER", "ORG")


def main_actor(view, doc) -> str | None:
    """The person or organisation most named in the title and the body's first sentence."""
    first = next((t.i for t in doc if t.idx >= view.body_start), len(doc))
    end = doc[first].sent.end if first < len(doc) else len(doc)
    counts: Counter = Counter()
    j = 0
    while j < end:
        ent = view.tok_entity[j]
        if ent is not None and ent.type in ACTOR_KINDS:
            counts[ent.name] += 1
            while j < end and view.tok_entity[j] is ent:
                j += 1
            continue
        j += 1
    return counts.most_common(1)[0][0] if counts else None


def clause_verb(tok):
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def subject_shape(verb) -> str:
    from veille.events.words import SUBJ, feat

    subs = [c for c in verb.children if c.dep_ in SUBJ]
    if subs:
        s = subs[0]
        if s.pos_ == "PRON":
            return "pron3" if s.lower_ in ("il", "elle", "ils", "elles") else "pron-other"
        return "noun"
    if verb.pos_ not in ("VERB", "AUX"):
        return "none:no-verb"
    aux_fin = any(c.dep_.startswith("aux") and feat(c, "VerbForm") == ["Fin"] for c in verb.children)
    return "none:" + ("Fin" if aux_fin else (feat(verb, "VerbForm") or ["?"])[0])


def context_answers(view, doc, head, main: str | None) -> dict[str, str | None]:
    sent = head.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    prev_subject = next((a.name for pos, a, _ in reversed(view.subjects) if start <= pos < head.i), None)
    last = last_same = None
    pron = [c for c in clause_verb(head).children if c.dep_.startswith("nsubj") and c.pos_ == "PRON"]
    want = "PER" if pron and pron[0].lower_ in ("il", "elle") else None
    for k in range(head.i - 1, start - 1, -1):
        ent = view.tok_entity[k]
        if ent is not None and ent.type in ACTOR_KINDS:
            last = last or ent.name
            if want is None or ent.type == want:
                last_same = ent.name
                break
    quote = view.tok_quote[head.i]
    return {"P": prev_subject, "L": last, "L+": last_same, "M": main,
            "Q": quote.speaker if quote is not None and quote.speaker else None}


def lost_source_head(doc, g: dict, preds: list, recs: list[dict], same) -> object | None:
    """The trigger word of a recorded gold event with a source that Veille lost that source for: the
    first prediction of its type, else the first ranker candidate of its type; None when the source is
    found, the event is not recorded, has no source, or nothing of its type was proposed."""
    if g.get("mode") not in RECORDED or g["source"] is None:
        return None
    gt = _as_list(g["type"])
    if any(p.type in gt and same(p.source, g["source"]) for p in preds):
        return None
    typed = [p for p in preds if p.type in gt]
    if typed:
        span = doc.char_span(typed[0].start, typed[0].end, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None
    cands = [r for r in recs if r["cand"].trigger.type in gt]
    return doc[cands[0]["head"]] if cands else None

def run(show: str | None) -> int:
    from veille.events.ranker import load_ranker

    same = ax.names().Names({}).same
    sites = ax._sites()
    gold = ax.gold_sentences(PART)
    parsed = ax.parse_pages(PART)
    ranker = load_ranker()
    causes: Counter = Counter()
    multi: Counter = Counter()
    cause_sites: dict[str, set[str]] = defaultdict(set)
    shapes: dict[str, Counter] = defaultdict(Counter)
    shape_sites: dict[tuple[str, str], set[str]] = defaultdict(set)
    listing: list[str] = []
    for page, item, events, record in ax.coded_pages(parsed, ranker):
        doc = item[3]
        view = record[0]["view"]
        main = main_actor(view, doc)
        site = sites.get(page, page)
        for s, at, end, preds, recs in ax.sentences_in_text(doc, events, record, gold.get(page, [])):
            line = s["start"][0]
            triggers = []
            for g, words in zip(s["events"], s["spans"], strict=True):
                k = doc.text.find(words.strip(), at, end) if words.strip() else -1
                triggers.append((g, k, k + len(words.strip())))
            # census: gold events lost for their source
            for g, _, _ in triggers:
                head = lost_source_head(doc, g, preds, recs, same)
                if head is None:
                    continue
                sent = head.sent
                named_here = any(view.tok_entity[k] is not None and same(view.tok_entity[k].name, g["source"])
                                 for k in range(sent.start, sent.end))
                shape = subject_shape(clause_verb(head))
                if named_here and not (shape.startswith("pron") or shape.startswith("none")):
                    continue
                answers = context_answers(view, doc, head, main)
                held = [c for c, key in (("a", "P"), ("b", "L"), ("b+", "L+"), ("c", "M"), ("d", "Q"))
                        if answers[key] is not None and same(answers[key], g["source"])]
                cause = held[0] if held else "e"
                causes[cause] += 1
                cause_sites[cause].add(site)
                multi.update(held or ["e"])
                if show == "census":
                    listing.append(f"{page}:{line} {site} {_as_list(g['type'])[0]} {shape} cause={cause} all={','.join(held) or 'e'}")
            # fallbacks: candidates left without source
            for r in record:
                if not r["want"][0] or not at <= doc[r["head"]].idx < end:
                    continue
                head = doc[r["head"]]
                toks = r["cand"].tokens
                lo, hi = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
                over = [g for g, a, b in triggers if a >= 0 and a < hi and lo < b]
                over = [g for g in over if r["cand"].trigger.type in _as_list(g["type"])] or over
                if over and all(g.get("mode") not in RECORDED for g in over):
                    continue  # an optional gold event: scored neither way
                gold_source = over[0]["source"] if over else "no-event"
                shape = subject_shape(clause_verb(head))
                shapes[shape]["n"] += 1
                for key, name in context_answers(view, doc, head, main).items():
                    if name is None:
                        verdict = "none"
                    elif gold_source == "no-event":
                        verdict = "no-event"
                    elif gold_source is None:
                        verdict = "null"
                    else:
                        verdict = "right" if same(name, gold_source) else "wrong"
                    shapes[shape][f"{key}:{verdict}"] += 1
                    if verdict == "right":
                        shape_sites[(shape, key)].add(site)
                    if show == "fallbacks" and verdict != "none":
                        listing.append(f"{page}:{line} {site} {r['cand'].trigger.type} {shape} {key}={verdict}")
    if listing:
        print("\n".join(sorted(listing)))
    print(f"{PART}, body given, {len(parsed)} pages")
    print("census, gold events lost for a source outside their clause (first cause / every cause):")
    for cause in sorted(causes):
        print(f"  {cause:3} {causes[cause]:4} events  {len(cause_sites[cause]):3} sites   (holds for {multi[cause]})")
    print("fallbacks, candidates left without source, what each context answer would score:")
    for shape, c in sorted(shapes.items(), key=lambda x: -x[1]["n"]):
        cells = []
        for key in ("P", "L", "L+", "M", "Q"):
            cells.append(f"{key} {c[key + ':right']}/{c[key + ':wrong']}/{c[key + ':null']}/{c[key + ':no-event']}"
                         f" ({len(shape_sites[(shape, key)])} sites)")
        print(f"  {shape:14} {c['n']:4}  " + "  ".join(cells))
    print("  (right/wrong/gold source null/no gold event; sites with a right answer)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", choices=["census", "fallbacks"], help="list one table's rows (no page text)")
    args = ap.parse_args()
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing scored")
        return 0
    return run(args.list)


if __name__ == "__main__":
    sys.exit(main())
