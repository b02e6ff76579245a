"""veille.commands.output: an output file is replaced whole or left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.commands.output import written_whole


def test_the_new_content_replaces_the_file_once_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("ancien\n", encoding="utf-8")
    with written_whole(str(out)) as part:
        assert part != str(out)
        Path(part).write_text("nouveau\n", encoding="utf-8")
        assert out.read_text(encoding="utf-8") == "ancien\n"  # untouched until the block ends
    assert out.read_text(encoding="utf-8") == "nouveau\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_an_error_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("ancien\n", encoding="utf-8")
    with pytest.raises(OSError), written_whole(str(out)) as part:
        Path(part).write_text("moitié", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert out.read_text(encoding="utf-8") == "ancien\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_refuse_output_keeps_the_inputs_and_the_database(tmp_path: Path) -> None:
    import click

    from veille.commands.output import refuse_output

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("Une dépêche inventée.\n", encoding="utf-8")
    refuse_output(str(tmp_path / "out.jsonl"), [str(pages), "https://exemple.example/flux"])  # fine
    refuse_output("-", [str(pages)])  # stdout is never an input
    with pytest.raises(click.UsageError, match="is inside the input folder"):
        refuse_output(str(pages / "out.jsonl"), [str(pages)])
    with pytest.raises(click.UsageError, match=r"is an input \(.*a\.txt\): refusing to overwrite it"):
        refuse_output(str(pages / "a.txt"), [str(pages / "a.txt")])
    with pytest.raises(click.UsageError, match="is the database"):
        refuse_output(str(tmp_path / "v.db"), [str(tmp_path / "v.db")], what="the database")
    with pytest.raises(click.UsageError, match="does not exist"):
        refuse_output(str(tmp_path / "nulle" / "part.jsonl"), [])
