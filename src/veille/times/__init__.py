"""Times: every time expression of the title, the body and the dateline, as TimeML TIMEX3.

Two sources of matches, both over ``doc.text`` (the shared parse; no second parse):

* the calendar matcher shared with the quantities stage (``veille.common.timespans``): days,
  months, years, weekdays, "hier", "le mois dernier"…, resolved by ``veille.times.resolve``;
* the data rules of ``lexicons/times/rules/`` (``veille.times.rules``): clock times, parts of the
  day, seasons, decades, centuries, present/past/future references, durations, sets, "le
  lendemain"…, their values filled by ``veille.times.values``.

Where two matches overlap the longer wins (a data rule on a tie: "hier à 10 h" over "hier"). The
extent leaves a leading preposition out, as TimeML does ("en 1995" -> "1995"). A day followed by a
part of the day ("mardi soir", "hier matin") is a TIME: ``2022-04-05TEV``.

Anchors: "hier", "aujourd'hui", a weekday, a month resolve against the article's own date
(``published``, else the dateline's date); "le lendemain", "la veille", "trois jours plus tard" and a
bare clock time ("à 22 h") against the last day the text mentioned, which moves as the text goes.
A weekday in an article not dated to the day has value ``null``.

The dateline's date text (``6 avr.`` in ``BRUXELLES, 6 avr. (X) –``) is not in ``nlp_text()``; it
is added first, with ``start``/``end`` ``None``. Times inside foreign passages are left out. The
same text with the same value is emitted once; every occurrence's ``[start, end]`` is in ``spans``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.common.apostrophes import parse_copy
from veille.common.lexicon import json_data
from veille.common.timespans import Match, Patterns, alternation, find_matches, patterns
from veille.model import Article, TimeExpr
from veille.times import learned
from veille.times.ago import ago_in_earlier_year
from veille.times.day_after import DEFAULT_DAY_TEMPLATES, day_written_after
from veille.times.determiner import determiner_start
from veille.times.habitual import recurring_clock
from veille.times.narrative import in_narrative_year
from veille.times.nowadays import copula_nowadays, no_longer_nowadays, opens_clause
from veille.times.present_judge import judge as judge_present
from veille.times.ranges import range_years
from veille.times.resolve import (
    Reference,
    cue_tense,
    resolve,
    resolve_day_month,
    resolve_month,
    resolve_weekday,
    span_start_in_past,
    verb_tense,
)
from veille.times.rules import Engine, RuleMatch, engine
from veille.times.small_hours import past_midnight
from veille.times.values import Anchors, fill
from veille.times.weekday_year import agreeing_year

__all__ = ["Reference", "TimeStage", "dedupe", "each_occurrence", "find_matches", "patterns", "reference_of",
           "resolve", "resolve_day_month", "resolve_month", "resolve_weekday", "find_times"]

_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T|$)")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-|$)")
TENSE_KINDS = ("date", "month", "weekday")
_CONTRAST_WINDOW = 600
# Words that may stand between a year and the month or day it frames ("l'an dernier, en juin"), and
# the words before a year that make it a starting point, not a frame ("depuis 1995").
_FRAME_GAP = frozenset(("en", "au", "à", "le", "fin", "début", "mi", "courant", "vers", "et"))
_NOT_FRAME = frozenset(("depuis", "dès", "jusqu", "avant", "après", "partir"))
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
# A year-like number glued to a currency or followed by a unit of length, area or weight is an
# amount ("un salaire de 2000€/mois", "sur 1500 m", "à 1800 m d'altitude"), not a year. A capital "M."
# (monsieur) after a year leaves it a year.
_MEASURED = re.compile(r"[\u00a0\u202f]?[€$£]|[\s\u00a0\u202f]?(?:km|cm|mm|kg|ha|m)(?!\w)")


@dataclass
class Found:
    """One selected expression: a calendar match or a rule match, with its TimeML extent."""

    start: int
    end: int
    text: str
    calendar: Match | None = None
    rule: RuleMatch | None = None


@lru_cache(maxsize=1)
def _extent_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(leading preposition to cut, trailing part of the day) patterns."""
    data = json_data("times/patterns.json")
    # "du 19 au 21 mai" keeps its "du": cut before a day number it would not be a time.
    lead = re.compile(rf"^(?!du\s+\d)(?:{alternation(data['outside_extent'])})(?:\s+|(?<=['’]))", re.I)
    parts = engine().tables["day_parts"]
    trail = re.compile(rf"(?<![\w-])(?P<part>{alternation(parts)})(?![\w-])", re.I)
    return lead, trail


