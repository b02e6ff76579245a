"""The inputs of ``bench/hostile_inputs.py``: invented articles (every town, person and fact made
up here), each hostile input kind written around them, and two local servers that misbehave.

``write_batch(folder, servers)`` gives the expectations in the order the batch is read: a kind that
must fail names ``needle`` (a file name or URL) in one stderr line and one ``failures`` row; a kind
that must be read stores ``titles``."""

from __future__ import annotations

import gzip
import json
import os
import random
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TOWNS = ["Brévignac", "Saint-Olmer", "Castelroux", "Montvézan", "Lagarmel", "Pradelles-sur-Orne", "Vautrec",
         "Esquilhan", "Rochebrune-d'Aval", "Marvéjols-le-Haut", "Trélazon", "Bourg-Sénac"]
PEOPLE = ["Odile Varenne", "Bastien Quérol", "Maëlle Tourvic", "Hugo Ferrandel", "Léonie Castagnet",
          "Armand Delpérier", "Sixtine Lhermet", "Corentin Abadol", "Nadège Fourcayre", "Yvon Sarlabous",
          "Clémence Oustric", "Raphaël Mauvezin"]
TOPICS = [("une nouvelle piscine municipale", "la construction d'un bassin couvert"),
          ("la réouverture de la gare", "le retour de quatre trains par jour"),
          ("un festival de théâtre de rue", "trois jours de spectacles gratuits"),
          ("la rénovation de l'école", "le remplacement des fenêtres et du chauffage"),
          ("un marché de nuit", "vingt stands de producteurs le vendredi soir"),
          ("une ligne de bus vers l'hôpital", "un départ toutes les quarante minutes"),
          ("la fermeture de la bibliothèque", "six mois de travaux dans l'ancien couvent"),
          ("un parc éolien contesté", "huit machines sur le plateau voisin")]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre"]


def article(i: int) -> tuple[str, str]:
    """(title, text) of invented article ``i``: a headline and three paragraphs, none like another."""
    town, person = TOWNS[i % len(TOWNS)], PEOPLE[(i * 5 + 1) % len(PEOPLE)]
    topic, detail = TOPICS[i % len(TOPICS)]
    other = PEOPLE[(i * 7 + 3) % len(PEOPLE)]
    day, month = 1 + (i * 3) % 27, MONTHS[i % len(MONTHS)]
    title = f"{town} : le conseil vote {topic} (dossier {i + 1})"
    paragraphs = [
        f"Le conseil municipal de {town} a voté le {day} {month} 2024 {topic}, un projet qui prévoit "
        f"{detail}. La délibération a été adoptée par {17 + i % 9} voix contre {2 + i % 5}.",
        f"« Nous attendions ce vote depuis {3 + i % 6} ans », a déclaré {person}, adjointe chargée du "
        f"dossier, qui estime le coût à {120 + 13 * i} 000 euros.",
        f"L'opposition, menée par {other}, a dénoncé un calendrier trop serré et demandé une réunion "
        f"publique avant l'été. Les travaux doivent commencer à l'automne.",
    ]
    return title, title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def html_page(title: str, text: str, charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:] if p.strip())
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
            f"<body><nav><a href='/'>Accueil</a></nav><article><h1>{title}</h1>{body}</article></body></html>")


@dataclass
class Expect:
    kind: str
    needle: str  # what names the input in a message or a failures row
    fails: bool  # one line and one failures row expected (besides what is read)
    titles: list[str] = field(default_factory=list)  # what must be stored
    max_lines: int = 1


# -- servers that misbehave -----------------------------------------------------------------------

