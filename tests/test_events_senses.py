"""Senses of event words that tell no event (issue 13, precision), each on an invented sentence,
with the event reading of the same word kept beside it (lexicons/events/sense_triggers.tsv and the
``plural=1`` / ``obj=`` constraints of the trigger tables)."""

from __future__ import annotations

import pytest

from events_support import code

NO_EVENT = [
    # wondering is no request
    ("Les électeurs de Montvert se demandent si le maire Paul Vidal tiendra parole.",
     [["Montvert", "LOC"], ["Paul Vidal", "PER"]], "REQUEST"),
    # appearing is no demonstration
    ("Selon le docteur Paul Vidal, les premiers symptômes se manifestent au bout de trois jours.",
     [["Paul Vidal", "PER"]], "PROTEST"),
    # stopping is no arrest
    ("L'aventure du club de Montvert s'arrête après dix ans.", [["Montvert", "LOC"]], "COERCE"),
    # idioms of defeat and self-harm
    ("Le parti Horizon Bleu s'est pris une claque aux élections de Montvert.",
     [["Horizon Bleu", "ORG"], ["Montvert", "LOC"]], "ACCUSE"),
    ("Avec cette réforme, le maire Paul Vidal se tire une balle dans le pied.", [["Paul Vidal", "PER"]], "ASSAULT"),
    # tackling a problem is no attack
    ("La ministre Léa Tamar veut s'attaquer à la racine du problème du logement.", [["Léa Tamar", "PER"]], "ASSAULT"),
    # an emotion that seizes people is no seizure
    ("La colère s'empare des habitants de Montvert.", [["Montvert", "LOC"]], "ASSAULT"),
    # a place struck by a flood is struck by nobody
    ("En mars, la vallée de Montvert a été frappée par des inondations.", [["Montvert", "LOC"]], "ASSAULT"),
    # a court's sentence is not coded
    ("Le gérant Paul Vidal a été condamné à deux ans de prison avec sursis.", [["Paul Vidal", "PER"]], None),
    # "à l'aide de" is "by means of", no aid
    ("Le président Paul Vidal a ouvert le coffre à l'aide d'un marteau.", [["Paul Vidal", "PER"]], "AID"),
    # a court's ruling is not coded
    ("Le tribunal de Montvert a rejeté la demande de la société Ombrel.", [["Montvert", "LOC"], ["Ombrel", "ORG"]],
     "REJECT"),
    # a cause ("le combat pour", "la violence" as a notion) is no fighting
    ("Le combat de l'association Aube pour l'égalité continue.", [["Aube", "ORG"]], "ASSAULT"),
    ("La violence est au cœur du roman de Léa Tamar.", [["Léa Tamar", "PER"]], "ASSAULT"),
    # a pole position or a fashion line signed is no agreement
    ("Le pilote Paul Vidal a signé la pole position à Montvert.", [["Paul Vidal", "PER"], ["Montvert", "LOC"]], "AGREE"),
    # dreading a match is no arrest
    ("L'entraîneur Paul Vidal appréhende le match de samedi.", [["Paul Vidal", "PER"]], "COERCE"),
    # a promise of something that is no act is no agreement
    ("Le présentateur Paul Vidal a promis une belle fin aux spectateurs.", [["Paul Vidal", "PER"]], "AGREE"),
    # a practice told as a habit, in the present
    ("Les riverains du collectif Aube se plaignent souvent du maire Paul Vidal.",
     [["Aube", "ORG"], ["Paul Vidal", "PER"]], None),
    ("Parfois, le maire Paul Vidal demande aux agents de contrôler les passants.", [["Paul Vidal", "PER"]], None),
    # a poll's figure
    ("Selon un sondage, 46 % des électeurs du parti Aube soutiennent le maire Paul Vidal.",
     [["Aube", "ORG"], ["Paul Vidal", "PER"]], None),
    # not wanting to be in a situation rejects nobody
    ("« Je ne veux pas me retrouver à la rue », confie Paul Vidal.", [["Paul Vidal", "PER"]], "REJECT"),
    # a feeling shown (a ``noobj=1`` verb with its patient) is no demonstration
    ("Le maire Paul Vidal a salué la solidarité manifestée par les habitants de Montvert.",
     [["Paul Vidal", "PER"], ["Montvert", "LOC"]], "PROTEST"),
    ("Son soutien a été manifesté par le député Paul Vidal dès lundi.", [["Paul Vidal", "PER"]], "PROTEST"),
    # feelings hurt by words, a mind struck by a fact: nobody is attacked
    ("La ministre Léa Tamar s'est sentie blessée par les propos du maire Paul Vidal.",
     [["Léa Tamar", "PER"], ["Paul Vidal", "PER"]], "ASSAULT"),
    ("On ne peut qu'être frappé par le fait que le maire Paul Vidal se taise.", [["Paul Vidal", "PER"]], "ASSAULT"),
    # a fall in a ranking is no retreat
    ("Le parti Horizon Bleu recule à la quatrième place des sondages à Montvert.",
     [["Horizon Bleu", "ORG"], ["Montvert", "LOC"]], "RETREAT"),
    # a present participle used as an adjective (after a copula, with an adverb of degree) is a quality
    ("Ce qui est frappant dans le discours du maire Paul Vidal, c'est sa colère.", [["Paul Vidal", "PER"]],
     "ASSAULT"),
]

