"""The article's own publication and update stamps among the lines of its head.

A stamp is a cue of ``lexicons/clean/stamp_cues.tsv`` ("Publié le", "Mis à jour le", "Créé:")
followed by a date, anywhere in a short line ("Jeanne Martin • Publié le 3 mars 2024 à 14h56, mis à
jour le 4 mars"), or a short line holding a full date and a time and no sentence ("10 juin 2023 à
19:00 - Temps de lecture : 3 min"). Each stamp is cut at the next cue, so that the metadata stage
reads the publication date of a line that also gives the update.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from veille.clean.cued_dates import loose_cued_date
from veille.clean.shapes import short_weekdays
from veille.clean.text import FINAL_PUNCT, word_count, words
from veille.common.dates import (
    TEXT_DATE,
    calendar,
    find_date_in_line,
    find_full_date,
    month_number,
    valid_date,
)
from veille.common.lexicon import rows
from veille.common.lexicon import words as lexicon_words
from veille.common.names import NAME_PARTICLES
from veille.common.regexscan import FastSearch
from veille.common.relative_dates import find_relative

STAMP_MAX_WORDS = 30
STAMP_MAX_CHARS = 400  # longer than any stamp line of 30 words: not read at all
SHORT_YEAR_MAX_CHARS = 24  # "mer. 31 Décembre 17"
_DIGIT = re.compile(r"\d")
_CUE_REACH = 40
_HEAD_MAX_WORDS = 8  # characters after a cue where its date must start
# "Publié le 071225 à 19:45": day, month and year run together after a cue.
_COMPACT = re.compile(r"^\s*([0-3]\d)([01]\d)(\d\d)(?=\s|$)")
# "le 16/10/2016 à 18:00 par Jeanne Martin.": a line opening on its date is a stamp, period or not.
_MDY = re.compile(r"\b[A-Za-z]{3,9}\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b")  # "July 23, 2018"
# (Or a template's ISO time, "2024-03-03T14:05 - Mis à jour le …": issue 11, round 27.)
_LEADING_DATE = re.compile(r"^\s*(?:le\s+)?(?:[0-3]?\d(?:er)?[\s/.-]|(?:19|20)\d\d-[01]\d-[0-3]\d(?:[T\s]|$))", re.I)
_TIME = re.compile(r"\b[0-2]?\d\s*[h:]\s*[0-5]\d\b")
# "par Awa Koné" before a lower-case cue: an author's byline, not the start of a sentence.
_BYLINE_HEAD = re.compile(r"^\s*(?:par|by)\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:de\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]*){0,3}\s*[,|•·-]?$", re.I)
PAIR_MAX_WORDS = 16
# A short line of segments set apart by bullets or bars, one of them a full date alone; the line
# may open on its separator ("| Faits divers 31/10/2018": the rubric and the date under a byline).
_SEGMENT_SPLIT = re.compile(r"(?:^|\s)[•·|]\s")
SEGMENTS_MAX_WORDS = 14
SEGMENT_DATE_WORDS = 5
# Characters a date may leave before the update cue that follows it ("… le 28 décembre 2020 - Mis à
# jour le …"): the date closes the text before the cue.
_BEFORE_CUE = 4
# "15 novembre 202515 novembre 2025Guerre": a page template that prints its dates (published,
# modified) and its categories without a space between them; or glued to the reading time after it
# ("24 novembre 20233 minutes de lecture", "3 mars 20245 min"): a blog template's byline.
_GLUED_YEAR = re.compile(r"(?<=\s)(?P<year>(?:19|20)\d\d)(?=[0-3]?\d(?:er)?\s+[A-Za-zÀ-ÿ]{3}|[A-ZÀ-Þ][a-zà-ÿ]"
                         r"|\d{1,2}\s*min)")
# "Par Jeanne Dumas24 novembre 2023", "FAITS DIVERS31/10/2018": the same templates glue the day to
# the author's name or the rubric before it.
_GLUED_DAY = re.compile(r"(?<=[A-Za-zà-ÿ])(?=[0-3]?\d(?:er)?\s+(?P<month>[A-Za-zÀ-ÿ]{3,10}\.?)\s+(?:19|20)\d\d"
                        r"|[0-3]?\d(?P<sep>[/.])[01]?\d(?P=sep)(?:19|20)\d\d\b)")
_LETTER_DIGIT = re.compile(r"[A-Za-zà-ÿ]\d")  # (where ``_GLUED_DAY`` may match: a letter, then a figure)
_GLUED_LEAD = re.compile(r"(?:[0-3]?\d(?:er)?\s+(?P<month>[A-Za-zÀ-ÿ]{3,10}\.?)"
                         r"|(?P<en_month>[A-Za-z]{3,9}\.?)\s+[0-3]?\d(?:st|nd|rd|th)?,)\s+$")  # (or "November 15, ")
# "Lundi, 24 Octobre, 2016": a comma between the month and the year of a stamp.
_MONTH_COMMA_YEAR = re.compile(r"(?<=[A-Za-zÀ-ÿ.]),\s+(?=(?:19|20)\d\d\b)")
STAMP_COMMA_MAX_WORDS = 6
# A line opening on an ISO date and time: a page template's machine stamp.
_ISO_STAMP = re.compile(r"^\s*(?:19|20)\d\d-[01]\d-[0-3]\d[T ][0-2]\d:[0-5]\d")
ISO_STAMP_MAX_WORDS = 12
# A relative stamp opens the text after its cue ("Publié il y a 3 heures", "Mis à jour hier à
# 18h02"), or a short line on its own ("il y a 2 jours", "Hier à 18h02").
_RELATIVE_START = 2
RELATIVE_MAX_WORDS = 6
# The hour after a date ("à 17:02", "- 14h05", ", 9 h 30") that a stamp's text may carry.
_HOUR_AFTER = re.compile(r"^\s*(?:,|-|à|a|at)?\s*[0-2]?\d\s*[h:]\s*[0-5]\d(?::[0-5]\d)?\b", re.I)


def unglue_dates(text: str) -> str:
    """"15 novembre 202515 novembre 2025Guerre" -> "15 novembre 2025 15 novembre 2025 Guerre": a
    year glued to the next date or word, when a day and a month come just before it."""
    if "19" not in text and "20" not in text:
        return text
    text = _unglue_day(text)
    if not _GLUED_YEAR.search(text):
        return text
    out, last = [], 0
    for m in _GLUED_YEAR.finditer(text):
        lead = _GLUED_LEAD.search(text, max(0, m.start() - 16), m.start())
        if lead and month_number(lead.group("month") or lead.group("en_month")):
            out.append(text[last:m.end()] + " ")
            last = m.end()
    return "".join(out) + text[last:]


def _unglue_day(text: str) -> str:
    """"Par Jeanne Dumas24 novembre 2023" -> "Par Jeanne Dumas 24 novembre 2023" (a month name and
    a year, or a month and a year in figures, must follow the day)."""
    if not _LETTER_DIGIT.search(text) or not _GLUED_DAY.search(text):
        return text  # (the look-behind pattern is tried at every position: a letter before a figure first)
    out, last = [], 0
    for m in _GLUED_DAY.finditer(text):
        if m.group("sep") or month_number(m.group("month")):
            out.append(text[last:m.start()] + " ")
            last = m.start()
    return "".join(out) + text[last:]


# "mar 20 Juin 17": a line that is only a date, its year in two figures, maybe a weekday before it.
_SHORT_YEAR_LINE = re.compile(r"^(?:(?P<wd>[A-Za-zÀ-ÿ]{3})\.?\s+)?(?P<day>[0-3]?\d)\s+(?P<month>[A-Za-zÀ-ÿ]{3,10}\.?)"
                              r"\s+(?P<yy>\d\d)$")


# "mardi 10.12.19", "ven. 03/05/24": the day in figures, the year in two, after the weekday.
_SHORT_NUM_LINE = re.compile(r"^(?P<wd>[A-Za-zÀ-ÿ]{3,9})\.?,?\s+(?P<day>[0-3]?\d)(?P<sep>[./])(?P<month>[01]?\d)"
                             r"(?P=sep)(?P<yy>\d\d)$")


def _numeric_short_year(text: str) -> str:
    """"mardi 10.12.19" -> "mardi 10.12.2019": only when the day falls on the weekday printed
    (figures alone may be a score, a version, a reference)."""
    m = _SHORT_NUM_LINE.match(text)
    if m is None:
        return text
    wd = m.group("wd").lower()
    days = calendar()["weekdays"]
    weekday = days.get(wd, next((n for name, n in days.items() if name.startswith(wd)), None)
                       if wd in short_weekdays() else None)  # ("ven" of ``clean/short_weekdays.tsv``)
    year, month, day = 2000 + int(m.group("yy")), int(m.group("month")), int(m.group("day"))
    if weekday is None or not valid_date(year, month, day) or dt.date(year, month, day).weekday() != weekday:
        return text
    return f"{text[:m.start('yy')]}20{m.group('yy')}"


def expand_short_year(text: str) -> str:
    """"mar 20 Juin 17" -> "mar 20 Juin 2017": a line that is nothing but a date with a two-figure
    year (a blog template's byline date) made readable as a full date. A weekday before it must be
    one of ``clean/short_weekdays.tsv`` (a day and a month alone need one: "20 juin 17" may count).
    In figures ("mardi 10.12.19"), the weekday must be the date's own."""
    m = _SHORT_YEAR_LINE.match(text) if len(text) <= SHORT_YEAR_MAX_CHARS else None
    if m is None and len(text) <= SHORT_YEAR_MAX_CHARS and text[-1:].isdigit():
        return _numeric_short_year(text)
    if m is None or m.group("wd") is None or m.group("wd").lower() not in short_weekdays():
        return text
    month = month_number(m.group("month"))
    if month is None or not valid_date(2000 + int(m.group("yy")), month, int(m.group("day"))):
        return text
    return f"{text[:m.start('yy')]}20{m.group('yy')}"


def stamp_text(line: str) -> str:
    """A short stamp line made readable for the date parser: "Lundi, 24 Octobre, 2016" -> "Lundi,
    24 Octobre 2016" (a sentence keeps its commas: "le 3 mars, 2000 personnes …")."""
    if word_count(line) <= STAMP_COMMA_MAX_WORDS:
        return _MONTH_COMMA_YEAR.sub(" ", line)
    return line


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], dict[str, str]]:
    kinds = {cols[1].lower(): cols[0] for cols in rows("clean/stamp_cues.tsv", min_columns=2)}
    alt = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(kinds, key=len, reverse=True))
    # A digit may follow the cue at once: a text browser glues inline elements ("Publié2 mars 2023").
    return re.compile(rf"(?<!\w)(?P<cue>{alt})(?![^\W\d])\s*:?\s*", re.I), kinds


