"""The shortcuts of a cold pass (issue 11, coldclean) answer as the code they stand in for: a brand
key by one pattern, the breadcrumb test keying only the lines that may end on the headline, a date
remembered per line but handed out as a fresh copy. Every line here is invented."""

from __future__ import annotations

import unicodedata

from test_clean_line_gates import LINES
from veille.clean.text import line_key, word_count, words
from veille.clean.title_evidence import WindowKeys, glued_pair
from veille.common.dates import find_date_in_line
from veille.metadata.site_brands import key

MORE = ["Gazette de Valbrume", "L'Écho du Lisse", "ﬁlets de Valbrume ﬁnis", "Le Pont²", "Ⅻ siècle", "Ｆｕｌｌ Ｗｉｄｔｈ",
        "La Voix — Valbrume", "Accueil > Région > Le pont piéton rouvre enfin à Valbrume",
        "Le pont piéton rouvre enfin à Valbrume", "LE PONT PIÉTON ROUVRE ENFIN À VALBRUME !",
        "Le pont piéton rouvre enfin à Valbrume La mairie promet des bancs neufs",
        "La mairie promet des bancs neufs", "le pont pieton rouvre enfin a valbrume", "Publié le 3 mars 2024"]


def _old_key(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in flat if c.isascii() and c.isalnum())


def test_brand_key_as_the_letter_loop() -> None:
    for code in range(0x3000):
        assert key(chr(code)) == _old_key(chr(code)), hex(code)
    for line in [*LINES, *MORE]:
        assert key(line) == _old_key(line), line


def _old_closes(key_: str, others: list[str], i: int) -> bool:
    """The list form: every line of the window keyed first."""
    return any(other.endswith(key_) and len(other) >= len(key_) + 5 and not glued_pair(other, key_, others)
               for j, other in enumerate(others) if j != i)


def test_window_keys_close_as_every_line_keyed() -> None:
    texts = [*LINES, *MORE, *MORE[6:9]]
    for lo, hi in ((0, len(texts)), (len(LINES), len(texts) - 3), (5, 20)):
        window = WindowKeys(texts, lo, hi)
        old = [line_key(t) if lo <= j <= hi else "" for j, t in enumerate(texts)]
        assert window.all() == old
        for i, t in enumerate(texts):
            for candidate in (t, t.upper(), t[: len(t) // 2]):
                k = line_key(candidate)
                if k:
                    assert window.closes_longer_line(k, i) == _old_closes(k, old, i), (candidate, i)


def test_a_remembered_date_is_handed_out_as_a_copy() -> None:
    first = find_date_in_line("Publié le 3 mars à 10h12")
    assert first is not None and first.year is None
    first.weekday, first.year = 6, 1999
    again = find_date_in_line("Publié le 3 mars à 10h12")
    assert again is not None and (again.day, again.month, again.year, again.weekday) == (3, 3, None, None)


def test_word_count_as_the_words() -> None:
    for line in [*LINES, *MORE, "  deux   mots ", "\u00a0a\u2009b\u3000c"]:
        assert word_count(line) == len(words(line)), line


def _dropped_lines(html: str) -> list[str]:
    """``html_lines`` as it was: the code and head elements dropped from the tree, then the walk."""
    import lxml.html

    from veille.clean.html import _BLOCK_TAGS

    root = lxml.html.fromstring(html)
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:  # noqa: ANN001 - an lxml element
        block = (el.tag if isinstance(el.tag, str) else "").lower() in _BLOCK_TAGS
        parts.append("\n" if block else "")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        parts.append("\n" if block else "")

    walk(root)
    return [" ".join(ln.split()) for ln in "".join(parts).split("\n") if ln.strip()]


PAGES = [
    "<html><head><title>Le port</title><script>var a = 1;</script></head><body><p>Le port rouvre.</p></body></html>",
    "<html><body><div><script>x()</script>avant<style>p{}</style> après<p>Un <b>pont</b> neuf</p>fin</div></body></html>",
    "<html><body><p>Texte<!-- note -->suite<noscript><img src=a.png>Activez</noscript> et la fin.</p></body></html>",
    "<html><body><svg><text>logo</text></svg>Valbrume<template><p>modèle</p></template><h1>Le titre</h1></body></html>",
    "<div><script>a</script>reste<span>mot<script>b</script>queue</span> dernier</div>",
    "<p>Seul paragraphe <SCRIPT>x</SCRIPT>sans tête</p>", "<script>seul</script>après",
    "<html><body><ul><li>Un<noscript><script>y</script>z</noscript>deux</li><li>trois</li></ul></body></html>",
]


def test_html_lines_pass_over_code_as_the_dropped_tree() -> None:
    from veille.clean.html import html_lines

    for page in PAGES:
        assert html_lines(page) == _dropped_lines(page), page
