"""Cleaning: raw input to title, body paragraphs and the boilerplate removed from it.

Text dumps of scraped pages keep the page furniture around the article: a breadcrumb that
repeats the title cut with "...", a comment counter, image captions (often twice: alt text and
caption with credit), "Suivez en direct …", "Lire aussi : …", "Article précédent/suivant",
"Source : …". The rules below are about layout, not sites:

* everything before the headline is furniture (crumbs, menus); the headline is the line just
  above the byline or publication stamp ("Par …", "Publié le …", "Mis à jour …", "X avec AFP", a
  bare date), over a standfirst; else the first line that is not furniture, or the line a crumb
  truncated ("… sur la réponse..." then the full line). Never a headline: a consent banner, a bare
  date stamp, a breadcrumb ("Accueil > Monde", "Agence | Actualité"), a short line in capitals
  (a site name), a "Site – tagline" line;
* between the headline and the first body paragraph, lines that are not paragraphs (short, no
  final punctuation, near-duplicates of each other, credits) are furniture (captions, bylines);
  a standalone agency dateline (``BRUXELLES, 6 avr. (AFP) –``) marks where the body starts;
* anywhere, a line opening with a furniture cue of ``lexicons/boilerplate.tsv`` ("Lire aussi",
  "Article suivant", "Partager", "Publié le" …), a lone number, a photo credit, a repeat of the
  title, or the second of two near-identical short lines is furniture;
* a short line wholly in brackets is a sign-off ("(Belga)"); a bracketed credit ("(Reportage …,
  édité par …)"), a byline, a promo ending on a call to action ("… S'inscrire") are furniture;
* once the body has started, a comments header ("Vos réactions (7)", "Commentaires", "Laisser un
  commentaire") closes the article: every line after it is furniture;
* after the last paragraph, short lines without final punctuation are furniture (tags, sources),
  and so are "Prénom : texte" lines (readers' comments).

Every removed line goes to ``article.boilerplate`` as it stands (stripped), so nothing is lost.
A dateline is split off (also when glued to the first paragraph) into ``article.dateline.text``
for the metadata stage, and a leading crawl header (`` date 2022-11 ``) into
``article.hints["header_date"]``.

HTML (also HTML records and feed entries) goes through trafilatura (precision first, paragraphs
kept), then through the same line rules; title, date and site come from the page's metadata
unless the reader's hints (feed, JSONL record) already give them. JSONL text records are cleaned
like dumps, but the record's title and date win.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from veille.metadata import find_date_in_line, find_dateline, normalize_date
from veille.model import Article, Dateline

# -- the furniture lexicon ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    kind: str
    where: str  # "prefix" | "anywhere" | "counter"
    max_words: int
    text: str


@lru_cache(maxsize=1)
def boilerplate_cues() -> tuple[Cue, ...]:
    text = resources.files("veille").joinpath("lexicons/boilerplate.tsv").read_text("utf-8")
    cues = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, where, max_words, cue = line.split("\t")
        cues.append(Cue(kind, where, int(max_words), normalize_line(cue)))
    return tuple(cues)


def normalize_line(line: str) -> str:
    """Lower case, NFKC, one apostrophe, one space, " :" written ":" (for cue matching only)."""
    s = unicodedata.normalize("NFKC", line).lower()
    s = s.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    s = " ".join(s.split())
    return re.sub(r"\s+:", ":", s)


def cue_kind(line: str) -> str | None:
    """The kind of furniture a line is by its cue words ("link", "nav", "date", …), or None."""
    norm = normalize_line(line)
    nwords = len(norm.split())
    any_length, longest = _cues_by_length()
    # A long paragraph is checked only against the cues that apply at any length.
    cues = any_length if nwords > longest else boilerplate_cues()
    counted = _COUNTER.match(norm) or _COUNTER_AFTER.match(norm)
    bare = _TRAILING_MARKS.sub("", norm)
    bracketed = bool(_WHOLE_PAREN.match(norm))
    segments = _TAGLINE_SPLIT.split(norm)
    for cue in cues:
        if cue.max_words and nwords > cue.max_words:
            continue
        if cue.where == "prefix":
            if norm.startswith(cue.text) and _cue_word_ends(norm, cue.text, line) \
                    and not _sentence_opening_with_cue(line, norm, cue):
                return cue.kind
        elif cue.where == "anywhere":
            if cue.text in norm and _whole_words(cue.text).search(norm):
                return cue.kind
        elif cue.where == "counter":
            if counted and counted.group(1) == cue.text:
                return cue.kind
            # "12 réflexions sur « Le titre »", "3 réponses à « … »": a comment counter naming the
            # post it answers is the header of the blog's comments section.
            if counted and counted.group(1).startswith(cue.text + " ") and _COUNTER_ON_TITLE.match(counted.group(1)) \
                    and cue.kind in ("comments", "comments_section"):
                return "comments_section"
        elif cue.where == "suffix":
            # A button label closing a promo: capitalised, no final period ("… S'inscrire"); a
            # sentence "… peuvent s'abonner." is body.
            if bare.endswith(cue.text) and (len(bare) == len(cue.text) or not bare[-len(cue.text) - 1].isalnum()) \
                    and not line.rstrip().endswith(".") and _capitalised_tail(line, len(cue.text)):
                return cue.kind
        elif cue.where == "paren":
            if bracketed and re.search(rf"(?<!\w){re.escape(cue.text)}(?!\w)", norm):
                return cue.kind
        elif cue.where == "byline":
            if _is_byline(line, norm, cue.text):
                return cue.kind
        elif cue.where == "tagline":
            if len(segments) >= 2 and any(re.match(rf"{re.escape(cue.text)}(?!\w)", seg) for seg in segments[1:]):
                return cue.kind
    if len(segments) >= 2 and nwords <= _COMPOSITE_MAX_WORDS:
        return _composite_stamp_kind(line)
    return None


# A byline, stamps and a reading time on one line, joined by dashes or bars: too long for each
# cue's own word limit, furniture all the same.
_COMPOSITE_MAX_WORDS = 40
_COMPOSITE_PART_KINDS = frozenset({"byline", "date", "date_update", "reading", "source"})
_STAMP_SEGMENT_MAX_WORDS = 6


def _composite_stamp_kind(line: str) -> str | None:
    """"Par X - 15 nov. à 18:40 | mis à jour le 15 nov. à 21:05 - Temps de lecture : 2 min": every
    segment is a byline, a publication or update stamp or a reading time. The line is a "date"
    line when a segment is a publication date (the metadata stage reads it), else of the first
    segment's kind. A sentence with a dash in it has a segment that is none of these."""
    parts = [p for p in _TAGLINE_SPLIT.split(line.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    kinds: list[str] = []
    for part in parts:
        kind = cue_kind(part)
        if kind is None and len(words(part)) <= _STAMP_SEGMENT_MAX_WORDS and find_date_in_line(part):
            kind = "date"
        if kind not in _COMPOSITE_PART_KINDS:
            return None
        kinds.append(kind)
    if "date" in kinds:
        return "date"
    return kinds[0]


@cache
def _whole_words(cue: str) -> re.Pattern[str]:
    """The cue as whole words: no letter glued to its alphanumeric ends."""
    head = r"(?<!\w)" if cue[:1].isalnum() else ""
    tail = r"(?!\w)" if cue[-1:].isalnum() else ""
    return re.compile(head + re.escape(cue) + tail)


def _cue_word_ends(norm: str, cue: str, line: str) -> bool:
    """The cue ends on a word boundary ("partager" opens "Partager sur X", not "Partagerons"); a
    plural is the same cue ("Newsletters"), and so is a label glued to a capitalised headline
    ("Article suivantLe port …", a dump of two block elements)."""
    nxt = norm[len(cue):len(cue) + 1]
    if not cue[-1:].isalnum() or not nxt or not nxt.isalnum():
        return True
    orig = " ".join(unicodedata.normalize("NFKC", line).split())
    if orig[len(cue):len(cue) + 1].isupper():
        return True
    return nxt in "sx" and not norm[len(cue) + 1:len(cue) + 2].isalnum()


# Cue kinds whose words also open ordinary sentences ("Partager le fardeau est un devoir.", "À
# lire les déclarations du ministre, …").
_SENTENCE_PRONE_KINDS = frozenset({"link", "share", "nav", "live", "reading", "newsletter", "comments",
                                   "comments_section", "ad"})


def _sentence_opening_with_cue(line: str, norm: str, cue: Cue) -> bool:
    """A body sentence that happens to open with cue words: it ends like a sentence and the cue is
    followed by a lower-case word (a label is followed by ":" or a capitalised headline). A link
    line must moreover be a full paragraph ("Lire aussi le portrait." stays a link)."""
    if cue.kind not in _SENTENCE_PRONE_KINDS or not _SENTENCE_END.search(line):
        return False
    orig = " ".join(unicodedata.normalize("NFKC", line).split())
    if orig[len(cue.text):len(cue.text) + 1] != " " or not orig[len(cue.text):].lstrip()[:1].islower():
        return False
    return is_prose(line) if cue.kind == "link" else len(words(line)) >= 6


def _capitalised_tail(line: str, size: int) -> bool:
    """True when the last ``size`` characters of the line (final marks aside) open with a capital."""
    tail = _TRAILING_MARKS.sub("", line.strip())[-size:]
    return tail[:1].isupper()


@lru_cache(maxsize=1)
def _cues_by_length() -> tuple[tuple[Cue, ...], int]:
    """The cues without a word limit, and the largest word limit of the others: a line longer
    than that is checked against the former only (most body paragraphs)."""
    cues = boilerplate_cues()
    return tuple(c for c in cues if not c.max_words), max(c.max_words for c in cues)


def _is_byline(line: str, norm: str, cue: str) -> bool:
    """"Par Jeanne Martin", "Texte par : Rédaction Monde", "Posté par admin": the cue, then a
    name. A lone "par"/"by" needs a capitalised name after it ("Par ailleurs, …" is a sentence);
    a byline never ends like a sentence."""
    if not norm.startswith(cue):
        return False
    rest = norm[len(cue):]
    if cue[-1].isalpha() and rest[:1] not in (" ", ":"):
        return False
    rest = rest.lstrip(" :")
    if not rest or norm.endswith((".", "?", "!")) and not norm.endswith(" ."):
        return False
    if len(cue.rstrip(":").split()) > 1:
        return True
    # The name in the original line (normalize_line lower-cased it).
    head = line.strip()[len(cue):].lstrip(" :\u00a0")
    return head[:1].isupper()


# -- layout tests -------------------------------------------------------------------------------

_COUNTER = re.compile(r"^\d[\d  .,]*\s+(.+)$")
# "Vos réactions (7)", "Commentaires (12)", "commentaires : 3": the counted word, then the number.
_COUNTER_AFTER = re.compile(r"^(?:(?:vos|nos|les|des|tous les|toutes les)\s+)?(.+?)\s*(?:[(\[]\s*\d+\s*[)\]]|:\s*\d+)$")
_COUNTER_ON_TITLE = re.compile(r"^\S+ (?:sur|à|a|on|to) [«\"“]")
_TRAILING_MARKS = re.compile(r"[\s.!:>›»→…]+$")
_WHOLE_PAREN = re.compile(r"^\s*[(\[][^()\[\]]+[)\]]\s*\.?\s*$")
_TAGLINE_SPLIT = re.compile(r"\s+[-–—|]\s+")
_LONE_NUMBER = re.compile(r"^[\d  .,]{1,9}$")
_FINAL_PUNCT = re.compile(r"[.!?…»\"”)\]:;]$")
_SENTENCE_END = re.compile(r"[.!?»”]\s*$")
_ELLIPSIS_END = re.compile(r"\s*(\.\.\.|…)\s*$")
# "Doppagne/BELGA/dpa", "Jan Kowal/Agence": a name glued to an agency by a slash is a credit.
_SLASH_CREDIT = re.compile(r"\b[A-Z][\w'’-]+\s*/\s*[A-Z][\w-]+")
_COLON_CLAUSE = re.compile(r":\s+\w+(?:\s+[\w'’-]+){2,}")
_CRAWL_HEADER = re.compile(r"^\s*date\s*[:=]?\s*((?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)(?:[T ][\d:]+Z?)?\b\s*", re.I)
_TITLE_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—-]{2,40})$")

