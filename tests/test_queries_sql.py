"""veille.queries.sql: the pieces every CLI and web filter is built from."""

from __future__ import annotations

import sqlite3

from veille.queries.sql import Where, like_escape, name_matches, sql_limit, tables, until_clause


def test_a_name_filter_finds_other_transliterations_but_not_other_names() -> None:
    assert name_matches("zelenski", "Volodymyr Zelensky")
    assert name_matches("Zelensky", "Volodymyr Zelenskyy")
    assert name_matches("", "Léa Morvan")  # an empty filter keeps everything
    assert not name_matches("Morvan", "Paul Varlin")


def test_until_keeps_its_whole_month() -> None:
    clause, width, until = until_clause("published", "2023-02")
    conn = sqlite3.connect(":memory:")
    kept = [d for d in ("2023-02-28", "2023-02", "2023-03-01", "2023")
            if conn.execute(f"SELECT 1 WHERE {clause.replace('published', '?')}", (d, width, until)).fetchone()]
    assert kept == ["2023-02-28", "2023-02", "2023"]


def test_limit_like_and_tables() -> None:
    assert sql_limit(None) > 10**18 and sql_limit(5) == 5
    assert like_escape("50%_a\\b") == "50\\%\\_a\\\\b"
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE quotes (speaker TEXT)")
    conn.execute("CREATE VIEW v AS SELECT 1")
    assert tables(conn) == {"quotes", "v"}


def test_where_contains_matches_values_ignoring_accents_and_finds_nothing_else() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE quotes (speaker TEXT, text TEXT)")
    conn.executemany("INSERT INTO quotes VALUES (?, ?)", [("Hélène Varlin", "Non."), ("Paul Roy", "Oui.")])
    where = Where().contains(conn, "quotes", "", ["speaker"], "helene")
    rows = conn.execute("SELECT speaker FROM quotes" + where.sql(), where.params).fetchall()
    assert rows == [("Hélène Varlin",)]
    none = Where().contains(conn, "quotes", "", ["speaker"], "Zoé Marchal")
    assert none.clauses == ["1 = 0"]
    assert Where().contains(conn, "quotes", "", ["speaker"], "").sql() == ""
