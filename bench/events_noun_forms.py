"""Gold events told by a noun, by where their source and target are written (issue 13, helper evnoun).

For every gold event (fact or intent) of the dev batches whose trigger's head is a noun, each role's
gold actor is placed in the first form that writes it (invented examples):

- ``null``: the gold names nobody;
- ``demonym``: a people's adjective on the noun ("l'offensive russe");
- ``possessive``: a possessive determiner ("son arrestation"; whether it names the gold actor is not asked);
- ``de`` / ``par`` / ``contre`` / ``à`` / ``sur`` / ``envers`` / ``entre`` / ``avec`` / ``pour`` /
  ``prep:<other>``: a complement of the noun with that preposition naming the gold actor
  ("l'invasion du Valdoria par Morlande");
- ``de-nested``: a "de" complement one level down ("l'annonce de la condamnation de X");
- ``support:subject``: the subject (or "par" agent) of the verb the noun is the object or "à" oblique of
  ("Morlande a lancé une offensive", "la police a procédé à l'arrestation");
- ``support:oblique``: a complement of that verb ("a lancé une offensive contre le Valdoria");
- ``noun-subject``: the noun's own subject or apposition ("X est en grève");
- ``sentence``: named elsewhere in the sentence; ``before``: named in the two sentences before;
  ``unwritten``: neither.

Per form: events, sites, and the coder candidate's answer for that role (``right``: the gold actor;
``wrong``: another; ``none``: nobody; ``nocand``: no candidate of the gold's type on the trigger),
events matched end to end, the nouns' lemmas and the source or target rules that answered.

    .venv/bin/python bench/events_noun_forms.py [--parts dev,fresh,fresh4] [--role source|target|both]
        [--list FORM ...]

Dev batches only (never fresh2, fresh3 nor test); ``--list`` prints page:line, site, type, lemma, the
gold and coder actors and the rule for the listed forms (no page text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import events_actor_mechanisms as mech  # noqa: E402

PREP_FORMS = {"de": "de", "du": "de", "des": "de", "d'": "de", "d’": "de", "par": "par", "contre": "contre",
              "à": "à", "au": "à", "aux": "à", "sur": "sur", "envers": "envers", "entre": "entre",
              "avec": "avec", "pour": "pour", "entrer": "entre", "sou": "sous", "sous": "sous"}
SUPPORT_DEPS = ("obj", "obl", "obl:arg", "nsubj:pass")


def _named(view: Any, tok: Any, names: list[str], same: Any) -> bool:
    """Whether the phrase at ``tok`` names one of the gold actors (as the coder resolves it, or by
    the name's last word in the phrase's first twelve words)."""
    from veille.common.fold import lower_nfc
    from veille.events.actors import resolve

    if any(same(a.name, n) for a in resolve(view, tok) for n in names):
        return True
    words = lower_nfc(" ".join(t.text for t in list(tok.subtree)[:12]))
    return any(lower_nfc(n).split()[-1] in words.split() for n in names if n)


def form(view: Any, head: Any, gold: Any, same: Any) -> str:
    """Where a role's gold actor is written around the event noun ``head`` (see the module)."""
    from veille.common.fold import lower_nfc
    from veille.events.actors import demonym
    from veille.events.view import agent, case

    names = [n for n in (gold if isinstance(gold, list) else [gold]) if n]
    if not names:
        return "null"
    for c in head.children:
        if c.dep_ == "amod":
            d = demonym(view, c)
            if d is not None and any(same(d.name, n) for n in names):
                return "demonym"
    for c in head.children:
        if c.dep_ == "acl" and agent(c) is not None and _named(view, agent(c), names, same):
            return "par"
        if c.dep_ in ("nmod", "obl", "obl:arg") and _named(view, c, names, same):
            prep = lower_nfc(case(c) or "")
            return PREP_FORMS.get(prep, f"prep:{prep or '-'}")
    if any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in head.children):
        return "possessive"
    for c in head.children:
        for g in c.children if c.dep_ in ("nmod", "obl") else ():
            if g.dep_ == "nmod" and _named(view, g, names, same):
                return "de-nested"
    verb = head.head
    if head.dep_ in SUPPORT_DEPS and verb.pos_ in ("VERB", "AUX") and verb.i != head.i:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")] + ([agent(verb)] if agent(verb) is not None else [])
        if any(c.i != head.i and _named(view, c, names, same) for c in subjects):
            return "support:subject"
        if any(c.i != head.i and c.dep_ in ("obj", "iobj", "obl", "obl:arg") and _named(view, c, names, same)
               for c in verb.children):
            return "support:oblique"
    if any(c.dep_ in ("nsubj", "appos") and _named(view, c, names, same) for c in head.children):
        return "noun-subject"
    sent = head.sent
    low = lower_nfc(sent.text).split()
    if any(lower_nfc(n).split()[-1] in low for n in names):
        return "sentence"
    if sent.start > 0:
        prev = view.doc[sent.start - 1].sent
        before = view.doc[prev.start - 1].sent.text if prev.start > 0 else ""
        if any(lower_nfc(n).split()[-1] in lower_nfc(prev.text + " " + before) for n in names):
            return "before"
    return "unwritten"


