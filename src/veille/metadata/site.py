"""The publishing site a text dump gives of itself: its own URL on a refresh line, or a "©" line
naming a domain-like outlet. Never a related link, an image bank or the web designer."""

from __future__ import annotations

import re

from veille.common import lexicon
from veille.metadata.site_brands import brand_site
from veille.metadata.site_clues import clue_site
from veille.metadata.sources import host_of

HEAD_LINES = 40  # a dump's refresh or "URL:" line stands in its first lines

# "REFRESH(180 sec):" on one line and the URL on the next (lynx), or both on one line;
# "URL: https://…" (a crawler's header).
_REFRESH = re.compile(r"^\s*(?:REFRESH\s*\(\s*\d+\s*sec\s*\)\s*:|URL\s*:)\s*(?P<url>https?://\S+)?\s*$", re.I)
_HTTP = re.compile(r"^\s*(?P<url>https?://\S+)\s*$", re.I)
_DOMAIN = r"(?P<domain>[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|fr|be|ch|net|org|info|ma|dz|tn|sn|ci|ca|eu|io|news|media|cm|ml|bf|ne|tg|bj|ga|cd|cg|mg|mu|ht|lu|mc|re|tv))\b"
# "© 2018 exemple.com", "©1997 – 2023 – Exemple.org", "© Tous droits réservés Exemple.fr 2008-2024",
# "© 2022 Copyright Exemple.info", "© exemple.com 2025": the domain comes first after the sign, a year
# span and a rights formula; a domain further on ("© 2024 MARQUE - WebDesign : atelier.com") is not
# the owner.
_COPYRIGHT = re.compile(
    r"©\s*#?\s*(?:copyright\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*[-–]?\s*)?"
    r"(?:copyright\s*)?(?:tous\s+droits\s+r[ée]serv[ée]s\s*)?" + _DOMAIN, re.I)


def own_url_site(lines: list[str]) -> str | None:
    """Example "REFRESH(180 sec):" then "https://www.exemple.fr/article/un-titre": the dump's own
    page, whose host (without "www.") is the site; a local ``file://`` copy gives none."""
    head = lines[:HEAD_LINES]
    for i, line in enumerate(head):
        m = _REFRESH.match(line)
        if not m:
            continue
        url = m.group("url")
        if url is None and i + 1 < len(head):
            nxt = _HTTP.match(head[i + 1])
            url = nxt.group("url") if nxt else None
        host = host_of(url)
        if host and "." in host:
            return host.lower()
    return None


def copyright_site(lines: list[str]) -> str | None:
    """Example "© 2018 exemple.com": the domain a copyright line opens on; an image bank's
    ("© pixabay.com", ``lexicons/metadata/credit_hosts.tsv``) names no outlet."""
    banks = lexicon.words("metadata/credit_hosts.tsv")
    for line in reversed(lines):  # the footer's line, after any photo credit in the body
        if "©" not in line or "<" in line:
            continue
        m = _COPYRIGHT.search(line)
        if not m:
            continue
        domain = m.group("domain").lower()
        domain = domain[4:] if domain.startswith("www.") else domain
        if domain in banks or any(domain.endswith("." + b) for b in banks):
            continue
        return domain
    return None


# A crawler's dump may open on the HTTP response headers, which name the page's own host:
# "x-pingback: https://exemple.fr/xmlrpc.php", "link: <https://exemple.fr/wp-json/>; rel=…" (lynx
# prints "/exemple.fr/wp-json/>;"), "frame-ancestors 'self' *.exemple.fr".
_HEADER_HOST = re.compile(r"\bx-pingback:\s*https?://(?P<a>[^/\s>]+)"
                          r"|\blink:\s*<?(?:https?:)?/?/(?P<b>[^/\s>]+\.[a-z]{2,})/[^\s]*>\s*;"
                          r"|(?:^|\s)/(?P<c>[a-z0-9.-]+\.[a-z]{2,})/\S*>\s*;"
                          r"|frame-ancestors\s+'self'\s+\*\.(?P<d>[a-z0-9.-]+\.[a-z]{2,})", re.I)
HEADER_LINES = 30
_MARKUP = re.compile(r"<(?:!doctype|html|head|meta|body|div)\b", re.I)


def header_site(lines: list[str]) -> str | None:
    """Example "HTTP/2 200 … x-pingback: https://exemple.fr/xmlrpc.php": the host the HTTP
    response headers opening a dump name (only when the dump opens on "HTTP/")."""
    if not lines or not lines[0].lstrip().startswith("HTTP/"):
        return None
    head = []
    for line in lines[:HEADER_LINES]:
        if not line.strip():
            break
        head.append(line.strip())
    m = _HEADER_HOST.search(" ".join(head))
    if not m:
        return None
    host = next(g for g in m.groups() if g).lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


# <link rel="canonical" href="https://…">, <meta property="og:url" content="https://…"> (either
# attribute order), <meta property="og:site_name" content="exemple.fr">.
_OWN_ADDRESS = re.compile(
    r"<link\b[^>]*?\brel=[\"']?canonical\b[^>]*?\bhref=[\"']?(?P<a>https?://[^\"'\s>]+)"
    r"|<link\b[^>]*?\bhref=[\"']?(?P<b>https?://[^\"'\s>]+)[^>]*?\brel=[\"']?canonical\b"
    r"|<meta\b[^>]*?\bproperty=[\"']?og:url[\"']?[^>]*?\bcontent=[\"']?(?P<c>https?://[^\"'\s>]+)"
    r"|<meta\b[^>]*?\bcontent=[\"']?(?P<d>https?://[^\"'\s>]+)[^>]*?\bproperty=[\"']?og:url\b", re.I)
MARKUP_CHARS = 300_000  # the head of a page, where its own address stands


def markup_site(html: str) -> str | None:
    """Example ``<link rel="canonical" href="https://www.exemple.fr/a/1">``: the host of the address
    an HTML page gives of itself (canonical link, then og:url), when its reader found none."""
    head = html[:MARKUP_CHARS]
    end = head.lower().find("</head>")
    head = head[:end] if end > 0 else head
    for m in _OWN_ADDRESS.finditer(head):
        host = host_of(next(g for g in m.groups() if g))
        if host and "." in host:
            return host.lower()
    return None


def page_site(raw_text: str | None) -> str | None:
    """The site a dump names of itself, in order of trust: its own URL, its HTTP headers, a © line
    opening on a domain, then its brand (a © footer, feed header, masthead, title line: metadata/
    site_brands.py), then a head's name matched to the page's own domain (metadata/site_clues.py), or None."""
    if not raw_text:
        return None
    lines = raw_text.splitlines()
    if _MARKUP.search(raw_text[:2000]):  # an HTML page: its markup names its own address
        return markup_site(raw_text)
    return (own_url_site(lines) or header_site(lines) or copyright_site(lines) or brand_site(lines)
            or clue_site(lines))
