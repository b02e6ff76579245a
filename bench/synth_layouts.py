"""More layouts of real news sites, as changes made to a rendered dev dump (``bench/synth_dumps.py``).

Issue 11, round 4: the headline and the publication date must carry over to sites the rules never
met. Each change below is a layout many French news sites use, rebuilt from the dump a text browser
wrote for a dev HTML page and that page's gold (no test page is used):

* a standfirst opening with a person's name, on its own line under the headline or run onto the
  headline's line ("Jeanne Vautrin, maire de …", "Léon Barthelet a confirmé …");
* the whole headline repeated as the breadcrumb's last item, under a rubric line;
* the article's day printed in more forms: "Publié le 3 mars 2024 à 10h05", "03/03/2024 10:05",
  "03.03.2024 | 10:05", "Dimanche 3 mars 2024, 10:05", "le 03/03/2024 à 10h05 par Jeanne
  Vautrin", English ("Published March 3, 2024 at 10:05 am", "3 March 2024"); a relative stamp
  ("il y a 2 heures") printed beside the real date; an update stamp in English before it;
* a block of related articles, each with its own date, above the headline (the article's day kept,
  or moved to a byline under the headline, or dropped: then null is right, a related date wrong);
* a comment thread after the article, each comment dated (the same three cases);
* the day only in the page's own URL written another way ("/20240303-slug", "slug-03-03-2024").

Each function returns None when it cannot be built on the page (the headline, the body or the
day is not found in the dump). All inserted text is invented here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from synth_variants import (
    _EN,
    _MONTHS,
    _WEEKDAYS,
    Gold,
    _body_end,
    _day,
    _formatted,
    _insert,
    _moved,
    _pick,
    _slug,
    _title_at,
    _title_end,
    _title_lines,
    _without_dates,
    long_fr,
)

_NAME_STANDFIRSTS = [
    "Jeanne Vautrin, maire de Valmorin, a confirmé lundi la fermeture du site devant une salle comble.",
    "Léon Barthelet a annoncé dimanche qu'il ne se représenterait pas à la tête du conseil du Vercorin.",
    "Awa Kerbrat, avocate au barreau de Pontarlieu, dénonce une procédure menée dans la précipitation.",
    "Selon Marc-Antoine Delorme, le chantier devrait reprendre avant la fin de l'été.",
    "Pour Inès Roudier, présidente de l'association des riverains, le compte n'y est pas.",
]
_RELATED_TITLES = [
    "Valmorin : la fête du pont réunit plusieurs milliers d'habitants",
    "Pontarlieu : le conseil municipal vote le budget après six heures de débat",
    "Vercorin : les pompiers maîtrisent un feu de forêt près du col",
    "Saint-Arbel : la ligne de car rouvre après trois mois de travaux",
]
_RELATED_HEADS = ["À lire aussi", "Les plus lus", "Sur le même sujet", "Dernières actualités"]
_COMMENTS = [
    ("Marcel78", "Enfin une décision claire, il était temps."),
    ("LaVoixDuVercorin", "Je ne suis pas d'accord, personne n'a consulté les habitants."),
    ("Anne-Sophie R.", "Merci pour cet article très complet."),
]


def _day_str(d: dt.date) -> str:
    return f"{d:%d/%m/%Y}"


def _name_standfirst(gold: Gold) -> str:
    return _pick(gold["page"], _NAME_STANDFIRSTS)


def standfirst_name_line(dump: str, gold: Gold) -> str | None:
    """A standfirst opening with a person's name on its own line under the headline."""
    end = _title_end(dump, gold)
    return None if end is None else _insert(dump, end + 1, ["", _name_standfirst(gold)])


def standfirst_name_glued(head: str, gold: Gold) -> str:
    """The standfirst opening with a person's name run onto the headline's line."""
    return f"{head.rstrip()} {_name_standfirst(gold)}"


def crumbs_full(dump: str, gold: Gold) -> str | None:
    """A rubric line, then the breadcrumb whose last item is the whole headline, above it."""
    at = _title_at(dump, gold)
    if at is None or not gold.get("title"):
        return None
    title = " ".join(gold["title"].split())
    return _insert(dump, at, ["Société", "", f"Vous êtes ici : Accueil / Actualités / Société / {title}", ""])


def _related_lines(day: dt.date, gold: Gold, dated: bool = True) -> list[str]:
    out = [_pick(gold["page"], _RELATED_HEADS), ""]
    for k, title in enumerate(_RELATED_TITLES):
        other = day - dt.timedelta(days=3 + 5 * k)
        out += ([f"Publié le {_day_str(other)} à {9 + k:02d}:15"] if dated else []) + [title, ""]
    return out


def _day_and_dump(dump: str, gold: Gold, keep: str) -> tuple[dt.date | None, str | None]:
    """The article's gold day, and the dump with the article's own dates taken out unless ``keep``
    is "keep" (None where the page has no gold day or its dates cannot be found)."""
    day = _day(gold)
    if day is None or keep == "keep":
        return day, dump
    got = _without_dates(dump, gold)
    return day, None if got is None else got[0]


