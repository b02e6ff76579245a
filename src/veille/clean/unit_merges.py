"""Units a template set apart that the page reads as one: a date given as day, month and year
items, a label ("Publié le :") with its value on the next block, a byline whose label, author,
separator and date stand on lines of their own ("Par" / "Jeanne Dumas" / "-" / "mar 20 Juin 2017")."""
from __future__ import annotations

import re
from functools import lru_cache

from veille.clean.cues import boilerplate_cues
from veille.clean.dump import Unit
from veille.clean.stamps import opens_on_stamp_cue
from veille.clean.text import normalize_line, word_count
from veille.common.dates import find_date_in_line, month_number

TEXT_UNITS = frozenset({"text", "heading"})
_LABEL = re.compile(r"^[^.!?]{1,40}:\s*$")  # "Publié le :", "Mis à jour :" (value on the next line)
_DAY_PART = re.compile(r"^(?:[0-3]?\d(?:er)?|[A-Za-zÀ-ÿ]{3,10}\.?)$")
_SEPARATOR = re.compile(r"^[-–—|•·/]$")
_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s+[\w'’.-]+){0,3}$")  # "Mydigitalweek", "Léa Roy", "Jean de La Lande"
BYLINE_DATE_MAX_WORDS = 8
CUED_LABEL_MAX_WORDS = 8


@lru_cache(maxsize=1)
def _byline_labels() -> frozenset[str]:
    """The byline cues of ``lexicons/boilerplate.tsv`` ("par", "texte par", "propos recueillis
    par"), without a closing colon: a unit that is one of them alone is a byline's label."""
    return frozenset(c.text.rstrip(" :") for c in boilerplate_cues() if c.kind == "byline")


def _merge_split_bylines(us: list[Unit]) -> list[Unit]:
    """"Par" / "Jeanne Dumas" / "-" / "mar 20 Juin 2017" on four lines (a template printing the
    label, the author and the date as separate items): one unit "Par Jeanne Dumas - mar 20 Juin
    2017", a byline as the page shows it."""
    out: list[Unit] = []
    i = 0
    while i < len(us):
        u = us[i]
        nxt = us[i + 1] if i + 1 < len(us) else None
        if u.kind in TEXT_UNITS and nxt is not None and nxt.kind in TEXT_UNITS and len(u.text) <= 24 \
                and normalize_line(u.text).rstrip(" :") in _byline_labels() and _NAME.match(nxt.text):
            parts, k = [u.text, nxt.text], i + 2
            if k + 1 < len(us) and _SEPARATOR.match(us[k].text) and us[k + 1].kind in TEXT_UNITS:
                k += 1  # (the separator is kept only with the date after it)
            if k < len(us) and us[k].kind in TEXT_UNITS and word_count(us[k].text) <= BYLINE_DATE_MAX_WORDS \
                    and (p := find_date_in_line(us[k].text)) is not None and p.year:
                parts += [x.text for x in us[i + 2:k + 1]]
                k += 1
            else:
                k = i + 2
            out.append(Unit(" ".join(parts), u.kind, u.first, u.indent))
            i = k
            continue
        out.append(u)
        i += 1
    return out


def _merge_split_dates(us: list[Unit]) -> list[Unit]:
    """"12", "mars", "2023" on three items (a template setting day, month and year apart): one
    unit "12 mars 2023", so that the date reads as one."""
    out: list[Unit] = []
    i = 0
    while i < len(us):
        trio = us[i:i + 3] if us[i].text[:1].isdigit() else ()  # (a day first: most units are not)
        if len(trio) == 3 and all(word_count(u.text) == 1 for u in trio) \
                and _DAY_PART.match(trio[0].text) and month_number(trio[1].text) \
                and re.fullmatch(r"(?:19|20)\d\d", trio[2].text):
            out.append(Unit(" ".join(u.text for u in trio), "text", trio[0].first, trio[0].indent))
            i += 3
            continue
        out.append(us[i])
        i += 1
    return out


@lru_cache(maxsize=16384)  # (a site's menus and footers come again on each of its pages)
def _cued_label(text: str) -> bool:
    """"Publié dans l'édition n° 6", "Mis en ligne": a short line opening on a publication cue
    and giving no date, whose date the next line prints (a cue inside the line, "Article publié
    dans …", opens a sentence as often as a label)."""
    return word_count(text) <= CUED_LABEL_MAX_WORDS and opens_on_stamp_cue(text) and find_date_in_line(text) is None


def merge_labels(us: list[Unit]) -> list[Unit]:
    """"Publié le :" then "Samedi 3 mars 2016 - 12:43" on the next block: one unit, as on the page.
    A date whose day, month and year stand on separate items is one unit too, and a byline set
    over separate items."""
    us = _merge_split_bylines(_merge_split_dates(us))
    out: list[Unit] = []
    for u in us:
        prev = out[-1] if out else None
        if prev is not None and prev.kind in TEXT_UNITS and u.kind in TEXT_UNITS \
                and (":" in prev.text and _LABEL.match(prev.text) or _cued_label(prev.text)) \
                and word_count(u.text) <= 10 and find_date_in_line(u.text):
            out[-1] = Unit(f"{prev.text} {u.text}", prev.kind, prev.first, prev.indent)
            continue
        out.append(u)
    return out