_LOOKS_HTML = re.compile(r"^\s*<(!doctype|html|body|article|div|p|h1|section)\b", re.I)

TITLE_MAX_WORDS = 60
KICKER_MAX_WORDS = 3
TITLE_MIN_WORDS = 3
PARAGRAPH_MIN_WORDS = 12  # a line this long with final punctuation is prose, not a caption


def words(line: str) -> list[str]:
    return line.split()


def _key(line: str) -> str:
    """Comparison key: letters and digits only."""
    s = normalize_line(line)
    return re.sub(r"[^\w]+", " ", s).strip()


def similar(a: str, b: str) -> bool:
    """Near-duplicates: the same caption written twice with small variations (apostrophes,
    a credit appended, a dash for a hyphen)."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if len(short.split()) >= 3 and long_.startswith(short):
        return True
    return fuzz.ratio(ka, kb) >= 88


def is_prose(line: str) -> bool:
    """A body paragraph: long enough, or a sentence that ends."""
    n = len(words(line))
    return n >= 25 or (n >= PARAGRAPH_MIN_WORDS and bool(_FINAL_PUNCT.search(line)))


def is_credit(line: str) -> bool:
    # "Rennes / Nantes : la ligne reportée" is a headline: a credit has no clause after a colon.
    if len(words(line)) > 30:
        return False
    if _caption_credit().search(line):
        return True
    return bool(_SLASH_CREDIT.search(line)) and not is_prose(line) and not _COLON_CLAUSE.search(line)


@lru_cache(maxsize=1)
def _caption_credit() -> re.Pattern[str]:
    """A caption ending on its photo credit in capitals: "… le 24 juin. REUTERS - JANE DOE",
    "… AFP - JOHN SMITH" (an agency of ``lexicons/agencies.tsv`` in capitals, a dash, a name in
    capitals). Case-sensitive: "a dit à Reuters - sans …" is a sentence."""
    from veille.metadata import agencies

    names = sorted({a.upper() for a in agencies() if len(a) >= 2}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alt})\s*[-–/]\s*[A-ZÀ-Þ][A-ZÀ-Þ .'’-]+$")


_STAMP_FILLER = re.compile(
    r"\b(le|à|a|at|on|h|\d{1,2}[h:]\d{2}(?::\d{2})?|\d{1,2}h|(?:gmt|utc|cet|cest)(?:\s?[+-]\s?\d{1,2})?)\b"
    r"|[,|–—-]", re.I)


def is_date_stamp(line: str) -> bool:
    """A line that is a date and little else: a weekday, a time, "le", "à" may go with it."""
    from veille.metadata import TEXT_DATE, calendar

    m = TEXT_DATE.search(line)
    if not m or len(words(line)) > 10:
        return False
    rest = _STAMP_FILLER.sub(" ", line[:m.start()] + " " + line[m.end():])
    weekdays = calendar()["weekdays"]
    return all(w.lower().strip(".") in weekdays for w in rest.split())


# Breadcrumb separators: ">", "»", "›", "|", "/" with a space on each side ("Accueil > Monde").
_CRUMB_SEP = re.compile(r"\s+[>»›|/]\s+|\s*[>›]\s*")
_CRUMB_MAX_WORDS = 5
_SITE_NAME_MAX_WORDS = 5
# A reader's comment: a first name (or pseudonym) then a colon ("Jean-Pierre : Enfin !").
_COMMENT_LINE = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2}\s?:\s+\S")
SIGN_OFF_MAX_WORDS = 4
_DATED_LINE_MAX_WORDS = 16
_AFTER_STANDFIRST_MAX_WORDS = 10
# An author's line: a name (two to four capitalised words), alone or followed by a place or a
# role ("Koffi Mensah, à Lomé", "Awa Koné, correspondante", "Awa Koné | Abidjan").
_AUTHOR_LINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de\s+|van\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){1,3}"
    r"(?:\s*,\s*(?:à|au|aux|en|depuis|correspondant\w*|envoyée?s?\b|journaliste|rédact\w*|reporter)\b.*"
    r"|\s*[|/–—-]\s.*|\s*)$")
_AUTHOR_LINE_MAX_WORDS = 8


def is_author_line(line: str) -> bool:
    """"Koffi Mensah, à Lomé": a name and where or what the author is, no sentence."""
    return len(words(line)) <= _AUTHOR_LINE_MAX_WORDS and not _FINAL_PUNCT.search(line) \
        and bool(_AUTHOR_LINE.match(line.strip()))
_QUESTION_OR_QUOTE = re.compile(r"^(?:[-–—]\s*)?(?:[^«»\n]*\?|«[^«»]+»|[“\"][^“”\"]+[”\"])\s*$")
# Lines that sit right under the headline on most sites: bylines, signatures ("X avec AFP"),
# publication stamps.
ANCHOR_KINDS = frozenset({"date", "date_update", "byline", "source"})
# Furniture kinds whose dates belong to other pages (related links, menus, comments): never read
# as the article's own stamp.
_FOREIGN_DATE_KINDS = frozenset({"link", "nav", "comments", "comments_section", "newsletter", "ad", "live"})


_RELATED_MAX_ITEMS = 10
_LINK_HEADING_MAX_WORDS = 5
# "Moussa, le 12 mars 2024 à 18h20", "Aïcha K. - 3 mars 2024", "Jean-Pierre a écrit :", "Marc dit :":
# a reader's name (one to three capitalised words) then a date or a "wrote" verb.
_COMMENT_AUTHOR = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2}")
_COMMENT_DATE_LEAD = re.compile(r"^\s*(?:,|[-–—|]|\ble\b|\bon\b)", re.I)
_COMMENT_HEADER_MAX_WORDS = 12
_COMMENT_STAMP_MAX_WORDS = 8


def is_comment_header(line: str) -> bool:
    """A reader's name then a date, or then "a écrit :": the head of a comment, not a sentence."""
    m = _COMMENT_AUTHOR.match(line)
    if not m or len(words(line)) > _COMMENT_HEADER_MAX_WORDS or line.rstrip().endswith("."):
        return False
    rest = line[m.end():]
    lead = normalize_line(rest).lstrip(" ,-–—|")
    if any(lead.startswith(c) and (lead == c if c.endswith(":") else len(words(line)) <= _COMMENT_STAMP_MAX_WORDS)
           for c in _comment_stamps()):
        return True  # "Aïcha K. a écrit :", "Moussa - il y a 3 heures"
    from veille.metadata import find_date_in_line

    parts = find_date_in_line(rest)
    return bool(_COMMENT_DATE_LEAD.match(rest)) and parts is not None and cue_kind(line) is None