def stamps(line: str) -> list[tuple[str, str]]:
    """(``published`` | ``updated``, the stamp's text) for each dated cue of a short line."""
    return list(_remembered_stamps(line))


@lru_cache(maxsize=8192)
def _remembered_stamps(line: str) -> tuple[tuple[str, str], ...]:
    """``stamps``, remembered: the headline chooser asks it of the same lines many times."""
    return tuple(_stamps(line))


def _stamps(line: str) -> list[tuple[str, str]]:
    if word_count(line) > STAMP_MAX_WORDS or is_page_clock(line):
        return []
    rx, kinds = _cues()
    found = list(rx.finditer(line))
    out = []
    head = line[:found[0].start()] if found else ""
    if head.strip() and word_count(head) <= _HEAD_MAX_WORDS and find_date_in_line(head) and _LEADING_DATE.match(head):
        # "1er avril 2020 à 09h45 Mis à jour le 2 avril …": the date before the update cue is the
        # publication's.
        out.append(("published", head.strip(" ,|•-–—(")))
    elif head.strip() and kinds.get(" ".join(found[0].group("cue").lower().split())) in ("updated", "other"):
        # "Awa Koné, édité par Léo Roy 14h59 le 28 décembre 2020 - Mis à jour le …": a byline whose
        # full date closes just before the update cue gives the publication's date.
        # (Or in English order: "July 23, 2018 - Mis à jour à 17h59".)
        last = next(reversed(list(TEXT_DATE.finditer(head))), None) or next(reversed(list(_MDY.finditer(head))), None)
        # "Léo Roy - 01 sept. 2020 à 17:02 | mis à jour le …": the date's hour may sit between.
        rest = _HOUR_AFTER.sub("", head[last.end():]) if last is not None else ""
        parts = find_date_in_line(last.group(0)) if last is not None else None
        if last is not None and len(rest.strip(" ,|•-–—^.")) <= _BEFORE_CUE and parts is not None and parts.year:
            out.append(("published", last.group(0)))
    other = False
    for k, m in enumerate(found):
        if kinds.get(" ".join(m.group("cue").lower().split())) == "other":
            other = True  # "Imprimé le …", "Édition du …": a date, not the article's
            continue
        end = found[k + 1].start() if k + 1 < len(found) else len(line)
        after = _COMPACT.sub(r"\1/\2/\3", line[m.end():end], count=1)
        before = line[:m.start()].rstrip()
        if before and before[-1].isalpha() and m.group("cue")[:1].islower() and not _BYLINE_HEAD.match(before) \
                and not labels_stamp(before):
            continue  # "le texte publié le 3 mars par …": a sentence, not a stamp ("par Awa Koné publié
            # le 3 mars", "Awa Koné publié le 3 mars", "Article mis en ligne le …" are bylines and labels)
        dated = find_date_in_line(after[:_CUE_REACH + 20]) is not None
        if not dated and (loose := loose_cued_date(after)) is not None:
            after, dated = loose, True  # ("Publié le 29 déce. 2022": cued_dates.py)
        if dated and _date_starts_early(after) or _relative_at_start(after):
            kind = kinds.get(" ".join(m.group("cue").lower().split()), "published")
            cue = line[m.start():m.end()]
            glued = bool(cue) and not cue[-1].isspace() and after[:1].isdigit()
            out.append((kind, (cue + " " * glued + after).strip(" ,|•-–—")))
    if not out and not other and word_count(line) <= ISO_STAMP_MAX_WORDS and _ISO_STAMP.match(line):
        # "2017-07-12T05:51:52Z - Awa Koné": a template's machine time stamp (``<time datetime>``)
        # printed as is, with the byline after it.
        out.append(("published", line.strip()))
    if not out and not other and word_count(line) <= 20 and _TIME.search(line) \
            and (find_full_date(line) or _MDY.search(line) and find_date_in_line(line)) \
            and (not line.rstrip().endswith(".") or _LEADING_DATE.match(line)) and not _period(line):
        # ("March 3, 2023 at 2:05 pm": an English stamp on a French page.)
        out.append(("published", line.strip()))
    if not out and not other and word_count(line) <= SEGMENTS_MAX_WORDS and _SEGMENT_SPLIT.search(line):
        # "Awa Koné • 03/03/2023 • 4 min de lecture": a line of the article's facts, one a date.
        seg = next((g.strip() for g in _SEGMENT_SPLIT.split(line)
                    if word_count(g) <= SEGMENT_DATE_WORDS and find_full_date(g)), None)
        if seg:
            out.append(("published", seg))
    if not out and not other and word_count(line) <= RELATIVE_MAX_WORDS and _relative_at_start(line):
        # "il y a 2 jours", "Hier à 18h02": a template's relative stamp, resolved by the metadata
        # stage against the capture date when the input gives one.
        out.append(("published", line.strip()))
    if not out and not other and word_count(line) <= PAIR_MAX_WORDS and not FINAL_PUNCT.search(line) \
            and _date_pair(line):
        # "23 octobre 2018 23 octobre 2018", "Le Journal 3 mai 2021 4 mai 2021": a template printing
        # the publication and the modification dates side by side; the first is the publication.
        out.append(("published", line.strip()))
    return out


