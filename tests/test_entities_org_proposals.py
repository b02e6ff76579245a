"""Organisation names proposed from their head noun or as an acronym alone (``entities/org_proposals.py``):
the candidates, their ends and features, and the learned last word (not shipped: the stage is
unchanged without weights). Invented sentences and organisations."""

from __future__ import annotations

import json

from veille.entities import org_proposals
from veille.entities.mention import Mention

_HEADS = frozenset({"centre", "comite", "conseil", "federation", "parti"})


def _keys(nlp, text: str, names: list[Mention] | None = None) -> dict[str, dict[str, float]]:
    doc = nlp(text)
    return {m.key: f for m, _, f in org_proposals.candidates(doc, text, names or [], _HEADS)}


def _mention(text: str, name: str, label: str = "ORG") -> Mention:
    s = text.index(name)
    return Mention(s, s + len(name), name, name, label, "ner")


def test_a_head_noun_proposes_each_end_of_its_complement_up_to_the_comma(nlp):
    found = _keys(nlp, "Elle a rejoint le Centre des métiers et des savoirs, à Valmont, en mai.")
    assert "Centre des métiers et des savoirs" in found
    whole = found["Centre des métiers et des savoirs"]
    assert whole["longest"] == 1.0 and whole["next_punct"] == 1.0 and whole["kind_new"] == 1.0
    assert not any("Valmont" in k for k in found)


def test_an_auxiliary_or_a_time_word_ends_the_span(nlp):
    assert set(_keys(nlp, "Le Conseil régional a voté la réforme.")) == {"Conseil régional"}
    assert set(_keys(nlp, "Elle a saisi le Comité exécutif mercredi dernier.")) == {"Comité exécutif"}


def test_another_name_after_et_is_not_taken_in(nlp):
    text = "Le Parti vert et le Sénat ont voté la loi."
    assert not any("Sénat" in k for k in _keys(nlp, text))


def test_a_span_equal_to_a_name_or_cutting_one_is_no_candidate(nlp):
    text = "Selon la Fédération des radios libres du Valmont, la bande sature."
    found = _keys(nlp, text, [_mention(text, "Fédération des radios libres du Valmont")])
    assert "Fédération des radios libres du Valmont" not in found
    found = _keys(nlp, text, [_mention(text, "Valmont, la")])
    assert not any(k.endswith("Valmont") for k in found)


def test_an_acronym_alone_after_a_definite_article(nlp):
    text = "Il a rejoint le FRVL en 2019, quand la TVA a augmenté."
    doc = nlp(text)
    found = {m.key: f for m, _, f in org_proposals.acronym_candidates(doc, text, [])}
    assert set(found) == {"FRVL", "TVA"}
    assert found["TVA"]["common_acronym"] == 1.0 and "common_acronym" not in found["FRVL"]


def test_without_weights_the_names_are_left_as_they_are(nlp, monkeypatch):
    monkeypatch.setattr(org_proposals, "load_weights", lambda: {})
    monkeypatch.delenv(org_proposals.DUMP_ENV, raising=False)
    text = "Elle a rejoint le Centre des métiers et des savoirs, à Valmont."
    names = [_mention(text, "Valmont", "LOC")]
    assert org_proposals.propose_orgs("t", nlp(text), text, names, _HEADS) is names


def test_with_weights_the_best_end_takes_the_place_of_the_name_inside(nlp, monkeypatch):
    monkeypatch.setattr(org_proposals, "load_weights", lambda: {"bias": -5.0, "longest": 10.0, "threshold": 0.5})
    monkeypatch.delenv(org_proposals.DUMP_ENV, raising=False)
    text = "Selon la Fédération des radios libres du Valmont, la bande sature."
    names = [_mention(text, "Fédération des radios")]
    out = org_proposals.propose_orgs("t", nlp(text), text, names, _HEADS)
    assert [(m.key, m.label) for m in out] == [("Fédération des radios libres du Valmont", "ORG")]


def test_the_dump_writes_each_candidate_with_its_features(nlp, monkeypatch, tmp_path):
    dump = tmp_path / "cand.jsonl"
    monkeypatch.setattr(org_proposals, "load_weights", lambda: {})
    monkeypatch.setenv(org_proposals.DUMP_ENV, str(dump))
    text = "Le Conseil régional a voté la réforme."
    names: list[Mention] = []
    assert org_proposals.propose_orgs("w9999", nlp(text), text, names, _HEADS) is names
    rows = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert [(r["page"], r["name"]) for r in rows] == [("w9999", "Conseil régional")]
    assert rows[0]["features"]["family_head"] == 1.0
