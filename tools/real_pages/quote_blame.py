"""ACCUSE events told through a quote, judged out of site (issue 13, helper accusequote; a measurement).

    PYTHONPATH=src .venv/bin/python -m tools.real_pages.quote_blame [--cache PARSED.pkl] [--models FOLDS.pkl]
                                                                  [--min-score 0 0.2 0.3] [--list]

The dev + fresh pages (body given, ``event_cv``) are coded with, for each page, the sentence-type
model fitted on the other folds' sites (five folds by site). Then each quote with a speaker that
holds a blame word (``quote_blame_words.tsv``: lemma inside the quote's part of the sentence) adds an
ACCUSE event: source the quote's speaker, target the first actor named in that part of the quote
(else in the rest of the sentence, else none), rule ``quote_blame>LEMMA``; not when the sentence
already holds an ACCUSE of that speaker, and only when the fold's sentence model gives the sentence
an ACCUSE probability of at least ``--min-score``. Prints the whole coder's F1 without and with the
added events (``bench/events_real.py``'s scorer), and how many added events are right on how many
sites; ``--list``: page:line, speaker kind, lemma and label of each added event (no page text).
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import actor_examples as ax
from . import event_cv

ROOT = Path(__file__).resolve().parents[2]
WORDS = Path(__file__).resolve().parent / "quote_blame_words.tsv"


def blame_groups() -> dict[str, str]:
    """Lemma -> its group (disapproval, fault, lie, contempt, wrongdoing …)."""
    return dict(line.split("\t")[:2] for line in WORDS.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#"))


def chosen_groups(labelled: list[tuple[str, str, bool]], held: int, fold_of_page: dict[str, int],
                  floor: float) -> set[str]:
    """The blame groups whose added events were right at least ``floor`` of the time on the other
    folds' pages ((page, group, right) of every added event): the group choice, made out of fold."""
    tally: dict[str, list[int]] = {}
    for page, group, ok in labelled:
        if fold_of_page.get(page) != held:
            tally.setdefault(group, [0, 0])[ok] += 1
    return {g for g, (wrong, right) in tally.items() if right / (right + wrong) >= floor}


def _first_actor(view: Any, toks: list[int], speaker: str) -> str | None:
    from veille.events.actor_core import entity_actor

    for i in toks:
        ent = view.tok_entity[i]
        if ent is not None and ent.name != speaker:
            actor = entity_actor(view, ent, i)
            if actor is not None and actor.name != speaker:
                return str(actor.name)
    return None


def quote_blames(coder: Any, events: list[Any], lemmas: set[str], min_score: float) -> Iterator[tuple[Any, str]]:
    """The ACCUSE events the quotes of a coded article add, with the blame lemma of each."""
    from veille.events.attributes import sentence_text
    from veille.events.clauses import sentences
    from veille.model import Event

    view = coder.view
    for unit in sentences(view):
        text = sentence_text(view, unit)
        told = {ev.source for ev in events if ev.type == "ACCUSE" and ev.text == text}
        start, end = unit[0].start, unit[-1].end
        for q in {id(q): q for q in view.tok_quote[start:end] if q is not None and q.speaker}.values():
            if q.speaker in told:
                continue
            inside = [i for i in range(start, end) if view.tok_quote[i] is q]
            # the lemma, or the form when the tagger lemmatised another word ("attaque" read as the verb)
            hit, word = next(((view.doc[i], w) for i in inside for w in (view.doc[i].lemma_.lower(), view.doc[i].lower_)
                              if w in lemmas), (None, ""))
            if hit is None:
                continue
            scores = coder.scores_at(unit[0].start) or {}
            if scores.get("ACCUSE", 0.0) < min_score:
                continue
            rest = [i for i in range(start, end) if view.tok_quote[i] is not q]
            target = _first_actor(view, inside, q.speaker) or _first_actor(view, rest, q.speaker)
            told.add(q.speaker)
            yield Event(type="ACCUSE", source=q.speaker, target=target, text=text, mode="fact", trigger=hit.text,
                        quote_speaker=q.speaker, start=hit.idx, end=hit.idx + len(hit.text),
                        rule=f"type=quote_blame>{word} source=quote-speaker target=first-named"), word


def fold_models(parsed: dict, folds: list[set[str]], cache: Path | None, seed: int = 13) -> list[Any]:
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            kept_folds, models = pickle.load(f)  # noqa: S301 (a file this tool or its census wrote)
        if kept_folds == folds:
            return list(models)
    models = event_cv.sentence_model_oof(parsed, folds, seed)[3]
    if cache is not None:
        cache.write_bytes(pickle.dumps((folds, models)))
    return list(models)


