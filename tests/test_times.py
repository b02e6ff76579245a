"""Times: the date normaliser (property tests), the stage on invented articles, the seed scores."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from times_helpers import assert_found
from veille.model import Article, Dateline
from veille.times import Reference, find_matches, resolve, resolve_day_month, resolve_weekday

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2080, 12, 31))


def ref_of(date: dt.date) -> Reference:
    return Reference(date.year, date.month, date.day)


def render(date: dt.date) -> str:
    day = "1er" if date.day == 1 else str(date.day)
    return f"le {day} {MONTHS[date.month - 1]}"


@given(dates, st.integers(min_value=0, max_value=364))
def test_day_month_resolves_to_itself_in_the_article_year(date, offset):
    article_date = dt.date(date.year, 1, 1) + dt.timedelta(days=offset)
    if article_date.year != date.year:
        return
    [m] = find_matches(f"Le sommet a lieu {render(date)} à Bruxelles.")
    assert m.kind == "date"
    # With the tense of the sentence, any date of the article's year resolves to itself.
    tense = "past" if date <= article_date else "future"
    assert resolve(m, ref_of(article_date), tense) == date.isoformat()
    # Without a verb, "news is mostly past": itself unless far ahead (> 120 days) or nearly a
    # year back (> 300 days), where the neighbouring year is meant.
    gap = (date - article_date).days
    if -300 <= gap <= 120:
        assert resolve(m, ref_of(article_date), None) == date.isoformat()


@given(dates)
def test_day_month_without_article_date_keeps_an_unknown_year(date):
    [m] = find_matches(render(date))
    assert resolve(m, Reference(), None) == f"XXXX-{date.month:02d}-{date.day:02d}"


@given(dates, st.integers(min_value=0, max_value=6), st.sampled_from(["past", "future", None]),
       st.booleans())
def test_weekday_lands_within_six_days_on_the_right_day(date, weekday, tense, strict):
    value = resolve_weekday(weekday, ref_of(date), tense, strict)
    got = dt.date.fromisoformat(value)
    assert got.weekday() == weekday
    delta = (got - date).days
    assert abs(delta) <= (7 if strict else 6)
    if tense == "past":
        assert delta <= 0
    if tense == "future":
        assert delta >= 0
    if got.weekday() == date.weekday() and not strict:
        assert got == date  # the article's own weekday is the article date


@given(dates, st.sampled_from(WEEKDAYS))
def test_weekday_text_round_trip(date, name):
    [m] = find_matches(f"Le ministre a parlé {name} devant la presse.")
    value = resolve(m, ref_of(date), "past")
    got = dt.date.fromisoformat(value)
    assert got.weekday() == WEEKDAYS.index(name) and -6 <= (got - date).days <= 0


@settings(max_examples=50)
@given(dates)
def test_weekday_needs_a_day_precise_article_date(date):
    assert resolve_weekday(2, Reference(date.year, date.month, None)) is None
    assert resolve_weekday(2, Reference()) is None


def test_day_month_year_choice_by_tense():
    ref = Reference(2024, 1, 10)
    assert resolve_day_month(20, 12, None, ref, "past") == "2023-12-20"
    assert resolve_day_month(20, 12, None, ref, None) == "2023-12-20"
    assert resolve_day_month(24, 12, None, Reference(2024, 12, 28), "future") == "2024-12-24"
    assert resolve_day_month(10, 12, None, Reference(2024, 12, 28), "future") == "2025-12-10"
    assert resolve_day_month(5, 1, None, Reference(2024, 12, 28), "future") == "2025-01-05"
    assert resolve_day_month(5, 1, None, Reference(2024, 12, 28), None) == "2025-01-05"
    assert resolve_day_month(30, 2, None, ref, None) is None


def article(text: str, published: str | None, title: str | None = None) -> Article:
    return Article(id="t", title=title, paragraphs=[text], published=published)


def run(time_stage, nlp, art: Article) -> dict[str, str | None]:
    time_stage(art, nlp(art.nlp_text()), None)
    return {t.text: t.value for t in art.times}


def test_weekdays_follow_the_tense(time_stage, nlp):
    # 2023-09-14 is a Thursday.
    art = article("La ministre Léa Vautrin a rencontré lundi ses homologues et se rendra samedi "
                  "à Lisbonne. Les délégués se retrouvent jeudi et vendredi à Genève.", "2023-09-14")
    got = run(time_stage, nlp, art)
    assert_found(got, {"lundi": "2023-09-11", "samedi": "2023-09-16", "jeudi": "2023-09-14",
                       "vendredi": "2023-09-15"})


def test_month_and_relative_expressions(time_stage, nlp):
    art = article("Depuis fin janvier, l'agence a livré des vivres. Hier, le comité a annoncé un plan "
                  "pour début juin, après l'accord conclu en mai 2021. Ces derniers jours, les "
                  "livraisons ont ralenti, et l'an dernier déjà le stock manquait. Depuis le début "
                  "du mois, les prix montent.", "2023-04-20")
    got = run(time_stage, nlp, art)
    # TimeML extents leave the preposition out ("depuis", "en", "pour").
    assert_found(got, {"fin janvier": "2023-01", "Hier": "2023-04-19", "début juin": "2023-06", "mai 2021": "2021-05",
                       "Ces derniers jours": "PXD", "l'an dernier": "2022", "le début du mois": "2023-04"})


def test_year_after_pour_and_weekday_with_part_of_day(time_stage, nlp):
    # 2024-06-14 is a Friday.
    art = article("Le fonds versera 3 milliards d'euros pour 2025 et recrutera pour 2000 agents. "
                  "Les ministres se sont réunis jeudi soir, puis samedi matin dernier.", "2024-06-14")
    got = run(time_stage, nlp, art)
    assert got["2025"] == "2025"
    assert not any("2000" in t for t in got)
    assert_found(got, {"jeudi soir": "2024-06-13TEV", "samedi matin dernier": "2024-06-08TMO"})


def test_durations_but_no_ordinals_or_counts(time_stage, nlp):
    art = article("Pour la première fois, un sommet de deux jours réunira 2000 soldats et trois "
                  "semaines de manœuvres.", "2023-04-20")
    assert run(time_stage, nlp, art) == {"deux jours": "P2D", "trois semaines": "P3W"}
    assert {t.type for t in art.times} == {"DURATION"}


def test_undated_article_and_month_precision(time_stage, nlp):
    art = article("Le député Marc Ollivier a parlé mardi de l'attaque du 3 octobre.", None)
    got = run(time_stage, nlp, art)
    assert got["mardi"] is None and "XXXX-10-03" in got.values()
    got = run(time_stage, nlp, article("Le député a parlé mardi.", "2023-10"))
    assert got == {"mardi": None}


def test_dateline_date_is_a_time_without_offsets(time_stage, nlp):
    art = article("Le conseil s'est réuni mercredi.", "2023-03-08")
    art.dateline = Dateline(place="Genève", date="2023-03-08", agency="X", text="GENÈVE, 8 mars (X) –")
    time_stage(art, nlp(art.nlp_text()), None)
    first = art.times[0]
    assert (first.text, first.value, first.start, first.end) == ("8 mars", "2023-03-08", None, None)
    assert ("mercredi", "2023-03-08") in [(t.text, t.value) for t in art.times]


def test_repeated_time_is_emitted_once_with_every_span(time_stage, nlp):
    art = article("La réunion du 12 mai est confirmée. Les ministres arriveront le 12 mai à Rome.",
                  "2023-05-02", title="Une réunion le 12 mai")
    time_stage(art, nlp(art.nlp_text()), None)
    [t] = [t for t in art.times if t.text == "le 12 mai"]
    assert t.value == "2023-05-12" and len(t.spans) == 2
    text = art.nlp_text()
    assert all(text[a:b] == "le 12 mai" for a, b in t.spans)


def test_la_veille_alone_is_the_day_before_the_article(time_stage, nlp):
    art = article("Le maire a inauguré mercredi la nouvelle halle. La veille, il avait reçu les commerçants. "
                  "À la veille du scrutin, la tension montait, et la veille de Noël les marchés sont pleins.",
                  "2023-09-13")
    got = run(time_stage, nlp, art)
    assert got["La veille"] == "2023-09-12"
    # "la veille du scrutin" is anchored on an event, not a time; "la veille de Noël" names a day
    # of the calendar (24 December), never the day before the article.
    assert not any(k.lower().startswith(("la veille du", "veille du")) for k in got), got
    assert got["la veille de Noël"][5:] == "12-24", got


def test_a_finite_verb_tagged_as_a_participle_keeps_its_tense(time_stage, nlp):
    # 2023-09-14 is a Thursday; a future and a present of announcement look ahead.
    art = article("Lundi, le conseil de Lure votera le budget de Gaston Ferry. "
                  "Le club de Jules Morel accueille dimanche l'équipe de Dole.", "2023-09-14")
    got = run(time_stage, nlp, art)
    assert got["Lundi"] == "2023-09-18" and got["dimanche"] == "2023-09-17"


def test_a_participle_on_the_day_tells_a_past_event(time_stage, nlp):
    art = article("La route de Noémie Faure, fermée mardi, rouvrira lundi.", "2023-09-14")
    assert run(time_stage, nlp, art) == {"mardi": "2023-09-12", "lundi": "2023-09-18"}
    art = article("Le procès de Marc Roussel, ouvert lundi, doit durer trois semaines.", "2023-09-14")
    assert run(time_stage, nlp, art)["lundi"] == "2023-09-11"


def test_a_verb_of_the_past_points_back_whatever_its_tense(time_stage, nlp):
    art = article("Selon le parquet, les faits reprochés à Hugo Laine remontent au mois d'août.", "2023-03-14")
    assert run(time_stage, nlp, art)["mois d'août"] == "2022-08"


def test_aujourd_hui_on_a_lasting_state_after_a_past_is_nowadays(time_stage, nlp):
    art = article("Fondée en 1985 par Odile Vautrin, l'association compte aujourd'hui 120 membres. "
                  "Le lavoir, bâti au XIXe siècle, est aujourd'hui classé.", "2023-09-14")
    time_stage(art, nlp(art.nlp_text()), None)
    assert [(t.type, t.value) for t in art.times if t.text == "aujourd'hui"] == [("TIME", "PRESENT_REF")] * 2
    # An event of the day keeps the day, and so does a state with no past named beside it.
    art = article("Le club de Gaston Ferry, fondé en 1923, fête aujourd'hui son centenaire. "
                  "L'association d'Odile Vautrin compte aujourd'hui un membre de plus.", "2023-09-14")
    assert run(time_stage, nlp, art)["aujourd'hui"] == "2023-09-14"


def test_nowadays_phrases_leave_their_preposition_out(time_stage, nlp):
    art = article("De nos jours, le moulin de Paul Brun ne tourne plus; à l'heure actuelle, il se visite.",
                  "2023-09-14")
    got = run(time_stage, nlp, art)
    assert got["nos jours"] == got["l'heure actuelle"] == "PRESENT_REF"


def test_an_adjective_after_a_clock_time_is_no_participle(time_stage, nlp):
    art = article("La cérémonie de Lise Perrin débutera à 10 h 30 précises dimanche.", "2023-09-14")
    got = run(time_stage, nlp, art)
    assert got["dimanche"] == "2023-09-17" and got["10 h 30 précises"] == "2023-09-17T10:30"


def test_a_day_cut_off_as_its_own_sentence_takes_the_next_verb(time_stage, nlp):
    # 2023-09-13 is a Wednesday; the parser makes "Samedi" a sentence of its own.
    art = article("Samedi à 23 h, une camionnette de Noé Ferrand a quitté la route près de Vittel.",
                  "2023-09-13")
    got = run(time_stage, nlp, art)
    assert got["Samedi"] == "2023-09-09" and got["23 h"] == "2023-09-09T23:00"
    art = article("Samedi à 23 h : concert de la chorale de Lou Ferrand.", "2023-09-13")
    assert run(time_stage, nlp, art)["Samedi"] == "2023-09-16"


def test_ce_week_end_in_the_present_of_an_announcement_looks_ahead(time_stage, nlp):
    # 2023-09-13 is a Wednesday (ISO week 37).
    art = article("Ce week-end, la fête foraine de Léo Barrault s'installe place Carnot.", "2023-09-13")
    assert run(time_stage, nlp, art)["Ce week-end"] == "2023-W37-WE"
    art = article("Ce week-end, la fête foraine de Léo Barrault s'est installée place Carnot.", "2023-09-12")
    assert run(time_stage, nlp, art)["Ce week-end"] == "2023-W36-WE"


def test_clock_amounts_of_a_noun_and_minute_abbreviations_are_durations(time_stage, nlp):
    art = article("Après 2 h 30 de délibéré, le jury a condamné Noé Ferrand. Il avait couru en "
                  "12 min et voté en 30 mn.", "2023-09-13")
    got = run(time_stage, nlp, art)
    assert got == {"2 h 30": "PT2H30M", "12 min": "PT12M", "30 mn": "PT30M"}


def test_a_clock_time_is_not_read_on_a_background_date_of_an_earlier_sentence(time_stage, nlp):
    art = article("Un cycliste de Gray, Noé Ferrand, a été blessé hier. Né le 4 mai 1950, il courait "
                  "depuis 1972. La chute s'est produite vers 17 h. En 1789, le 14 juillet à 15 h, "
                  "la foule de Lise Roy a marché.", "2023-09-13")
    got = run(time_stage, nlp, art)
    assert_found(got, {"17 h": "2023-09-12T17:00", "15 h": "1789-07-14T15:00"})


def test_a_day_in_the_sentence_of_a_yearly_recurrence_is_any_year(time_stage, nlp):
    art = article("Chaque année, le 15 août, la fête de Lise Roy attire la foule. Chaque 14 juillet, "
                  "le feu est tiré. L'an dernier, comme chaque année, la fête a eu lieu le 16 juin. "
                  "Les résultats annuels seront publiés fin mars.", "2023-09-13")
    got = run(time_stage, nlp, art)
    assert got["le 15 août"] == "XXXX-08-15" and got["Chaque 14 juillet"] == "XXXX-07-14"
    assert got["le 16 juin"] == "2022-06-16" and got["fin mars"] == "2024-03"


def test_a_day_number_alone_after_a_named_month_is_a_day_of_that_month(time_stage, nlp):
    art = article("En mars, Hugo Perrin a quitté la mairie de Lure. Le 5, il a fondé son parti. "
                  "En avril, le local a ouvert; le 12 au matin, il a brûlé, et au matin du 14, tout était fermé.",
                  "2023-05-20")
    got = run(time_stage, nlp, art)
    assert_found(got, {"Le 5": "2023-03-05", "le 12 au matin": "2023-04-12TMO", "matin du 14": "2023-04-14TMO"})


def test_each_day_of_a_list_gets_its_own_value(time_stage, nlp):
    art = article("La foire de Vesoul aura lieu les 22, 23 et 24 juin.", "2023-05-20")
    got = run(time_stage, nlp, art)
    assert got == {"les 22": "2023-06-22", "23": "2023-06-23", "24 juin": "2023-06-24"}


def test_nights_and_a_clock_time_written_before_its_night(time_stage, nlp):
    # 2023-05-20 is a Saturday.
    art = article("La nuit dernière, la grange de Paul Roy a brûlé. Le feu a repris vers 2 h dans la nuit "
                  "de samedi à dimanche. L'autre jour, il pleuvait; il pleuvra encore la nuit prochaine.", "2023-05-20")
    got = run(time_stage, nlp, art)
    assert_found(got, {"La nuit dernière": "2023-05-19TNI", "2 h": "2023-05-21T02:00", "L'autre jour": "PAST_REF",
                       "la nuit prochaine": "2023-05-20TNI"})
