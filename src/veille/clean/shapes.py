"""Layout tests of single lines: credits, date stamps, bylines, breadcrumbs, mastheads, sign-offs."""

from __future__ import annotations

import re
from functools import lru_cache

from veille.clean.captions import credit_tail, is_file_name
from veille.clean.cues import boilerplate_cues, cue_kind
from veille.clean.text import (
    COLON_CLAUSE,
    ELLIPSIS_END,
    FINAL_PUNCT,
    SENTENCE_END,
    SLASH_CREDIT,
    TRAILING_MARKS,
    WHOLE_PAREN,
    is_prose,
    line_key,
    normalize_line,
    word_count,
    words,
)
from veille.common.datelines import agencies
from veille.common.dates import (
    MONTH_WORD,
    TEXT_DATE,
    calendar,
    find_date_in_line,
    find_full_date,
    month_number,
)
from veille.common.lexicon import rows
from veille.common.lexicon import words as lexicon_words


def is_credit(line: str) -> bool:
    if credit_tail(line) or is_file_name(line):
        return True  # a caption closed by its credit ("… lundi. Photo Léa Roy"), a picture's file name: captions.py
    # "Rennes / Nantes : la ligne reportée" is a headline: a credit has no clause after a colon.
    if word_count(line) > 30:
        return False
    if _caption_credit().search(line):
        return True
    return bool(SLASH_CREDIT.search(line)) and not is_prose(line) and not COLON_CLAUSE.search(line)


