"""The dev entity errors by mechanism, with sites (issue 16, round 37): each extra entity and each wrong
type of the dev who gold (body given, as the shared scorer matches them) in one class, and each refusing
row of ``lexicons/entities/name_decisions.tsv`` judged site by site (a row right on dev as a whole but
wrong on as many sites as it is right on, or right on one or two sites only, is a suspect).

    PYTHONPATH=src .venv/bin/python bench/real_eval.py who --part dev --body --explain --keep /tmp/X/who
    PYTHONPATH=src .venv/bin/python tools/entities/mechanism_census.py /tmp/X/who/who-dev.jsonl [-v]

Extras, the first class that holds: ``split`` (a second cluster of a gold entity the output already
has), ``span`` (shares a word with a required gold entity of the page the output misses), ``heading``
(every mention in the title or a short line with no end mark), ``credit`` (every mention in a line of
photo credits, bylines or sources), ``title`` (every mention inside quotation marks or after a work or
event noun), ``list`` (every mention in an enumeration of three names or more), ``one_word`` (one
capitalised word that the text also writes in lower case), ``alone`` (the rest). Wrong types by what
the name is: ``country`` (linked to a KB country), ``ministry``, ``media`` (a KB media entry, or after a
media noun), ``team`` (after a sports noun, or in brackets after a person), ``kb`` (another KB entry),
``ner`` (the rest). Counts and sites only; ``-v`` prints the names to the terminal (dev material only,
never redirect into the repository).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from tools.entities.entity_errors import dev_gold  # noqa: E402
from tools.entities.keep_cv import sites  # noqa: E402
from tools.real_pages.materialize import shared_scorer  # noqa: E402
from veille.common.lexicon import rows  # noqa: E402
from veille.kb import load_kb  # noqa: E402

_SKIP = {"w0100"}  # the signatory list, left out of the rates as in the earlier censuses
_CREDIT = re.compile(r"(?i)\b(?:photo|crédit|credit|©|source|par|avec|afp|reuters|illustration|image)\b")
_END = (".", "!", "?", "…", "»", "\"", ":", ";")
_MEDIA_NOUNS = frozenset({"journal", "quotidien", "hebdomadaire", "magazine", "chaîne", "radio", "agence", "site",
                          "télévision", "mensuel", "revue", "station"})
_TEAM_NOUNS = frozenset({"équipe", "club", "écurie", "formation", "maillot"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LIST_BEFORE = re.compile(r"(?:,|\bet|\bou)\s+(?:(?:la|le|les|du|des|de|à|au|aux)\s+|[ld]['’])?$")
_LIST_AFTER = re.compile(r"\s*(?:,|et\b|ou\b)")


def _nouns(*names: str) -> frozenset[str]:
    return frozenset(r[0].lower() for name in names for r in rows(name) if r and r[0].strip())


WORK_NOUNS = _nouns("entities/work_nouns.tsv", "entities/event_names.tsv", "entities/event_heads.tsv")


def _text(rec: dict) -> str:
    return (rec.get("title") or "") + "\n\n" + "\n\n".join(rec.get("paragraphs") or [])


def _spans(ent: dict, text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in ent.get("spans", []) if text[a:b] in ent.get("mentions", [])]


def _line(text: str, a: int, b: int) -> str:
    return text[text.rfind("\n", 0, a) + 1:(text.find("\n", b) + 1 or len(text) + 1) - 1]


def _word_before(text: str, a: int) -> str:
    found = _WORD.findall(text[max(0, a - 30):a])
    return found[-1].lower() if found else ""


def extra_class(ent: dict, text: str, names, gents: list[dict], matched: set[int], title_end: int) -> str:
    """The mechanism of one extra entity (the first class that holds)."""
    forms = [ent.get("name")] + ent.get("mentions", [])
    for i in matched:
        if any(names.same(f, gents[i]["name"]) for f in forms if f):
            return "split"
    words = {w.lower() for f in forms if f for w in _WORD.findall(f) if len(w) > 2}
    for i, g in enumerate(gents):
        if i not in matched and not g.get("optional") and words & {w.lower() for w in _WORD.findall(g["name"])}:
            return "span"
    spans = _spans(ent, text)
    if not spans:
        return "alone"
    lines = [_line(text, a, b) for a, b in spans]
    if all(a < title_end or (len(line.split()) <= 8 and not line.rstrip().endswith(_END)) for (a, _), line
           in zip(spans, lines, strict=True)):
        return "heading"
    if all(_CREDIT.search(line) and len(line.split()) <= 14 for line in lines):
        return "credit"
    if all(text[:a].count("«") > text[:a].count("»") or text[:a].count("“") > text[:a].count("”")
           or _word_before(text, a) in WORK_NOUNS for a, _ in spans):
        return "title"
    if all(_LIST_BEFORE.search(text[max(0, a - 16):a]) and _LIST_AFTER.match(text[b:b + 6]) for a, b in spans):
        return "list"
    name = ent.get("name") or ""
    if " " not in name and name[:1].isupper() and re.search(r"\b" + re.escape(name.lower()) + r"\b", text):
        return "one_word"
    return "alone"


def type_class(ent: dict, text: str, kb) -> str:
    """What a wrongly typed name is."""
    kb_id = ent.get("kb_id") or ""
    if kb_id.startswith("country:"):
        return "country"
    if re.match(r"(?i)minist", ent.get("name") or ""):
        return "ministry"
    spans = _spans(ent, text)
    before = {_word_before(text, a) for a, _ in spans}
    if (kb_id and kb.entries.get(kb_id, {}).get("kind") == "media") or before & _MEDIA_NOUNS:
        return "media"
    if before & _TEAM_NOUNS or any(text[max(0, a - 2):a] == " (" and text[b:b + 1] == ")" for a, b in spans):
        return "team"
    return "kb" if kb_id else "ner"


def census(pred: Path, verbose: bool = False) -> dict:
    scorer = shared_scorer()
    gold, site_of, kb = dev_gold(), sites(), load_kb()
    records = scorer.load_predictions(pred)
    raw = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            raw[Path((rec.get("source") or {}).get("path") or "").stem] = rec
    extras: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    types: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    refusals: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: {"right": 0, "wrong": 0}))
    for page, entry in sorted(gold.items()):
        rec = raw.get(page)
        if rec is None or page in _SKIP or page not in records:
            continue
        site, text = site_of.get(page, page), _text(rec)
        names = scorer.Names(entry)
        pents, gents = records[page].get("entities", []), entry.get("entities", [])
        pairs = scorer.greedy_match(gents, pents, lambda g, p, names=names: names.same(p.get("name"), g["name"]))
        got_p = {p for _, p in pairs}
        matched = {g for g, _ in pairs}
        title_end = len(rec.get("title") or "")
        for i, ent in enumerate(pents):
            if i in got_p:
                continue
            kind = extra_class(ent, text, names, gents, matched, title_end)
            extras[kind][site].add((page, ent.get("name")))
            if verbose:
                print("extra", kind, site, page, ent.get("type"), repr(ent.get("name")))
        for g, p in pairs:
            if gents[g]["type"] != pents[p].get("type") and not gents[g].get("optional"):
                kind = type_class(pents[p], text, kb)
                swap = f"{gents[g]['type']}->{pents[p].get('type')}"
                types[f"{kind} {swap}"][site].add((page, gents[g]["name"]))
                if verbose:
                    print("type", kind, swap, site, page, repr(gents[g]["name"]))
        seen = set()
        for r in rec.get("entity_refusals") or []:
            if (r["rule"], r["name"]) in seen:
                continue
            seen.add((r["rule"], r["name"]))
            hit = [i for i, g in enumerate(gents) if not g.get("optional") and names.same(r["name"], g["name"])]
            if hit and not any(i in matched for i in hit):
                refusals[r["rule"]][site]["wrong"] += 1
                if verbose:
                    print("refusal wrong", r["rule"], site, page, repr(r["name"]))
            elif not hit:
                refusals[r["rule"]][site]["right"] += 1
    return {"extras": extras, "types": types, "refusals": refusals}


def _count(by_site: dict[str, set]) -> tuple[int, int]:
    return sum(len(v) for v in by_site.values()), len(by_site)


def report(result: dict) -> None:
    for key, title in (("extras", "extras by mechanism"), ("types", "wrong types by what the name is")):
        print(f"== {title} (entities / sites)")
        table = result[key]
        for kind in sorted(table, key=lambda k: -_count(table[k])[0]):
            n, s = _count(table[kind])
            print(f"  {kind:28} {n:4} / {s:3}")
    print("== refusing rows, site by site: refusals right / wrong, sites right / wrong, sites net wrong, "
          "suspect (wrong on as many sites as right, or right on at most two sites while wrong somewhere)")
    for rule, by_site in sorted(result["refusals"].items(), key=lambda kv: -sum(v["wrong"] for v in kv[1].values())):
        right = sum(v["right"] for v in by_site.values())
        wrong = sum(v["wrong"] for v in by_site.values())
        s_right = sum(1 for v in by_site.values() if v["right"])
        s_wrong = sum(1 for v in by_site.values() if v["wrong"])
        net_wrong = sum(1 for v in by_site.values() if v["wrong"] > v["right"])
        suspect = s_wrong and (s_wrong >= s_right or s_right <= 2)
        print(f"  {rule:28} {right:4} / {wrong:3}   {s_right:3} / {s_wrong:3}   {net_wrong:3}   {'SUSPECT' if suspect else ''}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path, help="who-dev.jsonl kept by bench/real_eval.py who --part dev --body --explain")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each error's name (terminal only)")
    args = ap.parse_args()
    report(census(args.pred, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
