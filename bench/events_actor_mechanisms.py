"""Events lost on their actors, by mechanism (issue 13, helper evactors): the gold events (fact or
intent) whose trigger the coder had with the gold's type, but which no predicted event matches on
source and target. Each falls in one mechanism, read off the candidate's roles and the parse:

source side (the gold's source is not the one the coder gave):
- ``gold-null-named``: the gold leaves the doer unnamed, the coder names one;
- ``gold-null-dropped``: the gold leaves the doer unnamed, the coder found none and dropped the event
  (the scorer matches a null gold source with a null predicted one: such events would count);
- ``coordinated-subject``: the gold codes the trigger once per doer and the coder gave one event;
- ``passive-no-par``: a passive or past participle without a "par" agent;
- ``relative-clause``: the trigger heads a relative clause ("qui"): its doer is the antecedent;
- ``participial-clause``: a participle without subject hanging on a noun or a clause;
- ``subject-pronoun``: the clause's subject is a pronoun ("il", "elle", "on", "je");
- ``demonym-adjective``: the subject is a common noun with a people's adjective ("les forces russes");
- ``capital-or-seat``: the coder's source is written as a capital or a seat of power ("Moscou");
- ``descriptor-subject``: the subject is a common noun naming nobody ("le ministre", "la direction");
- ``named-subject-other``: the subject is a name, the gold's source another one;
- ``event-noun``: an event noun whose doer is outside its phrase ("la grève", "l'appel");
- ``infinitive``: an infinitive whose doer is its controller;
- ``coordinated-verb``: a verb coordinated with another, sharing its subject;
- ``verb-other``: any other verb;

target side (source right, target wrong or missing):
- ``coordinated-target``: the gold codes the trigger once per target and the coder gave one event;
- ``oblique-target``: the gold's target is written in an "à X", "contre X" (…) phrase of the trigger;
- ``noun-complement``: an event noun with complements ("le transfert de X à Y");
- ``target-elsewhere``: the target is not a dependent of the trigger;
- ``right-lost-later``: source and target right on the candidate, the event lost afterwards (merge,
  review, the sentence model).

    .venv/bin/python bench/events_actor_mechanisms.py [--part dev|fresh|fresh3|fresh4|fresh5|both|all] [--list MECHANISM ...]

Body given; dev parts only: ``both`` is ``events_dev.jsonl`` and ``events_dev_fresh.jsonl``, never
fresh2 nor test; ``fresh3`` (held out, unseen sites) alone gives counts and sites, never a ``--list``;
``fresh4`` (the fourth later batch, read after its first score) alone, with ``--list``; ``fresh5`` likewise;
``all``: dev, fresh, fresh4 and fresh5 (every readable dev batch).
Counts and sites per mechanism; ``--list`` prints page:line, site, type, trigger
words, gold and coder actors, and the source rule (no page text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

TARGET_PREPS = {"à", "contre", "envers", "auprès", "vis-à-vis", "avec", "sur"}
PARTS = {"both": ("dev", "fresh"), "all": ("dev", "fresh", "fresh4", "fresh5")}
PRONOUNS = {"il", "elle", "ils", "elles", "on", "je", "nous", "vous", "tu", "lui", "eux", "celui-ci", "celle-ci"}


def mechanism(r: dict[str, Any]) -> str:
    """The mechanism of one lost event, from its record (see ``record``): the first that applies."""
    if not r["source_ok"]:
        if r["gold_source"] is None:
            return "gold-null-named"
        if r["twin_sources"]:
            return "coordinated-subject"
        head, subj = r["head"], r["subjects"]
        if head["passive"] and not head["agent"]:
            return "passive-no-par"
        if head["dep"] == "acl:relcl" or any(s["lemma"] in ("qui", "que", "dont") for s in subj):
            return "relative-clause"
        if head["dep"] in ("acl", "advcl") and head["participle"] and not subj:
            return "participial-clause"
        if any(s["pos"] == "PRON" and s["lower"] in PRONOUNS for s in subj):
            return "subject-pronoun"
        if any(s["pos"] == "NOUN" and s["demonym"] for s in subj):
            return "demonym-adjective"
        if r["source_capital"]:
            return "capital-or-seat"
        if any(s["pos"] == "NOUN" and not s["entity"] for s in subj):
            return "descriptor-subject"
        if any(s["entity"] for s in subj):
            return "named-subject-other"
        if head["pos"] == "NOUN":
            return "event-noun"
        if head["infinitive"]:
            return "infinitive"
        return "coordinated-verb" if head["dep"] == "conj" else "verb-other"
    if r["target_ok"]:
        return "gold-null-dropped" if r["source"] is None and not r["typed_preds"] else "right-lost-later"
    if r["twin_targets"]:
        return "coordinated-target"
    if r["target_in_oblique"]:
        return "oblique-target"
    if r["head"]["pos"] == "NOUN" and r["head"]["nmod"]:
        return "noun-complement"
    return "target-elsewhere"


def _subject(view: Any, tok: Any) -> dict[str, Any]:
    from veille.events.words import lower_text

    demonym = any(c.dep_ == "amod" and lower_text(c) in view.lex.demonyms for c in tok.children)
    return {"pos": tok.pos_, "lemma": tok.lemma_.lower(), "lower": lower_text(tok), "demonym": demonym,
            "entity": view.tok_entity[tok.i] is not None}


def record(view: Any, roles: Any, head: Any, gold: dict, twins: list[dict], same: Any, preds: list) -> dict:
    """What ``mechanism`` reads of one lost gold event and the coder candidate on its trigger."""
    from veille.common.fold import lower_nfc
    from veille.events.view import agent, case, passive

    source = roles.source.actor
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
    targets = [t.name for t in roles.targets]
    gold_target = gold.get("target")
    oblique = False
    if gold_target is not None:
        for c in head.children:
            if c.dep_.startswith("obl") or c.dep_ in ("iobj", "nmod"):
                if case(c) in TARGET_PREPS:
                    words = " ".join(t.text for t in c.subtree)
                    names = gold_target if isinstance(gold_target, list) else [gold_target]
                    oblique = oblique or any(lower_nfc(n).split()[-1] in lower_nfc(words) for n in names if n)
    src_text = lower_nfc(view.doc[source.token].text) if source is not None else ""
    return {
        "source": source.name if source else None, "targets": targets, "rule": roles.source.rule,
        "gold_source": gold["source"], "gold_target": gold_target,
        "source_ok": same(source.name if source else None, gold["source"]),
        "target_ok": gold_target is None or any(same(t, gold_target) for t in targets),
        "twin_sources": any(not same(None, t["source"]) and not any(same(n, gold["source"]) for n in _as_names(t["source"]))
                            for t in twins),
        "twin_targets": any(t.get("target") is not None and t.get("target") != gold_target for t in twins),
        "source_capital": bool(src_text) and src_text in view.lex.capitals, "target_in_oblique": oblique,
        "typed_preds": preds,
        "subjects": [_subject(view, s) for s in subjects],
        "head": {"pos": head.pos_, "dep": head.dep_, "passive": passive(head) or "Voice=Pass" in str(head.morph),
                 "agent": agent(head) is not None, "participle": "VerbForm=Part" in str(head.morph),
                 "infinitive": "VerbForm=Inf" in str(head.morph),
                 "nmod": any(c.dep_ == "nmod" for c in head.children)},
    }


def _as_names(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def gold_candidates(part: str):  # noqa: ANN201
    """Each recorded gold event of one dev part, coded with the shipped ranker: a dict with page,
    line, site, the gold event, its trigger words and their offset (``pos``), types, the matching
    prediction's index (``hit``), the coder candidates of its types on its trigger (view, roles, head),
    the predictions of its types, the page's Doc, a view of the page (None without candidates) and
    the scorer's name comparison (``same``)."""
    from tools.real_pages import actor_examples as ax

    import veille.events.coder as coder_module
    from veille.events.ranker import load_ranker

    same = ax.names().Names({}).same
    sites = ax._sites()
    gold = ax.gold_sentences(part)
    parsed = ax.parse_pages(part)
    seen: list[tuple] = []
    original = coder_module.fill_roles

    def keeping(view, roles, head, ranker):  # noqa: ANN001, ANN202
        original(view, roles, head, ranker)
        seen.append((view, roles, head))

    coder_module.fill_roles = keeping
    try:
        for page, item in sorted(parsed.items()):
            seen.clear()
            events = ax.code(item, load_ranker(), [])
            doc = item[3]
            for s, at, _end, preds, _recs in ax.sentences_in_text(doc, events, [], gold.get(page, [])):
                for g, words, types, hit in ax.gold_matches(s, preds, same):
                    pos = doc.text.find(words, at) if words else -1
                    cands = [x for x in seen if x[1].cand.trigger.type in types
                             and any(pos <= doc[i].idx < pos + len(words) for i in x[1].cand.tokens)] if pos >= 0 else []
                    yield {"page": page, "line": s["start"][0], "site": sites.get(page, page), "gold": g,
                           "words": words, "pos": pos, "types": types, "hit": hit, "cands": cands, "sentence": s,
                           "preds": [p for p in preds if p.type in types], "doc": doc,
                           "view": seen[0][0] if seen else None, "same": same}
    finally:
        coder_module.fill_roles = original


