"""veille.readers.deep_html: a page nested past the parser's depth keeps its text."""

from __future__ import annotations

from veille.readers.deep_html import MAX_DEPTH, flattened


def test_tags_past_the_depth_go_their_text_stays() -> None:
    depth = MAX_DEPTH + 50
    html = "<div>" * depth + "<p>Le pont de Valmorin rouvre samedi.</p>" + "</div>" * depth
    out = flattened(html)
    assert "Le pont de Valmorin rouvre samedi." in out
    assert out.count("<div>") == MAX_DEPTH and out.count("</div>") == MAX_DEPTH
    assert "<p>" not in out  # the paragraph sits past the depth


def test_a_shallow_page_is_left_as_it_is() -> None:
    html = "<html><body><div><p>Un texte.</p><br><img src='a.png'/></div></body></html>"
    assert flattened(html) == html
