"""Move real-page times gold rows to the convention of round 27 (times20): "il y a trois ans" and
"trois jours plus tard" mark the DURATION of the amount alone, the signal left out, as the French
TimeBank dev articles mark them.

Run by script over a gold file, the test part included, so that no row is read by eye: each row
whose wording is a signal ("il y a", "voilà", "voici") before an amount, or an amount before
"plus tard", "plus tôt", "auparavant" or "après", is cut to the amount and becomes a DURATION with
the amount's value (P3Y, P2W, PT5H; PXY for "quelques années"). Only page ids, old and new types
and values are printed, never the page's words. A row whose amount is not a number and a unit
is left as it is and counted.

    python tools/real_pages/times_ago_convert.py tests/data/real_pages/times_test.jsonl [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.real_pages.view import view_lines  # noqa: E402

NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
           "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
           "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
           "soixante": 60, "cent": 100}
VAGUE = {"quelques", "plusieurs"}
UNITS = {"an": "Y", "ans": "Y", "année": "Y", "années": "Y", "mois": "M", "semaine": "W",
         "semaines": "W", "jour": "D", "jours": "D", "heure": "H", "heures": "H", "minute": "MIN",
         "minutes": "MIN", "décennie": "DE", "décennies": "DE", "siècle": "CE", "siècles": "CE"}
LEAD = re.compile(r"^(?:il\s+y\s+a|voilà|voici)\s+(?:(?:seulement|encore|déjà|juste|bien)\s+)?", re.I)
TRAIL = re.compile(r"\s+(?:plus\s+tard|plus\s+tôt|auparavant|après)[\s,.]*$", re.I)
ROUND = {"huitaine": 8, "dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "centaine": 100}
HEDGE = re.compile(r"^(?:plus\s+de|moins\s+de|près\s+de|environ|à\s+peu\s+près|presque)\s+", re.I)


def amount_value(amount: str) -> str | None:
    """The TIMEX3 value of "trois ans", "15 jours", "quelques heures", "une quinzaine de jours",
    "un an ou deux"; None for anything else."""
    words = HEDGE.sub("", amount.strip().lower().replace("’", "'")).split()
    if len(words) == 4 and words[2] == "ou" and words[1] in UNITS:
        words = ["quelques", words[1]]  # "un an ou deux": a vague count of the unit
    if len(words) > 1 and words[0] in ("une", "un") and words[1] in ROUND:
        words = words[1:]  # "une quinzaine de jours"
    if len(words) == 3 and words[0] in ROUND and words[1] in ("de", "d'") and words[2] in UNITS:
        words = [str(ROUND[words[0]]), words[2]]
    elif len(words) == 3 and words[0] in ROUND and words[1].startswith("d'"):
        words = [str(ROUND[words[0]]), words[1][2:]]
    if len(words) != 2 or words[1] not in UNITS:
        return None
    count, unit = words[0], UNITS[words[1]]
    n = "X" if count in VAGUE else str(NUMBERS[count]) if count in NUMBERS else count if count.isdigit() else None
    if n is None:
        return None
    if unit == "MIN":
        return f"PT{n}M"
    if unit == "H":
        return f"PT{n}H"
    if unit == "DE":
        return f"P{n}0Y" if n != "X" else "PXDE"
    if unit == "CE":
        return f"P{n}00Y" if n != "X" else "PXCE"
    return f"P{n}{unit}"


def _chars(item: dict, lines: list[str]) -> tuple[str, list[list[int]]]:
    """The span's text, its lines joined by one space, and the [line, col] of every character
    (a joining space takes the place just after the line it follows)."""
    (l1, c1), (l2, c2) = item["start"], item["end"]
    text, where = "", []
    for n in range(l1, l2 + 1):
        line = lines[n - 1]
        a, b = (c1 if n == l1 else 0), (c2 if n == l2 else len(line))
        if n > l1:
            text += " "
            where.append([n - 1, len(lines[n - 2])])
        text += line[a:b]
        where += [[n, c] for c in range(a, b)]
    return text, where


def converted(item: dict, lines: list[str]) -> dict | None:
    """The row in the new convention, or None when it is not of the form."""
    if item.get("type", "DATE") not in ("DATE", "DURATION"):
        return None
    text, where = _chars(item, lines)
    lead, trail = LEAD.match(text), TRAIL.search(text)
    if not lead and not trail:
        return None
    a = lead.end() if lead else 0
    b = trail.start() if trail else len(text)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    value = amount_value(text[a:b])
    if value is None or a >= b:
        return None
    end_line, end_col = where[b - 1]
    out = {k: v for k, v in item.items() if k != "accept"}
    out.update(start=list(where[a]), end=[end_line, end_col + 1], type="DURATION", value=value)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--write", action="store_true", help="rewrite the file (else counts only)")
    a = ap.parse_args(argv)
    rows = [json.loads(x) for x in a.gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    changed = 0
    for row in rows:
        lines = view_lines(row["page"])
        for i, item in enumerate(row["times"]):
            new = converted(item, lines)
            if new and new != item:
                changed += 1
                print(f"{row['page']}: {item.get('type', 'DATE')} {item.get('value')} -> DURATION {new['value']}")
                row["times"][i] = new
    print(f"{changed} rows changed")
    if a.write:
        a.gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
