"""The shared pipeline's own components give what spaCy's stock ones would, faster."""

from __future__ import annotations

import spacy

from veille.nlp import MODEL

TEXT = ("Titre sans point\n\nMaître Odile Fernbach a plaidé mardi devant les juges de Brignoles.\n"
        "Les avocates plaidaient, les greffiers notèrent leurs remarques.\n\n"
        "Selon Octave Lirondel, les pluies diluviennes ont inondé trois caves et deux garages.")


def test_paragraph_break_starts_a_sentence(nlp):
    doc = nlp(TEXT)
    firsts = [t.text for t in doc if t.is_sent_start]
    assert "Maître" in firsts and "Selon" in firsts


def test_lemmas_are_those_of_the_stock_lemmatizer(nlp):
    assert "memo_lemmatizer" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    stock = spacy.load(MODEL)
    for text in (TEXT, TEXT.upper(), TEXT):  # the second copy of TEXT: lemmas from the memo
        ours, theirs = nlp(text), stock(text)
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        assert [t.text for t in ours if t.lemma_ != t.text]  # lemmatised at all