EVENT = [
    ("Les combats ont repris à Port-Lune entre l'armée et les rebelles.", [["Port-Lune", "LOC"]], "ASSAULT"),
    ("Les violences ont fait trois morts à Port-Lune.", [["Port-Lune", "LOC"]], "ASSAULT"),
    ("Le président Paul Vidal a signé un accord de cessez-le-feu avec la ministre Léa Tamar.",
     [["Paul Vidal", "PER"], ["Léa Tamar", "PER"]], "AGREE"),
    ("Le député Paul Vidal a signé une pétition contre la fermeture de la maternité.", [["Paul Vidal", "PER"]],
     "REQUEST"),
    ("Le fugitif Paul Grimaud a été appréhendé à la frontière.", [["Paul Grimaud", "PER"]], "COERCE"),
    ("Le président Paul Vidal a promis de livrer des chars à la ministre Léa Tamar.",
     [["Paul Vidal", "PER"], ["Léa Tamar", "PER"]], "AID"),
    ("Le maire Paul Vidal a souvent critiqué la ministre Léa Tamar.", [["Paul Vidal", "PER"], ["Léa Tamar", "PER"]],
     "ACCUSE"),
    ("Le maire Paul Vidal a rejeté la demande du syndicat Forge.", [["Paul Vidal", "PER"], ["Forge", "ORG"]],
     "REJECT"),
    ("Quelque 64 % des membres du syndicat Forge se sont prononcés contre l'accord proposé par la société Ombrel.",
     [["Forge", "ORG"], ["Ombrel", "ORG"]], "REJECT"),
    ("Le parti Aube soutient le maire Paul Vidal.", [["Aube", "ORG"], ["Paul Vidal", "PER"]], "SUPPORT"),
    ("Deux hommes ont frappé un policier à Montvert.", [["Montvert", "LOC"]], "ASSAULT"),
    ("La ministre Léa Tamar a demandé au maire Paul Vidal de démissionner.",
     [["Léa Tamar", "PER"], ["Paul Vidal", "PER"]], "REQUEST"),
    ("Des centaines d'habitants manifestant contre le projet du maire Paul Vidal ont été dispersés.",
     [["Paul Vidal", "PER"]], "PROTEST"),
    ("Deux policiers ont été blessés par le suspect Paul Grimaud à Montvert.", [["Paul Grimaud", "PER"]], "ASSAULT"),
    ("Sous la pression de la rue, le maire Paul Vidal a reculé sur sa réforme.", [["Paul Vidal", "PER"]], "RETREAT"),
    ("Des militants frappant à coups de bâton le maire Paul Vidal ont été interpellés.", [["Paul Vidal", "PER"]],
     "ASSAULT"),
    ("Les enseignants du collège Aube ont manifesté mardi contre la ministre Léa Tamar.",
     [["Aube", "ORG"], ["Léa Tamar", "PER"]], "PROTEST"),
    ("Le ministre Paul Vidal condamne fermement l'attaque contre la mairie de Montvert.",
     [["Paul Vidal", "PER"], ["Montvert", "LOC"]], "ACCUSE"),
]


@pytest.mark.parametrize(("text", "entities", "etype"), NO_EVENT)
def test_a_sense_that_is_no_event(nlp, lex, text, entities, etype):
    events = code({"text": text, "entities": entities}, nlp, lex)
    found = [e.type for e in events]
    assert (found == []) if etype is None else etype not in found, found


@pytest.mark.parametrize(("text", "entities", "etype"), EVENT)
def test_the_event_reading_is_kept(nlp, lex, text, entities, etype):
    events = code({"text": text, "entities": entities}, nlp, lex)
    assert etype in [e.type for e in events], [(e.type, e.source, e.target) for e in events]


def test_sense_lines_are_typed_dash_and_carry_an_invented_example():
    from veille.common.lexicon import rows

    for row in rows("events/sense_triggers.tsv", min_columns=3):
        assert row[0] == "-" and len(row) >= 5 and row[4].endswith("."), row
