"""A clause the sentence splitter cut off from its subject takes the subject of the piece that
opened the sentence (issue 13). The pieces are parsed apart and joined, so the test does not depend
on where the splitter errs. Invented sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from veille.events.fragments import fragment_subject
from veille.events.view import ArticleView
from veille.model import Article, Entity


def _joined(nlp, lex, pieces, names):
    text = "".join(pieces)
    art = Article(id="cut", paragraphs=[text])
    for name, etype in names:
        at = art.nlp_text().find(name)
        art.entities.append(Entity(name=name, type=etype, mentions=[name], spans=[[at, at + len(name)]]))
    doc = Doc.from_docs([nlp(p) for p in pieces])
    assert doc.text == art.nlp_text()
    return ArticleView(lex, art, doc), doc


def _word(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_piece_that_is_only_a_subject_lends_it(nlp, lex):
    view, doc = _joined(nlp, lex, ["Le collectif Terre Libre, formé en 2019 pour défendre les forêts ",
                                   ", s'est associé au projet."], [("Terre Libre", "ORG")])
    if list(doc.sents)[0].root.pos_ not in ("NOUN", "PROPN"):
        pytest.skip("the first piece did not come out as a bare subject")
    actor = fragment_subject(view, _word(doc, "associé"))
    assert actor is not None and actor.name == "Terre Libre"


def test_lower_case_pieces_go_back_to_the_opening_subject(nlp, lex):
    view, doc = _joined(nlp, lex, ["La Lettonie a déjà rejoint l'Estonie ", "et la Lituanie ",
                                   "pour réclamer un nouvel accord."],
                        [("Lettonie", "LOC"), ("Estonie", "LOC"), ("Lituanie", "LOC")])
    actor = fragment_subject(view, _word(doc, "réclamer"))
    assert actor is not None and actor.name == "Lettonie"


def test_a_name_cut_out_of_a_sentence_lends_nothing(nlp, lex):
    view, doc = _joined(nlp, lex, ["Des ouvrières ont quitté l'usine ", "Valcor Industries ",
                                   "dans l'est pour protester contre leurs salaires."], [("Valcor Industries", "ORG")])
    assert fragment_subject(view, _word(doc, "protester")) is None


def test_a_piece_ending_with_a_full_stop_lends_nothing(nlp, lex):
    view, doc = _joined(nlp, lex, ["Le collectif Terre Libre. ", "s'est associé au projet."],
                        [("Terre Libre", "ORG")])
    assert fragment_subject(view, _word(doc, "associé")) is None
