"""The run-long memo shared by the word and key caches (``veille.common.run_memo``)."""

from __future__ import annotations

from veille.common.run_memo import memo_map


def test_each_new_key_is_computed_once_and_kept() -> None:
    calls: list[str] = []

    def upper(w: str) -> str:
        calls.append(w)
        return w.upper()

    memo: dict[str, str] = {}
    assert memo_map(memo, ["oui", "non", "oui"], upper) == ["OUI", "NON", "OUI"]
    assert sorted(calls) == ["non", "oui"]
    assert memo_map(memo, ["non", "oui"], upper) == ["NON", "OUI"]
    assert len(calls) == 2


def test_a_memo_over_its_limit_is_emptied_and_keeps_only_the_last_keys() -> None:
    memo = {"a": 1, "b": 2}
    assert memo_map(memo, ["c", "a"], lambda w: ord(w), limit=2) == [99, 97]
    assert memo == {"c": 99, "a": 97}


def test_falsy_answers_are_answers() -> None:
    calls: list[str] = []
    memo: dict[str, int] = {}

    def flag(w: str) -> int:
        calls.append(w)
        return 0

    assert memo_map(memo, ["x", "x"], flag) == [0, 0]
    assert memo_map(memo, ["x"], flag) == [0]
    assert calls == ["x"]
