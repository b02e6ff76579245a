"""The indirect-quote dev–test gap broken down by cue, cue family, clause shape, batch and page: prints
aggregates only (issue 16).

    .venv/bin/python bench/real_eval.py who --part test --body --explain --keep /tmp/keep
    .venv/bin/python bench/indirect_gap.py /tmp/keep/who-test.jsonl --part test
    .venv/bin/python bench/indirect_gap.py /tmp/keep/who-dev.jsonl --part dev   # or --part fresh

Nothing of a page's text, its quotes or its names is printed: only cue lemmas (labels), page ids, sites
and counts, so the who test part can be broken down without reading its errors. Each predicted
indirect quote is matched as the scorer matches (dice >= .5, greedy) and gets one verdict:

* ``right`` / ``optional``: it matches a scored / an optional gold indirect quote;
* ``extent``: it matches none but overlaps (the scorer's ``text_overlaps``) a gold indirect quote no
  prediction matched: the same report read with another extent (the gold's clause is then ``extent``
  on the missed side too);
* ``as_direct``: it overlaps a gold direct quote (the gold reads those words as direct only);
* ``near_optional``: it overlaps an optional gold quote with another extent;
* ``extra``: nothing in the gold near it.

Each scored gold indirect quote no prediction matched is ``extent`` (see above), ``as_direct`` (a
predicted direct quote overlaps it) or ``none``. The cue of a gold quote is read from the text around
it: the last speech-lexicon word in the 60 characters before, else one in the 40 after (an inverted
cue); a clause after "que" whose word before "que" is no lexicon word gets that word as its label,
``?word`` (a noun or a verb Veille never treats as a cue). Clause shapes: ``que``, ``infinitive``
("de"/"à" before), ``prep`` ("selon X," / "d'après X," before, or after the clause), ``incise``
(a cue after the clause), ``colon``, ``other``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools" / "quotes"))
from bench.speaker_gap import batch_of  # noqa: E402
from bench.who_real import gold_pages  # noqa: E402
from tools.quotes.indirect_cues import cue_before, cue_lemma  # noqa: E402
from tools.quotes.speaker_rule_table import rule_label  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402

from veille.common.fold import bare  # noqa: E402
from veille.quotes.resources import load_speech_verbs  # noqa: E402

PRED_VERDICTS = ("right", "optional", "extent", "as_direct", "near_optional", "extra")
MISS_VERDICTS = ("extent", "as_direct", "none")
PREP = re.compile(r"\b(selon|d'après|d’après)\b[^.!?«»:;]{0,80}$", re.I)
PREP_AFTER = re.compile(r"^\W{0,3}(selon|d'après|d’après)\b", re.I)
QUE_END = re.compile(r"([\w'’-]+)\s+(?:le fait |l'idée |l’idée )?qu(?:e|'|’)\s*$", re.I)
INF_END = re.compile(r"\b(de|d'|d’|à)\s*$", re.I)


def family(lemma: str, by_lemma: dict) -> str:
    """A cue's family: a plain verb of saying, a reported thought (the lexicon's ``opinion`` flag), a
    request, an attribution preposition, an unlisted word (``?``) or no cue found (``-``)."""
    if lemma in ("-", "?"):
        return "no cue"
    if lemma.startswith("?"):
        return "unlisted word"
    entry = by_lemma.get(lemma)
    if entry is None:
        return "unlisted word"
    for flag in ("prep", "opinion", "request"):
        if flag in entry.flags:
            return {"prep": lemma, "opinion": "thought", "request": "request"}[flag]
    return "saying"


def shape(text: str, start: int, end: int, by_form: dict) -> str:
    before, after = text[max(0, start - 90):start], text[end:end + 40]
    if QUE_END.search(before):
        return "que"
    if PREP.search(before) or PREP_AFTER.search(after):
        return "prep"
    if INF_END.search(before):
        return "infinitive"
    if re.match(r"^\s*[,–—-]", after) and any(bare(w) in by_form for w in re.findall(r"[\w'’-]+", after[:30])):
        return "incise"
    if before.rstrip().endswith(":"):
        return "colon"
    return "other"


def marked_share(start: int, end: int, text: str, spans: list[tuple[int, int]]) -> str:
    """The share of a clause's words inside a predicted direct quote, as a bucket (0, <.25, <.5, <.75, >=.75)."""
    words = [m.start() for m in re.finditer(r"\w+", text[start:end])]
    if not words:
        return "unlocated"
    share = sum(any(a <= start + w < b for a, b in spans) for w in words) / len(words)
    return "0" if share == 0 else next(f"<{c}" for c in (".25", ".5", ".75", "1.01") if share < float(c)) \
        .replace("<1.01", ">=.75")


