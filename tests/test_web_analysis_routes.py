"""veille.web.analysis_routes: the quotes, events and aid API, their CSV downloads and their pages,
through a real ``veille serve`` over an invented store."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from commands_support import build_store, veille_serve
from veille.queries.exports import AID_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    db = str(build_store(tmp_path_factory.mktemp("analysis") / "v.db"))
    with veille_serve(db) as url:
        yield url


def _get(base: str, path: str, **params: str) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=20)


def _csv(res: httpx.Response) -> list[dict[str, str]]:
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    assert res.content.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads the accents
    return list(csv.DictReader(io.StringIO(res.content.decode("utf-8-sig"))))


def test_quotes_api_filters_as_the_cli(base: str) -> None:
    data = _get(base, "/api/quotes").json()
    assert data["total"] == 3 and [q["speaker"] for q in data["items"]][0] == "Yannick Le Goff"
    one = _get(base, "/api/quotes", speaker="kerbrat").json()
    assert [q["text"] for q in one["items"]] == ["Le bac est notre seule route vers le continent"]
    indirect = _get(base, "/api/quotes", kind="indirect").json()
    assert [q["speaker_text"] for q in indirect["items"]] == ["un proche du dossier"]
    assert _get(base, "/api/quotes", kind="rumeur").status_code == 422
    assert _get(base, "/api/quotes", since="2025-13").status_code == 422
    page = _get(base, "/api/quotes", limit="1", offset="1").json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_quotes_csv_and_page(base: str) -> None:
    res = _get(base, "/api/quotes.csv", until="2025-03")
    assert 'filename="citations.csv"' in res.headers["content-disposition"]
    rows = _csv(res)
    assert list(rows[0]) == QUOTE_COLUMNS and [r["speaker"] for r in rows] == ["Maëlle Kerbrat"]
    page = _get(base, "/citations", speaker="Le Goff")
    assert page.status_code == 200 and "Nous ne voulons plus attendre" in page.text
    assert "Le bac est notre seule route" not in page.text
    assert "/api/quotes.csv?speaker=Le+Goff" in page.text


def test_events_api_csv_and_page(base: str) -> None:
    data = _get(base, "/api/events", type="ACCUSE").json()
    assert [(e["source"], e["target"]) for e in data["items"]] == [("syndicat des marins", "Lorvanie")]
    assert _get(base, "/api/events", actor="lorvanie").json()["total"] == 3
    rows = _csv(_get(base, "/api/events.csv", type="AID"))
    assert list(rows[0]) == EVENT_COLUMNS and {r["trigger"] for r in rows} == {"versé", "livré"}
    page = _get(base, "/evenements", type="ACCUSE")
    assert page.status_code == 200 and "syndicat des marins" in page.text
    # a type that is none is ignored on the page instead of an error
    loose = _get(base, "/evenements", type="PIQUENIQUE")
    assert loose.status_code == 200 and "Lorvanie" in loose.text


def test_aid_api_totals_csv_and_page(base: str) -> None:
    data = _get(base, "/api/aid").json()
    assert data["total"] == 2
    assert [(t["donor"], t["currency"], t["amount"]) for t in data["totals"]] == [("Lorvanie", "EUR", 2_000_000)]
    assert len(_get(base, "/api/aid", limit="1").json()["items"]) == 1
    rows = _csv(_get(base, "/api/aid.csv"))
    assert list(rows[0]) == AID_COLUMNS and sorted(r["how_many"] for r in rows) == ["", "12"]
    totals = _csv(_get(base, "/api/aid.csv", totals="true"))
    assert [(r["donor"], r["recipient"], float(r["amount"])) for r in totals] == [("Lorvanie", "Quelmer", 2_000_000.0)]
    page = _get(base, "/aide", donor="Lorvanie")
    assert page.status_code == 200 and "Quelmer" in page.text and "aid.csv?donor=Lorvanie&amp;totals=true" in page.text
