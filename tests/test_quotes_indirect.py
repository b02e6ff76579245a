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


def _texts(nlp, paragraph: str) -> list[tuple[str, str, str | None]]:
    art = Article(id="case", paragraphs=[paragraph])
    text = art.nlp_text()
    for name, kind in (("Claire Dubois", "PER"), ("Paul Arnaud", "PER"), ("Centre d'études de Lyon", "ORG")):
        if name in text:
            i = text.index(name)
            art.entities.append(Entity(name=name, type=kind, mentions=[name], spans=[[i, i + len(name)]]))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.kind, q.text, q.speaker) for q in art.quotes]


@pytest.mark.parametrize("paragraph, expected", [
    # a verb with no subject in its sentence and no speech verb over it reports nobody's words
    ("Paul Arnaud a obtenu un rendez-vous. « Je suis soulagé », dit-il. Il reçoit enfin une attestation. "
     "Un document lui confirmant que sa demande est en cours.", []),
    # a wish is no claim: "espérer que"
    ("Paul Arnaud espère que le pont de la rivière rouvrira avant l'été.", []),
    # a reflexive speech verb is a thought ("il se disait que …": hearsay nobody holds)
    ("À l'époque où il se disait que les femmes n'avaient rien à faire dans les vignes, Claire Dubois a "
     "repris le domaine familial.", []),
    # a report only wished for
    ("On aurait aimé qu'elles disent que le voile est un marqueur de domination.", []),
    # a stressed pronoun after the verb is no inverted subject: no incise
    ("Les résultats de l'équipe, publiés en mai, concluent eux aussi à un effet massif des mesures.", []),
], ids=["no-subject", "wish", "reflexive-thought", "wished-report", "stressed-pronoun"])
def test_wishes_and_thoughts_report_nothing(nlp, paragraph, expected):
    assert [q for q in _texts(nlp, paragraph) if q[0] == "indirect"] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # "Comme l'a rappelé X, <clause>": the main clause is what X said
    ("Comme l'a rappelé Claire Dubois lundi, la piscine municipale restera fermée tout l'été.",
     [("indirect", "la piscine municipale restera fermée tout l'été", "Claire Dubois")]),
    # a report inside a fronted "alors que" clause ends where the main clause starts
    ("Alors que dans un entretien au Progrès, ce lundi, Paul Arnaud avait affirmé qu'il était prêt à partir, "
     "il a rejeté cette idée dans l'après-midi.",
     [("indirect", "il était prêt à partir", "Paul Arnaud")]),
    # a newspaper's name in marks between the verb and "que"
    ("Paul Arnaud a affirmé dans « Le Progrès » que la ville allait fermer la piscine.",
     [("indirect", "la ville allait fermer la piscine", "Paul Arnaud")]),
    # a date between an inverted verb and its subject
    ("Le marin disparu au large de Brest a été retrouvé sain et sauf, a indiqué dimanche 7 octobre 2024 "
     "Paul Arnaud.",
     [("indirect", "Le marin disparu au large de Brest a été retrouvé sain et sauf", "Paul Arnaud")]),
    # a verb form the tagger reads as a noun ("note") before "que"
    ("Dans son dernier rapport, le Centre d'études de Lyon (CEL) note que les prix ont doublé en un an.",
     [("indirect", "les prix ont doublé en un an", "Centre d'études de Lyon")]),
    # ... also with its acronym in brackets between the subject and the verb
    ("Le Centre d'études de Lyon (CEL) note que les loyers ont doublé en un an.",
     [("indirect", "les loyers ont doublé en un an", "Centre d'études de Lyon")]),
    # a clause quoted whole, an apposition after it: the direct quote only
    ("Paul Arnaud estime que « la ville mérite mieux que ce budget », la formule de son adversaire.", []),
    # ... but a quoted subject with a verb outside the marks is a report
    ("Paul Arnaud affirme que « la gauche dite radicale » reprendrait les idées de ses rivaux.",
     [("indirect", "« la gauche dite radicale » reprendrait les idées de ses rivaux", "Paul Arnaud")]),
    # "devoir" passes the speech verb on ("ont dû rappeler que")
    ("Les services de la mairie ont dû rappeler que la baignade est interdite dans le canal.",
     [("indirect", "la baignade est interdite dans le canal", None)]),
    # a comparison's "que" opens no relative clause: the clause before the incise is one
    ("Plus de femmes que d'hommes visitent la galerie, constate Paul Arnaud.",
     [("indirect", "Plus de femmes que d'hommes visitent la galerie", "Paul Arnaud")]),
], ids=["comme-l-a-dit", "fronted-alors-que", "title-in-marks", "date-before-inverted-subject", "note-as-noun",
        "acronym-in-brackets", "quoted-whole", "quoted-subject", "modal-devoir", "comparison-que"])
def test_constructions_of_reported_speech(nlp, paragraph, expected):
    assert [q for q in _texts(nlp, paragraph) if q[0] == "indirect"] == expected


