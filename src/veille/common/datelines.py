"""Datelines: the place, date and agency that open a wire story ("PARIS, 6 avr. (AFP) –").

Shared by the clean stage (which splits the dateline off the first paragraph) and the metadata
stage (which reads its fields). Agencies come from ``lexicons/agencies.tsv``; organisation names
(an "OTAN — …" line is no dateline) from the knowledge base the caller hands over, by default the
bundled one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.common.dates import MONTH_WORD, DateParts, calendar, parse_date
from veille.common.lexicon import rows
from veille.common.lexicon import words as lexicon_words


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """News agency names of ``lexicons/agencies.tsv``, lower case."""
    return lexicon_words("agencies.tsv")


# -- datelines ----------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE_WORD = rf"[{_UPPER}][\w'’.\-]*"
# Small words inside place names ("Rio de Janeiro", "SAINT-DENIS DE LA RÉUNION", "Le Caire").
_CONNECTORS = {"de", "du", "des", "la", "le", "les", "sur", "en", "et", "aux", "au", "d'", "l'", "upon", "of"}
_CONNECTOR_RX = r"(?:de|du|des|la|le|les|sur|en|et|aux|au|of|DE|DU|DES|LA|LE|LES|SUR|EN|ET|AUX|AU|OF)"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ ](?:{_CONNECTOR_RX}[ ])?{_PLACE_WORD}){{0,3}})"
_DATE_PART = rf"(?P<date>(?:le\s+)?(?:[A-Za-zÀ-ÿ]{{3,9}}\.?\s+)?(?:[0-3]?\d(?:er)?\s+{MONTH_WORD}|{MONTH_WORD}\s+[0-3]?\d)(?:,?\s+(?:19|20)\d\d)?|[0-3]?\d[/.][01]?\d(?:[/.](?:19|20)\d\d)?)"
# Swiss and Belgian wire copy write the day and month in figures, without a comma before them
# ("GENÈVE 12/03 (ATS) -"): a numeric date may follow the place after a plain space.
_DATE_LEAD = r"(?:,\s*|\s+(?=[0-3]?\d[/.][01]?\d\b))"
_AGENCY = r"\((?P<agency>[^()\n]{2,40})\)(?P<adot>\.(?=\s))?"
# TASS style: the agency between slashes after a period ("MOSCOU, 3 mars. /TASS/. Le …").
_SLASH_AGENCY = r"\.?\s*/(?P<sagency>[^/\n]{2,30})/\.?"
# A region or country in brackets after the place ("BARI (Italie), 14 juin", "GOMA (RDC) (AFP) -"):
# only when a date or another bracket follows, so that "MOSCOU (AFP) -" keeps AFP as the agency.
_REGION = rf"(?:\s*\((?P<region>[{_UPPER}][^()\n]{{1,30}})\)(?=\s*,|\s*\())"
_SEP = r"(?P<sep>\s*\.?\s*[-–—:]+\s*|\s*$|\s+)"
# AP style: the country after a comma ("KIEV, Ukraine (AP) —", "GOMA, RDC, 3 mars (AFP) -").
_REGION_AFTER_COMMA = rf"(?:,\s*(?P<region2>[{_UPPER}][\w'’\-]+(?:\s[{_UPPER}][\w'’\-]+)?)(?=\s*[,(]))"
DATELINE_RX = re.compile(
    rf"^{_PLACE}{_REGION}?{_REGION_AFTER_COMMA}?\s*(?:{_DATE_LEAD}{_DATE_PART})?\s*(?:{_AGENCY}|{_SLASH_AGENCY})?{_SEP}")
# "(AFP) - Le ministre …": the agency alone opens the first paragraph (no place, no date).
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[^()\n]{2,40})\)\s*[-–—]+\s*")
# Agency named after the dash, RIA/Sputnik style: "MOSCOU, 3 mars - Sputnik. Le ministre …".
_AGENCY_AFTER = re.compile(r"^(?P<agency>[^\W\d_][\w .\-]{1,30}?)(?:\s*[.:–—-]+(?:\s+|$)|\s*$)")
# A short acronym agency needs no second dash before a capitalised body ("Genève – ATS Le …").
_ACRONYM_AFTER = re.compile(r"^(?P<agency>[A-Z][A-Z\-]{1,11})\s+(?=[A-ZÀ-ÖØ-Þ])")


def _agency_after(rest: str) -> tuple[str, int] | None:
    """A listed agency opening what follows a dateline's dash, and how much of ``rest`` it takes:
    "AFP – Le ministre", "MAP –", "ATS" (alone), "ATS Le conseil" (an acronym before the body)."""
    for rx in (_AGENCY_AFTER, _ACRONYM_AFTER):
        m = rx.match(rest)
        if m and m.group("agency").strip().lower() in agencies():
            return m.group("agency").strip(), m.end()
    return None


@dataclass
class DatelineMatch:
    text: str  # the dateline as it stands, separator included
    rest: str  # what follows it on the same line (the start of the first paragraph), may be ""
    place: str | None
    date: DateParts | None
    agency: str | None


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _looks_like_agency(name: str) -> bool:
    """A listed agency, a domain name, or several agencies joined ("ats/afp", "AFP, Reuters")."""
    n = name.strip().lower()
    if n in agencies() or re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", n):
        return True
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|\bet\b|&)\s*", n) if p.strip()]
    return len(parts) >= 2 and all(p in agencies() for p in parts)


def find_dateline(line: str, organisations: Collection[str] | None = None) -> DatelineMatch | None:
    """The agency-style opening of a line, or None. Strict on purpose: a body sentence must not be
    mistaken for a dateline, so a place that is not in capitals needs a date or a known agency.
    ``organisations``: lower-case organisation names that are no place ("OTAN — …"); None reads
    them from the default KB (``organisation_names()``)."""
    m = DATELINE_RX.match(line)
    if not m:
        return _agency_only(line)
    place, date_text = m.group("place"), m.group("date")
    if date_text and place.strip(" .,").lower() in calendar()["weekdays"]:
        return None  # "Lundi, 24 octobre 2016": a stamp's weekday, no place
    agency = m.group("agency") or m.group("sagency")
    rest = line[m.end():]
    end = m.end()
    sep = m.group("sep")
    if not agency and sep.strip(" ") and re.search(r"[-–—]", sep) or not agency and date_text and sep.strip():
        # "RABAT, 3 mars – MAP –", "KIEV – AFP – …": a listed agency right after the dash; a
        # section label before it ("ANALYSE – AFP") is not a place.
        after = _agency_after(rest)
        if after and (date_text or place.strip(".").lower() not in kicker_words()):
            agency, rest, end = after[0], rest[after[1]:], end + after[1]
    if not date_text and not agency:
        return _dash_dateline(line, m, organisations)
    if date_text and not agency and not _is_upper(place) and "," not in line[m.end("place"):m.start("date")]:
        # A date in figures after a plain space is Swiss and Belgian wire copy's ("SION 14/05 -",
        # "Sion 14/05 (ATS) -"): with a place in mixed case and no agency it is a numbered item
        # ("Chapitre 4/6 : …", a series' headline), not a dateline.
        return None
    parts = parse_date(date_text.rstrip(".")) if date_text else None
    if date_text and parts is None:
        return None
    if not parts and not _looks_like_agency(agency or ""):
        return None  # "EXCLUSIF (VIDÉO) -" is a kicker, not a dateline: no date, no known agency
    if not _is_upper(place):
        if not parts and not (agency and _looks_like_agency(agency)):
            return None
        if len(place.split()) > 3:
            return None
    # A glued dateline needs a separator before the body; a standalone one may end the line. Only
    # a TASS-style "/TASS/." or a known agency after a place in capitals ("BRUXELLES (Belga) Le
    # ministre …") is clear enough to do without one.
    if rest and not sep.strip():
        clear = m.group("sagency") or (
            agency and _looks_like_agency(agency) and rest[:1].isupper())
        if not clear:
            return None
    return DatelineMatch(line[:end].strip(), rest.strip(), normalize_place(place), parts,
                         agency.strip() if agency else None)


_DASH = re.compile(r"\s+[—–]\s+")


def _dash_dateline(line: str, m: re.Match[str], organisations: Collection[str] | None) -> DatelineMatch | None:
    """Canadian-style "MONTRÉAL — Le gouvernement …" (La Presse Canadienne, Radio-Canada): a
    place in capitals, a long dash, the first sentence; no date, no agency. A section label
    ("ANALYSE — …", the kickers of ``lexicons/boilerplate.tsv``) is not a place."""
    place = m.group("place")
    sep = _DASH.match(line, m.end("place"))
    if sep is None or m.group("region") or not _is_upper(place) or len(place.split()) > 3 \
            or len([c for c in place if c.isalpha()]) < 3:
        return None
    rest = line[sep.end():]
    if not rest[:1].isupper() or len(rest.split()) < 6:
        return None
    low = place.strip(".").lower()
    if organisations is None:
        organisations = organisation_names()
    if low in kicker_words() or low in agencies() or low in organisations:
        return None  # "ANALYSE — …", "OTAN — Les alliés …": a label or an organisation
    return DatelineMatch(line[:sep.end()].strip(), rest.strip(), normalize_place(place), None, None)


_ORG_NAMES: dict[int, tuple[Any, frozenset[str]]] = {}


def organisation_names(kb: Any = None) -> frozenset[str]:
    """Names and aliases of a knowledge base's organisations, lower case (``kb`` None: the
    bundled KB and the user's, as ``veille.kb.load_kb()`` merges them). Cached per KB object."""
    if kb is None:
        from veille.kb import load_kb

        kb = load_kb()
    cached = _ORG_NAMES.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    names = frozenset(n.lower() for e in kb.entries.values() if e.get("type") == "ORG"
                      for n in [e.get("name", ""), *(e.get("aliases") or [])] if n)
    _ORG_NAMES[id(kb)] = (kb, names)
    return names


