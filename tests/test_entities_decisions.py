"""The ordered keep/refuse table of candidate names (``entities/decisions.py``,
``lexicons/entities/name_decisions.tsv``). Invented sentences and names."""

from __future__ import annotations

import pytest

from test_entities import by_name, run_with_ents
from veille.entities import EntityStage
from veille.entities.decisions import CHECKS, PHASES, ROWS, load_rows
from veille.pipeline import Context
from veille.settings import Settings


@pytest.fixture(scope="module")
def explaining_stage(nlp):
    return EntityStage(Context(nlp=nlp, settings=Settings(explain=True)))


def test_every_row_names_a_check_a_phase_an_action_and_an_invented_example():
    table = load_rows()
    assert set(table) == set(PHASES)
    for phase, rows in table.items():
        assert rows, phase
        for row in rows:
            assert row.test in CHECKS and row.phenomenon and row.example
    # a name the KB knows is kept before the filters that would refuse a common word
    span = [r.test for r in ROWS["span"]]
    assert span.index("kb_known") < span.index("common_word")
    assert span.index("lower_case") < span.index("kb_known")  # "otan" in lower case is refused all the same


def test_a_refused_candidate_records_the_row_that_refused_it(nlp, explaining_stage):
    art = run_with_ents(nlp, explaining_stage,
                        "Les Valdoriens saluent Mira Castel au Salon international du meuble de Lisieux.",
                        [("Valdoriens", "LOC"), ("Mira Castel", "PER"), ("Salon international du meuble", "ORG"),
                         ("Lisieux", "LOC")])
    names = by_name(art)
    assert "Mira Castel" in names and "Lisieux" in names
    rules = {r["name"]: r["rule"] for r in art.entity_refusals}
    assert rules.get("Salon international du meuble") == "mention/event_name"
    assert all(r["rule"].split("/")[0] in PHASES for r in art.entity_refusals)


def test_without_explain_nothing_is_recorded(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage, "Le Salon international du meuble ouvre à Lisieux.",
                        [("Salon international du meuble", "ORG"), ("Lisieux", "LOC")])
    assert art.entity_refusals == []
    assert "entity_refusals" not in art.to_dict()
