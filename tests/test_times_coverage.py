"""Times: the kinds the issue 12 coverage audit (helper times13) found uncovered on several sites.

Cue words of time (parts of the day, feasts, recurrences) were scanned over the readable dev text
(TimeBank dev, the corpus dev bodies and pages, the outside dev pages); each case below is one kind
seen on three sites or more, or the missing member of a vocabulary whose kind is. Sentences and
people are invented.
"""

from __future__ import annotations

from times_helpers import found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY).


def test_the_new_year_night_is_the_night_of_31_december(time_stage, nlp):
    got = found(time_stage, nlp, "La nuit du Nouvel-An, les gendarmes de Lure ont contrôlé Noé Brun.", "2025-01-03")
    assert got == {"La nuit du Nouvel-An": ("TIME", "2024-12-31TNI")}
    got = found(time_stage, nlp, "Au cours de la nuit du jour de l'an, la grange d'Aline Roux a brûlé.", "2025-01-02")
    assert got["la nuit du jour de l'an"] == ("TIME", "2024-12-31TNI")
    # An article dated to the month, months after: the night before that year's 1 January.
    got = found(time_stage, nlp, "Pendant la nuit du jour de l'an, des voitures ont brûlé à Dole.", "2025-10")
    assert got["la nuit du jour de l'an"] == ("TIME", "2024-12-31TNI")
    got = found(time_stage, nlp, "La nuit du Nouvel An sera fraîche à Gray, selon Aline Roux.", "2025-12-20")
    assert got["La nuit du Nouvel An"] == ("TIME", "2025-12-31TNI")
    # The morning of the feast stays on its own day (part_of_holiday).
    got = found(time_stage, nlp, "Le matin du Nouvel An, Noé Brun a nagé dans le lac de Lure.", "2025-01-03")
    assert got["Le matin du Nouvel An"] == ("TIME", "2025-01-01TMO")


def test_meal_hours_are_times_of_day(time_stage, nlp):
    got = found(time_stage, nlp, "Hier, Noé Brun est rentré à Gray à l'heure du dîner.")
    assert got["l'heure du dîner"] == ("TIME", "2025-06-17TEV")
    got = found(time_stage, nlp, "Hier, la boulangerie d'Aline Roux a fermé à l'heure du déjeuner.")
    assert got["l'heure du déjeuner"] == ("TIME", "2025-06-17TMI")
    # A habit, or an infinitive: any day, as the team's gold writes it.
    got = found(time_stage, nlp, "Il est rare de croiser Noé Brun dans les rues de Lure à l'heure du déjeuner.")
    assert got["l'heure du déjeuner"] == ("TIME", "XXXX-XX-XXTMI")
    got = found(time_stage, nlp, "Le 3 juin, Aline Roux a rouvert; elle ferme à l'heure du dîner.")
    assert got["l'heure du dîner"] == ("TIME", "XXXX-XX-XXTEV")
    # Not a time when the hour is a thing one has.
    assert found(time_stage, nlp, "Aline Roux a l'heure du déjeuner pour réfléchir.") == {}


def test_every_afternoon_and_the_start_of_the_day(time_stage, nlp):
    assert found(time_stage, nlp, "Noé Brun répare des vélos tous les après-midi.") == {
        "tous les après-midi": ("SET", "XXXX-XX-XXTAF")}
    assert found(time_stage, nlp, "Aline Roux tient la mairie de Lure chaque après-midi.") == {
        "chaque après-midi": ("SET", "XXXX-XX-XXTAF")}
    got = found(time_stage, nlp, "Hier, la course de Noé Brun s'est animée en début de journée.")
    assert got["début de journée"] == ("TIME", "2025-06-17TMO")