@pytest.mark.parametrize("paragraph, expected", [
    # an incise right after a quoted sentence attributes the quote, not the clause before it
    ("Les lunettes de course ont beaucoup changé ces dernières années : « Moi, je préfère toujours courir "
     "avec les miennes », explique Paul Arnaud.", []),
    # the reported clause starts after the comma that follows "que"
    ("Paul Arnaud souligne que, malgré la neige, la ligne de bus restera ouverte tout l'hiver.",
     [("indirect", "malgré la neige, la ligne de bus restera ouverte tout l'hiver", "Paul Arnaud")]),
    # a noun phrase after the verb is its object: the "que" after it opens a relative clause
    ("Claire Dubois raconte l'hiver difficile que son voisin lui a fait vivre dans l'immeuble.", []),
    # ... but a time phrase there is no object
    ("Paul Arnaud a annoncé ce lundi que la piscine municipale fermera en juillet.",
     [("indirect", "la piscine municipale fermera en juillet", "Paul Arnaud")]),
    # ... and "le fait que" takes the reported clause
    ("Paul Arnaud déplore le fait que les écoles du quartier ferment trop tôt.",
     [("indirect", "les écoles du quartier ferment trop tôt", "Paul Arnaud")]),
    # a comparison's "que" is skipped; the tagger's first person on "estime" yields to a named subject
    ("Paul Arnaud estime, plus que jamais, que la piscine municipale doit rester ouverte.",
     [("indirect", "la piscine municipale doit rester ouverte", "Paul Arnaud")]),
    # the writer's (or the reader's) voice quotes nobody
    ("Je veux juste signaler que la piscine municipale est fermée le lundi.", []),
    ("Vous devez vous assurer que votre vélo est bien attaché.", []),
    ("J'ai dit que la piscine municipale était fermée le lundi.", []),
    # ", alors que" ends the reported clause: the writer's contrast
    ("Paul Arnaud a déclaré que la piscine rouvrira lundi, alors que les travaux ne sont pas terminés.",
     [("indirect", "la piscine rouvrira lundi", "Paul Arnaud")]),
    # ... unless the clause has no verb yet
    ("Claire Dubois a révélé qu'en 2008, alors qu'elle vivait à Lyon, son voisin l'avait menacée.",
     [("indirect", "en 2008, alors qu'elle vivait à Lyon, son voisin l'avait menacée", "Claire Dubois")]),
    # a report inside a fronted "si" or "bien que" clause ends at the comma after its verb
    ("Si Paul Arnaud considère que la réforme est juste, Claire Dubois la juge dangereuse.",
     [("indirect", "la réforme est juste", "Paul Arnaud")]),
    ("Bien que Paul Arnaud affirme que la piscine fermera, les travaux continuent.",
     [("indirect", "la piscine fermera", "Paul Arnaud")]),
    # a question about what was said reports nothing
    ("Paul Arnaud a-t-il dit que la piscine municipale fermera en juillet ?", []),
    # an impersonal passive names nobody, whoever was named before
    ("Paul Arnaud est arrivé hier. Il a été annoncé que la piscine municipale fermera en juillet.",
     [("indirect", "la piscine municipale fermera en juillet", None)]),
    # a reported clause never runs into the next sentence (the parser may join it to a quote after it)
    ("Paul Arnaud estime que les livres proposés racontent une histoire qui leur est étrangère. « En "
     "général, les livres qu'on nous propose à l'école ne traduisent pas notre réalité », dit-il.",
     [("indirect", "les livres proposés racontent une histoire qui leur est étrangère", "Paul Arnaud")]),
    # ... but "M." is no sentence end
    ("Paul Arnaud a dit que M. Dubois viendra lundi à Lyon.",
     [("indirect", "M. Dubois viendra lundi à Lyon", "Paul Arnaud")]),
    # a report inside a relative clause ends where the main verb resumes
    ("Le fils d'une fidèle, qui prétendait que les dons de sa mère avaient ruiné sa famille, a attiré "
     "l'attention des juges.", [("indirect", "les dons de sa mère avaient ruiné sa famille", None)]),
    # verbs of reported speech that take a "que" clause
    ("Paul Arnaud maintient que la piscine municipale fermera en juillet.",
     [("indirect", "la piscine municipale fermera en juillet", "Paul Arnaud")]),
    ("Claire Dubois concède que les travaux de la piscine ont pris du retard.",
     [("indirect", "les travaux de la piscine ont pris du retard", "Claire Dubois")]),
], ids=["incise-after-quote", "comma-after-que", "object-relative", "time-phrase", "le-fait-que",
        "plus-que-jamais", "writer-modal", "reader-reflexive", "writer-auxiliary", "alors-que-breaks",
        "alors-que-before-verb", "fronted-si", "fronted-bien-que", "question", "impersonal-passive",
        "full-stop", "abbreviation", "relative-then-main-verb", "maintenir", "conceder"])
def test_extent_and_voice_of_reported_clauses(nlp, paragraph, expected):
    assert [q for q in _texts(nlp, paragraph) if q[0] == "indirect"] == expected
