"""TimeML times: each kind of expression on invented sentences, the rule files, the value parsers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import time_values
from veille.common.timespans import calendar_date
from veille.model import Article, Dateline, TimeExpr
from veille.times import Reference, find_times
from veille.times.guards import PARSE_GUARDS
from veille.times.rules import engine
from veille.times.values import complete_year, parse_clock, parse_number, roman_to_int


def times(time_stage, nlp, text: str, published: str | None) -> dict[str, tuple[str, str | None]]:
    return time_values(nlp, time_stage, text, published)


# 2023-05-16 is a Tuesday.
TUESDAY = "2023-05-16"


def test_every_rule_matches_its_own_example():
    assert engine().check_examples() == []
    names = [r.name for r in engine().rules]
    assert len(names) == len(set(names)), "rule names are unique"


def test_days_around_the_article(time_stage, nlp):
    got = times(time_stage, nlp, "Hier, la maire Odile Ferrand a ouvert la foire. Aujourd'hui, les stands "
                "restent ouverts, et demain la fête se termine.", TUESDAY)
    assert got["Hier"] == ("DATE", "2023-05-15")
    assert got["Aujourd'hui"] == ("DATE", "2023-05-16")
    assert got["demain"] == ("DATE", "2023-05-17")


def test_the_anchor_moves_with_the_text(time_stage, nlp):
    got = times(time_stage, nlp, "Le convoi est parti le 3 mai de Lyon. Le lendemain, il atteignait Dijon; "
                "trois jours plus tard, il était à Metz.", TUESDAY)
    assert got["le 3 mai"] == ("DATE", "2023-05-03")
    assert got["Le lendemain"] == ("DATE", "2023-05-04")
    assert got["trois jours"] == ("DURATION", "P3D")  # "plus tard" its signal (issue 12, times20)


def test_le_meme_jour_follows_the_last_day_la_veille_the_article(time_stage, nlp):
    got = times(time_stage, nlp, "Le procès s'ouvre le 22 mai; le même jour, le juge entendra les témoins. "
                "La veille, l'avocat Rémi Tarde avait parlé; la veille au soir, il dînait à Arles.", TUESDAY)
    assert got["le même jour"] == ("DATE", "2023-05-22")
    assert got["La veille"] == ("DATE", "2023-05-15")
    assert got["la veille au soir"] == ("TIME", "2023-05-15TEV")


def test_clock_times_take_the_day_last_mentioned(time_stage, nlp):
    got = times(time_stage, nlp, "Samedi, l'incendie a pris vers 22 h 30 et a été maîtrisé à 1h15. La "
                "séance du conseil reprendra à 14 heures, après une pause à midi.", TUESDAY)
    assert got["Samedi"] == ("DATE", "2023-05-13")
    assert got["22 h 30"] == ("TIME", "2023-05-13T22:30")
    assert got["1h15"] == ("TIME", "2023-05-13T01:15")
    assert got["14 heures"][1].endswith("T14:00")
    assert got["midi"][1].endswith("T12:00")


def test_parts_of_the_day(time_stage, nlp):
    got = times(time_stage, nlp, "Mardi soir, le préfet Alain Borel a réuni les maires; hier matin, il avait "
                "visité la digue, puis l'orage a éclaté dans la nuit. Ce soir, il dormira à Nantes.",
                TUESDAY)
    assert got["Mardi soir"] == ("TIME", "2023-05-16TEV")
    assert got["hier matin"] == ("TIME", "2023-05-15TMO")
    assert got["la nuit"] == ("TIME", "2023-05-15TNI")
    assert got["Ce soir"] == ("TIME", "2023-05-16TEV")


def test_hier_with_a_clock_time_is_one_expression(time_stage, nlp):
    got = times(time_stage, nlp, "Hier à 10 h, les pompiers de Vesoul sont intervenus.", TUESDAY)
    assert got == {"Hier à 10 h": ("TIME", "2023-05-15T10:00")}


def test_years_bare_and_two_digit(time_stage, nlp):
    got = times(time_stage, nlp, "Le club, fondé en 1921, a été champion en 97 et le 4 mars 96; il compte "
                "2000 adhérents depuis octobre 98.", TUESDAY)
    assert got["1921"] == ("DATE", "1921")
    assert got["97"] == ("DATE", "1997")
    assert got["le 4 mars 96"] == ("DATE", "1996-03-04")
    assert got["octobre 98"] == ("DATE", "1998-10")
    assert not any("2000" in t for t in got)


def test_seasons_decades_and_centuries(time_stage, nlp):
    got = times(time_stage, nlp, "Les travaux reprendront à l'automne. La mode des années 60 revient, et le "
                "moulin date de la fin du XIXe siècle. L'hiver dernier, la route a fermé; les écoles "
                "ferment pendant les mois d'été.", TUESDAY)
    assert got["l'automne"] == ("DATE", "2023-FA")
    assert got["des années 60"] == ("DATE", "196X")
    assert got["la fin du XIXe siècle"] == ("DATE", "18")
    assert got["L'hiver dernier"] == ("DATE", "2022-WI")
    assert got["les mois d'été"] == ("DATE", "XXXX-SU")


def test_present_past_and_future_references(time_stage, nlp):
    got = times(time_stage, nlp, "Le club joue désormais en deuxième division; l'actuel entraîneur, Yves "
                "Plantier, était auparavant adjoint. En maintenant la pression, il gagnera.", TUESDAY)
    assert got["désormais"] == ("TIME", "PRESENT_REF")
    assert got["actuel"] == ("TIME", "PRESENT_REF")
    assert got["auparavant"] == ("TIME", "PAST_REF")
    assert "maintenant" not in got  # the participle of "maintenir"


def test_durations(time_stage, nlp):
    got = times(time_stage, nlp, "La grève a duré trois jours; le coureur a bouclé le tour en 30,4 secondes. "
                "Les pourparlers ont pris plusieurs semaines, pendant dix-huit mois, soit un an et demi; "
                "Lucie Varenne, 38 ans, en a parlé une demi-heure.", TUESDAY)
    assert got["trois jours"] == ("DURATION", "P3D")
    assert got["30,4 secondes"] == ("DURATION", "PT30.4S")
    assert got["plusieurs semaines"] == ("DURATION", "PXW")
    assert got["dix-huit mois"] == ("DURATION", "P18M")
    assert got["un an et demi"] == ("DURATION", "P18M")
    assert got["une demi-heure"] == ("DURATION", "PT30M")
    assert "38 ans" not in got  # an age


def test_sets(time_stage, nlp):
    got = times(time_stage, nlp, "Le marché se tient chaque lundi et la bibliothèque ferme tous les jeudis; "
                "le scrutin a lieu tous les cinq ans, le bilan est publié chaque année et le car "
                "passe trois fois par jour.", TUESDAY)
    assert got["chaque lundi"] == ("SET", "XXXX-WXX-1")
    assert got["tous les jeudis"] == ("SET", "XXXX-WXX-4")
    assert got["tous les cinq ans"] == ("SET", "P5Y")
    assert got["chaque année"] == ("SET", "P1Y")
    assert got["trois fois par jour"] == ("SET", "P1D")


def test_weeks_and_weekends(time_stage, nlp):
    got = times(time_stage, nlp, "Le conseil se réunit cette semaine; le marché avait fermé la semaine "
                "dernière et la brocante de Lure a eu lieu ce week-end.", TUESDAY)
    assert got["cette semaine"] == ("DATE", "2023-W20")
    assert got["la semaine dernière"] == ("DATE", "2023-W19")
    assert got["ce week-end"] == ("DATE", "2023-W19-WE")


def test_a_future_verb_takes_the_coming_weekday(time_stage, nlp):
    got = times(time_stage, nlp, "Les supporters du club de Dole se retrouveront dimanche au stade.", TUESDAY)
    assert got["dimanche"] == ("DATE", "2023-05-21")
    got = times(time_stage, nlp, "Les supporters du club de Dole se sont retrouvés dimanche au stade.", TUESDAY)
    assert got["dimanche"] == ("DATE", "2023-05-14")


def test_hier_resolves_against_the_publication_not_the_dateline(time_stage, nlp):
    art = Article(id="t", paragraphs=["Hier, le syndic Jules Motte a signé l'accord."], published=TUESDAY)
    art.dateline = Dateline(place="Lausanne", date="2023-05-12", agency="X", text="LAUSANNE, 12 mai (X) –")
    time_stage(art, nlp(art.nlp_text()), None)
    assert ("Hier", "2023-05-15") in [(t.text, t.value) for t in art.times]


def test_undated_article_keeps_weekdays_and_clock_times_unresolved(time_stage, nlp):
    got = times(time_stage, nlp, "Le maire Henri Bastide parlera jeudi à 18 h 30 pendant deux heures.", None)
    assert got["jeudi"] == ("DATE", None)
    assert got["18 h 30"] == ("TIME", None)
    assert got["deux heures"] == ("DURATION", "PT2H")


def test_speed_and_counts_are_not_times():
    found = [f.text for f in find_times("Il roulait à 90 km/h avec 1500 euros et 12 h de retard sur 2 000 km.")]
    assert "1500" not in found and not any("90" in t for t in found)


def test_a_record_without_type_reads_as_a_date():
    art = Article.from_dict({"id": "x", "times": [{"text": "hier", "value": "2023-05-15"},
                                                  {"text": "trois jours", "type": "DURATION", "value": "P3D"}]})
    assert [t.type for t in art.times] == ["DATE", "DURATION"]
    assert TimeExpr("mardi", "2023-03-14").type == "DATE"


# -- value parsers -------------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59),
       st.sampled_from(["{h} h {m:02d}", "{h}h{m:02d}", "{h:02d}:{m:02d}", "{h} heures {m:02d}"]))
def test_clock_forms_give_hours_and_minutes(hour, minute, form):
    assert parse_clock(form.format(h=hour, m=minute)) == f"{hour:02d}:{minute:02d}"


@given(st.integers(min_value=0, max_value=23))
def test_a_round_hour(hour):
    assert parse_clock(f"{hour} h") == f"{hour:02d}:00"


@pytest.mark.parametrize(("text", "clock"), [
    ("neuf heures", "09:00"), ("dix-huit heures trente", "18:30"), ("vingt et une heures", "21:00"),
    ("8 heures et quart", "08:15"), ("11 h et demie", "11:30"), ("19 h moins le quart", "18:45"),
    ("onze heures moins dix", "10:50"), ("3 heures du matin", "03:00"), ("20 heures précises", "20:00"),
])
def test_clock_times_in_words_and_fractions_of_the_hour(text, clock):
    assert parse_clock(text) == clock


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=9))
def test_decimal_numbers_with_a_comma(whole, tenth):
    assert parse_number(f"{whole},{tenth}") == pytest.approx(whole + tenth / 10)


UNITS = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}


@given(st.sampled_from(sorted(TENS)), st.integers(min_value=1, max_value=9))
def test_compound_number_words(tens, unit):
    joined = f"{tens} et un" if unit == 1 else f"{tens}-{UNITS[unit - 1]}"
    assert parse_number(joined) == TENS[tens] + unit


@given(st.integers(min_value=1900, max_value=2079), st.integers(min_value=0, max_value=99))
def test_two_digit_years_end_near_the_article(article_year, two):
    year = complete_year(f"{two:02d}", Reference(article_year, 1, 1))
    assert year is not None and year % 100 == two
    assert article_year - 95 <= year <= article_year + 5


@given(st.integers(min_value=1, max_value=39))
def test_roman_centuries(n):
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    text, rest = "", n
    for value, sym in numerals:
        while rest >= value:
            text, rest = text + sym, rest - value
    assert roman_to_int(text) == n


def test_quarters_halves_and_year_ranges(time_stage, nlp):
    got = times(time_stage, nlp, "Le chiffre d'affaires de la coopérative a baissé au premier trimestre 2003 "
                "et remonté au second semestre; la saison 2001-2002 était meilleure.", TUESDAY)
    assert got["premier trimestre 2003"] == ("DATE", "2003-Q1")
    assert got["second semestre"] == ("DATE", "2023-H2")
    assert got["2001"] == ("DATE", "2001") and got["2002"] == ("DATE", "2002")


def test_nights_and_parts_of_named_days(time_stage, nlp):
    got = times(time_stage, nlp, "Le garage de Marc Lenoir a été cambriolé dans la nuit de samedi à dimanche; "
                "les gendarmes sont venus dans la soirée de lundi.", TUESDAY)
    assert got["la nuit de samedi à dimanche"] == ("TIME", "2023-05-13TNI")
    assert "dimanche" not in got
    assert got["la soirée de lundi"] == ("TIME", "2023-05-15TEV")


def test_periodic_adjectives_but_not_the_newspaper(time_stage, nlp):
    got = times(time_stage, nlp, "Le salon annuel de Vesoul ouvre samedi, selon le quotidien régional.", TUESDAY)
    assert got["annuel"] == ("SET", "P1Y")
    assert "quotidien" not in got


@pytest.mark.parametrize(("value", "kind", "date"), [
    ("2022-04-05T14:00", "TIME", "2022-04-05"), ("2022-04-05TEV", "TIME", "2022-04-05"),
    ("2022-04", "DATE", "2022-04"), ("2022", None, "2022"), ("XXXX-04-05", "DATE", "XXXX-04-05"),
    ("P3D", "DURATION", None), ("XXXX-WXX-1", "SET", None), ("PRESENT_REF", "TIME", None),
    ("2022-W14", "DATE", None), ("2022-SU", "DATE", None), ("196X", "DATE", None), ("2003-Q1", "DATE", None),
])
def test_calendar_date_of_a_value(value, kind, date):
    assert calendar_date(value, kind) == date


def test_last_n_units_whole_periods_and_short_numeric_dates(time_stage, nlp):
    got = times(time_stage, nlp, "Le prix du blé a doublé au cours des trois dernières années; les secours de "
                "Gap ont cherché toute la nuit. La séance du 18.05.99 avait été annulée.", TUESDAY)
    assert got["trois dernières années"] == ("DURATION", "P3Y")
    assert got["toute la nuit"] == ("DURATION", "P1D")
    assert got["18.05.99"] == ("DATE", "1999-05-18")


def test_dawn_late_evening_and_plural_weekdays(time_stage, nlp):
    got = times(time_stage, nlp, "Hier, les gendarmes de Lure sont intervenus à l'aube; le bar avait fermé tard "
                "le soir. Le musée est gratuit les dimanches.", TUESDAY)
    assert got["l'aube"] == ("TIME", "2023-05-15TMO")
    assert got["le soir"] == ("TIME", "2023-05-15TEV")
    assert got["les dimanches"] == ("SET", "XXXX-WXX-7")


def test_an_all_capitals_headline_still_gives_the_tense(time_stage, nlp):
    got = times(time_stage, nlp, "LA COMMUNE DE VAUX ORGANISERA UN BAL DIMANCHE.", TUESDAY)
    assert got["DIMANCHE"] == ("DATE", "2023-05-21")


def test_relative_day_with_a_part_and_vague_amounts(time_stage, nlp):
    got = times(time_stage, nlp, "Le maire de Bray est arrivé le 3 mai; le lendemain matin, il visitait l'école. "
                "Il y a quelques années, le village comptait trois cafés; le festival revient chaque été.",
                TUESDAY)
    assert got["le lendemain matin"] == ("TIME", "2023-05-04TMO")
    assert got["quelques années"] == ("DURATION", "PXY")  # "il y a" is a signal, not the extent
    assert got["chaque été"] == ("SET", "XXXX-SU")


def test_every_rule_gives_a_value_on_its_example():
    from veille.times.values import Anchors, fill

    eng = engine()
    anchors = Anchors(Reference(2023, 5, 16))
    missing = []
    for rule in eng.rules:
        if set(rule.guard.split(",")) & set(PARSE_GUARDS):  # needs the parse: test_times_guards.py
            continue
        found = [rm for rm in eng.find(rule.example) if rm.rule is rule]
        if not found or fill(eng, found[0], anchors) is None:
            missing.append(rule.name)
    assert missing == []


def test_a_clock_time_followed_by_its_day(time_stage, nlp):
    got = times(time_stage, nlp, "Le 2 mai, la fête a commencé. Vers 23 h, samedi, un feu a pris dans la grange "
                "de Paul Ricard.", TUESDAY)
    assert got["23 h"] == ("TIME", "2023-05-13T23:00")
    assert got["samedi"] == ("DATE", "2023-05-13")


def test_aujourd_hui_as_nowadays(time_stage, nlp):
    # "encore aujourd'hui", "jusqu'à aujourd'hui", "les jeunes d'aujourd'hui": the present time.
    for text in ("Aujourd'hui encore, le moulin de Paul Brun tourne.", "Le moulin de Paul Brun tourne "
                 "encore aujourd'hui.", "Jusqu'à aujourd'hui, Lise Morin n'a rien dit.",
                 "Les jeunes d'aujourd'hui lisent moins que ceux d'hier."):
        assert [v for t, v in times(time_stage, nlp, text, TUESDAY).items() if t.lower() == "aujourd'hui"] == [
            ("TIME", "PRESENT_REF")], text
    # A clause-opening "Aujourd'hui," after a past the text has named.
    got = times(time_stage, nlp, "En 1990, la vallée de Jean Vidal comptait dix fermes. Aujourd'hui, il en reste "
                "deux.", TUESDAY)
    assert got["Aujourd'hui"] == ("TIME", "PRESENT_REF")
    got = times(time_stage, nlp, "Autrefois, on y faisait du pain. Aujourd'hui, la boulangerie est fermée.", TUESDAY)
    assert got["Aujourd'hui"] == ("TIME", "PRESENT_REF")
    # The day of the article otherwise.
    for text in ("Le 3 mai, le maire Paul Sorel a signé. Aujourd'hui, il inaugure la salle.",
                 "À partir d'aujourd'hui, la route de Paul Sorel est fermée.",
                 "La séance d'aujourd'hui est annulée.", "Le match d'aujourd'hui de Paul Sorel est décisif."):
        assert [v for t, v in times(time_stage, nlp, text, TUESDAY).items() if t.lower() == "aujourd'hui"] == [
            ("DATE", TUESDAY)], text


def test_references_leave_their_preposition_out(time_stage, nlp):
    got = times(time_stage, nlp, "Par le passé, le village de Lise Brun comptait deux écoles. Dans le futur, il "
                "en aura une. A cette époque, il y avait un moulin. Il y a peu, le pont a été refait; sous "
                "peu, la route le sera. Présentement, elle est fermée.", TUESDAY)
    assert got["le passé"] == ("TIME", "PAST_REF")
    assert got["le futur"] == ("TIME", "FUTURE_REF")
    assert got["cette époque"] == ("TIME", "PAST_REF")
    assert got["Il y a peu"] == ("TIME", "PAST_REF")
    assert got["sous peu"] == ("TIME", "FUTURE_REF")
    assert got["Présentement"] == ("TIME", "PRESENT_REF")


def test_a_span_of_hours_is_not_a_clock_time(time_stage, nlp):
    got = times(time_stage, nlp, "Une grève de 24 heures est annoncée. Le magasin de Paul Gros ouvre de 9 heures à "
                "12 heures.", TUESDAY)
    assert got["24 heures"] == ("DURATION", "PT24H")
    assert got["9 heures"] == ("TIME", "2023-05-16T09:00")
    assert got["12 heures"] == ("TIME", "2023-05-16T12:00")


def test_two_amounts_joined_by_et_are_not_one_number(time_stage, nlp):
    got = times(time_stage, nlp, "Le chantier de Paul Gros durera entre deux et trois ans.", TUESDAY)
    assert got["trois ans"] == ("DURATION", "P3Y")
    assert "deux et trois ans" not in got
    assert times(time_stage, nlp, "Marc Viel a cotisé trente et une années.", TUESDAY)["trente et une années"] == (
        "DURATION", "P31Y")


def test_seasons_centuries_and_after_before(time_stage, nlp):
    got = times(time_stage, nlp, "Au printemps dernier, le pont de Paul Gros a été repeint; le château date du XVIIe "
                "siècle. Le 2 mai, le chantier s'est ouvert. Un an après, il sera fini. Deux jours avant, il "
                "avait plu.", TUESDAY)
    assert got["printemps dernier"] == ("DATE", "2022-SP")
    assert got["XVIIe siècle"] == ("DATE", "16")
    assert got["Un an"] == ("DURATION", "P1Y")  # a bare "après" / "avant": the signal (times20)
    assert got["Deux jours"] == ("DURATION", "P2D")
    got = times(time_stage, nlp, "Mercredi 10 mai au soir, Paul Gros a parlé.", TUESDAY)
    assert got["Mercredi 10 mai au soir"] == ("TIME", "2023-05-10TEV")


def test_parts_of_the_week_and_that_evening(time_stage, nlp):
    got = times(time_stage, nlp, "La fin de la semaine sera agitée. À la fin de la semaine dernière, Paul Gros était "
                "à Metz; au début de la semaine prochaine, il sera à Nancy.", TUESDAY)
    assert got["La fin de la semaine"] == ("DATE", "2023-W20")
    assert got["la fin de la semaine dernière"] == ("DATE", "2023-W19")
    assert got["début de la semaine prochaine"] == ("DATE", "2023-W21")
    got = times(time_stage, nlp, "Le 3 mai, Inès Morel a quitté Gray; ce soir-là, il neigeait.", TUESDAY)
    assert got["ce soir-là"] == ("TIME", "2023-05-03TEV")
    got = times(time_stage, nlp, "L'exercice 2022 de la société de Paul Gros a été bon.", TUESDAY)
    assert got["2022"] == ("DATE", "2022")


def test_ici_of_d_ici_is_now(time_stage, nlp):
    # As the French TimeBank marks "d'ici à dix ans": "ici" is the present, the amount a duration;
    # "jusqu'ici" stays one adverb.
    art = Article(id="t", paragraphs=["Le chantier de Paul Brun sera fini d'ici à deux ans. Jusqu'ici, rien "
                                      "n'a bougé. D'ici 2025, la ligne sera prolongée."], published=TUESDAY)
    time_stage(art, nlp(art.nlp_text()), None)
    got = [(t.text, t.type, t.value) for t in art.times]
    assert got == [("ici", "TIME", "PRESENT_REF"), ("deux ans", "DURATION", "P2Y"),
                   ("Jusqu'ici", "TIME", "PRESENT_REF"), ("2025", "DATE", "2025")]


def test_following_and_previous_periods_of_the_narrative(time_stage, nlp):
    got = times(time_stage, nlp, "Le 3 février, la Saône a débordé à Gray. Les jours suivants, l'eau de Paul Brun a "
                "monté; la semaine suivante, elle a baissé. Le mois suivant, la route a rouvert.", TUESDAY)
    assert got["Les jours suivants"] == ("DURATION", "PXD")
    assert got["la semaine suivante"] == ("DATE", "2023-W06")
    assert got["Le mois suivant"] == ("DATE", "2023-03")
    got = times(time_stage, nlp, "Le 3 février, Léa Roy a ouvert; le jour précédent, elle était à Dole. Toute cette "
                "semaine, il a neigé.", TUESDAY)
    assert got["le jour précédent"] == ("DATE", "2023-02-02")
    assert got["Toute cette semaine"] == ("DURATION", "P1W")


def test_sets_of_seasons_and_of_days_per_week(time_stage, nlp):
    got = times(time_stage, nlp, "Le festival de Lise Brun revient tous les étés. Sa piscine ouvre cinq jours par "
                "semaine.", TUESDAY)
    assert got["tous les étés"] == ("SET", "XXXX-SU")
    assert got["cinq jours par semaine"] == ("SET", "P1W")


def test_plural_weekends_and_coordinated_weekdays_recur(time_stage, nlp):
    got = times(time_stage, nlp, "Les week-ends, le marché de Lise Brun se tient les lundis, mercredis et "
                "vendredis.", TUESDAY)
    assert got["Les week-ends"] == ("SET", "XXXX-WXX-WE")
    assert [got[w] for w in ("les lundis", "mercredis", "vendredis")] == [
        ("SET", "XXXX-WXX-1"), ("SET", "XXXX-WXX-3"), ("SET", "XXXX-WXX-5")]


def test_de_before_an_hour_of_the_clock(time_stage, nlp):
    got = times(time_stage, nlp, "Le train de 8 heures de Paul Gros est parti; une garde à vue de 48 heures a suivi.",
                TUESDAY)
    assert got["8 heures"] == ("TIME", "2023-05-16T08:00")
    assert got["48 heures"] == ("DURATION", "PT48H")


def test_day_of_the_current_month_and_parts_of_a_coming_week(time_stage, nlp):
    got = times(time_stage, nlp, "Les loyers de la résidence de Lou Perrin sont dus le 25 du mois; les "
                "travaux commenceront en début de semaine prochaine.", TUESDAY)
    assert got["le 25 du mois"] == ("DATE", "2023-05-25")
    assert got["début de semaine prochaine"] == ("DATE", "2023-W21")


def test_clock_modifiers_zones_and_hours_later(time_stage, nlp):
    got = times(time_stage, nlp, "La séance de Léo Brunet a commencé à 20 heures précises et l'avion s'est "
                "posé à 9 h 40 GMT. L'alerte a été donnée à 6 h; trois heures plus tard, le feu était "
                "éteint.", TUESDAY)
    assert got["20 heures précises"] == ("TIME", "2023-05-16T20:00")
    assert got["9 h 40 GMT"] == ("TIME", "2023-05-16T09:40Z")
    assert got["trois heures"] == ("DURATION", "PT3H")  # "plus tard" its signal (issue 12, times20)


def test_a_clock_or_part_of_the_day_before_its_weekday(time_stage, nlp):
    got = times(time_stage, nlp, "Les faits se sont produits à 23 heures, samedi, chez Ana Cordier, et le "
                "vol en fin d'après-midi, dimanche.", TUESDAY)
    assert got["23 heures"] == ("TIME", "2023-05-13T23:00")
    assert got["fin d'après-midi"] == ("TIME", "2023-05-14TAF")


def test_quarter_hours_clock_durations_and_quarterly_sets(time_stage, nlp):
    got = times(time_stage, nlp, "Le spectacle de Zoé Marin dure une heure et quart, le film dure 1 h 30 et "
                "les comptes trimestriels sont publiés en juin. Avant-hier soir, la salle était pleine.", TUESDAY)
    assert got["une heure et quart"] == ("DURATION", "PT75M")
    assert got["1 h 30"] == ("DURATION", "PT1H30M")
    assert got["trimestriels"] == ("SET", "P3M")
    assert got["Avant-hier soir"] == ("TIME", "2023-05-14TEV")


def test_a_postponement_points_forward(time_stage, nlp):
    got = times(time_stage, nlp, "Le procès de Hugo Lemaire a été renvoyé au 12 juin.", TUESDAY)
    assert got["12 juin"] == ("DATE", "2023-06-12")
    got = times(time_stage, nlp, "Le jugement de Hugo Lemaire a été mis en délibéré à vendredi.", TUESDAY)
    assert got["vendredi"] == ("DATE", "2023-05-19")


def test_a_present_tense_announces_the_coming_weekday(time_stage, nlp):
    # 2023-05-16 is a Tuesday: the present of an announcement points to the coming Monday, a past
    # participle on a noun to the Monday past.
    got = times(time_stage, nlp, "Le conseil municipal de Rioz se réunit lundi à 20 h 30.", TUESDAY)
    assert got["lundi"] == ("DATE", "2023-05-22")
    assert got["20 h 30"] == ("TIME", "2023-05-22T20:30")
    got = times(time_stage, nlp, "Le blessé, transporté lundi à l'hôpital de Vesoul, est hors de danger.", TUESDAY)
    assert got["lundi"] == ("DATE", "2023-05-15")


def test_aujourd_hui_set_against_a_past_later_in_its_sentence(time_stage, nlp):
    got = times(time_stage, nlp, "Aujourd'hui, la commune de Lise Marchal compte 900 habitants, contre 400 "
                "dans les années 1960.", TUESDAY)
    assert got["Aujourd'hui"] == ("TIME", "PRESENT_REF")
    got = times(time_stage, nlp, "Aujourd'hui, le maire Paul Vidal a signé l'accord de 2019.", TUESDAY)
    assert got["Aujourd'hui"] == ("DATE", "2023-05-16")


def test_hier_and_demain_of_a_generation_are_references(time_stage, nlp):
    art = Article(id="t", paragraphs=["Les jeunes d'hier ne sont pas les familles de demain, dit Inès Royer; "
                                      "la réunion d'hier l'a montré."], published=TUESDAY)
    time_stage(art, nlp(art.nlp_text()), None)
    got = [(t.text, t.type, t.value) for t in art.times]
    assert got == [("hier", "TIME", "PAST_REF"), ("demain", "TIME", "FUTURE_REF"), ("hier", "DATE", "2023-05-15")]


def test_one_night_is_a_duration(time_stage, nlp):
    got = times(time_stage, nlp, "Le tunnel de Lise Brun sera fermé une nuit, de 21 h à 6 h.", TUESDAY)
    assert got["une nuit"] == ("DURATION", "P1D")
