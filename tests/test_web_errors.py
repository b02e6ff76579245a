"""veille.web.errors: a refused request's one-line reason, and a 404 when nothing is found."""

from __future__ import annotations

import pytest
from fastapi import HTTPException

from veille.web.errors import found_or_404, one_line_reason


def test_validation_errors_read_as_one_line() -> None:
    errors = [{"loc": ("query", "limit"), "msg": "Input should be a valid integer", "input": "dix",
               "type": "int_parsing"}]
    assert one_line_reason(errors) == "query parameter 'limit': Input should be a valid integer (got 'dix')"
    assert one_line_reason(errors + errors) == one_line_reason(errors)  # the same reason once
    assert one_line_reason([]) == "invalid request"


def test_found_or_404() -> None:
    assert found_or_404("article") == "article"
    with pytest.raises(HTTPException) as raised:
        found_or_404(None, "no such article")
    assert raised.value.status_code == 404 and raised.value.detail == "no such article"
