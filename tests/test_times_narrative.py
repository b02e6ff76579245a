"""Times (issue 12): a year opening a narrative frames the months and days opening the next sentences;
midnight ends the day it is read on.

Invented sentences and people; the article is dated 2002-05-14 (a Tuesday).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from veille.model import Article

DCT = "2002-05-14"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def values(time_stage, nlp, *paragraphs: str) -> dict[str, str | None]:
    art = Article(id="n", paragraphs=list(paragraphs), published=DCT)
    time_stage(art, nlp(art.nlp_text()), None)
    return {t.text: t.value for t in art.times}


def test_months_and_days_opening_sentences_after_a_year_opening_one(time_stage, nlp):
    got = values(time_stage, nlp, "En 1981, des heurts éclatent à Valbourg. En juillet, un plan est lancé. "
                 "Le 3 octobre, une loi est votée.")
    assert got["juillet"] == "1981-07"
    assert got["Le 3 octobre"] == "1981-10-03"


def test_a_chronology_with_year_headings(time_stage, nlp):
    got = values(time_stage, nlp, "1981", "Juillet : premiers heurts à Valbourg.", "Octobre : un plan est lancé.",
                 "1983", "Mars : une loi est votée.")
    assert got["Juillet"] == "1981-07"
    assert got["Octobre"] == "1981-10"
    assert got["Mars"] == "1983-03"


def test_a_coming_year_frames_the_future(time_stage, nlp):
    got = values(time_stage, nlp, "En 2004, la ligne de Lucie Ferrat sera prolongée. En mars, les travaux commenceront.")
    assert got["mars"] == "2004-03"


def test_a_year_inside_a_clause_frames_nothing(time_stage, nlp):
    got = values(time_stage, nlp, "Le club de Jules Barra a été fondé en 1921. En mai, il a perdu la finale.")
    assert got["mai"] == "2002-05"


def test_a_past_year_does_not_frame_an_announcement(time_stage, nlp):
    got = values(time_stage, nlp, "L'an dernier, 300 personnes sont venues chez Odile Brun. En juin, la fête "
                 "aura lieu place Carnot.")
    assert got["juin"] == "2002-06"
    got = values(time_stage, nlp, "L'an dernier, 300 personnes sont venues chez Odile Brun. Le 14 juin, la fête "
                 "a lieu place Carnot.")
    assert got["Le 14 juin"] == "2002-06-14"


def test_a_month_inside_a_sentence_keeps_its_verb_reading(time_stage, nlp):
    got = values(time_stage, nlp, "En 1995, Marc Delorme a ouvert un café. Il le fermera en juin.")
    assert got["juin"] == "2002-06"


@settings(max_examples=25, deadline=None)
@given(year=st.integers(1950, 2000), month=st.integers(1, 12))
def test_any_past_year_frames_the_next_opening_month(time_stage, nlp, year, month):
    got = values(time_stage, nlp, f"En {year}, Paul Vigier a quitté Valbourg. En {MONTHS[month - 1]}, il s'est "
                 "installé à Dole.")
    assert got[MONTHS[month - 1]] == f"{year}-{month:02d}"


def test_midnight_ends_the_day_it_is_read_on(time_stage, nlp):
    got = values(time_stage, nlp, "La réunion de Lucie Ferrat s'est terminée mardi à minuit. Trois heures plus tard, "
                 "le feu a pris.")
    assert got["minuit"] == "2002-05-14T24:00"
    assert got["Trois heures"] == "PT3H"  # "plus tard": the signal of a DURATION (issue 12, times20)
    assert values(time_stage, nlp, "Jules Barra est rentré à minuit et demi.")["minuit et demi"] == "2002-05-14T00:30"


def test_half_of_a_month_is_the_month_marked_whole(time_stage, nlp):
    got = values(time_stage, nlp, "Les vendanges de Paul Vigier commenceront la première quinzaine de septembre; "
                 "son café avait fermé la seconde quinzaine d'août 2001.")
    assert got["la première quinzaine de septembre"] == "2002-09"
    assert got["la seconde quinzaine d'août 2001"] == "2001-08"


def test_a_round_amount_of_days_later_is_a_duration(time_stage, nlp):
    # "plus tard" / "plus tôt": the signal of a DURATION (issue 12, times20), the round amount its length.
    got = values(time_stage, nlp, "Le 3 mars, Odile Brun a signé. Une quinzaine de jours plus tard, elle est revenue.")
    assert got["Une quinzaine de jours"] == "P15D"
    got = values(time_stage, nlp, "Le 3 mars, Odile Brun a signé. Une dizaine de jours plus tôt, elle était à Dole.")
    assert got["Une dizaine de jours"] == "P10D"
