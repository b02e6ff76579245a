"""Latency of the web UI over loopback on a 10,000-article database.

    python bench/web_latency.py [--articles 10000] [--requests 300] [--db FILE] [--hooks]

The database is made of SYNTHETIC records: invented articles assembled from a small French
vocabulary and invented names, with entities, quotes, times, quantities and events whose offsets
point into the text, inserted through ``veille.store.Store.add``. No spaCy: the bench measures the web layer, not the
pipeline. The store's ingest hooks (corpus entities, duplicates, stories) are skipped unless
``--hooks`` (their tables exist, empty; with them the build takes minutes instead of seconds).
An existing ``--db`` with enough articles is reused. The corpus is deliberately hard on search:
its paragraphs draw from a 31-word vocabulary, so a query word matches some 95% of the articles
and every match must be ranked (real queries usually match far fewer).

It then starts ``veille serve`` in a child process on a free loopback port and sends a bounded
number of sequential GET requests (keep-alive) for each page kind: the search page (a word of the
corpus, half of them with a facet filter, so a query comes back as it does when a person clicks
a facet or the next page; then two-word queries never asked before, which no cache helps) and
the article page (a random article), plus the entity page and the JSON search. It prints p50,
p95 and max in milliseconds, and the server's mean CPU time per request (which a busy machine
does not inflate); the target is p95 < 100 ms for the search and article pages.
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veille.model import (  # noqa: E402
    EVENT_TYPES,
    Article,
    Entity,
    Event,
    Quantity,
    Quote,
    Source,
    TimeExpr,
    article_id,
)
from veille.web.render import french_date  # noqa: E402

FIRST = ["Anne", "Bruno", "Chloé", "David", "Élise", "Farid", "Gaëlle", "Hugo", "Inès", "Julien", "Karim",
         "Léa", "Marc", "Nadia", "Olivier", "Pauline", "Quentin", "Rosa", "Samuel", "Théa"]
LAST = ["Arnaud", "Benali", "Carvalho", "Delmas", "Etchegoyen", "Fournel", "Guérin", "Hamon", "Istrati",
        "Joly", "Kowalczyk", "Lemoine", "Marchal", "Nguyen", "Orsini", "Pelletier", "Quéré", "Rivière",
        "Santini", "Tessier", "Urbain", "Vidal", "Wagner", "Xavier", "Yilmaz"]
ORGS = ["Conseil régional", "Agence des mers", "Union des ports", "Office du blé", "Comité des rivières",
        "Fédération des forges", "Institut des glaciers", "Parlement du Nord", "Ligue des villes",
        "Observatoire des côtes", "Banque des vallées", "Ordre des pilotes"]
PLACES = ["Roumanie", "Moldavie", "Pologne", "Bulgarie", "Ukraine", "Grèce", "Bucarest", "Varsovie",
          "Constanța", "Sofia", "Athènes", "Lyon", "Rennes", "Brest", "Nantes", "Lille", "Chisinau"]
SITES = [f"journal-{i:02d}.example" for i in range(25)]
WORDS = ("sécurité frontière accord sommet budget coopération énergie port céréales convoi élection "
         "réforme tempête inondation blindés munitions hôpital école réfugiés gazoduc pont route "
         "marché grève manifestation négociation traité sanctions exercice flotte drone satellite").split()
VERBS = ["a annoncé", "a déclaré", "a affirmé", "a estimé", "a rappelé"]
UNITS = [("véhicules", None), ("soldats", None), ("tonnes", None), ("millions d'euros", "EUR"),
         ("millions de dollars", "USD")]


def synthetic_article(i: int, rng: random.Random, people: list[str]) -> Article:
    day = f"{rng.choice([2022, 2023, 2024])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    topic = rng.sample(WORDS, 3)
    place = rng.choice(PLACES)
    speaker = rng.choice(people)
    other = rng.choice(people)
    org = rng.choice(ORGS)
    title = f"{place} : {topic[0]} et {topic[1]} au menu du {org}"
    paragraphs: list[str] = []
    entities: dict[str, Entity] = {}
    quotes: list[Quote] = []
    times: list[TimeExpr] = []
    quantities: list[Quantity] = []
    events: list[Event] = []
    base = len(title) + 2

    def add_entity(name: str, etype: str, start: int) -> None:
        e = entities.setdefault(name, Entity(name=name, type=etype))
        e.mentions.append(name)
        e.spans.append([start, start + len(name)])

    add_entity(place, "LOC", 0)
    add_entity(org, "ORG", title.index(org))
    for k in range(rng.randint(4, 7)):
        n = rng.randint(2, 900)
        unit, currency = rng.choice(UNITS)
        qty_text = f"{n} {unit}"
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30)))
        quote_text = f"Nous parlerons de {rng.choice(WORDS)} et de {rng.choice(WORDS)} sans attendre"
        date_text = french_date(day)
        para = (f"{speaker} {rng.choice(VERBS)} le {date_text} à {place} que {qty_text} seraient consacrés "
                f"à la question {words}. « {quote_text} », a déclaré {speaker} devant {other}.")
        p0 = base
        add_entity(speaker, "PER", p0)
        s = para.index(date_text)
        times.append(TimeExpr(date_text, day, p0 + s, p0 + s + len(date_text)))
        s = para.index(f" à {place}") + 3
        add_entity(place, "LOC", p0 + s)
        s = para.index(qty_text)
        value = n * 1_000_000 if currency else n
        q = Quantity(qty_text, value, currency or unit, p0 + s, p0 + s + len(qty_text))
        quantities.append(q)
        s = para.index(quote_text)
        quotes.append(Quote(quote_text, speaker=speaker, cue="a déclaré", start=p0 + s, end=p0 + s + len(quote_text)))
        s = para.rindex(speaker)
        add_entity(speaker, "PER", p0 + s)
        s = para.rindex(other)
        add_entity(other, "PER", p0 + s)
        etype = "AID" if k == 0 and i % 3 == 0 else rng.choice(EVENT_TYPES)
        events.append(Event(etype, source=speaker, target=other if k % 2 else place, date=day, place=place,
                            quantities=[q] if etype == "AID" else [], text=para[:120], trigger="a annoncé",
                            start=p0, end=p0 + len(para)))
        paragraphs.append(para)
        base += len(para) + 2
    art = Article(id=article_id(f"synthetic {i}".encode()),
                  source=Source(path=f"synthetique/{i:05d}.txt", url=f"https://{SITES[i % len(SITES)]}/a/{i}",
                                site=SITES[i % len(SITES)]),
                  title=title, published=day, published_from="metadata", language="fr",
                  paragraphs=paragraphs, boilerplate=["Accueil › Monde", "Partager cet article"],
                  entities=list(entities.values()), quotes=quotes, times=times, quantities=quantities,
                  events=events)
    assert art.nlp_text()[events[0].start:events[0].end] == paragraphs[0]
    return art


def build(db: Path, n: int, hooks: bool) -> float:
    from veille.store import Store

    rng = random.Random(7)
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    t0 = time.perf_counter()
    with Store(db) as store:
        if not hooks:
            store.hooks = []
        have = store.stats()["articles"]
        for i in range(have, n):
            store.add(synthetic_article(i, rng, people))
            if i and i % 1000 == 0:
                print(f"  {i} articles stored ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        store.conn.execute("PRAGMA optimize")
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux), to tell work from waiting on a busy machine."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        t0 = time.perf_counter()
        res = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        if res.status_code != 200:
            raise SystemExit(f"{url}: HTTP {res.status_code}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=300, help="requests per page kind (bounded)")
    ap.add_argument("--db", type=Path, help="database to build or reuse (default: a temporary file)")
    ap.add_argument("--hooks", action="store_true", help="run the store's ingest hooks while building (slow)")
    args = ap.parse_args()

    import httpx

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    secs = build(db, args.articles, hooks=args.hooks)
    print(f"database: {db} ({args.articles} synthetic articles, built in {secs:.1f} s,"
          f" ingest hooks {'on' if args.hooks else 'off'})")

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "veille", "serve", "--db", str(db), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/stats")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("server did not start: " + server.stderr.read().decode()[-2000:]) from None
                    time.sleep(0.2)
            rng = random.Random(11)
            ids = [r["id"] for r in client.get("/api/articles", params={"limit": 200}).json()["items"]]
            ids += [r["id"] for r in client.get("/api/articles", params={"limit": 200, "q": "sommet"}).json()["items"]]
            people = [r["name"] for r in client.get("/api/entities", params={"type": "PER", "limit": 200}).json()["items"]]
            terms = WORDS + PLACES + [p.split()[-1] for p in people[:50]]
            n = args.requests

            def search_url(k: int) -> str:
                q = rng.choice(terms)
                if k % 2:
                    facet = rng.choice([("site", rng.choice(SITES)), ("year", rng.choice(["2022", "2023", "2024"])),
                                        ("event_type", rng.choice(EVENT_TYPES)), ("entity", rng.choice(PLACES))])
                    return f"/?q={q}&{facet[0]}={facet[1]}"
                return f"/?q={q}"

            # Two-word queries never asked before: no cached ranking helps (the cold path).
            pairs = list(dict.fromkeys(f"{a} {b}" for a in terms for b in terms if a != b))
            rng.shuffle(pairs)
            kinds = {
                "search page /?q=": [search_url(k) for k in range(n)],
                "search page, unseen query": [f"/?q={q}" for q in pairs[:n]],
                "article page /articles/{id}": [f"/articles/{rng.choice(ids)}" for _ in range(n)],
                "entity page /entites/{name}": [f"/entites/{rng.choice(people)}" for _ in range(n // 3)],
                "JSON search /api/articles?q=": [f"/api/articles?q={rng.choice(terms)}" for _ in range(n)],
            }
            measure(client, [u for name, urls in kinds.items() if "unseen" not in name for u in urls[:10]])  # warm-up
            print(f"{'page':32} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'server CPU ms/req':>18}")
            for name, urls in kinds.items():
                cpu0 = cpu_seconds(server.pid)
                t = measure(client, urls)
                cpu1 = cpu_seconds(server.pid)
                cpu = f"{(cpu1 - cpu0) * 1000 / len(t):18.1f}" if cpu0 is not None and cpu1 is not None else ""
                print(f"{name:32} {len(t):8d} {percentile(t, 50):8.1f} {percentile(t, 95):8.1f} {max(t):8.1f} {cpu}")
            try:
                print(f"load average during the run: {open('/proc/loadavg').read().split()[0]}")
            except OSError:
                pass
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
