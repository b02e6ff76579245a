"""Date spans of French news text: the calendar expressions both the times and the quantities
stages must recognise (a day, a month, a year, a weekday, "hier", "le mois dernier"…).

The times stage resolves these matches to values and adds its own TimeML rules on top (clock
times, durations, sets); the quantities stage only needs to know where the dates are, so that
"le 24 mars" or "en 2022" is never read as a number. Keeping the matcher here keeps the two
stages from importing each other. Words come from ``lexicons/calendar.json`` and
``lexicons/time_expressions.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.common.lexicon import json_data
from veille.common.regexscan import with_first_chars

APOS = "['’]"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    cal = json_data("calendar.json")
    tex = json_data("time_expressions.json")
    return {**tex, "months": cal["months"], "weekdays": cal["weekdays"]}


def alternation(words: list[str]) -> str:
    """Regex alternation, longest first, apostrophes matching both forms."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        parts.append(re.escape(w).replace("'", APOS).replace(r"\ ", r"\s+"))
    return "|".join(parts)


class Patterns:
    """The compiled patterns, built once from the lexicons."""

    def __init__(self) -> None:
        lex = lexicon()
        self.months: dict[str, int] = lex["months"]
        self.weekdays: dict[str, int] = lex["weekdays"]
        text_months = alternation(lex["text_months"])
        # After a day number, dotted abbreviations of every language count too ("15 Mar.").
        day_months = alternation(lex["text_months"] + [k for k in self.months if k.endswith(".")])
        weekdays = alternation(lex["text_weekdays"])
        nl = r"(?![^\W\d_])"  # no letter follows
        alone = lex.get("relative_days_alone", {})
        self.rel_days = {self.key(k): v for k, v in {**lex["relative_days"], **alone}.items()}
        self.rel_months = {self.key(k): v for k, v in lex["relative_months"].items()}
        self.rel_years = {self.key(k): v for k, v in lex["relative_years"].items()}
        mods = alternation(lex["month_modifiers"])
        preps_m = alternation(lex["prepositions_before_month"])
        preps_y = alternation(lex["prepositions_before_year"])
        # "en mai dernier", "en juin prochain": only after a month without a year; plural after
        # two days ("les 6 et 13 avril prochains").
        post = rf"(?:(?<!\d)\s+(?P<post>derni(?:er|ère)s?|prochaine?s?|passée?s?){nl})?"
        not_wd = alternation(lex["weekday_names_not_times"])
        self.rules: list[tuple[str, re.Pattern[str]]] = [
            ("date", re.compile(
                rf"(?<![\w-])(?:le\s+)?(?:(?P<wd>{weekdays})\s+)?(?P<d>1er|[0-3]?\d)\s+(?P<m>{day_months})"
                rf"(?:(?<=\.)|{nl})(?:\s+(?P<y>(?:1[89]|20)\d\d)(?!\d))?{post}", re.I)),
            # "du 19 au 21 mai", "les 3 et 4 juin": the first day takes the month of the second
            # (the second is read by the rule above).
            ("date", re.compile(
                rf"(?<![\w-])(?:du|les|entre\s+le)\s+(?P<d>1er|[0-3]?\d)(?=\s+(?:au|et)\s+(?:le\s+)?"
                rf"(?:1er|[0-3]?\d)\s+(?P<m>{day_months})(?:(?<=\.)|{nl})(?:\s+(?P<y>(?:1[89]|20)\d\d)(?!\d))?)",
                re.I)),
            ("numeric", re.compile(
                r"(?<![\d/.\w])(?P<d>[0-3]?\d)([/.])(?P<mo>[01]?\d)\2(?P<y>(?:1[89]|20)\d\d)(?![\d/.]\d|\w)")),
            ("month", re.compile(
                rf"(?<![\w-])(?P<pre>(?:(?:depuis|dès|jusqu{APOS}(?:à|au|en)|avant|après)\s+)?"
                rf"(?:(?:le|la|au|à\s+la|du|de\s+la)\s+)?(?P<mod>{mods})(?:-|\s+)"
                rf"(?:(?:du\s+)?mois\s+(?:de\s+|d{APOS})|de\s+|d{APOS})?)"
                rf"(?P<m>{text_months}){nl}(?:\s+(?P<y>(?:1[89]|20)\d\d)(?!\d))?{post}", re.I)),
            ("month", re.compile(
                rf"(?<![\w-])(?P<pre>(?:(?:{preps_m})\s+)(?:(?:le|du|au)\s+mois\s+(?:de\s+|d{APOS}))?"
                rf"|(?:(?:le|au|du|ce)\s+mois\s+(?:de\s+|d{APOS})))"
                rf"(?P<m>{text_months}){nl}(?:\s+(?P<y>(?:1[89]|20)\d\d)(?!\d))?{post}", re.I)),
            ("month", re.compile(
                rf"(?<![\w-])(?P<pre>)(?P<m>{text_months})\s+(?P<y>(?:1[89]|20)\d\d)(?!\d)", re.I)),
            ("rel_month", re.compile(rf"(?<![\w-])(?:{alternation(lex['relative_months'])}){nl}", re.I)),
            ("rel_year", re.compile(rf"(?<![\w-])(?:{alternation(lex['relative_years'])}){nl}", re.I)),
            ("year", re.compile(
                rf"(?<![\w-])(?:{preps_y})\s*(?P<y>(?:1[89]|20)\d\d)(?![\d\w]|\s\d{{3}}(?!\d))", re.I)),
            ("rel_day", re.compile(rf"(?<![\w-])(?:{alternation(lex['relative_days'])}){nl}", re.I)),
            # "La veille, …": the day before the article's; "la veille du sommet" is another day's.
            ("rel_day", re.compile(rf"(?<![\w-])(?:{alternation(alone)}){nl}"
                                   rf"(?!\s+(?:(?:de|du|des|au|aux|où|que)(?![^\W\d_])|d{APOS}(?!ailleurs|abord)|qu{APOS}))", re.I)),
            ("vague", re.compile(rf"(?<![\w-])(?:{alternation(lex['vague'])}){nl}", re.I)),
            # "lundi soir", "samedi matin dernier": the part of the day belongs to the expression.
            ("weekday", re.compile(
                rf"(?<![\w-])(?:(?P<pre>ce|dès|depuis|jusqu{APOS}à)\s+)?(?P<wd>{weekdays})"
                rf"(?:\s+(?:{alternation(lex['day_parts'])}){nl})?"
                # "dimanche passé" as "dimanche dernier", not "un dimanche passé à la pêche".
                rf"(?:\s+(?P<post>dernier|prochain|passé(?!\s+(?:à|au|aux|en|chez|avec|sur|dans){nl})))?"
                rf"{nl}(?!\s+(?:{not_wd}){nl})", re.I)),
        ]
        # Each opened with a look-ahead on its first characters: the same matches, found faster
        # (``regexscan``; case-insensitive lookbehind-first patterns get no fast skip from ``re``).
        self.rules = [(kind, with_first_chars(rx)) for kind, rx in self.rules]
        self.cue_future = re.compile(rf"(?<![\w-])(?:{alternation(lex['cues_before_future'])})\s*$", re.I)
        self.cue_past = re.compile(rf"(?<![\w-])(?:{alternation(lex['cues_before_past'])})\s*$", re.I)
        # Cheap gates: a rule runs only when one of its words is in the text (plain substring
        # tests are ~100x cheaper than scanning the text with the rule itself).
        def longest_words(phrases) -> tuple[str, ...]:
            return tuple({max(self.key(p).split(), key=len) for p in phrases})

        months_lc = tuple(self.key(m) for m in lex["text_months"])
        self.gates: dict[str, tuple[str, ...] | re.Pattern[str]] = {
            "date": tuple(self.key(m) for m in list(lex["text_months"]) + [k for k in self.months if k.endswith(".")]),
            "month": months_lc,
            "rel_month": longest_words(lex["relative_months"]),
            "rel_year": longest_words(lex["relative_years"]),
            "year": re.compile(r"\d{4}"),
            "numeric": re.compile(r"\d[/.][01]?\d[/.]"),
            "rel_day": longest_words(list(lex["relative_days"]) + list(alone)),
            "vague": longest_words(lex["vague"]),
            "weekday": tuple(self.key(w) for w in lex["text_weekdays"]),
        }
        self.future_endings = tuple(lex["future_endings"])
        self.imperfect_endings = tuple(lex["imperfect_endings"])
        self.future_aux = set(lex["future_auxiliaries"])
        self.past_aux = set(lex["past_auxiliaries"])
        self.past_cues = set(lex["past_cues"])
        self.future_cues = {self.key(c) for c in lex["future_cues"]}

    @staticmethod
    def key(text: str) -> str:
        return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()

    def month_of(self, word: str) -> int | None:
        return self.months.get(self.key(word))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return Patterns()


