"""Public bodies written by a one-capital acronym or a short form (``entities/body_acronyms.py``;
invented sentences, invented people and towns)."""

from __future__ import annotations

import json
from pathlib import Path

from entities_support import entities_by_name
from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.body_acronyms import join_listed_expansions, listed_body_acronyms
from veille.entities.mention import Mention

KB = Path(__file__).resolve().parents[1] / "src" / "veille" / "kb"


def _at(text: str, name: str, label: str, source: str = "ner") -> Mention:
    a = text.index(name)
    return Mention(a, a + len(name), name, name, label, source)


def test_every_row_has_an_expansion_and_an_invented_example_naming_the_form():
    for form, name, example in rows("entities/body_acronyms.tsv", min_columns=3):
        assert len(name.split()) >= 2 and example.endswith(".") and form in example, form


def test_no_listed_form_is_a_kb_name_the_linker_already_knows():
    forms = {norm(r[0]) for r in rows("entities/body_acronyms.tsv", min_columns=3)}
    for path in KB.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                entry = json.loads(line)
                assert not forms & {norm(a) for a in [entry["name"], *entry.get("aliases", [])]}, entry["id"]


def test_a_form_read_as_a_thing_or_a_place_or_passed_by_is_an_organisation():
    text = "Le restaurant du Crous ferme tôt, dit une équipe de l'Inrap ; l'Urssaf relance Valmont."
    names = [_at(text, "Crous", "MISC"), _at(text, "Inrap", "LOC"), _at(text, "Valmont", "LOC")]
    out = listed_body_acronyms(text, names)
    assert [(m.key, m.label) for m in out] == [("Crous", "ORG"), ("Inrap", "ORG"), ("Urssaf", "ORG"),
                                               ("Valmont", "LOC")]


def test_a_hyphenated_acronym_cut_in_two_is_one_and_a_longer_name_is_left():
    text = "Une infirmière de l'AP-HP a parlé. Le Crous de Valmont ferme. L'INSERM confirme. Inserm-Lab recrute."
    names = [_at(text, "AP", "ORG"), _at(text, "HP", "ORG"), _at(text, "Crous de Valmont", "ORG")]
    out = listed_body_acronyms(text, [*names, _at(text, "INSERM", "PER")])
    assert [(m.key, m.label) for m in out] == [("AP-HP", "ORG"), ("Crous de Valmont", "ORG"), ("INSERM", "ORG")]


def test_a_common_word_or_a_name_that_merely_starts_like_a_form_is_left():
    text = "Des anses et des criques bordent Insermville ; la Cnilette est un bateau."
    assert listed_body_acronyms(text, []) == []


def test_the_form_alone_joins_the_official_name_written_apart():
    text = "L'Inserm publie. L'Institut national de la santé et de la recherche médicale confirme."
    full = "Institut national de la santé et de la recherche médicale"
    clusters = {("name", "inserm", "ORG"): [_at(text, "Inserm", "ORG")],
                ("name", norm(full), "ORG"): [_at(text, full, "ORG")]}
    join_listed_expansions(clusters)
    assert list(clusters) == [("name", norm(full), "ORG")]
    assert {m.key for m in clusters[("name", norm(full), "ORG")]} == {full, "Inserm"}


def test_without_the_official_name_the_form_stays_alone():
    text = "L'Unédic publie. L'Institut de Valmont confirme."
    clusters = {("name", "unedic", "ORG"): [_at(text, "Unédic", "ORG")],
                ("name", "institut de valmont", "ORG"): [_at(text, "Institut de Valmont", "ORG")]}
    join_listed_expansions(clusters)
    assert len(clusters) == 2


def test_the_stage_reads_listed_forms_as_organisations(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Marc Doisneau dirige une fouille de l'Inrap près de Valmont. "
                                              "Les tickets du Crous coûtent un euro, explique Léa Fontaine.")
    assert found["Inrap"][0] == "ORG" and found["Crous"][0] == "ORG"
    assert found["Marc Doisneau"][0] == "PER"
