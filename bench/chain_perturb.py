"""Speakers of the dev who pages when a quote chain takes its speaker up again by a short form (issue 16).

    python bench/chain_perturb.py [--part dev|fresh] [--variants NAME ...] [--keep DIR] [--pred FILE]
                                  [--list VARIANT] [--json]

Every dev who page is handed over body given, as ``bench/real_eval.py who --body`` does, and again in
each form of ``bench/chain_variants.py``: the later cue subjects naming a gold person rewritten as
"il"/"elle" (``pronoun-chain``), as the surname alone (``surname-chain``), as the speaker noun the page
gave that person (``role-chain``), and two adjacent paragraphs of two speakers' quotes joined into one
(``two-voice``), and an invented sentence on another person (``aside-person``) or two on organisations
(``aside-org``) written before a quote whose cue takes its named speaker up by a pronoun
(``bench/aside_variants.py``). Each gold quote's span is mapped through the edits; the speakers stay the gold's.

One row per variant, over the pages it changes: direct F1 / speaker and indirect F1 / speaker on those
pages as given, then in the variant. ``--list VARIANT ...`` prints, for the quotes of that variant whose
speaker was right as given and is not in the variant (or the other way), the page id, the quote's
offset in the variant's text, the gold speaker, both predictions and their rules: dev pages only, to
read in ``--keep DIR`` (outside the repository: the pages are copyrighted).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from aside_variants import ASIDE_ORG, ASIDE_PERSON, asides, pronoun_slots  # noqa: E402
from chain_variants import CHAIN_VARIANTS, VARIANT_NAMES, Words, find_cues, fold, two_voice  # noqa: E402
from name_variants import Person, person_of  # noqa: E402
from quote_variants import _paragraphs, apply_edits  # noqa: E402
from tools.real_pages.gold import sites as page_sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402

MEASURES = ("quotes_direct", "speaker_direct", "quotes_indirect", "speaker_indirect")


def words() -> Words:
    """Speech-verb forms, speaker nouns and given names' genders, from Veille's own lexicons."""
    from veille.common import lexicon
    from veille.quotes.resources import load_speech_verbs

    _, forms = load_speech_verbs()
    verbs = {f for f, e in forms.items() if "prep" not in e.flags and e.lang == "fr"}
    nouns = {fold(w) for w in lexicon.mapping("speaker_nouns.tsv")}
    given: dict[str, set[str]] = {}
    for path in ("given_names.tsv", "quotes/given_names.tsv"):
        for name, g in lexicon.mapping(path).items():
            given.setdefault(fold(name), set()).add(g)
    return Words(frozenset(verbs), frozenset(nouns), {k: next(iter(v)) for k, v in given.items() if len(v) == 1})


def _speakers(q: dict) -> list:
    s = q.get("speaker")
    return s if isinstance(s, list) else [s]


def page_edits(page: frame.WhoPage, lex: Words) -> dict[str, list]:
    """variant -> the edits of one page."""
    people: list[Person] = []
    for ent in page.gold.get("entities", []):
        p = person_of(ent["name"]) if ent["type"] == "PER" else None
        if p is not None and p not in people:
            people.append(p)
    by_name = {p.name: p for p in people}
    spans = [s for s in page.spans if s is not None]
    paras = _paragraphs(page.body)
    quoted: dict[tuple[int, int], set[Person]] = {p: set() for p in paras}
    voices: list[set] = [set() for _ in paras]
    for q, span in zip(page.gold.get("quotes", []), page.spans, strict=True):
        if span is None:
            continue
        k = next((i for i, (s, e) in enumerate(paras) if s <= span[0] < e), None)
        if k is None:
            continue
        voices[k].add(json.dumps(q.get("speaker"), ensure_ascii=False) if q.get("speaker") is not None else None)
        for s in _speakers(q):
            if s in by_name:
                quoted[paras[k]].add(by_name[s])
    cues = find_cues(page.body, people, spans, quoted, lex)
    out = {name: fn(page.body, people, cues, lex) for name, fn in CHAIN_VARIANTS.items()}
    out["two-voice"] = two_voice(paras, voices, page.body)
    named = [span for q, span in zip(page.gold.get("quotes", []), page.spans, strict=True)
             if span is not None and isinstance(q.get("speaker"), str) and q["speaker"] in by_name]
    slots = pronoun_slots(page.body, named, out["pronoun-chain"])
    out["aside-person"] = asides(slots, ASIDE_PERSON)
    out["aside-org"] = asides(slots, ASIDE_ORG)
    return out


def build(part: str, variants: list[str], gold_dir: Path, inputs: Path) -> dict[str, list[str]]:
    cases = frame.Cases(gold_dir, inputs, variants)
    lex = words()
    for page in frame.who_pages(part, gold_dir):
        edits = page_edits(page, lex)
        for variant in [frame.GIVEN, *variants]:
            these = [] if variant == frame.GIVEN else edits[variant]
            if variant != frame.GIVEN and not these:
                continue
            mapped = apply_edits(page.body, these)
            cases.add(variant, page, {**page.gold, "quotes": frame.mapped_quotes(page, mapped)},
                      page.gold.get("title"), mapped.text)
    return cases.changed


def changed_speakers(scorer, gold_dir: Path, preds: dict, variant: str) -> list[tuple]:
    """(page, offset, gold, given prediction + rule, variant prediction + rule) where the speaker's
    rightness differs between the page as given and the variant."""
    out = []
    for gold_file in sorted((gold_dir / variant).glob("*.json")):
        page = gold_file.stem.split(frame.SEP, 1)[1]
        rows = []
        for v in (frame.GIVEN, variant):
            gold = json.loads((gold_dir / v / f"{v}{frame.SEP}{page}.json").read_text(encoding="utf-8"))
            names = scorer.Names(gold)
            pred = preds.get(f"{v}{frame.SEP}{page}", {}).get("quotes", [])
            got = {}
            for kind in ("direct", "indirect"):
                gq = [(i, q) for i, q in enumerate(gold.get("quotes", [])) if q.get("kind", "direct") == kind]
                pq = [q for q in pred if q.get("kind", "direct") == kind]
                for gi, pi in scorer.greedy_match([q for _, q in gq], pq,
                                                  lambda g, p: scorer.dice(g["text"], p.get("text", "")) >= 0.5):
                    p = pq[pi]
                    got[gq[gi][0]] = (names.same(p.get("speaker"), gq[gi][1].get("speaker")), p)
            rows.append((gold, got))
        (_, given), (gold, after) = rows
        for i in sorted(set(given) & set(after)):
            if given[i][0] != after[i][0]:
                g, a = given[i][1], after[i][1]
                out.append((page, a.get("start"), gold["quotes"][i].get("speaker"),
                            f"{g.get('speaker')} [{g.get('rule')}]", f"{a.get('speaker')} [{a.get('rule')}]",
                            "fixed" if after[i][0] else "broken"))
    return out


def run(part: str, variants: list[str], keep: Path | None, pred_file: Path | None, listing: list[str],
        build_cases: Callable[..., dict[str, list[str]]] | None = None) -> dict:
    """The variants built (``build_cases``, this bench's ``build`` by default), extracted and scored
    against their moved gold; with ``listing``, the quotes whose speaker each listed variant changed."""
    scorer = shared_scorer()
    make = build_cases or build
    with frame.workspace(keep) as work:
        changed, gold_dir, pred = frame.built_and_extracted(
            work, lambda gold, inputs: make(part, variants, gold, inputs), pred_file)
        result = frame.score_variants(changed, gold_dir, lambda folder: scorer.score(folder, pred), page_sites())
        if listing:
            preds = scorer.load_predictions(pred)
            result["changed"] = [(v, *row) for v in listing for row in changed_speakers(scorer, gold_dir, preds, v)]
        return result


def speaker_main(doc: str, names: list[str], build_cases: Callable[..., dict[str, list[str]]],
                 width: int) -> int:
    """The command line every speaker-variant bench shares (this one, ``speaker_form_perturb``)."""
    ap = frame.who_parser(doc, names, with_pred=True)
    ap.add_argument("--list", nargs="*", choices=names, default=[],
                    help="the quotes whose speaker these variants break or fix")
    args = ap.parse_args()
    if frame.shared_missing():
        return 1
    result = run(args.part, args.variants, args.keep, args.pred, args.list, build_cases)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"who {args.part}, body given: {result[frame.GIVEN]['pages']} pages")
    frame.print_who_table(result, args.variants, MEASURES, width, 22, with_sites=True)
    for row in result.get("changed", []):
        print("\t".join(str(x) for x in row))
    return 0


def main() -> int:
    return speaker_main(__doc__, VARIANT_NAMES, build, 14)


if __name__ == "__main__":
    sys.exit(main())