@lru_cache(maxsize=1)
def kicker_words() -> frozenset[str]:
    """Section labels over a headline ("ANALYSE", "EXCLUSIF"): the ``kicker`` cues of
    ``lexicons/boilerplate.tsv``, lower case."""
    return frozenset(" ".join(unicodedata.normalize("NFKC", cols[3]).lower().replace("’", "'").split())
                     for cols in rows("boilerplate.tsv", min_columns=4) if cols[0] == "kicker")


def _agency_only(line: str) -> DatelineMatch | None:
    """"(AFP) - Le ministre …": a known agency in brackets, a dash, then the first paragraph."""
    m = _AGENCY_ONLY.match(line)
    if not m or not _looks_like_agency(m.group("agency")) or not line[m.end():].strip():
        return None
    return DatelineMatch(line[:m.end()].strip(), line[m.end():].strip(), None, None, m.group("agency").strip())


def normalize_place(place: str) -> str:
    """"BRUXELLES" -> "Bruxelles", "RIO DE JANEIRO" -> "Rio de Janeiro"; mixed case is kept."""
    place = " ".join(place.split())
    if not _is_upper(place):
        return place

    def word(w: str, first: bool) -> str:
        low = w.lower()
        if not first and low in _CONNECTORS:
            return low
        for ap in ("'", "’"):  # "L'AQUILA" -> "L'Aquila"
            if ap in low:
                head, _, tail = low.partition(ap)
                return head.capitalize() + ap + tail.capitalize()
        return low.capitalize()

    out = []
    for i, w in enumerate(place.split(" ")):
        out.append("-".join(word(p, i == 0 and j == 0) for j, p in enumerate(w.split("-"))))
    return " ".join(out)