def _trimmed(m: Match) -> Found:
    lead, _ = _extent_rules()
    cut = lead.match(m.text)
    start = m.start
    if cut and cut.end() < len(m.text.rstrip()):
        start += cut.end()
    text = m.text[start - m.start:].rstrip()
    return Found(start, start + len(text), text, calendar=m)


@lru_cache(maxsize=1)
def _whole_of() -> re.Pattern[str]:
    """"tout" / "toute" (``patterns.json`` ``whole_of``) right before an extent, not in "du tout"."""
    return re.compile(rf"(?<![\w-])(?<!du\s)(?:{alternation(json_data('times/patterns.json')['whole_of'])})\s+$", re.I)


_DETERMINED = re.compile(r"(?:le|la|les|ce|cet|cette)(?![\w-])|l['’]", re.I)


def _with_whole(f: Found, text: str, taken: list[Found]) -> Found:
    """``f`` with a "tout" / "toute" before its determiner taken in ("toute la semaine dernière")."""
    if not _DETERMINED.match(f.text):
        return f
    lead = _whole_of().search(text, max(0, f.start - 8), f.start)
    if lead is None or any(t.start < f.start and lead.start() < t.end for t in taken):
        return f
    return Found(lead.start(), f.end, text[lead.start():f.end], calendar=f.calendar, rule=f.rule)


def _with_determiner(f: Found, text: str) -> Found:
    """``f`` with the "le" / "ce" before its day taken in ("le 03/03/2024": ``determiner``)."""
    assert f.calendar is not None
    start = determiner_start(text, f.start, f.calendar.kind, f.text)
    return f if start == f.start else Found(start, f.end, text[start:f.end], calendar=f.calendar)


def find_times(text: str, eng: Engine | None = None, doc: Any = None) -> list[Found]:
    """The time expressions of a text, non-overlapping, in text order (``doc``: its parse)."""
    eng = eng or engine()
    # (extent length, 0 for a rule / 1 for the calendar matcher, whole match length, found)
    candidates: list[tuple[int, int, int, Found]] = []
    for m in find_matches(text):
        if m.kind == "year" and _MEASURED.match(text, m.end):
            continue
        f = _trimmed(m)
        if f.text and f.start == m.start:
            f = _with_determiner(f, text)
        if f.text:
            candidates.append((f.end - f.start, 1, m.end - m.start, f))

    for rm in eng.find(text, doc):
        candidates.append((rm.end - rm.start, 0, rm.outer_end - rm.outer_start,
                           Found(rm.start, rm.end, rm.text, rule=rm)))
    # The longest extent; on a tie a rule, then the one that read more context ("23 h, samedi").
    candidates.sort(key=lambda c: (-c[0], c[1], -c[2], c[3].start))
    taken: list[Found] = []
    for _, _, _, f in candidates:
        if all(f.end <= t.start or t.end <= f.start for t in taken):
            taken.append(f)
    return sorted((_with_whole(f, text, taken) for f in taken), key=lambda f: f.start)


def reference_of(article: Article) -> Reference:
    """The article's own date: ``published``, else the dateline's date."""
    ref = Reference.parse(article.published)
    if article.dateline and article.dateline.date:
        dl = Reference.parse(article.dateline.date)
        if dl.day and not ref.day and (ref.year is None or dl.year in (None, ref.year)):
            ref = Reference(dl.year or ref.year, dl.month, dl.day)
    return ref


def _calendar_time(f: Found, ref: Reference, tense: str | None, eng: Engine) -> tuple[str, str | None]:
    """(type, value) of a calendar match; a day with a part of the day is a TIME."""
    m = f.calendar
    assert m is not None
    value = resolve(m, ref, tense)
    _, trail = _extent_rules()
    part = trail.search(f.text)
    if part and m.kind in ("weekday", "rel_day"):
        code = eng.lookup("day_parts", part.group("part"))
        if code and value and _DAY.match(value):
            return "TIME", f"{value}T{code}"
        return "TIME", value
    return "DATE", value


