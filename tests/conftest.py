"""Shared fixtures: the real spaCy pipeline (loaded once per session) and the ../shared data."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds"
SAMPLES = ROOT / "samples"

# The PostgreSQL server of the tests (`make postgres` starts one and prints its URL; `.ci/run`
# exports it). Each test that needs one creates its own database there.
PG_ENV = "VEILLE_TEST_PG"
_created_pg: list[str] = []


def new_pg_database(prefix: str = "veille_test") -> str:
    """The URL of a new, empty database on the test server; skips when there is no server."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} (`make postgres` starts one and prints it)")
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL server at {PG_ENV} unusable: {exc}")
    _created_pg.append(name)
    return url.rsplit("/", 1)[0] + "/" + name


def new_db(engine: str, tmp_path: Path, name: str = "v.db") -> str:
    """A fresh store location for ``engine``: a file path or a PostgreSQL URL."""
    return str(tmp_path / name) if engine == "sqlite" else new_pg_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request) -> str:
    return request.param


def pytest_sessionfinish(session, exitstatus) -> None:
    url = os.environ.get(PG_ENV)
    if not (url and _created_pg):
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for name in _created_pg:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def article_with_entities(paragraphs: list[str], people, article_id: str = "case"):
    """An invented article whose ``people`` ((name, type) pairs) are listed as entities at every
    place they are written, as the entity stage would hand them to the quote stage."""
    from veille.model import Article, Entity

    art = Article(id=article_id, paragraphs=list(paragraphs))
    text = art.nlp_text()
    for name, kind in people:
        spans = [[i, i + len(name)] for i in range(len(text)) if text.startswith(name, i)]
        if spans:
            art.entities.append(Entity(name=name, type=kind, mentions=[name], spans=spans))
    return art


def quote_direct(nlp, paragraphs: list[str], people: tuple[tuple[str, str], ...],
                 article_id: str = "case") -> list[tuple[str, str | None, str | None]]:
    """(first two words, speaker, rule) of each direct quote the quote stage finds in invented
    paragraphs, with ``people`` (name, type) listed as entities at every place they are written."""
    from veille.pipeline import Context
    from veille.quotes import QuoteStage
    from veille.settings import Settings

    art = article_with_entities(paragraphs, people, article_id)
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(" ".join(q.text.split()[:2]), q.speaker, q.rule) for q in art.quotes if q.kind == "direct"]


def direct_speakers(nlp, paragraphs: list[str], people: tuple[tuple[str, str], ...],
                    article_id: str = "case") -> list[str | None]:
    """The speaker of each direct quote ``quote_direct`` finds, in text order."""
    return [speaker for _, speaker, _ in quote_direct(nlp, paragraphs, people, article_id)]


def entity_records(nlp, stage, text: str) -> dict:
    """Name -> entity the entity stage finds in an invented text (paragraphs split on blank lines)."""
    from veille.model import Article
    from veille.pipeline import Context

    art = Article(id="t", paragraphs=text.split("\n\n"))
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    return {e.name: e for e in art.entities}


def entity_types(nlp, stage, text: str) -> dict[str, str]:
    """Name -> type the entity stage finds in an invented text."""
    return {name: e.type for name, e in entity_records(nlp, stage, text).items()}


def assert_entity_types(nlp, stage, text: str, typed: dict[str, str], absent: list[str] | None = None) -> None:
    """The entity stage finds each name of ``typed`` with its type, and none of ``absent``, in an
    invented text."""
    found = entity_types(nlp, stage, text)
    assert {name: found.get(name) for name in typed} == typed, found
    assert not set(absent or ()) & set(found), found


def time_values(nlp, stage, text: str, published: str | None,
                article_id: str = "t") -> dict[str, tuple[str, str | None]]:
    """Written form -> (TimeML type, value) of each time the times stage finds in one invented
    paragraph of an article published on ``published``."""
    from veille.model import Article

    art = Article(id=article_id, paragraphs=[text], published=published)
    stage(art, nlp(art.nlp_text()), None)
    return {t.text: (t.type, t.value) for t in art.times}


@pytest.fixture(scope="session")
def nlp():
    from veille.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def entity_stage(nlp):
    from veille.entities import EntityStage
    from veille.pipeline import Context

    return EntityStage(Context(nlp=nlp))


@pytest.fixture(scope="module")
def full_stage(nlp):
    """The entity stage over the shipped KB, one per test module (the entity test files share it)."""
    from veille.entities import EntityStage
    from veille.pipeline import Context

    return EntityStage(Context(nlp=nlp))


@pytest.fixture(scope="module")
def lex():
    """The event lexicon, one per test module (a test may extend it with a KB)."""
    from veille.events import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="module")
def time_stage(nlp):
    """The times stage, built once per test module (the times test files share it)."""
    from veille.pipeline import Context
    from veille.times import TimeStage

    return TimeStage(Context(nlp=nlp))


@pytest.fixture(scope="session")
def pipeline(nlp):
    from veille.pipeline import Pipeline

    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not there")
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold/seeds is not there")
    return GOLD


def load_shared_scorer():
    """The shared scorer (../shared/eval/score.py) as a module; skips when it is absent."""
    import importlib.util

    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py is not there")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_records(pipeline, seeds_dir) -> list[dict]:
    """The pipeline's records of the five seed articles, extracted once per test session."""
    return [art.to_dict() for art in pipeline.extract([str(seeds_dir)])]


@pytest.fixture(scope="session")
def seed_scores(seed_records, gold_dir, tmp_path_factory) -> dict:
    """The shared scorer's result on the seed records."""
    import json

    score = load_shared_scorer()
    out = tmp_path_factory.mktemp("seeds") / "pred.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in seed_records), encoding="utf-8")
    return score.score(gold_dir, out)


def build_db(pipeline, path: Path, inputs: list[Path]) -> Path:
    """A real store filled by the real pipeline (for the web tests); fails on any read error."""
    from veille.store import Store

    errors = []
    with Store(path) as store:
        for art in pipeline.extract([str(p) for p in inputs], on_error=errors.append):
            store.add(art)
    assert not errors, errors
    return path


@pytest.fixture(scope="module")
def db(web_db):
    """A read connection to the requesting module's ``web_db``."""
    import sqlite3

    conn = sqlite3.connect(web_db)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags chromium keeps calling hosts this closed network refuses.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser), shared by the browser tests."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
