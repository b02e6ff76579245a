"""What keeps the web app safe from hostile requests, as one ASGI middleware and one filter.

* ``Host`` must be one the server answers to (a DNS-rebinding page names its own host);
* a state-changing request (POST, PUT, PATCH, DELETE) coming from a browser must come from the
  app's own origin (``Origin``, or ``Referer`` when a browser sends no ``Origin``): another site
  cannot push uploads;
* a request body is counted while it streams and refused past ``max_body`` bytes, before the
  multipart parser spools it to disk;
* query strings are bounded (each value and the whole), since every page runs its query on them;
* every response carries a Content-Security-Policy, ``nosniff`` and a no-framing policy;
* ``web_url`` lets only ``http``/``https`` URLs become links (a stored ``javascript:`` URL stays text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "testserver")
MAX_QUERY_VALUE = 500  # characters of one query parameter (the API's own cap on q)
MAX_QUERY_STRING = 4000  # characters of the whole query string
MAX_PATH = 2000  # characters of the path (an entity's name is part of its page's path)
MAX_BODY = 64 * 1024 * 1024
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Styles stay allowed inline: the timeline's SVG and its legend colour swatches use style attributes.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def web_url(value: Any) -> str | None:
    """``value`` when it is an http(s) URL safe to put in ``href``, else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def hosts_for(bind: str) -> list[str]:
    """The ``Host`` names to accept for a server bound to ``bind``: any for every interface
    (the names it is reached by are unknown), else that address and the local names."""
    if bind in ("0.0.0.0", "::", ""):
        return ["*"]
    return [bind, *LOCAL_HOSTS]


def _host_name(host: str) -> str:
    """The name part of a ``Host`` header or URL netloc, without the port, lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class _BodyTooLarge(Exception):
    pass


class GuardMiddleware:
    """The checks of this module around an ASGI app. ``allowed_hosts`` of ``["*"]`` accepts any
    ``Host`` (a server bound to every interface, reached by names it cannot know)."""

    def __init__(self, app: Any, allowed_hosts: Iterable[str] | None = None, max_body: int = MAX_BODY) -> None:
        self.app = app
        hosts = list(allowed_hosts) if allowed_hosts is not None else list(LOCAL_HOSTS)
        self.any_host = "*" in hosts
        self.allowed_hosts = {_host_name(h) for h in hosts if h != "*"}
        self.max_body = max_body

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        problem = self._refusal(scope, headers)
        if problem:
            await _plain(send, scope, *problem)
            return
        await self._guarded(scope, receive, send)

    def _refusal(self, scope: dict, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if not self.any_host and _host_name(host) not in self.allowed_hosts:
            return 400, f"unknown Host {host[:100]!r}"
        if scope["method"] in UNSAFE_METHODS:
            origin = headers.get("origin") or headers.get("referer")
            if origin and origin != "null":
                netloc = urlsplit(origin).netloc.lower()
                if netloc != host.strip().lower():
                    return 403, "cross-origin request refused"
            elif origin == "null":
                return 403, "cross-origin request refused"
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > self.max_body:
                return 413, f"request too large: over {self.max_body} bytes"
        if len(scope.get("raw_path") or scope.get("path", "")) > MAX_PATH:
            return 414, f"path too long: over {MAX_PATH} characters"
        query = scope.get("query_string", b"").decode("latin-1")
        if len(query) > MAX_QUERY_STRING:
            return 414, f"query too long: over {MAX_QUERY_STRING} characters"
        if query:
            for _, value in parse_qsl(query, keep_blank_values=True):
                if len(value) > MAX_QUERY_VALUE:
                    return 400, f"query too long: a value over {MAX_QUERY_VALUE} characters"
        return None

    async def _guarded(self, scope: dict, receive: Any, send: Any) -> None:
        received = 0
        too_large = False
        started = False

        async def counting_receive() -> dict:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_large = True
                    raise _BodyTooLarge()
            return message

        async def secured_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                if too_large:  # the app turned the aborted body into its own error: say why
                    return
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": list(message.get("headers", []))
                           + [h for h in SECURITY_HEADERS if h[0] not in present]}
            elif message["type"] == "http.response.body" and too_large and not started:
                return
            await send(message)

        try:
            await self.app(scope, counting_receive, secured_send)
        except _BodyTooLarge:
            pass
        if too_large and not started:
            await _plain(send, scope, 413, f"request too large: over {self.max_body} bytes")


async def _plain(send: Any, scope: dict, status: int, detail: str) -> None:
    """A refusal, before the app runs: JSON under /api, one line of text elsewhere."""
    from veille.web.reasons import in_french  # (a page: French, as every page; the API: both)

    if scope.get("path", "").startswith("/api"):
        body, ctype = json.dumps({"detail": detail, "detail_fr": in_french(detail)}).encode(), b"application/json"
    else:
        body, ctype = f"{status} : {in_french(detail)}\n".encode(), b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
                + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})