# "3 mars 2024 - 10 h 00 / 9 juin 2024 - 18 h 00", "du 3 mars 2024 au 9 juin 2024": an event's
# opening and closing days (an agenda's item), not a stamp; hours may sit between them.
_SPAN_MARK = re.compile(r"^(?:\s*(?:[-–—,]|à)?\s*[0-2]?\d\s*[h:]\s*(?:[0-5]\d)?(?:\s*min)?)?\s*(?:/|au|jusqu['’]au|→|>)\s*$", re.I)


def _period(line: str) -> bool:
    """Two full dates joined as a span (an event's period), not a publication stamp."""
    full = [m for m in TEXT_DATE.finditer(line) if find_full_date(m.group(0))]
    return any(_SPAN_MARK.match(line[a.end():b.start()]) for a, b in zip(full, full[1:], strict=False))


def _date_pair(line: str) -> bool:
    """Two complete dates side by side (nothing but a separator between them: "du 3 mai 2021 au 4
    juin 2021" is a period, not a pair of stamps)."""
    full = [m for m in TEXT_DATE.finditer(line) if find_full_date(m.group(0))]
    return any(not line[a.end():b.start()].strip(" |•·,/-") for a, b in zip(full, full[1:], strict=False))


NAME_HEAD_MAX_WORDS = 5  # "Awa Koné", "Jean-Marc de La Tour" before a lower-case cue