def related_above(keep: str) -> Callable[[str, Gold], str | None]:
    """A block of related articles with their own dates above the headline; the article's day is
    kept where the page prints it (``keep``), moved to a byline under the headline (``byline``),
    or printed nowhere (``none``: null is right, a related article's date is wrong)."""
    def variant(dump: str, gold: Gold) -> str | None:
        day, dump = _day_and_dump(dump, gold, keep)
        if day is None or dump is None:
            return None
        if keep == "byline":
            end = _title_end(dump, gold)
            if end is None:
                return None
            dump = _insert(dump, end + 1, ["", f"Par Jeanne Vautrin | {long_fr(day)} à 10h05"])
        at = _title_at(dump, gold)
        return None if at is None else _insert(dump, at, _related_lines(day, gold))
    return variant


def comments_after(keep: str) -> Callable[[str, Gold], str | None]:
    """A thread of dated comments after the article's last paragraph; the article's day kept,
    moved to the end of the article (``end``: "Publié le …" just before the thread), or printed
    nowhere (``none``: null is right, a comment's date is wrong)."""
    def variant(dump: str, gold: Gold) -> str | None:
        day, dump = _day_and_dump(dump, gold, keep)
        if day is None or dump is None:
            return None
        end = _body_end(dump, gold)
        if end is None:
            return None
        lines = [""] + ([f"Publié le {_day_str(day)} à 07:45", ""] if keep == "end" else [])
        lines += [f"{len(_COMMENTS)} commentaires", ""]
        for k, (who, text) in enumerate(_COMMENTS):
            when = day + dt.timedelta(days=1 + k)
            lines += [f"{who} — le {when.day} {_MONTHS[when.month - 1]} {when.year} à {8 + k:02d}h12", text, ""]
        return _insert(dump, end + 1, lines)
    return variant


def relative_beside(dump: str, gold: Gold) -> str | None:
    """A relative stamp ("Mis à jour il y a 2 heures") printed above the full publication stamp,
    no capture date on the page: the full date is the article's."""
    got = _without_dates(dump, gold)
    if got is None:
        return None
    bare, day = got
    end = _title_end(bare, gold)
    return None if end is None else _insert(bare, end + 1, [
        "", "Par Jeanne Vautrin", "Mis à jour il y a 2 heures", f"{_day_str(day)} à 10:05"])


def relative_same_line(dump: str, gold: Gold) -> str | None:
    """"Publié le 3 mars 2024 à 10h05 (il y a 2 heures)": both on one line."""
    got = _without_dates(dump, gold)
    if got is None:
        return None
    bare, day = got
    end = _title_end(bare, gold)
    return None if end is None else _insert(bare, end + 1, [
        "", f"Publié le {long_fr(day)} à 10h05 (il y a 2 heures)"])


def _url_with(path: Callable[[dt.date, str], str]) -> Callable[[str, Gold], str | None]:
    """No date printed on the page; a share line after the article gives its own URL, the day
    written in the URL as ``path`` does (a related article's dated URL before it)."""
    def variant(dump: str, gold: Gold) -> str | None:
        got = _without_dates(dump, gold)
        if got is None or not gold.get("title"):
            return None
        bare, day = got
        other = day - dt.timedelta(days=40)
        return bare.rstrip("\n") + (
            "\n\nReferences\n\n"
            f"   1. https://www.courrier-valmorin.fr/{path(other, 'la-fete-du-pont-reunit-les-habitants')}\n"
            f"   2. https://www.courrier-valmorin.fr/{path(day, _slug(gold['title']))}\n")
    return variant


def _update_en(d: dt.date) -> list[str]:
    later = d + dt.timedelta(days=1)
    return [f"Updated {_EN[later.month - 1]} {later.day}, {later.year}",
            f"Published {_EN[d.month - 1]} {d.day}, {d.year} at 10:05 am"]


LAYOUTS: dict[str, Callable[[str, Gold], str | None]] = {
    "standfirst-name": standfirst_name_line,
    "standfirst-name-glued": _title_lines(standfirst_name_glued),
    "crumbs-full": crumbs_full,
    "date-publie": _formatted(lambda d: f"Publié le {long_fr(d)} à 10h05"),
    "date-slash-time": _formatted(lambda d: f"{_day_str(d)} 10:05"),
    "date-dots": _formatted(lambda d: f"{d:%d.%m.%Y} | 10:05"),
    "date-weekday": _formatted(lambda d: f"{_WEEKDAYS[d.weekday()].title()} {long_fr(d)}, 10:05"),
    "date-byline-slash": _moved("head", lambda d: [f"le {_day_str(d)} à 10h05 par Jeanne Vautrin"]),
    "date-en-published": _moved("head", lambda d: [f"Published {_EN[d.month - 1]} {d.day}, {d.year} at 10:05 am"]),
    "date-en-dmy": _formatted(lambda d: f"{d.day} {_EN[d.month - 1]} {d.year}"),
    "date-en-updated-first": _moved("head", _update_en),
    "date-relative-beside": relative_beside,
    "date-relative-same-line": relative_same_line,
    "related-above": related_above("keep"),
    "related-above-byline": related_above("byline"),
    "related-above-only": related_above("none"),
    "comments": comments_after("keep"),
    "comments-end-stamp": comments_after("end"),
    "comments-only": comments_after("none"),
    "date-url-compact": _url_with(lambda d, slug: f"actualite/{d:%Y%m%d}-{slug}"),
    "date-url-dmy": _url_with(lambda d, slug: f"societe/{slug}-{d:%d-%m-%Y}-ABCD123.php"),
    "date-url-dashed": _url_with(lambda d, slug: f"{d:%Y-%m-%d}/{slug}.html"),
}
