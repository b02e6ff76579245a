"""A person brought in by an indefinite noun phrase with no name, after the last person named (issue 16):
invented local-news paragraphs with invented people."""

from __future__ import annotations

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _quotes(nlp, paragraphs: list[str], people: list[str], kind: str = "direct") -> list[tuple[str, str | None, str]]:
    art = Article(id="unnamed-ref", paragraphs=paragraphs)
    text = art.nlp_text()
    for name in people:
        spans = []
        start = text.find(name)
        while start >= 0:
            spans.append([start, start + len(name)])
            start = text.find(name, start + 1)
        art.entities.append(Entity(name=name, type="PER", mentions=[name], spans=spans))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.text, q.speaker, q.rule or "") for q in art.quotes if q.kind == kind]


def test_elle_after_an_unnamed_employee_is_nobody(nlp):
    got = _quotes(nlp, ["Odile Ferrand a racheté la boulangerie du village en 2019.",
                        "Ce matin-là, une vendeuse installait les croissants quand la vitrine a explosé. « J'ai cru que "
                        "le four avait pris feu », raconte-t-elle."], ["Odile Ferrand"])
    assert [(t, s) for t, s, _ in got] == [("J'ai cru que le four avait pris feu", None)]
    assert got[0][2].split()[0] in ("pronoun_unnamed_person", "pronoun_previous_speaker")


def test_elle_after_a_named_woman_stays_hers(nlp):
    got = _quotes(nlp, ["Odile Ferrand a racheté la boulangerie du village en 2019.",
                        "Ce matin-là, elle installait les croissants quand la vitrine a explosé. « J'ai cru que le four "
                        "avait pris feu », raconte-t-elle."], ["Odile Ferrand"])
    assert [(t, s) for t, s, _ in got] == [("J'ai cru que le four avait pris feu", "Odile Ferrand")]


def test_an_unnamed_person_in_apposition_to_a_name_is_that_person(nlp):
    got = _quotes(nlp, ["Le marché a rouvert samedi.",
                        "Odile Ferrand, une vendeuse du marché, installait son étal. « Les clients sont revenus », "
                        "dit-elle."], ["Odile Ferrand"])
    assert [(t, s) for t, s, _ in got] == [("Les clients sont revenus", "Odile Ferrand")]


def test_the_same_noun_takes_up_the_unnamed_person(nlp):
    got = _quotes(nlp, ["Gaspard Lemoine préside l'association des commerçants depuis dix ans.",
                        "Une vendeuse a vu la vitrine exploser.", "Les pompiers sont arrivés vite.",
                        "Le quartier reste choqué. « Je n'ai rien entendu avant », affirme la vendeuse."],
                  ["Gaspard Lemoine"])
    assert [(t, s) for t, s, _ in got] == [("Je n'ai rien entendu avant", None)]


def test_a_quote_with_no_cue_after_an_unnamed_neighbour_is_nobody(nlp):
    got = _quotes(nlp, ["« Nous partirons demain », a déclaré Gaspard Lemoine, le maire du village.",
                        "Une voisine hausse les épaules devant sa porte. « Ils disent ça chaque année. »"],
                  ["Gaspard Lemoine"])
    assert [(t, s) for t, s, _ in got][-1] == ("Ils disent ça chaque année.", None)


def test_a_man_s_noun_is_never_a_woman_named_before(nlp):
    from veille.quotes.antecedents import NATURAL_GENDER

    assert NATURAL_GENDER["homme"] == "m" and NATURAL_GENDER["mere"] == "f"
    got = _quotes(nlp, ["Maître Odile Ferrand a plaidé pendant deux heures.",
                        "Dans le box, l'accusé écoutait sans bouger. « Je regrette tout », a dit l'homme."],
                  ["Odile Ferrand"])
    assert [(t, s) for t, s, _ in got] == [("Je regrette tout", None)]
