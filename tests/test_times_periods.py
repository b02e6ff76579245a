"""Spans anchored on a named day, bare day numbers, vague shifts, centuries in words, habits of a
part of the day and city clocks (``veille.times.periods``). Every sentence is invented."""

from __future__ import annotations

from veille.model import Article
from veille.times.periods import _eu_summer, _us_summer

# 2024-03-14 is a Thursday; 2024-03-18 a Monday.
THURSDAY = "2024-03-14"
MONDAY = "2024-03-18"


def times(time_stage, nlp, text: str, dct: str = THURSDAY) -> list[tuple[str, str, str | None]]:
    art = Article(id="t", paragraphs=[text], published=dct)
    time_stage(art, nlp(art.nlp_text()), None)
    return [(t.text, t.type, t.value) for t in art.times]


def test_the_week_end_of_two_named_days_is_one_date_not_a_set(time_stage, nlp):
    got = times(time_stage, nlp, "La brocante de Lise Caron aura lieu le week-end des 22 et 23 juin.")
    assert got == [("le week-end des 22 et 23 juin", "DATE", "2024-W25-WE")]


def test_a_pair_of_weekdays_with_a_plural_dernier_or_prochain(time_stage, nlp):
    got = times(time_stage, nlp, "Les salariés de Paul Morel ont débrayé mardi et mercredi derniers.", MONDAY)
    assert got == [("mardi", "DATE", "2024-03-12"), ("mercredi derniers", "DATE", "2024-03-13")]
    got = times(time_stage, nlp, "La foire de Gray se tiendra jeudi et vendredi prochains.", MONDAY)
    assert got == [("jeudi", "DATE", "2024-03-21"), ("vendredi prochains", "DATE", "2024-03-22")]


def test_a_vague_shift_is_a_vague_duration(time_stage, nlp):
    # "plus tard": the signal of a DURATION (issue 12, times20), as "il y a [quelques jours]".
    got = times(time_stage, nlp, "Rémi Favre a signé le 3 mars. Quelques jours plus tard, il a quitté Dole.")
    assert ("Quelques jours", "DURATION", "PXD") in got
    got = times(time_stage, nlp, "Le garage de Léa Roy fermera en juin; quelques semaines plus tard, il sera vendu.")
    assert ("quelques semaines", "DURATION", "PXW") in got


def test_a_century_in_words(time_stage, nlp):
    got = times(time_stage, nlp, "La ferme de Paul Brun date du dix-septième siècle; sa grange, du vingtième siècle.")
    assert got == [("dix-septième siècle", "DATE", "16"), ("vingtième siècle", "DATE", "19")]
    assert times(time_stage, nlp, "Le pont de Lure a été bâti au onzième siècle.") == [("onzième siècle", "DATE", "10")]


def test_the_eve_and_the_day_after_a_named_date(time_stage, nlp):
    got = times(time_stage, nlp, "La veille du 8 mai, Anne Roux a fleuri le monument.", "2024-05-20")
    assert got == [("La veille du 8 mai", "DATE", "2024-05-07")]
    got = times(time_stage, nlp, "Le lendemain du 2 mars, le club de Léo Rigal a licencié son entraîneur.")
    assert got == [("Le lendemain du 2 mars", "DATE", "2024-03-03")]


def test_a_bare_day_number_is_in_the_article_month_or_the_next(time_stage, nlp):
    assert times(time_stage, nlp, "Le musée de Rémi Vallet reste ouvert jusqu'au 20.") == [("20", "DATE", "2024-03-20")]
    assert times(time_stage, nlp, "Le musée de Rémi Vallet reste ouvert jusqu'au 2.") == [("2", "DATE", "2024-04-02")]
    assert times(time_stage, nlp, "Les inscriptions de Léa Roy sont closes depuis le 10.") == [("le 10", "DATE", "2024-03-10")]
    got = times(time_stage, nlp, "Le conseil de Paul Roy se réunira le 28 à 20 h 30.")
    assert got[0] == ("le 28", "DATE", "2024-03-28")
    # Not a day: a score, a count.
    assert times(time_stage, nlp, "Le club de Gray a gagné 3 à 1.") == []


def test_a_part_of_the_day_in_a_habit_has_no_day(time_stage, nlp):
    got = times(time_stage, nlp, "Le maire de Lure reçoit le matin et visite les chantiers le soir.")
    assert got == [("le matin", "TIME", "TMO"), ("le soir", "TIME", "TEV")]
    got = times(time_stage, nlp, "Le corps a été découvert le matin par un voisin de Paul Roy.")
    assert got == [("le matin", "TIME", "2024-03-14TMO")]


def test_a_clock_time_of_a_city_carries_its_offset(time_stage, nlp):
    got = times(time_stage, nlp, "Le sommet s'ouvrira à 10 heures (16 heures à Pékin).")
    assert ("16 heures à Pékin", "TIME", "2024-03-14T16:00+08") in got
    got = times(time_stage, nlp, "La fusée décollera à 9 h 30 heure de New York.", "2024-07-02")
    assert got == [("9 h 30 heure de New York", "TIME", "2024-07-02T09:30-04")]
    got = times(time_stage, nlp, "La fusée décollera à 9 h 30 heure de New York.", "2024-01-10")
    assert got == [("9 h 30 heure de New York", "TIME", "2024-01-10T09:30-05")]


def test_summer_time_rules():
    import datetime as dt

    assert _eu_summer(dt.date(2024, 3, 31)) and not _eu_summer(dt.date(2024, 3, 30))
    assert _us_summer(dt.date(2024, 3, 10)) and not _us_summer(dt.date(2024, 3, 9))
    assert _us_summer(dt.date(2002, 4, 7)) and not _us_summer(dt.date(2002, 4, 6))


def test_a_local_clock_time_takes_its_offset_from_the_french_time_or_the_place(time_stage, nlp):
    got = times(time_stage, nlp, "Le car de Léa Roy est parti à 9 h heure locale (7 h en France).", "2024-01-10")
    assert ("9 h heure locale", "TIME", "2024-01-10T09:00+03") in got
    got = times(time_stage, nlp, "Paul Roy est à Tokyo. Son avion s'y est posé à 18 h heure locale.", "2024-01-10")
    assert ("18 h heure locale", "TIME", "2024-01-10T18:00+09") in got
    # No place, no French time: no offset.
    got = times(time_stage, nlp, "L'avion de Paul Roy s'est posé à 18 h heure locale.", "2024-01-10")
    assert got == [("18 h heure locale", "TIME", "2024-01-10T18:00")]


def test_a_weekday_range_is_a_recurrence_only_in_a_present_habit(time_stage, nlp):
    got = times(time_stage, nlp, "La mairie de Lure est ouverte du lundi au vendredi.")
    assert got == [("lundi", "SET", "XXXX-WXX-1"), ("vendredi", "SET", "XXXX-WXX-5")]
    got = times(time_stage, nlp, "La foire de Paul Roy aura lieu du jeudi au dimanche.")
    assert [kind for _, kind, _ in got] == ["DATE", "DATE"]
    got = times(time_stage, nlp, "Le club de Léa Roy s'entraîne le deuxième mardi de chaque mois.")
    assert ("le deuxième mardi", "SET", "XXXX-WXX-2") in got