@lru_cache(maxsize=1)
def _stamp_labels() -> frozenset[str]:
    return lexicon_words("clean/stamp_labels.tsv")


def labels_stamp(before: str) -> bool:
    """What a line prints before a lower-case publication cue is the stamp's own head, not a
    sentence's subject: an author's name alone ("Awa Koné publié le 12 mars 2024 5 min": capitalised
    words, name particles between them) or a label noun alone ("Article mis en ligne le …",
    ``lexicons/clean/stamp_labels.tsv``)."""
    tokens = before.split()
    if len(tokens) == 1 and tokens[0].lower() in _stamp_labels():
        return True
    if not 2 <= len(tokens) <= NAME_HEAD_MAX_WORDS or tokens[0].lower() in _stamp_labels() | NAME_PARTICLES:
        return False  # ("Le Journal officiel publié le …": an article opens a sentence, not a name)
    capital = [t[:1].isupper() and any(c.islower() for c in t) for t in tokens]
    return capital[0] and capital[-1] and all(c or t in NAME_PARTICLES for t, c in zip(tokens, capital, strict=True))


def has_stamp_cue(line: str, at_end: bool = False) -> bool:
    """A line naming a publication or update stamp ("Publié le", "Mis à jour") somewhere, or, with
    ``at_end``, closing on one ("Awa Koné - publié le": a stamp whose date was read off its end, as
    ``headline.strip_trailing_stamp`` reads "… 28/09/24" off a headline; never a headline)."""
    rx, kinds = _cues()
    end = len(line.rstrip(" :,|•-–—"))
    return any(kinds.get(" ".join(m.group("cue").lower().split())) != "other" and (not at_end or m.end() >= end)
               for m in rx.finditer(line))


