"""Typographic spaces: the parse reads U+0020, the records keep the page's characters (invented text)."""

from __future__ import annotations

import pytest

from veille.common.apostrophes import parse_copy, with_text
from veille.common.parse_spaces import plain_spaces
from veille.readers.base import RawDocument

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"
PAGE = ("Le budget de l’Alliance\n\nLe ministre Paul Vernet a déclaré mardi{s}:{s}«{s}Nous tiendrons nos "
        "engagements{s}», avant d’annoncer 16{s}000 euros d’aide le 12{s}mai. «{s}C’est une erreur{s}», a "
        "estimé Jens Stoltenberg{s}; il a ajouté que l’Alliance resterait unie{s}!")


def test_plain_spaces_keeps_length_and_changes_only_spaces() -> None:
    text = f"dit{NNBSP}:{NBSP}«{THIN}Non{NNBSP}» 16{NNBSP}000\n\tfin"
    copy = plain_spaces(text)
    assert copy == "dit : « Non » 16 000\n\tfin"
    assert len(copy) == len(text)
    assert parse_copy(text) == copy


def test_text_without_typographic_spaces_is_the_same_object() -> None:
    text = "Il a dit : « Non »."
    assert plain_spaces(text) is text
    assert parse_copy(text) is text


@pytest.mark.parametrize("space", [NBSP, NNBSP, THIN])
def test_no_space_token_beside_the_marks_and_the_parse_of_plain_spaces(nlp, space: str) -> None:
    text = PAGE.format(s=space)
    doc = with_text(nlp(parse_copy(text)), text)
    plain = nlp(PAGE.format(s=" "))
    assert not any(space in t.text for t in doc)  # no SPACE token beside a mark or a digit
    assert [t.idx for t in doc] == [t.idx for t in plain]
    assert [(t.text, t.pos_, t.dep_, t.head.i, t.is_sent_start) for t in doc] == \
        [(t.text, t.pos_, t.dep_, t.head.i, t.is_sent_start) for t in plain]
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)


def test_a_page_set_with_no_break_spaces_reads_as_one_with_plain_spaces(pipeline) -> None:
    def records(space: str) -> list:
        text = PAGE.format(s=space)
        raw = RawDocument(origin="case", content=text.encode(), kind="text", text=text, path="case.txt")
        art = next(iter(pipeline.process([raw])))
        assert "".join(art.paragraphs).count(space) >= 10  # the record keeps the page's characters
        return [sorted((e.name, e.type, e.spans) for e in art.entities),
                [(q.kind, q.text.replace(space, " "), q.speaker, q.start, q.end) for q in art.quotes],
                [(e.type, e.source, e.target) for e in art.events],
                [(q.value, q.unit) for q in art.quantities],
                [(t.type, t.value) for t in art.times]]

    plain = records(" ")
    assert [v for v, _ in plain[3]] == [16000]
    assert records(NNBSP) == plain
    assert records(NBSP) == plain
