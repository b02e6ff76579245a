"""Linking: the team-written test set (accuracy target) and the corpus-wide entity table."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from veille.corpus_entities import hashed_id
from veille.entities import EntityStage
from veille.model import Article
from veille.pipeline import Context

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("linking_eval", ROOT / "bench" / "linking_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_linking_set_is_big_and_varied():
    cases = _bench().load_cases()
    mentions = [m for c in cases for m in c["mentions"]]
    assert len(mentions) >= 150
    kinds = {c["kind"] for c in cases}
    assert {"variant", "descriptor", "metonymy", "unknown", "homonym", "demonym"} <= kinds
    # descriptors at different dates resolve to different people
    dated = {}
    for c in cases:
        for m in c["mentions"]:
            if c["kind"] == "descriptor" and m["text"] == "secrétaire général de l'OTAN":
                dated[c["published"]] = m["entity"]
    assert len(set(dated.values())) >= 2


def test_linking_accuracy_on_the_test_set(nlp):
    res = _bench().evaluate(nlp)
    print(f"linking accuracy {res['accuracy']:.3f} ({res['correct']}/{res['mentions']})")
    for f in res["failures"]:
        print("FAIL", f["mention"], f["got"], f["text"])
    assert res["accuracy"] >= 0.92


@pytest.fixture(scope="module")
def stage(nlp):
    return EntityStage(Context(nlp=nlp))


def _article(nlp, stage, aid, text, published):
    art = Article(id=aid, title=None, paragraphs=[text], published=published)
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    return art


def test_corpus_ids_are_stable_and_link_across_articles(nlp, stage, tmp_path):
    from veille.store import Store

    texts = [
        ("a1", "Hélène Vasquier, porte-parole du collectif, a rencontré Jens Stoltenberg à Bruxelles.", "2022-03-01"),
        ("a2", "Selon Mme Vasquier, le collectif portera plainte. Le secrétaire général de l'OTAN n'a pas répondu.",
         "2022-03-02"),
        ("a3", "Helene Vasquier a de nouveau interpellé le gouvernement.", "2022-03-05"),
        ("a4", "Paul Vasquier, son cousin, ne partage pas cet avis.", "2022-03-06"),
    ]
    db = tmp_path / "c.db"
    with Store(db) as store:
        arts = [_article(nlp, stage, *t) for t in texts]
        for a in arts:
            assert store.add(a)
        ids = {a.id: {e.name: e.corpus_id for e in a.entities} for a in arts}
        rows = {r["id"]: r for r in store.conn.execute("SELECT * FROM corpus_entities")}
        stored_ids = {r[0] for r in store.conn.execute("SELECT corpus_id FROM entities WHERE corpus_id IS NOT NULL")}
        record = json.loads(store.conn.execute("SELECT record FROM articles WHERE id = 'a2'").fetchone()[0])

    helene = ids["a1"]["Hélène Vasquier"]
    assert helene == hashed_id("Hélène Vasquier", "PER")  # same name, same id in any database
    # a surname alone and an accent-less spelling join the same corpus entity
    assert ids["a2"]["Vasquier"] == helene, ids["a2"]
    assert ids["a3"]["Helene Vasquier"] == helene
    # another given name is another person
    assert ids["a4"]["Paul Vasquier"] != helene
    # KB-linked entities keep their KB id, across a name and a dated descriptor
    assert ids["a1"]["Jens Stoltenberg"] == ids["a2"]["Jens Stoltenberg"] == "person:jens-stoltenberg"
    assert rows[helene]["article_count"] == 3 and rows[helene]["mention_count"] >= 3
    assert rows["person:jens-stoltenberg"]["article_count"] == 2
    assert helene in stored_ids
    assert any(e.get("corpus_id") == helene for e in record["entities"])


def test_entity_commands(nlp, stage, tmp_path):
    from veille.cli import cli
    from veille.store import Store

    db = tmp_path / "c.db"
    with Store(db) as store:
        store.add(_article(nlp, stage, "b1", "Jens Stoltenberg a reçu Tomasz Wilkowski à Bruxelles.", "2022-03-01"))
        store.add(_article(nlp, stage, "b2", "Le secrétaire général de l'OTAN a visité Varsovie.", "2022-03-04"))
    runner = CliRunner()
    res = runner.invoke(cli, ["entities", "--db", str(db), "--type", "PER", "--top", "5"])
    assert res.exit_code == 0, res.output
    lines = [line for line in res.output.splitlines() if "Stoltenberg" in line]
    assert lines and lines[0].split()[0] == "2"  # named in two articles
    assert "Bruxelles" not in res.output  # --type PER
    res = runner.invoke(cli, ["entity", "Stoltenberg", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "Jens Stoltenberg (PER)" in res.output
    assert "secretary_general of OTAN" in res.output
    assert "b1" in res.output and "b2" in res.output
    res = runner.invoke(cli, ["entity", "Personne Inconnue", "--db", str(db)])
    assert res.exit_code != 0
