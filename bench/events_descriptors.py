"""Events whose doer is named by a descriptor (issue 13, helper evdescr): the gold events (fact or
intent, a named source) whose type the coder had in its sentence without that source, when the
clause's subject (or the passive's "par" agent, or an event noun's "de"/"par" complement) is a common
noun phrase ("le ministre", "les autorités", "le parquet"), and how the gold's name could be recovered:

- ``linked``: the entity stage gave the descriptor's words to that entity (a span or a mention);
- ``inner``: a demonym or a "de X" inside the phrase stands for it (``actors.inner_actor``);
- ``earlier``: the last person or body named before the trigger with the descriptor's noun written
  within six words before the name;
- ``named``: the gold's name is written somewhere in the article, none of the above;
- ``none``: not written in the article.

    .venv/bin/python bench/events_descriptors.py [--list] [--part dev+fresh]

Body given; dev parts only (never fresh2 nor test). ``--list`` prints page:line, site, type, the
subject's lemma, the kind of noun (``doer``: a role, trade, body or people in the lexicons' head
lists; ``event``: an event trigger noun, "la grève"; ``other``), what ``actors.resolve`` answers for
it now (right / wrong / nobody), the source rule the coder applied and the class (no page text).
The classes are counted for the doer nouns.
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
from events_context import clause_verb, lost_source_head  # noqa: E402
from events_real import _as_list  # noqa: E402
from tools.real_pages import actor_examples as ax  # noqa: E402

WINDOW = 6
LEX = ROOT / "src" / "veille" / "lexicons"
# words that name a doer (a person's role or trade, a body): the lexicons' lists of such heads
DOER_LISTS = {"speaker_nouns.tsv": 0, "person_heads.tsv": 0, "org_heads.tsv": 0, "events/role_words.tsv": 1,
              "quotes/organisation_nouns.tsv": 1, "entities/institution_nouns.tsv": 0,
              "entities/person_nouns.tsv": 0}


def doer_words() -> set[str]:
    from veille.common.fold import bare

    out: set[str] = set()
    for name, col in DOER_LISTS.items():
        for line in (LEX / name).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.strip() and not line.startswith("#") and len(cols) > col:
                out.add(bare(cols[col].strip()))
    return out


def noun_kind(view, phrase, doers: set[str]) -> str:
    """"event" (an event trigger noun: "la grève"), "doer" (a role, trade, body or people), "other"."""
    from veille.common.fold import bare

    lem = bare(phrase.lemma_)
    if phrase.lemma_.lower() in view.lex.nouns:
        return "event"
    if lem in doers or lem.rstrip("s") in doers or view.lex.demonyms.get(phrase.lower_) is not None:
        return "doer"
    return "other"


def descriptor_subject(head):
    """The clause's subject, passive agent or event noun's complement, when it is a common noun."""
    from veille.events.view import agent, case
    from veille.events.words import OF_PREPS, SUBJ

    verb = clause_verb(head)
    subs = [c for c in verb.children if c.dep_ in SUBJ]
    if subs:
        phrase, how = subs[0], "subj"
    elif agent(verb) is not None:
        phrase, how = agent(verb), "agent"
    elif head.pos_ == "NOUN":
        comp = [c for c in head.children if c.dep_ == "nmod" and (case(c) in OF_PREPS or case(c) == "par")]
        if not comp:
            return None, "no-phrase"
        phrase, how = comp[0], "nmod"
    else:
        return None, "no-phrase"
    if phrase.pos_ != "NOUN":
        return None, f"{how}:{phrase.pos_}"
    return phrase, how


def classify(view, doc, item, phrase, gold_name, same) -> str:
    from veille.events.actors import inner_actor

    article = item[2]
    lo, hi = phrase.idx, phrase.idx + len(phrase.text)
    for ent in article.entities:
        for sp in ent.spans:
            if len(sp) == 2 and sp[0] <= lo and hi <= sp[1] and same(ent.name, gold_name):
                return "linked"
    inner = inner_actor(view, phrase)
    if inner is not None and same(inner.name, gold_name):
        return "inner"
    lem = phrase.lemma_.lower()
    for k in range(phrase.i - 1, -1, -1):
        ent = view.tok_entity[k]
        if ent is None or not same(ent.name, gold_name):
            continue
        before = [t.lemma_.lower() for t in doc[max(0, k - WINDOW):k]]
        if lem in before:
            return "earlier"
    if any(same(e.name, gold_name) for e in article.entities):
        return "named"
    return "none"


def run(part: str, show: bool) -> int:
    from veille.events.actors import resolve
    from veille.events.ranker import load_ranker

    same = ax.names().Names({}).same
    sites = ax._sites()
    gold = ax.gold_sentences(part)
    parsed = ax.parse_pages(part)
    ranker = load_ranker()
    import veille.events.coder as coder_module

    decided: dict[int, object] = {}
    original = coder_module.decide_roles

    def keeping(view, cand, head, gov):  # noqa: ANN001, ANN202
        roles = original(view, cand, head, gov)
        decided[head.i] = roles
        return roles

    coder_module.decide_roles = keeping
    doers = doer_words()
    kinds: Counter = Counter()
    kind_sites: dict[str, set[str]] = defaultdict(set)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    classes: Counter = Counter()
    class_sites: dict[str, set[str]] = defaultdict(set)
    shapes: Counter = Counter()
    now: Counter = Counter()
    listing = []
    for page, item, events, record in ax.coded_pages(parsed, ranker, before=decided.clear):
        doc = item[3]
        view = record[0]["view"]
        site = sites.get(page, page)
        for s, _at, _end, preds, recs in ax.sentences_in_text(doc, events, record, gold.get(page, [])):
            line = s["start"][0]
            for g in s["events"]:
                head = lost_source_head(doc, g, preds, recs, same)
                if head is None:
                    continue
                phrase, how = descriptor_subject(head)
                shapes[how] += 1
                if phrase is None or view.tok_entity[phrase.i] is not None:
                    continue
                answer = resolve(view, phrase, with_conj=False)
                verdict = "nobody" if not answer else ("right" if same(answer[0].name, g["source"]) else "wrong")
                now[verdict] += 1
                cls = classify(view, doc, item, phrase, g["source"], same)
                kind = noun_kind(view, phrase, doers)
                kinds[kind] += 1
                kind_sites[kind].add(site)
                by_kind[kind][f"{verdict}/{cls}"] += 1
                if kind != "doer":
                    continue
                classes[cls] += 1
                class_sites[cls].add(site)
                if show:
                    gt = _as_list(g["type"])
                    typed = [p for p in preds if p.type in gt]
                    pred = typed[0].source if typed else "-"
                    roles = decided.get(head.i)
                    rules = f"{roles.source.rule}:{roles.source.actor.name if roles.source.actor else ''}" if roles else "?"
                    listing.append(f"{page}:{line} {site} {gt[0]} {how} {phrase.lemma_} now={verdict}"
                                   f"[{answer[0].name if answer else ''}] kind={kind} pred={pred} rules={rules} gold={g['source']} class={cls}")
    coder_module.decide_roles = original
    if listing:
        print("\n".join(sorted(listing)))
    print(f"{part}, body given, {len(parsed)} pages")
    print("phrase shapes of the lost events:", dict(shapes))
    print("descriptor's current answer:", dict(now))
    for kind, n in kinds.most_common():
        print(f"  {kind:6} {n:4} events {len(kind_sites[kind]):3} sites  (answer/class: {dict(by_kind[kind])})")
    print("doer descriptors by class:")
    for cls, n in classes.most_common():
        print(f"  {cls:8} {n:4} events  {len(class_sites[cls]):3} sites")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", action="store_true", help="one line per event (no page text)")
    ap.add_argument("--part", choices=["dev", "fresh", "dev+fresh"], default="dev+fresh")
    args = ap.parse_args()
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing counted")
        return 0
    return run(args.part, args.list)


if __name__ == "__main__":
    sys.exit(main())
