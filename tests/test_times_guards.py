"""TimeML durations, sets and present/past/future references: each phenomenon on an invented sentence.

The rules of ``lexicons/times/rules/{duration,set,reference}.tsv`` and the parse guards of
``veille.times.guards``; every rule with a parse guard is exercised here, since the rule-file test
cannot run a guard without the parse.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veille.model import Article
from veille.times.guards import PARSE_GUARDS
from veille.times.resolve import Reference
from veille.times.rules import engine
from veille.times.values import Anchors, fill

# 2023-05-16 is a Tuesday.
TUESDAY = "2023-05-16"


def times(time_stage, nlp, text: str) -> list[tuple[str, str, str | None]]:
    art = Article(id="t", paragraphs=[text], published=TUESDAY)
    time_stage(art, nlp(art.nlp_text()), None)
    return [(t.text, t.type, t.value) for t in art.times]


def test_every_parse_guard_is_used_by_a_rule_and_known():
    used = {g for r in engine().rules for g in r.guard.split(",") if g in PARSE_GUARDS}
    assert used == set(PARSE_GUARDS)


def test_a_weekday_with_le_is_a_recurrence(time_stage, nlp):
    got = times(time_stage, nlp, "La médiathèque de Lure sera fermée en juillet et rouvrira en août, "
                "uniquement le mercredi.")
    assert ("le mercredi", "SET", "XXXX-WXX-3") in got


def test_a_weekday_with_le_and_a_part_of_the_day(time_stage, nlp):
    got = times(time_stage, nlp, "Le marché bio de Gray avait lieu le samedi matin.")
    assert ("le samedi matin", "SET", "XXXX-WXX-6TMO") in got


def test_a_weekday_with_le_in_a_completed_past_is_one_day(time_stage, nlp):
    got = times(time_stage, nlp, "Le berger Noël Vautrin est arrivé le mardi et reparti le mercredi.")
    assert not any(kind == "SET" for _, kind, _ in got)
    assert ("mardi", "DATE", "2023-05-16") in got


def test_a_dated_weekday_with_le_stays_a_date(time_stage, nlp):
    got = times(time_stage, nlp, "La foire de Vesoul ouvrira le mercredi 24 mai.")
    assert not any(kind == "SET" for _, kind, _ in got)


def test_the_weekend_as_a_recurrence(time_stage, nlp):
    got = times(time_stage, nlp, "Le musée de Dole ferme le week-end.")
    assert got == [("le week-end", "SET", "XXXX-WXX-WE")]


def test_per_unit_is_a_set_without_its_preposition(time_stage, nlp):
    got = times(time_stage, nlp, "La ferme de Jules Terrier produit 300 litres de lait par jour.")
    assert got == [("jour", "SET", "P1D")]


def test_the_daily_press_is_not_a_recurrence(time_stage, nlp):
    got = times(time_stage, nlp, "Les ventes de la presse quotidienne baissent, comme celles des principaux "
                "quotidiens nationaux.")
    assert got == []


def test_a_periodic_adjective_on_a_noun(time_stage, nlp):
    got = times(time_stage, nlp, "Les patrouilles sont le lot quotidien des gendarmes de Lure.")
    assert got == [("quotidien", "SET", "P1D")]


def test_des_heures_contracted_or_qualified_is_not_a_duration(time_stage, nlp):
    assert times(time_stage, nlp, "Le centre accueille les enfants en dehors des heures scolaires.") == []
    got = times(time_stage, nlp, "La famille Ravel a attendu les secours pendant des heures.")
    assert got == [("des heures", "DURATION", "PTXH")]


def test_approximate_amounts(time_stage, nlp):
    got = times(time_stage, nlp, "Le village attend l'eau depuis une dizaine de jours; la ferme est vide depuis "
                "une vingtaine d'années, et le conflit dure depuis des dizaines d'années.")
    assert ("une dizaine de jours", "DURATION", "P10D") in got
    assert ("une vingtaine d'années", "DURATION", "P20Y") in got
    assert ("des dizaines d'années", "DURATION", "PXY") in got


def test_an_approximate_age_is_not_a_duration(time_stage, nlp):
    assert times(time_stage, nlp, "Un homme d'une quarantaine d'années a été interpellé à Lure.") == []


def test_a_prison_sentence_is_a_duration_an_age_is_not(time_stage, nlp):
    got = times(time_stage, nlp, "Le tribunal a infligé à Marc Tissot une peine de 10 ans; son complice, un "
                "homme de 45 ans, a eu 15 ans de réclusion.")
    assert [t for t in got if t[1] == "DURATION"] == [("10 ans", "DURATION", "P10Y"),
                                                      ("15 ans", "DURATION", "P15Y")]


def test_each_occurrence_of_a_duration_is_its_own_expression(time_stage, nlp):
    art = Article(id="t", paragraphs=["Le plan porte sur dix ans. Les économies, sur dix ans, iront à "
                                      "l'école; désormais le maire décide, et désormais seul."],
                  published=TUESDAY)
    time_stage(art, nlp(art.nlp_text()), None)
    texts = [t.text for t in art.times]
    assert texts.count("dix ans") == 2 and texts.count("désormais") == 2


def test_a_date_named_twice_is_one_entry(time_stage, nlp):
    art = Article(id="t", paragraphs=["Le 3 mai, Luc Arnaud a signé. Le 3 mai, il était à Lyon."],
                  published=TUESDAY)
    time_stage(art, nlp(art.nlp_text()), None)
    assert [t.text.lower() for t in art.times] == ["le 3 mai"]
    assert len(art.times[0].spans) == 2


def test_future_and_past_adjectives_on_a_noun(time_stage, nlp):
    got = times(time_stage, nlp, "Les prochaines élections de Lure auront lieu au printemps; le précédent "
                "maire, Paul Ravel, avait fermé l'école.")
    assert ("prochaines", "TIME", "FUTURE_REF") in got
    assert ("précédent", "TIME", "PAST_REF") in got


def test_precedent_as_a_noun_and_prochain_in_a_date(time_stage, nlp):
    got = times(time_stage, nlp, "Une crise sans précédent frappe Lure; le vote aura lieu en juin prochain, "
                "et le mois précédent sera calme.")
    assert not any(v in ("PAST_REF", "FUTURE_REF") for _, _, v in got)


def test_d_ici_stays_part_of_its_date(time_stage, nlp):
    # TimeBank marks the "ici" of "d'ici" PRESENT_REF; the team's gold keeps "d'ici à 2030" one date,
    # and a second time inside it would take that date's place.
    got = times(time_stage, nlp, "Le chantier de la rocade de Gray sera fini d'ici à 2030.")
    assert not any(v == "PRESENT_REF" for _, _, v in got)


def test_an_era_without_its_preposition(time_stage, nlp):
    assert times(time_stage, nlp, "La chapelle remonte à l'époque gallo-romaine.") == [
        ("l'époque gallo-romaine", "TIME", "PAST_REF")]
    assert times(time_stage, nlp, "À l'époque, le village comptait deux écoles.") == [("l'époque", "TIME", "PAST_REF")]


def test_l_avenir_as_an_adverbial_not_as_an_object(time_stage, nlp):
    # The preposition is left out of the extent, as TimeML does ("à l'avenir" -> "l'avenir").
    assert ("l'avenir", "TIME", "FUTURE_REF") in times(time_stage, nlp, "Le club devra à l'avenir mieux former "
                                                                      "ses jeunes.")
    assert times(time_stage, nlp, "Les habitants de Gray sont optimistes en pensant à l'avenir.") == []


def test_recent_past_adverbs(time_stage, nlp):
    got = times(time_stage, nlp, "Dernièrement, le club de Lure a perdu; ces derniers temps, les ventes baissent.")
    assert ("Dernièrement", "TIME", "PAST_REF") in got
    assert ("ces derniers temps", "TIME", "PAST_REF") in got


APPROX = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "centaine": 100}
UNITS = {"jours": "D", "semaines": "W", "mois": "M", "années": "Y"}


@given(st.sampled_from(sorted(APPROX)), st.sampled_from(sorted(UNITS)))
def test_approximate_amount_values(word, unit):
    eng = engine()
    text = f"Le chantier a duré une {word} {'d' + chr(39) if unit[0] in 'aeiouy' else 'de '}{unit}."
    found = [rm for rm in eng.find(text) if rm.rule.name == "approx_amount_unit"]
    assert len(found) == 1
    assert fill(eng, found[0], Anchors(Reference(2023, 5, 16))) == f"P{APPROX[word]}{UNITS[unit]}"


def test_a_range_of_durations_gives_its_low_end_too(time_stage, nlp):
    got = times(time_stage, nlp, "Les travaux de la rue Pasteur dureront deux ou trois jours.")
    assert got == [("deux", "DURATION", "P2D"), ("trois jours", "DURATION", "P3D")]


def test_a_range_of_ages_is_not_a_duration(time_stage, nlp):
    assert times(time_stage, nlp, "Le centre de Lure accueille les 6-16 ans, et les jeunes de 18 à 25 ans.") == []
    assert times(time_stage, nlp, "Les enfants de Jeanne Morel ont entre 6 et 12 ans.") == []
    got = times(time_stage, nlp, "Le chantier de Jeanne Morel durera entre deux et trois ans.")
    assert ("trois ans", "DURATION", "P3Y") in got


def test_round_the_clock(time_stage, nlp):
    got = times(time_stage, nlp, "La station de Gray est ouverte 24 heures sur 24 et 7 jours sur 7.")
    assert got == [("24 heures sur 24", "DURATION", "PT24H"), ("7 jours sur 7", "DURATION", "P7D")]


def test_a_duration_written_as_a_clock(time_stage, nlp):
    got = times(time_stage, nlp, "Léon Brunet a bouclé le marathon de Metz en 2 h 15 min.")
    assert got == [("2 h 15 min", "DURATION", "PT2H15M")]
    assert times(time_stage, nlp, "La séance de 20 h a été annulée.")[0][1] == "TIME"


def test_recurring_weekday_with_a_part_of_the_day(time_stage, nlp):
    got = times(time_stage, nlp, "Le marché de Vesoul a lieu tous les lundis matin.")
    assert got == [("tous les lundis matin", "SET", "XXXX-WXX-1TMO")]


def test_recent_on_a_noun_and_right_away(time_stage, nlp):
    got = times(time_stage, nlp, "Les récentes crues ont coupé la route; le maire Guy Perrot veut agir tout de suite.")
    assert ("récentes", "TIME", "PAST_REF") in got
    assert ("tout de suite", "TIME", "PRESENT_REF") in got


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=1, max_value=59))
def test_clock_written_durations(hours, minutes):
    eng = engine()
    text = f"Le coureur a fini en {hours} h {minutes:02d}."
    found = [rm for rm in eng.find(text) if rm.rule.name == "clock_duration"]
    value = fill(eng, found[0], Anchors(Reference(2023, 5, 16)))
    assert value == (f"PT{hours}H{minutes}M" if hours else f"PT{minutes}M")


def test_capital_a_without_its_accent(time_stage, nlp):
    # Older French print writes a capital "A" for "À": "A présent", "A l'époque".
    got = times(time_stage, nlp, "A présent, le club de Lure joue en national. A l'époque, il comptait deux "
                "équipes. A l'avenir, il formera ses jeunes.")
    assert ("A présent", "TIME", "PRESENT_REF") in got
    assert ("l'époque", "TIME", "PAST_REF") in got
    assert ("l'avenir", "TIME", "FUTURE_REF") in got
    assert times(time_stage, nlp, "Le maire Yves Roux a présenté son projet; il a l'avenir devant lui.") == []


def test_hours_beyond_a_day_are_a_duration(time_stage, nlp):
    got = times(time_stage, nlp, "La garde à vue de Lucien Favre, de 48 h, a été prolongée.")
    assert got == [("48 h", "DURATION", "PT48H")]


def test_the_last_years_ordinal_weekdays_and_times_a_year(time_stage, nlp):
    got = times(time_stage, nlp, "Au cours des dernières années, la foire de Gray s'est tenue chaque premier "
                "dimanche du mois, et le comité se réunit deux fois l'an.")
    assert ("des dernières années", "DURATION", "PXY") in got
    assert ("chaque premier dimanche", "SET", "XXXX-WXX-7") in got
    assert ("deux fois l'an", "SET", "P1Y") in got


def test_seconde_as_an_ordinal_is_not_a_duration(time_stage, nlp):
    assert times(time_stage, nlp, "La faculté de Gray ouvrira une seconde session; puis une seconde fois, "
                 "Marc Dunand a fui.") == []
    assert times(time_stage, nlp, "Léa Girard a été battue d'une seconde.") == [("une seconde", "DURATION", "PT1S")]


def test_daily_life_is_not_a_recurrence(time_stage, nlp):
    assert times(time_stage, nlp, "La vie quotidienne des habitants de Lure a changé.") == []


def test_ages_in_words_with_avoir_and_at_the_head_of_a_clause(time_stage, nlp):
    assert times(time_stage, nlp, "Une fillette de huit ans a été secourue à Gray.") == []
    assert times(time_stage, nlp, "A 30 ans, Paul Ravel a fondé sa société; il avait alors deux enfants.") == []
    assert times(time_stage, nlp, "Quand Inès Caron est partie, elle avait 20 ans.") == []


def test_years_in_words_after_a_period_noun_stay_durations(time_stage, nlp):
    got = times(time_stage, nlp, "Au bout de trois ans, le chantier de Gray a fini; au terme de deux ans de "
                "tractations, un stage de six ans a été créé.")
    assert [t for t in got if t[1] == "DURATION"] == [("trois ans", "DURATION", "P3Y"),
                                                      ("deux ans", "DURATION", "P2Y"),
                                                      ("six ans", "DURATION", "P6Y")]


def test_the_coming_months(time_stage, nlp):
    got = times(time_stage, nlp, "Le stade de Lure sera rénové dans les mois à venir.")
    assert got == [("les mois à venir", "DURATION", "PXM")]


def test_more_reference_adverbs(time_stage, nlp):
    got = times(time_stage, nlp, "Jusqu'alors, le village de Gray était calme; dans l'immédiat, rien ne change, "
                "et le maire Henri Sauvage tranchera ultérieurement.")
    assert ("Jusqu'alors", "TIME", "PAST_REF") in got
    assert ("dans l'immédiat", "TIME", "PRESENT_REF") in got
    assert ("ultérieurement", "TIME", "FUTURE_REF") in got


def test_aujourd_hui_describing_a_noun_is_the_present(time_stage, nlp):
    # "aujourd'hui" on an apposed adjective or participle tells how things are now (PRESENT_REF).
    got = times(time_stage, nlp, "Léon Marty, aujourd'hui âgé de 70 ans, vit à Gray. La filature, aujourd'hui "
                "disparue, employait 300 ouvriers.")
    assert [t for t in got if t[0] == "aujourd'hui"] == [("aujourd'hui", "TIME", "PRESENT_REF")] * 2
    # On the verb of an event it is the article's day.
    assert times(time_stage, nlp, "Le maire Rémi Caron est aujourd'hui attendu à Vesoul.") == [
        ("aujourd'hui", "DATE", TUESDAY)]
    # A participle of a scheduled event keeps the day.
    assert ("aujourd'hui", "DATE", TUESDAY) in times(time_stage, nlp, "La réunion de Rémi Caron, aujourd'hui prévue "
                                                                "à Vesoul, est publique.")


def test_a_sentence_opening_part_of_the_day_of_one_event(time_stage, nlp):
    got = times(time_stage, nlp, "Le 3 mai, Inès Morel est arrivée à Gray. Le soir, elle a dîné chez Paul Brun.")
    assert ("Le soir", "TIME", "2023-05-03TEV") in got
    # A habit is no day's evening: the part of the day alone, as TimeML marks a generic time (TEV).
    assert times(time_stage, nlp, "Le soir, les rues de Gray sont désertes.") == [("Le soir", "TIME", "TEV")]
    assert times(time_stage, nlp, "Dans la soirée, les bars du port de Sète se remplissent.") == [("la soirée", "TIME", "TEV")]
    # A present after a named day tells of that day.
    got = times(time_stage, nlp, "Le 3 mai, Inès Morel arrive à Gray. Le soir, elle dîne chez Paul Brun.")
    assert ("Le soir", "TIME", "2023-05-03TEV") in got


def test_a_passive_present_is_a_habit_a_verb_taking_etre_one_event(time_stage, nlp):
    got = times(time_stage, nlp, "Le bulletin de Lucie Marchal est distribué le vendredi.")
    assert ("le vendredi", "SET", "XXXX-WXX-5") in got
    got = times(time_stage, nlp, "Lucie Marchal est arrivée le vendredi.")
    assert not any(kind == "SET" for _, kind, _ in got)


def test_years_owned_by_someone_are_an_age_or_an_anniversary(time_stage, nlp):
    # A possessive before a counted number of years: an age or an anniversary, not a duration;
    # the years spent at something ("de", "à la tête de") stay a duration.
    assert times(time_stage, nlp, "La chorale de Lise Varin fêtera ses vingt ans en septembre.") == [
        ("septembre", "DATE", "2023-09")]
    assert times(time_stage, nlp, "Pour ses 80 ans, Odette Ravel a réuni ses petits-enfants.") == []
    assert times(time_stage, nlp, "Paul Gervais a fêté ses cent ans à la maison de retraite de Lure.") == []
    assert times(time_stage, nlp, "Après ses dix ans de mandat, Paul Gervais quitte la mairie.") == [
        ("dix ans", "DURATION", "P10Y")]
    assert times(time_stage, nlp, "Ses vingt ans à la tête du club ont marqué Lise Varin.") == [
        ("vingt ans", "DURATION", "P20Y")]


def test_one_weekday_in_two_is_a_recurrence_and_people_of_today_the_present(time_stage, nlp):
    assert times(time_stage, nlp, "Le marché bio de Lise Varin se tient un vendredi sur deux.") == [
        ("un vendredi sur deux", "SET", "XXXX-WXX-5")]
    assert times(time_stage, nlp, "Les lycéens d'aujourd'hui lisent moins que Paul Gervais.") == [
        ("aujourd'hui", "TIME", "PRESENT_REF")]


def test_years_between_two_events_after_a_comma_are_no_age(time_stage, nlp):
    assert times(time_stage, nlp, "La halle de Lise Varin a rouvert, trois ans après l'incendie.") == [
        ("trois ans", "DURATION", "P3Y")]
    assert times(time_stage, nlp, "Le maire Paul Gervais, quinze ans de mandat, ne se représente pas.") == [
        ("quinze ans", "DURATION", "P15Y")]
    assert times(time_stage, nlp, "Paul Gervais, 38 ans, après avoir quitté Rioz, vit à Dole.") == []


def test_counted_spans_that_follow_or_precede_and_the_very_next_days(time_stage, nlp):
    assert times(time_stage, nlp, "Durant les quatre années suivantes, le moulin de Lise Varin est resté fermé.") == [
        ("quatre années suivantes", "DURATION", "P4Y")]
    assert times(time_stage, nlp, "Le préfet tranchera dans les tout prochains jours, dit Paul Gervais.") == [
        ("les tout prochains jours", "DURATION", "PXD")]
