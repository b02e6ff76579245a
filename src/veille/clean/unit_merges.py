"""Units a template set apart that the page reads as one: a date given as day, month and year
items, a label ("Publié le :") with its value on the next block."""
from __future__ import annotations

import re

from veille.clean.dump import Unit
from veille.clean.text import words
from veille.common.dates import find_date_in_line, month_number

TEXT_UNITS = frozenset({"text", "heading"})
_LABEL = re.compile(r"^[^.!?]{1,40}:\s*$")  # "Publié le :", "Mis à jour :" (value on the next line)
_DAY_PART = re.compile(r"^(?:[0-3]?\d(?:er)?|[A-Za-zÀ-ÿ]{3,10}\.?)$")


def _merge_split_dates(us: list[Unit]) -> list[Unit]:
    """"12", "mars", "2023" on three items (a template setting day, month and year apart): one
    unit "12 mars 2023", so that the date reads as one."""
    out: list[Unit] = []
    i = 0
    while i < len(us):
        trio = us[i:i + 3] if us[i].text[:1].isdigit() else ()  # (a day first: most units are not)
        if len(trio) == 3 and all(len(words(u.text)) == 1 for u in trio) \
                and _DAY_PART.match(trio[0].text) and month_number(trio[1].text) \
                and re.fullmatch(r"(?:19|20)\d\d", trio[2].text):
            out.append(Unit(" ".join(u.text for u in trio), "text", trio[0].first, trio[0].indent))
            i += 3
            continue
        out.append(us[i])
        i += 1
    return out


def merge_labels(us: list[Unit]) -> list[Unit]:
    """"Publié le :" then "Samedi 3 mars 2016 - 12:43" on the next block: one unit, as on the page.
    A date whose day, month and year stand on separate items is one unit too."""
    us = _merge_split_dates(us)
    out: list[Unit] = []
    for u in us:
        prev = out[-1] if out else None
        if prev is not None and prev.kind in TEXT_UNITS and u.kind in TEXT_UNITS and ":" in prev.text \
                and _LABEL.match(prev.text) \
                and len(words(u.text)) <= 10 and find_date_in_line(u.text):
            out[-1] = Unit(f"{prev.text} {u.text}", prev.kind, prev.first, prev.indent)
            continue
        out.append(u)
    return out