@lru_cache(maxsize=1)
def _caption_credit() -> re.Pattern[str]:
    """A caption ending on its photo credit in capitals: "… le 24 juin. REUTERS - JANE DOE",
    "… AFP - JOHN SMITH" (an agency of ``lexicons/agencies.tsv`` in capitals, a dash, a name in
    capitals). Case-sensitive: "a dit à Reuters - sans …" is a sentence."""
    names = sorted({a.upper() for a in agencies() if len(a) >= 2}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alt})\s*[-–/]\s*[A-ZÀ-Þ][A-ZÀ-Þ .'’-]+$")


_STAMP_FILLER = re.compile(
    r"\b(le|à|a|at|on|h|\d{1,2}[h:]\d{2}(?::\d{2})?|\d{1,2}h|(?:gmt|utc|cet|cest)(?:\s?[+-]\s?\d{1,2})?)\b"
    r"|[,|–—-]", re.I)


# "November 30, 2025": the month first, as an English page template prints its stamp.
_MDY_DATE = re.compile(rf"\b(?P<month>{MONTH_WORD})\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b", re.I)
# The author printed beside the stamp: initials before it ("J.C. 3 mars 2024"), or a name after a
# separator or "par" ("3 mars 2024 - Awa Koné", "3 mars 2024 par Awa Koné"); one capitalised word
# alone is a rubric ("Politique 20/03/2023", a teaser's), not an author.
_INITIALS = re.compile(r"^\s*(?:[A-ZÀ-Þ]\.\s?){1,3}[,|–—-]?\s*$")
_AUTHOR_AFTER = re.compile(r"^\s*(?:[|–—-]\s*(?:(?:par|by)\s+)?|(?:par|by)\s+)"
                           r"[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){1,3}\s*$")


# "13/01/2023 Awa Koné 9", "13 janv. 2023 Awa Koné 9": a line opening on its date (numeric or
# written), the author's name (two or three capitalised words) and the count of readers' comments
# after it, with no separator.
_NAME_AFTER = re.compile(r"^\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){1,2}(?:\s+\d{1,4})?\s*$")
_YEAR = re.compile(r"(?:19|20)\d\d")  # every form read here writes its year: a cheap test first


# "19/01/15", "le 16.10.16 à 18:00": the day and month in two figures each, the year in two (a
# template's ``%d/%m/%y``); read as a stamp only when the line is that date and filler (see
# ``is_date_stamp``): in a sentence the figures may be anything.
_SHORT_YEAR_DATE = re.compile(r"(?<![\d/.])(?P<day>[0-3]\d)(?P<sep>[/.])(?P<month>[01]\d)(?P=sep)\d\d(?![\d/.]|\.\d)")


def _date_match(line: str) -> re.Match[str] | None:
    if not _YEAR.search(line):
        m = _SHORT_YEAR_DATE.search(line)
        return m if m and 1 <= int(m.group("day")) <= 31 and 1 <= int(m.group("month")) <= 12 else None
    m = TEXT_DATE.search(line)
    if m is None:
        m = _MDY_DATE.search(line)
        if m is not None and not month_number(m.group("month")):
            return None
    return m


@lru_cache(maxsize=1)
def short_weekdays() -> frozenset[str]:
    """Three-letter weekdays ("ven", "mar") a template prints before a date (``clean/short_weekdays.tsv``)."""
    return lexicon_words("clean/short_weekdays.tsv")


@lru_cache(maxsize=8192)  # (asked of the same lines by the run finder, the headline chooser, the stamps)
def is_date_stamp(line: str) -> bool:
    """A line that is a date and little else: a weekday (or its three letters, "Ven 12 mars 2022"),
    a time, "le", "à" may go with it, and the author's initials or name beside it (see ``_INITIALS``).
    The date may give its year in two figures when it is all figures ("19/01/15 à 18:00")."""
    m = _date_match(line)
    if not m or word_count(line) > 10:
        return False
    before, after = line[:m.start()], line[m.end():]
    if _INITIALS.match(before):
        before = ""
    elif _AUTHOR_AFTER.match(_STAMP_FILLER.sub(lambda f: f.group(0) if f.group(0) in "|–—-" else " ", after)) \
            or not before.strip() and _YEAR.search(m.group(0)) and _NAME_AFTER.match(after):
        after = ""
    rest = _STAMP_FILLER.sub(" ", before + " " + after)
    weekdays = calendar()["weekdays"]
    return all(w.lower().strip(".") in weekdays or w.lower().strip(".") in short_weekdays() for w in rest.split())


# Breadcrumb separators: ">", "»", "›", "|", "/" with a space on each side ("Accueil > Monde").
_CRUMB_SEP = re.compile(r"\s+[>»›|/]\s+|\s*[>›]\s*")
_CRUMB_MAX_WORDS = 5
_SITE_NAME_MAX_WORDS = 5
# A reader's comment: a first name (or pseudonym) then a colon ("Jean-Pierre : Enfin !").
COMMENT_LINE = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2}\s?:\s+\S")
SIGN_OFF_MAX_WORDS = 4
DATED_LINE_MAX_WORDS = 16
AFTER_STANDFIRST_MAX_WORDS = 10
# An author's line: a name (two to four capitalised words), alone or followed by a place or a
# role ("Koffi Mensah, à Lomé", "Awa Koné, correspondante", "Awa Koné | Abidjan").
_AUTHOR_LINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de\s+|van\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){1,3}"
    r"(?:\s*,\s*(?:à|au|aux|en|depuis|correspondant\w*|envoyée?s?\b|journaliste|rédact\w*|reporter)\b.*"
    r"|\s*[|/–—-]\s.*|\s*)$")
_AUTHOR_LINE_MAX_WORDS = 8


def is_author_line(line: str) -> bool:
    """"Koffi Mensah, à Lomé": a name and where or what the author is, no sentence."""
    return word_count(line) <= _AUTHOR_LINE_MAX_WORDS and not FINAL_PUNCT.search(line) \
        and bool(_AUTHOR_LINE.match(line.strip()))
