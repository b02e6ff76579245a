"""URL normalisation, so that one article reached by several URLs is fetched once.

As Media Cloud's ``normalize_url_lossy`` does: scheme and ``www.`` dropped, host lower-cased,
default port, fragment, tracking parameters (``utm_*``, ``xtor``, ``fbclid``…), ``index.html`` and
trailing slashes removed, the remaining query parameters sorted. The key is for comparing only;
requests use the URL as published.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

_TRACKING = re.compile(r"^(utm_[a-z]+|xtor|xts|fbclid|gclid|dclid|mc_[a-z]+|at_[a-z_]+|ref|cmp|"
                       r"ns_[a-z]+|_ga|igshid|s_cid|origin|from)$", re.I)
_INDEX = re.compile(r"/(index|default)\.(html?|php|aspx?)$", re.I)
_EVERY = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$", re.I)
_UNITS = {"": 60, "s": 1, "m": 60, "h": 3600, "d": 86400}


def url_key(url: str) -> str:
    """The comparison key of ``url`` (``host/path?sorted-query``)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    if port and not (parts.scheme == "http" and port == 80) and not (parts.scheme == "https" and port == 443):
        host = f"{host}:{port}"
    path = _INDEX.sub("/", parts.path or "/")
    path = re.sub(r"/{2,}", "/", path).rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k))
    return host + path + ("?" + urlencode(query) if query else "")


def host_of(url: str) -> str:
    """``host:port`` as requests go to it (the unit of politeness)."""
    parts = urlsplit(url)
    return (parts.netloc or "").lower()


def absolute(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``; None unless it is an http(s) URL."""
    url = urljoin(base, href.strip()).split("#", 1)[0]
    return url if re.match(r"^https?://", url, re.I) else None


def parse_every(text: str) -> int:
    """Seconds in a polling interval written ``15m``, ``2h``, ``1d``, ``90s`` or minutes alone."""
    m = _EVERY.match(text or "")
    if not m or int(m.group(1)) == 0:
        raise ValueError(f"not an interval: {text!r} (write 15m, 2h, 1d or 90s)")
    return int(m.group(1)) * _UNITS[m.group(2).lower()]


def every_text(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
