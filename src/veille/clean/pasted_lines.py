"""A pasted article's short lines made readable for the stamp readers, as a dump's units are.

The dump reader writes each unit's glued or short dates in full before reading it ("Publié2 mars
2023" -> "Publié 2 mars 2023", "mar 20 Juin 17", "14/05/23 à 08:40": ``clean/dump.py`` units) and
reads a stamp line without the comma between its month and year ("Lundi, 24 Octobre, 2016":
``stamps.stamp_text``). A text copied by hand (headline, byline, body) is read line by line by
``clean_lines``, which saw none of that: the same byline dated the dump and left the pasted copy
undated. Issue 11, round 25 (``bench/page_perturb.py``, variant ``paste``). Only short lines are
touched (a stamp's few words); a paragraph stays as written.
"""

from __future__ import annotations

from veille.clean.short_years import full_years
from veille.clean.stamps import expand_short_year, stamp_text, unglue_dates

PASTED_STAMP_MAX_WORDS = 16  # a byline or stamp line with its author, hour and update; no paragraph


def readable_stamps(lines: list[str]) -> list[str]:
    """``lines`` with each short one's dates written as the dump reader writes them."""
    out = []
    for line in lines:
        if not any(c.isdigit() for c in line) or len(line.split()) > PASTED_STAMP_MAX_WORDS:
            out.append(line)
            continue
        margin = line[:len(line) - len(line.lstrip())]
        text = stamp_text(full_years(expand_short_year(unglue_dates(" ".join(line.split())))))
        out.append(margin + text)
    return out