def direct_relation(scorer, clause: str, directs: list[dict], predicted: list[dict]) -> str:
    """How an indirect clause overlaps a direct quote: ``in_direct`` (the direct quote holds the clause),
    else ``holds`` with the direct quote's share of the clause's words as a bucket; ``+found`` when a
    predicted direct quote matches that direct quote (dice >= .5), ``+lost`` when none does."""
    d = max(directs, key=lambda q: len(q["text"]))
    n_clause, n_direct = len(scorer.tokens(clause)), len(scorer.tokens(d["text"]))
    if n_direct >= n_clause:
        kind = "in_direct"
    else:
        share = n_direct / max(n_clause, 1)
        kind = "holds" + next(f"<{c}" for c in (".25", ".5", ".75", "1.01") if share < float(c)).replace("<1.01", ">=.75")
    if not predicted:
        return kind
    found = any(scorer.dice(d["text"], q.get("text", "")) >= 0.5 for q in predicted)
    return kind + ("+found" if found else "+lost")


def gold_cue(text: str, start: int, end: int, by_form: dict) -> str:
    before = text[max(0, start - 90):start]
    m = PREP.search(before) or PREP_AFTER.search(text[end:end + 40])
    if m:
        return bare(m.group(1)).replace("’", "'")
    found = cue_before(text, start, by_form)
    if found != "-":
        return found
    for w in re.findall(r"[\w'’-]+", text[end:end + 40]):
        entry = by_form.get(bare(w))
        if entry is not None:
            return entry.lemma
    m = QUE_END.search(before)
    return "?" + bare(m.group(1)) if m else "-"


def page_form(paragraphs: list[str], text: str) -> str:
    """The page's quotation marks (the kind most used: guillemets, curly, straight, none) and whether its
    body is one paragraph (a dump that lost its breaks)."""
    counts = {"guillemets": text.count("«"), "curly": text.count("“") + text.count("”"), "straight": text.count('"')}
    style = max(counts, key=lambda k: counts[k]) if any(counts.values()) else "no marks"
    return style + ("/1 par" if len(paragraphs) <= 1 else "")


def locate(text: str, quote: str) -> int:
    for probe in (quote, quote[:40], quote[:20]):
        at = text.find(probe)
        if at >= 0:
            return at
    return -1


