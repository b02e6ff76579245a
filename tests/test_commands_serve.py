"""veille.commands.serve: ``veille serve`` as a real process over an invented store, and what it
refuses before it says it is serving."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import pytest

from commands_support import build_store, run, veille_serve
from veille.commands.serve import _bind_problem


@pytest.fixture(scope="module")
def store_db(tmp_path_factory) -> str:
    return str(build_store(tmp_path_factory.mktemp("serve") / "v.db"))


def test_serves_the_pages_and_the_api_of_its_database(store_db: str) -> None:
    with veille_serve(store_db) as base:
        stats = httpx.get(base + "/api/stats", timeout=10).json()
        assert stats["articles"] == 5 and stats["quotes"] == 3
        home = httpx.get(base + "/", timeout=10)
        assert home.status_code == 200 and "text/html" in home.headers["content-type"]
        assert home.headers["x-content-type-options"] == "nosniff"
        # only local host names are answered
        other = httpx.get(base + "/api/stats", headers={"Host": "veille.exemple.example"}, timeout=10)
        assert other.status_code == 400


def test_a_port_in_use_is_one_line_before_serving(store_db: str) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert "already in use" in (_bind_problem("127.0.0.1", port) or "")
        res = run("serve", "--db", store_db, "--port", str(port))
    assert res.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in res.stderr and "Veille on" not in res.stderr
    assert _bind_problem("127.0.0.1", 0) is None


def test_a_missing_config_file_is_refused_before_serving(store_db: str, tmp_path: Path) -> None:
    res = run("serve", "--db", store_db, "--port", "0", "--config", str(tmp_path / "absent.toml"))
    assert res.exit_code == 1 and "Veille on" not in res.stderr
    assert "absent.toml" in res.stderr