QUESTION_OR_QUOTE = re.compile(r"^(?:[-–—]\s*)?(?:[^«»\n]*\?|«[^«»]+»|[“\"][^“”\"]+[”\"])\s*$")
# Lines that sit right under the headline on most sites: bylines, signatures ("X avec AFP"),
# publication stamps.
ANCHOR_KINDS = frozenset({"date", "date_update", "byline", "source"})
# Furniture kinds whose dates belong to other pages (related links, menus, comments): never read
# as the article's own stamp.
FOREIGN_DATE_KINDS = frozenset({"link", "nav", "comments", "comments_section", "newsletter", "ad", "live"})


RELATED_MAX_ITEMS = 10
_LINK_HEADING_MAX_WORDS = 5
# "Moussa, le 12 mars 2024 à 18h20", "Aïcha K. - 3 mars 2024", "Jean-Pierre a écrit :", "Marc dit :":
# a reader's name (one to three capitalised words) then a date or a "wrote" verb.
_COMMENT_AUTHOR = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2}")
_COMMENT_DATE_LEAD = re.compile(r"^\s*(?:,|[-–—|]|\ble\b|\bon\b)", re.I)
_COMMENT_HEADER_MAX_WORDS = 12
_COMMENT_STAMP_MAX_WORDS = 8


@lru_cache(maxsize=16384)  # (asked of each unit under a candidate thread heading, several times)
def is_comment_header(line: str) -> bool:
    """A reader's name then a date, or then "a écrit :": the head of a comment, not a sentence."""
    m = _COMMENT_AUTHOR.match(line)
    if not m or word_count(line) > _COMMENT_HEADER_MAX_WORDS or line.rstrip().endswith("."):
        return False
    rest = line[m.end():]
    lead = normalize_line(rest).lstrip(" ,-–—|")
    if any(lead.startswith(c) and (lead == c or _only_a_date(lead[len(c):]) if c.endswith(":")
                                   else word_count(line) <= _COMMENT_STAMP_MAX_WORDS)
           for c in _comment_stamps()):
        return True  # "Aïcha K. a écrit :", "Moussa - il y a 3 heures", "Marc dit : 3 mars 2024 à 9 h 12 min"
    parts = find_date_in_line(rest)
    return bool(_COMMENT_DATE_LEAD.match(rest)) and parts is not None and cue_kind(line) is None


def _only_a_date(text: str) -> bool:
    """A comment's date glued after "dit :" by the dump ("3 mars 2024 à 9 h 12 min"): a full date
    first, a few words of time after it."""
    m = TEXT_DATE.search(text)
    return m is not None and not text[:m.start()].strip() and word_count(text) <= _COMMENT_STAMP_MAX_WORDS \
        and find_full_date(text) is not None


@lru_cache(maxsize=1)
def _comment_stamps() -> tuple[str, ...]:
    return tuple(c.text for c in boilerplate_cues() if c.kind == "comment_stamp")


AUTHOR_NOTE_LAST = 2
AUTHOR_NOTE_MAX_WORDS = 40
_BYLINE_NAME = re.compile(r"^(?:[^A-ZÀ-Þ]*?)\b((?:[A-ZÀ-Þ][\w'’.-]+)(?:\s+(?:de\s+|du\s+|van\s+|von\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){1,3})")


def byline_name(line: str) -> str | None:
    """The author's name a byline gives: "Propos recueillis par Awa Traoré | 3 mars" -> "Awa Traoré"."""
    for cue in boilerplate_cues():
        if cue.kind == "byline" and normalize_line(line).startswith(cue.text):
            rest = line.strip()[len(cue.text):].lstrip(" :\u00a0")
            m = _BYLINE_NAME.match(rest)
            return m.group(1) if m else None
    return None


def is_link_heading(line: str) -> bool:
    """A related-links heading: the cue words alone ("Sur le même sujet", "À lire aussi :"), no
    headline after them."""
    bare = TRAILING_MARKS.sub("", line.strip())
    return ":" not in bare and word_count(bare) <= _LINK_HEADING_MAX_WORDS