def _noun_head(doc: Any, pos: int, words: str) -> Any | None:
    toks = [t for t in doc if pos <= t.idx < pos + len(words)]
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads and heads[0].pos_ == "NOUN" else None


def collect(part: str) -> list[dict]:
    """One row per gold event told by a noun in the ``part`` gold: site, lemma, forms and answers."""
    from veille.events.words import lemma

    rows = []
    for x in mech.gold_candidates(part):
        cands, doc, g, same = x["cands"], x["doc"], x["gold"], x["same"]
        if cands:
            view, roles, head = cands[0]
        else:
            head = _noun_head(doc, x["pos"], x["words"]) if x["pos"] >= 0 else None
            view, roles = x["view"], None
        if head is None or head.pos_ != "NOUN" or view is None:
            continue
        row = {"page": x["page"], "line": x["line"], "site": x["site"], "type": x["types"][0],
               "lemma": lemma(head), "hit": x["hit"] is not None, "dep": head.dep_, "verb": lemma(head.head)}
        for role in ("source", "target"):
            gold = g.get(role)
            row[f"{role}_form"] = form(view, head, gold, same)
            row[f"{role}_gold"] = gold
            if roles is None:
                row[f"{role}_answer"], row[f"{role}_coder"], row[f"{role}_rule"] = "nocand", None, "-"
                continue
            actors = [roles.source.actor] if role == "source" else roles.targets[:1]
            name = actors[0].name if actors and actors[0] is not None else None
            row[f"{role}_coder"] = name
            row[f"{role}_rule"] = roles.source.rule if role == "source" else roles.target_rule
            if gold is None:
                row[f"{role}_answer"] = "right" if name is None or role == "target" else "wrong"
            else:
                row[f"{role}_answer"] = "none" if name is None else ("right" if same(name, gold) else "wrong")
        rows.append(row)
    return rows


def report(rows: list[dict], role: str, listed: list[str]) -> None:
    forms: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        forms[r[f"{role}_form"]].append(r)
    print(f"{role}: {len(rows)} gold events told by a noun")
    print(f"  {'form':16} {'n':>4} {'sites':>5} {'right':>5} {'wrong':>5} {'none':>5} {'nocand':>6} {'hit':>4}  lemmas | rules")
    for f, rs in sorted(forms.items(), key=lambda kv: -len(kv[1])):
        ans = Counter(r[f"{role}_answer"] for r in rs)
        lemmas = ", ".join(f"{w} {n}" for w, n in Counter(r["lemma"] for r in rs).most_common(6))
        rules = ", ".join(f"{w} {n}" for w, n in Counter(r[f"{role}_rule"] for r in rs).most_common(4))
        print(f"  {f:16} {len(rs):4} {len({r['site'] for r in rs}):5} {ans['right']:5} {ans['wrong']:5} "
              f"{ans['none']:5} {ans['nocand']:6} {sum(r['hit'] for r in rs):4}  {lemmas} | {rules}")
        bad = [r for r in rs if r[f"{role}_answer"] in ("wrong", "none")]
        if bad:
            print(f"  {'':16} not right on {len({r['site'] for r in bad})} sites: "
                  + ", ".join(sorted({r['page'] for r in bad})))
        for r in rs if f in listed else ():
            print(f"    {r['page']}:{r['line']} {r['site']} {r['type']} {r['lemma']} ({r['dep']} of {r['verb']}) "
                  f"gold {r[f'{role}_gold']} | coder {r[f'{role}_coder']} [{r[f'{role}_rule']}] "
                  f"{r[f'{role}_answer']}{' hit' if r['hit'] else ''}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default="dev,fresh,fresh4")
    ap.add_argument("--role", choices=["source", "target", "both"], default="both")
    ap.add_argument("--list", nargs="*", default=[], help="forms to list (page:line, no page text)")
    args = ap.parse_args()
    parts = args.parts.split(",")
    if set(parts) - {"dev", "fresh", "fresh4"}:
        raise SystemExit("dev batches only: dev, fresh, fresh4")
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing counted")
        return 0
    everything = []
    for part in parts:
        rows = collect(part)
        everything += rows
        print(f"== {part}: {len(rows)} events, {sum(r['hit'] for r in rows)} matched")
        for role in ("source", "target") if args.role == "both" else (args.role,):
            report(rows, role, [])
    if len(parts) > 1:
        print(f"== {'+'.join(parts)}")
        for role in ("source", "target") if args.role == "both" else (args.role,):
            report(everything, role, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
