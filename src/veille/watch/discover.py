"""What a source lists: the article URLs of an RSS/Atom feed, a sitemap (news sitemaps and
sitemap indexes too) or a listing page, each with the date the source gives for it (a feed
entry's ``updated``, a sitemap's ``lastmod``) so that an article updated later is fetched again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from veille.readers.base import decode
from veille.watch.urls import absolute, url_key

_FEED = re.compile(rb"^\s*(<\?xml[^>]*\?>\s*|<!--.*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]", re.I | re.S)
_SITEMAP = re.compile(rb"^\s*(<\?xml[^>]*\?>\s*|<!--.*?-->\s*)*<(urlset|sitemapindex)[\s>]", re.I | re.S)
_ASSET = re.compile(r"\.(css|js|png|jpe?g|gif|svg|webp|ico|pdf|mp[34]|zip|xml|json)$", re.I)
_SECTION = re.compile(r"^/(tag|tags|auteur|author|rubrique|category|categorie|page|search|recherche|"
                      r"login|connexion|abonnement|newsletter)(/|$)", re.I)


class SourceError(ValueError):
    """A source whose content cannot be read as a feed, a sitemap or a page of links."""


@dataclass
class Listing:
    kind: str  # "feed" | "sitemap" | "index" (a sitemap of sitemaps) | "page"
    items: list[tuple[str, str | None]] = field(default_factory=list)  # (article URL, stamp)


def kind_of(content: bytes) -> str:
    head = content[:4096]
    if _FEED.match(head):
        return "feed"
    if _SITEMAP.match(head):
        return "index" if b"<sitemapindex" in head else "sitemap"
    return "page"


def list_articles(content: bytes, base_url: str) -> Listing:
    """The article URLs ``content`` (fetched from ``base_url``) lists, in the order given."""
    kind = kind_of(content)
    if kind == "feed":
        items = _feed_items(content, base_url)
    elif kind in ("sitemap", "index"):
        items = _sitemap_items(content, base_url)
    else:
        items = _page_links(content, base_url)
    seen: set[str] = set()
    unique = []
    for url, stamp in items:
        key = url_key(url)
        if key not in seen:
            seen.add(key)
            unique.append((url, stamp))
    return Listing(kind, unique)


def _feed_items(content: bytes, base_url: str) -> list[tuple[str, str | None]]:
    import feedparser

    parsed = feedparser.parse(content)
    out = []
    for entry in parsed.entries:
        url = absolute(base_url, entry["link"]) if (entry.get("link") or "").strip() else None
        if url:
            # An Atom entry's "updated" says when it changed; asking feedparser for it on an RSS
            # item (which has none) is deprecated, hence the look at the keys first.
            stamp = entry.get("updated") if "updated" in entry.keys() else None  # noqa: SIM118
            out.append((url, stamp or entry.get("published")))
    if not out:
        # A feed with errors that still gives links is read (many real feeds are not valid XML);
        # one that gives none is reported with the parser's reason.
        problem = parsed.get("bozo_exception") if parsed.bozo else None
        reason = str(problem).splitlines()[0] if problem else "no entry with a link"
        if parsed.bozo or not parsed.entries:
            raise SourceError(f"malformed feed: {reason}")
    return out


def _sitemap_items(content: bytes, base_url: str) -> list[tuple[str, str | None]]:
    from lxml import etree

    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                                  huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"malformed sitemap: {exc}") from None
    out = []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        loc = stamp = None
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "loc" and loc is None:
                loc = (child.text or "").strip()
            elif name in ("lastmod", "publication_date"):
                stamp = stamp or (child.text or "").strip() or None
        url = absolute(base_url, loc) if loc else None
        if url:
            out.append((url, stamp))
    return out


def _page_links(content: bytes, base_url: str) -> list[tuple[str, str | None]]:
    """Links of a listing page that look like articles: same site, a path of its own (not the
    listing itself, an asset, a tag or author page)."""
    import lxml.html

    try:
        text = decode(content)
        doc = lxml.html.fromstring(text) if text.strip() else None
    except (ValueError, Exception) as exc:  # lxml raises several unrelated types on garbage
        raise SourceError(f"not a page of links: {exc}") from None
    if doc is None:
        raise SourceError("empty page")
    host = urlsplit(base_url).hostname
    own = url_key(base_url)
    out = []
    for a in doc.iter("a"):
        url = absolute(base_url, a.get("href") or "")
        if not url or urlsplit(url).hostname != host or url_key(url) == own:
            continue
        path = urlsplit(url).path
        if path in ("", "/") or _ASSET.search(path) or _SECTION.match(path):
            continue
        out.append((url, None))
    return out


def canonical_url(html: str, base_url: str) -> str | None:
    """The page's ``<link rel="canonical">`` (or ``og:url``), absolute."""
    m = re.search(r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>", html[:200_000], re.I)
    if not m:
        m = re.search(r"<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*>", html[:200_000], re.I)
    if not m:
        return None
    href = re.search(r"\b(?:href|content)=[\"']([^\"']+)[\"']", m.group(0), re.I)
    return absolute(base_url, href.group(1)) if href else None