def is_breadcrumb(line: str) -> bool:
    """"Accueil > Monde > Europe", "Agence | Actualité | Politique", "Site > Monde": short
    segments joined by crumb separators, no sentence."""
    if "«" in line or ":" in line or SENTENCE_END.search(line):
        return False  # "Ukraine / Russie : la trêve" is a headline
    parts = [p for p in _CRUMB_SEP.split(line) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= _CRUMB_MAX_WORDS for p in parts)


def is_site_name(line: str) -> bool:
    """A short line in capitals ("RADIO DU MONDE", "L'HEBDO DU SUD"): a site name or a section
    label, not a headline (a headline in capitals is longer or has a colon)."""
    if ":" in line:
        return False
    letters = 0
    for c in line:  # (stops at the first letter in lower case: most lines)
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 3 and word_count(line) <= _SITE_NAME_MAX_WORDS


MASTHEAD_MAX_WORDS = 6
_DOMAIN = re.compile(r"(?:^|\s)(?:www\.)?[\w-]+\.(?:com|fr|be|ch|ca|net|org|info|africa|ma|sn|ci|cd|cm|tn|dz|lu|media|news)\b", re.I)


def is_masthead(line: str) -> bool:
    """An outlet's or a blog's name line: a site name in capitals, a domain ("LeJournal.sn"), a
    short line opening with a site word of the lexicon ("Le blog de Koffi"), or a short name in
    title case ("Le Petit Courrier du Sahel"): French headlines are written in sentence case,
    names capitalise every main word."""
    if is_site_name(line) or _DOMAIN.search(line) and word_count(line) <= MASTHEAD_MAX_WORDS:
        return True
    ws = words(line)
    if not 2 <= len(ws) <= MASTHEAD_MAX_WORDS or ":" in line or FINAL_PUNCT.search(line):
        return False
    norm = normalize_line(line)
    if any(re.match(rf"{re.escape(c)}(?!\w)", norm) for c in _site_words()):
        return True  # "Le blog de Koffi", "Le journal de Lomé": a site's own name
    main = [w for w in ws if len(re.sub(r"\W", "", w)) >= 4 or w[:1].isupper()]
    capitalised = [w for w in main if w[:1].isupper()]
    return len(capitalised) >= 2 and len(capitalised) == len(main)


@lru_cache(maxsize=1)
def _site_words() -> tuple[str, ...]:
    return tuple(c.text for c in boilerplate_cues() if c.kind == "site")


def is_dated_masthead(line: str) -> bool:
    """"Le Courrier du Soir — 4 juin 2019", "Journal X | 03/02/2023", "Le Quotidien, 4 juin 2019":
    segments joined by dashes, bars or commas, one of them a date stamp, the others short names."""
    parts = [p for p in re.split(r"\s+[-–—|]\s+|\s*\|\s*|,\s+", line) if p.strip()]
    if len(parts) < 2 or word_count(line) > DATED_LINE_MAX_WORDS:
        return False
    dated = [p for p in parts if is_date_stamp(p)]
    return bool(dated) and all(p in dated or word_count(p) <= MASTHEAD_MAX_WORDS
                               and not FINAL_PUNCT.search(p) for p in parts)


def is_menu_or_label(line: str) -> bool:
    """A menu of sections ("Monde Europe Afrique Sports") or a section label ("EUROPE", "Défense |
    Armée"): every word capitalised and no sentence mark, or a site name in capitals. Such lines
    sit between an outlet's name and its headline; a headline is in sentence case, or in capitals
    as a sentence ("QUAND LES JEUNES SE DÉTOURNENT DE LA LECTURE": its small words say so)."""
    if is_site_name(line) or is_breadcrumb(line):
        return True
    ws = words(line)
    if not ws or FINAL_PUNCT.search(line) or ":" in line or "«" in line:
        return False
    if len(ws) >= CAPS_SENTENCE_MIN_WORDS and line.isupper() \
            and sum(1 for w in ws if w.lower() in _SMALL_WORDS) >= CAPS_SENTENCE_SMALL_WORDS:
        return False
    return all(w[:1].isupper() for w in ws)


