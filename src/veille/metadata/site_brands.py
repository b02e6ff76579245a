"""The publishing site a text dump names by its brand: a "©" footer ("© 2024 Gazette de Valbrume.
Tous droits réservés"), a feed header ("#Gazette de Valbrume » Flux"), a masthead line or a logo
("Logo Gazette de Valbrume"), the tail of the page's title line ("Un titre - Gazette de Valbrume").

A brand becomes a domain through the table of francophone outlets
(``lexicons/metadata/outlets.tsv``) or, for a brand the table lacks, through a domain the page
itself prints whose name is the brand's letters ("Gazette Valbrume" and ``gazettevalbrume.com``).
Never a photo credit, a menu entry (a sister title of the group), a related link or an agency that
only supplied a picture: an agency counts only in a footer rights line.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from veille.common import lexicon
from veille.common.regexscan import WordGate

HEAD_LINES = 60  # masthead, feed header and title line stand in a dump's first lines
MAX_BRAND_WORDS = 6
_TLDS = (r"com|fr|be|ch|net|org|info|ma|dz|tn|sn|ci|ca|eu|io|news|media|cm|ml|bf|ne|tg|bj|ga|cd|cg|mg|mu|ht|lu|mc"
         r"|re|tv|nc|pf|gp|mq|corsica|bzh|lb|vn|va|qc\.ca|com\.tr|com\.tn|co\.uk|de|it|es|ru|ua|africa")
_DOMAIN = re.compile(rf"(?:https?://)?(?:www\.)?(?P<host>(?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS}))/?", re.I)
_DOMAIN_IN_TEXT = re.compile(rf"\b(?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS})\b", re.I)
# Every domain has a dot before a letter; most prose lines have none, and this test is cheap.
_DOT_LETTER = re.compile(r"\.[A-Za-z]")

# A rights mark opens a footer's owner: "©", "(c)", "Copyright", "Tous droits réservés".
_MARK = re.compile(r"©️?|\(c\)|®|\bcopyright\b|\btous\s+droits\s+r[ée]serv[ée]s\b|\ball\s+rights\s+reserved\b"
                   r"|\bdroits\s+de\s+reproduction(?:\s+et\s+de\s+diffusion)?\s+r[ée]serv[ée]s\b"
                   r"|\bdroits\s+r[ée]serv[ée]s\b", re.I)
_RIGHTS_WORD = re.compile(r"copyright|droits|rights|r[ée]serv[ée]", re.I)
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)\d\d)?(?!\d)")
_SPLIT = re.compile(r"\s[-–—|•·/]\s|[|•·,;:«»\"()\[\]]|\.(?:\s|$)|\s[-–—]$|^[-–—]\s")
# Company words after a brand in a footer ("Gazette Média Group", "Gazette Digital", "Gazette SA").
_COMPANY = {"inc", "sa", "sas", "sarl", "ltd", "llc", "media", "group", "groupe", "digital", "gmbh", "ag", "editions"}
_SECOND_LEVEL = {"qc", "com", "co", "gouv", "org", "net", "ac", "asso"}
_BULLET = re.compile(r"^\s*(?:[*+•·>-]|\d+\.|\[\d+\])\s")
_LOGO = re.compile(r"^\s*(?:\[)?(?:logo\s+(?P<a>.+?)|(?P<b>.+?)\s+logo)(?:\])?\s*$", re.I)
_FEED = re.compile(r"^\s*#(?:\[\d+\])?\s*(?P<brand>[^»#\[\]]{2,60}?)\s*»\s*(?:Flux|RSS|Feed)", re.I)
# The kinds lynx prints for a head link without a title.
_LINK_KINDS = re.compile(r"\[\d+\]|(?<!\S)(?:alternate|publisher|canonical|shortlink|search|icon|manifest|amphtml|preload|"
                         r"prefetch|preconnect|dns-prefetch|pingback|EditURI|wlwmanifest|RSS\s*2\.0|RSS|Atom|JSON|XML|"
                         r"oEmbed|\(JSON\)|\(XML\))(?=\s|$)", re.I)
_TITLE_TAIL = re.compile(r"\s(?:[-–—|]|::)\s+(?P<brand>[^-–—|]{2,60}?)\s*$")
_RETROUVEZ = re.compile(r"\bretrouvez(?:-nous)?\s+(?:sur\s+)?(?P<host>(?:www\.)?(?:[a-z0-9][a-z0-9-]*\.)+(?:" + _TLDS
                        + r"))\b", re.I)

_RETROUVEZ_WORD = WordGate(["retrouvez"])


# (An ASCII character is a letter or a digit, by ``str.isalnum``, exactly when it is one of these.)
_NOT_KEY = re.compile(r"[^A-Za-z0-9]+")


def key(text: str) -> str:
    """A brand's lookup key: ASCII letters and digits only, folded ("L'Équipe" -> "lequipe")."""
    return _NOT_KEY.sub("", unicodedata.normalize("NFKD", text.lower()))