class TimeStage:
    name = "times"
    requires = ("title", "paragraphs", "published", "dateline", "foreign")
    assigns = ("times",)

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        patterns()  # compile once, at build time
        self.engine = engine()

    def __call__(self, article: Article, doc: Any, ctx: Any) -> None:
        ref = reference_of(article)
        times: list[TimeExpr] = []
        dl = article.dateline
        if dl and dl.text:
            for m in find_matches(dl.text):
                if m.kind in ("date", "numeric", "weekday", "rel_day"):
                    value = dl.date if dl.date and not dl.date.startswith("XXXX") else resolve(m, ref, None)
                    times.append(TimeExpr(text=m.text.strip(), value=value))
                    break
        own = article.nlp_text()  # == doc.text, which spaCy rebuilds on every access
        # Matched on the parser's copy ("aujourdʼhui" read as "aujourd’hui", the same length); the
        # records keep the page's own characters (below).
        text = parse_copy(own)

        def tense_of(m: Match) -> str | None:
            cue = cue_tense(text, m)
            if cue == "neutral":  # "était prévu le 4 juin": no direction, the nearest such date
                return None
            if cue == "future" and span_start_in_past(doc, text, m):
                return "past"
            return cue or verb_tense(doc, m.start, m.end, text)

        anchors = Anchors(ref, None, tense_of, text=text)
        recent = _Recent()
        year_free: set[int] = set()
        defaulted: set[int] = set()  # TIMEs on the default day (day_after: "à 14 h, le 20 mai")
        for f in find_times(text, self.engine, doc):
            if article.in_foreign(f.start, f.end):
                continue
            if f.calendar is not None:
                m = f.calendar
                kind, value = _calendar_time(f, ref, tense_of(m) if m.kind in TENSE_KINDS else None, self.engine)
                if m.kind == "date" and not m.groups.get("y"):  # "le jeudi 9 octobre"
                    value = agreeing_year(value, m.text, anchors.last_year)
            else:
                assert f.rule is not None
                with _background_skipped(anchors, f, text, recent):
                    kind, value = f.rule.rule.type, fill(self.engine, f.rule, anchors)
                filled = value
                if kind == "TIME" and f.rule.rule.value.startswith("{last}T"):
                    value = recurring_clock(text, f.start, value, times, ref)
                if kind == "TIME" and value == filled and f.rule.rule.value.startswith(DEFAULT_DAY_TEMPLATES):
                    defaulted.add(len(times))
            if value and kind in ("DATE", "TIME") and _year_free(f):
                framed = _in_year_named(text, f, times, value, year_free)
                value = framed if framed != value else in_narrative_year(
                    text, f.start, times, value, ref.year, lambda a, b: verb_tense(doc, a, b, text))
                year_free.add(len(times))
            if f.calendar is not None and _nowadays(text, f, times, ref, self.engine.tables["context_words"]):
                kind, value = "TIME", "PRESENT_REF"
            day = _DAY.match(value or "")
            if day and kind in ("DATE", "TIME"):
                anchors.last = dt.date.fromisoformat(day.group(1))
                anchors.last_value = value
                anchors.last_text = f.text
                recent.last_pos = f.start
                if _near(anchors.last, ref):
                    recent.day, recent.value = anchors.last, value
            if kind in ("DATE", "TIME") and value and value[:4].isdigit():
                anchors.last_year = int(value[:4])
                month = _MONTH.match(value)
                anchors.last_month = (int(month.group(1)), int(month.group(2))) if month else None
                anchors.last_coarse = not day
            times.append(TimeExpr(text=f.text, value=value, start=f.start, end=f.end, type=kind))
        by_default = {i: times[i].value for i in defaulted}
        day_written_after(text, times, defaulted)
        past_midnight(text, times, by_default)
        _every_year(text, times, year_free)
        range_years(text, times, year_free)
        _nowadays_before_past(text, times, ref, doc, self.engine.tables["context_words"])
        _nowadays_state(text, times, ref, doc, self.engine.tables["context_words"])
        copula_nowadays(times, doc, self.engine.tables["context_words"])
        no_longer_nowadays(times, doc, self.engine.tables["context_words"])
        judge_present(times, doc, text, ref, self.engine.tables["context_words"],
                      lambda u: _is_past(u, ref) or ago_in_earlier_year(text, u, ref.date))
        tagger = learned.load_tagger()
        if tagger is not None and doc is not None:
            _add_learned(tagger, times, doc, article, self.engine)
        if text != own:
            for t in times:
                if t.start is not None:
                    t.text = own[t.start:t.end]
        article.times = dedupe(times)