CAPS_SENTENCE_MIN_WORDS = 6
CAPS_SENTENCE_SMALL_WORDS = 2
# Articles, prepositions and pronouns a sentence has and a menu of section names has not.
_SMALL_WORDS = frozenset("le la les l de du des d un une et à au aux en pour sur par se sa son ses "
                         "ne pas qui que dans avec".split())


# An agency desk's sign-off: the editors' initials joined by slashes ("abc/def", "xy/zw/ab"), a
# pair joined by a hyphen ("abc-def/gh/ij/kl").
_INITIALS_SIGN_OFF = re.compile(r"^[a-z]{2,5}(?:-[a-z]{2,5})?(?:\s?/\s?[a-z]{2,5}(?:-[a-z]{2,5})?){1,5}$")


def is_desk_initials(line: str) -> bool:
    """The desk's initials joined by slashes, alone on a line ("abc/def", "abc-def/gh/ij")."""
    return _INITIALS_SIGN_OFF.match(line.strip()) is not None


def is_sign_off(line: str) -> bool:
    """A short line wholly in brackets: an agency sign-off ("(Belga)", "(Avec AFP)") or a tag;
    the desk's initials joined by slashes ("abc/def"); agency names alone ("ats", "AFP/Reuters")."""
    short = word_count(line) <= SIGN_OFF_MAX_WORDS
    if short and WHOLE_PAREN.match(line) or _INITIALS_SIGN_OFF.match(line.strip()):
        return True
    if not short:
        return False
    parts = [p.strip().lower() for p in re.split(r"[/,]|\bet\b", line.strip().strip("()."))]
    return all(p in agencies() for p in parts)


def can_be_title(line: str) -> bool:
    """Not a headline whatever its place: a date stamp, a breadcrumb, a site name in capitals."""
    return not (is_date_stamp(line) or is_breadcrumb(line) or is_site_name(line) or is_dated_masthead(line))


def truncated_prefix(crumb: str, line: str) -> bool:
    """True when the last words of ``crumb`` open ``line``: a breadcrumb or teaser that repeats
    the headline, cut short ("Accueil Monde Le port … pour..." then "Le port … pour deux ans").
    With an ellipsis three shared words suffice; without one, the crumb must carry words before
    the headline and share five of its words, or all of them (a crumb ending on the full title)."""
    ellipsis = ("..." in crumb or "…" in crumb) and ELLIPSIS_END.search(crumb) is not None
    head = line_key(ELLIPSIS_END.sub("", crumb) if ellipsis else crumb).split()
    target = line_key(line).split()
    first = target[0] if target else None
    for k in range(min(len(head), len(target), 40), 2, -1):
        if head[-k] != first or head[-k:] != target[:k]:
            continue
        if ellipsis or (len(head) > k and (k >= 5 or k == len(target))):
            return True
    return False


# A rubric in capitals before the headline ("FRANCE - ", "REPORTAGE. ", "VIDÉO – ") and a town
# before it ("Belmont-sur-Lisse. "): page furniture printed on the headline's line.
_CAPS_KICKER = re.compile(r"^(?P<kicker>[A-ZÀ-Þ][A-ZÀ-Þ0-9'’ -]{1,30}?)\s*(?:[-–—]\s+|\.\s+)(?=[«\"“A-ZÀ-Þ0-9])")
_TOWN_KICKER = re.compile(r"^(?P<kicker>[A-ZÀ-Þ][\w'’-]{2,}(?:\s+[A-ZÀ-Þ][\w'’-]{2,}){0,2})\.\s+(?=[«\"“A-ZÀ-Þ])")
KICKER_MAX_WORDS = 3
KICKED_MIN_WORDS = 4
_BRACKET_KICKER = re.compile(r"^\[[^\]\[]{2,25}\]\s*(?=\S)")
# Words a French headline often opens with (articles, question words, pronouns, prepositions).
_HEADLINE_OPENERS = frozenset("le la les un une des du de au aux en à ce cet cette ces quand comment pourquoi "
                              "qui que quel quelle quels quelles il elle ils elles on nous vous sur dans pour avec "
                              "après avant face entre vers son sa ses leur leurs".split())


