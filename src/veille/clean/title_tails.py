"""What a page title carries around its headline: the site's name or a rubric after it, an arrow
before it.

A web page's title often closes with the site's name or the section the article sits in
("… - Le Courrier de Valmorin", "… | Sport", "… : Actualités", "… - Chroniques"), and a text
browser may print a related link's arrow before the headline ("> Crues : la décrue s'amorce").
A dash also joins the two halves of a real headline ("Crues - Valmorin sous les eaux"), so the
closing piece is cut only on evidence that it is the site or a section:

* it is a rubric or format label of ``lexicons/clean/title_tails.tsv`` (after a dash, a bar, a
  colon or a full stop);
* it is the site's name: the page's ``og:site_name`` holds it (or it holds the site name), or
  its letters are the URL host's name ("France Info" and ``franceinfo.fr``);
* it is a folder of the page's URL ("/chroniques/", "/vie-locale/"): the site files the
  article under it.

A headline of ``HEADLINE_MIN_WORDS`` words must stand before the piece.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from veille.clean.text import line_key, words
from veille.common.fold import fold
from veille.common.lexicon import rows

HEADLINE_MIN_WORDS = 4
TAIL_MAX_WORDS = 5
SITE_MIN_LETTERS = 5
_ARROW = re.compile(r"^\s*(?:>{1,2}|»|→|►|▶|›|⇒)\s+(?=\S)")
# The last piece after a dash or a bar (any label), or after a colon or a full stop (labels only).
_DASH_TAIL = re.compile(r"\s+[|–—-]\s+(?P<tail>[^|–—:.!?]{2,60})$")
_SOFT_TAIL = re.compile(r"(?:\s+:|\.)\s+(?P<tail>[^|–—:.!?-]{2,30})$")
_GENERIC_HOST = frozenset({"www", "m", "amp", "fr", "www2", "actu", "news", "info", "mobile"})


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(fold(line_key(cols[0])) for cols in rows("clean/title_tails.tsv", min_columns=2))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text).lower())


def _is_site(tail: str, site: str | None, url: str | None) -> bool:
    """The piece names the site (see the module doc)."""
    key = line_key(tail)
    if site:
        site_key = line_key(site)
        if key and site_key and (re.search(rf"(?:^|\s){re.escape(key)}(?:\s|$)", site_key)
                                 and len(_letters(key)) >= SITE_MIN_LETTERS or key.startswith(site_key + " ")):
            return True
    if url:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = [p for p in (parts.hostname or "").split(".")[:-1] if p not in _GENERIC_HOST]
        letters = _letters(tail)
        if len(letters) >= SITE_MIN_LETTERS and any(_letters(h) == letters for h in host):
            return True
        folders = {line_key(seg.replace("-", " ")) for seg in parts.path.split("/")[:-1] if seg}
        if key and key in folders:
            return True
    return False


def strip_title_tail(title: str, site: str | None = None, url: str | None = None) -> str:
    """"> Crues : la décrue s'amorce - Le Courrier | Société" -> "Crues : la décrue s'amorce": a
    leading arrow, then the closing pieces that are the site or a section (see the module doc)."""
    m = _ARROW.match(title)
    if m and len(words(title[m.end():])) >= HEADLINE_MIN_WORDS:
        title = title[m.end():]
    for _ in range(2):  # "… - Sport - Le Courrier"
        cut = None
        m = _DASH_TAIL.search(title)
        if m and len(words(m.group("tail"))) <= TAIL_MAX_WORDS and (
                fold(line_key(m.group("tail"))) in _labels() or _is_site(m.group("tail"), site, url)):
            cut = m.start()
        else:
            m = _SOFT_TAIL.search(title)
            if m and fold(line_key(m.group("tail"))) in _labels():
                cut = m.start()
        if cut is None or len(words(title[:cut])) < HEADLINE_MIN_WORDS:
            break
        title = title[:cut].rstrip()
    return title
