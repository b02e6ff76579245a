"""Whether an "aujourd'hui" is the article's day or nowadays (PRESENT_REF), judged from its clause and page.

The rules of ``veille.times.nowadays`` and ``veille.times`` each read one form ("Aujourd'hui," after
a past, a present copula, "ne … plus"); the forms are many and no single cue covers them. This
module turns each "aujourd'hui" into a few yes/no facts (``features``): the tense of the verb it
depends on and whether that verb tells a lasting state, a past set against it in its sentence or
the one before, a generic subject, a relative clause or a parenthesis around it, a question, and
how the page speaks of its days (other "hier"/"demain"/weekdays near the article's date, clock
times of the day: a report of the day; earlier years: a feature or an essay). A logistic model over
them (``judge``) gives the odds of nowadays; its weights are data (``times/model/nowadays.json``,
fit by ``tools/times/nowadays_learn.py --write``, judged there by site-grouped folds on the dev
gold). With no weights file the rules' reading stands.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from veille.common.timespans import Patterns
from veille.model import TimeExpr
from veille.times.nowadays import _copula, _todays, opens_clause
from veille.times.resolve import Reference, verb_tense

MODEL = Path(__file__).resolve().parent / "model" / "nowadays.json"
FEATURES = ("bias", "rules_ref", "opens", "present", "past", "future", "no_tense", "imperfect", "state_verb",
            "copula", "modal", "past_in_sentence", "past_before", "generic_subject", "relative", "aside",
            "question", "negation", "page_days", "page_clock", "page_past_years")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
_WEEK = 7  # days either side of the article's date that make a time "of the article's week"
_NEAR_DAYS = 2  # how many such times or words make a page a report of the day
_PAST_YEARS = 3  # how many dates of earlier years (and more than half its dated years) make a page look back


@lru_cache(maxsize=1)
def load_weights(path: Path = MODEL) -> dict[str, Any] | None:
    """The stored model (``{"weights": {feature: w}, "threshold": t}``), None when absent."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _governor(span: Any) -> Any:
    """The verb "aujourd'hui" depends on (up to three heads up), else its head."""
    tok = span.root.head
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    stops = [k for k in (text.find(c, end) for c in ".!?\n") if k >= 0]
    return lo, min(stops) if stops else len(text)


def _imperfect(tok: Any) -> bool:
    return tok.pos_ in ("VERB", "AUX") and ("Imp" in tok.morph.get("Tense") or "Pqp" in tok.morph.get("Tense")) \
        and "Ind" in tok.morph.get("Mood")


@lru_cache(maxsize=4)
def _day_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words of a report of the day (role ``day_report``) as one pattern, spaces loose."""
    alts = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


def _role(words: dict[str, str], role: str) -> tuple[str, ...]:
    return tuple(sorted(w for w, r in words.items() if r == role))


def page_facts(text: str, times: list[TimeExpr], ref: Reference, words: dict[str, str]) -> dict[str, bool]:
    """How the page speaks of its days: other days of the article's week ("hier", "lundi", "ce
    matin"), clock times of its day, earlier years."""
    iso = ref.date.isoformat() if ref.date else None
    today = Patterns.key("aujourd'hui")
    near = 0
    for t in times:
        day = _DAY.match(t.value or "") if t.type in ("DATE", "TIME") else None
        if day and ref.date and Patterns.key(t.text) != today:
            near += abs((dt.date.fromisoformat(day.group(0)) - ref.date).days) <= _WEEK
    clocks = sum(1 for t in times if t.type == "TIME" and iso and (t.value or "").startswith(iso + "T"))
    years = [int(t.value[:4]) for t in times if t.type == "DATE" and (t.value or "")[:4].isdigit()]
    earlier = sum(1 for y in years if ref.year is not None and y < ref.year)
    return {"page_days": near >= _NEAR_DAYS or len(_day_words(_role(words, "day_report")).findall(text)) >= _NEAR_DAYS, "page_clock": clocks >= 2,
            "page_past_years": earlier >= _PAST_YEARS and earlier * 2 > len(years)}


