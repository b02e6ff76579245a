"""veille.commands.alerts: ``veille alerts`` add, list, remove and send on a real store."""

from __future__ import annotations

from pathlib import Path

from commands_support import run


def test_add_list_remove_round_trip(tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.db")  # `alerts add` creates the database
    res = run("alerts", "add", "bac site:lecho-des-iles.example", "--name", "Le bac", "--db", db)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("alert 1: ") and "(feed: /alertes/1.atom)" in res.stdout
    res = run("alerts", "add", "Lorvanie", "--webhook", "http://127.0.0.1:9/hook", "--db", db)
    assert res.exit_code == 0, res.output
    listed = run("alerts", "list", "--db", db)
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["1", "Le", "bac"] and lines[0].endswith("feed only")
    assert lines[1].endswith("webhook") and "0 match(es)" in lines[1]
    assert listed.stderr.strip() == "2 alert(s)"
    # the group alone lists, with the group's --db
    alone = run("alerts", "--db", db)
    assert alone.exit_code == 0 and alone.stdout == listed.stdout
    assert run("alerts", "remove", "1", "--db", db).stdout.strip() == "alert 1 removed"
    again = run("alerts", "remove", "1", "--db", db)
    assert again.exit_code == 1 and f"no alert 1 in {db}" in again.stderr
    assert run("alerts", "--db", db, "list").stderr.strip() == "1 alert(s)"


def test_bad_channels_and_searches_are_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.db")
    res = run("alerts", "add", "bac", "--webhook", "ftp://exemple.example/x", "--db", db)
    assert res.exit_code == 2 and "not an http(s) URL" in res.stderr
    res = run("alerts", "add", "bac", "--email", "personne", "--db", db)
    assert res.exit_code == 2 and "not a mail address" in res.stderr
    assert not Path(db).exists()


def test_mail_alert_without_smtp_warns_but_is_stored(tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.db")
    config = tmp_path / "veille.toml"
    config.write_text("# no [smtp] here\n", encoding="utf-8")
    res = run("alerts", "add", "Quelmer", "--email", "lea@exemple.example", "--config", str(config), "--db", db)
    assert res.exit_code == 0, res.output
    assert "no [smtp] section configured" in res.stderr
    assert "mail lea@exemple.example" in run("alerts", "list", "--db", db).stdout


def test_send_with_nothing_pending(tmp_path: Path) -> None:
    db = str(tmp_path / "alerts.db")
    assert run("alerts", "add", "Quelmer", "--db", db).exit_code == 0
    res = run("alerts", "send", "--db", db)
    assert res.exit_code == 0, res.output
    assert res.stderr.strip() == "0 webhook(s), 0 mail(s) sent, 0 failed"


def test_list_refuses_a_database_that_is_not_there(tmp_path: Path) -> None:
    res = run("alerts", "list", "--db", str(tmp_path / "absent.db"))
    assert res.exit_code == 1 and not (tmp_path / "absent.db").exists()