def _add_learned(tagger: learned.Tagger, times: list[TimeExpr], doc: Any, article: Article, eng: Engine) -> None:
    """The tagger's spans where no rule found a time (``learned_span``), after the rules' own."""
    covered = [(t.start, t.end) for t in times if t.start is not None and t.end is not None]
    for a, b, kind, _ in tagger.spans(doc, covered):
        if not article.in_foreign(a, b):
            words = doc.text[a:b]
            times.append(TimeExpr(text=words, value=learned.learned_value(tagger, words, kind, eng.units),
                                  start=a, end=b, type=kind, rule="learned_span"))


@dataclass
class _Recent:
    """The last day named near the article's date, and where the last day of any age was named."""

    day: dt.date | None = None
    value: str | None = None
    last_pos: int = -1


def _near(day: dt.date, ref: Reference) -> bool:
    return ref.date is None or abs((day - ref.date).days) <= 370


@contextmanager
def _background_skipped(anchors: Anchors, f: Found, text: str, recent: _Recent) -> Iterator[None]:
    """A bare clock time ("vers 17 h") is read on the last day named, unless that day is a
    background date years away ("Né le 4 mai 1950, il …") named in an earlier sentence: then on
    the last day named near the article's date (the event's day), or the article's date."""
    rule = f.rule
    far = (anchors.last is not None and not _near(anchors.last, anchors.ref)
           and rule is not None and rule.rule.type == "TIME" and rule.rule.value.startswith("{last}T")
           and re.search(r"[.!?]\s", text[max(recent.last_pos, 0):f.start]) is not None)
    if not far:
        yield
        return
    saved = anchors.last, anchors.last_value
    anchors.last, anchors.last_value = recent.day, recent.value
    try:
        yield
    finally:
        anchors.last, anchors.last_value = saved


def _every_year(text: str, times: list[TimeExpr], year_free: set[int]) -> None:
    """A day or month named without its year in the sentence of a yearly recurrence ("Chaque
    année, le 15 août, la fête attire la foule", "tous les ans en juin") is any year's:
    ``XXXX-08-15``, ``XXXX-06``."""
    yearly = [t for t in times if t.type == "SET" and t.value == "P1Y" and t.start is not None
              and re.search(r"(?i)chaque|tou(?:s|tes)\s|annuellement", t.text)]  # not "les résultats annuels"
    if not yearly:
        return
    years = [t for t in times if t.type == "DATE" and re.fullmatch(r"\d{4}", t.value or "") and t.start is not None]

    def together(u: TimeExpr, v: TimeExpr) -> bool:
        a, b = sorted((u.start or 0, v.start or 0))
        return not re.search(r"[.!?;\n]", text[a:b])

    for i in year_free:
        t = times[i]
        if t.start is None or not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?(?:T.*)?", t.value or ""):
            continue
        if any(together(t, y) for y in years):  # "l'an dernier, comme chaque année, le 15 août"
            continue
        for y in yearly:
            if together(t, y):
                t.value = "XXXX" + (t.value or "")[4:]
                break


def _year_free(f: Found) -> bool:
    """A month or a day named without its year, which the verb's tense places ("en juin", "le 3
    mars"; not "juin dernier", "le 3 mars 2004")."""
    if f.calendar is not None:
        g = f.calendar.groups
        return f.calendar.kind in ("month", "date") and not g.get("y") and not g.get("post")
    assert f.rule is not None
    g = f.rule.groups
    return f.rule.rule.value.startswith(("{mon:", "{dm:")) and not g.get("y") and not g.get("post")


