"""Indirect quotes that are not reported speech (issue 16: precision on real articles). Invented sentences,
one phenomenon each."""

from __future__ import annotations

import pytest

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _quotes(nlp, paragraphs: list[str]) -> list[tuple[str, str | None]]:
    art = Article(id="case", paragraphs=paragraphs)
    text = art.nlp_text()
    for name in ("Claire Dubois", "Paul Arnaud"):
        if name in text:
            i = text.index(name)
            art.entities.append(Entity(name=name, type="PER", mentions=[name], spans=[[i, i + len(name)]]))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.kind, q.speaker) for q in art.quotes]


@pytest.mark.parametrize("paragraph, expected", [
    # an opinion verb reports a clause only when someone named (or described) holds the opinion
    ("Beaucoup considèrent que la réforme des retraites arrive bien trop tard.", []),
    ("Paul Arnaud considère que la réforme des retraites arrive bien trop tard.", [("indirect", "Paul Arnaud")]),
    # "ne … que" restricts: nothing is reported
    ("La nouvelle n'a été annoncée que dimanche soir par la mairie de Vienne.", []),
    # a subject with participles before a verb after a comma is not a clause reported by an incise
    ("Les travaux de l'équipe de Claire Dubois, publiés mardi dans une revue, concluent à un effet massif.", []),
    # a clause that is mostly a direct quote is reported as the direct quote only
    ("Tout va bien, « mais les ventes ont chuté de moitié depuis le mois de mars » en librairie, indique "
     "Paul Arnaud.", [("direct", "Paul Arnaud")]),
    # ", elle annonçait …" is an ordinary clause, not an incise
    ("Il y a deux semaines à peine, elle annonçait son départ du parti.", []),
    # a request needs a named holder too
    ("Les familles des victimes ont demandé que justice soit faite dans le calme.", []),
    ("Paul Arnaud a demandé que justice soit faite dans le calme.", [("indirect", "Paul Arnaud")]),
    # a cue in the subjunctive, after "comme", or before a comparison reports nothing
    ("On aurait voulu que Paul Arnaud dise que le pont est fermé depuis mars.", []),
    ("Le climat s'est tendu, comme en témoignent les émeutes de l'hiver que nous avons tous vues.", []),
    ("Ces îles relèvent du même régime douanier que la métropole depuis des années.", []),
], ids=["opinion-nobody", "opinion-named", "ne-que", "subject-not-clause", "mostly-quoted", "clitic-clause",
        "request-nobody", "request-named", "subjunctive", "comme", "comparison"])
def test_what_is_not_an_indirect_quote(nlp, paragraph, expected):
    assert _quotes(nlp, [paragraph]) == expected
