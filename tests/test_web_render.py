"""The web UI's markup helpers: French dates, safe snippets, annotated text, the SVG chart."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.model import Article, Entity, Quote, TimeExpr
from veille.web.render import (
    HL_CLOSE,
    HL_OPEN,
    Span,
    annotate,
    annotated_segments,
    french_date,
    french_date_short,
    french_number,
    highlight_snippet,
    timeline_svg,
)


class _Check(HTMLParser):
    """Collects the text and checks that every element opened is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> _Check:
    p = _Check()
    p.feed(markup)
    p.close()
    return p


def test_french_dates():
    assert french_date("2022-04-06") == "6 avril 2022"
    assert french_date("2021-05-01") == "1er mai 2021"
    assert french_date("2022-02") == "février 2022"
    assert french_date("2022") == "2022"
    assert french_date(None) == "sans date"
    assert french_date("2022-13-01") == "2022"  # a month that does not exist is not invented
    assert french_date_short("2022-02-10") == "10 févr. 2022"
    assert french_date_short("2022-12") == "déc. 2022"


def test_french_numbers():
    assert french_number(19_000_000_000) == "19\u202f000\u202f000\u202f000"
    assert french_number(2.5) == "2,5"
    assert french_number(40.0) == "40"
    assert french_number(None) == ""


def test_snippet_is_escaped_and_highlighted():
    raw = f"le <b>{HL_OPEN}budget{HL_CLOSE}</b> & <script>alert(1)</script> {HL_OPEN}x"
    out = str(highlight_snippet(raw))
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and "&amp;" in out
    assert out.count("<mark>") == 2 and out.count("</mark>") == 2  # the unclosed one is closed
    assert "<mark>budget</mark>" in out


def test_crossing_spans_are_nested():
    text = "Jean Dupont a dit « bonjour Paris » hier."
    spans = [Span(0, 11, 3, "a", (("href", "/e/1"),)),
             Span(19, 35, 2, "span", (("class", "quote"),)),
             Span(28, 40, 3, "span", (("class", "x"),))]  # crosses the end of the quote
    out = str(annotate(text, spans))
    p = parse(out)
    assert p.ok and not p.stack
    assert "".join(p.text) == text
    assert out.startswith('<a href="/e/1">Jean Dupont</a>')


def test_link_inside_link_is_not_a_link():
    text = "le secrétaire général de l'OTAN"
    out = str(annotate(text, [Span(0, len(text), 3, "a", (("href", "/a"),)),
                              Span(text.index("OTAN"), len(text), 3, "a", (("href", "/b"),))]))
    assert out.count("<a ") == 1 and 'href="/b"' not in out
    assert parse(out).ok


def test_segments_use_nlp_text_offsets():
    art = Article(id="x", title="Titre <i>", paragraphs=["Marie Curie parle.", "« Oui », dit-elle le 3 mai."])
    text = art.nlp_text()
    s = text.index("Marie Curie")
    q = text.index("Oui")
    t = text.index("3 mai")
    art.entities = [Entity("Marie Curie", "PER", ["Marie Curie"], [[s, s + 11]])]
    art.quotes = [Quote("Oui", speaker="Marie Curie", start=q, end=q + 3)]
    art.times = [TimeExpr("3 mai", "2022-05-03", t, t + 5)]
    title, paras = annotated_segments(art.to_dict())
    assert str(title) == "Titre &lt;i&gt;"
    assert '<a class="ent ent-PER" href="/entites/Marie%20Curie"' in str(paras[0])
    assert re.search(r'<span class="quote quote-direct"[^>]*>Oui</span>', str(paras[1]))
    assert '<time class="time" datetime="2022-05-03" title="3 mai 2022">3 mai</time>' in str(paras[1])


spans_strategy = st.lists(
    st.tuples(st.integers(-5, 60), st.integers(-5, 60), st.integers(0, 4),
              st.sampled_from(["a", "span", "time"]), st.text(max_size=8)),
    max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=50), raw_spans=spans_strategy, offset=st.integers(0, 10))
def test_annotate_always_escapes_and_nests(text, raw_spans, offset):
    spans = [Span(a, b, layer, tag, (("title", attr), ("href", attr)) if tag == "a" else (("title", attr),))
             for a, b, layer, tag, attr in raw_spans]
    out = str(annotate(text, spans, offset))
    p = parse(out)
    assert p.ok and not p.stack  # well nested, everything closed
    assert "".join(p.text) == text  # the text is all there, in order, and nothing else
    assert set(p.tags) <= {"a", "span", "time"}  # only our elements: the text never becomes markup
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == text


def test_timeline_svg_has_bars():
    counts = {("2022-04-06", "AID"): 3, ("2022-04-07", "AID"): 1, ("2022-04-07", "ACCUSE"): 2}
    svg = str(timeline_svg(["2022-04-06", "2022-04-07"], ["AID", "ACCUSE"], counts, "Essai <x>"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count('class="bar"') == 3
    assert "<title>Essai &lt;x&gt;</title>" in svg
    assert 'data-count="3"' in svg and "6 avr. 2022" in svg
    assert str(timeline_svg([], [], {})) == ""