@lru_cache(maxsize=1)
def _comment_stamps() -> tuple[str, ...]:
    return tuple(c.text for c in boilerplate_cues() if c.kind == "comment_stamp")


_AUTHOR_NOTE_LAST = 2
_AUTHOR_NOTE_MAX_WORDS = 40
_BYLINE_NAME = re.compile(r"^(?:[^A-ZÀ-Þ]*?)\b((?:[A-ZÀ-Þ][\w'’.-]+)(?:\s+(?:de\s+|du\s+|van\s+|von\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){1,3})")


def _byline_name(line: str) -> str | None:
    """The author's name a byline gives: "Propos recueillis par Awa Traoré | 3 mars" -> "Awa Traoré"."""
    for cue in boilerplate_cues():
        if cue.kind == "byline" and normalize_line(line).startswith(cue.text):
            rest = line.strip()[len(cue.text):].lstrip(" :\u00a0")
            m = _BYLINE_NAME.match(rest)
            return m.group(1) if m else None
    return None


def _is_link_heading(line: str) -> bool:
    """A related-links heading: the cue words alone ("Sur le même sujet", "À lire aussi :"), no
    headline after them."""
    bare = _TRAILING_MARKS.sub("", line.strip())
    return ":" not in bare and len(words(bare)) <= _LINK_HEADING_MAX_WORDS


