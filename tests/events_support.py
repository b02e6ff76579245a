"""Helpers of the event tests: an article of one paragraph built from a case (invented sentences)."""

from __future__ import annotations

from veille.common.lexicon import rows
from veille.events import RECORDED_MODES, Coder
from veille.events.triggers import find_triggers
from veille.events.view import ArticleView
from veille.model import Article, Entity, Quote, TimeExpr


def _spans(text: str, form: str) -> list[list[int]]:
    out, pos = [], text.find(form)
    while pos != -1:
        out.append([pos, pos + len(form)])
        pos = text.find(form, pos + 1)
    return out


def add_entity(art: Article, text: str, name: str, etype: str) -> Entity:
    """An entity of ``art`` with every occurrence of ``name`` in ``text`` as a mention."""
    ent = Entity(name=name, type=etype)
    for span in _spans(text, name):
        ent.mentions.append(name)
        ent.spans.append(span)
    art.entities.append(ent)
    return ent


def build(case: dict, nlp) -> tuple[Article, object]:
    """An article of one paragraph with the entities, times and quotes the case names."""
    art = Article(id=f"case{case.get('id', 0)}", paragraphs=[case["text"]], published=case.get("published"))
    text = art.nlp_text()
    for item in case["entities"]:
        name, etype = item[0], item[1]
        mentions = [name] + (list(item[2]) if len(item) > 2 else [])
        actor = item[3] if len(item) > 3 else None
        ent = Entity(name=name, type=etype, actor=actor)
        for form in mentions:
            for span in _spans(text, form):
                ent.mentions.append(form)
                ent.spans.append(span)
        art.entities.append(ent)
    for t_text, value in case.get("times", []):
        start = text.find(t_text)
        art.times.append(TimeExpr(text=t_text, value=value, start=start, end=start + len(t_text)))
    for q_text, speaker in case.get("quotes", []):
        start = text.find(q_text)
        art.quotes.append(Quote(text=q_text, speaker=speaker, start=start, end=start + len(q_text)))
    return art, nlp(text)


def code(case: dict, nlp, lex, modes=None, explain: bool = False):
    """The events the coder finds in a case (every mode unless ``modes`` says otherwise)."""
    art, doc = build(case, nlp)
    return Coder(lex, art, doc, modes=modes, explain=explain).run()


def coded_types(case: dict, nlp, lex) -> tuple[list[str], list[tuple]]:
    """The types of the events the coder finds in a case, and (type, source, target) of each to show on failure."""
    events = code(case, nlp, lex)
    return [e.type for e in events], [(e.type, e.source, e.target) for e in events]


def first_event(nlp, lex, text: str, entities: list, etype: str, times: list | None = None,
                published: str = "2025-03-05"):
    """The first event of type ``etype`` (asserted or intended) the coder finds in one invented text."""
    case = {"text": text, "entities": entities, "times": times or [], "published": published}
    return next(e for e in code(case, nlp, lex, modes=RECORDED_MODES) if e.type == etype)


def explained_event(nlp, lex, text: str, entities: list, etype: str, quotes: list | None = None):
    """The first event of type ``etype`` (every mode, with its rule) the coder finds in one invented text."""
    case = {"text": text, "entities": entities, **({"quotes": quotes} if quotes else {})}
    return next(e for e in code(case, nlp, lex, explain=True) if e.type == etype)


def trigger_pairs(case: dict, nlp, lex) -> list[tuple[str, str]]:
    """(type, lexicon entry) of every trigger the coder's trigger finder sees in an invented case."""
    art, doc = build(case, nlp)
    view = ArticleView(lex, art, doc)
    return [(trig.type, trig.entry) for sent in doc.sents for trig, _, _ in find_triggers(view, sent)]


def assert_not_coded(nlp, lex, text: str, entities: list, etype: str) -> None:
    """No event of type ``etype`` in one invented text."""
    types, seen = coded_types({"text": text, "entities": entities}, nlp, lex)
    assert etype not in types, seen


def assert_coded(nlp, lex, text: str, entities: list, etype: str) -> None:
    """An event of type ``etype`` in one invented text."""
    types, seen = coded_types({"text": text, "entities": entities}, nlp, lex)
    assert etype in types, seen


def trigger_types(nlp, lex, text: str, names: list[tuple[str, str]]) -> set[str]:
    """The event types the triggers find in a text, given the (name, type) pairs of ``names`` it holds."""
    art, doc = build({"text": text, "entities": [[n, t] for n, t in names if n in text]}, nlp)
    view = ArticleView(lex, art, doc)
    return {trig.type for sent in doc.sents for trig, _, _ in find_triggers(view, sent)}


def assert_rows_carry_examples(lines: list[list[str]]) -> None:
    """Every row of a trigger table has its invented example, a sentence, in its fifth column."""
    for row in lines:
        assert len(row) >= 5 and row[4].endswith("."), row


def assert_examples_find_types(nlp, lex, lines: list[list[str]], names: list[tuple[str, str]]) -> None:
    """Every row's example finds the row's type (its first column)."""
    missed = [(row[0], row[2]) for row in lines if row[0] not in trigger_types(nlp, lex, row[4], names)]
    assert missed == []


def trigger_table_tests(path: str, names: list[tuple[str, str]]):
    """The two tests every trigger table's module runs, bound to its file and invented names: each
    row carries an invented example, and that example finds the row's type."""
    lines = [row for row in rows(path, min_columns=3) if row[0] != "@class"]

    def test_every_line_carries_an_invented_example():
        assert_rows_carry_examples(lines)

    def test_every_example_finds_its_type(nlp, lex):
        assert_examples_find_types(nlp, lex, lines, names)

    return test_every_line_carries_an_invented_example, test_every_example_finds_its_type


def ranker_records(lex, art: Article, doc) -> list[dict]:
    """What the actor ranker's recorder collects when the coder runs with no ranker: each candidate
    event's mentions and feature rows, as `veille train actors` reads them."""
    from veille.events import ranker as ranker_module

    record: list[dict] = []
    ranker_module.RECORDER = record
    try:
        coder = Coder(lex, art, doc, modes=None)
        coder.ranker = None
        coder.run()
    finally:
        ranker_module.RECORDER = None
    return record
