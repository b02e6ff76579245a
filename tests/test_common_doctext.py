"""doc_text: the article's text when the Doc was parsed from it, the Doc's own text otherwise."""

from veille.common.doctext import doc_text
from veille.model import Article


def test_same_string_as_the_parsed_text(nlp):
    art = Article(id="a", title="Visite de Maëlle Ferrand", paragraphs=["Elle arrive à Lorvan.  ", " Puis repart."])
    doc = nlp(art.nlp_text())
    assert doc_text(art, doc) == doc.text


def test_doc_from_another_text_keeps_its_own(nlp):
    art = Article(id="b", paragraphs=["Odran Vellec a parlé."])
    doc = nlp("Odran Vellec a chanté.")
    assert doc_text(art, doc) == "Odran Vellec a chanté."


def test_empty_doc(nlp):
    art = Article(id="c", paragraphs=[])
    assert doc_text(art, nlp("")) == ""
