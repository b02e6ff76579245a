"""The per-article token columns (``veille.common.docarrays``) and the readers built on them give
exactly what the Token attributes give (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_TYPE, LEMMA, ORTH, POS

from veille.common.docarrays import (
    bare_texts,
    child_indices,
    head_indices,
    lemmas_or_texts,
    lower_lemmas,
    token_columns,
    token_strings,
)
from veille.common.fold import bare, lower_nfc
from veille.events.clauses import clause_region
from veille.events.view import case, passive
from veille.events.words import CLAUSAL, doc_lemmas, doc_lowers, lemma, norm_word

TEXT = ("La ministre Odile Farcastel a été reçue mardi à Lisbonne par le président du Conseil, "
        "qui a promis qu'il enverrait l'aide « dès que possible ».\n\n"
        "Selon l'agence, les négociations reprendront à Genève d'ici la fin du mois.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


@pytest.mark.parametrize("attr, name", [(ORTH, "text"), (LEMMA, "lemma_"), (POS, "pos_"), (DEP, "dep_"),
                                        (ENT_TYPE, "ent_type_")])
def test_token_strings(doc, attr, name):
    assert token_strings(doc, attr) == [getattr(t, name) for t in doc]


def test_columns_and_derived_lists(doc):
    assert token_columns(doc, (ORTH,))[0] == [t.orth for t in doc]
    assert head_indices(doc) == [t.head.i for t in doc]
    assert child_indices(doc) == [[c.i for c in t.children] for t in doc]
    assert lemmas_or_texts(doc) == [t.lemma_ or t.text for t in doc]
    assert lower_lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert bare_texts(doc) == [bare(t.text) for t in doc]
    assert doc_lemmas(doc) == [norm_word(t.lemma_ or t.text) for t in doc]
    assert doc_lowers(doc) == [lower_nfc(t.text) for t in doc]
    assert [lemma(t) for t in doc] == doc_lemmas(doc)


def test_event_readers_match_the_tree(doc):
    for tok in doc:
        words = [lemma(c) for c in tok.children if c.dep_ in ("case", "fixed") and c.i < tok.i]
        assert case(tok) == (" ".join(words) if words else None)
        assert passive(tok) == any(c.dep_ == "aux:pass" for c in tok.children)


def _region(top, keep):  # the Token-walking definition
    region, keep_path, stack = set(), {t.i for t in [keep, *keep.ancestors]}, [top]
    while stack:
        t = stack.pop()
        region.add(t.i)
        for c in t.children:
            if c.dep_ in CLAUSAL and c.i not in keep_path and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                if c.dep_ == "conj" and c.pos_ == "NOUN":
                    stack.append(c)
                continue
            stack.append(c)
    return region


def test_clause_region_matches_the_tree(doc):
    for top in doc:
        for keep in list(doc)[::3]:
            assert clause_region(top, keep) == _region(top, keep)


def test_empty_doc(nlp):
    empty = nlp("")
    assert token_strings(empty, ORTH) == [] and head_indices(empty) == [] and child_indices(empty) == []
