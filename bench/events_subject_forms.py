"""Events whose doer is a subject pronoun or no written subject (issue 13): a census by the form of
the trigger clause's subject, body given.

    .venv/bin/python bench/events_subject_forms.py [--part dev+fresh,fresh4] [--list gold|cands]

Two tables, each by subject form (``pron3`` il/elle/ils/elles, ``on``, ``first`` je/nous, ``second``
tu/vous, ``qui`` a relative, ``coord`` a coordinated verb with no subject of its own, ``inf`` an
infinitive, ``part`` a participle, ``none`` a finite verb with no subject; ``named`` and ``noun``
are the rest):

- ``gold``: each recorded gold event (fact or intent) with a named source, by what the coder gave as
  the source of its trigger (the predicted event of one of its types over the trigger's words, else
  the first of its type in the sentence): ``right``, ``wrong``, ``nobody`` (an event with a null
  source, or a candidate of the type the coder dropped), ``no-cand`` (no candidate of its type over
  the trigger: a trigger miss, not an actor one); events and sites;
- ``cands``: each coder candidate of those forms in an annotated sentence, labelled by the gold
  (``src`` a gold event of its type with a named source, ``null`` one with a null source, ``none``
  no gold event over its words), with what may tell them apart: inside a quote, negated, under a
  modal verb or in the conditional; whether the coder output an event for it (``out``, a recorded
  mode: fact or intent) and whether the rules left it without source (``unsourced``: what a
  pronoun or context rule could fill). ``no-cand`` above counts the gold events no candidate of
  their type reached the actor rules for (no trigger, or a candidate dropped before them).

Never fresh2, fresh3 nor test (held out). ``--list`` prints page:line, site, type, form and labels
(no page text).
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
from events_context import clause_verb  # noqa: E402
from events_real import RECORDED, _as_list  # noqa: E402
from tools.real_pages import actor_examples as ax  # noqa: E402

FORMS = ("pron3", "on", "first", "second", "qui", "coord", "inf", "part", "none", "named", "noun")
MODALS = {"pouvoir", "devoir", "vouloir", "falloir", "souhaiter", "envisager"}


def subject_form(verb, named=lambda i: False) -> str:
    """The form of a clause's subject, as the module says (``named``: whether a token is in an entity)."""
    from veille.events.words import SUBJ, feat

    subs = [c for c in verb.children if c.dep_ in SUBJ]
    if subs:
        s = subs[0]
        low = s.lower_
        if s.pos_ == "PRON" or low in ("qui", "on"):
            if low in ("il", "elle", "ils", "elles"):
                return "pron3"
            if low == "on":
                return "on"
            if low in ("je", "j'", "nous"):
                return "first"
            if low in ("tu", "vous"):
                return "second"
            if low in ("qui", "lequel", "laquelle", "lesquels", "lesquelles"):
                return "qui"
        return "named" if named(s.i) else "noun"
    if verb.pos_ not in ("VERB", "AUX"):
        return "noun"
    form = (feat(verb, "VerbForm") or ["?"])[0]
    aux_fin = any(c.dep_.startswith("aux") and feat(c, "VerbForm") == ["Fin"] for c in verb.children)
    # "a condamné … et appelé …": a participle sharing its first conjunct's auxiliary is finite too
    shared = form == "Part" and any(c.dep_.startswith("aux") and feat(c, "VerbForm") == ["Fin"]
                                    for c in verb.head.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and (aux_fin or form == "Fin" or shared):
        return "coord"
    if form == "Inf":
        return "inf"
    if form == "Part" and not aux_fin:
        return "part"
    return "none"


def cues(verb, quoted=lambda i: False) -> list[str]:
    """What may tell a subject-less or pronoun-subject candidate from an event: quote, negation, modal."""
    from veille.events.words import feat

    out = []
    if quoted(verb.i):
        out.append("quote")
    if any(c.lower_ in ("ne", "n'", "pas", "jamais", "plus") and c.dep_ == "advmod" for c in verb.children):
        out.append("neg")
    head = verb.head if verb.dep_ in ("xcomp",) else verb
    if verb.lemma_ in MODALS or head.lemma_ in MODALS or feat(verb, "Mood") == ["Cnd"] \
            or any(feat(c, "Mood") == ["Cnd"] for c in verb.children if c.dep_.startswith("aux")):
        out.append("modal")
    return out


def trigger_token(doc, at: int, end: int, words: str):
    k = doc.text.find(words.strip(), at, end) if words.strip() else -1
    if k < 0:
        return None, -1, -1
    span = doc.char_span(k, k + len(words.strip()), alignment_mode="expand")
    if span is None or not len(span):
        return None, k, k + len(words.strip())
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    return (verbs[0] if verbs else span.root), k, k + len(words.strip())


def run(parts: list[str], show: str | None) -> int:
    from veille.events.ranker import load_ranker

    same = ax.names().Names({}).same
    sites = ax._sites()
    ranker = load_ranker()
    gold_tab: dict[str, Counter] = defaultdict(Counter)
    gold_sites: dict[tuple[str, str], set[str]] = defaultdict(set)
    cand_tab: dict[str, Counter] = defaultdict(Counter)
    cand_sites: dict[tuple[str, str], set[str]] = defaultdict(set)
    listing: list[str] = []
    n_pages = 0
    for part in parts:
        gold = ax.gold_sentences(part)
        parsed = ax.parse_pages(part)
        n_pages += len(parsed)
        for page, item, events, record in ax.coded_pages(parsed, ranker):
            doc = item[3]
            view = record[0]["view"]
            named = lambda i, v=view: v.tok_entity[i] is not None  # noqa: E731
            quoted = lambda i, v=view: v.tok_quote[i] is not None  # noqa: E731
            site = sites.get(page, page)
            events = [e for e in events if e.mode in RECORDED]  # what the record keeps
            for s, at, end, preds, recs in ax.sentences_in_text(doc, events, record, gold.get(page, [])):
                line = s["start"][0]
                triggers = []
                for g, words in zip(s["events"], s["spans"], strict=True):
                    tok, a, b = trigger_token(doc, at, end, words)
                    triggers.append((g, tok, a, b))
                for g, tok, a, b in triggers:
                    if g.get("mode") not in RECORDED or g["source"] is None or tok is None:
                        continue
                    form = subject_form(clause_verb(tok), named)
                    types = _as_list(g["type"])
                    over = [p for p in preds if p.type in types and p.start is not None and p.start < b and a < (p.end or p.start + 1)]
                    typed = over or [p for p in preds if p.type in types]
                    cand = any(r["cand"].trigger.type in types and a < doc[r["cand"].tokens[-1]].idx + 1
                               and doc[r["cand"].tokens[0]].idx < b for r in recs)
                    if any(same(p.source, g["source"]) for p in typed):
                        verdict = "right"
                    elif typed and typed[0].source:
                        verdict = "wrong"
                    else:
                        verdict = "nobody" if cand or typed else "no-cand"
                    gold_tab[form][verdict] += 1
                    gold_sites[(form, verdict)].add(site)
                    if show in ("gold", "all") and form not in ("named", "noun"):
                        got = typed[0].source if typed else "-"
                        rule = (typed[0].rule or "").split(";")[0][:60] if typed else "-"
                        listing.append(f"gold {page}:{line} {site} {types[0]} {form} {verdict} gold={g['source']} got={got} rule={rule}")
                for r in recs:
                    head = doc[r["head"]]
                    verb = clause_verb(head)
                    form = subject_form(verb, named)
                    if form in ("named", "noun"):
                        continue
                    toks = r["cand"].tokens
                    lo, hi = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]])
                    over_g = [g for g, _, a, b in triggers if a >= 0 and a < hi and lo < b
                              and r["cand"].trigger.type in _as_list(g["type"])]
                    if over_g and all(g.get("mode") not in RECORDED for g in over_g):
                        continue  # an optional gold event
                    label = "none" if not over_g else "null" if over_g[0]["source"] is None else "src"
                    out = next((p for p in preds if p.type == r["cand"].trigger.type and p.start is not None
                                and p.start < hi and lo < (p.end or p.start + 1)), None)
                    kept = "out" if out is not None else "dropped"
                    cell = cand_tab[form]
                    cell[label] += 1
                    cell[f"{label}:{kept}"] += 1
                    if r["want"][0]:
                        cell[f"{label}:unsourced"] += 1
                    cand_sites[(form, label)].add(site)
                    for c in cues(verb, quoted):
                        cell[f"{label}:{c}"] += 1
                    if show in ("cands", "all"):
                        src = f" gold={over_g[0]['source']}" if label == "src" else ""
                        got = f" got={out.source} rule={(out.rule or '').split(';')[0][:60]}" if out is not None else ""
                        listing.append(f"cand {page}:{line} {site} {r['cand'].trigger.type} {form} {label} {kept}"
                                       f" [{','.join(cues(verb, quoted))}]{src}{got}")
    if listing:
        print("\n".join(sorted(listing)))
    print(f"{'+'.join(parts)}, body given, {n_pages} pages")
    print("gold events with a named source, by the trigger clause's subject form: right / wrong / nobody (sites)")
    for form in FORMS:
        c = gold_tab.get(form)
        if not c:
            continue
        cells = "  ".join(f"{v} {c[v]:3} ({len(gold_sites[(form, v)]):2})" for v in ("right", "wrong", "nobody", "no-cand"))
        print(f"  {form:7} {sum(c.values()):4}  {cells}")
    print("coder candidates of those forms in annotated sentences: gold src / null / none (sites); output; cues")
    for form in FORMS:
        c = cand_tab.get(form)
        if not c:
            continue
        cells = []
        for lab in ("src", "null", "none"):
            extra = " ".join(f"{k}={c[f'{lab}:{k}']}" for k in ("out", "unsourced", "quote", "neg", "modal"))
            cells.append(f"{lab} {c[lab]:3} ({len(cand_sites[(form, lab)]):2}) [{extra}]")
        print(f"  {form:7} " + "  ".join(cells))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", default="dev+fresh,fresh4", help="comma-separated dev parts (never fresh2/fresh3)")
    ap.add_argument("--list", choices=["gold", "cands", "all"], help="list one table's rows (no page text)")
    args = ap.parse_args()
    parts = args.part.split(",")
    if any(p in ("fresh2", "fresh3", "test", "both") for p in parts):
        print("held-out parts are not read here")
        return 2
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing scored")
        return 0
    return run(parts, args.list)


if __name__ == "__main__":
    sys.exit(main())
