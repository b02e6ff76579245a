"""What kind of error the times stage makes on TimeBank dev, by TIMEX3 type, in the full system and
once the rules that help a single article are switched off (the out-of-article figure).

    PYTHONPATH=src .venv/bin/python tools/times/times_kinds.py --cv /tmp/cv.json [--json FILE]

``--cv`` is the per-rule table of ``tools/times/times_cv.py --json`` (run on ``--set both`` or
``timebank``): a rule whose gain comes from one group only (one TimeBank article or one site) was
in all likelihood read off that group, so the figure without those rules is what the rules give an
article they were not written from. Kinds: ``missed``, ``spurious``, ``too_long`` / ``too_short``
/ ``shifted`` (extent), and for a wrong value ``reference`` (a PRESENT_REF-like value against a
date), ``granularity`` (a value at another precision: ``2001`` for ``2001-09``), ``anchor`` (the
same precision, another point: the wrong year, day or week), ``other``. Only the dev split is read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.times.tb_pairs import pairs, unpaired  # noqa: E402
from tools.times.times_cv import _timebank_module, ablated, load_items  # noqa: E402

_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def _shape(value: str) -> str:
    """The precision of a TimeML value: ``2001-09`` -> ``YYYY-MM``."""
    return re.sub(r"\d", "9", value or "")


def value_kind(gold: str, pred: str | None) -> str:
    if not pred:
        return "other"
    if (gold in _REFS) != (pred in _REFS):
        return "reference"
    if _shape(gold) != _shape(pred):
        return "granularity"
    return "anchor"


def kinds(tb: Any, doc: dict, times: list[dict]) -> Counter[tuple[str, str]]:
    """(type, kind) counts of one article's errors, with the shared scorer's matching."""
    out: Counter[tuple[str, str]] = Counter()
    located = tb.locate(doc["text"], [t["text"] for t in times])
    paired: set[int] = set()
    for g, i, _strict in pairs(located, doc["timex"]):
        if i is None:
            out[(g["type"], "missed")] += 1
            continue
        paired.add(i)
        s, e = next((s, e) for s, e, j in located if j == i)
        if (s, e) != (g["start"], g["end"]):
            long_ = s <= g["start"] and e >= g["end"]
            short = s >= g["start"] and e <= g["end"]
            out[(g["type"], "too_long" if long_ else "too_short" if short else "shifted")] += 1
        if not tb.value_right(g, times[i].get("value"), whole=True):
            out[(g["type"], "value_" + value_kind(g["value"] or "", times[i].get("value")))] += 1
    for i in unpaired(located, paired):
        out[(times[i].get("type") or "DATE", "spurious")] += 1
    return out


def run(items: list[Any], stage: Any, docs: dict[str, dict], tb: Any) -> tuple[Counter, dict[str, int]]:
    import copy

    total: Counter[tuple[str, str]] = Counter()
    counts = {k: 0 for k in ("gold", "pred", "strict", "relaxed", "value")}
    for it in items:
        art = copy.copy(it.article)
        stage(art, it.doc, None)
        times = [t.__dict__ for t in art.times]
        total += kinds(tb, docs[it.id], times)
        c = it.score(times, art.nlp_text())
        for k in counts:
            counts[k] += c[k]
    return total, counts


def f1(c: dict[str, int], k: str) -> float:
    p = c[k] / c["pred"] if c["pred"] else 0.0
    r = c[k] / c["gold"] if c["gold"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def table(name: str, kinds_: Counter, counts: dict[str, int]) -> str:
    lines = [f"{name}: strict {f1(counts, 'strict'):.3f}  relaxed {f1(counts, 'relaxed'):.3f}  "
             f"value {f1(counts, 'value'):.3f}  ({counts['gold']} gold, {counts['pred']} predicted)"]
    types = sorted({t for t, _ in kinds_})
    cols = sorted({k for _, k in kinds_})
    lines.append(f"{'kind':18s}" + "".join(f"{t:>9s}" for t in types) + f"{'all':>6s}")
    for k in cols:
        lines.append(f"{k:18s}" + "".join(f"{kinds_[(t, k)]:9d}" for t in types)
                     + f"{sum(kinds_[(t, k)] for t in types):6d}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", type=Path, help="the rule table of times_cv.py --json")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from veille.times import TimeStage

    tb = _timebank_module()
    items = load_items("timebank")
    files = sorted((ROOT.parent / "shared" / "external" / "fr-timebank" / "Data").glob("*.tml"))[0::2]
    docs = {p.stem: tb.parse(p) for p in files}
    stage = TimeStage(None)
    full = run(items, stage, docs, tb)
    print(table("TimeBank dev, all rules", *full))
    report: dict[str, Any] = {"full": {"counts": full[1], "kinds": {f"{t}/{k}": v for (t, k), v in full[0].items()}}}
    if args.cv:
        rows = json.loads(args.cv.read_text(encoding="utf-8"))
        single = [r["key"] for r in rows if r["groups_plus"] <= 1 and r["net"] > 0]
        with ExitStack() as stack:
            for key in single:
                stack.enter_context(ablated(key))
            out = run(items, stage, docs, tb)
        print(f"\n{len(single)} rules help one group only: switched off")
        print(table("TimeBank dev, out of article", *out))
        report["out_of_article"] = {"switched_off": single, "counts": out[1],
                                    "kinds": {f"{t}/{k}": v for (t, k), v in out[0].items()}}
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