def is_breadcrumb(line: str) -> bool:
    """"Accueil > Monde > Europe", "Agence | Actualité | Politique", "Site > Monde": short
    segments joined by crumb separators, no sentence."""
    if "«" in line or ":" in line or _SENTENCE_END.search(line):
        return False  # "Ukraine / Russie : la trêve" is a headline
    parts = [p for p in _CRUMB_SEP.split(line) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= _CRUMB_MAX_WORDS for p in parts)


def is_site_name(line: str) -> bool:
    """A short line in capitals ("RADIO DU MONDE", "L'HEBDO DU SUD"): a site name or a section
    label, not a headline (a headline in capitals is longer or has a colon)."""
    letters = [c for c in line if c.isalpha()]
    return (len(letters) >= 3 and all(c.isupper() for c in letters)
            and len(words(line)) <= _SITE_NAME_MAX_WORDS and ":" not in line)


_MASTHEAD_MAX_WORDS = 6
_DOMAIN = re.compile(r"(?:^|\s)(?:www\.)?[\w-]+\.(?:com|fr|be|ch|ca|net|org|info|africa|ma|sn|ci|cd|cm|tn|dz|lu|media|news)\b", re.I)


def is_masthead(line: str) -> bool:
    """An outlet's or a blog's name line: a site name in capitals, a domain ("LeJournal.sn"), a
    short line opening with a site word of the lexicon ("Le blog de Koffi"), or a short name in
    title case ("Le Petit Courrier du Sahel"): French headlines are written in sentence case,
    names capitalise every main word."""
    if is_site_name(line) or _DOMAIN.search(line) and len(words(line)) <= _MASTHEAD_MAX_WORDS:
        return True
    ws = words(line)
    if not 2 <= len(ws) <= _MASTHEAD_MAX_WORDS or ":" in line or _FINAL_PUNCT.search(line):
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
    if len(parts) < 2 or len(words(line)) > _DATED_LINE_MAX_WORDS:
        return False
    dated = [p for p in parts if is_date_stamp(p)]
    return bool(dated) and all(p in dated or len(words(p)) <= _MASTHEAD_MAX_WORDS
                               and not _FINAL_PUNCT.search(p) for p in parts)


def _is_menu_or_label(line: str) -> bool:
    """A menu of sections ("Monde Europe Afrique Sports") or a section label ("EUROPE", "Défense |
    Armée"): every word capitalised and no sentence mark, or a site name in capitals. Such lines
    sit between an outlet's name and its headline; a headline is in sentence case."""
    if is_site_name(line) or is_breadcrumb(line):
        return True
    ws = words(line)
    if not ws or _FINAL_PUNCT.search(line) or ":" in line or "«" in line:
        return False
    return all(w[:1].isupper() for w in ws)


