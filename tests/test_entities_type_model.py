"""The learned type of the entities only NER typed (``entities/type_model.py``): where a type comes
from, the closed features of the article's context, and the overruling threshold. Invented
sentences and names."""

from __future__ import annotations

from test_entities import run_with_ents
from veille.entities import type_model
from veille.entities.mention import Mention
from veille.model import Entity


def _ctx(name: str, etype: str, *mentions: dict) -> dict:
    return {"name": name, "type": etype, "n": len(mentions), "given_first": False, "dict_words": False,
            "mentions": list(mentions)}


def _m(prev: list[str], dep: str = "nmod", head: str = "club", head_pos: str = "NOUN", label: str = "PER",
       nxt: list[str] | None = None) -> dict:
    return {"prev": prev, "next": nxt or ["a", "gagné"], "dep": dep, "head": head, "head_pos": head_pos,
            "sent_start": False, "label": label}


def test_features_read_the_classing_noun_the_preposition_and_the_verb():
    club = type_model.features(_ctx("Valmorin", "PER", _m(["le", "club", "de"]),
                                    _m(["a", "déclaré", "que"], dep="nsubj", head="affirmer", head_pos="VERB")))
    assert club["cur_PER"] == 1.0 and club["noun_ORG"] == 0.5 and club["head_noun_ORG"] == 0.5
    assert club["subj_speech"] == 0.5 and club["ner_PER"] == 1.0 and club["one_word"] == 1.0
    shop = type_model.features(_ctx("Fournil Vermeil", "PER", _m(["ont", "fêté", "chez"], dep="obl:mod",
                                                               head="fêter", head_pos="VERB")))
    assert shop["before_chez"] == 1.0 and shop["dep_obl"] == 1.0 and "noun_ORG" not in shop
    assert shop["PER|before_chez"] == 1.0  # crossed with the NER's type
    town = type_model.features(_ctx("Castelnoir", "PER", _m(["la", "ville", "de"], head="ville")))
    assert town["noun_LOC"] == 1.0


def test_origin_tells_the_ner_type_from_a_rule_or_the_kb():
    m = Mention(0, 8, "Valmorin", "Valmorin", "PER", "ner")
    ent = Entity(name="Valmorin", type="PER")
    assert type_model.origin(ent, [m], {(0, 8): "PER"}) == "ner"
    assert type_model.origin(ent, [m], {(0, 8): "LOC"}) == "rule"  # a rule relabelled the mention
    assert type_model.origin(Entity(name="Valmorin", type="ORG"), [m], {(0, 8): "PER"}) == "merge"
    assert type_model.origin(Entity(name="Valmorin", type="PER", kb_id="Q1"), [m], {(0, 8): "PER"}) == "kb"
    assert type_model.origin(ent, [Mention(0, 8, "Valmorin", "Valmorin", "PER", "gaz")], {}) == "lexicon"


def test_the_model_overrules_ner_only_past_its_threshold(nlp, entity_stage, monkeypatch):
    text = "Le club de Valmorin a battu Castelnoir, et Mira Castel a salué Valmorin."
    spans = [("Valmorin", "PER"), ("Castelnoir", "LOC"), ("Mira Castel", "PER"), ("Valmorin", "PER")]
    sure = {"ORG": {"noun_ORG": 8.0}, "PER": {"bias": 1.0}, "LOC": {}, "threshold": {"value": 0.9}}
    monkeypatch.setattr(type_model, "load_weights", lambda: sure)
    typed = {e.name: e.type for e in run_with_ents(nlp, entity_stage, text, spans).entities}
    assert typed["Valmorin"] == "ORG" and typed["Mira Castel"] == "PER" and typed["Castelnoir"] == "LOC"
    unsure = dict(sure, threshold={"value": 0.999})
    monkeypatch.setattr(type_model, "load_weights", lambda: unsure)
    assert {e.name: e.type for e in run_with_ents(nlp, entity_stage, text, spans).entities}["Valmorin"] == "PER"
