"""What an HTML page says of itself, read from its parsed tree: the title it gives for sharing, its
site's name, its summary, its address. Veille reads only these (and the date, ``page_date``), so
the page is parsed once and the text extraction is asked for no metadata of its own.

The conventions read: Open Graph (``og:title``, ``og:site_name``, ``og:description``,
``og:url``), Twitter cards, the HTML ``<title>``, ``<meta name="description">`` and
``application-name``, ``<link rel="canonical">``, schema.org JSON-LD (an article's
``headline`` and ``publisher``, the ``WebSite``'s ``name``) and the page's ``<h1>``. Which
headline the page shows is decided later by ``clean/html.py`` (``shown_headline``,
``logo_headline``, ``strip_site_name``…): the title given here is what the page announces.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from veille.clean.text import line_key
from veille.common.hosts import host_of

# The parts a ``<title>`` joins with a spaced bar or dash ("Headline | Site", "Site - Rubric - Headline").
TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
# Meta names and properties read (lower case), and the JSON-LD types that are an article.
_NAMES = frozenset({"og:title", "twitter:title", "og:site_name", "application-name", "og:description",
                    "description", "twitter:description", "og:url"})
_ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Report)$")
_SITE_TYPES = frozenset({"WebSite", "NewsMediaOrganization", "Organization"})
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
# A template's placeholder left unfilled ("[site:name]", "{{ title }}", "%title%"): no value.
_PLACEHOLDER = re.compile(r"^(?:\[[^\]]*\]|\{\{.*\}\}|%\w+%)$")
SITE_PART_WORDS = 4  # words of a <title> part beside the headline that may be the site's name
MAX_LD_CHARS = 500_000  # a JSON-LD block longer than this is no page's description of itself


def parse_page(html: str) -> Any | None:
    """The page's tree as trafilatura would build it from the string (its public ``load_html``),
    handed to it for the text; None when the page cannot be parsed."""
    from trafilatura import load_html

    try:
        return load_html(html)
    except (ValueError, TypeError):
        return None


# The characters the XML 1.0 ``Char`` production leaves out (C0 controls but tab, LF and CR; halves
# of a surrogate pair; U+FFFE, U+FFFF), which trafilatura's ``load_html`` takes out before it
# parses, looked for in the page's UTF-8 at C speed (a regex class over the page cost twice as much).
_C0_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D))
_NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())
FIRST_LINES = 4  # lines of the page's head where ``load_html`` looks for a self-closing <html/>
HEAD_CHARS = 4096


def extraction_tree(html: str, parsed: Any | None) -> Any | None:
    """The tree the text extraction and the metadata readers read: ``parsed`` (the reader's tree of
    ``html``, ``common/html_tree.py``) when trafilatura's ``load_html`` would build the same one
    from the string, else ``parse_page(html)``."""
    if parsed is not None and loads_as_parsed(html, parsed):
        return parsed
    return parse_page(html)


def loads_as_parsed(html: str, tree: Any) -> bool:
    """True when ``load_html(html)`` parses ``html`` as it stands with the parser ``tree`` was built
    by and keeps what it builds: the page holds nothing ``load_html`` repairs first (a character
    XML refuses, a doctype whose declaration holds a slash, a self-closing ``<html .../>`` among
    its first lines) and the tree is one it does not parse again nor refuse (a child at least,
    two when the page's head never says "html"). Conservative: a page it refuses is parsed again
    (``tests/test_clean_html_tree.py`` compares both trees)."""
    head = html[:50].lower()
    if "doctype" in head and "/" in html[:max(0, html.find(">"))]:
        return False
    if any("<html" in line.lower() and line.rstrip().endswith("/>") for line in html[:HEAD_CHARS].splitlines()[:FIRST_LINES]):
        return False
    if len(tree) < 1 or ("html" not in head and len(tree) < 2):
        return False
    return xml_chars_only(html)


def xml_chars_only(text: str) -> bool:
    """True when every character of ``text`` is one XML 1.0 allows."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # half a surrogate pair
        return False
    # (In UTF-8 a byte under 0x20 is always that control character itself.)
    return len(data.translate(None, _C0_BYTES)) == len(data) and not any(n in data for n in _NONCHARACTERS)


def _clean(text: Any) -> str | None:
    """A value as one line, its entities decoded (a content escaped twice, "&quot;", shows them)."""
    if not isinstance(text, str):
        return None
    if "&" in text and _ENTITY.search(text):
        text = html_lib.unescape(text)
    text = " ".join(text.split())
    return text if text and not _PLACEHOLDER.match(text) else None


def _meta_tags(tree: Any) -> dict[str, str]:
    """The first non-empty content of each meta name or property read."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        for attr in ("property", "name"):
            name = (el.get(attr) or "").strip().lower()
            if name in _NAMES and name not in out and (value := _clean(el.get("content"))):
                out[name] = value
    return out


def _ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Every object of the page's JSON-LD blocks (lists and ``@graph`` opened). A block that is no
    JSON (cut, a trailing comma, a template left unfilled) is skipped: the page's other blocks
    and its meta tags still speak."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if not text.strip() or len(text) > MAX_LD_CHARS:
            continue
        try:
            data = json.loads(text, strict=False)  # (raw line breaks inside strings are common)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack[:0] = item["@graph"]


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


def _name(value: Any) -> str | None:
    """A name given as a string or as an object with a ``name`` (a publisher)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value)


