"""Inter-annotator agreement of the who gold (entities, quotes and speakers, quantities; issue 16).

    python tools/real_pages/who_iaa.py sample [--n 20] [--seed 16]   # page ids to annotate a second time
    python tools/real_pages/who_iaa.py compare A B [--pages w0001,…]  # agreement of B with A (A or B: a
                                                                     # who file, or dev: the dev who gold)

``sample`` draws dev pages of ``who_dev.jsonl`` + ``who_dev_fresh.jsonl``, one a site, and prints ids only
(never text). Pages that quote somebody are preferred, and the draw is stratified: at least 6 text dumps
and 6 HTML pages, several pages with 5 quotes or more, and some agency copy, regional and foreign
francophone outlets (site lists below, by site, not by page). Pages with a body over ``MAX_BODY``
characters are left out so that a second annotator can mark twenty whole pages in one sitting. The draw
is seeded rejection sampling: the first random set of sites that meets every quota.

``compare`` reads two who files in the ``who_dev.jsonl`` format, turns both into the shared gold format
with ``materialize`` (texts read from the view) and matches B to A with the shared scorer's own tests
(``Names.same`` for names and speakers, ``dice ≥ .5`` for quotes, ``text_overlaps`` for quantities,
its greedy matching). Two figures: ``bench`` scores B's required items as a prediction against A exactly
as ``bench/real_eval.py who`` scores Veille (``score.score``: A's optional items neither count nor
penalise, B's optional items are dropped); ``both-optional`` also lets B's optional items match without
counting (an item optional on either side is neither a hit, a miss nor an extra). Speaker agreement is
over matched pairs required on both sides; names are compared through the alias groups of both files.
Output: page ids and counts only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.real_pages.gold import GOLD_DIR, body_text, load, split_rows  # noqa: E402
from tools.real_pages.materialize import materialize, shared_scorer  # noqa: E402
from tools.real_pages.view import view_lines  # noqa: E402

SOURCES = ("who_dev.jsonl", "who_dev_fresh.jsonl")
MAX_BODY = 5000
MANY_QUOTES = 5
# Site kinds for the strata (by what the site is, decided before the draw).
AGENCY = {"actu.orange.fr", "france24.com", "reuters.com", "news.sfr.fr", "20min.ch", "directmatin.fr"}
REGIONAL = {"ladepeche.fr", "lalsace.fr", "dna.fr", "ledauphine.com", "lamontagne.fr", "laprovence.com", "larep.fr",
            "letelegramme.fr", "lindependant.fr", "lunion.fr", "nicematin.com", "varmatin.com",
            "republicain-lorrain.fr", "france3-regions.francetvinfo.fr", "francebleu.fr", "petitbleu.fr",
            "clicanoo.re", "corsenetinfos.corsica", "my-angers.info", "lyonmag.com", "le-pays.fr", "jhm.fr",
            "libertebonhomme.fr", "martinique.franceantilles.fr", "la1ere.francetvinfo.fr", "la1ere.franceinfo.fr",
            "hauteprovenceinfo.com", "letarnlibre.com", "larepubliquedespyrenees.fr", "lejsl.com", "temoignages.re"}
FOREIGN = {"20min.ch", "24heures.ch", "tdg.ch", "illustre.ch", "laliberte.ch", "lalibre.be", "levif.be", "rtbf.be",
           "dailyscience.be", "lapresse.ca", "ledevoir.com", "lactualite.com", "rds.ca", "tvanouvelles.ca",
           "sciencepresse.qc.ca", "adiac-congo.com", "abidjanshow.com", "lemaximum.cd", "lopinion.ma",
           "seneplus.com", "tunisie-actualite.com", "defimedia.info", "lenouvelliste.com", "lorientlejour.com",
           "lecourrier.vn", "lequotidien.lu", "nippon.com", "francais.radio.cz", "fr.rbth.com", "afrikexpress.info",
           "africa-press.net", "grandslacsnews.com", "news.un.org"}
QUOTAS = {"dump": 6, "html": 6, "many": 5, "agency": 2, "regional": 3, "foreign": 4}


def site_table() -> dict[str, tuple[str, str]]:
    """page id -> (site, kind) from ``split.tsv``."""
    return {page: (site, kind) for page, (site, kind, _) in split_rows().items()}


def candidates() -> list[dict]:
    """Dev who pages that quote somebody and fit ``MAX_BODY``: page, site, kind, quote count (no text kept)."""
    sites = site_table()
    pages = {e["page"]: e for e in load(GOLD_DIR / "gold_dev.jsonl")}
    out = []
    for name in SOURCES:
        for row in load(GOLD_DIR / name):
            page = row["page"]
            quotes = len(row.get("quotes", []))
            if not quotes or len(body_text(pages[page], view_lines(page))) > MAX_BODY:
                continue
            site, kind = sites[page]
            out.append({"page": page, "site": site, "kind": kind, "quotes": quotes})
    return sorted(out, key=lambda c: c["page"])


def _meets(chosen: list[dict]) -> bool:
    count = Counter()
    for c in chosen:
        count[c["kind"]] += 1
        count["many"] += c["quotes"] >= MANY_QUOTES
        count["agency"] += c["site"] in AGENCY
        count["regional"] += c["site"] in REGIONAL
        count["foreign"] += c["site"] in FOREIGN
    return all(count[k] >= v for k, v in QUOTAS.items())


def sample(n: int, seed: int) -> list[dict]:
    """One page a site, ``n`` sites, the first seeded draw that meets ``QUOTAS``."""
    rng = random.Random(seed)
    by_site: dict[str, list[dict]] = {}
    for c in candidates():
        by_site.setdefault(c["site"], []).append(c)
    sites = sorted(by_site)
    for _ in range(100000):
        chosen = [rng.choice(by_site[s]) for s in rng.sample(sites, n)]
        if _meets(chosen):
            return sorted(chosen, key=lambda c: c["page"])
    raise SystemExit("no draw meets the quotas")


def _gold_dicts(rows: dict[str, dict], pages: list[str]) -> dict[str, dict]:
    entries = {e["page"]: e for e in load(GOLD_DIR / "gold_dev.jsonl") + load(GOLD_DIR / "gold_test.jsonl")}
    with tempfile.TemporaryDirectory() as tmp:
        materialize([entries[p] for p in pages], Path(tmp), who=rows)
        return {p: json.loads((Path(tmp) / f"{p}.json").read_text(encoding="utf-8")) for p in pages}


class Agreement:
    """tp/fp/fn of B against A per measure, speaker agreement, and the kinds of speaker disagreement."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter] = {}
        self.speakers: dict[str, Counter] = {"direct": Counter(), "indirect": Counter()}
        self.kinds: Counter = Counter()
        self.pages: dict[str, Counter] = {}

    def add(self, measure: str, tp: int, fp: int, fn: int) -> None:
        self.counts.setdefault(measure, Counter()).update(tp=tp, fp=fp, fn=fn)

    def f1(self, measure: str) -> str:
        c = self.counts.get(measure, Counter())
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"F1 {f:.3f} (P {p:.3f} R {r:.3f}; tp {c['tp']} fp {c['fp']} fn {c['fn']})"


