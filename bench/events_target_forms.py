"""The ``target-elsewhere`` events of ``bench/events_actor_mechanisms.py`` split by the form that
writes their target (issue 13, helper evclitic): the gold target is not a dependent of the trigger.

Forms (first that applies):
- ``clitic``: an object or dative clitic of the trigger's verb ("l'", "le", "la", "les", "lui",
  "leur") or a strong pronoun in its obliques ("à elle", "contre lui");
- ``relative-participle``: the trigger heads a relative or participle clause (``acl``, ``acl:relcl``);
- ``quote-addressee``: the trigger is inside a quote (the target is whom it is said to or of);
- ``previous-sentence``: the gold target is named in one of the two sentences before, not in this one;
- ``topic``: the gold target is the page's most-named actor;
- ``same-sentence``: the gold target is named elsewhere in the sentence;
- ``other``.

    .venv/bin/python bench/events_target_forms.py [--part dev|fresh|both] [--list FORM ...]

Dev parts only (never fresh2, fresh3 nor test); ``--list`` prints page:line, site, type, trigger,
gold and coder actors (no page text).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import events_actor_mechanisms as mech  # noqa: E402

CLITICS = {"l'", "l’", "le", "la", "les", "lui", "leur"}
STRONG = {"lui", "elle", "eux", "elles"}


def _names(gold_target: Any) -> list[str]:
    return [n for n in (gold_target if isinstance(gold_target, list) else [gold_target]) if n]


def _named_in(text: str, names: list[str]) -> bool:
    from veille.common.fold import lower_nfc

    low = lower_nfc(text)
    return any(lower_nfc(n).split()[-1] in low for n in names)


def form(view: Any, head: Any, gold_target: Any) -> str:
    """The form that writes the target of one lost event (see the module)."""
    from veille.events.words import lower_text

    names = _names(gold_target)
    for c in head.children:
        low = lower_text(c)
        if c.pos_ == "PRON" and c.i < head.i and low in CLITICS and c.dep_ in ("obj", "iobj", "obl:arg", "obl"):
            return "clitic"
        if c.pos_ == "PRON" and low in STRONG and c.dep_.startswith(("obl", "iobj")):
            return "clitic"
    if head.dep_ in ("acl", "acl:relcl"):
        return "relative-participle"
    if view.tok_quote[head.i] is not None:
        return "quote-addressee"
    sent = head.sent
    if names and not _named_in(sent.text, names) and sent.start > 0:
        prev = view.doc[sent.start - 1].sent
        before = view.doc[prev.start - 1].sent.text if prev.start > 0 else ""
        if _named_in(prev.text + " " + before, names):
            return "previous-sentence"
    counts = Counter(e.name for e in view.tok_entity if e is not None)
    if names and counts and _named_in(counts.most_common(1)[0][0], names):
        return "topic"
    if names and _named_in(sent.text, names):
        return "same-sentence"
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "fresh", "both"], default="both")
    ap.add_argument("--list", nargs="*", default=[], help="forms to list (page:line, no page text)")
    args = ap.parse_args()
    if not (ROOT.parent / "shared" / "corpus").exists():
        print("../shared is not there: nothing counted")
        return 0
    original = mech.record

    def with_form(view, roles, head, gold, twins, same, preds):  # noqa: ANN001, ANN202
        rec = original(view, roles, head, gold, twins, same, preds)
        rec["form"] = form(view, head, gold.get("target"))
        return rec

    mech.record = with_form
    rows = [r for part in (("dev", "fresh") if args.part == "both" else (args.part,)) for r in mech.collect(part)]
    rows = [r for r in rows if mech.mechanism(r) == "target-elsewhere"]
    mech.tally(rows, lambda r: r["form"], args.list, f"{args.part}, body given: {len(rows)} target-elsewhere events", 20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
