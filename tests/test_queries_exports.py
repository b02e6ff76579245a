"""veille.queries.exports: the CSV rows of quotes, events and aid."""

from __future__ import annotations

import csv
import io

from veille.queries.exports import aid_flat, cell, csv_lines, event_flat, spreadsheet_safe


def test_formula_cells_are_quoted_and_values_flattened() -> None:
    assert spreadsheet_safe({"a": "=1+1", "b": "-2", "c": "Léa", "d": 3}) == {"a": "'=1+1", "b": "'-2", "c": "Léa", "d": 3}
    assert cell(None) == "" and cell(["a", "é"]) == '["a", "é"]' and cell(2) == 2


def test_aid_and_event_rows() -> None:
    row = {"source": "Valdorie", "target": "Brivanie",
           "money": [{"value": 2.0, "unit": "EUR"}, {"value": None, "unit": "EUR"}],
           "counts": [{"value": 12, "unit": "chars"}]}
    flat = aid_flat(row)
    assert (flat["donor"], flat["recipient"], flat["amount"], flat["currency"], flat["what"], flat["how_many"]) == (
        "Valdorie", "Brivanie", "2", "EUR", "chars", "12")
    assert event_flat({"quantities": [{"text": "12 chars"}, {"text": "2 euros"}]})["quantities"] == "12 chars; 2 euros"


def test_csv_lines_give_the_header_then_each_row() -> None:
    text = "".join(csv_lines([{"speaker": "Léa Morvan", "text": "=Non"}], ["speaker", "text"]))
    assert list(csv.reader(io.StringIO(text))) == [["speaker", "text"], ["Léa Morvan", "'=Non"]]
    assert "".join(csv_lines([], ["speaker"])).strip() == "speaker"