def features(t: TimeExpr, span: Any, text: str, times: list[TimeExpr], ref: Reference,
             words: dict[str, str], is_past: Callable[[TimeExpr], bool], page: dict[str, bool]) -> dict[str, float]:
    """The yes/no facts of one "aujourd'hui" (``FEATURES``), 1.0 or 0.0."""
    doc = span.doc
    sent = span.sent
    gov = _governor(span)
    tense = verb_tense(doc, t.start, t.end, text)
    lo, hi = _sentence_bounds(text, t.start, t.end)
    before_lo = max(text.rfind(c, 0, max(lo - 1, 0)) for c in ".!?\n") + 1
    subject = next((c for c in gov.children if c.dep_.startswith("nsubj")), None)
    f = {
        "bias": True,
        "rules_ref": t.value == "PRESENT_REF",
        "opens": opens_clause(text, t.start, words),
        "present": tense == "present",
        "past": tense == "past",
        "future": tense == "future",
        "no_tense": tense is None,
        "imperfect": _imperfect(gov),
        "state_verb": words.get(gov.lemma_.lower()) == "state_verb" or gov.lemma_ in ("exister", "avoir"),
        "copula": _copula(doc, span) is not None,
        "modal": words.get(gov.lemma_) == "modal" or any(words.get(c.lemma_) == "modal" for c in gov.children),
        "past_in_sentence": any(u is not t and u.start is not None and lo <= u.start < hi and is_past(u) for u in times)
        or any(_imperfect(w) for w in sent if w.i != gov.i),
        "past_before": any(u.start is not None and before_lo <= u.start < lo and is_past(u) for u in times)
        or any(_imperfect(w) for w in doc[max(sent.start - 40, 0):sent.start] if w.idx >= before_lo),
        "generic_subject": subject is not None and (words.get(subject.lower_) == "generic_subject" or (
            subject.pos_ == "NOUN" and "Plur" in subject.morph.get("Number"))),
        "relative": gov.dep_ == "acl:relcl" or any(w.lower_ in ("qui", "que", "qu'", "dont") and w.i < span.start
                                                   and w.head.i == gov.i for w in sent),
        "aside": text[max(t.start - 2, 0):t.start].strip() in ("(", ",") and _closes_aside(text, t.end),
        "question": "?" in text[lo:hi + 1],
        "negation": any(w.morph.get("Polarity") == ["Neg"] and abs(w.i - span.start) <= 8 for w in sent),
        **page,
    }
    return {k: float(bool(f[k])) for k in FEATURES}


def _closes_aside(text: str, end: int) -> bool:
    """An aside closed within a few words: "(aujourd'hui X)", ", aujourd'hui disparu,"."""
    rest = text[end:end + 40]
    m = re.search(r"[),]", rest)
    return m is not None and not re.search(r"[.!?\n]", rest[:m.start()]) and len(rest[:m.start()].split()) <= 4


def odds(feats: dict[str, float], model: dict[str, Any]) -> float:
    """The model's probability that the "aujourd'hui" is nowadays."""
    w = model["weights"]
    z = sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def judge(times: list[TimeExpr], doc: Any, text: str, ref: Reference, words: dict[str, str],
          is_past: Callable[[TimeExpr], bool], model: dict[str, Any] | None = None) -> None:
    """Turn each "aujourd'hui" read as the day into nowadays when the model's odds reach its threshold
    on a page that looks back (``looks_back``), in place."""
    model = model if model is not None else load_weights()
    if model is None or doc is None or ref.date is None:
        return
    days = [(t, span) for t, span in _present_or_day(times, doc) if t.value != "PRESENT_REF"]
    page = page_facts(text, times, ref, words) if days else None
    if page is None or not looks_back(page):
        return
    for t, span in days:
        if odds(features(t, span, text, times, ref, words, is_past, page), model) >= model["threshold"]:
            t.type, t.value = "TIME", "PRESENT_REF"


def looks_back(page: dict[str, bool]) -> bool:
    """Whether the model may turn a day into nowadays on this page: one that looks back (dates of
    earlier years) and is no report of the day. Elsewhere the model's odds, learned on pages most of
    which look back, would turn the present of a day's event ("fête aujourd'hui ses 100 ans") too."""
    return page["page_past_years"] and not (page["page_days"] or page["page_clock"])


def _present_or_day(times: list[TimeExpr], doc: Any) -> list[tuple[TimeExpr, Any]]:
    """Each bare "aujourd'hui", read as the day or as nowadays, with its words in ``doc``."""
    return list(_todays(times, doc, kinds=("DATE", "TIME")))