def _linked_data(tree: Any) -> tuple[str | None, str | None]:
    """(headline, site name) of the page's JSON-LD: the first article's headline; its publisher,
    else the site's or the organisation's name."""
    headline = publisher = site = None
    for obj in _ld_objects(tree):
        types = _types(obj)
        if any(_ARTICLE_TYPE.search(t) for t in types):
            headline = headline or _clean(obj.get("headline"))
            publisher = publisher or _name(obj.get("publisher"))
        elif site is None and _SITE_TYPES.intersection(types):
            site = _name(obj.get("name"))
    return headline, publisher or site


def _title_tag(tree: Any, headings: list[str]) -> tuple[str | None, str | None, bool]:
    """(headline, site, shown) of the ``<title>``: the part the page sets as a heading (shown),
    else the longest ("Headline | Site", "Site - Rubric - Headline"); the site, a short part at
    either end that is not the headline, when the headline is the page's heading."""
    el = next(tree.iter("title"), None)
    text = _clean(el.text_content()) if el is not None else None
    if not text:
        return None, None, False
    seps = list(TITLE_PARTS.finditer(text))
    shown = {line_key(h) for h in headings}
    if not seps:
        return text, None, line_key(text) in shown
    parts = TITLE_PARTS.split(text)
    # (A headline may hold a spaced dash itself: the title less its last or first part is tried.)
    spans = [*parts, text[:seps[-1].start()], text[seps[0].end():]]
    headline = next((p for p in spans if line_key(p) in shown), None)
    matched = headline is not None
    headline = headline or max(parts, key=len)
    ends = [p for p, inside in ((parts[-1], headline.endswith(parts[-1])), (parts[0], headline.startswith(parts[0])))
            if not inside and len(p.split()) <= SITE_PART_WORDS]
    return headline, ends[0] if ends and matched else None, matched


def _shown_text(el: Any) -> str:
    """An element's text as shown: a line break within it ("Headline<br>on two lines") is a space."""
    out = [el.text or ""]
    for child in el:
        if child.tag == "br":
            out.append(" ")
        elif isinstance(child.tag, str):  # (a comment's text is not shown)
            out.append(_shown_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _absolute(link: str | None) -> str | None:
    """An http(s) address with its host; a relative or protocol-relative link gives none."""
    if not link:
        return None
    try:
        parts = urlsplit(link.strip())
    except ValueError:  # ("http://[" and the like)
        return None
    return link.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def page_metadata(tree: Any, url: str | None = None) -> dict[str, str]:
    """title, sitename, description, url and hostname of a parsed page, those it gives."""
    tags = _meta_tags(tree)
    ld_headline, ld_site = _linked_data(tree)
    headings = [h for el in tree.iter("h1") if (h := _clean(_shown_text(el)))]
    tag_title, tag_site, tag_shown = _title_tag(tree, headings)
    sitename = tags.get("og:site_name") or ld_site or tags.get("application-name") or tag_site
    # What the page announces as its title: for sharing first (written for the article), then
    # its structured data, then the <title>'s part set as a heading, else the page's one heading
    # (a <title> may word it shorter), else the <title>'s longest part.
    one_heading = headings[0] if len(headings) == 1 else None
    announced = [tags.get("og:title"), tags.get("twitter:title"), ld_headline,
                 *((tag_title, one_heading) if tag_shown else (one_heading, tag_title))]
    # (A title that is only the site's name says nothing of the article.)
    site_key = line_key(sitename) if sitename else None
    title = next((t for t in announced if t and line_key(t) != site_key), None)
    canonical = next((el.get("href") for el in tree.iter("link")
                      if "canonical" in (el.get("rel") or "").lower().split()), None)
    # (The page's own address before its canonical one: a syndicated copy names the first
    # publisher's page as canonical.)
    address = url or _absolute(tags.get("og:url")) or _absolute(canonical)
    found = {"title": title, "sitename": sitename, "url": address, "hostname": host_of(address),
             "description": tags.get("og:description") or tags.get("description") or tags.get("twitter:description")}
    return {k: v for k, v in found.items() if v}


def page_date(tree: Any, url: str | None, params: dict[str, Any]) -> str | None:
    """The page's original publication date as htmldate reads it (its public ``find_date``;
    ``params``: its options, the same as the extraction was given before)."""
    from htmldate import find_date

    try:
        return find_date(tree, url=url, **params)
    except (ValueError, TypeError):
        return None
