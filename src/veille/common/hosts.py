"""A page's host from its address, shared by the stages that read one (clean, metadata)."""

from __future__ import annotations

from urllib.parse import urlsplit


def host_of(url: str | None) -> str | None:
    """"https://www.exemple.fr/a" -> "exemple.fr" (lower case, "www." dropped); None when the
    address has no host or cannot be read."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