def _match(scorer, golds: list[dict], preds: list[dict], fits) -> tuple[list[tuple[dict, dict]], int, int, int]:
    """Greedy match (the scorer's); an item optional on either side counts as nothing."""
    pairs = scorer.greedy_match(golds, preds, fits)
    mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}
    both = [(golds[g], preds[p]) for g, p in pairs if not golds[g].get("optional") and not preds[p].get("optional")]
    tp = len(both)
    fn = sum(1 for i, g in enumerate(golds) if not g.get("optional") and i not in mg)
    fp = sum(1 for i, p in enumerate(preds) if not p.get("optional") and i not in mp)
    return both, tp, fp, fn


def _type_of(name: str | None, ents: list[dict], names) -> str | None:
    for e in ents:
        if names.same(name, e["name"]):
            return e["type"]
    return None


def speaker_kind(a: str | None, b: str | None, ents_a: list[dict], ents_b: list[dict], names) -> str:
    """How two speakers of one quote differ: one null, org vs person, different person, other."""
    if a is None or b is None:
        return "one null"
    ta, tb = _type_of(a, ents_a, names), _type_of(b, ents_b, names)
    if {ta, tb} == {"PER"}:
        return "different person"
    if "PER" in (ta, tb) and (ta or tb) != (tb or ta):
        return "org/place vs person"
    return f"other ({ta or '?'} vs {tb or '?'})"


def compare_page(scorer, page: str, ga: dict, gb: dict, agree: Agreement) -> None:
    names = scorer.Names({"entities": ga.get("entities", []) + gb.get("entities", [])})
    ents_a, ents_b = ga.get("entities", []), gb.get("entities", [])
    per_page = agree.pages.setdefault(page, Counter())
    _, *c = _match(scorer, ents_a, ents_b, lambda g, p: names.same(p["name"], g["name"]))
    agree.add("entities", *c)
    _, *c = _match(scorer, ents_a, ents_b, lambda g, p: names.same(p["name"], g["name"]) and g["type"] == p["type"])
    agree.add("entities_typed", *c)
    for kind in ("direct", "indirect"):
        qa = [q for q in ga.get("quotes", []) if q.get("kind", "direct") == kind]
        qb = [q for q in gb.get("quotes", []) if q.get("kind", "direct") == kind]
        pairs, *c = _match(scorer, qa, qb, lambda g, p: scorer.dice(g["text"], p["text"]) >= 0.5)
        agree.add(f"quotes_{kind}", *c)
        per_page[f"{kind} extent"] += c[1] + c[2]
        for gi, pi in scorer.greedy_match(qa, qb, lambda g, p: scorer.dice(g["text"], p["text"]) >= 0.5):
            g, p = qa[gi], qb[pi]
            if (g.get("optional") or p.get("optional")) and not names.same(p.get("speaker"), g.get("speaker")):
                agree.kinds[f"{kind}, optional on a side: " + speaker_kind(g.get("speaker"), p.get("speaker"), ents_a, ents_b,
                                                                            names)] += 1
        for g, p in pairs:
            ok = names.same(p.get("speaker"), g.get("speaker"))
            agree.speakers[kind]["right" if ok else "wrong"] += 1
            if not ok:
                agree.kinds[f"{kind}: " + speaker_kind(g.get("speaker"), p.get("speaker"), ents_a, ents_b, names)] += 1
                per_page[f"{kind} speaker"] += 1
    _, *c = _match(scorer, ga.get("quantities", []), gb.get("quantities", []),
                   lambda g, p: scorer.text_overlaps(g["text"], p["text"]))
    agree.add("quantities", *c)


