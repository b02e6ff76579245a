"""Realistic changes made to a rendered dev dump, for ``bench/synth_dumps.py`` (no test page used).

Each variant takes the dump a text browser wrote for a dev HTML page and that page's gold (headline,
body, published day) and returns the dump as another site or another tool could have printed it:
a rubric above the headline, a breadcrumb trail, an "En direct" box of timestamped entries before
or after the article, a "Dossier" box between the headline and the text, the page cut before its
footer or copied by hand from the headline to the last paragraph, or the article's date printed in
another format ("02/12/2026 à 14h05", "2 déc. 2026", "December 2, 2026", ISO), only in the byline,
only at the end, next to an update stamp, without its year, or only as "il y a 2 jours" under a
masthead printing the day's date; and the headline in capitals, with its standfirst on its line,
or under an opinion or interview label. And (issue 11) a section name in capitals or a format label
("Exclusif -") glued before the headline, a standfirst opening with a word that is no usual
sentence opener run onto the headline, the site's name or a section closing the headline's line
(the site named by the footer's copyright or the masthead, or not at all), a link arrow before it,
a footer copyright year beside a year-less or relative stamp, the date only in the page's URL,
and an update stamp under other words printed before the publication. The gold stays the page's: a date variant scores right /
null / wrong apart (a year-less stamp may rightly give null, never a wrong
day). All inserted text is invented here; the dumps are written to a temporary folder only.

A variant returns None when it cannot be built on the page (the headline or the body is not found
in the dump, or, for a format change, the dump never prints the gold day): such a page is left out
of that variant's figures (the counts say how many were kept).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable

from veille.common.dates import TEXT_DATE, find_date_in_line

Gold = dict  # title, body (paragraphs), published (ISO day or None), page

_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"]
_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
       "November", "December"]
_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_RUBRICS = ["POLITIQUE", "Faits divers", "International", "ÉCONOMIE", "Société • Justice", "Sports"]
_LIVE = ["La préfecture de Valmorin ouvre une cellule de crise", "Le maire de Pontarlieu annonce un conseil extraordinaire",
         "Trafic perturbé sur la ligne entre Valmorin et Saint-Arbel", "Les pompiers toujours mobilisés dans le massif du Vercorin",
         "Une réunion prévue ce soir entre syndicats et direction", "Le procès de Léon Barthelet renvoyé au printemps"]
_DOSSIER = ["Dossier : les grandes étapes d'une année agitée", "Notre enquête : ce que disent les chiffres",
            "Décryptage : pourquoi le débat revient maintenant"]
_HOUR = "14h05"
_STANDFIRSTS = ["Les habitants de Valmorin attendent toujours des réponses après des semaines de travaux.",
                "Le projet, contesté depuis deux ans, revient devant le conseil municipal de Pontarlieu.",
                "Retour sur une décision qui divise les élus et les associations du Vercorin."]
_OPINION_LABELS = ["TRIBUNE", "OPINION", "Point de vue", "CHRONIQUE"]
_AUTHORS = ["Par Jeanne Vautrin, économiste et professeure à l'université de Valmorin",
            "Par Léon Barthelet, ancien préfet et essayiste",
            "Par Awa Kerbrat, avocate au barreau de Pontarlieu, présidente de l'association Droits Devant"]
_INTERVIEW_LABELS = ["ENTRETIEN", "Interview", "GRAND ENTRETIEN"]
UPPER_TITLE_MAX_WORDS = 10
_CAPS_SECTIONS = ["INTERNATIONAL", "POLITIQUE", "ÉCONOMIE", "SOCIÉTÉ", "SPORTS", "FAITS DIVERS", "CULTURE"]
_FORMAT_LABELS = ["Exclusif - ", "VIDÉO. ", "ENQUÊTE - ", "Info Courrier - ", "DÉCRYPTAGE. ", "Récit - "]
# Standfirsts opening with a word that opens no headline-like list: a place, a time, a name, a number.
_OTHER_STANDFIRSTS = [
    "À Valmorin, les habitants attendent toujours des réponses après des semaines de travaux.",
    "Au lendemain du vote, le projet contesté revient devant le conseil municipal de Pontarlieu.",
    "Lundi soir, les élus du Vercorin ont longuement débattu d'une décision qui divise les associations.",
    "Jeanne Vautrin, maire de Valmorin, a confirmé la fermeture du site devant une salle comble.",
    "Vingt-trois familles ont été relogées en urgence dans la nuit, selon la préfecture du Vercorin.",
    "Sur le marché de Pontarlieu, commerçants et clients ne parlent plus que de cette affaire.",
]
_SITE = "Le Courrier de Valmorin"
_SECTION_TAILS = [". Sport", " - Société", " | Politique", " - Faits divers", " | Économie"]
# A weekday or "le" before a date, and an hour after it, belong to the printed stamp.
_BEFORE = re.compile(r"(?:(?:le|du)\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,?\s+)?$", re.I)
_AFTER = re.compile(r"^(?:\s*(?:,|-|à|a|at)?\s*[0-2]?\d\s*[h:]\s*[0-5]\d(?::[0-5]\d)?(?:\s*(?:Z|[+-]\d\d:?\d\d))?)?", re.I)
_ISO_T = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")


def _pick(page: str, options: list[str]) -> str:
    return options[int(hashlib.md5(page.encode()).hexdigest(), 16) % len(options)]


def _loose(words: list[str]) -> re.Pattern[str]:
    """The words in order, any spacing or line break (and a text browser's margin) between them."""
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def _title_at(dump: str, gold: Gold) -> int | None:
    """Offset of the start of the headline's line: its last print before the body's first words."""
    words = (gold["title"] or "").split()[:6]
    if len(words) < 2:
        return None
    first = _body_start(dump, gold)
    found = [m.start() for m in _loose(words).finditer(dump) if first is None or m.start() < first]
    if not found:
        return None
    return dump.rfind("\n", 0, found[-1]) + 1


def _title_end(dump: str, gold: Gold) -> int | None:
    """Offset of the end of the line where the headline (maybe wrapped) ends."""
    at = _title_at(dump, gold)
    m = _loose((gold["title"] or "").split()).search(dump, at) if at is not None else None
    if m is None:
        return None
    end = dump.find("\n", m.end())
    return len(dump) if end < 0 else end


def _body_start(dump: str, gold: Gold) -> int | None:
    paras = [p for p in gold["body"] if len(p.split()) >= 6]
    m = _loose(paras[0].split()[:6]).search(dump) if paras else None
    return m.start() if m else None


def _body_end(dump: str, gold: Gold) -> int | None:
    """Offset of the end of the line holding the body's last words."""
    paras = [p for p in gold["body"] if len(p.split()) >= 4]
    if not paras:
        return None
    found = list(_loose(paras[-1].split()[-5:]).finditer(dump))
    if not found:
        return None
    end = dump.find("\n", found[-1].end())
    return len(dump) if end < 0 else end


def _insert(dump: str, at: int, lines: list[str]) -> str:
    return dump[:at] + "".join(f"   {ln}\n" for ln in lines) + "\n" + dump[at:]


def _above_title(lines: Callable[[Gold], list[str]]) -> Callable[[str, Gold], str | None]:
    def variant(dump: str, gold: Gold) -> str | None:
        at = _title_at(dump, gold)
        return None if at is None else _insert(dump, at, lines(gold))
    return variant


def _live_lines(gold: Gold) -> list[str]:
    out = ["EN DIRECT"]
    for k, text in enumerate(_LIVE):
        out += [f"{18 - k:02d}:{(7 * k + 3) % 60:02d}", text, ""]
    return out


def kicker(gold: Gold) -> list[str]:
    return [_pick(gold["page"], _RUBRICS), ""]


def crumbs(gold: Gold) -> list[str]:
    head = " ".join((gold["title"] or "").split()[:5])
    return [f"Accueil > Actualité > {_pick(gold['page'], _RUBRICS).title()} > {head}…", ""]


def live_before(dump: str, gold: Gold) -> str | None:
    at = _title_at(dump, gold)
    return None if at is None else _insert(dump, at, _live_lines(gold))


def live_after(dump: str, gold: Gold) -> str | None:
    end = _body_end(dump, gold)
    return None if end is None else _insert(dump, end + 1, ["", *_live_lines(gold)])


def dossier(dump: str, gold: Gold) -> str | None:
    start, at = _body_start(dump, gold), _title_at(dump, gold)
    if start is None or at is None:
        return None
    start = dump.rfind("\n", 0, start) + 1
    return _insert(dump, start, ["Dossier", *[f"* {t}" for t in _DOSSIER], ""])


def truncated(dump: str, gold: Gold) -> str | None:
    end = _body_end(dump, gold)
    return None if end is None else dump[:end + 1]


def hand_copy(dump: str, gold: Gold) -> str | None:
    at, end = _title_at(dump, gold), _body_end(dump, gold)
    return None if at is None or end is None or end <= at else dump[at:end + 1]


# -- the article's date -------------------------------------------------------------------------

def _day(gold: Gold) -> dt.date | None:
    try:
        return dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    except ValueError:
        return None


def _own_dates(dump: str, day: dt.date) -> list[tuple[int, int]]:
    """Spans of the prints of the gold day (with the weekday or "le" before it, the hour after)."""
    spans = []
    for rx in (_ISO_T, TEXT_DATE):
        for m in rx.finditer(dump):
            parts = find_date_in_line(m.group(0))
            if parts is None or parts.iso() != day.isoformat():
                continue
            if any(a <= m.start() < b for a, b in spans):
                continue
            before = _BEFORE.search(dump[max(0, m.start() - 20):m.start()])
            start = m.start() - (len(before.group(0)) if before else 0)
            after = _AFTER.match(dump[m.end():m.end() + 30])
            spans.append((start, m.end() + (after.end() if after else 0)))
    return sorted(spans)


def _replace_dates(dump: str, spans: list[tuple[int, int]], new: str) -> str:
    out, last = [], 0
    for a, b in spans:
        out.append(dump[last:a] + new)
        last = b
    return "".join(out) + dump[last:]


def _formatted(fmt: Callable[[dt.date], str]) -> Callable[[str, Gold], str | None]:
    """Every print of the article's day in another format (None when the dump prints none)."""
    def variant(dump: str, gold: Gold) -> str | None:
        day = _day(gold)
        spans = _own_dates(dump, day) if day else []
        return _replace_dates(dump, spans, fmt(day)) if spans else None
    return variant


def _moved(where: str, line: Callable[[dt.date], list[str]]) -> Callable[[str, Gold], str | None]:
    """The article's day taken out of every place the dump prints it, and printed once, under the
    headline or after the last paragraph."""
    def variant(dump: str, gold: Gold) -> str | None:
        day = _day(gold)
        if day is None:
            return None
        bare = _replace_dates(dump, _own_dates(dump, day), "")
        at = _title_end(bare, gold) if where == "head" else _body_end(bare, gold)
        return None if at is None else _insert(bare, at + 1, ["", *line(day)])
    return variant


def _title_lines(change: Callable[[str, Gold], str]) -> Callable[[str, Gold], str | None]:
    """The headline's line(s), from the start of its line to the end of its last, rewritten."""
    def variant(dump: str, gold: Gold) -> str | None:
        at, end = _title_at(dump, gold), _title_end(dump, gold)
        if at is None or end is None or end <= at:
            return None
        new = change(dump[at:end], gold)
        return None if not new else dump[:at] + new + dump[end:]
    return variant


def upper_title(head: str, gold: Gold) -> str:
    """A short headline printed in capitals (a site's style sheet, a tabloid's front)."""
    return head.upper() if len((gold["title"] or "").split()) <= UPPER_TITLE_MAX_WORDS else ""


def with_standfirst(head: str, gold: Gold) -> str:
    """The standfirst printed on the headline's line (an inline element after the ``<h1>``)."""
    return f"{head.rstrip()} {_pick(gold['page'], _STANDFIRSTS)}"


def opinion(dump: str, gold: Gold) -> str | None:
    """An opinion page: its label above the headline, the author and what they do under it."""
    at, end = _title_at(dump, gold), _title_end(dump, gold)
    if at is None or end is None:
        return None
    dump = _insert(dump, end + 1, ["", _pick(gold["page"], _AUTHORS)])
    return _insert(dump, at, [_pick(gold["page"], _OPINION_LABELS), ""])


def interview(dump: str, gold: Gold) -> str | None:
    """An interview: a label above the headline (a quote of the person interviewed), the
    interviewer's line under it."""
    at, end = _title_at(dump, gold), _title_end(dump, gold)
    if at is None or end is None:
        return None
    dump = _insert(dump, end + 1, ["", "Propos recueillis par Jeanne Vautrin"])
    return _insert(dump, at, [_pick(gold["page"], _INTERVIEW_LABELS), ""])


def relative_stamp(dump: str, gold: Gold) -> str | None:
    """The article's day printed only as "il y a 2 jours", on a page whose masthead prints the
    day's date (the capture date, two days later, the only full date left on the page)."""
    day = _day(gold)
    if day is None:
        return None
    bare = _replace_dates(dump, _own_dates(dump, day), "")
    at = _title_end(bare, gold)
    if at is None:
        return None
    seen = day + dt.timedelta(days=2)
    clock = f"{_WEEKDAYS[seen.weekday()].title()} {long_fr(seen)} | Édition du jour"
    return _insert(_insert(bare, at + 1, ["", "Par Jeanne Vautrin", "Publié il y a 2 jours"]), 0, [clock])


def glued_section(head: str, gold: Gold) -> str:
    """A section name in capitals printed on the headline's line, a mere space between them."""
    margin = head[:len(head) - len(head.lstrip())]
    return f"{margin}{_pick(gold['page'], _CAPS_SECTIONS)} {head.lstrip()}"


def format_label(head: str, gold: Gold) -> str:
    """A format or exclusivity label before the headline ("Exclusif - …", "VIDÉO. …")."""
    margin = head[:len(head) - len(head.lstrip())]
    return f"{margin}{_pick(gold['page'], _FORMAT_LABELS)}{head.lstrip()}"


def with_other_standfirst(head: str, gold: Gold) -> str:
    """The standfirst on the headline's line, opening with a place, a time, a name or a number."""
    return f"{head.rstrip()} {_pick(gold['page'], _OTHER_STANDFIRSTS)}"


def arrow_title(head: str, gold: Gold) -> str:
    """A link arrow before the headline (a page whose headline is a link to itself)."""
    margin = head[:len(head) - len(head.lstrip())]
    return f"{margin}> {head.lstrip()}"


def section_tail(head: str, gold: Gold) -> str:
    """A section label closing the headline's line (". Sport", " | Politique")."""
    return f"{head.rstrip()}{_pick(gold['page'], _SECTION_TAILS)}"


def _site_tail(where: str, bar: bool = False) -> Callable[[str, Gold], str | None]:
    """The site's name closing the headline's line, the site named elsewhere on the page: by the
    footer's copyright (``footer``), by the masthead at the top (``masthead``), or nowhere."""
    def variant(dump: str, gold: Gold) -> str | None:
        at, end = _title_at(dump, gold), _title_end(dump, gold)
        if at is None or end is None or end <= at:
            return None
        dump = dump[:end] + (" | " if bar else " - ") + _SITE + dump[end:]
        if where == "footer":
            dump = dump.rstrip("\n") + f"\n\n   © {_SITE} 2019 - Tous droits réservés\n"
        elif where == "masthead":
            dump = _insert(dump, 0, [_SITE, "Le quotidien de la vallée de la Lisse"])
        return dump
    return variant


def _without_dates(dump: str, gold: Gold) -> tuple[str, dt.date] | None:
    day = _day(gold)
    return None if day is None else (_replace_dates(dump, _own_dates(dump, day), ""), day)


def _stamped_under_headline(dump: str, gold: Gold, lines: Callable[[dt.date], list[str]]) -> tuple[str, dt.date] | None:
    """The page without its dates, ``lines(day)`` set right under the headline, and the true day."""
    got = _without_dates(dump, gold)
    if got is None:
        return None
    bare, day = got
    at = _title_end(bare, gold)
    return None if at is None else (_insert(bare, at + 1, ["", *lines(day)]), day)


def copyright_yearless(dump: str, gold: Gold) -> str | None:
    """A year-less stamp under the headline and, in the footer, a copyright of another year: that
    year is the site's, not the article's (right or null, never that year)."""
    got = _stamped_under_headline(dump, gold, lambda day: [f"Publié le {day.day} {_MONTHS[day.month - 1]} à {_HOUR}"])
    if got is None:
        return None
    bare, day = got
    return bare.rstrip("\n") + f"\n\n   © 2003-{day.year - 3} {_SITE}. Tous droits réservés.\n"


def copyright_relative(dump: str, gold: Gold) -> str | None:
    """A relative stamp ("il y a 2 jours") and a footer copyright year, no capture date: null."""
    got = _stamped_under_headline(dump, gold, lambda day: ["Par Jeanne Vautrin", "Publié il y a 2 jours"])
    if got is None:
        return None
    bare, day = got
    return bare.rstrip("\n") + f"\n\n   Copyright © {day.year + 1} {_SITE}\n"


def _slug(title: str) -> str:
    import unicodedata
    flat = "".join(c for c in unicodedata.normalize("NFKD", title.lower()) if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", flat))[:80].strip("-")


def url_only(dump: str, gold: Gold) -> str | None:
    """No date printed on the page; its link list holds a related article's dated URL, then the
    page's own, whose path holds the day and the headline's slug."""
    got = _without_dates(dump, gold)
    if got is None or not gold.get("title"):
        return None
    bare, day = got
    other = day - dt.timedelta(days=40)
    return bare.rstrip("\n") + (
        "\n\nReferences\n\n"
        "   1. https://www.courrier-valmorin.fr/\n"
        f"   2. https://www.courrier-valmorin.fr/{other:%Y/%m/%d}/la-fete-du-pont-reunit-les-habitants\n"
        f"   3. https://www.courrier-valmorin.fr/{day:%Y/%m/%d}/{_slug(gold['title'])}.html\n")


def update_head_published_end(dump: str, gold: Gold) -> str | None:
    """An update stamp under the headline, the publication stamp only after the last paragraph."""
    got = _without_dates(dump, gold)
    if got is None:
        return None
    bare, day = got
    end = _body_end(bare, gold)
    if end is None:
        return None
    bare = _insert(bare, end + 1, ["", f"Publié le {day:%d/%m/%Y} à 07:45"])
    at = _title_end(bare, gold)
    return None if at is None else _insert(bare, at + 1, ["", f"Modifié le {day + dt.timedelta(days=1):%d/%m/%Y} à 09:30"])


def long_fr(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


VARIANTS: dict[str, Callable[[str, Gold], str | None]] = {
    "kicker": _above_title(kicker),
    "crumbs": _above_title(crumbs),
    "live-before": live_before,
    "live-after": live_after,
    "dossier": dossier,
    "truncated": truncated,
    "hand-copy": hand_copy,
    "date-num": _formatted(lambda d: f"{d:%d/%m/%Y} à {_HOUR}"),
    "date-abbr": _formatted(lambda d: f"{d.day} {_ABBR[d.month - 1]} {d.year}"),
    "date-en": _formatted(lambda d: f"{_EN[d.month - 1]} {d.day}, {d.year}"),
    "date-iso": _formatted(lambda d: f"{d.isoformat()}T14:05:00+01:00"),
    "date-byline": _moved("head", lambda d: [f"Par Jeanne Vautrin, le {long_fr(d)} à {_HOUR}"]),
    "date-end": _moved("end", lambda d: [f"Publié le {d:%d/%m/%Y}"]),
    "date-updated": _moved("head", lambda d: [
        f"Publié le {long_fr(d)} à 08h12 Mis à jour le {long_fr(d + dt.timedelta(days=2))} à {_HOUR}"]),
    "date-update-first": _moved("head", lambda d: [
        f"Mis à jour le {d + dt.timedelta(days=1):%d/%m/%Y} à 09:30", f"Publié le {d:%d/%m/%Y} à 07:45"]),
    "upper-title": _title_lines(upper_title),
    "title-standfirst": _title_lines(with_standfirst),
    "opinion": opinion,
    "interview": interview,
    "date-relative": relative_stamp,
    "date-update-first-line": _moved("head", lambda d: [
        f"Mis à jour le {d + dt.timedelta(days=1):%d/%m/%Y} à 09:30 | Publié le {d:%d/%m/%Y} à 07:45"]),
    "date-yearless": _moved("head", lambda d: [f"Publié le {_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} à {_HOUR}"]),
    "kicker-glued": _title_lines(glued_section),
    "format-label": _title_lines(format_label),
    "standfirst-other": _title_lines(with_other_standfirst),
    "arrow-title": _title_lines(arrow_title),
    "section-tail": _title_lines(section_tail),
    "site-tail-footer": _site_tail("footer"),
    "site-tail-masthead": _site_tail("masthead"),
    "site-tail-bar": _site_tail("none", bar=True),
    "date-copyright-yearless": copyright_yearless,
    "date-copyright-relative": copyright_relative,
    "date-url-only": url_only,
    "date-modified-first": _moved("head", lambda d: [
        f"Actualisé le {long_fr(d + dt.timedelta(days=3))} à 11h20", f"Créé le {long_fr(d)} à 07h45"]),
    "date-published-end": update_head_published_end,
}