def opens_on_stamp_cue(line: str) -> bool:
    """A line whose first words are a publication or update cue ("Publié dans l'édition n° 6",
    "Mis en ligne"), not a cue for another date."""
    rx, kinds = _cues()
    m = rx.match(line.lstrip())
    return m is not None and kinds.get(" ".join(m.group("cue").lower().split())) != "other"


def _relative_at_start(text: str) -> bool:
    """A relative stamp right at the start of a text ("il y a 3 heures", "hier à 18h02")."""
    rel = find_relative(text[:_CUE_REACH])
    return rel is not None and rel.start <= _RELATIVE_START + len(text) - len(text.lstrip(" :-–—|•·"))


def _date_starts_early(text: str) -> bool:
    """The date follows the cue closely ("Publié le 3 mars", "Créé: 29.10.2018", "publié lundi 3
    mars"), not somewhere down a sentence."""
    m = re.search(r"\d", text)
    return m is not None and m.start() <= _CUE_REACH


LABEL_VALUE_MAX_WORDS = 10
LABEL_MAX_CHARS = 40  # "Dernière mise à jour :" alone on its line


def join_stamp_labels(lines: list[str]) -> list[str]:
    """A stamp cue alone on its line, its date on the next ("Publié le" then "Lundi 3 mars 2024"):
    one line, as the page shows it ("Publié le Lundi 3 mars 2024")."""
    rx, _ = _cues()
    out: list[str] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        m = rx.fullmatch(line.strip()) if len(line) <= LABEL_MAX_CHARS else None
        if m and nxt and word_count(nxt) <= LABEL_VALUE_MAX_WORDS and (find_date_in_line(nxt) or _relative_at_start(nxt)):
            out.append(f"{line.strip()} {nxt.strip()}")
            skip = True
        else:
            out.append(line)
    return out


# "mer. 03/01/2024", "dim 08.01.2023": an abbreviated weekday and a numeric date, no hour: the
# clock a site prints in its masthead (an article's stamp gives its hour or writes the month).
_CLOCK_SHAPE = re.compile(r"^\s*(?P<wd>[A-Za-zÀ-ÿ]{3,4}\.?)\s+[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d\s*$")
CLOCK_MAX_WORDS = 12