@lru_cache(maxsize=1)
def _section_kicker() -> re.Pattern[str]:
    """An optional town and a dash, then a section name of ``lexicons/clean/sections.tsv``, then a
    space, a dash or a full stop (a colon would make it the headline's own rubric), then a capital:
    a section name going on in lower case is the headline's own phrase ("Politique de la ville …")."""
    names = sorted((cols[0] for cols in rows("clean/sections.tsv", min_columns=2)), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"^(?P<kicker>(?:[A-ZÀ-Þ][\w'’-]{{2,}}(?:\s+[A-ZÀ-Þ][\w'’-]{{2,}}){{0,2}}\s*[-–—|]\s*)?"
                      rf"(?:{alt}))(?:\s*[-–—|.]\s+|\s+)(?-i:(?=[«\"“A-ZÀ-Þ]))", re.I)


def is_section_name(line: str) -> bool:
    """The whole line is a section name of ``lexicons/clean/sections.tsv``, maybe after a town and a
    dash ("Faits divers", "Valmorin - Faits divers"): a rubric over the headline, never its own."""
    key = " ".join(re.split(r"\s*[-–—|•]\s*", line.strip(" .:|-–—"))[-1].lower().split())
    return bool(key) and key in _section_names()


@lru_cache(maxsize=1)
def _section_names() -> frozenset[str]:
    return frozenset(" ".join(cols[0].lower().split()) for cols in rows("clean/sections.tsv", min_columns=2))


def strip_kicker(title: str) -> str:
    """"FRANCE - La police …" -> "La police …", "Valmorin. Le pont …" -> "Le pont …", "Valmorin -
    Faits divers Un cycliste …" -> "Un cycliste …": a rubric in capitals, a town name (capitalised
    words, at most three) or a section name (after a town maybe) glued before the headline, when
    a headline of some length follows."""
    m = _BRACKET_KICKER.match(title)
    if m and word_count(title[m.end():]) >= KICKED_MIN_WORDS:
        return title[m.end():].strip()  # "[Tribune] …", "[VIDÉO] …"
    m = _section_kicker().match(title)
    if m and m.group("kicker")[:1].isupper() and word_count(title[m.end():]) >= KICKED_MIN_WORDS:
        rest = title[m.end():]
        spaced = not re.search(r"[-–—|.]\s*$", title[:m.end()])
        # After a mere space, the headline must open like one ("Faits divers Un cycliste …"): a
        # name would go on ("Société Générale annonce …", "France Télévisions …").
        kicker = m.group("kicker").strip(" -–—|.")
        # (A section name in capitals before a headline in sentence case: "ÉCONOMIE Les prix …".)
        caps = kicker.isupper() and len(kicker) >= 4 and not words(rest)[0].isupper()
        if not spaced or caps or rest[:1] in "«\"“" or words(rest)[0].lower().strip("'’") in _HEADLINE_OPENERS \
                or re.match(r"^[LlDdQq]['’]", rest):
            return rest.strip()
    for rx in (_CAPS_KICKER, _TOWN_KICKER):
        m = rx.match(title)
        if not m:
            continue
        kicker, rest = m.group("kicker"), title[m.end():]
        if rx is _CAPS_KICKER and (kicker.upper() != kicker or not any(c.isalpha() for c in kicker)):
            continue
        if word_count(kicker) <= KICKER_MAX_WORDS and word_count(rest) >= KICKED_MIN_WORDS:
            return rest.strip()
    return title
