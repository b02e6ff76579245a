"""Near-duplicates: the labelled pair set, the persistent MinHash index, syndication notes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import new_db
from veille import dedup
from veille.model import Article, Dateline, Source
from veille.store import Store

DATA = Path(__file__).resolve().parent / "data"
PAIRS = DATA / "dup_pairs.jsonl"


def load_pairs() -> list[dict]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


def as_article(doc: dict, aid: str) -> Article:
    return Article(id=aid, title=doc["title"], paragraphs=list(doc["paragraphs"]), published=doc["published"],
                   source=Source(site=doc["site"]),
                   dateline=Dateline(agency=doc["agency"]) if doc.get("agency") else None)


# -- the pair set ------------------------------------------------------------------------------


def test_pair_set_is_large_varied_and_regenerable():
    pairs = load_pairs()
    assert len(pairs) >= 300
    kinds = Counter(p["kind"] for p in pairs)
    assert set(kinds) == {"exact_copy", "edited", "translation", "same_topic", "unrelated"}
    assert all(n >= 30 for n in kinds.values()), kinds
    assert {p["duplicate"] for p in pairs if p["kind"] in ("exact_copy", "edited", "translation")} == {True}
    assert {p["duplicate"] for p in pairs if p["kind"] in ("same_topic", "unrelated")} == {False}
    # The file is exactly what the generator makes from the written originals.
    sys.path.insert(0, str(DATA))
    try:
        import make_dup_pairs
    finally:
        sys.path.remove(str(DATA))
    assert make_dup_pairs.build() == pairs


def test_duplicate_precision_and_recall_on_the_pair_set():
    pairs = load_pairs()
    tp = fp = fn = 0
    for p in pairs:
        found = dedup.compare(p["a"]["paragraphs"], p["b"]["paragraphs"]) is not None
        tp += found and p["duplicate"]
        fp += found and not p["duplicate"]
        fn += (not found) and p["duplicate"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\npair set: duplicate precision {precision:.3f}, recall {recall:.3f} ({len(pairs)} pairs)")
    assert precision >= 0.97
    assert recall >= 0.95


def test_translations_need_the_second_signal():
    # Renderings of one dispatch share few word 3-shingles: the MinHash signal alone misses them,
    # the sentence alignment finds them, and it never fires on different stories of one topic.
    pairs = load_pairs()
    trans = [p for p in pairs if p["kind"] == "translation"]
    by_shingles = sum(dedup.jaccard(dedup.shingles(p["a"]["paragraphs"]), dedup.shingles(p["b"]["paragraphs"]))
                      >= dedup.THRESHOLD for p in trans)
    assert by_shingles < len(trans) / 2
    found = [dedup.compare(p["a"]["paragraphs"], p["b"]["paragraphs"]) for p in trans]
    assert sum(m is not None for m in found) >= 0.9 * len(trans)
    same_topic = [p for p in pairs if p["kind"] == "same_topic"]
    assert all(dedup.dispatch_similarity(p["a"]["paragraphs"], p["b"]["paragraphs"]) < dedup.DISPATCH_THRESHOLD
               for p in same_topic)


def test_pairs_through_the_store_hooks(tmp_path):
    """Every pair through ``Store.add``: the LSH index and the story neighbours find the copies."""
    pairs = load_pairs()
    tp = fp = fn = 0
    for i, p in enumerate(pairs):
        with Store(tmp_path / f"p{i}.db") as store:
            a, b = as_article(p["a"], f"a{i:04d}"), as_article(p["b"], f"b{i:04d}")
            store.add(a)
            store.add(b)
            found = b.duplicate_of == a.id
            assert a.duplicate_of is None
        tp += found and p["duplicate"]
        fp += found and not p["duplicate"]
        fn += (not found) and p["duplicate"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\npair set through Store.add: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.97
    assert recall >= 0.95


# -- the index ---------------------------------------------------------------------------------

BODY = [
    "La commune fictive de Valmont-sur-Orge a inauguré samedi une médiathèque de 1 200 mètres carrés,"
    " construite en trois ans pour un coût de 6,5 millions d'euros, a annoncé la maire Odile Ferrat.",
    "« Ce lieu appartient à tous les habitants, des plus jeunes aux plus anciens », a déclaré l'élue"
    " devant quelque 400 personnes réunies sur le parvis malgré la pluie.",
    "La médiathèque proposera 40 000 documents, un studio d'enregistrement et un atelier de réparation"
    " de vélos ouvert le mercredi après-midi.",
]


def test_copy_found_across_sessions_and_named_after_the_first_copy(tmp_path):
    db = tmp_path / "v.db"
    first = Article(id="orig", title="Une médiathèque à Valmont", paragraphs=BODY, published="2025-03-08",
                    source=Source(site="gazette-valmont.example"), dateline=Dateline(agency="AFP"))
    with Store(db) as store:
        store.add(first)
    assert first.duplicate_of is None
    assert first.syndication == "AFP dispatch re-published by gazette-valmont.example"
    # Another process, later: the signatures are on disk, the copy is found without recomputing.
    copy = Article(id="copy", title="Valmont inaugure sa médiathèque",
                   paragraphs=["Accueil › Culture", *BODY[:2], BODY[2].replace("vélos", "velos"), "Partager"],
                   published="2025-03-09", source=Source(site="infos-essonne.example"))
    second = Article(id="copy2", title="Valmont", paragraphs=BODY[:2], source=Source(site="autre.example"))
    with Store(db) as store:
        store.add(copy)
        store.add(second)
        assert store.get("copy").duplicate_of == "orig"  # the stored record was rewritten
        groups = dedup.duplicate_groups(store.conn)
    assert copy.duplicate_of == "orig"
    assert copy.syndication == "AFP dispatch re-published by infos-essonne.example"
    assert second.duplicate_of == "orig"  # the root, whichever copy matched best
    assert len(groups) == 1 and groups[0]["root"]["id"] == "orig"
    assert {c["id"] for c in groups[0]["copies"]} == {"copy", "copy2"}


def _copies_of_body() -> list[Article]:
    """The médiathèque dispatch, its copies (one with a blank line inside a paragraph, which the
    stored body reads as two paragraphs) and another story, in the order they are stored."""
    other = ["Le club de handball fictif de Brissac a remporté dimanche la coupe régionale face à"
             " l'équipe de Montfaucon, au terme d'une finale indécise jusqu'à la dernière minute.",
             "L'entraîneur Basile Courtenay a salué « un groupe qui n'a jamais renoncé » devant les"
             " supporters venus nombreux dans la salle municipale."]
    return [
        Article(id="a1", title="Médiathèque", paragraphs=BODY, source=Source(site="un.example")),
        Article(id="a2", title="Handball", paragraphs=other, source=Source(site="deux.example")),
        Article(id="a3", title="Valmont", paragraphs=["Accueil", *BODY[:2], "Partager"],
                source=Source(site="trois.example")),
        Article(id="a4", title="Valmont", paragraphs=[BODY[0] + "\n\nCourt.", BODY[1], BODY[2]],
                source=Source(site="quatre.example")),
        Article(id="a5", title="Brissac", paragraphs=[*other, "Court ajout."], source=Source(site="cinq.example")),
        Article(id="a6", title="Valmont", paragraphs=[BODY[1], BODY[2] + "\n\nAutre."],
                source=Source(site="six.example")),
    ]


def test_kept_shingles_decide_as_the_stored_bodies_did(tmp_path, engine):
    """The exact re-check reads the shingles kept at ingest (``dedup_shingles``): the same as the
    stored body gives, and the same copies, matches and scores as a store without them (a store
    made before the table: every candidate's shingles computed from its body)."""
    decided = []
    for name, keep in (("kept.db", True), ("old.db", False)):
        with Store(new_db(engine, tmp_path, name)) as store:
            for article in _copies_of_body():
                store.add(article)
                if not keep:
                    store.conn.execute("DELETE FROM dedup_shingles")
            conn = store.conn
            kept = dict(conn.execute("SELECT article_id, shingles FROM dedup_shingles").fetchall())
            signed = [r[0] for r in conn.execute("SELECT article_id FROM dedup_signatures ORDER BY 1")]
            if keep:
                assert sorted(kept) == signed == ["a1", "a2", "a3", "a4", "a5", "a6"]
                for aid, blob in kept.items():
                    body = dedup.shingle_array(dedup.paragraph_words(dedup._stored_paragraphs(conn, aid)))
                    assert bytes(blob) == body.tobytes()
            else:
                assert not kept
            decided.append(conn.execute("SELECT article_id, group_id, matched, score, method FROM duplicates"
                                        " ORDER BY 1").fetchall())
    assert [tuple(r) for r in decided[0]] == [tuple(r) for r in decided[1]]
    assert {r[0]: r[1] for r in decided[0]} == {"a3": "a1", "a4": "a1", "a5": "a2", "a6": "a1"}


def test_short_or_empty_bodies_are_not_called_copies(tmp_path):
    with Store(tmp_path / "v.db") as store:
        for i in range(3):
            a = Article(id=f"s{i}", title="Brève", paragraphs=["Mise à jour à 10 heures."])
            store.add(a)
            assert a.duplicate_of is None
        empty = Article(id="e", title="Rien")
        store.add(empty)
        assert empty.duplicate_of is None


def test_seed_pages_about_two_nato_meetings_are_not_duplicates(pipeline, seeds_dir, tmp_path):
    paths = sorted(seeds_dir.glob("000_*")) + sorted(seeds_dir.glob("003_*"))
    assert len(paths) == 2
    articles = list(pipeline.extract([str(p) for p in paths]))
    assert len(articles) == 2
    assert dedup.compare(articles[0].paragraphs, articles[1].paragraphs) is None
    with Store(tmp_path / "v.db") as store:
        for a in articles:
            store.add(a)
    assert articles[0].duplicate_of is None and articles[1].duplicate_of is None


def test_syndication_note():
    assert dedup.syndication_note("cinktank.com", "Europa Press") == "Europa Press dispatch re-published by cinktank.com"
    assert dedup.syndication_note("cinktank.com", "Cinktank.com") is None
    assert dedup.syndication_note("www.europapress.es", "Europa Press") is None
    assert dedup.syndication_note(None, "AFP") == "AFP dispatch"
    assert dedup.syndication_note("lemonde.fr", None) is None


def test_band_keys_are_stable_sqlite_integers():
    sig = dedup.minhash(range(1000, 1300))
    keys = dedup.band_keys(sig)
    assert len(keys) == dedup.BANDS and len(set(keys)) == dedup.BANDS
    assert all(0 <= k < 2**63 for k in keys)
    assert keys == dedup.band_keys(dedup.minhash(range(1000, 1300)))
    # The same text hashes the same in every process (crc32, not the salted hash()).
    text = "Le conseil municipal a voté le budget mardi soir"
    here = sorted(dedup.shingles([text]))
    code = f"from veille import dedup; print(sorted(dedup.shingles([{text!r}])))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": "123"}).stdout.strip()
    assert there == str(here) and len(here) == len(text.split()) - 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abcdéèêàôç ,.'«»ABCÉ"), min_size=20, max_size=200),
                min_size=1, max_size=5))
def test_a_text_is_a_copy_of_itself_and_scores_are_symmetric(paragraphs):
    sa = dedup.shingles(paragraphs)
    assert dedup.jaccard(sa, sa) == (1.0 if sa else 0.0)
    other = list(reversed(paragraphs))
    assert dedup.dispatch_similarity(paragraphs, other) == dedup.dispatch_similarity(other, paragraphs)
    if len(sa) >= dedup.MIN_SHINGLES:
        assert dedup.compare(paragraphs, paragraphs) is not None
    assert dedup.fold(dedup.fold(" ".join(paragraphs))) == dedup.fold(" ".join(paragraphs))


@pytest.mark.parametrize("k", [dedup.SHINGLE_SIZE])
def test_parameters_documented_in_the_module(k):
    doc = dedup.__doc__
    assert f"{k}-shingles" in doc and str(dedup.NUM_PERM) in doc and f"{dedup.THRESHOLD:.2f}" in doc