def rows_of(pred_path: Path, part: str) -> list[dict]:
    """One row per predicted indirect quote and per missed scored gold indirect quote."""
    by_lemma, by_form = load_speech_verbs()
    site_of, batch = sites(), batch_of(part)
    out: list[dict] = []
    for page, gold, pred, _names, scorer in gold_pages(pred_path, part):
        text = (pred["title"] + "\n\n" if pred.get("title") else "") + "\n\n".join(pred.get("paragraphs", []))
        gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == "indirect"]
        gd = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == "direct"]
        pq = [q for q in pred.get("quotes", []) if q.get("kind") == "indirect"]
        pd = [q for q in pred.get("quotes", []) if q.get("kind") == "direct"]
        pairs = scorer.greedy_match(gq, pq, lambda g, p, scorer=scorer: scorer.dice(g["text"], p.get("text", "")) >= 0.5)
        got_g, got_p = dict(pairs), {p: g for g, p in pairs}
        loose = {i for i, g in enumerate(gq) if i not in got_g and not g.get("optional")}
        extent_of: dict[int, int] = {}
        spans = [(q.get("start", 0), q.get("end", 0)) for q in pd]
        base = {"page": page, "site": site_of.get(page, page), "batch": batch.get(page, "?"),
                "form": page_form(pred.get("paragraphs", []), text)}
        for i, p in enumerate(pq):
            ptext = p.get("text", "")
            how = "-"
            if i in got_p:
                verdict = "optional" if gq[got_p[i]].get("optional") else "right"
            else:
                near = [g for g in loose if g not in extent_of.values() and scorer.text_overlaps(gq[g]["text"], ptext)]
                if near:
                    extent_of[i] = near[0]
                    verdict = "extent"
                elif any(scorer.text_overlaps(d["text"], ptext) for d in gd):
                    verdict = "as_direct"
                    how = direct_relation(scorer, ptext, [d for d in gd if scorer.text_overlaps(d["text"], ptext)], pd)
                elif any(g.get("optional") and scorer.text_overlaps(g["text"], ptext) for g in gq):
                    verdict = "near_optional"
                else:
                    verdict = "extra"
            lemma = cue_lemma(p.get("cue"), by_form)
            out.append({**base, "side": "pred", "verdict": verdict, "cue": lemma, "family": family(lemma, by_lemma),
                        "shape": shape(text, p.get("start", 0), p.get("end", 0), by_form),
                        "marks": marked_share(p.get("start", 0), p.get("end", 0), text, spans), "how": how,
                        "rule": rule_label(p.get("rule")) + ("" if p.get("speaker") else " (nobody)")})
        cue_of_extent = {g: out[-len(pq) + i]["cue"] for i, g in extent_of.items()}
        for g in sorted(loose):
            at = locate(text, gq[g]["text"])
            how = "-"
            if g in cue_of_extent:
                verdict, lemma = "extent", cue_of_extent[g]
            else:
                near_d = [d for d in pd if scorer.text_overlaps(gq[g]["text"], d.get("text", ""))]
                verdict = "as_direct" if near_d else "none"
                if near_d:
                    how = direct_relation(scorer, gq[g]["text"], near_d, [])
                lemma = gold_cue(text, at, at + len(gq[g]["text"]), by_form) if at >= 0 else "?"
            out.append({**base, "side": "gold", "verdict": verdict, "cue": lemma, "family": family(lemma, by_lemma),
                        "shape": shape(text, at, at + len(gq[g]["text"]), by_form) if at >= 0 else "unlocated",
                        "marks": marked_share(at, at + len(gq[g]["text"]), text, spans) if at >= 0 else "unlocated",
                        "how": how, "rule": "-"})
    return out


def table(rows: list[dict], key: str, title: str, limit: int = 40) -> None:
    """Counts by ``key``: predicted verdicts, missed verdicts, with the sites of the right and the wrong."""
    cells: dict[str, Counter] = defaultdict(Counter)
    where: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        v = r["verdict"] if r["side"] == "pred" else "miss_" + r["verdict"]
        cells[r[key]][v] += 1
        good = r["side"] == "pred" and r["verdict"] in ("right", "optional")
        where[r[key]]["ok" if good else "bad"].add(r["site"])
    cols = list(PRED_VERDICTS) + ["miss_" + v for v in MISS_VERDICTS]
    heads = ["right", "opt", "extP", "asDir", "nrOpt", "extra", "mExt", "mDir", "mNone"]
    print(f"\n{title}")
    print(f"{key:<18}" + "".join(f"{h:>6}" for h in heads) + f"{'siteOK':>7}{'siteBad':>8}")
    order = sorted(cells, key=lambda k: -sum(cells[k].values()))
    for k in order[:limit]:
        print(f"{str(k)[:18]:<18}" + "".join(f"{cells[k][c]:>6}" for c in cols)
              + f"{len(where[k]['ok']):>7}{len(where[k]['bad']):>8}")
    if len(order) > limit:
        rest = sum((cells[k] for k in order[limit:]), Counter())
        print(f"{'(' + str(len(order) - limit) + ' more)':<18}" + "".join(f"{rest[c]:>6}" for c in cols))