def _in_year_named(text: str, f: Found, before: list[TimeExpr], value: str,
                   year_free: set[int] | frozenset[int] = frozenset()) -> str:
    """A month or a day without its year, after a year the same sentence has just named, is in that
    year: "L'an dernier, en juin, la fête avait attiré 5 000 personnes" (last June), "En 2004, les
    travaux débuteront le 3 mars" (March 2004). Only a bare year before it (``2004``, "l'an
    dernier"), with no sentence end, colon or semicolon between the two. The days and months without
    their year named in between (``year_free``: indices in ``before``) do not break the frame: "En 2024,
    la foire aura lieu du 3 au 5 mai" puts both ends in 2024."""
    framing = [t for i, t in enumerate(before)  # "l'an dernier, comme chaque année,"
               if t.type not in ("SET", "DURATION") and i not in year_free]
    if not framing:
        return value
    last = framing[-1]
    named = last.value or ""
    if (last.start is None or last.type != "DATE" or not re.fullmatch(r"\d{4}", named)
            or named == value[:4] or not re.match(r"\d{4}-", value)):
        return value
    if re.search(r"[.!?;:\n]", text[last.end:f.start]):
        return value
    # The year opens its sentence ("En 2004, les travaux…", "L'an dernier, …") or stands right
    # before ("en 2004, en mars"); not a year inside a clause of its own ("Fondée en 1890,
    # l'entreprise fermera en juin": the coming June).
    # A year after "depuis", "dès"… is a starting point, not the frame ("Depuis 1995, la fête a
    # lieu en juillet": every July).
    opening = re.findall(r"[^\W\d_]+", text[max(text.rfind(c, 0, last.start) for c in ".!?;:\n") + 1:last.start])
    between = re.findall(r"[^\W\d_]+", text[last.end:f.start])
    if not (len(opening) <= 1 and not (opening and opening[0].lower() in _NOT_FRAME)) and \
            any(w.lower() not in _FRAME_GAP for w in between):
        return value
    return named + value[4:] if value[5:] != "02-29" else value


def _nowadays(text: str, f: Found, before: list[TimeExpr], ref: Reference, words: dict[str, str]) -> bool:
    """A clause-opening "Aujourd'hui," set against a past the text has just named is "nowadays"
    (TimeML PRESENT_REF), not the article's day: "En 1990, la vallée comptait dix fermes.
    Aujourd'hui, il en reste deux." A past here is a PAST_REF ("autrefois", "à l'époque") or a
    date of an earlier year than the article's, within the last ``_CONTRAST_WINDOW`` characters."""
    if ref.year is None or Patterns.key(f.text) != Patterns.key("aujourd'hui"):
        return False
    if not opens_clause(text, f.start, words) or not text.startswith(",", f.end):
        return False
    for t in before:
        if t.start is None or t.start < f.start - _CONTRAST_WINDOW:
            continue
        v = t.value or ""
        if v == "PAST_REF" or (t.type in ("DATE", "TIME", None) and v[:4].isdigit() and int(v[:4]) < ref.year) \
                or ago_in_earlier_year(text, t, ref.date):
            return True
    return False


def _nowadays_before_past(text: str, times: list[TimeExpr], ref: Reference, doc: Any,
                          words: dict[str, str]) -> None:
    """The contrast the other way round, within one sentence: "Aujourd'hui, la commune compte 1 200
    habitants, contre 800 dans les années 1970." A clause-opening "Aujourd'hui," followed in its
    sentence by a past (PAST_REF, a date of an earlier year) is "nowadays", PRESENT_REF, unless its
    verb tells one past or coming event ("Aujourd'hui, le maire a signé l'accord de 2019": the day)."""
    if ref.year is None:
        return
    for i, t in enumerate(times):
        if t.start is None or t.type != "DATE" or Patterns.key(t.text) != Patterns.key("aujourd'hui"):
            continue
        if not opens_clause(text, t.start, words) or not text.startswith(",", t.end):
            continue
        if verb_tense(doc, t.start, t.end, text) in ("past", "future"):
            continue
        stop = _SENTENCE_END.search(text, t.end)
        end = stop.start() if stop else len(text)
        for u in times[i + 1:]:
            if u.start is None or u.start >= end:
                break
            v = u.value or ""
            if v == "PAST_REF" or (u.type in ("DATE", "TIME") and v[:3].isdigit() and v[:4] < f"{ref.year:04d}") \
                    or ago_in_earlier_year(text, u, ref.date):
                t.type, t.value = "TIME", "PRESENT_REF"
                break


