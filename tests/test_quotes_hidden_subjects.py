"""A speech verb's subject that the parse hung elsewhere (``quotes/hidden_subjects.py``), read on
parses written by hand for invented sentences: the parser reads these sentences well, the pages where
it does not are not ours to copy (issue 16)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.quotes.hidden_subjects import aux_subject, gerund_subject, participle_subject

VOCAB = spacy.blank("fr").vocab
PART_PAST = "Tense=Past|VerbForm=Part"
PART_PRES = "Tense=Pres|VerbForm=Part"


class _State:
    def __init__(self, doc: Doc) -> None:
        self.doc, self.text = doc, doc.text

    def in_quote(self, i: int) -> bool:
        return False


def _doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    words, pos, deps, heads, morphs = zip(*rows, strict=True)
    return Doc(VOCAB, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads), morphs=list(morphs))


def test_subject_hung_on_the_auxiliary():
    # "Claire Dubois a, par ailleurs, précisé que la piscine rouvre."
    doc = _doc([("Claire", "PROPN", "nsubj", 2, ""), ("Dubois", "PROPN", "flat:name", 0, ""),
                ("a", "VERB", "aux:tense", 7, ""), (",", "PUNCT", "punct", 2, ""), ("par", "ADP", "case", 5, ""),
                ("ailleurs", "ADV", "obl:mod", 7, ""), (",", "PUNCT", "punct", 7, ""),
                ("précisé", "VERB", "ROOT", 7, PART_PAST), ("que", "SCONJ", "mark", 11, ""),
                ("la", "DET", "det", 10, ""), ("piscine", "NOUN", "nsubj", 11, ""), ("rouvre", "VERB", "ccomp", 7, ""),
                (".", "PUNCT", "punct", 7, "")])
    state = _State(doc)
    assert aux_subject(state, doc[7]).text == "Claire"
    assert participle_subject(state, doc[7]) is None
    assert aux_subject(state, doc[11]) is None  # the clause's own verb has its subject where it belongs


def test_subject_hung_on_a_participle_before_the_verb():
    # "Les élus bretons priorisant le budget, après une heure de doute, ont annoncé qu'ils voteraient."
    doc = _doc([("Les", "DET", "det", 1, ""), ("élus", "NOUN", "nsubj", 3, ""), ("bretons", "ADJ", "amod", 1, ""),
                ("priorisant", "VERB", "advcl", 14, PART_PRES), ("le", "DET", "det", 5, ""),
                ("budget", "NOUN", "obj", 3, ""), (",", "PUNCT", "punct", 3, ""), ("après", "ADP", "case", 9, ""),
                ("une", "DET", "det", 9, ""), ("heure", "NOUN", "obl:mod", 14, ""), ("de", "ADP", "case", 11, ""),
                ("doute", "NOUN", "nmod", 9, ""), (",", "PUNCT", "punct", 14, ""), ("ont", "AUX", "aux:tense", 14, ""),
                ("annoncé", "VERB", "ROOT", 14, PART_PAST), ("qu'", "SCONJ", "mark", 17, ""),
                ("ils", "PRON", "nsubj", 17, ""), ("voteraient", "VERB", "ccomp", 14, ""), (".", "PUNCT", "punct", 14, "")])
    state = _State(doc)
    assert aux_subject(state, doc[14]) is None
    assert participle_subject(state, doc[14]).text == "élus"


def test_gerund_hung_on_its_own_clause():
    # "Lors de sa visite, le maire a cité douze règles, tout en précisant qu'il existe trente autres."
    doc = _doc([("Lors", "ADV", "ROOT", 0, ""), ("de", "ADP", "case", 3, ""), ("sa", "DET", "det", 3, ""),
                ("visite", "NOUN", "obl:arg", 0, ""), (",", "PUNCT", "punct", 8, ""), ("le", "DET", "det", 6, ""),
                ("maire", "NOUN", "nsubj", 8, ""), ("a", "AUX", "aux:tense", 8, ""), ("cité", "VERB", "conj", 3, PART_PAST),
                ("douze", "NUM", "nummod", 10, ""), ("règles", "NOUN", "obj", 8, ""), (",", "PUNCT", "punct", 8, ""),
                ("tout", "ADV", "advmod", 17, ""), ("en", "ADP", "fixed", 12, ""),
                ("précisant", "VERB", "fixed", 12, PART_PRES), ("qu'", "SCONJ", "mark", 17, ""),
                ("il", "PRON", "expl:subj", 17, ""), ("existe", "VERB", "advcl", 8, ""), ("trente", "NUM", "obj", 17, ""),
                ("autres", "PRON", "obj", 17, ""), (".", "PUNCT", "punct", 0, "")])
    state = _State(doc)
    subj, verb = gerund_subject(state, doc[14])
    assert (subj.text, verb.text) == ("maire", "cité")
    assert gerund_subject(state, doc[8]) is None  # not a participle after "en"