def run(parsed: dict, models: list[Any], folds: list[set[str]], min_scores: list[float], floors: list[float],
        listing: bool) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from events_real import RECORDED, _as_list, events_by_sentence, score_part

    from veille.events.coder import Coder

    groups = blame_groups()
    sites = ax._sites()
    fold_of = {site: j for j, fold in enumerate(folds) for site in fold}
    fold_of_page = {page: fold_of.get(sites.get(page, page), -1) for page in parsed}
    base: list[dict] = []
    added: dict[float, list[tuple[str, dict, str]]] = {t: [] for t in min_scores}
    for page, (lex, kb, article, doc) in sorted(parsed.items()):
        doc.user_data.clear()
        coder = Coder(lex, article, doc, kb=kb, explain=True)
        j = fold_of.get(sites.get(page, page))
        coder.model = models[j] if j is not None else None
        events = coder.run()
        base.append({"source": {"path": f"{page}.json"}, "events": [dataclasses.asdict(e) for e in events]})
        for t in min_scores:
            added[t].extend((page, dataclasses.asdict(ev), lemma) for ev, lemma in quote_blames(coder, events, set(groups), t))
    names = ax.names().Names({})
    gold = ax.gold_sentences(event_cv.gold_part())

    def label(page: str, ev: dict) -> tuple[int | None, str]:
        sents = gold.get(page, [])
        at = events_by_sentence([ev], sents, ax.names().tokens)
        k = next(iter(at), None)
        if k is None:
            return None, "outside annotated sentences"
        ok = any("ACCUSE" in _as_list(g["type"]) and g.get("mode") in RECORDED and names.same(ev["source"], g["source"])
                 and (g.get("target") is None or names.same(ev["target"], g["target"])) for g in sents[k]["events"])
        return sents[k]["start"][0], "right" if ok else "wrong"

    with tempfile.TemporaryDirectory(prefix="quote-blame-") as tmp:
        def scored(extra: list[tuple[str, dict, str]]) -> dict:
            recs = [{"source": r["source"], "events": r["events"] + [e for p, e, _ in extra
                                                                     if f"{p}.json" == r["source"]["path"]]} for r in base]
            return score_part(event_cv.gold_part(), ax.write_records(recs, Path(tmp) / "with.jsonl")).as_dict()["events"]

        def line(name: str, extra: list[tuple[str, dict, str]]) -> str:
            res = scored(extra)
            labels = [label(p, e)[1] for p, e, _ in extra]
            right_sites = {sites.get(p, p) for (p, _, _), lab in zip(extra, labels, strict=True) if lab == "right"}
            return (f"{name}: {len(extra)} added ({labels.count('right')} right on {len(right_sites)} sites, "
                    f"{labels.count('wrong')} wrong, {labels.count('outside annotated sentences')} outside annotated "
                    f"sentences); F1 {res['f1']:.3f} (P {res['precision']:.3f} R {res['recall']:.3f}; tp {res['tp']} fp {res['fp']})")

        before = scored([])
        print(f"coder alone, out of fold: F1 {before['f1']:.3f} (P {before['precision']:.3f} R {before['recall']:.3f}; "
              f"tp {before['tp']} fp {before['fp']})")
        for t in min_scores:
            print(line(f"min ACCUSE score {t}", added[t]))
            labelled = [(p, groups[lemma], label(p, e)[1] == "right") for p, e, lemma in added[t]]
            for floor in floors:
                kept = [a for a in added[t] if groups[a[2]] in chosen_groups(labelled, fold_of_page[a[0]], fold_of_page, floor)]
                print("  " + line(f"groups chosen out of fold, precision floor {floor}", kept))
            if listing:
                for p, e, lemma in added[t]:
                    at, lab = label(p, e)
                    print(f"    {p}:{at if at is not None else '-'} {sites.get(p, p)} {lemma} ({groups[lemma]}) "
                          f"target={'named' if e['target'] else 'none'} {lab}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="the parsed pages, kept between runs (event_cv's pickle)")
    ap.add_argument("--models", type=Path, help="the per-fold sentence models, kept between runs (a pickle)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-score", type=float, nargs="*", default=[0.0, 0.2, 0.3])
    ap.add_argument("--floor", type=float, nargs="*", default=[0.2, 0.3, 0.4],
                    help="precision floors of the out-of-fold choice of blame groups")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    event_cv.use_part("dev+fresh")
    parsed = event_cv.load_or_parse(args.cache)
    folds = ax.folds(event_cv.sentence_items(parsed), args.folds)
    run(parsed, fold_models(parsed, folds, args.models), folds, args.min_score, args.floor, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
