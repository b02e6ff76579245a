"""The reporting verbs of ``lexicons/quotes/report_verbs.tsv`` (issue 16, breadth from French grammar, not
from pages): each reports its "que" clause or names the speaker of the quote before it, and the rows the
dev check left as incises only stay so. Invented sentences and people only."""

from __future__ import annotations

import pytest

from veille.common import lexicon
from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage, load_speech_verbs
from veille.settings import Settings


def _quotes(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str]]:
    art = Article(id="case", paragraphs=paragraphs)
    text = art.nlp_text()
    for name in ("Claire Dubois", "Paul Arnaud", "Anne Roy"):
        if name in text:
            i = text.index(name)
            art.entities.append(Entity(name=name, type="PER", mentions=[name], spans=[[i, i + len(name)]]))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.kind, q.speaker, q.text) for q in art.quotes]


@pytest.mark.parametrize("sentence, clause, speaker", [
    ("Paul Arnaud a confessé qu'il avait oublié la réunion du conseil municipal.",
     "il avait oublié la réunion du conseil municipal", "Paul Arnaud"),
    ("Paul Arnaud a riposté que le budget de la piscine était déjà voté depuis mars.",
     "le budget de la piscine était déjà voté depuis mars", "Paul Arnaud"),
    ("Claire Dubois a redit que la salle resterait ouverte tout l'été prochain.",
     "la salle resterait ouverte tout l'été prochain", "Claire Dubois"),
    ("Anne Roy se plaint que les bus du quartier arrivent toujours en retard le matin.",
     "les bus du quartier arrivent toujours en retard le matin", "Anne Roy"),
    # rows of lexicons/speech_verbs.tsv given a "que" clause: "insister sur le fait que", "plaider que"
    ("Claire Dubois a insisté sur le fait que le pont rouvrira en mars prochain.",
     "le pont rouvrira en mars prochain", "Claire Dubois"),
    ("L'avocate Anne Roy a plaidé que son client était absent ce soir-là.",
     "son client était absent ce soir-là", "Anne Roy"),
])
def test_a_reporting_verb_reports_its_que_clause(nlp, sentence, clause, speaker):
    assert ("indirect", speaker, clause) in _quotes(nlp, [sentence])


@pytest.mark.parametrize("sentence", [
    "Ils se plaignent souvent que la ville oublie les quartiers du nord depuis des années.",  # opinion: no holder
    "Claire Dubois a insisté pour que le pont rouvre en mars prochain.",  # a request, "pour que"
    "Leur voisine, prise de panique, crie qu'elle a perdu ses clés et appelle les pompiers.",  # incise only
])
def test_no_report(nlp, sentence):
    assert [q for q in _quotes(nlp, [sentence]) if q[0] == "indirect"] == []


def test_an_incise_inside_the_marks_cuts_the_quote(nlp):
    got = _quotes(nlp, ["Paul Arnaud a grandi près du port. « Le port était plein de bateaux, se souvient "
                        "Paul Arnaud. Il n'en reste plus un seul aujourd'hui. »"])
    assert [(k, s) for k, s, _ in got] == [("direct", "Paul Arnaud"), ("direct", "Paul Arnaud")]


def test_the_rows_add_only_lemmas_speech_verbs_lacks():
    by_lemma, _ = load_speech_verbs()
    main = {r[0].removeprefix("se ").removeprefix("s'") for r in lexicon.rows("speech_verbs.tsv", min_columns=3)}
    rows = lexicon.rows("quotes/report_verbs.tsv", min_columns=5)
    for r in rows:
        lemma = r[0].removeprefix("se ").removeprefix("s'")
        assert lemma not in main, lemma
        assert by_lemma[lemma].flags == frozenset(r[2].split(","))
        assert r[4], f"{r[0]}: an invented example"
