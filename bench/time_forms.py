"""The rewrites of ``bench/times_perturb.py``: one gold time expression into another form of its value.

Each variant is a function (gold text, type, value, article date) → (new text, new value) or None
(the variant does not apply); ``shift±k`` keep the text and recompute the value for a moved article
date. ``rewrite_doc`` applies a variant to every gold item of a document, the offsets moving along.
Every inserted word is a French date or number word; nothing is copied from a page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from time_anchor_forms import VARIANTS as ANCHOR_VARIANTS
from time_anchor_forms import anchor_doc

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
ABBREV = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
NUMBER_WORDS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix",
                11: "onze", 12: "douze", 13: "treize", 14: "quatorze", 15: "quinze", 16: "seize", 17: "dix-sept",
                18: "dix-huit", 19: "dix-neuf", 20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante",
                60: "soixante", 100: "cent"}
WORD_NUMBERS = {w: n for n, w in NUMBER_WORDS.items()}

_MONTH_RE = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre" \
            r"|janv\.|f[ée]vr\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\.)"
_WEEKDAY_RE = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
EXPLICIT_DAY = re.compile(rf"(?:{_WEEKDAY_RE}\s+)?(?:\d{{1,2}}|1er)\s+{_MONTH_RE}(?:\s+(?:\d{{4}}|['’]?\d{{2}})(?!\d))?"
                          r"(?:\s+(?:dernier|prochain|passé)s?\b)?"
                          r"|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b", re.I)
CLOCK = re.compile(r"\b\d{1,2}\s*(?:heures?|h)(?:\s*\d{2}\b)?|\b\d{1,2}:\d{2}\b", re.I)
_UNIT_RE = r"(?:jours?|semaines?|mois|ans|années?|heures?|minutes?|secondes?|siècles?|décennies?)"
COUNT = re.compile(rf"(?<![\w-])(\d{{1,3}}|{'|'.join(sorted(WORD_NUMBERS, key=len, reverse=True))})\s+({_UNIT_RE})\b", re.I)
MONTH_YEAR = re.compile(rf"(?<![\d\w])({_MONTH_RE})(\s+(?:\d{{4}}|'?\d{{2}}|dernier|passé|prochain))?(?![\w])", re.I)
DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(.*)$")
CLOCK_VALUE = re.compile(r"T(\d{2}):(\d{2})")

Rewrite = tuple[str, str]


def _day(value: str | None) -> tuple[dt.date, str] | None:
    m = DAY_VALUE.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])), m[4]
    except ValueError:
        return None


def _article(date: str) -> dt.date | None:
    got = _day((date or "")[:10])
    return got[0] if got else None


def _first(day: int) -> str:
    return "1er" if day == 1 else str(day)


DAY_FORMS: dict[str, Callable[[dt.date, dt.date], str | None]] = {
    "date-long": lambda d, a: f"{_first(d.day)} {MONTHS[d.month - 1]} {d.year}",
    "date-weekday": lambda d, a: f"{WEEKDAYS[d.weekday()]} {_first(d.day)} {MONTHS[d.month - 1]}"
                                 + ("" if d.year == a.year else f" {d.year}"),
    "date-yearless": lambda d, a: f"{_first(d.day)} {MONTHS[d.month - 1]}" if d.year == a.year else None,
    "date-slash": lambda d, a: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "date-slash-short": lambda d, a: f"{d.day}/{d.month}/{d.year % 100:02d}",
    "date-dots": lambda d, a: f"{d.day}.{d.month}.{d.year}",
    "date-abbrev": lambda d, a: (f"{_first(d.day)} {ABBREV[d.month - 1]}" + ("" if d.year == a.year else f" {d.year}"))
    if ABBREV[d.month - 1] != MONTHS[d.month - 1] else None,
}


def day_form(name: str) -> Callable[[str, str, str, str], Rewrite | None]:
    def rewrite(text: str, kind: str, value: str, date: str) -> Rewrite | None:
        got, article = _day(value), _article(date)
        m = EXPLICIT_DAY.search(text)
        if kind not in ("DATE", "TIME") or not got or not article or not m:
            return None
        new = DAY_FORMS[name](got[0], article)
        if new is None or new == m.group(0) or re.search(r"\d", text[:m.start()] + text[m.end():]):
            return None  # another number in the expression: a range or a list, left as written
        return text[:m.start()] + new + text[m.end():], value
    return rewrite


def _clock_words(hour: int, minute: int) -> str | None:
    if not 1 <= hour <= 23 or hour == 12:
        return None
    part = "du matin" if hour < 12 else "de l'après-midi" if hour < 18 else "du soir"
    h = hour if hour < 12 else hour - 12
    return f"{h} heure{'s' if h > 1 else ''}" + (f" {minute:02d}" if minute else "") + f" {part}"


CLOCK_FORMS: dict[str, Callable[[int, int], str | None]] = {
    "clock-heures": lambda h, m: f"{h} heure{'s' if h > 1 else ''}" + (f" {m:02d}" if m else ""),
    "clock-h": lambda h, m: f"{h}h" + (f"{m:02d}" if m else ""),
    "clock-h00": lambda h, m: f"{h} h {m:02d}",
    "clock-colon": lambda h, m: f"{h}:{m:02d}",
    "clock-words": _clock_words,
}


def clock_form(name: str) -> Callable[[str, str, str, str], Rewrite | None]:
    def rewrite(text: str, kind: str, value: str, date: str) -> Rewrite | None:
        v = CLOCK_VALUE.search(value or "")
        m = CLOCK.search(text)
        if kind != "TIME" or not v or not m or re.search(r"\b(?:du matin|du soir|de l'après-midi)\b", text):
            return None
        new = CLOCK_FORMS[name](int(v[1]), int(v[2]))
        if new is None or new == m.group(0):
            return None
        return text[:m.start()] + new + text[m.end():], value
    return rewrite


def count_form(digits: bool) -> Callable[[str, str, str, str], Rewrite | None]:
    def rewrite(text: str, kind: str, value: str, date: str) -> Rewrite | None:
        m = COUNT.search(text)
        if not m:
            return None
        number = m[1].lower()
        if digits and number in WORD_NUMBERS:
            new = str(WORD_NUMBERS[number])
        elif not digits and number.isdigit() and int(number) in NUMBER_WORDS:
            new = NUMBER_WORDS[int(number)]
        else:
            return None
        return text[:m.start(1)] + new + text[m.end(1):], value
    return rewrite


def hier_veille(text: str, kind: str, value: str, date: str) -> Rewrite | None:
    m = re.search(r"(?<![\w-])(h)ier\b", text, re.I)
    if not m:
        return None
    new = "La veille" if m[1] == "H" else "la veille"
    return text[:m.start()] + new + text[m.end():], value


def _month_value(value: str) -> tuple[int, int] | None:
    m = re.match(r"^(\d{4})-(\d{2})$", value or "")
    return (int(m[1]), int(m[2])) if m else None


def month_form(dernier: bool) -> Callable[[str, str, str, str], Rewrite | None]:
    def rewrite(text: str, kind: str, value: str, date: str) -> Rewrite | None:
        ym, article = _month_value(value), _article(date)
        m = MONTH_YEAR.search(text)
        if kind != "DATE" or not ym or not article or not m or re.search(r"\d{1,2}\s+$", text[:m.start()]):
            return None
        month = MONTHS[ym[1] - 1]
        if dernier:
            back = (article.year - ym[0]) * 12 + article.month - ym[1]
            if not 1 <= back <= 11 or (m[2] or "").strip().lower() in ("dernier", "passé") \
                    or (m[2] or "").strip().lstrip("'").isdigit() and len(m[2].strip().lstrip("'")) == 2:
                return None
            new = f"{month} dernier"
        else:
            if (m[2] or "").strip().lstrip("'").isdigit():
                return None
            new = f"{month} {ym[0]}"
        return text[:m.start()] + new + text[m.end():], value
    return rewrite


_ANAPHORIC = re.compile(r"veille|-là|même|lendemain|suivant|précédent|même jour|ce jour-là|plus tard|plus tôt|auparavant|avant|après",
                        re.I)
_DEICTIC = re.compile(r"hier|demain|aujourd|maintenant|actuel|ce matin|ce soir|cette nuit|cet après-midi|il y a"
                      r"|dernier|dernière|prochain|prochaine|\bcette\b|\bce\b|\bcet\b|cela fait|ça fait|en cours"
                      r"|courant|passé", re.I)
_YEARLESS_NAMED = re.compile(rf"{_MONTH_RE}|\b\d{{1,2}}[/.]\d{{1,2}}\b|noël|pâques|été|hiver|printemps|automne", re.I)


def _shift_year_parts(value: str, old: dt.date, new: dt.date) -> str | None:
    """A deictic value of a week, month or year, moved as the article's date moved."""
    m = re.match(r"^(\d{4})-W(\d{2})(.*)$", value)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        weeks = (new - dt.timedelta(days=new.weekday()) - (old - dt.timedelta(days=old.weekday()))).days // 7
        y, w, _ = (monday + dt.timedelta(weeks=weeks)).isocalendar()
        return f"{y}-W{w:02d}{m[3]}"
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m:
        months = int(m[1]) * 12 + int(m[2]) - 1 + (new.year - old.year) * 12 + new.month - old.month
        return f"{months // 12}-{months % 12 + 1:02d}"
    m = re.match(r"^(\d{4})(.*)$", value)
    if m and (not m[2] or re.match(r"^-(?:Q\d|H\d|SP|SU|FA|WI)$", m[2])):
        if m[2] and (new.month - 1) // 3 != (old.month - 1) // 3:
            return None
        return f"{int(m[1]) + new.year - old.year}{m[2]}"
    return None


