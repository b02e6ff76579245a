"""The polite HTTP client of the watch: robots.txt honoured, one request at a time per host with
a delay between two, conditional GET, redirects followed, retries with backoff on what may pass
(a timeout, a refused connection, a 5xx, a 429), and a total time and size budget per request."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

import httpx

from veille.readers.base import DEFAULT_MAX_BYTES
from veille.readers.deadline import deadline_of, deadline_transport, heard_back
from veille.watch.urls import host_of

USER_AGENT = "Veille/0.1 (media monitoring; +https://github.com/veille)"
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchSettings:
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds for one request, in total
    retries: int = 2  # further tries after a failure that may pass
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A request that failed for good; ``str()`` says why in one line."""


class HostGate:
    """One request at a time per host, ``delay`` seconds apart: each host has its lock and the
    time its last request ended."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    def lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait(self, host: str) -> None:
        """Called with the host's lock held: sleeps until the delay since its last request is over."""
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def done(self, host: str) -> None:
        self._last[host] = time.monotonic()


class Fetcher:
    """Shared by every source of a round (thread-safe): one connection pool, one gate, one robots
    cache."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.gate = HostGate(self.settings.delay)
        # Each request ends by its own deadline (``_stream``), its response head included: a source
        # trickling its headers a byte at a time held its host, and the round, for as long as it trickled.
        self.client = httpx.Client(transport=deadline_transport(), follow_redirects=True,
                                   timeout=min(self.settings.timeout, 20.0),
                                   headers={"User-Agent": self.settings.user_agent,
                                            "Accept-Encoding": "gzip, identity"})
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def allowed(self, url: str) -> bool:
        """What the host's robots.txt says of ``url`` for our user agent (allowed when it has none)."""
        host = host_of(url)
        with self._robots_lock:
            if host not in self._robots:
                self._robots[host] = self._load_robots(url)
            robots = self._robots[host]
        return robots is None or robots.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, url: str) -> RobotFileParser | None:
        scheme = url.split("://", 1)[0]
        robots_url = f"{scheme}://{host_of(url)}/robots.txt"
        try:
            resp = self._request(robots_url, {}, retries=0)
        except FetchError:
            return None  # unreachable: the request for the page itself will fail and say why
        parser = RobotFileParser(robots_url)
        if resp.status >= 400:
            parser.allow_all = True
        else:
            parser.parse(resp.content.decode("utf-8", "replace").splitlines())
        return parser

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditional when ``etag`` or ``last_modified`` is given); ``FetchError``
        when robots.txt forbids it, on a 4xx, or when the retries are spent."""
        if not self.allowed(url):
            raise FetchError("forbidden by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        resp = self._request(url, headers, retries=self.settings.retries)
        if resp.status >= 400:
            raise FetchError(f"HTTP {resp.status}")
        return resp

    def _request(self, url: str, headers: dict[str, str], retries: int) -> Response:
        wait = self.settings.backoff
        for attempt in range(retries + 1):
            try:
                resp = self._once(url, headers)
                if resp.status not in RETRY_STATUS or attempt == retries:
                    return resp
            except FetchError:
                if attempt == retries:
                    raise
            time.sleep(wait * (1 + random.random() / 4))  # jitter keeps retries of many sources apart
            wait *= 2
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        host = host_of(url)
        lock = self.gate.lock(host)
        with lock:
            self.gate.wait(host)
            try:
                return self._stream(url, headers)
            finally:
                self.gate.done(host)

    def _stream(self, url: str, headers: dict[str, str]) -> Response:
        limit = self.settings.max_bytes
        deadline = time.monotonic() + self.settings.timeout
        with deadline_of(deadline):  # heard_back() is read before the block ends
            try:
                with self.client.stream("GET", url, headers=headers) as resp:
                    chunks, total = [], 0
                    for chunk in resp.iter_bytes():
                        total += len(chunk)
                        if total > limit:
                            raise FetchError(f"too large: over the limit of {limit} bytes")
                        if time.monotonic() > deadline:
                            raise FetchError(f"too slow: not fetched within {self.settings.timeout:g} s")
                        chunks.append(chunk)
                    return Response(str(resp.url), resp.status_code, b"".join(chunks),
                                    resp.headers.get("etag"), resp.headers.get("last-modified"))
            except httpx.TimeoutException:
                if heard_back() and time.monotonic() >= deadline - 0.05:
                    raise FetchError(f"too slow: not fetched within {self.settings.timeout:g} s") from None
                raise FetchError(f"too slow: no answer within {min(self.settings.timeout, 20.0):g} s") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                                 ) from None