def is_sign_off(line: str) -> bool:
    """A short line wholly in brackets: an agency sign-off ("(Belga)", "(Avec AFP)") or a tag."""
    return bool(_WHOLE_PAREN.match(line)) and len(words(line)) <= SIGN_OFF_MAX_WORDS


def can_be_title(line: str) -> bool:
    """Not a headline whatever its place: a date stamp, a breadcrumb, a site name in capitals."""
    return not (is_date_stamp(line) or is_breadcrumb(line) or is_site_name(line) or is_dated_masthead(line))


def truncated_prefix(crumb: str, line: str) -> bool:
    """True when the last words of ``crumb`` open ``line``: a breadcrumb or teaser that repeats
    the headline, cut short ("Accueil Monde Le port … pour..." then "Le port … pour deux ans").
    With an ellipsis three shared words suffice; without one, the crumb must carry words before
    the headline and share five of its words, or all of them (a crumb ending on the full title)."""
    ellipsis = bool(_ELLIPSIS_END.search(crumb))
    head = _key(_ELLIPSIS_END.sub("", crumb)).split()
    target = _key(line).split()
    for k in range(min(len(head), len(target), 40), 2, -1):
        if head[-k:] != target[:k]:
            continue
        if ellipsis or (len(head) > k and (k >= 5 or k == len(target))):
            return True
    return False


# -- the line cleaner ---------------------------------------------------------------------------


@dataclass
class Cleaned:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    dateline: str | None = None
    header_date: str | None = None
    date_lines: list[str] = field(default_factory=list)  # furniture lines that carry a date
    update_lines: list[str] = field(default_factory=list)  # "Mis à jour le …" stamps


