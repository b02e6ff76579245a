"""MetadataStage on whole invented pages: footer and URL years, bylines, stamps in the furniture, run years."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from metadata_support import TODAY, run
from veille.clean import CleanStage
from veille.metadata import (
    MetadataStage,
    find_dateline,
    header_date,
    infer_year,
    page_years,
    weekday_evidence,
)
from veille.model import Article
from veille.pipeline import Context


def test_page_years_from_footer_and_url() -> None:
    years = page_years(["© Le Journal des Hauts 2019", "https://ex.invalid/monde/2018/11/une-page", "© 2003-2021 Groupe"],
                       2026)
    assert years == {2019: 1, 2018: 1, 2021: 1}
    # A picture's upload folder dates the file, not the article.
    assert page_years(["[https://ex.invalid/wp-content/uploads/2017/05/logo-du-journal.png]"], 2026) == {}


BYLINE_PAGE = """Le Journal des Hauts
Une passerelle piétonne relie enfin les deux rives de la Sambre
Par Hélène Vasseur | 12 mars 2024 | 14h05
La passerelle, attendue depuis dix ans par les habitants, a été ouverte au public mardi matin en présence du bourgmestre.
Elle a coûté 4 millions d'euros, financés pour moitié par la Région.
"""


def test_published_from_a_byline_with_bars() -> None:
    (art,) = run([(BYLINE_PAGE, {})])
    assert art.title.startswith("Une passerelle piétonne")
    assert art.published == "2024-03-12" and art.published_from == "text"


YEARLESS_STAMP = """Une passerelle piétonne relie enfin les deux rives de la Sambre
Publié le 12 mars à 10h12
La passerelle, attendue depuis dix ans par les habitants, a été ouverte au public mardi matin en présence du bourgmestre.
Elle a coûté 4 millions d'euros, financés pour moitié par la Région.
© Le Journal des Hauts {year}
"""


def test_yearless_stamp_takes_the_footer_year_when_the_lead_weekday_fits() -> None:
    # 12 March was a Tuesday ("mardi" in the lead) in 2024: the footer's year fits.
    (art,) = run([(YEARLESS_STAMP.format(year=2024), {})])
    assert art.published == "2024-03-12" and art.published_from == "inferred"


def test_footer_year_against_the_weekday_gives_no_date() -> None:
    # Not in 2021: a footer's year is the site's (a stale template, a later capture): null rather
    # than a wrong day; nor 2024 (the lead's weekday alone is no page evidence).
    (art,) = run([(YEARLESS_STAMP.format(year=2021), {})])
    assert art.published is None


def test_footer_year_with_the_stamps_weekday() -> None:
    page = YEARLESS_STAMP.replace("Publié le 12 mars", "Publié le vendredi 12 mars").replace("mardi matin", "hier")
    (art,) = run([(page.format(year=2021), {})])  # 12 March 2021 was a Friday
    assert art.published == "2021-03-12"
    (art,) = run([(page.format(year=2024), {})])
    assert art.published is None


def test_update_stamp_only_when_no_publication_stamp() -> None:
    page = BYLINE_PAGE.replace("Par Hélène Vasseur | 12 mars 2024 | 14h05",
                               "Mis à jour le 14 mars 2024 à 08h00\nPublié le 12 mars à 9h")
    (art,) = run([(page, {})])
    assert art.published == "2024-03-12"
    (art,) = run([(BYLINE_PAGE.replace("Par Hélène Vasseur | 12 mars 2024 | 14h05",
                                       "Mis à jour le 14 mars 2024 à 08h00"), {})])
    assert art.published == "2024-03-14"


def test_own_url_date_over_an_update_stamp_alone() -> None:
    page = BYLINE_PAGE.replace("Par Hélène Vasseur | 12 mars 2024 | 14h05", "Mis à jour le 14 mars 2024 à 08h00")
    # The URL is minted at publication; the update stamp is a later day.
    (art,) = run([(page, {"url": "https://www.ex.invalid/region/2024/03/11/passerelle-pietonne-sambre"})])
    assert art.published == "2024-03-11" and art.published_from == "metadata"


def test_a_month_url_the_update_stamp_agrees_with_keeps_its_day() -> None:
    page = BYLINE_PAGE.replace("Par Hélène Vasseur | 12 mars 2024 | 14h05", "Mis à jour le 14 mars 2024 à 08h00")
    # A URL giving the month only: the stamp of that month says the day.
    (art,) = run([(page, {"url": "https://www.ex.invalid/region/2024/03/passerelle-pietonne-sambre"})])
    assert art.published == "2024-03-14"
    # Another month in the URL: the URL, minted at publication, wins.
    (art,) = run([(page, {"url": "https://www.ex.invalid/region/2024/02/passerelle-pietonne-sambre"})])
    assert art.published == "2024-02"


def test_relative_stamp_gives_no_date() -> None:
    (art,) = run([(BYLINE_PAGE.replace("Par Hélène Vasseur | 12 mars 2024 | 14h05", "Publié il y a 2 heures"), {})])
    assert art.published is None


def test_yearless_dateline_takes_the_year_of_a_stamp_in_the_furniture() -> None:
    text = ("Les pompiers maîtrisent un feu de broussailles près d'Avignon\n"
            "Mis en ligne le 14 août 2017\n"
            "AVIGNON, 12 août (Sud Dépêches) – Les pompiers ont maîtrisé jeudi un feu qui a parcouru "
            "une quarantaine d'hectares de garrigue, selon la préfecture.\n"
            "Aucune habitation n'a été menacée, ont-ils précisé.\n")
    (art,) = run([(text, {})])
    assert art.dateline.date == "2017-08-12"


def test_a_full_date_in_the_furniture_beats_the_weekday() -> None:
    # "samedi" names another day of the story; an archive stamp of the page says 2021.
    from veille.metadata import DateParts

    weekdays = weekday_evidence(["Les négociations avaient échoué samedi, a rappelé le médiateur."])
    without = infer_year(3, 15, weekdays=weekdays, years_in_text={}, corpus_years={}, today=TODAY)
    with_page = infer_year(3, 15, weekdays=weekdays, years_in_text={}, corpus_years={}, today=TODAY,
                           page_dates=[DateParts(16, 3, 2021)])
    assert dt.date(without, 3, 15).weekday() == 5
    assert with_page == 2021


def test_url_path_dates_an_undated_page() -> None:
    page = BYLINE_PAGE.replace("Par Hélène Vasseur | 12 mars 2024 | 14h05",
                               "https://www.ex.invalid/region/2022/09/21/passerelle-sambre")
    (art,) = run([(page, {})])
    assert art.published == "2022-09-21" and art.published_from == "metadata"
    (art,) = run([(BYLINE_PAGE.replace("Par Hélène Vasseur | 12 mars 2024 | 14h05", ""), {})])
    assert art.published is None


LONG_BYLINE_PAGE = """Une passerelle piétonne relie enfin les deux rives de la Sambre
Par Maëlle Guérin - 12 mars à 10:12 | mis à jour le 12 mars à 18:30 - Temps de lecture : 2 min
La passerelle, attendue depuis dix ans par les habitants, a été ouverte au public mardi matin en présence du bourgmestre.
Elle a coûté 4 millions d'euros, financés pour moitié par la Région.
© Le Journal des Hauts {year}
"""


def test_published_from_a_long_byline_line_with_a_yearless_stamp() -> None:
    # Byline, stamps and reading time on one line: too long for each cue's word limit, still the
    # page's stamp; its year comes from the footer (the lead's "mardi" fits it).
    (art,) = run([(LONG_BYLINE_PAGE.format(year=2024), {})])
    assert art.paragraphs[0].startswith("La passerelle")
    assert art.published == "2024-03-12"


# -- agencies after an en dash, header dates (rules written from invented lines) -------------


@pytest.mark.parametrize("line,place,agency,rest", [
    ("LVIV – AFP – Les secours ont dégagé trois immeubles mercredi.", "Lviv", "AFP",
     "Les secours ont dégagé trois immeubles mercredi."),
    ("Lausanne – ATS Le canton a adopté son budget lundi.", "Lausanne", "ATS",
     "Le canton a adopté son budget lundi."),
    ("Lausanne – ATS", "Lausanne", "ATS", ""),
    ("TANGER, 4 avril – MAP –", "Tanger", "MAP", ""),
    ("Novossibirsk, 9 mai / RIA Novosti / Le gouverneur a démissionné.", "Novossibirsk", "RIA Novosti",
     "Le gouverneur a démissionné."),
])
def test_agency_after_a_dash_or_between_slashes(line: str, place: str, agency: str, rest: str) -> None:
    m = find_dateline(line)
    assert m is not None and (m.place, m.agency, m.rest) == (place, agency, rest)


@pytest.mark.parametrize("line", [
    "ANALYSE – AFP",  # a section label, not a place
    "LYON – Le conseil municipal a voté mardi une hausse des tarifs des cantines.",  # no agency
])
def test_no_agency_invented_after_a_dash(line: str) -> None:
    m = find_dateline(line)
    assert m is None or m.agency is None


@pytest.mark.parametrize("lines,expected", [
    (["22.11.2023 08:47"], "2023-11-22"),
    (["Un titre", "05/02/2024 - 17h30"], "2024-02-05"),
    (["Rapport annuel n° 4 — novembre 2024"], "2024-11"),
    (["Lettre d'information | Février 2023"], "2023-02"),
    (["Le chantier doit s'achever en novembre 2024 selon la mairie."], None),  # a sentence
    (["Publié par la direction régionale des routes du département en novembre 2024 après la"
      " consultation du public"], None),
])
def test_header_date(lines: list[str], expected: str | None) -> None:
    assert header_date(lines) == expected


def test_header_month_gives_published_when_nothing_else_does() -> None:
    art = Article(id="h", title="Bulletin de conjoncture n° 7 — octobre 2024",
                  paragraphs=["L'activité du secteur a ralenti au troisième trimestre, selon les"
                              " chiffres de l'observatoire régional."])
    MetadataStage(Context())(art, Context())
    assert (art.published, art.published_from) == ("2024-10", "text")


def test_dash_agency_dateline_through_clean_and_metadata() -> None:
    body = ("Les secours ont dégagé mercredi trois immeubles du quartier est, selon la protection"
            " civile.\n\nLe maire fictif Orest Halych a demandé aux habitants de rester prudents.")
    art = run([("Un titre inventé pour ce test\n\nLVIV – AFP – " + body, {})])[0]
    assert art.dateline is not None and (art.dateline.place, art.dateline.agency) == ("Lviv", "AFP")
    assert art.paragraphs[0].startswith("Les secours")


# -- the KB the run names (kb_dirs) decides which capitalised words are organisations -------------

KB_FIXTURE = Path(__file__).parent / "data" / "kb_fixture"


def _dateline_split(text: str, kb_dirs: list[Path]) -> bool:
    """True when the clean stage splits a dateline off the second line (its first words are not a
    name the KB knows as an organisation)."""
    ctx = Context(settings={"today": "2026-06-01", "kb_dirs": kb_dirs})
    art = Article(id="kb", raw_text=text, hints={"kind": "text"})
    CleanStage(ctx)(art, ctx)
    MetadataStage(ctx)(art, ctx)
    return art.paragraphs[0].startswith("Les alliés")


def test_organisations_come_from_the_runs_kb(tmp_path: Path) -> None:
    # An invented alliance known only to a user KB; OTAN known only to the fixture KB.
    (tmp_path / "user.jsonl").write_text(json.dumps({
        "id": "org:zorbax", "name": "ZORBAX", "type": "ORG", "kind": "alliance", "aliases": [],
        "source": "invented for this test"}) + "\n", encoding="utf-8")
    page = ("Les alliés tiennent conseil sur la frontière\n"
            "{name} — Les alliés réunis hier ont promis une aide nouvelle aux pays voisins.\n"
            "Le reste de la dépêche suit ici avec des détails sans importance pour le test.")
    assert not _dateline_split(page.format(name="OTAN"), [KB_FIXTURE])
    assert _dateline_split(page.format(name="ZORBAX"), [KB_FIXTURE])
    assert not _dateline_split(page.format(name="ZORBAX"), [tmp_path])
    # The bundled KB is not read behind the run's back: without OTAN in it, OTAN opens a dateline.
    assert _dateline_split(page.format(name="OTAN"), [tmp_path])
    assert "zorbax" in MetadataStage(Context(settings={"kb_dirs": [tmp_path]})).organisations


BARE_YEARLESS = """Le marché couvert de Valmorin rouvre après deux ans de travaux
Publié le 9 octobre à 11h20
Les commerçants ont retrouvé leurs étals sous la nouvelle charpente, a indiqué la mairie.
La rénovation a coûté 3 millions d'euros.
"""
OTHER_DATED = ("Un autre article\n\nCe texte daté par ses métadonnées parle d'autre chose, "
               "avec assez de mots pour être un paragraphe.\n")


@pytest.mark.parametrize("dated,expected", [
    (0, None),  # nothing dates the run
    (1, None),  # one article of the run is no evidence of a year
    (2, "2019-10-09"),  # the run is of 2019: the stamp is too
])
def test_a_run_year_needs_enough_dated_articles(dated: int, expected: str | None) -> None:
    arts = run([(OTHER_DATED, {"kind": "record", "date": "2019-10-01"})] * dated + [(BARE_YEARLESS, {})])
    assert arts[-1].published == expected


def test_a_run_year_needs_a_share_of_the_run() -> None:
    # Three articles of 2019 in a run of ten mostly dated 2023: 2019 is not the run's year.
    texts = [(OTHER_DATED, {"kind": "record", "date": "2019-10-01"})] * 3 + \
            [(OTHER_DATED, {"kind": "record", "date": "2023-05-01"})] * 7 + [(BARE_YEARLESS, {})]
    assert run(texts)[-1].published in (None, "2023-10-09")


def test_an_anniversary_pairs_a_date_with_the_span_said_beside_it() -> None:
    from veille.metadata.years import anniversary_years

    beside = ["Le 9 octobre 2014, la digue avait cédé sous la crue. Dix ans plus tard, les riverains attendent."]
    assert anniversary_years(beside, 10, 9) == {2024}
    apart = ["Le 9 octobre 2014, la digue avait cédé sous la crue.", "Les riverains ont manifesté.",
             "Le maire, élu il y a deux ans, promet des travaux."]
    assert anniversary_years(apart, 10, 9) == set()


def test_page_dates_of_two_years_leave_a_yearless_stamp_undated() -> None:
    # The page's later full dates near the day fall in two years (other articles' items): the page
    # does not say which year its "12 mars" is; null rather than a guess. One year: that year.
    page = YEARLESS_STAMP.replace("mardi matin", "hier").replace(
        "© Le Journal des Hauts {year}", "Autres articles :\nLa foire aux vins revient à Namur - 20 mars 2024\n"
        "Le carnaval de Binche sous la pluie - 28 mars {year}")
    (art,) = run([(page.format(year=2023), {})])
    assert art.published is None
    (art,) = run([(page.format(year=2024), {})])
    assert art.published == "2024-03-12"


def test_an_item_dated_days_before_the_stamp_is_no_update_of_it() -> None:
    # "12 mars", then another item's "9 mars 2024": no update comes a year less three days later;
    # that item dates the page's weeks, 2024, not 2023.
    page = YEARLESS_STAMP.replace("mardi matin", "hier").replace(
        "© Le Journal des Hauts {year}", "Autres articles :\nLa foire aux vins revient à Namur - 9 mars 2024")
    (art,) = run([(page, {})])
    assert art.published == "2024-03-12"
