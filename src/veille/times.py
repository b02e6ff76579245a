"""Times: date expressions of the title, the body and the dateline, normalised to ISO values.

Everything is resolved against the article's own date (``published``, else the dateline's date):

* ``le 24 mars`` / ``6 avr.`` / ``mardi 15 mars 2022``: a full date. Without a year, the year of the
  article, moved one year back when a past-tense verb points before the article date (or one year
  on for a future tense), or when the date lies more than ~7 months from the article date.
* ``fin février``, ``début mars``, ``depuis le début du mois de mars``, ``en juin``: month
  precision, ``YYYY-MM``; the most recent such month for a past tense or a bare mention, the next
  one for a future tense.
* ``mercredi``, ``ce vendredi``, ``lundi dernier``, ``samedi soir``: news usage. A past tense means the most recent
  such day on or before the article date, a future tense the next one on or after it, a present
  tense or no verb the nearest one; the article's own weekday is the article date. A weekday needs
  an article dated to the day: with only a month (``2022-11``) or no date the value is ``null``
  (documented choice: a month value would be a guess of the week).
* ``hier``, ``demain``, ``l'an dernier``, ``le mois prochain``: offsets from the article date.
* ``la semaine dernière``, ``ces derniers jours``, ``quelques jours auparavant``: vague periods,
  emitted with value ``null`` (ISO weeks are not part of the record's value forms).
* In an undated article a day-month gives ``XXXX-MM-DD`` and a month ``XXXX-MM``.
* ``24/02/2022``, ``24.02.2022``: numeric dates; ``du 19 au 21 mai``: the first day takes the
  second's month; ``le 24 février dernier`` / ``le 3 mai prochain``: strictly before / after.
* Cue words before a date fix its direction when the verb does not: ``depuis`` (past), ``pour``,
  ``d'ici``, ``dès``, ``jusqu'à`` (future).

The dateline's date text (``6 avr.`` in ``BRUXELLES, 6 avr. (X) –``) is not in ``nlp_text()`` (the
clean stage moves the dateline out of the paragraphs); it is added first, with ``start``/``end``
``None``. Times inside foreign passages are left out. The same text with the same value is emitted
once; every occurrence's ``[start, end]`` is kept in ``spans``.

Matching is regex over ``doc.text`` (the shared parse); the parse is only read for the tense of the
verb a weekday or month depends on. Words come from ``lexicons/calendar.json`` and
``lexicons/time_expressions.json``.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from veille.model import Article, TimeExpr

LEXICONS = Path(__file__).parent / "lexicons"
APOS = "['’]"


@dataclass(frozen=True)
class Reference:
    """The article's own date: year/month/day, each None when unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Reference:
        m = re.match(r"^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
        if not m:
            return cls()
        year = int(m.group(1)) if m.group(1).isdigit() else None
        return cls(year, int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    cal = json.loads((LEXICONS / "calendar.json").read_text(encoding="utf-8"))
    tex = json.loads((LEXICONS / "time_expressions.json").read_text(encoding="utf-8"))
    return {**tex, "months": cal["months"], "weekdays": cal["weekdays"]}


def _alt(words) -> str:
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
        text_months = _alt(lex["text_months"])
        # After a day number, dotted abbreviations of every language count too ("15 Mar.").
        day_months = _alt(lex["text_months"] + [k for k in self.months if k.endswith(".")])
        weekdays = _alt(lex["text_weekdays"])
        nl = r"(?![^\W\d_])"  # no letter follows
        alone = lex.get("relative_days_alone", {})
        self.rel_days = {self.key(k): v for k, v in {**lex["relative_days"], **alone}.items()}
        self.rel_months = {self.key(k): v for k, v in lex["relative_months"].items()}
        self.rel_years = {self.key(k): v for k, v in lex["relative_years"].items()}
        mods = _alt(lex["month_modifiers"])
        preps_m = _alt(lex["prepositions_before_month"])
        preps_y = _alt(lex["prepositions_before_year"])
        # "en mai dernier", "en juin prochain": only after a month without a year.
        post = rf"(?:(?<!\d)\s+(?P<post>derni(?:er|ère)|prochaine?|passée?){nl})?"
        not_wd = _alt(lex["weekday_names_not_times"])
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
            ("rel_month", re.compile(rf"(?<![\w-])(?:{_alt(lex['relative_months'])}){nl}", re.I)),
            ("rel_year", re.compile(rf"(?<![\w-])(?:{_alt(lex['relative_years'])}){nl}", re.I)),
            ("year", re.compile(
                rf"(?<![\w-])(?:{preps_y})\s*(?P<y>(?:1[89]|20)\d\d)(?![\d\w]|\s\d{{3}}(?!\d))", re.I)),
            ("rel_day", re.compile(rf"(?<![\w-])(?:{_alt(lex['relative_days'])}){nl}", re.I)),
            # "La veille, …": the day before the article's; "la veille du sommet" is another day's.
            ("rel_day", re.compile(rf"(?<![\w-])(?:{_alt(alone)}){nl}"
                                   rf"(?!\s+(?:de|du|des|d{APOS}|au|aux|où|que|qu{APOS})(?![^\W\d_]))", re.I)),
            ("vague", re.compile(rf"(?<![\w-])(?:{_alt(lex['vague'])}){nl}", re.I)),
            # "lundi soir", "samedi matin dernier": the part of the day belongs to the expression.
            ("weekday", re.compile(
                rf"(?<![\w-])(?:(?P<pre>ce|dès|depuis|jusqu{APOS}à)\s+)?(?P<wd>{weekdays})"
                rf"(?:\s+(?:{_alt(lex['day_parts'])}){nl})?"
                rf"(?:\s+(?P<post>dernier|prochain))?{nl}(?!\s+(?:{not_wd}){nl})", re.I)),
        ]
        self.cue_future = re.compile(rf"(?<![\w-])(?:{_alt(lex['cues_before_future'])})\s*$", re.I)
        self.cue_past = re.compile(rf"(?<![\w-])(?:{_alt(lex['cues_before_past'])})\s*$", re.I)
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
    found = [m for m in found if not (m.kind == "year" and _counted_year(text, m))]
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
    data = json.loads((LEXICONS / "function_words.json").read_text(encoding="utf-8"))
    return frozenset(data["fr"]) | {"à", "en", "de", "la", "un", "une", "lorsque", "quand", "puis"}


def _counted_year(text: str, m: Match) -> bool:
    """'de 2000 soldats' counts soldiers: a year-like number before a plural content word."""
    nxt = re.match(r"[\s\u00a0\u202f]+([^\W\d_]+)", text[m.end:m.end + 40])
    word = nxt.group(1) if nxt else ""
    return bool(word and word[0].islower() and word.endswith(("s", "x")) and word not in _function_words())


# -- resolution ------------------------------------------------------------------------------

def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def resolve_day_month(day: int, month: int, year: int | None, ref: Reference,
                      tense: str | None = None) -> str | None:
    """A day and month (maybe a year) as ISO, the year chosen against the article's date."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        if ref.year is None:
            return f"XXXX-{month:02d}-{day:02d}" if day <= _calendar.monthrange(2000, month)[1] else None
        year = ref.year
        if ref.month is not None:
            # Days from the article date (mid-month when only the month is known) to the
            # candidate in the article's year; Feb 29 is measured as Feb 28.
            anchor = dt.date(ref.year, ref.month, min(ref.day or 15, _calendar.monthrange(ref.year, ref.month)[1]))
            gap = (dt.date(year, month, min(day, _calendar.monthrange(year, month)[1])) - anchor).days
            if tense == "past" and gap > 7:
                year -= 1
            elif tense == "future" and gap < -7:
                year += 1
            # A bare date in news is mostly past: far ahead means last year, but a date nearly a
            # year back (a January date in a late-December article) means the coming one.
            elif tense is None and gap > 120:
                year -= 1
            elif tense is None and gap < -300:
                year += 1
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve_month(month: int, year: int | None, ref: Reference, tense: str | None = None,
                  strict: bool = False) -> str:
    """A month (maybe with a year) as YYYY-MM, the year chosen against the article's date.

    ``strict`` ("mai dernier", "juin prochain"): never the article's own month.
    """
    if year is None:
        if ref.year is None:
            return f"XXXX-{month:02d}"
        year = ref.year
        if ref.month is not None:
            if strict and month == ref.month:
                year += 1 if tense == "future" else -1
            elif tense == "future":
                if month < ref.month:
                    year += 1
            elif tense == "past" or tense is None:
                if month > ref.month and (tense == "past" or month - ref.month > 6):
                    year -= 1
    return f"{year:04d}-{month:02d}"


def resolve_weekday(weekday: int, ref: Reference, tense: str | None = None,
                    strict: bool = False) -> str | None:
    """The date of a weekday in the week around the article date (news usage), or None."""
    date = ref.date
    if date is None:
        return None
    back = (date.weekday() - weekday) % 7  # days back to the most recent such day (0 = today)
    fwd = (weekday - date.weekday()) % 7
    if strict:  # "lundi dernier" / "lundi prochain" never mean the article's own day
        back, fwd = back or 7, fwd or 7
    if tense == "past":
        delta = -back
    elif tense == "future":
        delta = fwd
    else:
        delta = -back if back <= fwd else fwd
    return (date + dt.timedelta(days=delta)).isoformat()


def _ref_date_offset(ref: Reference, days: int) -> str | None:
    date = ref.date
    return (date + dt.timedelta(days=days)).isoformat() if date else None


def cue_tense(text: str, m: Match) -> str | None:
    """A preposition before (or opening) the match that fixes the direction: 'pour', 'depuis'..."""
    pats = patterns()
    before = text[max(0, m.start - 25):m.start]
    head = m.text.split()[0] if m.text.split() else ""
    if pats.cue_past.search(before) or head.lower() == "depuis":
        return "past"
    if pats.cue_future.search(before) or pats.cue_future.search(head + " "):
        return "future"
    return None


def verb_tense(doc, start: int, end: int) -> str | None:
    """'past' / 'future' / 'present' for the verb the span depends on, None when none is found."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    pats = patterns()
    tok = span.root
    for _ in range(6):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        tense = _tense_of(tok, pats)
        if tense:
            return tense
    return None


def _tense_of(verb, pats: Patterns) -> str | None:
    text = verb.text.lower()
    form = verb.morph.get("VerbForm")
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    if auxes and "Part" in form:
        aux = auxes[0].text.lower()
        if aux.endswith(pats.future_endings) and aux not in ("ai", "as", "a"):
            return "future"
        return "past"
    if "Inf" in form:
        head = verb.head
        if head is not verb and head.lemma_ in pats.future_aux:
            return "future"
        if head is not verb and head.lemma_ in pats.past_aux:
            return "past"
        return None
    if "Part" in form:
        return None
    if "Fut" in verb.morph.get("Tense") or "Cnd" in verb.morph.get("Mood"):
        return "future"
    if len(text) > 4 and text.endswith(pats.future_endings):
        return "future"
    if text.endswith(pats.imperfect_endings) and not text.endswith(("rait", "raient", "rais")):
        return "past"
    if verb.lemma_ in pats.future_aux and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    return "present"


def resolve(m: Match, ref: Reference, tense: str | None) -> str | None:
    """The ISO value of one match (tense: of the verb it depends on, or a cue word)."""
    pats = patterns()
    g = m.groups
    low = pats.key(m.text)
    if tense == "present":
        tense = None
    if m.kind == "date":
        day = 1 if g["d"].lower() == "1er" else int(g["d"])
        month = pats.month_of(g["m"])
        year = int(g["y"]) if g.get("y") else None
        post = (g.get("post") or "").lower()
        if post:  # "le 24 février dernier", "le 3 mai prochain"
            tense = "past" if post.startswith(("dern", "pass")) else "future"
        value = resolve_day_month(day, month, year, ref, tense) if month else None
        if post and value and ref.date and year is None:  # strictly before / after the article
            got = dt.date.fromisoformat(value)
            if tense == "future" and got < ref.date:
                value = resolve_day_month(day, month, got.year + 1, ref)
            elif tense == "past" and got > ref.date:
                value = resolve_day_month(day, month, got.year - 1, ref)
        return value
    if m.kind == "numeric":
        try:
            return dt.date(int(g["y"]), int(g["mo"]), int(g["d"])).isoformat()
        except ValueError:
            return None
    if m.kind == "month":
        month = pats.month_of(g["m"])
        if month is None:
            return None
        post = (g.get("post") or "").lower()
        if (g.get("pre") or "").lower().startswith("depuis") or post.startswith(("dern", "pass")):
            tense = "past"
        elif post:
            tense = "future"
        return resolve_month(month, int(g["y"]) if g.get("y") else None, ref, tense, strict=bool(post))
    if m.kind == "year":
        return g["y"]
    if m.kind == "rel_day":
        return _ref_date_offset(ref, pats.rel_days.get(low, 0))
    if m.kind == "rel_month":
        if ref.year is None or ref.month is None:
            return None
        y, mo = _shift_month(ref.year, ref.month, pats.rel_months.get(low, 0))
        return f"{y:04d}-{mo:02d}"
    if m.kind == "rel_year":
        return f"{ref.year + pats.rel_years.get(low, 0):04d}" if ref.year else None
    if m.kind == "weekday":
        wd = pats.weekdays.get(g["wd"].lower())
        pre, post = (g.get("pre") or "").lower(), (g.get("post") or "").lower()
        strict = bool(post)
        if post in pats.past_cues or pre == "depuis":
            tense = "past"
        elif post or pats.key(pre) in pats.future_cues:
            tense = "future"
        return resolve_weekday(wd, ref, tense, strict) if wd is not None else None
    return None  # vague


def reference_of(article: Article) -> Reference:
    """The article's own date: ``published``, else the dateline's date."""
    ref = Reference.parse(article.published)
    if article.dateline and article.dateline.date:
        dl = Reference.parse(article.dateline.date)
        if dl.day and not ref.day and (ref.year is None or dl.year in (None, ref.year)):
            ref = Reference(dl.year or ref.year, dl.month, dl.day)
    return ref


class TimeStage:
    name = "times"
    requires = ("title", "paragraphs", "published", "dateline", "foreign")
    assigns = ("times",)

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        patterns()  # compile once, at build time

    def __call__(self, article: Article, doc, ctx) -> None:
        ref = reference_of(article)
        times: list[TimeExpr] = []
        dl = article.dateline
        if dl and dl.text:
            for m in find_matches(dl.text):
                if m.kind in ("date", "numeric", "weekday", "rel_day"):
                    value = dl.date if dl.date and not dl.date.startswith("XXXX") else resolve(m, ref, None)
                    times.append(TimeExpr(text=m.text.strip(), value=value))
                    break
        text = article.nlp_text()  # == doc.text, which spaCy rebuilds on every access
        for m in find_matches(text):
            if article.in_foreign(m.start, m.end):
                continue
            tense = None
            if m.kind in ("date", "month", "weekday"):
                tense = cue_tense(text, m) or verb_tense(doc, m.start, m.end)
            value = resolve(m, ref, tense)
            times.append(TimeExpr(text=m.text, value=value, start=m.start, end=m.end))
        article.times = dedupe(times)


def dedupe(times: list[TimeExpr]) -> list[TimeExpr]:
    """One entry per (text, value); every occurrence's offsets kept in ``spans``."""
    seen: dict[tuple[str, str | None], TimeExpr] = {}
    out: list[TimeExpr] = []
    for t in times:
        key = (Patterns.key(t.text), t.value)
        first = seen.get(key)
        if first is None:
            seen[key] = t
            if t.start is not None:
                t.spans = [[t.start, t.end]]
            out.append(t)
        elif t.start is not None:
            first.spans.append([t.start, t.end])
            if first.start is None:
                first.start, first.end = t.start, t.end
    return out