def report(rows: list[dict], top: int) -> None:
    pred = [r for r in rows if r["side"] == "pred"]
    gold = [r for r in rows if r["side"] == "gold"]
    n = Counter(r["verdict"] for r in pred)
    m = Counter(r["verdict"] for r in gold)
    tp = n["right"]
    fp = sum(n[v] for v in ("extent", "as_direct", "near_optional", "extra"))
    fn = len(gold)
    p_, r_ = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"indirect: right {tp}, optional {n['optional']}, wrong {fp} ({', '.join(f'{v} {n[v]}' for v in PRED_VERDICTS[2:])}); "
          f"missed {fn} ({', '.join(f'{v} {m[v]}' for v in MISS_VERDICTS)}); P {p_:.3f} R {r_:.3f} "
          f"F1 {2 * p_ * r_ / max(p_ + r_, 1e-9):.3f}; pages {len({r['page'] for r in rows})}, "
          f"sites {len({r['site'] for r in rows})}")
    bad = [r for r in rows if not (r["side"] == "pred" and r["verdict"] in ("right", "optional"))]
    print(f"errors {len(bad)} on {len({r['page'] for r in bad})} pages, {len({r['site'] for r in bad})} sites")
    fired = {r["cue"] for r in pred if r["verdict"] in ("right", "optional")}
    lexical = Counter(("cue Veille reads elsewhere" if r["cue"] in fired else
                       "lexicon cue, never right here" if r["family"] not in ("unlisted word", "no cue")
                       else r["family"]) for r in gold if r["verdict"] == "none")
    print("missed with no prediction near, by cue word: " + ", ".join(f"{k} {v}" for k, v in lexical.most_common()))
    table(rows, "cue", "by cue lemma (pred verdicts, then missed gold)")
    table(rows, "family", "by cue family")
    table(rows, "shape", "by clause shape")
    table(rows, "marks", "by the share of the clause's words inside a predicted direct quote")
    table([r for r in rows if r["how"] != "-"], "how", "as_direct only: how the clause overlaps the direct quote")
    table([r for r in rows if r["side"] == "pred"], "rule", "predictions by speaker rule (nobody: no speaker named)")
    table(rows, "batch", "by batch")
    table(rows, "form", "by page form (main quotation marks, one paragraph)")
    per_page = Counter(r["page"] for r in bad)
    total = sum(per_page.values())
    worst = per_page.most_common()
    if total:
        print(f"\nworst 3 pages hold {sum(v for _, v in worst[:3]) / total:.2f} of the errors, worst 5 "
              f"{sum(v for _, v in worst[:5]) / total:.2f}")
    site_of = {r["page"]: (r["site"], r["batch"]) for r in rows}
    for page, k in worst[:top]:
        kinds = Counter((r["side"][0] + ":" + r["verdict"]) for r in bad if r["page"] == page)
        print(f"  {page:18} {site_of[page][0][:28]:28} {site_of[page][1]:11} {k:3}  "
              + " ".join(f"{a}:{b}" for a, b in kinds.most_common()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predictions", type=Path, help="who-PART.jsonl kept by real_eval.py who --keep")
    ap.add_argument("--part", default="dev", choices=["dev", "fresh", "test", "test2", "test4"])
    ap.add_argument("--top", type=int, default=12, help="pages listed, most errors first")
    args = ap.parse_args()
    report(rows_of(args.predictions, args.part), args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
