"""veille.web.models: the API's response models are what /openapi.json documents, and they check
what the routes answer."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from veille.web import create_app
from veille.web.models import AidList, EventItem, QuoteList


def test_models_validate_and_refuse() -> None:
    quotes = QuoteList.model_validate({"total": 1, "limit": 50, "offset": 0, "items": [
        {"text": "Le pont rouvrira", "speaker": "Odile Marchal", "kind": "direct", "article_id": "a1",
         "idx": 0}]})
    assert quotes.items[0].speaker == "Odile Marchal"
    with pytest.raises(ValidationError):
        QuoteList.model_validate({"total": "beaucoup", "limit": 50, "offset": 0, "items": []})
    with pytest.raises(ValidationError):
        EventItem.model_validate({"source": "Lorvanie"})  # an event has a type


def test_the_api_schema_documents_the_models(tmp_path) -> None:
    from veille.store import Store

    db = tmp_path / "v.db"
    Store(str(db)).close()
    with TestClient(create_app(str(db))) as client:
        schema = client.get("/openapi.json").json()
    names = set(schema["components"]["schemas"])
    assert {"QuoteList", "EventList", "AidList", "AidTotal", "IngestResult"} <= names
    aid_route = schema["paths"]["/api/aid"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert aid_route["$ref"].endswith("/AidList")
    assert set(AidList.model_fields) == {"total", "totals", "items"}
