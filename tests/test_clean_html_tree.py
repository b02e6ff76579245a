"""An HTML page parsed once (issue 11): the reader's tree read by the clean stage, and the same
results as the pages parsed again. Pages invented; the corpus part skips without ../shared."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from lxml import etree

from veille.clean.html import extract_html, html_lines
from veille.clean.page_meta import loads_as_parsed, parse_page, xml_chars_only
from veille.common.html_tree import PARSED_KEY, ParsedPage, parse_html
from veille.readers import RawDocument, read_file
from veille.readers.base import checked_page

PAGES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "web" / "pages"

BODY = ("<body><header><nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav></header>"
        "<!-- bandeau publicitaire --><main><article><h1>Le conseil municipal de Valmorin vote le budget</h1>"
        "<p class='date'>Publié le 3 mars 2024 à 10:05</p>"
        "<p>Le conseil municipal de Valmorin a adopté mardi soir son budget pour l'année, après trois heures "
        "de débat<!-- note --> dans la salle des fêtes.</p><?php echo 'x'; ?>"
        "<p>« Nous avons tenu nos promesses », a déclaré la maire, Awa Koné, devant une cinquantaine "
        "d'habitants venus assister à la séance.</p><script>var a = '<p>non</p>';</script>"
        "<p>L'opposition a voté contre, jugeant les investissements prévus trop modestes pour les écoles "
        "du quartier nord et la piscine municipale.</p></article></main>"
        "<footer><p>© 2024 Le Courrier de Valmorin</p></footer></body>")
HEAD = ("<head><meta charset='utf-8'><title>Le conseil municipal de Valmorin vote le budget - Le Courrier</title>"
        "<meta property='og:site_name' content='Le Courrier'>"
        "<meta property='article:published_time' content='2024-03-03T10:05:00+01:00'></head>")
PAGE = f"<!DOCTYPE html><html lang='fr'>{HEAD}{BODY}</html>"
CONTROL_BODY = BODY.replace("mardi", "mar\x01di")  # a control character XML refuses


def _tree_text(tree) -> bytes:
    return etree.tostring(tree.getroottree())


def test_reader_hands_its_tree_over_and_a_pickle_drops_it(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    (doc,) = [d for d in read_file(f) if isinstance(d, RawDocument)]
    parsed = doc.meta[PARSED_KEY]
    back = pickle.loads(pickle.dumps(doc))
    assert back.meta[PARSED_KEY].take(doc.text) is None
    assert isinstance(parsed, ParsedPage) and parsed.tree is not None
    assert parsed.take(doc.text + " ") is None  # another string: parsed again
    assert parsed.tree is None  # let go once asked


def test_a_page_over_the_limits_keeps_no_tree(monkeypatch):
    from veille.common import html_tree

    monkeypatch.setattr(html_tree, "TREE_MAX_CHARS", len(PAGE) - 1)
    page, problem, parsed = checked_page(PAGE)
    assert problem is None and parsed is None
    monkeypatch.setattr(html_tree, "TREE_MAX_CHARS", 10 * len(PAGE))
    monkeypatch.setattr(html_tree, "HELD_MAX_CHARS", ParsedPage.held + 2 * len(PAGE))
    kept = [checked_page(PAGE)[2] for _ in range(3)]  # two trees held, not the third
    assert kept[0] is not None and kept[1] is not None and kept[2] is None
    kept[0].take(PAGE)  # a tree taken is no longer held: room for another
    assert checked_page(PAGE)[2] is not None


def test_refused_page_gives_no_tree():
    assert checked_page("<html><body><div></div></body></html>")[2] is None
    page, problem, parsed = checked_page(PAGE)
    assert problem is None and parsed is not None and parsed.source is page


@pytest.mark.parametrize("page", [
    PAGE,
    BODY,
    "<p>Un paragraphe seul<!-- x --> sans en-tête.</p><p>Un second, inventé lui aussi.</p>",
    "<html><body>texte<?pi x?> libre <div>bloc <br>coupé</div> et la fin</body></html>",
])
def test_block_lines_of_the_readers_tree_equal_a_parse_of_their_own(page):
    tree = parse_html(page)
    assert html_lines(page, tree) == html_lines(page)


@pytest.mark.parametrize("page, same", [
    (PAGE, True),
    ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
     f"<html>{HEAD}{BODY}</html>", False),
    (f"<html lang='fr'/>\n{HEAD}{BODY}", False),
    (f"<html>{HEAD}{CONTROL_BODY}</html>", False),
    ("<p>Un paragraphe seul sans en-tête ni balise de page.</p>", False),
])
def test_trees_handed_to_the_extraction_are_the_ones_it_would_build(page, same):
    tree = parse_html(page)
    assert loads_as_parsed(page, tree) is same
    if same:
        assert _tree_text(parse_page(page)) == _tree_text(tree)


def test_extraction_with_the_readers_tree_is_the_same_and_leaves_it_whole():
    tree = parse_html(PAGE)
    before = _tree_text(tree)
    alone = extract_html(PAGE, url="https://exemple.invalid/valmorin/budget", today="2024-03-05")
    given = extract_html(PAGE, url="https://exemple.invalid/valmorin/budget", today="2024-03-05",
                         parsed=ParsedPage(PAGE, tree))
    assert given == alone and alone[0].paragraphs
    assert _tree_text(tree) == before


def test_clean_stage_drops_the_tree():
    from veille.clean.stage import CleanStage
    from veille.model import Article

    page, _, parsed = checked_page(PAGE)
    art = Article(id="x", raw_text=page, hints={"kind": "html", PARSED_KEY: parsed})
    CleanStage(None)(art, None)
    assert PARSED_KEY not in art.hints and art.paragraphs


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared is absent")
def test_corpus_pages_read_the_same_from_the_readers_tree():
    pages = sorted(PAGES.glob("*.html"))[::10]
    for path in pages:
        (doc,) = [d for d in read_file(path) if isinstance(d, RawDocument)]
        parsed = doc.meta[PARSED_KEY]
        tree = parsed.tree
        before = _tree_text(tree)
        if loads_as_parsed(doc.text, tree):
            assert _tree_text(parse_page(doc.text)) == before, path.name
        assert extract_html(doc.text, parsed=parsed) == extract_html(doc.text), path.name
        assert _tree_text(tree) == before, path.name


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def test_xml_characters_are_told_as_the_xml_char_class_tells_them():
    odd = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\ud800", "\udfff", "\ufffe", "\uffff", "\ufffd", "\ue000",
                                           "\u2019", "é", "\U0001f600", "\U0010ffff"]
    for ch in odd:
        text = f"Une ligne inventée{ch}, puis la suite’"
        assert xml_chars_only(text) is (_NOT_XML.search(text) is None), repr(ch)