def collect(part: str) -> list[dict]:
    """The lost events of one dev part (``dev`` or ``fresh``), each with page, line, site and record."""
    out = []
    for x in gold_candidates(part):
        if x["hit"] is not None or not x["cands"]:
            continue  # found, or no trigger of the gold's type there: not an actor loss
        view, roles, head = x["cands"][0]
        s, g, words = x["sentence"], x["gold"], x["words"]
        twins = [t for t, w in zip(s["events"], s["spans"], strict=True) if t is not g and w == words]
        typed = [(p.source, p.target) for p in x["preds"]]
        rec = record(view, roles, head, g, twins, x["same"], typed)
        rec.update(page=x["page"], line=x["line"], site=x["site"], type=x["types"][0], words=words)
        out.append(rec)
    return out



def tally(rows: list[dict], kind_of: Callable[[dict], str], listed: list[str], header: str, width: int) -> None:
    """Events and sites of each kind, the rows of the kinds in ``listed`` listed by page:line (no page text)."""
    counts: Counter = Counter()
    sites: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        k = kind_of(r)
        counts[k] += 1
        sites[k].add(r["site"])
        if k in listed:
            print(f"{k} {r['page']}:{r['line']} {r['site']} {r['type']} «{r['words']}» gold {r['gold_source']} -> "
                  f"{r['gold_target']} | coder {r['source']} -> {r['targets']} [{r['rule']}]")
    print(header)
    for k, n in counts.most_common():
        print(f"  {k:{width}} {n:4} events {len(sites[k]):3} sites")

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "fresh", "fresh3", "fresh4", "fresh5", "both", "all"], default="both")
    ap.add_argument("--list", nargs="*", default=[], help="mechanisms to list (page:line, no page text)")
    args = ap.parse_args()
    if args.part == "fresh3" and args.list:
        raise SystemExit("fresh3 is held out: counts and sites only, no --list")
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing counted")
        return 0
    parts = PARTS.get(args.part, (args.part,))
    rows = [r for part in parts for r in collect(part)]
    tally(rows, mechanism, args.list, f"{args.part}, body given: {len(rows)} gold events lost on their actors "
          "(trigger and type found)", 22)
    return 0


if __name__ == "__main__":
    sys.exit(main())
