"""A small invented store for the command tests (no language model): five articles about invented
places and people, with entities, quotes and events, stored through ``Store.add`` as an ingest
would store them, a way to run a command on it, and ``veille serve`` over it as a real process."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from click.testing import CliRunner, Result

from veille.cli import cli
from veille.model import Article, Entity, Event, Quantity, Quote, Source
from veille.store import Store

FERRY = ["Le bac de Quelmer reprendra son service lundi après trois mois de travaux sur la cale.",
         "Les habitants de l'île attendaient cette réouverture depuis la fin de l'hiver."]


def _article(n: int, published: str | None, paragraphs: list[str], site: str | None = None, **fields) -> Article:
    return Article(id=f"cmd{n:013d}", source=Source(path=f"invented-{n}.txt", site=site or f"site{n}.example"),
                   title=f"Dépêche inventée {n}", published=published, language="fr",
                   paragraphs=paragraphs, **fields)


def articles() -> list[Article]:
    """The invented corpus: a quote by a woman, one by a man, one indirect without a named speaker,
    an AID event with a sum and a count, an ACCUSE event, an undated note, a fifth article copying the first on another site."""
    return [
        _article(1, "2025-03-04", FERRY, site="lecho-des-iles.example",
                 entities=[Entity(name="Quelmer", type="LOC", mentions=["Quelmer"]),
                           Entity(name="Maëlle Kerbrat", type="PER", mentions=["Maëlle Kerbrat"])],
                 quotes=[Quote(text="Le bac est notre seule route vers le continent", speaker="Maëlle Kerbrat",
                               speaker_text="Maëlle Kerbrat", cue="a rappelé")]),
        _article(2, "2025-04-18", ["La Lorvanie a versé deux millions d'euros à la commune de Quelmer.",
                                   "Elle a aussi livré douze groupes électrogènes au port."],
                 entities=[Entity(name="Lorvanie", type="LOC", mentions=["Lorvanie"]),
                           Entity(name="Quelmer", type="LOC", mentions=["Quelmer"])],
                 events=[Event(type="AID", source="Lorvanie", target="Quelmer", trigger="versé", text="versé",
                               date="2025-04-17",
                               quantities=[Quantity(text="deux millions d'euros", value=2_000_000, unit="EUR")]),
                         Event(type="AID", source="Lorvanie", target="Quelmer", trigger="livré", text="livré",
                               quantities=[Quantity(text="douze groupes électrogènes", value=12,
                                                    unit="groupes électrogènes")])]),
        _article(3, "2025-05-09", ["Le syndicat des marins accuse la Lorvanie de retarder les travaux.",
                                   "Il demande une réunion avant l'été."],
                 entities=[Entity(name="Lorvanie", type="LOC", mentions=["Lorvanie"]),
                           Entity(name="Yannick Le Goff", type="PER", mentions=["Yannick Le Goff"])],
                 quotes=[Quote(text="Nous ne voulons plus attendre", speaker="Yannick Le Goff",
                               speaker_text="Yannick Le Goff", cue="a lancé"),
                         Quote(text="les délais seront tenus", speaker=None, kind="indirect",
                               speaker_text="un proche du dossier")],
                 events=[Event(type="ACCUSE", source="syndicat des marins", target="Lorvanie",
                               trigger="accuse", text="accuse", mode="fact")]),
        _article(4, None, ["Une note sans date sur la météo des îles."]),
        _article(5, "2025-03-05", FERRY, site="le-courrier-du-port.example",
                 entities=[Entity(name="Quelmer", type="LOC", mentions=["Quelmer"])]),
    ]


def build_store(path: Path) -> Path:
    with Store(str(path)) as store:
        for article in articles():
            assert store.add(article)
    return path


def run(*args: str) -> Result:
    """``veille ARGS`` in this process, stdout and stderr apart."""
    return CliRunner().invoke(cli, list(args))


ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def veille_serve(db: str, *options: str) -> Iterator[str]:
    """``veille serve --db DB`` as a real process on a free loopback port; yields its base URL once
    it answers, stops it after."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "veille", "serve", "--db", db, "--port", str(port), *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"veille serve did not answer: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
