"""The index-based helpers of ``veille.events.walks`` and ``veille.events.memo`` give what the
Token-based code they replace gave (invented sentences)."""

from __future__ import annotations

import random

import pytest

from veille.common.docarrays import subtree_indices
from veille.events.memo import fold_long, folded_startswith, parsed_text
from veille.events.walks import (
    habit_cue_at,
    obliques_on,
    phrase_candidates,
    subtree_of,
    subtree_prefix,
    subtree_words,
)
from veille.events.words import doc_lemmas, doc_lowers, masculine

TEXT = ("Le comité de Valmontane a souvent critiqué, chaque semaine, la décision du maire Paul Ardent. "
        "Les élus se sont réunis mardi à la mairie pour exiger une réforme éhontée  du budget.\n\n"
        "« Nous ne céderons jamais », a déclaré Lina Orvel, qui dirige l'association Terre Vive.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_parsed_text_is_doc_text(nlp, doc):
    assert parsed_text(doc) == doc.text
    assert parsed_text(nlp("")) == ""


def test_subtrees_as_spacy_walks_them(nlp, doc):
    fresh = nlp(TEXT)  # no cached walk of the whole Doc: each subtree walked alone
    for tok in fresh:
        assert subtree_prefix(fresh, tok.i, 5) == [t.i for t in tok.subtree][:5]
        assert subtree_of(fresh, tok.i) == [t.i for t in tok.subtree]
    subtree_indices(doc, 0)  # the walk of the whole Doc is cached: read from it
    for tok in doc:
        assert subtree_prefix(doc, tok.i, 7) == [t.i for t in tok.subtree][:7]
        assert subtree_of(doc, tok.i) == [t.i for t in tok.subtree]


def test_subtree_words(doc):
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    for tok in doc:
        want: set[str] = set()
        for i in [t.i for t in tok.subtree][:41]:
            want |= {lemmas[i], lowers[i]}
            if lemmas[i] == lowers[i]:
                want.update(masculine(lowers[i]))
        assert subtree_words(doc, tok.i, 41) == want


def test_column_questions(doc):
    lemmas = doc_lemmas(doc)
    habitual = {"souvent", "chaque"}
    for tok in doc:
        want = any(c.dep_ == "advmod" and lemmas[c.i] in habitual or c.dep_.startswith("obl") and any(
            d.dep_ == "det" and lemmas[d.i] in habitual for d in c.children) for c in tok.children)
        assert habit_cue_at(doc, tok.i, habitual) == want
    region, anchors = set(range(len(doc))), {t.i for t in doc if t.pos_ == "VERB"}
    assert obliques_on(doc, region, anchors) == [
        t.i for t in doc if t.dep_ in ("obl", "obl:arg", "obl:mod") and t.head.i in anchors]


class _Phrase:
    def __init__(self, *words: str) -> None:
        self.words = words


def test_phrase_candidates_keep_the_phrases_that_may_match():
    lemmas = ["le", "comité", "faire", "vraiment", "confiance", "à", "X"]
    lowers = ["le", "comité", "fait", "vraiment", "confiance", "à", "x"]
    one, near, far, other = _Phrase("faire"), _Phrase("faire", "confiance"), _Phrase("faire", "à"), _Phrase("faire", "appel")
    phrases = {"faire": [one, near, far, other]}
    assert phrase_candidates(phrases, ("faire", "fait", "", ""), 2, 7, lemmas, lowers, 2) == [one, near, far]
    assert phrase_candidates(phrases, ("faire", "fait", "", ""), 2, 7, lemmas, lowers, 1) == [one, near]
    assert phrase_candidates(phrases, ("faire", "fait", "", ""), 2, 3, lemmas, lowers, 2) == [one]


def test_folded_startswith_as_the_whole_fold():
    rng = random.Random(7)
    letters = list("abcAB É\u0301Σσ’' \u00a0\t\nİlire aussi")
    navs = ("lire aussi", "à lire", "article précédent")
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 90)))
        if rng.random() < 0.3:
            text = "  Lire aussi" + text
        assert folded_startswith(text, navs) == fold_long(text).startswith(navs)
    assert not folded_startswith("Lire aussi", ())
