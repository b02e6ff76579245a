"""veille.quotes.blocks: a paragraph of someone's words over a credit line that opens on their name,
and an embedded post with its author's handle, read as direct quotes."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.blocks import credited_blocks, embedded_posts

BLOCK = "Nous avons rouvert la conserverie avec douze salariés et les commandes arrivent déjà."


def test_a_block_over_its_credit_line_and_outlet(nlp) -> None:
    state = quote_state(nlp, [BLOCK, "Lénaïg Quéré, directrice de la conserverie", "à Radio Quelmer"],
                        {"Lénaïg Quéré": "PER"})
    (q,) = credited_blocks(state)
    assert (q.speaker, q.kind, q.text, q.rule) == ("Lénaïg Quéré", "direct", BLOCK, "credited_block")
    assert state.text[q.start:q.end] == BLOCK


def test_a_credit_with_a_comma_needs_no_outlet_line(nlp) -> None:
    state = quote_state(nlp, [BLOCK, "Lénaïg Quéré, directrice"], {"Lénaïg Quéré": "PER"})
    assert [q.speaker for q in credited_blocks(state)] == ["Lénaïg Quéré"]


def test_no_block_when_the_next_line_is_a_sentence_or_the_block_is_marked(nlp) -> None:
    said = quote_state(nlp, [BLOCK, "Lénaïg Quéré a confirmé ces chiffres."], {"Lénaïg Quéré": "PER"})
    assert credited_blocks(said) == []
    marked = quote_state(nlp, ["« " + BLOCK + " »", "Lénaïg Quéré, directrice"], {"Lénaïg Quéré": "PER"})
    assert credited_blocks(marked) == []
    short = quote_state(nlp, ["Un bon début.", "Lénaïg Quéré, directrice"], {"Lénaïg Quéré": "PER"})
    assert credited_blocks(short) == []
    place = quote_state(nlp, [BLOCK, "Quelmer, le 4 mars"], {"Quelmer": "LOC"})
    assert credited_blocks(place) == []


def test_an_embedded_post_is_its_authors_quote(nlp) -> None:
    post = "Les quais de Quelmer méritent mieux que ce silence. — Erwan Le Bihan (@erwanlb) 3 mars 2025"
    state = quote_state(nlp, ["Le débat a repris en ligne.", post], {"Erwan Le Bihan": "PER", "Quelmer": "LOC"})
    (q,) = embedded_posts(state)
    assert (q.speaker, q.text, q.rule) == ("Erwan Le Bihan", "Les quais de Quelmer méritent mieux que ce silence.",
                                           "embedded_post")
    unnamed = quote_state(nlp, ["Nous resterons sur les quais tout l'hiver. — Collectif Marée (@maree) 2 mars 2025"],
                          {})
    assert [q.speaker for q in embedded_posts(unnamed)] == ["Collectif Marée"]
    marked = quote_state(nlp, ["« Nous resterons sur les quais tout l'hiver. » — Erwan Le Bihan (@erwanlb) 2 mars"],
                         {"Erwan Le Bihan": "PER"})
    assert embedded_posts(marked) == []
