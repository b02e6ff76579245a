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


def test_sentences_open_only_after_an_end_mark_or_a_line_break(nlp):
    # The parser alone cut this one at the hyphen and before the conjunction, leaving the verb
    # without its subject.
    doc = nlp("Titre\n\nEn 2021, le Royaume-Uni et la Valdonie ont signé un accord. Puis (AFP) ils "
              "sont partis : « Oui. » Alors que Lina Varga parlait, Paul Durand est sorti")
    firsts = [t.text for t in doc if t.is_sent_start]
    assert firsts[:2] == ["Titre", "En"]
    assert "Royaume" not in firsts and "-" not in firsts and "Uni" not in firsts and "et" not in firsts
    assert all(doc[t.i - 1].text[-1:] in ".!?…:;»\"”)]" or doc[t.i - 1].is_space for t in doc if t.is_sent_start and t.i)


def test_lemmas_are_those_of_the_stock_lemmatizer(nlp):
    assert "memo_lemmatizer" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    stock = spacy.load(MODEL)
    for text in (TEXT, TEXT.upper(), TEXT):  # the second copy of TEXT: lemmas from the memo
        ours, theirs = nlp(text), stock(text)
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        assert [t.text for t in ours if t.lemma_ != t.text]  # lemmatised at all


ATTRS = ["TAG", "POS", "MORPH", "DEP", "HEAD", "LEMMA", "SENT_START", "ENT_IOB", "ENT_TYPE"]
SPACED = "  Le maire   a parlé.\n\n\n Puis   \t les élus\n ont voté lundi.\n\n"


def test_column_ruler_gives_the_stock_ruler_annotations(nlp):
    assert "column_attribute_ruler" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    stock = spacy.load(MODEL)
    stock.add_pipe("paragraph_breaks", before="parser")  # the same sentences; spaCy's own ruler
    stock.add_pipe("no_mid_breaks", after="paragraph_breaks")
    for text in (TEXT, SPACED, ""):
        ours, theirs = nlp(text), stock(text)
        assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
        assert [t.tag_ for t in ours if t.is_space] == [t.tag_ for t in theirs if t.is_space]
    assert {t.tag_ for t in nlp(SPACED)} >= {"SPACE", "NOUN", "VERB"}  # the rules did run


def test_column_ruler_follows_order_and_shapes_of_custom_rules():
    from veille.nlp import ColumnAttributeRuler

    blank = spacy.blank("fr")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "lundi"}], [{"ORTH": "mardi"}]], {"TAG": "JOUR", "POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["mardi", "mercredi"]}}]], {"TAG": "DATE"})  # a later rule wins
    ruler.add([[{"LOWER": {"NOT_IN": ["lundi"]}, "IS_SPACE": False, "IS_ALPHA": True}]], {"NORM": "mot"})
    ruler.add([[{"ORTH": "Maître"}, {"IS_TITLE": True}]], {"MORPH": "Gender=Fem"}, index=1)  # two tokens
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE", "MORPH": "_"})
    column = ColumnAttributeRuler(ruler)
    assert len(column.matcher) == 1  # only the two-token rule keeps a Matcher
    text = "Lundi,  Maître Odile Fernbach plaide ;\n mardi et mercredi aussi."
    ours, theirs = column(blank.make_doc(text)), ruler(blank.make_doc(text))
    assert (ours.to_array(ATTRS + ["NORM"]) == theirs.to_array(ATTRS + ["NORM"])).all()
    assert [t.tag_ for t in ours if t.lower_ in ("lundi", "mardi", "mercredi")] == ["JOUR", "DATE", "DATE"]
    word = {t.text: t for t in ours}
    assert str(word["Odile"].morph) == "Gender=Fem" and not str(word["Maître"].morph)
    assert word["Lundi"].norm_ != "mot" and word["Maître"].norm_ == "mot" and word[","].norm_ != "mot"


def test_matmul_ops_gives_thinc_products_and_the_same_annotations(nlp):
    import numpy
    from thinc.api import NumpyOps

    from veille.nlp import MatmulOps

    rng = numpy.random.default_rng(7)
    x, y = rng.random((40, 12), dtype="float32"), rng.random((12, 9), dtype="float32")
    ops, stock_ops = MatmulOps(), NumpyOps()
    for a, b, t1, t2 in ((x, y, False, False), (x.T.copy(), y, True, False), (x, y.T.copy(), False, True)):
        ours = ops.gemm(a, b, trans1=t1, trans2=t2)
        assert numpy.allclose(ours, stock_ops.gemm(a, b, trans1=t1, trans2=t2), rtol=1e-5)
        out = numpy.empty_like(ours)
        assert ops.gemm(a, b, out=out, trans1=t1, trans2=t2) is out and numpy.allclose(out, ours)
    models = [proc.model for _, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk")]
    assert models and all(isinstance(node.ops, MatmulOps) for m in models for node in m.walk())
    stock = spacy.load(MODEL)
    stock.add_pipe("paragraph_breaks", before="parser")
    for text in (TEXT, SPACED):
        assert (nlp(text).to_array(ATTRS) == stock(text).to_array(ATTRS)).all()
