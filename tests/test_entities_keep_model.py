"""The learned last word on kept entities (``entities/keep_model.py``): closed features of an
entity and the refusal it records. Invented sentences and names."""

from __future__ import annotations

from test_entities import run_with_ents
from veille.entities import keep_model
from veille.entities.mention import Mention
from veille.model import Article, Entity


def _one(res, text: str, name: str, label: str, source: str = "ner") -> dict[str, float]:
    art = Article(id="t", title=None, paragraphs=[text])
    start = art.nlp_text().index(name)
    m = Mention(start, start + len(name), name, name, label, source)
    ent = Entity(name=name, type=label, mentions=[name], spans=[[m.start, m.end]])
    return keep_model.features(res, art, art.nlp_text(), ent, [m])


def test_features_read_quotes_brackets_and_the_word_before(entity_stage):
    res = entity_stage.res
    quoted = _one(res, "Le jeu « Vortaline » sort demain.", "Vortaline", "ORG")
    assert quoted["quoted"] == 1.0 and quoted["once"] == 1.0 and quoted["one_word"] == 1.0
    camel = _one(res, "Elle répond sur l'application ZimTalk chaque soir.", "ZimTalk", "ORG")
    assert camel["camel_case"] == 1.0
    place = _one(res, "Il vit à Vernouzet depuis vingt ans.", "Vernouzet", "LOC")
    assert place["after_place_preposition"] == 1.0 and "quoted" not in place
    book = _one(res, "Voir Lina Varech, Les murs (2019), et d'autres titres.", "Lina Varech", "PER")
    assert book["year_in_brackets"] == 1.0


def test_without_weights_every_kept_entity_passes(entity_stage, monkeypatch):
    monkeypatch.setattr(keep_model, "load_weights", lambda: {})
    monkeypatch.delenv(keep_model.DUMP_ENV, raising=False)
    art = Article(id="t", title=None, paragraphs=["Mira Castel arrive."])
    ent = Entity(name="Mira Castel", type="PER")
    assert keep_model.last_word(entity_stage.res, art, art.nlp_text(), [(ent, [])]) == [ent]


def test_a_refused_entity_records_the_model_row(nlp, entity_stage, monkeypatch):
    # weights that refuse any organisation: the stage drops it and says which row did
    monkeypatch.setattr(keep_model, "load_weights", lambda: {"bias": 3.0, "type_ORG": -6.0,
                                                            "threshold": 0.5})
    entity_stage.explain = True
    try:
        art = run_with_ents(nlp, entity_stage, "Mira Castel présente Vortaline à Lisieux.",
                            [("Mira Castel", "PER"), ("Vortaline", "ORG"), ("Lisieux", "LOC")])
    finally:
        entity_stage.explain = False
    names = {e.name for e in art.entities}
    assert "Vortaline" not in names and "Mira Castel" in names
    assert {"name": "Vortaline", "rule": "entity/keep_model"}.items() <= next(
        r for r in art.entity_refusals if r["name"] == "Vortaline").items()
