"""The publishing site of a text dump whose brand the outlet table lacks: a name the page's head
gives ("Logo Gazette de Brume", a masthead line "Gazette de Brume, l'info du val", a feed's title)
matched by its letters to a domain the page prints of itself, in its text or in an e-mail address
("Pour nous écrire : redaction@gazettedebrume.fr"); or the page's own domain printed alone on a
line of its head ("gazette-brume.fr"), named again further on.

Never a domain from a line that names other sites (a group's other titles, partners, a web agency,
a CMS vendor: ``lexicons/metadata/partner_cues.tsv``, or a list of three domains or more), an
image bank (``credit_hosts.tsv``) or an agency of the outlet table. Runs only when every other
signal of metadata/site.py and metadata/site_brands.py is silent.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from veille.common import lexicon
from veille.metadata.site_brands import (
    _BULLET,
    _DOMAIN_IN_TEXT,
    _DOT_LETTER,
    _FEED,
    _LINK_KINDS,
    _LOGO,
    _SECOND_LEVEL,
    _TLDS,
    MAX_BRAND_WORDS,
    key,
    outlets,
)

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")  # what key() drops, for a whole page at once
HEAD_LINES = 40
PLAIN_WORDS = 4  # a head line that is no logo nor feed names the outlet in four words at most
MIN_KEY = 5  # a brand of four letters or less ("Info", "Sud") matches too many domains by chance
_MAIL = re.compile(rf"[\w.+-]+@(?P<host>(?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS}))\b", re.I)
_ALONE = re.compile(rf"^\s*(?:www\.)?(?P<host>(?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS}))/?\s*$", re.I)
# A masthead's name before its tagline: "Gazette de Brume, l'info du val", "Gazette | Le quotidien".
_TAGLINE = re.compile(r"\s[-–—|:»]\s|[,|•·(\[]")


@functools.lru_cache(maxsize=1)
def _partner_cues() -> re.Pattern[str]:
    cues = sorted(lexicon.words("metadata/partner_cues.tsv"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.I)


@functools.lru_cache(maxsize=1)
def _refused_hosts() -> frozenset[str]:
    """Image banks, platforms (``platform_hosts.tsv``) and the agencies of the outlet table: never the
    page's own outlet."""
    agencies = {dom for dom, kind in outlets().values() if kind == "agency"}
    return frozenset(lexicon.words("metadata/credit_hosts.tsv") | lexicon.words("metadata/platform_hosts.tsv")
                     | agencies)


def _registered(host: str) -> tuple[str, str] | None:
    """("gazettebrume", "gazette-brume.fr") for "www.gazette-brume.fr": the key of the registered name and
    the registered domain ("cdn.exemple.fr" -> "exemple.fr"; "exemple.qc.ca" keeps its second level)."""
    host = host.lower().rstrip(".")
    host = host[4:] if host.startswith("www.") else host
    labels = [lab for lab in host.split(".") if lab]
    body = labels[:-1]
    while len(body) > 1 and body[-1] in _SECOND_LEVEL:
        body.pop()
    if not body:
        return None
    domain = ".".join(labels[len(body) - 1:])
    refused = _refused_hosts()
    if domain in refused or host in refused:
        return None
    return key(body[-1]), domain


# A company's legal form, as written after its name (case kept: "sa" is a French word).
_LEGAL = ("SA", "SAS", "SARL", "SASU", "EURL", "Ltd", "LTD", "Limited", "LIMITED", "Inc", "INC", "LLC", "GmbH", "AG")
_LEGAL_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(_LEGAL) + r")(?![\w-])")
_COMPANY_NAME = re.compile(r"(?P<name>(?:[\w'’&-]+\s+){0,3}?[\w'’&-]+)\s+(?:" + "|".join(_LEGAL) + r")\b")


def _companies(line: str) -> set[str]:
    """Keys of the company names a line gives ("Radio Brume Ltd", "Brume Media SA": "radiobrume", the
    words before the company word, each shorter run of them too)."""
    out = set()
    for m in _COMPANY_NAME.finditer(line):
        words = m.group("name").split()
        out.update(key(" ".join(words[i:])) for i in range(len(words)))
    return out


