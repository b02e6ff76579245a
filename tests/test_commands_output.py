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