def bench_figures(scorer, golds: dict[str, dict], gb: dict[str, dict]) -> dict:
    """B's required items scored as a prediction against A by ``score.score`` (as the bench scores Veille)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred = Path(tmp) / "gold", Path(tmp) / "pred.jsonl"
        gold_dir.mkdir()
        records = []
        for page, gold in golds.items():
            (gold_dir / f"{page}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            b = gb[page]
            records.append({"source": {"path": f"{page}.txt"}, "title": gold.get("title"),
                            "published": gold.get("published"), "paragraphs": gold.get("paragraphs", []),
                            **{key: [x for x in b.get(key, []) if not x.get("optional")]
                               for key in ("entities", "quotes", "quantities")}})
        pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        return scorer.score(gold_dir, pred)


def rows_of(arg: str) -> dict[str, dict]:
    """page -> who row of a file, or of the dev who gold files (``SOURCES``) for ``dev``."""
    paths = [GOLD_DIR / name for name in SOURCES] if arg == "dev" else [Path(arg)]
    return {r["page"]: r for path in paths for r in load(path)}


def compare(path_a: str, path_b: str, only: set[str] | None) -> None:
    rows_a = rows_of(path_a)
    rows_b = rows_of(path_b)
    pages = sorted(p for p in rows_a.keys() & rows_b.keys() if only is None or p in only)
    ga, gb = _gold_dicts(rows_a, pages), _gold_dicts(rows_b, pages)
    scorer = shared_scorer()
    agree = Agreement()
    for page in pages:
        compare_page(scorer, page, ga[page], gb[page], agree)
    print(f"{len(pages)} pages in both files")
    print("both-optional (an item optional on either side counts as nothing):")
    for measure in ("entities", "entities_typed", "quotes_direct", "quotes_indirect", "quantities"):
        print(f"  {measure:16} {agree.f1(measure)}")
    for kind, c in agree.speakers.items():
        total = c["right"] + c["wrong"]
        print(f"  speaker_{kind:8} {c['right'] / total if total else 0:.3f} ({c['right']}/{total})")
    print("  speaker disagreements (pairs required on both sides, then the others): " + ", ".join(f"{k} {v}" for k, v in agree.kinds.most_common()))
    print("  pages with a disagreement: " + ", ".join(
        f"{p} ({', '.join(f'{k} {v}' for k, v in sorted(c.items()) if v)})" for p, c in agree.pages.items() if +c))
    result = bench_figures(scorer, ga, gb)
    print("bench (B's required items as a prediction, score.score):")
    for measure in ("entities", "entities_typed", "quotes_direct", "speaker_direct", "quotes_indirect",
                    "speaker_indirect", "quantities", "quantity_value"):
        v = result.get(measure) or {}
        cell = (f"F1 {v['f1']:.3f} (P {v['precision']:.3f} R {v['recall']:.3f})" if "f1" in v
                else f"{v.get('accuracy') or 0:.3f} ({v.get('right', v.get('correct', '?'))}/{v.get('total', '?')})")
        print(f"  {measure:16} {cell}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--n", type=int, default=20)
    s.add_argument("--seed", type=int, default=16)
    c = sub.add_parser("compare")
    c.add_argument("a", help="a who file, or dev (who_dev.jsonl + who_dev_fresh.jsonl)")
    c.add_argument("b", help="a who file, or dev")
    c.add_argument("--pages", help="only these pages (comma-separated ids)")
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        for c in sample(args.n, args.seed):
            strata = [k for k, sites in (("agency", AGENCY), ("regional", REGIONAL), ("foreign", FOREIGN)) if c["site"] in sites]
            print(f"{c['page']}\t{c['site']}\t{c['kind']}\t{','.join(strata)}")
        return 0
    only = {p.strip() for p in args.pages.split(",")} if args.pages else None
    compare(args.a, args.b, only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