class LocalServers:
    """``hang``: accepts and never answers; ``trickle``: sends a status line, then one header byte
    every ``TRICKLE_EVERY`` seconds for at most ``TRICKLE_FOR`` seconds; ``trickle_seconds``: how
    long each trickled client stayed. ``dead``: a port nothing listens on."""

    TRICKLE_EVERY = 2.0
    TRICKLE_FOR = 240.0

    def __enter__(self) -> LocalServers:
        self._stop = threading.Event()
        self._held: list[socket.socket] = []
        self.trickle_seconds: list[float] = []
        self.hang = self._listen(self._hold)
        self.trickle = self._listen(self._trickle)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.dead = probe.getsockname()[1]
        probe.close()  # nothing listens there now
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for s in self._held:
            s.close()

    def _listen(self, handler) -> int:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        server.settimeout(0.5)
        self._held.append(server)

        def loop() -> None:
            while not self._stop.is_set():
                try:
                    conn, _ = server.accept()
                except (TimeoutError, OSError):
                    continue
                threading.Thread(target=handler, args=(conn,), daemon=True).start()

        threading.Thread(target=loop, daemon=True).start()
        return server.getsockname()[1]

    def _hold(self, conn: socket.socket) -> None:
        self._held.append(conn)  # never read, never answered

    def _trickle(self, conn: socket.socket) -> None:
        started = time.monotonic()
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nX-Lent: ")
            while not self._stop.is_set() and time.monotonic() - started < self.TRICKLE_FOR:
                time.sleep(self.TRICKLE_EVERY)
                conn.sendall(b"a")
        except OSError:
            pass
        finally:
            self.trickle_seconds.append(time.monotonic() - started)
            conn.close()


# -- the batch ------------------------------------------------------------------------------------

def _gz_cut(data: bytes) -> bytes:
    whole = gzip.compress(data)
    return whole[: len(whole) // 2]


def _warc_record(payload: bytes, url: str, length: str | None = None) -> bytes:
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url
            + "\r\nWARC-Date: 2024-06-04T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
            + f"{abs(hash(url)) % 10**12:012d}>\r\nContent-Type: application/http; msgtype=response\r\n"
            + f"Content-Length: {length or len(payload)}\r\n\r\n")
    return head.encode("ascii") + payload + b"\r\n\r\n"


def _http(body: bytes) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


def _feed(items: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Flux inventé</title>'
            f"<link>https://exemple.invalid/</link>{items}</channel></rss>\n")


def _item(title: str, text: str, n: int) -> str:
    body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in text.split("\n\n")[1:])
    return (f"<item><title>{title}</title><link>https://exemple.invalid/a{n}</link>"
            f"<pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate><description>{body}</description></item>")


KINDS = ("binary", "image", "empty", "blank", "utf16-bom", "utf16le-nobom", "utf16be-nobom", "latin1", "cp1252",
         "cp1252-declared", "mixed-encodings", "nul-bytes", "huge-60mb", "deep-html", "truncated-html",
         "json-wrong-types", "jsonl-bad-lines", "truncated-gzip", "warc-broken-record", "warc-gz-cut",
         "rss-truncated", "rss-no-items", "atom-no-entries", "unreadable", "symlink-loop", "folder-loop",
         "dead-url", "hanging-url", "trickling-url")