def clean_lines(raw_lines: list[str], known_title: str | None = None) -> Cleaned:
    """Title, paragraphs and furniture of a page's text lines (see the module doc)."""
    out = Cleaned()
    lines = [ln.strip() for ln in raw_lines if ln.strip()]
    if not lines:
        out.title = known_title
        return out

    # A crawl header (" date 2022-11 Title…") is metadata, not title text.
    m = _CRAWL_HEADER.match(lines[0])
    if m and normalize_date(m.group(1)):
        out.header_date = m.group(1)
        rest = lines[0][m.end():].strip()
        lines = ([rest] if rest else []) + lines[1:]
        if not lines:
            out.title = known_title
            return out

    n = len(lines)
    label: list[str | None] = [None] * n  # "bp" | "title" | "dateline" | "body"
    kinds = [cue_kind(ln) for ln in lines]
    for i, k in enumerate(kinds):
        if k or _LONE_NUMBER.match(lines[i]) or is_credit(lines[i]) or is_sign_off(lines[i]):
            label[i] = "bp"
        if k == "date":
            out.date_lines.append(lines[i])
        elif k == "date_update":
            out.update_lines.append(lines[i])

    # The dateline: the first line that opens like one, among the first lines of the page.
    dateline_at = None
    prose_seen = 0
    for i in range(min(n, 40)):
        # "Lausanne (ats/afp) - …" reads like a photo credit ("/afp"): a credit-like line that opens
        # like a dateline is the dateline.
        if label[i] == "bp" and kinds[i] not in (None, "credit", "source"):
            continue
        dm = find_dateline(lines[i])
        if dm is None and label[i] == "bp":
            continue
        if dm:
            dateline_at = i
            out.dateline = dm.text
            if dm.rest:
                lines[i] = dm.rest  # glued to the first paragraph: the paragraph keeps the rest
                label[i] = "body"
            else:
                label[i] = "dateline"
            break
        if is_prose(lines[i]):
            prose_seen += 1
            if prose_seen >= 3:
                break  # the body has started without a dateline (a headline and a standfirst
                # may read like prose, a third paragraph is body)

    # The title.
    title_at = None
    limit = dateline_at if dateline_at is not None else min(n, 12)
    if known_title:
        out.title = known_title
        for i in range(n):
            if label[i] is None and (_key(lines[i]) == _key(known_title) or not is_prose(lines[i]) and (
                    similar(lines[i], known_title) or truncated_prefix(lines[i], known_title))):
                # The headline itself is not lost (it is the title); crumbs and repeats are kept.
                exact = title_at is None and _key(lines[i]) == _key(known_title)
                label[i] = "title" if exact else "bp"
                title_at = i if title_at is None else title_at
    else:
        title_at = _title_above_anchor(lines, label, kinds, limit)
        for i in range(limit if title_at is None else 0):
            if label[i] is not None:
                continue
            # A crumb that cuts the next line short: the next line is the title.
            nxt = next((j for j in range(i + 1, min(n, i + 4)) if label[j] is None), None)
            if nxt is not None and truncated_prefix(lines[i], lines[nxt]):
                label[i] = "bp"
                continue
            if len(words(lines[i])) > TITLE_MAX_WORDS:
                break
            if len(words(lines[i])) < TITLE_MIN_WORDS and not _FINAL_PUNCT.search(lines[i]):
                continue  # a site name or a menu item ("Menu", "Le Quotidien"), not a headline
            if not can_be_title(lines[i]):
                continue  # a date stamp, a breadcrumb, a site name: furniture above the headline
            if i == n - 1 or all(label[j] is not None and label[j] != "body" for j in range(i + 1, n)):
                break  # a lone line is a body, not a headline over nothing
            title_at = i
            # An outlet's or blog's name over the headline ("Le Petit Courrier du Sahel", maybe with
            # a short tagline under it): the headline is the first longer headline-like line after.
            if is_masthead(lines[i]):
                later = [j for j in range(i + 1, min(n, limit, i + 7)) if label[j] is None]
                taglines = 0
                for j in later:
                    if _MASTHEAD_MAX_WORDS < len(words(lines[j])) <= TITLE_MAX_WORDS and can_be_title(lines[j]) \
                            and not lines[j].rstrip().endswith(".") and not is_masthead(lines[j]):
                        title_at = j
                        break
                    if _is_menu_or_label(lines[j]):
                        continue  # a menu of sections or a section label between name and headline
                    if len(words(lines[j])) > _MASTHEAD_MAX_WORDS or _FINAL_PUNCT.search(lines[j]) or taglines >= 1:
                        break  # only one short tagline may sit between the name and the headline
                    taglines += 1
                if title_at != i:
                    break
            # A kicker ("Guerre en Ukraine", "Élection présidentielle") over the headline: a line of
            # at most three words, then a longer headline-like line.
            nxt = next((j for j in range(i + 1, min(n, limit)) if label[j] is None
                        and len(words(lines[j])) >= TITLE_MIN_WORDS), None)
            if nxt is not None and len(words(lines[i])) <= KICKER_MAX_WORDS and not _FINAL_PUNCT.search(lines[i]) \
                    and KICKER_MAX_WORDS * 2 <= len(words(lines[nxt])) <= TITLE_MAX_WORDS \
                    and not lines[nxt].rstrip().endswith(".") and can_be_title(lines[nxt]) \
                    and not similar(lines[i], lines[nxt]):
                title_at = nxt
            break
        if title_at is not None:
            label[title_at] = "title"
            out.title = _strip_site_suffix(lines[title_at], lines)
        if title_at is not None:
            for i in range(title_at):
                if label[i] is None:
                    label[i] = "bp"  # menus and crumbs above the headline

    # Where the body starts: after a standalone dateline, else at the first prose line.
    start = (title_at + 1) if title_at is not None else 0
    if dateline_at is not None and dateline_at >= start:
        body_from = dateline_at + (1 if label[dateline_at] == "dateline" else 0)
    else:
        body_from = next((i for i in range(start, n) if label[i] is None and is_prose(lines[i])), n)
    header = [i for i in range(start, body_from) if label[i] is None]

    def unique(i: int) -> bool:
        return not any(j != i and similar(lines[i], lines[j]) for j in header)

    # A short lead sentence right before the body ("Le ministre a démissionné.") is body too:
    # walk back from the body start over sentences that end, stopping at the first caption.
    # An interview's question ("Pourquoi ?") or a quote alone ("« Jamais. »") is no caption, whatever
    # its length.
    lead = body_from - 1
    while lead >= start and label[lead] is None and _SENTENCE_END.search(lines[lead]) \
            and (len(words(lines[lead])) >= 6 or _QUESTION_OR_QUOTE.match(lines[lead])) and unique(lead):
        label[lead] = "body"
        lead -= 1
    for i in header:
        if label[i] is None:
            # Between headline and body only a real paragraph (a standfirst) survives.
            label[i] = "body" if is_prose(lines[i]) and unique(i) else "bp"

    # Body zone: repeats of the title, crumbs, and pairs of near-identical short lines.
    title = out.title
    for i in range(body_from, n):
        if label[i] is not None and label[i] != "body":
            continue
        line = lines[i]
        if title and (similar(line, title) or truncated_prefix(line, title)) and not is_prose(line) \
                or title and _key(line) == _key(title):
            label[i] = "bp"
            continue
        if not is_prose(line):
            # An image caption comes twice (alt text, then caption with credit): a short line
            # next to a near-identical one is furniture, both of them.
            twin = next((j for j in (i - 1, i + 1) if 0 <= j < n and j >= body_from
                         and not is_prose(lines[j]) and similar(line, lines[j])), None)
            if twin is not None:
                label[i] = "bp"
                if label[twin] in (None, "body"):
                    label[twin] = "bp"
                continue
        label[i] = "body"

    # A standfirst, then the author's line, then the first paragraph: the body started at the
    # standfirst, but a short unpunctuated line opening with a name between the two is a byline
    # ("Koffi Mensah, à Lomé", "Awa Koné | Abidjan"); an intertitle ("Des trains supprimés") stays.
    if dateline_at is None:
        prose_idx = [i for i in range(body_from, n) if label[i] == "body" and is_prose(lines[i])]
        if len(prose_idx) >= 2 and prose_idx[0] == body_from:
            for i in range(prose_idx[0] + 1, prose_idx[1]):
                if label[i] == "body" and len(words(lines[i])) <= _AFTER_STANDFIRST_MAX_WORDS \
                        and is_author_line(lines[i]):
                    label[i] = "bp"

    # A related-articles heading ("Sur le même sujet", "Nos articles", "Les plus lus") lists other
    # pages' headlines: the lines under it are furniture until a real paragraph comes back.
    for i in range(start, n):
        if kinds[i] != "link" or not _is_link_heading(lines[i]):
            continue
        for j in range(i + 1, min(n, i + 1 + _RELATED_MAX_ITEMS)):
            # Headlines of the list may be long questions; a paragraph ends on a period or a quote.
            if is_prose(lines[j]) and not lines[j].rstrip().endswith("?") or len(words(lines[j])) >= 25 \
                    or label[j] in ("title", "dateline"):
                break
            if label[j] in (None, "body"):
                label[j] = "bp"

    # A reader's comment header ("Moussa, le 12 mars 2024 à 18h20", "Aïcha K. a écrit :") once the
    # body has started opens the comments: it and every line after it are furniture.
    prose_before = 0
    for i in range(n):
        if label[i] == "body" and is_prose(lines[i]):
            prose_before += 1
        elif label[i] == "body" and prose_before >= 2 and is_comment_header(lines[i]):
            for j in range(i, n):
                if label[j] in (None, "body"):
                    label[j] = "bp"
            break

    # Readers' comments: once the body has started, a comments header ("Vos réactions (7)",
    # "Commentaires", "Laisser un commentaire") closes the article; what follows is the comments
    # section (readers' names and texts, forms), furniture whatever it looks like.
    prose_before = 0
    for i in range(n):
        if label[i] == "body" and is_prose(lines[i]):
            prose_before += 1
        elif kinds[i] == "comments_section" and prose_before >= 2:
            for j in range(i + 1, n):
                if label[j] in (None, "body"):
                    label[j] = "bp"
            break

    # Footer: short unpunctuated lines after the last paragraph (tags, sources, menus), and
    # "Prénom : texte" lines (readers' comments without a header).
    last_prose = max((i for i in range(n) if label[i] == "body" and is_prose(lines[i])), default=None)
    if last_prose is not None:
        for i in range(last_prose + 1, n):
            if label[i] == "body" and (len(words(lines[i])) <= 12 and not _FINAL_PUNCT.search(lines[i])
                                       or _COMMENT_LINE.match(lines[i]) and cue_kind(lines[i]) is None):
                label[i] = "bp"

    # The author's note closing the article ("Awa Traoré est journaliste indépendante, basée à
    # Abidjan."): one of the last lines opening with a name the byline gave, then "est"/"is"/",".
    authors = [a for i in range(n) if kinds[i] == "byline" for a in [_byline_name(lines[i])] if a]
    if authors:
        body_lines = [i for i in range(n) if label[i] == "body"]
        for i in body_lines[-_AUTHOR_NOTE_LAST:]:
            if len(words(lines[i])) <= _AUTHOR_NOTE_MAX_WORDS and any(
                    re.match(rf"{re.escape(a)}(?:\s+(?:est|is|était)\b|\s*,)", lines[i]) for a in authors):
                label[i] = "bp"

    # A date among the furniture above the body is the page's own stamp: a bare date ("12/03/2023
    # à 10:45", "mardi 6 juin 2023"), a byline with its date ("Par X | 12 mars 2024 | 14h05"), the
    # outlet's name with the date ("Le Courrier — 4 juin 2019"). Bare stamps come first.
    # The stamp may come after a standfirst: read up to the third paragraph of the body.
    prose_at = [i for i in range(n) if label[i] == "body" and is_prose(lines[i])]
    stamp_zone = max(body_from, prose_at[2] if len(prose_at) > 2 else n)
    stamps, others = [], []
    for i in range(stamp_zone):
        if label[i] != "bp" or kinds[i] in ("date", "date_update") or kinds[i] in _FOREIGN_DATE_KINDS:
            continue
        if is_date_stamp(lines[i]):
            stamps.append(lines[i])
        elif "://" in lines[i] or lines[i].startswith("www."):
            continue  # a URL's date is the metadata stage's (url_date)
        elif len(words(lines[i])) <= _DATED_LINE_MAX_WORDS and find_date_in_line(lines[i]) \
                and (kinds[i] == "byline" or not is_prose(lines[i])):
            others.append(lines[i])
    out.date_lines.extend(stamps + others)

    seen: set[str] = set()
    for i, line in enumerate(lines):
        if label[i] == "body":
            key = _key(line)
            if key in seen:  # the same paragraph twice (a pull quote, a repeated block)
                out.boilerplate.append(line)
                continue
            seen.add(key)
            out.paragraphs.append(line)
        elif label[i] == "bp":
            out.boilerplate.append(line)
    return out


