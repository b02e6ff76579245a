"""veille.events.model / learned: the trained sentence-type model and how the coder uses it."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from veille.cli import cli
from veille.events.learned import best_type, main_verb
from veille.events.lexicon import load_lexicon
from veille.events.model import ANY, HASH_BUCKETS, features, fit, load_model
from veille.events.model.training import group_folds, label_matrix
from veille.events.view import ArticleView
from veille.model import EVENT_TYPES, Article


def test_the_shipped_model_loads_with_every_type_and_thresholds_in_range():
    model = load_model()
    assert model is not None
    assert model.labels == [*EVENT_TYPES, ANY]
    assert model.weights.shape == (model.width + HASH_BUCKETS, len(model.labels))
    assert 0.0 <= model.drop_threshold < model.add_threshold <= 1.0
    assert model.meta["examples"] > 0 and model.meta["seed"] == 13


def test_features_are_the_same_for_the_same_sentence_and_differ_for_another(nlp):
    a = features(nlp("Le ministre Paul Ardent a condamné l'attaque."), 300)
    b = features(nlp("Le ministre Paul Ardent a condamné l'attaque."), 300)
    c = features(nlp("Il pleut sur la ville depuis ce matin."), 300)
    assert np.array_equal(a, b)
    assert not np.allclose(a, c)
    assert abs(np.linalg.norm(a[:300]) - 1.0) < 1e-4


def test_fit_learns_a_separable_toy_problem_and_is_deterministic():
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(80, 6))
    targets = np.stack([(rows[:, 0] > 0).astype(float), (rows[:, 1] > 0).astype(float)], axis=1)
    one = fit(rows, targets, ["X", "Y"], width=6, seed=3, epochs=300)
    two = fit(rows, targets, ["X", "Y"], width=6, seed=3, epochs=300)
    assert np.array_equal(one.weights, two.weights)
    probs = 1 / (1 + np.exp(-(rows @ one.weights + one.bias)))
    assert ((probs > 0.5) == (targets > 0)).mean() > 0.9


def test_label_matrix_marks_types_and_the_any_label():
    labels = ["ACCUSE", "ASSAULT", ANY]
    m = label_matrix([{"ACCUSE"}, set()], labels)
    assert m.tolist() == [[1.0, 0.0, 1.0], [0.0, 0.0, 0.0]]


def test_group_folds_keep_each_site_in_one_fold():
    groups = ["a.fr"] * 4 + ["b.fr"] * 3 + ["c.fr", "d.fr", "e.fr", "f.fr"]
    folds = group_folds(groups, seed=13)
    for site in set(groups):
        assert len({int(folds[i]) for i, g in enumerate(groups) if g == site}) == 1
    assert set(folds.tolist()) == set(range(5))
    assert (group_folds(groups, seed=13) == folds).all()


def test_best_type_needs_the_threshold():
    scores = {"ACCUSE": 0.81, "ASSAULT": 0.4, ANY: 0.9}
    assert best_type(scores, 0.8) == ("ACCUSE", 0.81)
    assert best_type(scores, 0.85) is None


def test_main_verb_skips_the_reporting_verb(nlp):
    text = "Le porte-parole Jean Lune a déclaré que les manifestants avaient bloqué la route."
    doc = nlp(text)
    view = ArticleView(load_lexicon(), Article(id="t", paragraphs=[text]), doc)
    verb = main_verb(view, next(doc.sents))
    assert verb is not None and verb.lemma_ == "bloquer"


def test_train_refuses_a_test_sentence(tmp_path):
    gold = tmp_path / "events_test.jsonl"
    gold.write_text(json.dumps({"page": "w0001", "part": "test", "start": [1, 0], "end": [1, 5],
                                "events": []}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", "events", "--gold", str(gold), "--out", str(tmp_path / "m")])
    assert result.exit_code != 0
    assert "test sentence" in result.output and str(gold) in result.output


@pytest.mark.parametrize("flag", ["--explain"])
def test_extract_explain_records_rules(tmp_path, flag):
    src = tmp_path / "a.txt"
    src.write_text("Une attaque\n\nLe gouvernement de la Moldavie a accusé la Géorgie d'espionnage.\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(src), "--output", str(out), flag])
    assert result.exit_code == 0, result.output
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert events and all(ev.get("rule", "").startswith("type=") for ev in events)


# ------------------------------------------------------------------------------------------------
# The trigger finder (veille.events.model.tokens)


def test_token_features_depend_on_the_word_and_its_head(nlp):
    from veille.events.model.tokens import token_features

    doc = nlp("Le ministre Paul Ardent a condamné l'attaque du village.")
    again = nlp("Le ministre Paul Ardent a condamné l'attaque du village.")
    verb = next(t for t in doc if t.lemma_ == "condamner")
    noun = next(t for t in doc if t.lemma_ == "attaque")
    assert np.array_equal(token_features(verb, 300), token_features(next(t for t in again if t.lemma_ == "condamner"), 300))
    assert not np.allclose(token_features(verb, 300), token_features(noun, 300))


def test_fit_tokens_learns_a_toy_problem_and_is_deterministic():
    from veille.events.model.tokens import fit_tokens

    rng = np.random.default_rng(0)
    rows = rng.normal(size=(120, 5))
    classes = np.where(rows[:, 0] > 1, 1, np.where(rows[:, 1] > 1, 2, 0))
    one = fit_tokens(rows, classes, ["NONE", "X", "Y"], width=5, seed=3, epochs=300)
    two = fit_tokens(rows, classes, ["NONE", "X", "Y"], width=5, seed=3, epochs=300)
    assert np.array_equal(one.weights, two.weights)
    assert (one.probabilities(rows).argmax(1) == classes).mean() > 0.85


def test_trigger_spans_follow_the_sentence_over_wrapped_lines():
    from veille.commands.train import _trigger_spans

    lines = ["Le syndicat Forge a dénoncé la", "décision et a appelé à la grève."]
    entry = {"start": [1, 0], "end": [2, 32],
             "events": [{"type": "ACCUSE", "trigger": [1, 20, 27]}, {"type": ["REQUEST"], "trigger": [2, 14, 20]}]}
    text = " ".join(lines)
    spans = _trigger_spans(lines, entry, text)
    assert [(text[a:b], t) for a, b, t in spans] == [("dénoncé", "ACCUSE"), ("appelé", "REQUEST")]



def test_the_trigger_finder_is_saved_and_loaded_whole(tmp_path):
    from veille.events.model.tokens import fit_tokens, load_token_model

    rng = np.random.default_rng(1)
    rows = rng.normal(size=(40, 4))
    model = fit_tokens(rows, (rows[:, 0] > 0).astype(int), ["NONE", "ACCUSE"], width=4, epochs=50)
    model.meta["threshold"] = 0.7
    model.save(tmp_path)
    back = load_token_model(tmp_path)
    assert back is not None and back.labels == ["NONE", "ACCUSE"] and back.meta["threshold"] == 0.7
    assert np.allclose(back.probabilities(rows), model.probabilities(rows), atol=1e-2)


def test_may_reach_never_skips_a_sentence_whose_score_reaches_the_threshold(nlp):
    model = load_model()
    sentences = ["Le ministre Paul Ardent a condamné l'attaque contre le village de Brenne.",
                 "Les rebelles ont bombardé la ville pendant toute la nuit.",
                 "Le syndicat a appelé à la grève et les salariés ont manifesté devant la mairie.",
                 "Il pleut sur la ville depuis ce matin."]
    for text in sentences:
        doc = nlp(text)
        sent = doc[0:len(doc)]
        scores = model.scores(sent)
        top = max(scores[t] for t in EVENT_TYPES)
        for threshold in (top * 0.999, top, min(top * 1.001 + 1e-6, 0.999999)):
            if top >= threshold:
                assert model.may_reach(sent, threshold, EVENT_TYPES), (text, threshold)
        # far above the sentence's best score: skipped
        if top < 0.5:
            assert not model.may_reach(sent, 0.99, EVENT_TYPES)
    assert model.may_reach(nlp("Il pleut.")[0:3], 1.0, EVENT_TYPES)  # no finite bound: never skipped


def test_a_model_whose_training_found_no_safe_threshold_proposes_nothing() -> None:
    from veille.events.model import NO_PROPOSAL, SentenceModel

    shipped = load_model()
    off = SentenceModel(shipped.labels, shipped.weights, shipped.bias, shipped.width,
                        {**shipped.meta, "add_threshold": NO_PROPOSAL})
    on = SentenceModel(shipped.labels, shipped.weights, shipped.bias, shipped.width,
                       {**shipped.meta, "add_threshold": 0.8})
    assert not off.proposes and on.proposes