def write_batch(folder: Path, servers: LocalServers, only: list[str] | None = None
                ) -> tuple[list[Expect], list[str]]:
    """Writes the batch into ``folder`` (a good article first and last); returns the expectations
    and the URLs to add to the command line."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(17)
    n = iter(range(100))
    expects: list[Expect] = []
    urls: list[str] = []

    def put(name: str, data: bytes | str) -> str:
        path = folder / name
        if path.is_symlink() or path.exists():
            path.unlink()
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return name

    def good(name: str, encode=lambda s: s.encode("utf-8"), kind: str = "good") -> None:
        title, text = article(next(n))
        expects.append(Expect(kind, put(name, encode(text)), False, [title]))

    good("00-good-first.txt")
    want = set(only or KINDS)
    if "binary" in want:
        expects.append(Expect("binary", put("01-binary.bin", rng.randbytes(8192)), True))
    if "image" in want:
        expects.append(Expect("image", put("02-image.png", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096)), True))
    if "empty" in want:
        expects.append(Expect("empty", put("03-empty.txt", b""), True))
    if "blank" in want:
        expects.append(Expect("blank", put("04-blank.txt", " \n\t\n\u00a0\u3000 \n\n"), True))
    if "utf16-bom" in want:
        good("05-utf16-bom.txt", lambda s: s.encode("utf-16"), "utf16-bom")
    if "utf16le-nobom" in want:
        good("06-utf16le.txt", lambda s: s.encode("utf-16-le"), "utf16le-nobom")
    if "utf16be-nobom" in want:
        good("07-utf16be.txt", lambda s: s.encode("utf-16-be"), "utf16be-nobom")
    if "latin1" in want:
        good("08-latin1.txt", lambda s: s.replace("«", '"').replace("»", '"').encode("latin-1"), "latin1")
    if "cp1252" in want:
        good("09-cp1252.txt", lambda s: s.replace("L'", "L\u2019").replace(" – ", " \u2013 ").encode("cp1252"),
             "cp1252")
    if "cp1252-declared" in want:
        title, text = article(next(n))
        page = html_page(title, text.replace("'", "\u2019"), "windows-1252").encode("cp1252")
        expects.append(Expect("cp1252-declared", put("10-cp1252.html", page), False, [title]))
    if "mixed-encodings" in want:
        # A scraper's concatenation: the headline and first paragraph in UTF-8, the rest in Windows-1252.
        title, text = article(next(n))
        head, rest = text.split("\n\n", 2)[:2], text.split("\n\n", 2)[2]
        data = "\n\n".join(head).encode("utf-8") + b"\n\n" + rest.encode("cp1252")
        expects.append(Expect("mixed-encodings", put("11-mixed.txt", data), False, [title]))
    if "nul-bytes" in want:
        title, text = article(next(n))
        cut = text.index("\n\n", len(title) + 2)
        data = text[:cut].encode() + b"\x00" * 300 + text[cut:].encode() + b"\x00" * 1000
        expects.append(Expect("nul-bytes", put("12-nul.txt", data), False, [title]))
    if "huge-60mb" in want:
        title, text = article(next(n))
        data = (text * (60 * 1024 * 1024 // len(text.encode()) + 1)).encode()
        expects.append(Expect("huge-60mb", put("13-huge.txt", data), True))
    if "deep-html" in want:
        title, text = article(next(n))
        page = html_page(title, text).replace("<article>", "<article>" + "<div>" * 20000)
        page = page.replace("</article>", "</div>" * 20000 + "</article>")
        expects.append(Expect("deep-html", put("14-deep.html", page), False, [title]))
    if "truncated-html" in want:
        title, text = article(next(n))
        page = html_page(title, text)
        page = page[: page.rindex("</p>") + 4] + '<p>Suite de <a href="/x" cla'
        expects.append(Expect("truncated-html", put("15-truncated.html", page), False, [title]))
    if "json-wrong-types" in want:
        title, text = article(next(n))
        records = [{"title": 5, "text": 42}, {"title": title, "text": text, "date": "2024-06-04"}, "une chaîne",
                   {"text": None, "html": ["<p>x</p>"]}]
        expects.append(Expect("json-wrong-types", put("16-types.json", json.dumps(records, ensure_ascii=False)),
                              True, [title], max_lines=3))
    if "jsonl-bad-lines" in want:
        t1, x1 = article(next(n))
        t2, x2 = article(next(n))
        lines = [json.dumps({"title": t1, "text": x1}, ensure_ascii=False), '{"title": "Coupé", "text": "Une ph',
                 "[1, 2, 3]", json.dumps({"title": ["x"], "text": {"a": 1}}),
                 json.dumps({"title": t2, "text": x2}, ensure_ascii=False)]
        expects.append(Expect("jsonl-bad-lines", put("17-lines.jsonl", "\n".join(lines) + "\n"), True, [t1, t2],
                              max_lines=3))
    if "truncated-gzip" in want:
        title, text = article(next(n))
        expects.append(Expect("truncated-gzip", put("18-cut.txt.gz", _gz_cut(text.encode() * 40)), True))
    if "warc-broken-record" in want:
        t1, x1 = article(next(n))
        t2, x2 = article(next(n))
        ok = _warc_record(_http(html_page(t1, x1).encode()), "https://exemple.invalid/w1")
        bad = _warc_record(_http(html_page(t2, x2).encode()), "https://exemple.invalid/w2", length="beaucoup")
        expects.append(Expect("warc-broken-record", put("19-broken.warc", ok + bad), True, [t1]))
    if "warc-gz-cut" in want:
        t1, x1 = article(next(n))
        t2, x2 = article(next(n))
        one = gzip.compress(_warc_record(_http(html_page(t1, x1).encode()), "https://exemple.invalid/g1"))
        two = gzip.compress(_warc_record(_http(html_page(t2, x2).encode()), "https://exemple.invalid/g2"))
        expects.append(Expect("warc-gz-cut", put("20-cut.warc.gz", one + two[: len(two) // 2]), True, [t1]))
    if "rss-truncated" in want:
        t1, x1 = article(next(n))
        t2, x2 = article(next(n))
        feed = _feed(_item(t1, x1, 1) + _item(t2, x2, 2))
        feed = feed[: feed.index("<description>", feed.index(t2)) + 40]
        expects.append(Expect("rss-truncated", put("21-cut.rss", feed), False, [t1]))
    if "rss-no-items" in want:
        expects.append(Expect("rss-no-items", put("22-empty.rss", _feed("")), True))
    if "atom-no-entries" in want:
        atom = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                "<title>Flux vide</title><id>urn:exemple:vide</id><updated>2024-06-04T08:00:00Z</updated></feed>\n")
        expects.append(Expect("atom-no-entries", put("23-empty.atom", atom), True))
    if "unreadable" in want:
        if os.geteuid() == 0:  # root reads any mode: a file whose every read fails (EIO) instead
            target = folder / "24-unreadable.txt"
            if target.is_symlink() or target.exists():
                target.unlink()
            target.symlink_to("/proc/self/mem")
            expects.append(Expect("unreadable (EIO, root)", target.name, True))
        else:
            name = put("24-unreadable.txt", article(next(n))[1])
            (folder / name).chmod(0)
            expects.append(Expect("unreadable (mode 000)", name, True))
    if "symlink-loop" in want:
        a, b = folder / "25-loop-a.txt", folder / "25-loop-b.txt"
        for p in (a, b):
            if p.is_symlink():
                p.unlink()
        a.symlink_to(b.name)
        b.symlink_to(a.name)
        expects.append(Expect("symlink-loop", "25-loop-a.txt", True))
    if "folder-loop" in want:
        sub = folder / "26-sub"
        sub.mkdir(exist_ok=True)
        title, text = article(next(n))
        (sub / "dedans.txt").write_text(text, encoding="utf-8")
        back = sub / "retour"
        if not back.is_symlink():
            back.symlink_to("..")
        expects.append(Expect("folder-loop", "26-sub/retour", True, [title]))
    good("99-good-last.txt")
    # URLs come after the folder on the command line; the last good file is checked above
    last = expects.pop()
    if "dead-url" in want:
        urls.append(f"http://127.0.0.1:{servers.dead}/article")
        expects.append(Expect("dead-url", urls[-1], True))
    if "hanging-url" in want:
        urls.append(f"http://127.0.0.1:{servers.hang}/jamais")
        expects.append(Expect("hanging-url", urls[-1], True))
    if "trickling-url" in want:
        urls.append(f"http://127.0.0.1:{servers.trickle}/goutte")
        expects.append(Expect("trickling-url", urls[-1], True))
    expects.append(last)
    return expects, urls


KILL_ARTICLES = 80  # over two batches of store_batch.BATCH (32): a kill can land between commits


def kill_batch(folder: Path) -> Path:
    """``KILL_ARTICLES`` invented articles, one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(KILL_ARTICLES):
        (folder / f"{i:03d}.txt").write_text(article(40 + i)[1], encoding="utf-8")
    return folder