def _title_above_anchor(lines: list[str], label: list[str | None], kinds: list[str | None],
                        limit: int) -> int | None:
    """The headline as the line just above the byline or the publication stamp ("Par …",
    "Publié le …", "Mis à jour …", a bare date), over any standfirst and furniture between them:
    page furniture above the headline (site names, crumbs, banners) then cannot be taken for it.
    Only anchors before the body count (the body starts at the third paragraph)."""
    prose = 0
    for a in range(min(len(lines), max(limit, 0), 15)):
        if label[a] is None and is_prose(lines[a]):
            prose += 1
            if prose >= 3:
                return None
            continue
        if kinds[a] not in ANCHOR_KINDS and not is_date_stamp(lines[a]) and not is_dated_masthead(lines[a]):
            continue
        standfirsts = 0
        for j in range(a - 1, -1, -1):
            line = lines[j]
            if label[j] is not None:
                continue  # furniture between headline and byline (share bars, credits)
            if is_prose(line) and _SENTENCE_END.search(line) and standfirsts < 2:
                standfirsts += 1
                continue
            n_words = len(words(line))
            if n_words < TITLE_MIN_WORDS and not _FINAL_PUNCT.search(line):
                continue  # a label between headline and stamp ("Belga", "Contenu abonné")
            if "," in line and is_author_line(line):
                continue  # the author's line over the byline ("Koffi Mensah, à Lomé")
            if TITLE_MIN_WORDS <= n_words <= TITLE_MAX_WORDS and can_be_title(line) \
                    and not line.rstrip().endswith("."):
                if is_masthead(line):
                    # A blog's name, the post's stamp, then the post's headline under it.
                    below = next((k for k in range(a + 1, min(len(lines), a + 3)) if label[k] is None), None)
                    if below is not None and _MASTHEAD_MAX_WORDS < len(words(lines[below])) <= TITLE_MAX_WORDS \
                            and can_be_title(lines[below]) and not is_prose(lines[below]) \
                            and not _FINAL_PUNCT.search(lines[below]):
                        return below
                return j
            break
    return None