def shift_value(text: str, kind: str, value: str, old: dt.date, new: dt.date) -> str | None | bool:
    """The gold value under the moved article date: a string, ``False`` when unchanged, ``None``
    when it cannot be told (the item becomes optional)."""
    if kind in ("DURATION", "SET") or not value or not value[:1].isdigit():
        return False
    if re.search(r"\b\d{4}\b", text):
        return False
    if _YEARLESS_NAMED.search(text):
        return False if new.year == old.year else None
    if _ANAPHORIC.search(text):
        return None
    got = _day(value)
    weekday = re.search(_WEEKDAY_RE, text, re.I)
    if not weekday and not _DEICTIC.search(text):
        return None  # a clock or part of day anchored on the narrative's day, not the article's
    if weekday and re.search(rf"{_WEEKDAY_RE}\s+(?:1er|\d)", text, re.I):
        return False  # "jeudi 16": the day number fixes the day
    if got and weekday:
        day, rest = got
        wanted = WEEKDAYS.index(weekday.group(0).lower())
        offset = (day - old).days
        if new.weekday() == wanted:
            return None  # "ce vendredi" written on a Friday: that day or a week away
        if offset < 0:
            back = (new.weekday() - wanted) % 7 or 7
            moved = new - dt.timedelta(days=back)
        elif offset > 0:
            ahead = (wanted - new.weekday()) % 7 or 7
            moved = new + dt.timedelta(days=ahead)
        else:
            return None
        return moved.isoformat() + rest
    if got:
        day, rest = got
        return (day + (new - old)).isoformat() + rest
    return _shift_year_parts(value, old, new)