@dataclass
class Match:
    kind: str
    start: int
    end: int
    groups: dict[str, str | None]
    text: str


@lru_cache(maxsize=16)
def find_matches(text: str) -> tuple[Match, ...]:
    """Non-overlapping time expressions in text: earliest first, longest on ties.

    Cached: the times and quantities stages both read the same article text.
    """
    pats = patterns()
    found: list[Match] = []
    low = text.lower().replace("’", "'")
    for kind, rx in pats.rules:
        gate = pats.gates[kind]
        if isinstance(gate, tuple) and not any(w in low for w in gate):
            continue
        if isinstance(gate, re.Pattern) and not gate.search(text):
            continue
        for m in rx.finditer(text):
            found.append(Match(kind, m.start(), m.end(), m.groupdict(), m.group(0)))
    found = [m for m in found if not (m.kind == "year" and counted_year(text, m.end))]
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Match] = []
    last_end = -1
    for m in found:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return tuple(out)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return (frozenset(json_data("function_words.json")["fr"]) | {"à", "en", "de", "la", "un", "une", "lorsque", "quand", "puis"}
            | frozenset(lexicon().get("words_after_year_not_counted", ())))


def counted_year(text: str, end: int) -> bool:
    """'de 2000 soldats' counts soldiers: a year-like number (ending at ``end``) before a plural
    content word."""
    nxt = re.match(r"[\s\u00a0\u202f]+([^\W\d_]+)", text[end:end + 40])
    word = nxt.group(1) if nxt else ""
    return bool(word and word[0].islower() and word.endswith(("s", "x")) and word not in _function_words())


_CALENDAR = re.compile(r"^(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?")


def calendar_date(value: str | None, kind: str | None = "DATE") -> str | None:
    """The calendar part of a TIMEX3 value, for what needs a date (an event's date, a timeline).

    A DATE or TIME keeps its year, month and day ("2022-04-05T14:00" and "2022-04-05TEV" give
    "2022-04-05"; an undated article's "XXXX-04-05" stays as it is); a DURATION, a SET, a reference ("PRESENT_REF"), a week ("2022-W14"), a season
    ("2022-SU"), a quarter, a decade or a century is no date and gives None.
    """
    if not value or (kind or "DATE") not in ("DATE", "TIME"):
        return None
    m = _CALENDAR.match(value)
    if not m:
        return None
    rest = value[m.end():]
    if rest and not rest.startswith("T"):
        return None
    return m.group(0)
