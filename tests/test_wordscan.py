"""whole_words finds what the longest-first alternation of whole words finds with re."""

from __future__ import annotations

import random
import re

from veille.common.wordscan import whole_words


def _by_regex(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    pattern = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text)]


def test_longest_whole_word_first():
    text = "Le Parti vert et le Parti vert-écologiste (P.V.E.) ont vu Parti_2 et Partis ; P.V.E.x"
    forms = ["Parti", "Parti vert", "P.V.E.", "Partis"]
    found = whole_words(text, forms)
    assert found == _by_regex(text, forms)
    assert [f for _, _, f in found] == ["Parti vert", "Parti vert", "P.V.E.", "Partis"]


def test_same_matches_as_the_regex_on_random_texts():
    rng = random.Random(7)
    pieces = ["Ana", "Ana Belo", "Belo", "AnaB", "é", " ", "-", "_", "'", ".", "A.B.", "3"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        forms = rng.sample(["Ana", "Ana Belo", "Belo", "A.B.", "B.", "Belo Ana", "na"], rng.randint(1, 4))
        assert whole_words(text, forms) == _by_regex(text, forms)