@functools.lru_cache(maxsize=1)
def outlets() -> dict[str, tuple[str, str]]:
    """Brand key -> (domain, kind) from ``lexicons/metadata/outlets.tsv``."""
    table = {}
    for cols in lexicon.rows("metadata/outlets.tsv", min_columns=3):
        table[key(cols[0])] = (cols[1].lower(), cols[2])
    return table


def domain_of(text: str) -> str | None:
    """The host a text that is only a domain or a URL gives ("www.Exemple.fr/" -> "exemple.fr")."""
    m = _DOMAIN.fullmatch(text.strip().rstrip("/").strip())
    return m.group("host").lower() if m else None


def page_domains(lines: list[str]) -> dict[str, str]:
    """The domains a page prints, by the key of their registered name ("gazettevalbrume.com" under
    "gazettevalbrume"; "fr.exemple.com" under "exemple" and "frexemple", never under "fr"); not a mail address's
    ("contact@groupe-exemple.com": the owner, a school, a web agency)."""
    out: dict[str, str] = {}
    for line in lines:
        if not _DOT_LETTER.search(line):
            continue
        for m in _DOMAIN_IN_TEXT.finditer(line):
            if m.start() and line[m.start() - 1] in "@.-":  # a mail address's domain is its owner's, or a school's
                continue
            host = m.group(0).lower()
            host = host[4:] if host.startswith("www.") else host
            labels = [lab for lab in host.split(".") if lab]
            body = labels[:-1]
            while len(body) > 1 and body[-1] in _SECOND_LEVEL:  # "exemple.qc.ca", "exemple.com.tn"
                body.pop()
            if body:  # the registered name gives the registered domain ("cdn.exemple.fr" -> "exemple.fr");
                # all labels joined, the host ("fr.exemple" -> "frexemple")
                out.setdefault(key(body[-1]), ".".join(labels[len(body) - 1:]))
                out.setdefault(key("".join(body)), host)
    return out


def lookup(brand: str, kinds: set[str], domains: dict[str, str] | None = None) -> str | None:
    """The domain of a brand: its table row when of an allowed kind, else (``domains`` given) a
    domain the page prints whose name is the brand's letters; a brand of three letters or less
    needs the table."""
    brand = brand.strip(" .'’\"-–—*#")
    if not brand or len(brand.split()) > MAX_BRAND_WORDS:
        return None
    if (host := domain_of(brand)) is not None:
        return host
    words = brand.split()
    while words:
        k = key(" ".join(words))
        row = outlets().get(k)
        if row is not None:
            return row[0] if row[1] in kinds else None
        if domains and len(k) > 3 and k in domains and not _ambiguous(k):
            return domains[k]
        if key(words[-1]) not in _COMPANY:
            break
        words = words[:-1]
    return None


@functools.lru_cache(maxsize=1)
def _shared_brands() -> frozenset[str]:
    return frozenset(k for k, (_, kind) in outlets().items() if kind == "agency")


def _ambiguous(k: str) -> bool:
    """An agency's name printed as a domain (a photo credit's link) names no outlet."""
    return k in _shared_brands()


def _may_mark(line: str) -> bool:
    """A cheap test before ``_MARK``: every one of its forms holds one of these."""
    if "©" in line or "®" in line:
        return True
    low = line.lower()
    return "(c)" in low or "copyright" in low or "droits" in low or "rights" in low


