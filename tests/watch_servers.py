"""Real local servers for the watch tests and the bench: a news site (feeds, sitemaps, listing
pages and articles that can change between polls, a slow handler, robots.txt, redirects), a
webhook receiver and an SMTP server (aiosmtpd). Everything listens on 127.0.0.1; the articles are
invented French news about invented people."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from collections import defaultdict
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def dead_port() -> int:
    """A port nothing listens on (bound then closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def article_html(title: str, date: str, speaker: str, role: str, said: str, extra: str = "") -> str:
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{date}T08:00:00+01:00"></head><body><article>
<h1>{title}</h1>
<p>La réunion s'est tenue mardi à Valbrune, une petite ville de la vallée, en présence des élus
de la région et de nombreux habitants venus écouter les annonces du gouvernement.</p>
<p>« {said} », a déclaré {speaker}, {role}, devant la presse à l'issue de la rencontre.</p>
<p>Le projet doit encore être examiné par le conseil régional avant la fin du mois. {extra}</p>
<p>Les associations locales ont salué une avancée, tout en demandant davantage de moyens pour
les communes rurales qui attendent ces travaux depuis plusieurs années.</p>
</article></body></html>"""


class Site:
    """What the news server serves: ``pages[path] = (content type, body)``, changeable at any time;
    ``slow`` paths answer after ``slow_seconds``; ``redirects[path] = target``. It records every
    request (path, Host) and the most requests any one Host had in flight at once."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.redirects: dict[str, str] = {}
        self.slow: set[str] = set()
        self.fail_first: dict[str, int] = {}  # path -> how many 503s before it answers
        self.slow_seconds = 3.0
        self.requests: list[tuple[str, str]] = []
        self.in_flight: dict[str, int] = defaultdict(int)
        self.max_in_flight: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer((host, 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://{host}:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def put(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.pages[path] = (ctype, body.encode("utf-8") if isinstance(body, str) else body)

    def fetched(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                host = self.headers.get("Host", "")
                path = self.path.split("?", 1)[0]
                with site.lock:
                    site.requests.append((path, host))
                    site.in_flight[host] += 1
                    site.max_in_flight[host] = max(site.max_in_flight[host], site.in_flight[host])
                try:
                    self._answer(path)
                finally:
                    with site.lock:
                        site.in_flight[host] -= 1

            def _answer(self, path: str) -> None:
                if site.fail_first.get(path, 0) > 0:
                    site.fail_first[path] -= 1
                    self.send_error(503)
                    return
                if path in site.slow:
                    time.sleep(site.slow_seconds)
                if path in site.redirects:
                    self.send_response(301)
                    self.send_header("Location", site.redirects[path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if path not in site.pages:
                    self.send_error(404)
                    return
                ctype, body = site.pages[path]
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", formatdate(usegmt=True))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


def rss(base: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (path, title, updated RFC 822 date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
                      f"<pubDate>{d}</pubDate><description>{t}</description></item>" for p, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Le Courrier de '
            f"Valbrune</title><link>{base}/</link>{entries}</channel></rss>")


def sitemap(base: str, items: list[tuple[str, str]]) -> str:
    """A news sitemap of (path, lastmod) items."""
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{m}</lastmod><news:news><news:publication_date>{m}"
                   f"</news:publication_date></news:news></url>" for p, m in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')


class Webhook:
    """Receives JSON POSTs and keeps them."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                hook.received.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Webhook:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class Mailbox:
    """An aiosmtpd SMTP server on a free port; ``messages`` holds what it received."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[Any] = []
        box = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
                import email
                import email.policy

                box.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
                return "250 OK"

        self.port = dead_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> Mailbox:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()