@lru_cache(maxsize=1)
def _clock_cues() -> FastSearch:
    cues = [cols[0] for cols in rows("clean/page_clock.tsv", min_columns=1)]
    alt = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    # "Saint-Denis" is a place: a cue never runs on with a hyphen. (Opening on a look-behind, the
    # pattern would be tried at every position: ``FastSearch`` skips to its first letters.)
    return FastSearch(re.compile(rf"(?<![^\W\d_-])(?:{alt})(?![^\W\d_]|-)", re.I))


@lru_cache(maxsize=16384)  # (asked of the same lines by the stamp, teaser and head readers)
def is_page_clock(line: str) -> bool:
    """A short dated line that is the site's clock, today's date in its masthead ("Mercredi 3
    janvier 2024, Sainte Odile", "mer. 03/01/2024", "Mercredi 3 janvier Lire le journal"): the
    capture's moment, never the article's date (``lexicons/clean/page_clock.tsv``)."""
    m = _CLOCK_SHAPE.match(line)
    if m:
        wd = m.group("wd").lower().rstrip(".")
        return any(w.startswith(wd) for w in _weekday_words())
    if word_count(line) > CLOCK_MAX_WORDS or _clock_cues().search(line) is None or has_stamp_cue(line):
        return False
    # The clock names the day of the week.
    return any(w.lower() in _weekday_words() for w in words(line)) and find_date_in_line(line) is not None


@lru_cache(maxsize=1)
def _weekday_words() -> frozenset[str]:
    from veille.common.dates import calendar

    return frozenset(calendar()["weekdays"])


AFTER_DATE_MAX_WORDS = 5
_SEPARATOR = re.compile(r"\s[-–—|•·]\s|\s\|")
_DATE_OR_HOUR = re.compile(rf"{TEXT_DATE.pattern}|\b[0-2]?\d\s*[h:]\s*[0-5]\d\b", re.I)


def closes_on_date(stamp: str) -> bool:
    """A stamp that is not a teaser's "3 mars 2024 - 11:04 Un adolescent tué …": a cued stamp, or
    few words after its date and hour ("… - 19 nov. 2023 à 14:00 - Temps de lecture")."""
    if has_stamp_cue(stamp):
        return True
    last = next(reversed(list(_DATE_OR_HOUR.finditer(stamp))), None)
    if last is None:
        return False
    after = _SEPARATOR.split(stamp[last.end():].lstrip(" -–—|•·,"), maxsplit=1)[0]
    return word_count(after) <= AFTER_DATE_MAX_WORDS


@lru_cache(maxsize=1)
def _published_stems() -> tuple[str, ...]:
    """The first letters of each publication cue: a cheap test before the cue pattern runs."""
    _, kinds = _cues()
    return tuple(sorted({cue[:4] for cue, kind in kinds.items() if kind == "published"}))


def sole_cued_stamp(texts: list[str | None]) -> str | None:
    """The page's publication stamp when it prints exactly one cued one ("Publié le 3 mars 2024",
    "Créé le 12/03/2024", once or repeated with the same date and hour) with a full date: a template prints
    it for the article alone, wherever the block finder placed the article's head. None when the
    page prints none or several dates so cued (a list of other articles, each "Publié le …")."""
    rx, kinds = _cues()
    stems = _published_stems()
    found: list[tuple[str, str]] = []
    for text in texts:
        if text is None or len(text) > STAMP_MAX_CHARS or not _DIGIT.search(text):
            continue
        low = text.lower()
        if not any(stem in low for stem in stems) or is_page_clock(text):
            continue
        for kind, stamp in stamps(text):
            m = rx.match(stamp)
            if kind != "published" or m is None or kinds.get(" ".join(m.group("cue").lower().split())) != "published":
                continue
            parts = find_date_in_line(stamp)
            if parts is not None and parts.year:
                found.append((parts.iso(), stamp))
    # (One day at several hours is several items of a list: "Publié le 3 mars à 10h00", "… à 11h00".)
    hours = {m.group(0).replace(" ", "").replace("h", ":") for _, stamp in found for m in [_TIME.search(stamp)] if m}
    return found[0][1] if found and len({iso for iso, _ in found}) == 1 and len(hours) <= 1 else None