def copyright_brand(lines: list[str], domains: dict[str, str]) -> str | None:
    """Example "© 2024 Gazette de Valbrume - Tous droits réservés", "Gazette © 2019", "(c) Gazette":
    the outlet a footer rights line names, read from the page's end. The line must read as a
    footer (a year or a rights word, or nothing but "© Brand"); a caption's credit ("… © Jean
    Dupont / Agence") is no footer. An agency counts only beside a rights word."""
    for line in reversed(lines):
        if not _may_mark(line) or not _MARK.search(line) or "<" in line or len(line.split()) > 30:
            continue
        rights = bool(_RIGHTS_WORD.search(line))
        year = bool(_YEARS.search(line))
        rest = _YEARS.sub(" | ", _MARK.sub(" | ", line))
        segments = [s.strip(" .-–—'\"*") for s in _SPLIT.split(rest)]
        segments = [s for s in segments if s and re.search(r"\w", s)]
        if not segments:
            continue
        if not (rights or year) and (len(segments) != 1 or not line.strip().lstrip("* ").startswith(("©", "(c)"))):
            continue
        if not rights and len(line[:_MARK.search(line).start()].split()) > 3:
            continue  # a caption ("Le port, 2024 © X"): its credit is no footer
        kinds = {"outlet", "word", "agency"} if rights else {"outlet", "word"}
        for seg in segments:
            if domain_of(seg):
                continue  # a domain beside a mark is copyright_site's (or a group site's footer link)
            if (host := lookup(seg, kinds, domains)) is not None:
                return host
            words = seg.split()
            for i in range(1, len(words) - 1):  # "Groupe Exemple La Gazette": the title at its end
                if not words[i - 1][:1].isupper():  # (after a company's capitalised name only, not a sentence)
                    break
                row = outlets().get(key(" ".join(words[i:])))
                if row is not None and row[1] == "outlet":
                    return row[0]
    return None


def feed_brand(lines: list[str], domains: dict[str, str]) -> str | None:
    """Examples "#Gazette de Valbrume » Flux", "#alternate Gazette de Valbrume - L'info locale":
    the site name the page's head links carry (lynx prints their titles and kinds on a first line
    opening with "#"). A feed's title ("… » Flux") is the site's name; any other title counts
    only when the table knows it."""
    for line in lines[:HEAD_LINES]:
        if not line.lstrip().startswith("#"):
            continue
        m = _FEED.match(line)
        if m:
            brand = _LINK_KINDS.sub(" ", m.group("brand")).strip()
            return next((h for seg in [brand, *_SPLIT.split(brand)] if (h := lookup(seg, {"outlet", "word"}, domains))),
                        None)
        rest = _LINK_KINDS.sub(" | ", line.lstrip().lstrip("#"))
        for seg in _SPLIT.split(rest):
            row = outlets().get(key(seg)) if len(seg.split()) <= MAX_BRAND_WORDS else None
            if row is not None and row[1] == "outlet":
                return row[0]
        return None
    return None


def masthead_brand(lines: list[str], domains: dict[str, str]) -> str | None:
    """Examples "Logo Gazette de Valbrume", a line that is only the outlet's name, a title line
    ending on it ("Le pont rouvert - Gazette de Valbrume"), among the page's first lines; a
    bulleted line is a menu entry (a sister title of the group), never the masthead."""
    for line in lines[:HEAD_LINES]:
        text = line.strip()
        if not text or _BULLET.match(line) or len(text) > 200:
            continue
        m = _LOGO.match(text)
        if m:
            host = lookup(m.group("a") or m.group("b"), {"outlet"}, domains)
            if host:
                return host
        row = outlets().get(key(text.lstrip("#")))
        if row is not None and row[1] == "outlet" and len(text.split()) <= MAX_BRAND_WORDS:
            return row[0]
        t = _TITLE_TAIL.search(text)
        if t:
            row = outlets().get(key(t.group("brand")))
            if row is not None and row[1] == "outlet":
                return row[0]
    return None


def retrouvez_site(lines: list[str]) -> str | None:
    """Example "Retrouvez gazette-valbrume.fr sur :": the domain a follow-us line gives (a brand
    there may be a sister title of the group: "Retrouvez <autre titre> sur internet")."""
    if not _RETROUVEZ_WORD.may_hold("\n".join(lines)):
        return None  # (the case-insensitive pattern is tried at every position of every line)
    for line in lines:
        m = _RETROUVEZ.search(line)
        if m:
            host = m.group("host").lower()
            return host[4:] if host.startswith("www.") else host
    return None


def named_site(name: str | None) -> str | None:
    """A site name given with the page (HTML ``og:site_name``, a JSON record's ``site``): its
    domain when it is one or the table knows the brand; else the name as given, unless it reads as
    a headline rather than a name (a question, a sentence: more than six words or a "?")."""
    if not name:
        return None
    name = name.strip()
    if (host := domain_of(name)) is not None:
        return host
    row = outlets().get(key(name))
    if row is not None and row[1] != "agency":
        return row[0]
    if "?" in name or len(name.split()) > MAX_BRAND_WORDS:
        return None
    return name


def brand_site(lines: list[str]) -> str | None:
    """The site a dump names by its brand: a © footer, then its feed header, then its masthead
    or title line, then a follow-us line's domain."""
    domains = page_domains(lines)
    return (copyright_brand(lines, domains) or feed_brand(lines, domains) or masthead_brand(lines, domains)
            or retrouvez_site(lines))