VARIANTS = ["as-given", *DAY_FORMS, *CLOCK_FORMS, "count-digits", "count-words", "hier-veille", "month-year",
            "month-dernier", "shift+3", "shift-4", *ANCHOR_VARIANTS]
REWRITES: dict[str, Callable[[str, str, str, str], Rewrite | None]] = {
    **{name: day_form(name) for name in DAY_FORMS}, **{name: clock_form(name) for name in CLOCK_FORMS},
    "count-digits": count_form(True), "count-words": count_form(False), "hier-veille": hier_veille,
    "month-year": month_form(False), "month-dernier": month_form(True),
}


def _full(doc: dict) -> str:
    return (doc["title"] + "\n\n" if doc["title"] else "") + doc["text"]


def rewrite_doc(doc: dict, variant: str) -> dict | None:
    """``doc`` with every gold item the variant applies to rewritten (``rewritten``: True, ``index``:
    its place in the original gold), or None when none applies."""
    if variant in ANCHOR_VARIANTS:
        new = anchor_doc(doc, variant, _full(doc))
        if new is None:
            return None
        full = new.pop("_full")
        title, text = (full.split("\n\n", 1) if doc["title"] else ("", full))
        return {**new, "title": title, "text": text}
    golds = [{**g, "index": i, "rewritten": False} for i, g in enumerate(doc["golds"])]
    if variant.startswith("shift"):
        old = _article(doc["date"])
        if not old:
            return None
        new = old + dt.timedelta(days=int(variant[5:]))
        changed = False
        for g in golds:
            moved = shift_value(g["text"], g["type"], g.get("value"), old, new)
            if moved is None:
                g["optional"] = True
            elif moved is not False and moved != g.get("value"):
                g.update(value=moved, accept=[a for a in g.get("accept", []) if not a[:1].isdigit()], rewritten=True)
                changed = True
        if not changed:
            return None
        return {**doc, "date": new.isoformat() + doc["date"][10:], "golds": golds}
    rewrite = REWRITES[variant]
    text = _full(doc)
    shift = 0
    out = []
    changed = False
    last_end = -1
    for g in sorted(golds, key=lambda g: g["begin"]):
        begin, finish = g["begin"] + shift, g["finish"] + shift
        if begin < last_end:  # inside an item already rewritten: its offsets are gone
            out.append({**g, "begin": begin, "finish": finish, "optional": True})
            continue
        source = text[begin:finish]
        got = None if g.get("optional") else rewrite(source, g["type"], g.get("value") or "", doc["date"])
        if got:
            new_text, value = got
            text = text[:begin] + new_text + text[finish:]
            shift += len(new_text) - (finish - begin)
            g = {**g, "text": new_text, "value": value, "rewritten": True}
            finish = begin + len(new_text)
            last_end = finish
            changed = True
        out.append({**g, "begin": begin, "finish": finish})
    if not changed:
        return None
    title, text = (text.split("\n\n", 1) if doc["title"] else ("", text))
    return {**doc, "title": title, "text": text, "golds": out}