def _is_past(t: TimeExpr, ref: Reference) -> bool:
    """A PAST_REF, or a date, a century or a decade of an earlier year than the article's."""
    v = t.value or ""
    if v == "PAST_REF":
        return True
    digits = re.match(r"^\d{2,4}", v)
    if t.type not in ("DATE", "TIME") or digits is None or ref.year is None:
        return False
    # The end of the century ("18"), decade ("196") or year ("2019") the value names.
    width = 10 ** (4 - len(digits.group(0)))
    return (int(digits.group(0)) + 1) * width <= ref.year


def _nowadays_state(text: str, times: list[TimeExpr], ref: Reference, doc: Any, words: dict[str, str]) -> None:
    """"L'entreprise, fondée en 1890, emploie aujourd'hui 300 salariés": within a sentence that
    names a past, "aujourd'hui" on a verb of lasting state in the present (``context_words.tsv``,
    role ``state_verb``) or on a passive present ("est aujourd'hui classé") is "nowadays"
    (PRESENT_REF), not the day of an event ("fête aujourd'hui son centenaire" keeps the day)."""
    if doc is None or ref.year is None:
        return
    for t in times:
        if t.start is None or t.type != "DATE" or Patterns.key(t.text) != Patterns.key("aujourd'hui"):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span) or not _lasting_state(span.root.head, words):
            continue
        lo = max(text.rfind(c, 0, t.start) for c in ".!?\n") + 1
        stop = _SENTENCE_END.search(text, t.end)
        hi = stop.start() if stop else len(text)
        if any(u is not t and u.start is not None and lo <= u.start < hi
               and (_is_past(u, ref) or ago_in_earlier_year(text, u, ref.date)) for u in times):
            t.type, t.value = "TIME", "PRESENT_REF"


def _lasting_state(head: Any, words: dict[str, str]) -> bool:
    """Whether the word "aujourd'hui" depends on tells a lasting state in the present."""
    auxes = [c for c in head.children if c.dep_.startswith("aux")]
    if auxes:  # "est aujourd'hui classé": a passive present
        return all(a.dep_ == "aux:pass" and "Pres" in a.morph.get("Tense") for a in auxes)
    if head.pos_ not in ("VERB", "AUX", "NOUN") or "Past" in head.morph.get("Tense"):
        return False
    low = head.lower_
    # A present tagged as a noun ("compte"): its infinitive from the ending of the first group.
    guesses = {head.lemma_.lower(), low[:-3] + "er" if low.endswith("ent") else low + "r"}
    return any(words.get(g) == "state_verb" for g in guesses)


def dedupe(times: list[TimeExpr]) -> list[TimeExpr]:
    """One entry per (text, value) of a date; every occurrence's offsets kept in ``spans``.

    A day named twice is one day; "dix ans" or "désormais" said twice are two measures or
    references, each a TIMEX3 of its own, so durations, sets and references stay one per occurrence.
    """
    seen: dict[tuple[str, str | None], TimeExpr] = {}
    out: list[TimeExpr] = []
    for t in times:
        key = (Patterns.key(t.text), t.value)
        first = None if _per_occurrence(t) else seen.get(key)
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


def each_occurrence(times: list[dict[str, Any]], text: str | None = None) -> list[dict[str, Any]]:
    """Record times (``to_dict`` form) with one entry per occurrence, in text order, as TimeML
    marks every mention (``extract --times-each-occurrence``); the record lists a repeated
    expression once, with its occurrences in ``spans``. ``text`` (``nlp_text()``) gives each
    occurrence its own wording ("Hier" … "hier")."""
    out: list[dict[str, Any]] = []
    for t in times:
        spans = t.get("spans") or []
        if len(spans) <= 1:
            out.append(t)
            continue
        out.extend({**t, "text": text[a:b] if text else t["text"], "start": a, "end": b, "spans": [[a, b]]}
                   for a, b in spans)
    return sorted(out, key=lambda t: (t.get("start") is not None, t.get("start") or 0))


def _per_occurrence(t: TimeExpr) -> bool:
    return t.type in ("DURATION", "SET") or (t.value or "").endswith("_REF")
