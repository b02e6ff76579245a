"""The published date under the other forms a French news page gives it (issue 11, round 27:
``bench/published_perturb.py``): a breadcrumb closing on the day, a template's ISO time before
an update cue, an English date glued to the next words, a stamp line filling the dump's width;
and a property test of the date parser over the written forms. Every page and sentence here is
invented."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from metadata_support import run
from test_clean_dumps import LYNX_PAGE
from veille.clean.crumb_dates import crumb_date
from veille.clean.dump import units
from veille.clean.short_years import full_years
from veille.clean.stamps import stamp_text, stamps, unglue_dates
from veille.common.dates import find_date_in_line

STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02\n"
HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse\n"


def _published(raw: str) -> str | None:
    return run([(raw, {})])[0].published


def _page(stamp_line: str, above: str = "") -> str:
    assert STAMP in LYNX_PAGE and HEADLINE in LYNX_PAGE
    page = LYNX_PAGE.replace(STAMP, stamp_line)
    return page.replace(HEADLINE, above + HEADLINE) if above else page


# -- a breadcrumb closing on the day --------------------------------------------------------------

def test_a_trail_closing_on_a_date_gives_the_date() -> None:
    assert crumb_date("Accueil > Régions > Valmorin > 12 mars 2024") == "12 mars 2024"
    assert crumb_date("Accueil › Monde › mardi 12 mars 2024 à 10h45") == "mardi 12 mars 2024 à 10h45"
    assert crumb_date("Accueil / Culture / 12/03/2024") == "12/03/2024"
    # No trail: a headline after the section, mixed marks, a year-less day, a sentence.
    assert crumb_date("Accueil > Régions > Le pont de Valmorin rouvre le 12 mars 2024") is None
    assert crumb_date("Accueil > Régions | 12 mars 2024") is None
    assert crumb_date("Accueil > Régions > 12 mars") is None
    assert crumb_date("Le maire a signé 3 arrêtés > 12 mars 2024") is None


def test_a_breadcrumb_s_day_is_the_publication_not_the_update_under_the_headline() -> None:
    page = _page("   Par Jeanne Castel | Mis à jour le 13 mars 2024 à 08:02\n",
                 above="   Accueil > Régions > Valmorin > 12 mars 2024\n\n")
    assert _published(page) == "2024-03-12"


# -- a template's ISO time before an update cue -----------------------------------------------------

def test_an_iso_time_before_the_update_is_the_publication() -> None:
    assert stamps("2024-03-12T10:45, Mis à jour le 13/03/2024 à 08:02")[0] == ("published", "2024-03-12T10:45")
    assert stamps("2024-03-12T10:45 | mis à jour le 13 mars 2024")[0] == ("published", "2024-03-12T10:45")
    page = _page("   Par Jeanne Castel\n   2024-03-12T10:45 - Mis à jour le 13/03/2024 à 08:02\n")
    assert _published(page) == "2024-03-12"


# -- an English date glued to what follows it ---------------------------------------------------------

def test_an_english_date_glued_to_the_next_words_is_set_apart() -> None:
    assert unglue_dates("Published March 12, 202412 mars 2024 Régions") == "Published March 12, 2024 12 mars 2024 Régions"
    assert unglue_dates("Published March 12, 2024Dernière modification") == "Published March 12, 2024 Dernière modification"
    assert unglue_dates("Le score: 3, 202412 points") == "Le score: 3, 202412 points"  # (no month before it)


# -- a stamp line as wide as the dump ---------------------------------------------------------------

def test_a_full_width_stamp_line_is_not_run_into_the_caption_under_it() -> None:
    stamp = "   Publié le 12 septembre 2024 à 10h45, mis à jour le 13 septembre 2024 à 08h02"
    caption = "   Le nouveau pont au-dessus de la Lisse. © Photo J. Castel"
    texts = [u.text for u in units(f"{stamp}\n{caption}\n")]
    assert texts[0] == stamp.strip()
    # A paragraph's wrapped line still runs on.
    prose = "   Le maire a inauguré le pont samedi, en présence des riverains qui l'attendaient depuis"
    assert len(units(f"{prose}\n   Deux ans.\n")) == 1


# -- the date parser over the written forms (property) -----------------------------------------------

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
ENGLISH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
FORMS = [
    lambda d: f"Publié le {d.day} {MONTHS[d.month - 1]} {d.year} à 14h05",
    lambda d: f"{d:%d/%m/%Y} - 14:05",
    lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: f"{d:%d.%m.%y}",
    lambda d: f"Par Jeanne Castel, le {d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{ENGLISH[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.isoformat()}T14:05",
    lambda d: f"Mis à jour le {d.day} {MONTHS[d.month - 1]} {d.year}",
]
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2068, 12, 31))


@settings(max_examples=300, deadline=None)
@given(day=DAYS, form=st.integers(min_value=0, max_value=len(FORMS) - 1))
def test_every_written_form_reads_back_as_its_day(day: dt.date, form: int) -> None:
    parts = find_date_in_line(stamp_text(full_years(FORMS[form](day))))
    assert parts is not None and parts.iso() == day.isoformat()


@settings(max_examples=300, deadline=None)
@given(day=DAYS)
def test_a_year_less_form_reads_back_as_its_day_and_month(day: dt.date) -> None:
    parts = find_date_in_line(f"Publié le {day.day} {MONTHS[day.month - 1]} à 14h05")
    assert parts is not None and (parts.year, parts.month, parts.day) == (None, day.month, day.day)


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789/.-: Tlemarsjuinhàé,|>")), max_size=60))
def test_the_readers_never_crash(text: str) -> None:
    find_date_in_line(text)
    stamps(text)
    crumb_date(text)
    full_years(text)