def _hit_lines(text: str, pattern: re.Pattern[str]) -> dict[int, str]:
    """Start offset -> line of every line of ``text`` holding a match (one scan of the page, not one a line)."""
    out = {}
    for m in pattern.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if start not in out:
            end = text.find("\n", m.end())
            out[start] = text[start:end if end >= 0 else len(text)]
    return out


def own_domains(lines: list[str]) -> dict[str, str]:
    """Key of the registered name -> domain, for every domain the page prints in its text or in an
    e-mail address, outside the lines that name other sites (a company's too: ``_without_companies``)."""
    text = "\n".join(lines)
    out: dict[str, str] = {}
    cues = _partner_cues()
    for line in _hit_lines(text, _DOT_LETTER).values():
        hosts = [m.group("host") for m in _MAIL.finditer(line)] if "@" in line else []
        hosts += [m.group(0) for m in _DOMAIN_IN_TEXT.finditer(line)
                  if not (m.start() and line[m.start() - 1] in "@.-")]
        if not hosts or len(set(hosts)) >= 3 or cues.search(line):
            continue
        for host in hosts:
            if (reg := _registered(host)) is not None:
                out.setdefault(*reg)
    return out


def _without_companies(lines: list[str], domains: dict[str, str]) -> dict[str, str]:
    """``domains`` less the companies' (the owner: "Brume Media Ltd", contact@brumemedia.mu); run only
    once a domain was chosen, a page's legal forms being slow to find."""
    companies: set[str] = set()
    for line in _hit_lines("\n".join(lines), _LEGAL_WORD).values():
        companies |= _companies(line)
    return {k: d for k, d in domains.items() if k not in companies}


def _head_names(lines: list[str]) -> tuple[list[str], list[str]]:
    """The names a dump's head gives itself: strong ones (a logo's, a feed's title), then plain ones (a
    short line, a masthead's name before its tagline); bulleted lines are menu entries and give none."""
    strong: list[str] = []
    plain: list[str] = []
    for line in lines[:HEAD_LINES]:
        text = line.strip()
        if not text or _BULLET.match(line) or len(text) > 120:
            continue
        if text.startswith("#"):
            m = _FEED.match(text)
            if m:
                strong.append(_LINK_KINDS.sub(" ", m.group("brand")).strip())
            continue
        m = _LOGO.match(text)
        if m:
            strong.append(m.group("a") or m.group("b"))
            continue
        name = _TAGLINE.split(text, maxsplit=1)[0].strip()
        if len(name.split()) <= PLAIN_WORDS:  # a longer one is a sentence of the lede ("Le Journal a révélé")
            plain.append(name)
    return [n for n in strong if n and len(n.split()) <= MAX_BRAND_WORDS], [n for n in plain if n]


def _matches(names: list[str], domains: dict[str, str]) -> list[str]:
    """The domains whose registered name is the letters of a name, or of its first words, in order."""
    found = []
    for name in names:
        words = name.split()
        for n in range(len(words), 0, -1):
            k = key(" ".join(words[:n]))
            if len(k) < MIN_KEY:
                break
            if k in domains:
                found.append(domains[k])
                break
    return found


def _named_rest(words: list[str]) -> bool:
    """Words after an outlet's name that make a name with it, not a sentence: a region, a tagline's
    capitalised words ("Gazette Brume Provence", "Gazette Magazine"), not "Gazette révèle que"."""
    return all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _table_matches(names: list[str]) -> list[str]:
    """The domains of the outlet table's outlets a name is, or opens on before capitalised words."""
    table = outlets()
    found = []
    for name in names:
        words = name.split()
        for n in range(len(words), 0, -1):
            k = key(" ".join(words[:n]))
            if len(k) < MIN_KEY - 1:
                break
            row = table.get(k)
            if row is not None:
                if row[1] == "outlet" and _named_rest(words[n:]):
                    found.append(row[0])
                break
    return found


def table_head_site(lines: list[str]) -> str | None:
    """Example "Gazette de Brume Magazine" in a dump's head, "Gazette de Brume" a table outlet: its domain;
    a logo's or a feed's name first, else the short lines' when they name one outlet only."""
    strong, plain = _head_names(lines)
    if found := _table_matches(strong):
        return found[0]
    found_plain = set(_table_matches(plain))
    return found_plain.pop() if len(found_plain) == 1 else None


