"""A subject pronoun standing for a person the article describes but never names (issue 16): invented
court-report paragraphs."""

from __future__ import annotations

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _indirect(nlp, paragraphs: list[str], people: list[str]) -> list[tuple[str, str | None]]:
    art = Article(id="unnamed", paragraphs=paragraphs)
    text = art.nlp_text()
    for name in people:
        i = text.index(name)
        art.entities.append(Entity(name=name, type="PER", mentions=[name], spans=[[i, i + len(name)]]))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.text, q.speaker) for q in art.quotes if q.kind == "indirect"]


def test_unnamed_witness_is_not_the_judge_named_paragraphs_before(nlp):
    got = _indirect(nlp, ["Le procès était présidé par la juge Anne Roy.", "Le garage a fermé en mars.",
                          "La cliente s'est présentée mardi devant les juges. Elle a expliqué que la facture avait "
                          "été doublée sans son accord. Elle a ajouté que le garagiste l'avait menacée."],
                    ["Anne Roy"])
    assert got == [("la facture avait été doublée sans son accord", None),
                   ("le garagiste l'avait menacée", None)]


def test_a_person_named_in_the_same_paragraph_is_still_the_antecedent(nlp):
    got = _indirect(nlp, ["Marie Leroy a été agressée samedi. La victime a porté plainte. Elle a raconté que son "
                          "agresseur portait un casque."], ["Marie Leroy"])
    assert got == [("son agresseur portait un casque", "Marie Leroy")]


def test_a_role_noun_is_left_to_the_descriptor_rules(nlp):
    got = _indirect(nlp, ["Paul Arnaud dirige le club depuis 2010.", "Le club a perdu.",
                          "Le président a réuni les joueurs. Il a affirmé que l'entraîneur resterait."],
                    ["Paul Arnaud"])
    assert got == [("l'entraîneur resterait", "Paul Arnaud")]


def test_a_participle_is_no_finite_verb_of_an_inverted_clause(nlp):
    from veille.quotes.inverted_clauses import participle_form

    doc = nlp("Interrogée jeudi, elle crée une association et annonce un concours ; invités, ils ont signé.")
    forms = {t.text: participle_form(t) for t in doc}
    assert forms["Interrogée"] and forms["invités"] and forms["signé"]
    assert not forms["crée"] and not forms["annonce"] and not forms["ont"]
