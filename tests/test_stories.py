"""Stories, related articles and consolidated events: through the real store and the real CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from veille import stories
from veille.cli import cli
from veille.model import Article, Dateline, Entity, Event, Quote, Source
from veille.store import Store

# Invented articles: a strike at a port told by three different reports over three days, a later
# strike elsewhere, and an unrelated story.
STRIKE_DAY1 = (
    "Grève au port de Sète : les navires bloqués",
    ["Les ouvriers du port de Sète ont cessé le travail lundi pour protester contre la fermeture annoncée"
     " du terminal vraquier, a indiqué leur syndicat, qui revendique 300 grévistes.",
     "Une dizaine de navires attendaient au large lundi soir. « Sans terminal, c'est la moitié des emplois"
     " du port qui disparaît », a déclaré le délégué syndical Bastien Roux devant les grilles du port.",
     "La direction du port dit étudier un plan de reclassement pour les salariés concernés."])
STRIKE_DAY2 = (
    "Sète : deuxième jour de grève au port, la région propose une médiation",
    ["Au deuxième jour de la grève des ouvriers portuaires de Sète, la région a proposé mardi une médiation"
     " entre le syndicat et la direction du port, qui veut fermer le terminal vraquier.",
     "Bastien Roux, délégué syndical, a dit attendre « des garanties écrites » sur les emplois avant de"
     " lever le blocage. Quatorze navires patientaient désormais au large du port de Sète.",
     "Selon la chambre de commerce, chaque jour de grève coûte près de deux millions d'euros aux entreprises"
     " du port."])
STRIKE_DAY3 = (
    "Fin de la grève au port de Sète après un accord sur le terminal vraquier",
    ["Les grévistes du port de Sète ont voté mercredi la reprise du travail après la signature d'un accord"
     " qui maintient le terminal vraquier ouvert jusqu'en 2027.",
     "« Nous avons obtenu les garanties que nous demandions », s'est félicité Bastien Roux à la sortie de la"
     " médiation organisée par la région. Les navires bloqués au large du port doivent accoster jeudi."])
OTHER_STRIKE_LATER = (
    "Les ouvriers du port de Sète de nouveau en grève",
    ["Deux mois après l'accord sur le terminal vraquier, les ouvriers du port de Sète ont de nouveau cessé le"
     " travail jeudi, cette fois contre la suppression de primes de nuit.",
     "Le syndicat de Bastien Roux dénonce « une provocation » et menace de bloquer le port tout le week-end."])
UNRELATED = (
    "Un festival de jazz record à Vienne",
    ["Le festival de jazz de Vienne a accueilli 210 000 spectateurs cet été, un record depuis sa création,"
     " ont annoncé samedi les organisateurs, qui ont programmé 80 concerts en quinze jours.",
     "La pianiste inventée Léonie Vasseur a clôturé l'édition devant un théâtre antique comble."])

PORT = [Entity("Sète", "LOC"), Entity("Bastien Roux", "PER")]


def make(aid: str, text: tuple[str, list[str]], published: str | None, entities=PORT, **kw) -> Article:
    title, paragraphs = text
    return Article(id=aid, title=title, paragraphs=list(paragraphs), published=published,
                   source=Source(site="journal-du-littoral.example"), entities=list(entities), **kw)


def test_day_span_precisions():
    assert stories.day_span("2024-02-05") == (738921, 738921)
    first, last = stories.day_span("2024-02")
    assert last - first == 28  # February 2024 has 29 days
    assert stories.day_span("2024") is None
    assert stories.day_span(None) is None
    assert stories.day_span("2024-13") is None


def test_reports_of_one_happening_form_one_story(tmp_path):
    with Store(tmp_path / "v.db") as store:
        a1 = make("d1", STRIKE_DAY1, "2024-05-13")
        a2 = make("d2", STRIKE_DAY2, "2024-05-14")
        a3 = make("d3", STRIKE_DAY3, "2024-05-15")
        jazz = make("jz", UNRELATED, "2024-05-14", entities=[Entity("Vienne", "LOC")])
        later = make("d4", OTHER_STRIKE_LATER, "2024-07-18")
        for a in (a1, jazz, a2, a3, later):
            store.add(a)
        assert a1.story == a2.story == a3.story == "S-d1"
        assert jazz.story not in (a1.story, later.story)
        assert later.story != a1.story  # two months later: another story, even on the same topic
        # Related articles: the closest reports, not the unrelated one.
        assert "d1" in a2.related and "jz" not in a2.related
        assert {r["id"] for r in stories.related_articles(store.conn, "d1")} >= {"d2", "d3"}
        rows = stories.list_stories(store.conn)
        assert {r["id"] for r in rows} == {"S-d1", "S-jz", "S-d4"}
        main = next(r for r in rows if r["id"] == "S-d1")
        assert main["n_articles"] == 3
        assert (main["first_date"], main["last_date"]) == ("2024-05-13", "2024-05-15")
        assert main["label"].startswith("Bastien Roux, Sète") or main["label"].startswith("Sète, Bastien Roux")
        assert [r["id"] for r in stories.list_stories(store.conn, since="2024-06-01")] == ["S-d4"]
        # The record written to the store carries the story.
        assert store.get("d2").story == "S-d1"


def test_undated_article_joins_on_text_and_entities(tmp_path):
    with Store(tmp_path / "v.db") as store:
        store.add(make("d1", STRIKE_DAY1, "2024-05-13"))
        undated = make("u", STRIKE_DAY2, None)
        store.add(undated)
        assert undated.story == "S-d1"


def test_copies_join_their_original_story_and_are_not_related(tmp_path):
    with Store(tmp_path / "v.db") as store:
        a1 = make("d1", STRIKE_DAY1, "2024-05-13")
        store.add(a1)
        copy = make("cp", (STRIKE_DAY1[0], ["Accueil › Région", *STRIKE_DAY1[1], "Partager"]), "2024-05-13")
        copy.source.site = "autre-site.example"
        store.add(copy)
        assert copy.duplicate_of == "d1" and copy.story == a1.story
        assert "d1" not in copy.related


def test_events_reported_by_several_articles_are_consolidated(tmp_path):
    def strike_event(date, place="Sète"):
        return Event("PROTEST", source="Bastien Roux", target=None, date=date, place=place, text="…")

    with Store(tmp_path / "v.db") as store:
        a1 = make("d1", STRIKE_DAY1, "2024-05-13", events=[strike_event("2024-05-13")])
        a2 = make("d2", STRIKE_DAY2, "2024-05-14",
                  events=[strike_event("2024-05-14"), Event("REQUEST", source="Bastien Roux", target="Région",
                                                            date="2024-05-14")])
        a3 = make("d3", STRIKE_DAY3, "2024-05-15", events=[strike_event(None, place=None)])
        a4 = make("d4", OTHER_STRIKE_LATER, "2024-07-18", events=[strike_event("2024-07-18")])
        jazz = make("jz", UNRELATED, "2024-05-14", entities=[], events=[strike_event("2024-05-14", "Vienne")])
        for a in (a1, a2, a3, a4, jazz):
            store.add(a)
        conn = store.conn
        assert stories.count_events(conn, consolidated=False) == 6
        # One strike in May (3 reports: d3's undated one joins inside the same story), one in July,
        # one at another place, and the request.
        assert stories.count_events(conn) == 4
        assert stories.count_events(conn, type="PROTEST") == 3
        events = stories.consolidated_events(conn, type="PROTEST")
        top = events[0]
        assert top["n_reports"] == 3 and top["articles"] == ["d1", "d2", "d3"]
        assert top["date"] == "2024-05-13" and top["place"] == "Sète"
        assert {e["place"] for e in events} == {"Sète", "Vienne"}


def test_story_detail_is_a_timeline_with_each_quote_once(tmp_path):
    q = Quote("Nous avons obtenu les garanties que nous demandions", speaker="Bastien Roux", cue="s'est félicité")
    with Store(tmp_path / "v.db") as store:
        store.add(make("d3", STRIKE_DAY3, "2024-05-15", quotes=[q]))
        store.add(make("d1", STRIKE_DAY1, "2024-05-13"))
        copy = make("c3", (STRIKE_DAY3[0], [*STRIKE_DAY3[1], "(Avec AFP)"]), "2024-05-15",
                    quotes=[Quote("Nous avons obtenu les garanties que nous demandions.", speaker="Bastien Roux")])
        store.add(copy)
        detail = stories.story_detail(store.conn, "S-d3")
    assert [a["id"] for a in detail["articles"]] == ["d1", "d3", "c3"]
    assert detail["articles"][2]["duplicate_of"] == "d3"
    assert len(detail["quotes"]) == 1 and detail["quotes"][0]["speaker"] == "Bastien Roux"


def test_reading_functions_on_a_store_without_story_tables(tmp_path):
    import sqlite3

    conn = sqlite3.connect(tmp_path / "empty.db")
    assert stories.list_stories(conn) == [] and stories.story_detail(conn, "S-x") is None
    assert stories.consolidated_events(conn) == []


# -- end to end through the CLI ----------------------------------------------------------------


def write_text(path, title: str, dateline: str, paragraphs: list[str], nav: str) -> None:
    path.write_text("\n\n".join([nav, title, dateline, *paragraphs, "Partager cet article"]) + "\n",
                    encoding="utf-8")


@pytest.fixture(scope="module")
def runner(nlp):  # the nlp fixture loads the model once; the CLI reuses it (load_nlp is cached)
    return CliRunner()


def test_cli_ingest_twice_then_duplicates_and_stories(runner, tmp_path):
    first, second = tmp_path / "lot1", tmp_path / "lot2"
    first.mkdir()
    second.mkdir()
    write_text(first / "sete1.txt", STRIKE_DAY1[0], "SÈTE, 13 mai 2024 (Agence Méridienne) –", STRIKE_DAY1[1],
               "Accueil Région Économie")
    write_text(first / "jazz.txt", UNRELATED[0], "VIENNE, 14 mai 2024 –", UNRELATED[1], "Accueil Culture")
    # The second batch overlaps the first (the same file again) and brings a re-published copy of
    # the first report under another site's navigation, plus the next day's report.
    (second / "sete1.txt").write_bytes((first / "sete1.txt").read_bytes())
    write_text(second / "sete1_copie.txt", STRIKE_DAY1[0], "SÈTE, 13 mai 2024 (Agence Méridienne) –",
               STRIKE_DAY1[1], "Le Petit Littoral › Toute l'actu")
    write_text(second / "sete2.txt", STRIKE_DAY2[0], "SÈTE, 14 mai 2024 –", STRIKE_DAY2[1], "Accueil Région")
    db = str(tmp_path / "v.db")
    r1 = runner.invoke(cli, ["ingest", str(first), "--db", db])
    assert r1.exit_code == 0, r1.output
    r2 = runner.invoke(cli, ["ingest", str(second), "--db", db])
    assert r2.exit_code == 0, r2.output
    assert "2 added, 1 already stored" in r2.output

    dups = runner.invoke(cli, ["duplicates", "--db", db, "--json"])
    assert dups.exit_code == 0, dups.output
    groups = [json.loads(line) for line in dups.output.splitlines()]
    assert len(groups) == 1 and len(groups[0]["copies"]) == 1
    with Store(db) as store:
        ids = {a.source.path.rsplit("/", 1)[-1]: a for a in store.iter_articles()}
    assert groups[0]["root"]["id"] == ids["sete1.txt"].id
    assert groups[0]["copies"][0]["id"] == ids["sete1_copie.txt"].id
    assert ids["sete1_copie.txt"].duplicate_of == ids["sete1.txt"].id
    assert ids["sete2.txt"].duplicate_of is None

    listing = runner.invoke(cli, ["stories", "--db", db, "--json"])
    assert listing.exit_code == 0, listing.output
    rows = [json.loads(line) for line in listing.output.splitlines()]
    strike = ids["sete1.txt"].story
    assert ids["sete1_copie.txt"].story == strike == ids["sete2.txt"].story
    assert ids["jazz.txt"].story != strike
    assert {r["id"] for r in rows} == {strike, ids["jazz.txt"].story}
    assert next(r for r in rows if r["id"] == strike)["n_articles"] == 3

    shown = runner.invoke(cli, ["story", strike, "--db", db])
    assert shown.exit_code == 0, shown.output
    assert STRIKE_DAY2[0] in shown.output and "copy of" in shown.output
    assert runner.invoke(cli, ["story", "S-nope", "--db", db]).exit_code != 0
    text = runner.invoke(cli, ["duplicates", "--db", db])
    assert ids["sete1_copie.txt"].id in text.output
    for name in ("stories", "story", "duplicates"):
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0


def test_whole_pair_corpus_clusters_into_its_stories(tmp_path):
    """Every written dispatch, its other rendering and an edited copy, ingested shuffled into one
    store: each story gets exactly its own articles, and the copies are found against the others."""
    import random
    import sys
    from pathlib import Path

    data = Path(__file__).resolve().parent / "data"
    sys.path.insert(0, str(data))
    try:
        import make_dup_pairs as gen
    finally:
        sys.path.remove(str(data))
    sources = json.loads((data / "dup_sources.json").read_text(encoding="utf-8"))
    rng = random.Random(3)
    articles, truth = [], {}
    for fam in sources["families"]:
        for s in fam["stories"]:
            variants = [(s["title"], s["paragraphs"], "premier.example", s["agency"])]
            if "rendering" in s:
                variants.append((s["rendering"]["title"], s["rendering"]["paragraphs"], "second.example", None))
            doc = gen.article(s["title"], s["paragraphs"], "troisieme.example", s["date"], s["agency"])
            edited = gen.edited(doc, rng, heavy=True)
            variants.append((edited["title"], edited["paragraphs"], "troisieme.example", None))
            for i, (title, paragraphs, site, agency) in enumerate(variants):
                aid = f"{s['id']}-{i}"
                truth[aid] = s["id"]
                articles.append(Article(id=aid, title=title, paragraphs=list(paragraphs), published=s["date"],
                                        source=Source(site=site),
                                        dateline=Dateline(agency=agency) if agency else None))
    rng.shuffle(articles)
    with Store(tmp_path / "v.db") as store:
        for a in articles:
            store.add(a)
    by_story: dict[str, set[str]] = {}
    for a in articles:
        by_story.setdefault(a.story, set()).add(truth[a.id])
    assert all(len(v) == 1 for v in by_story.values()), by_story  # no story mixes two happenings
    assert len(by_story) == len(set(truth.values()))  # and no happening is split
    copies = [a for a in articles if a.duplicate_of]
    assert all(truth[a.duplicate_of] == truth[a.id] for a in copies)
    assert len(copies) == len(articles) - len(set(truth.values()))  # every variant but the first found