def head_name_site(lines: list[str], domains: dict[str, str] | None = None) -> str | None:
    """Example "Logo Gazette de Brume" and, further on, "Pour nous écrire : redaction@gazettedebrume.fr":
    the domain whose registered name is the letters of a name the head gives (or of its first words,
    "Gazette Brume Provence" for ``gazettebrume.fr``): a logo's or a feed's first; else a short line's,
    when the short lines name one domain only (not a menu of a group's titles or of topics)."""
    strong, plain = _head_names(lines)
    if not strong and not plain:
        return None
    domains = own_domains(lines) if domains is None else domains
    if not domains:
        return None
    if found := _matches(strong, domains):
        return found[0]
    found_plain = set(_matches(plain, domains))
    return found_plain.pop() if len(found_plain) == 1 else None


SELF_WORDS = 10  # a follow or subscribe button is a short line


@functools.lru_cache(maxsize=1)
def _self_shapes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = lexicon.rows("metadata/self_cues.tsv", min_columns=2)
    before = "|".join(cols[0] for cols in rows if cols[1] == "before")
    after = "|".join(cols[0] for cols in rows if cols[1] == "after")
    return (re.compile(rf"^\s*(?:[*+•·>-]\s*)?(?:{before})\s+(?P<rest>.+)$", re.I),
            re.compile(rf"[ \t](?:{after})", re.I))


# Where a button's name ends: "Suivez Gazette sur Facebook", "Soutenez Gazette, faites un don".
_NAME_END = re.compile(r"\s+(?:sur|dans|est|en)\b|\s*[!?.,:;|()«»\[\]]", re.I)


def self_named_site(lines: list[str], domains: dict[str, str] | None = None) -> str | None:
    """Example "Suivez Gazette de Brume sur Facebook", "Je soutiens Gazette de Brume"
    (``lexicons/metadata/self_cues.tsv``): the outlet a follow, subscribe or support button names, a
    table outlet or the letters of a domain the page prints; buttons naming two outlets (a group's
    titles) give none."""
    before, after = _self_shapes()
    names = []
    tail = max(HEAD_LINES, len(lines) // 2)
    for line in [*lines[:HEAD_LINES], *lines[tail:]]:  # buttons stand in the head and the page's second half
        if len(line) > 160:
            continue
        m = before.match(line)
        a = after.search(line) if " sur " in line.lower() else None
        if (m or a) and len(line.split()) <= SELF_WORDS:
            if m:
                names.append(_NAME_END.split(m.group("rest"), maxsplit=1)[0].strip())
            if a:
                names.append(_NAME_END.split(line[:a.start()].strip().lstrip("*+•·>- "), maxsplit=1)[0].strip())
    names = [n for n in names if len(n) >= 2 and len(n.split()) <= MAX_BRAND_WORDS]
    if not names:
        return None
    domains = own_domains(lines) if domains is None else domains
    found = set(_table_matches(names)) | set(_matches(names, domains))
    return found.pop() if len(found) == 1 else None


def alone_domain_site(lines: list[str]) -> str | None:
    """Example a head line "gazette-brume.fr" and "Newsletter Gazette Brume" further on: the one domain the
    dump's head prints alone on a line (not a link, not a menu entry), when the page names it again."""
    found = set()
    for line in lines[:HEAD_LINES]:
        if _BULLET.match(line) or "." not in line:
            continue
        m = _ALONE.match(line)
        if m:
            found.add(m.group("host").lower())
    if len(found) != 1:
        return None
    reg = _registered(found.pop())
    if reg is None or len(reg[0]) < MIN_KEY:
        return None
    k, domain = reg
    flat = _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", "\n".join(lines).lower()))
    return domain if flat.count(k) >= 2 else None


def clue_site(lines: list[str]) -> str | None:
    """The site of a dump named by its head and its own domain (see the module's docstring), or None."""
    if (site := table_head_site(lines)) is not None:
        return site
    domains = own_domains(lines)
    site = head_name_site(lines, domains) or self_named_site(lines, domains)
    reg = _registered(site) if site is not None else None
    if reg is not None and not _without_companies(lines, {reg[0]: site}):
        domains = _without_companies(lines, domains)  # the owner company's domain: choose again without it
        site = head_name_site(lines, domains) or self_named_site(lines, domains)
    return site or alone_domain_site(lines)
