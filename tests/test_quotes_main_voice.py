"""A page with one main voice gives it the direct quotes no rule gave to anyone
(``veille.quotes.main_voice``), issue 16. Invented sentences and people only."""

from __future__ import annotations

from quotes_support import quotes_found

OPENING = "« Ici, le temps ne compte pas comme en ville. »"
PORTRAIT = [
    "La commune de Saint-Aubin compte moins de trois cents habitants, pour la plupart retraités.",
    "Paul Arnaud a repris la ferme de ses parents en 2009, au bord de la Loire.",
    "« Au début, je ne savais même pas conduire un tracteur », raconte Paul Arnaud.",
    "« Il a fallu tout apprendre, les sols, les saisons, les bêtes », poursuit-il.",
    "« Mes voisins m'ont beaucoup aidé les premières années », ajoute Paul Arnaud.",
    "La mairie a lancé un marché couvert le samedi matin.",
    "« Le plus dur, c'est l'hiver », reconnaît Paul Arnaud.",
    "« Mais je ne regrette rien », assure-t-il.",
]
PEOPLE = {"Paul Arnaud": "PER"}


def _first(got):
    return next((speaker, rule) for kind, text, speaker, rule in got if text.startswith("Ici"))


def test_a_quote_no_rule_gives_anyone_is_the_main_voices(nlp):
    got = quotes_found(nlp, [OPENING] + PORTRAIT, PEOPLE)
    assert _first(got) == ("Paul Arnaud", "main_voice")
    assert sum(speaker == "Paul Arnaud" for _, _, speaker, _ in got) == len(got)


def test_a_page_with_few_quotes_has_no_main_voice(nlp):
    got = quotes_found(nlp, [OPENING] + PORTRAIT[:5], PEOPLE)
    assert _first(got)[0] is None


def test_an_unnamed_source_stays_nobody(nlp):
    got = quotes_found(nlp, PORTRAIT + ["« On le voit partir avant l'aube », raconte une voisine."], PEOPLE)
    last = [q for q in got if q[1].startswith("On le voit")]
    assert last and last[0][2] is None


def test_a_second_voice_under_three_in_four_leaves_the_quote_with_nobody(nlp):
    other = ["« La ferme a toujours nourri le village », estime Claire Dubois.",
             "« Sans elle, nous serions partis », assure Claire Dubois."]
    got = quotes_found(nlp, [OPENING] + PORTRAIT + other, {**PEOPLE, "Claire Dubois": "PER"})
    assert _first(got)[0] is None
