"""The publishing site a text dump gives of itself: its own URL on a refresh line, or a "©" line
naming a domain-like outlet. Never a related link, an image bank or the web designer."""

from __future__ import annotations

import re

from veille.common import lexicon
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


def page_site(raw_text: str | None) -> str | None:
    """The site a dump names of itself (own URL first, then a © line), or None."""
    if not raw_text:
        return None
    lines = raw_text.splitlines()
    return own_url_site(lines) or copyright_site(lines)
