"""What the dev who pages lose or gain as given against the gold body handed over (issues 11 and 16):
each entity, direct or indirect quote, speaker and quantity that one run scores and the other does
not, with where the page as given differs (its title, a paragraph the gold body lacks, a gold
paragraph the page as given lacks, or the same text read otherwise). Dev only.

    .venv/bin/python bench/real_eval.py who --part dev --keep /tmp/X/given
    .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/X/body
    .venv/bin/python tools/real_pages/asgiven_census.py /tmp/X/given/who-dev.jsonl /tmp/X/body/who-dev.jsonl \
        [--rows] [--text]

Counts by mechanism, page and site; ``--rows`` one row a change (page, measure, way, where), ``--text``
with the name or words and the differing paragraph: page text, printed to the terminal only (never
redirect into the repository).

    .venv/bin/python tools/real_pages/asgiven_census.py --block-inputs /tmp/X/blocks

writes the "body given" inputs of the dev who pages with an HTML page's gold body kept one
paragraph per block of its view (as the page gives them; ``materialize.paragraphs`` joins the
blocks that end on a sentence mark), dumps as ``body_inputs`` writes them: run ``veille extract``
on that folder and score it against the same gold to see what the paragraphs alone change.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, gold_files, load, split_rows  # noqa: E402
from tools.real_pages.materialize import materialize, shared_scorer  # noqa: E402

SC = shared_scorer()


def dev_gold() -> dict[str, dict]:
    """Page id -> the materialised gold (title, paragraphs, entities, quotes, quantities) of the dev who pages."""
    who = {e["page"]: e for path in gold_files("who", "dev") if path.exists() for e in load(path)}
    pages = {e["page"]: e for e in load(GOLD_DIR / "gold_dev.jsonl")}
    entries = [pages[p] for p in who if p in pages]
    with tempfile.TemporaryDirectory() as tmp:
        materialize(entries, Path(tmp), who=who)
        return {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in Path(tmp).glob("*.json")}


def _found(text: str, paragraphs: list[str]) -> bool:
    """Whether a paragraph of ``paragraphs`` holds ``text`` (normalised), or half its words."""
    n = SC.norm(text)
    return any(n and (n in SC.norm(p) or SC.overlap_share(text, p) >= 0.8) for p in paragraphs)


def extra_paragraphs(gold: dict, pred: dict) -> list[str]:
    """The paragraphs of the page as given that no gold paragraph holds (nor the gold title)."""
    gp = gold.get("paragraphs", [])
    return [p for p in pred.get("paragraphs", []) if not _found(p, gp) and not any(_found(g, [p]) for g in gp)]


def lost_paragraphs(gold: dict, pred: dict) -> list[str]:
    pp = pred.get("paragraphs", [])
    return [g for g in gold.get("paragraphs", []) if not _found(g, pp) and not any(_found(p, [g]) for p in pp)]


def _where(words: list[str], gold: dict, pred: dict, extra: list[str], lost: list[str]) -> str:
    """Where a changed item's words sit: the title as given, an extra paragraph, a lost gold paragraph,
    or the text both runs share."""
    def holds(texts: list[str]) -> bool:
        return any(w and SC.norm(w) and SC.norm(w) in SC.norm(t) for w in words for t in texts)
    title_wrong = SC.dice(gold.get("title") or "", pred.get("title") or "") < 0.8
    if holds(extra):
        return "extra-line"
    if title_wrong and holds([pred.get("title") or ""]) and not holds(gold.get("paragraphs", [])):
        return "title"
    if holds(lost) and not holds(pred.get("paragraphs", [])):
        return "lost-line"
    if title_wrong and holds([gold.get("title") or ""]) and not holds(pred.get("paragraphs", [])):
        return "title-lost"
    if pred.get("published") != gold.get("published"):
        return "date?"
    return "same-text"


def _matches(golds: list[dict], preds: list[dict], fits) -> tuple[set[int], set[int]]:
    pairs = SC.greedy_match(golds, preds, fits)
    return {g for g, _ in pairs if not golds[g].get("optional")}, {p for _, p in pairs}


def page_changes(gold: dict, given: dict, body: dict) -> list[dict]:
    names = SC.Names(gold)
    extra, lost = extra_paragraphs(gold, given), lost_paragraphs(gold, given)
    out: list[dict] = []

    def add(measure: str, way: str, label: str, words: list[str]) -> None:
        out.append({"measure": measure, "way": way, "label": label,
                    "where": _where(words, gold, given, extra, lost)})

    gents = gold.get("entities", [])

    def fits(g: dict, p: dict) -> bool:
        return names.same(p.get("name"), g["name"])
    gm_g, pm_g = _matches(gents, given.get("entities", []), fits)
    gm_b, pm_b = _matches(gents, body.get("entities", []), fits)
    for i in gm_b - gm_g:
        add("entity", "lost", gents[i]["name"], [gents[i]["name"], *gents[i].get("aliases", [])])
    for i in gm_g - gm_b:
        add("entity", "gained", gents[i]["name"], [gents[i]["name"], *gents[i].get("aliases", [])])
    fp_g = {SC.norm(p["name"]): p for i, p in enumerate(given.get("entities", [])) if i not in pm_g}
    fp_b = {SC.norm(p["name"]): p for i, p in enumerate(body.get("entities", [])) if i not in pm_b}
    for key in fp_g.keys() - fp_b.keys():
        p = fp_g[key]
        add("entity", "extra-added", p["name"], [p["name"], *p.get("mentions", [])])
    for key in fp_b.keys() - fp_g.keys():
        p = fp_b[key]
        add("entity", "extra-removed", p["name"], [p["name"], *p.get("mentions", [])])
    for kind in ("direct", "indirect"):
        gq = [q for q in gold.get("quotes", []) if q.get("kind", "direct") == kind]
        pqs = {run: [q for q in rec.get("quotes", []) if q.get("kind", "direct") == kind]
               for run, rec in (("given", given), ("body", body))}
        right: dict[str, set[int]] = {}
        matched: dict[str, set[int]] = {}
        extras: dict[str, dict[str, dict]] = {}
        for run, pq in pqs.items():
            pairs = SC.greedy_match(gq, pq, lambda g, p: SC.dice(g["text"], p.get("text", "")) >= 0.5)
            matched[run] = {g for g, _ in pairs if not gq[g].get("optional")}
            right[run] = {g for g, p in pairs if not gq[g].get("optional")
                          and names.same(pq[p].get("speaker"), gq[g].get("speaker"))}
            used = {p for _, p in pairs}
            extras[run] = {SC.norm(q.get("text", ""))[:60]: q for i, q in enumerate(pq) if i not in used}
        for i in matched["body"] - matched["given"]:
            add(f"quote_{kind}", "lost", gq[i]["text"][:60], [gq[i]["text"][:40]])
        for i in matched["given"] - matched["body"]:
            add(f"quote_{kind}", "gained", gq[i]["text"][:60], [gq[i]["text"][:40]])
        for i in (right["body"] - right["given"]) & matched["given"]:
            q = gq[i]
            add(f"speaker_{kind}", "lost", f"{q.get('speaker')} | {q['text'][:50]}", [q["text"][:40]])
        for i in (right["given"] - right["body"]) & matched["body"]:
            q = gq[i]
            add(f"speaker_{kind}", "gained", f"{q.get('speaker')} | {q['text'][:50]}", [q["text"][:40]])
        for key in extras["given"].keys() - extras["body"].keys():
            q = extras["given"][key]
            if not any(SC.dice(q.get("text", ""), o.get("text", "")) >= 0.5 for o in extras["body"].values()):
                add(f"quote_{kind}", "extra-added", q.get("text", "")[:60], [q.get("text", "")[:40]])
    gqs = gold.get("quantities", [])

    def qfits(g: dict, p: dict) -> bool:
        return SC.text_overlaps(g["text"], p.get("text", ""))
    gm_g, pm_g = _matches(gqs, given.get("quantities", []), qfits)
    gm_b, pm_b = _matches(gqs, body.get("quantities", []), qfits)
    for i in gm_b - gm_g:
        add("quantity", "lost", gqs[i]["text"], [gqs[i]["text"]])
    for i in gm_g - gm_b:
        add("quantity", "gained", gqs[i]["text"], [gqs[i]["text"]])
    body_extra = [p.get("text", "") for i, p in enumerate(body.get("quantities", [])) if i not in pm_b]
    for i, p in enumerate(given.get("quantities", [])):
        if i not in pm_g and p.get("text", "") not in body_extra:
            add("quantity", "extra-added", p.get("text", ""), [p.get("text", "")])
    return out


def block_inputs(out_dir: Path) -> int:
    """The dev who pages' body-given inputs, an HTML page's body one paragraph per view block."""
    from tools.real_pages.gold import body_lines, title_text
    from tools.real_pages.materialize import paragraphs
    from tools.real_pages.view import view_lines

    who = {e["page"] for path in gold_files("who", "dev") if path.exists() for e in load(path)}
    kinds = {page: row[1] for page, row in split_rows().items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for entry in load(GOLD_DIR / "gold_dev.jsonl"):
        if entry["page"] not in who or entry.get("article") is False:
            continue
        lines = view_lines(entry["page"])
        paras = (body_lines(entry, lines) if kinds.get(entry["page"]) == "html"
                 else paragraphs(entry, lines))
        record = {"title": title_text(entry, lines), "text": "\n\n".join(paras), "date": entry.get("published")}
        (out_dir / f"{entry['page']}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def paired_pages(given_path: Path, body_path: Path):
    """(page, site, gold, record as given, record body given) for each dev page both runs hold."""
    gold = dev_gold()
    given, body = SC.load_predictions(given_path), SC.load_predictions(body_path)
    sites = {page: row[0] for page, row in split_rows().items()}
    for page in sorted(gold):
        if page in given and page in body:
            yield page, sites.get(page, page), gold[page], given[page], body[page]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("given", type=Path, nargs="?")
    ap.add_argument("body", type=Path, nargs="?")
    ap.add_argument("--block-inputs", type=Path, help="write the block-paragraph body-given inputs here")
    ap.add_argument("--rows", action="store_true", help="one row a change")
    ap.add_argument("--text", action="store_true", help="with the names and words (terminal only)")
    args = ap.parse_args()
    if args.block_inputs:
        print(f"{block_inputs(args.block_inputs)} inputs written")
        return 0
    if not args.given or not args.body:
        ap.error("the two prediction files are needed")
    cells: Counter = Counter()
    cell_sites: dict[tuple, set[str]] = defaultdict(set)
    for page, site, g, rec, body_rec in paired_pages(args.given, args.body):
        changes = page_changes(g, rec, body_rec)
        for c in changes:
            key = (c["measure"], c["way"], c["where"])
            cells[key] += 1
            cell_sites[key].add(site)
        if args.rows and changes:
            print(f"== {page} {site} title_ok={SC.dice(g.get('title') or '', rec.get('title') or '') >= 0.8}"
                  f" published {rec.get('published')} gold {g.get('published')}")
            for c in changes:
                print(f"   {c['measure']:18} {c['way']:13} {c['where']:10}" + (f" {c['label']}" if args.text else ""))
            if args.text:
                for p in extra_paragraphs(g, rec):
                    print(f"   + {p[:160]}")
                for p in lost_paragraphs(g, rec):
                    print(f"   - {p[:160]}")
                if SC.dice(g.get("title") or "", rec.get("title") or "") < 0.8:
                    print(f"   T given {rec.get('title')!r} gold {g.get('title')!r}")
    print(f"{'measure':18} {'way':13} {'where':10} items sites")
    for key, n in sorted(cells.items()):
        print(f"{key[0]:18} {key[1]:13} {key[2]:10} {n:5} {len(cell_sites[key]):5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