def _strip_site_suffix(title: str, page: list[str] | None = None) -> str:
    """"Headline | Site" -> "Headline" (page titles carry the site name after a bar); after a
    dash only when the page names the site elsewhere (a line opening with it: a signature, a
    footer), since "Ukraine - la Russie …" headlines use dashes too."""
    m = _TITLE_SITE_SUFFIX.search(title)
    if not m:
        return title
    if "|" in title:
        return title[:m.start()].strip()
    site = _key(m.group(1))
    if len(site.split()) <= 4 and page and any(
            ln is not title and _key(ln).startswith(site) and _key(ln) != _key(title) for ln in page):
        return title[:m.start()].strip()
    return title


def page_stamps(lines: list[str], first_paragraph_key: str | None = None) -> tuple[list[str], list[str]]:
    """Publication and update stamps among a page's lines: cue lines ("Publié le …", "Mis à jour
    …") anywhere; bare stamps, dated bylines and dated mastheads above the first paragraph."""
    dates, updates = [], []
    above = True
    for line in lines:
        if first_paragraph_key and _key(line) == first_paragraph_key:
            above = False
        if len(words(line)) > _DATED_LINE_MAX_WORDS:
            continue
        kind = cue_kind(line)
        if kind == "date":
            dates.append(line)
        elif kind == "date_update":
            updates.append(line)
        elif above and kind not in _FOREIGN_DATE_KINDS and (is_date_stamp(line) or is_dated_masthead(line) or (
                kind == "byline" and find_date_in_line(line))):
            dates.append(line)
    return dates, updates


# -- HTML ---------------------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
               "footer", "nav", "aside", "blockquote", "figcaption", "figure", "td", "th", "tr", "br",
               "ul", "ol", "dt", "dd", "time", "address", "main", "pre", "table", "form", "label"}


def html_lines(html: str) -> list[str]:
    """The visible text of a page, one line per block element (what trafilatura leaves out is
    kept as boilerplate from these lines)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return []
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return [" ".join(ln.split()) for ln in "".join(parts).split("\n") if ln.strip()]


def extract_html(html: str, url: str | None = None, today: str | None = None,
                 known_title: str | None = None) -> tuple[Cleaned, dict[str, Any]]:
    """trafilatura's main text cleaned by the line rules, plus the page metadata it found.

    ``known_title``: the title a feed entry or a record gives. It wins over the page's, so that a
    fragment without a heading (a feed's summary) does not lose its first paragraph to the title.
    """
    from trafilatura import bare_extraction

    params: dict[str, Any] = {"extensive_search": False, "original_date": True}
    if today:
        params["max_date"] = today
    doc = bare_extraction(html, url=url, favor_precision=True, include_comments=False,
                          include_tables=False, with_metadata=True, date_extraction_params=params)
    meta: dict[str, Any] = {}
    text_lines: list[str] = []
    if doc is not None:
        for key in ("title", "date", "sitename", "hostname", "url"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = value
        text_lines = (doc.text or "").split("\n")
    all_lines = html_lines(html)
    if not any(ln.strip() for ln in text_lines):
        text_lines = all_lines  # trafilatura found no main text: fall back on every block
    return (clean_lines(text_lines, known_title=known_title or meta.get("title")),
            {"meta": meta, "all_lines": all_lines})


# -- the stage ----------------------------------------------------------------------------------


class CleanStage:
    name = "clean"
    requires = ("raw_text", "hints")
    assigns = ("title", "paragraphs", "boilerplate", "dateline")

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        boilerplate_cues()

    def __call__(self, article: Article, ctx: Any) -> None:
        hints = article.hints
        kind = hints.get("kind", "text")
        raw = article.raw_text or ""
        given_title = hints.get("title") if isinstance(hints.get("title"), str) else None
        if kind == "record" and _LOOKS_HTML.match(raw):
            kind = "html"  # a record whose "text" holds markup
        if kind == "html":
            today = (ctx.settings.get("today") if ctx is not None else None) or None
            cleaned, extra = extract_html(raw, url=article.source.url or hints.get("url"),
                                          today=str(today) if today else None, known_title=given_title)
            meta = extra["meta"]
            if given_title:  # a feed's or a record's title wins over the page's
                cleaned.title = given_title
            if meta.get("date") and not hints.get("date"):
                hints["date"] = meta["date"]
            if not meta.get("date") and not cleaned.date_lines:
                # The extraction may leave the byline and the stamp out: read them in the page.
                first = _key(cleaned.paragraphs[0]) if cleaned.paragraphs else None
                cleaned.date_lines, updates = page_stamps(extra["all_lines"], first)
                cleaned.update_lines = cleaned.update_lines or updates
            if meta.get("sitename") and not hints.get("site"):
                hints["site"] = meta["sitename"]
            if meta.get("url") and not article.source.url:
                article.source.url = meta["url"]
            # Lines of the page the extraction left out are furniture too: keep them.
            kept = {_key(p) for p in cleaned.paragraphs} | {_key(cleaned.title or "")}
            if cleaned.dateline:
                kept.add(_key(cleaned.dateline))
            already = {_key(b) for b in cleaned.boilerplate}
            for line in extra["all_lines"]:
                key = _key(line)
                if key and key not in kept and key not in already and not any(
                        key in k for k in kept if len(key) > 20):
                    cleaned.boilerplate.append(line)
                    already.add(key)
        else:
            cleaned = clean_lines(raw.splitlines(), known_title=given_title)
        if not cleaned.paragraphs and not cleaned.title:
            raise ValueError("no article text found")
        article.title = cleaned.title
        article.paragraphs = cleaned.paragraphs
        article.boilerplate = cleaned.boilerplate
        if cleaned.dateline:
            article.dateline = Dateline(text=cleaned.dateline)
        if cleaned.header_date:
            hints["header_date"] = cleaned.header_date
        if cleaned.date_lines:
            hints["date_lines"] = cleaned.date_lines
        if cleaned.update_lines:
            hints["update_lines"] = cleaned.update_lines
