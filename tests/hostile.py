"""Hostile inputs, generated at test time (no binary is stored in the repository).

Every text here is invented. ``hostile_batch(folder)`` writes the batch of issue 17:
``[good, each hostile file, good]``, and says which files must fail and which must be read.
"""

from __future__ import annotations

import gzip
from pathlib import Path

GOOD_A = ("La médiathèque de Quimperlé prolonge ses horaires d'été\n\n"
          "La médiathèque de Quimperlé restera ouverte jusqu'à vingt heures tout l'été, a indiqué "
          "lundi sa directrice, Odile Kervarec, qui veut attirer les lycéens pendant les vacances.\n")
GOOD_B = ("Un nouveau marché de producteurs à Figeac\n\n"
          "Un marché de producteurs s'installera chaque samedi sur la place de Figeac, a annoncé "
          "mardi le maire, Bastien Laborie, après deux ans de discussions avec les agriculteurs.\n")
FEED_TITLE = "Une passerelle piétonne pour Montargis"
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="flux.xsl"?>
<!-- flux produit pour les tests -->
<!DOCTYPE rss>
<rss version="2.0"><channel><title>Flux inventé</title><link>https://exemple.invalid/</link>
<item><title>{FEED_TITLE}</title><link>https://exemple.invalid/passerelle</link>
<pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Une passerelle piétonne enjambera le canal de Montargis dès l'automne, a annoncé
jeudi l'adjointe chargée des travaux, Lucie Fontanel, pour relier les deux quartiers.&lt;/p&gt;</description>
</item></channel></rss>
"""
PAGE = ("<html><head><title>Page inventée</title></head><body><article><p>"
        "Le club de voile de Granville accueille cet été deux cents enfants, a déclaré sa "
        "présidente, Maëlle Hamon.</p></article></body></html>")

GIB = 1024 ** 3


def zeros_gzip(size: int, chunk: int = 64 * 1024 * 1024) -> bytes:
    """``size`` zero bytes as a multi-member gzip: one member of ``chunk`` zeros compressed once and
    repeated, so that a 2 GiB bomb (about 2 MB) is built in a fraction of a second."""
    member = gzip.compress(bytes(chunk), compresslevel=9)
    full, rest = divmod(size, chunk)
    return member * full + (gzip.compress(bytes(rest), compresslevel=9) if rest else b"")


def _warc_headers(rec_type: str, length: int, url: str | None) -> bytes:
    lines = ["WARC/1.0", f"WARC-Type: {rec_type}", "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>",
             "WARC-Date: 2024-06-04T08:00:00Z", "Content-Type: application/http; msgtype=response",
             f"Content-Length: {length}"]
    if url:
        lines.insert(2, f"WARC-Target-URI: {url}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def http_response(body: bytes, extra: str = "") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra}"
            f"Content-Length: {len(body)}\r\n\r\n").encode("ascii") + body


def warc_record(payload: bytes, url: str | None = "https://exemple.invalid/page") -> bytes:
    return _warc_headers("response", len(payload), url) + payload + b"\r\n\r\n"


def warc_bomb(size: int = 2 * GIB) -> bytes:
    """A ``.warc.gz`` whose one HTML response inflates to ``size`` bytes."""
    head = http_response(b"")[:-len(b"\r\n\r\n")]  # headers only; the length is rewritten below
    http_head = head.replace(b"Content-Length: 0", f"Content-Length: {size}".encode()) + b"\r\n\r\n"
    record_head = _warc_headers("response", len(http_head) + size, "https://exemple.invalid/bombe")
    return gzip.compress(record_head + http_head) + zeros_gzip(size) + gzip.compress(b"\r\n\r\n")


def warc_payload_bomb(size: int = 256 * 1024 * 1024) -> bytes:
    """A plain ``.warc`` whose HTTP payload is gzip-encoded and inflates to ``size`` bytes."""
    gz = gzip.compress(bytes(size), compresslevel=9) if size <= 64 * 1024 * 1024 else zeros_gzip(size)
    return warc_record(http_response(gz, "Content-Encoding: gzip\r\n"))


def deep_json(depth: int = 100_000) -> bytes:
    return ("[" * depth + "]" * depth).encode("ascii")


def deep_jsonl(depth: int = 100_000) -> bytes:
    return ('{"text": ' * depth + '"x"' + "}" * depth + "\n").encode("ascii")


def long_article(chars: int = 1_200_000) -> bytes:
    sentence = "Le conseil municipal de Vierzon a longuement débattu du budget des écoles. "
    body = (sentence * (chars // len(sentence) + 1))[:chars]
    return ("Un débat sans fin à Vierzon\n\n" + body + "\n").encode("utf-8")


def hostile_batch(folder: Path, bomb_size: int = 2 * GIB) -> tuple[list[Path], list[Path], list[str]]:
    """Writes ``[good, hostile…, good]`` into ``folder``: (all files in order, the files that must
    fail, the titles that must be stored)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "01-good.txt": GOOD_A.encode("utf-8"),
        "02-not-gzip.gz": b"\x1f\x8b" + b"ceci n'est pas du gzip " * 20,
        "03-no-url.warc": warc_record(http_response(PAGE.encode("utf-8")), url=None),
        "04-deep.json": deep_json(),
        "05-long.txt": long_article(),
        "06-bomb.warc.gz": warc_bomb(bomb_size),
        "07-prolog.xml": FEED.encode("utf-8"),
        "08-good.txt": GOOD_B.encode("utf-8"),
    }
    paths = []
    for name, content in files.items():
        (folder / name).write_bytes(content)
        paths.append(folder / name)
    bad = [folder / n for n in ("02-not-gzip.gz", "03-no-url.warc", "04-deep.json", "05-long.txt", "06-bomb.warc.gz")]
    titles = [GOOD_A.split("\n")[0], FEED_TITLE, GOOD_B.split("\n")[0]]
    return paths, bad, titles
