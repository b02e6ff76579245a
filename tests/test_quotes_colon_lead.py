"""Quotes led by a colon, run over several paragraphs, or credited by the next paragraph's quote (issue 16,
``bench/quote_lead_perturb.py``). Invented sentences and names only."""

from __future__ import annotations

import re

from conftest import quote_direct
from veille.quotes.continued_quotes import join_continued
from veille.quotes.marks import scan_quote_marks

PEOPLE = (("Octave Lemarin", "PER"), ("Léa Morin", "PER"), ("Paul Arnaud", "PER"))


def test_a_colon_lead_in_run_on_into_its_quote_keeps_its_own_subject(nlp) -> None:
    # the parser reads the lower-case quote as the lead-in's sentence going on: the lead-in's verb
    # and its subject ("Elle") still lead, not the person its complement names
    paras = ["Léa Morin a fini par entrer au conseil municipal, d'abord par curiosité.",
             "Elle collabore alors avec Octave Lemarin, une alliance inattendue : « au fond, je ne connaissais "
             "pas d'homme plus secret. »"]
    assert [(s, r) for _, s, r in quote_direct(nlp, paras, PEOPLE)] == [("Léa Morin", "colon_lead_sentence")]


def _segs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def test_the_paragraphs_a_quote_runs_over_are_read_as_one() -> None:
    text = "Intro.\n\n« Un premier point.\n\n« Un second point. » Fin.\n\nAutre paragraphe."
    segs = _segs(text)
    marks = scan_quote_marks(text, segs)
    assert [len(m.pieces) for m in marks] == [2]
    assert join_continued(text, segs, marks) == [segs[0], (segs[1][0], segs[2][1]), segs[3]]
    assert join_continued(text, segs, []) == segs
    # carried over a paragraph with no reopening mark: the scanner's guess, the paragraphs stay apart
    bare = "Intro.\n\n« Un premier point.\n\nUn second point. » Fin.\n\nAutre paragraphe."
    marks = scan_quote_marks(bare, _segs(bare))
    assert [len(m.pieces) for m in marks] == [2]
    assert join_continued(bare, _segs(bare), marks) == _segs(bare)


def test_an_incise_inside_the_first_paragraph_of_a_continued_quote_cuts_it(nlp) -> None:
    paras = ["Paul Arnaud a coupé le ruban.",
             "« Non, explique Léa Morin. Nous avons attendu trois ans et les travaux ont pris du retard.",
             "« Aujourd'hui, je traverse enfin la rivière sans faire de détour. »"]
    got = quote_direct(nlp, paras, PEOPLE)
    assert [(w, s) for w, s, _ in got] == [("Non", "Léa Morin"), ("Nous avons", "Léa Morin")]


def test_a_quote_ending_its_paragraph_takes_the_credit_of_the_next_one(nlp) -> None:
    incise = ["Paul Arnaud a coupé le ruban. La ville a tenu parole. « Nous avons attendu trois ans, et les "
              "travaux ont pris beaucoup de retard. »",
              "« Aujourd'hui, explique Léa Morin, je traverse enfin la rivière sans faire un grand détour. »"]
    assert quote_direct(nlp, incise, PEOPLE)[0][1:] == ("Léa Morin", "next_paragraph_credit")
    closed = ["Le pont a rouvert hier matin. Paul Arnaud a coupé le ruban.",
              "« Nous avons attendu trois ans, et les travaux ont pris beaucoup de retard. »",
              "« Aujourd'hui, je traverse enfin la rivière sans faire un grand détour », raconte Léa Morin."]
    assert [s for _, s, _ in quote_direct(nlp, closed, PEOPLE)] == ["Léa Morin", "Léa Morin"]


def test_the_next_paragraph_credits_nothing_when_the_writer_speaks_first(nlp) -> None:
    paras = ["Paul Arnaud a coupé le ruban. « Nous avons attendu trois ans, et les travaux ont pris du retard. »",
             "La foule a applaudi. « Aujourd'hui, je traverse enfin la rivière », raconte Léa Morin."]
    assert quote_direct(nlp, paras, PEOPLE)[0][2] != "next_paragraph_credit"


def test_a_quote_brought_in_by_a_speech_verb_before_it_keeps_that_voice(nlp) -> None:
    paras = ["Léa Morin a parlé. Paul Arnaud, de son côté, a témoigné devant les juges. « Je souffre de ce bruit, "
             "je ne dors plus la nuit. »",
             "« Les riverains sont vulnérables, commente Léa Morin. Le risque est connu. »"]
    assert quote_direct(nlp, paras, PEOPLE)[0][1:] == ("Paul Arnaud", "lead_sentence_subject")
