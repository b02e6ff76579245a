"""Publication stamps of real pages: relative stamps and the capture date, year-less stamps, a
printed issue's date, abbreviated months (issue 11). Every page and sentence here is invented."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from test_clean_dumps import LYNX_PAGE, PARA_1, PARA_2, PARA_3, lynx
from veille.clean import CleanStage
from veille.clean.stamps import is_page_clock, join_stamp_labels, sole_cued_stamp, stamps
from veille.common.dates import find_date_in_line
from veille.common.relative_dates import capture_reference, find_relative, resolve_relative
from veille.metadata import MetadataStage
from veille.metadata.years import stamp_weekday, year_before
from veille.model import Article
from veille.pipeline import Context

STAMP = "Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"
CURL_HEADERS = "HTTP/1.1 200 OK\nServer: nginx\nDate: Tue, 12 Mar 2024 20:45:00 GMT\nContent-Type: text/html\n\n"


def _run(raw: str, kind: str = "text", hints: dict | None = None) -> Article:
    ctx = Context(settings={"today": "2026-06-01"})
    art = Article(id="t", raw_text=raw, hints={"kind": kind, **(hints or {})})
    CleanStage(ctx)(art, ctx)
    stage = MetadataStage(ctx)
    stage(art, ctx)
    stage.finish_batch([art], ctx)
    return art


def _page(stamp_line: str, headers: str = "") -> str:
    return headers + LYNX_PAGE.replace(STAMP, stamp_line)


# -- relative stamps -----------------------------------------------------------------------------


def test_relative_stamps_are_read() -> None:
    assert find_relative("Publié il y a 3 heures").amount == 3
    assert find_relative("il y a deux jours").unit == "days"
    assert find_relative("Hier à 18h02").amount == 1
    assert find_relative("5 hours ago").unit == "hours"
    ref = dt.datetime(2024, 3, 12, 20, 45)
    assert resolve_relative(find_relative("il y a 3 heures"), ref) == "2024-03-12"
    assert resolve_relative(find_relative("il y a 22 heures"), ref) == "2024-03-11"
    assert resolve_relative(find_relative("avant-hier"), ref) == "2024-03-10"
    assert resolve_relative(find_relative("il y a 2 mois"), ref) == "2024-01"
    # A stamp is a short line or follows its cue: a sentence naming yesterday is none.
    assert stamps("Publié hier à 18h02")[0][0] == "published"
    assert stamps("Le conseil municipal a voté hier soir le budget de la commune de Valmorin.") == []


def test_the_capture_headers_give_the_reference() -> None:
    assert capture_reference(CURL_HEADERS) == dt.datetime(2024, 3, 12, 20, 45)
    # A text browser runs the response headers together on one line.
    assert capture_reference("HTTP/2 200 date: Tue, 12 Mar 2024 20:45:00 GMT server: x") is not None
    assert capture_reference("WARC/1.0\nWARC-Date: 2024-03-12T20:45:00Z\n") == dt.datetime(2024, 3, 12, 20, 45)
    assert capture_reference("Un texte sans en-têtes. date: Tue, 12 Mar 2024 20:45:00 GMT") is None
    assert capture_reference("", None, "2024-03-12") == dt.date(2024, 3, 12)


def test_a_relative_stamp_is_resolved_against_the_capture_date_only() -> None:
    art = _run(_page("Par Jeanne Castel | Publié il y a 3 heures", CURL_HEADERS))
    assert art.published == "2024-03-12"
    assert _run(_page("Par Jeanne Castel | Publié hier à 18h02", CURL_HEADERS)).published == "2024-03-11"
    # No capture date in the input: no date (the clock of the run is no reference).
    assert _run(_page("Par Jeanne Castel | Publié il y a 3 heures")).published is None


def test_an_unresolved_relative_publication_stamp_lets_nothing_stand_in() -> None:
    # "Publié il y a 2 jours" with no capture date: the update under it is not the publication.
    two = "Par Jeanne Castel | Publié il y a 2 jours\n\n   Mis à jour le 13/03/24 à 08:02"
    assert _run(_page(two)).published is None
    assert _run(_page(two, CURL_HEADERS)).published == "2024-03-10"
    # An uncued "Il y a 5 jours" (a box's, a widget's) keeps the dated stamp that follows.
    bare = "Il y a 5 jours\n\n   Par Jeanne Castel | Publié le 12/03/24 à 10:45"
    assert _run(_page(bare)).published == "2024-03-12"


def test_the_capture_clock_alone_is_never_the_date() -> None:
    assert _run(_page("Par Jeanne Castel", CURL_HEADERS)).published is None


def test_a_record_s_capture_field_is_the_reference() -> None:
    from veille.readers import read_bytes

    record = {"title": "Un pont piéton relie enfin les deux rives", "date_download": "2024-03-12T20:45:00",
              "text": "Publié il y a 2 jours\n\nLa commune de Valmorin a inauguré un pont piéton au-dessus "
                      "de la rivière, après deux ans de travaux. Le maire a salué un ouvrage attendu."}
    docs = list(read_bytes(json.dumps(record, ensure_ascii=False).encode(), "page.jsonl"))
    assert docs[0].meta.get("capture_date") == "2024-03-12T20:45:00"


# -- year-less stamps ----------------------------------------------------------------------------


def test_a_year_less_stamp_keeps_its_weekday() -> None:
    assert stamp_weekday("Publié le mardi 12 mars à 10h45", 12, 3) == 1
    assert stamp_weekday("Publié le 12 mars à 10h45", 12, 3) is None
    # Tuesday 12 March was in 2024, 2019, 2013…: with nothing on the page to choose, no date (the
    # day and the weekday are kept), rather than the latest such year.
    art = _run(_page("Par Jeanne Castel | Publié le mardi 12 mars à 10h45"))
    assert art.published is None and art.hints["published_month_day"] == (3, 12)
    assert art.hints["published_weekday"] == 1
    # The page's footer year settles it.
    footer = _page("Par Jeanne Castel | Publié le mardi 12 mars à 10h45") + "\n   © Le Courrier de Valmorin 2024\n"
    assert _run(footer).published == "2024-03-12"


def test_the_years_a_story_names_do_not_date_its_year_less_stamp() -> None:
    # The text names 2013 (a Tuesday 12 March too): that is the story's past, not the stamp's year.
    page = _page("Par Jeanne Castel | Publié le mardi 12 mars à 10h45").replace(
        "après deux ans de travaux", "après un projet lancé en 2013")
    assert "2013" in page and _run(page).published is None


def test_a_year_less_stamp_takes_the_year_of_the_capture() -> None:
    assert year_before(3, 12, dt.date(2024, 4, 20)) == 2024
    assert year_before(12, 30, dt.date(2024, 1, 5)) == 2023
    assert year_before(3, 12, dt.date(2024, 4, 20), weekday=6) == 2023  # Sunday 12 March 2023
    headers = CURL_HEADERS.replace("Tue, 12 Mar 2024", "Sat, 20 Apr 2024")
    assert _run(_page("Par Jeanne Castel | Publié le 12 mars à 10h45", headers)).published == "2024-03-12"


# -- forms -----------------------------------------------------------------------------------------


def test_abbreviated_months() -> None:
    assert find_date_in_line("12 juill. 2024 à 10:45").iso() == "2024-07-12"
    assert find_date_in_line("Publié le 3 févr. 2023").iso() == "2023-02-03"
    assert find_date_in_line("Mis en ligne le 3 sept 2023").iso() == "2023-09-03"


def test_a_cue_alone_on_its_line_takes_the_date_below() -> None:
    assert join_stamp_labels(["Publié le", "Lundi 25 mars 2024", "Texte"]) == ["Publié le Lundi 25 mars 2024", "Texte"]
    assert join_stamp_labels(["Publié le", "La commune a voté."]) == ["Publié le", "La commune a voté."]


HTML = """<html><head><title>Un pont piéton relie enfin les deux rives</title>
<meta property="article:published_time" content="2024-03-24T23:30:00+01:00"></head><body>
<nav><a href="/">Accueil</a> <a href="/region">Région</a></nav>
<article><h1>Un pont piéton relie enfin les deux rives</h1>
<div class="date"><div class="label">Publié le</div><span>Lundi 25 mars 2024</span></div>
<p>La commune de Valmorin a inauguré samedi un pont piéton au-dessus de la rivière Lisse, après deux ans de travaux et un chantier interrompu par les crues de l'hiver dernier, a indiqué le maire Octave Brunel.</p>
<p>Le pont relie désormais le quartier des Tanneurs à la gare, ce qui évite aux piétons un détour de près de deux kilomètres par la route départementale, selon la mairie, qui attend un millier de passages.</p>
<p>Les travaux ont coûté 1,2 million d'euros, financés pour moitié par la région. Une seconde passerelle est à l'étude plus en aval, a indiqué l'adjointe Lise Marchal lors de la cérémonie d'inauguration.</p>
</article></body></html>"""


def test_a_printed_issue_s_date_shown_under_the_headline_wins() -> None:
    # The markup gives the upload on Sunday night; the page shows the issue of Monday.
    assert _run(HTML, kind="html").published == "2024-03-25"
    # A shown date much later than the markup's is a republication: the markup's date stays.
    later = HTML.replace("Lundi 25 mars 2024", "Mardi 3 septembre 2024")
    assert _run(later, kind="html").published == "2024-03-24"


# -- the site's clock, a stamp far from the headline ----------------------------------------------


def test_the_site_s_clock_is_not_a_stamp() -> None:
    assert is_page_clock("mer. 03/01/2024")
    assert is_page_clock("Mercredi 3 janvier 2024, Sainte Odile")
    assert is_page_clock("Mercredi 3 janvier Lire le journal")
    assert not is_page_clock("Mardi 12 mars 2024")
    assert not is_page_clock("Par Awa Koné, à Saint-Denis, mardi 3 mars 2024 à 10h")
    assert stamps("Mercredi 3 janvier 2024, Sainte Odile") == []
    # A masthead clock above the headline, the article's own stamp nowhere: no date.
    page = _page("Rédaction").replace("   Le Courrier de Valmorin\n", "   mer. 03/01/2024\n\n   Le Courrier de Valmorin\n")
    assert _run(page).published is None


def test_the_masthead_clock_is_the_reference_of_relative_and_year_less_stamps() -> None:
    def with_clock(stamp_line: str, clock: str) -> str:
        return _page(stamp_line).replace("   Le Courrier de Valmorin\n", f"   {clock}\n\n   Le Courrier de Valmorin\n")

    art = _run(with_clock("Par Jeanne Castel | Publié il y a 2 jours", "mer. 13/03/2024"))
    assert art.hints["page_clock"] == "mer. 13/03/2024" and art.published == "2024-03-11"
    assert _run(with_clock("Par Jeanne Castel | Publié le 12 mars à 10h45", "sam. 20/04/2024")).published == "2024-03-12"


def test_only_the_page_s_own_url_dates_it() -> None:
    from veille.metadata.sources import header_date, own_url_date

    title = "Un pont piéton relie enfin les deux rives"
    own = "REFRESH(0 sec): https://x.invalid/region/2019/03/05/un-pont-pieton-relie-les-deux-rives.html"
    related = "12. https://x.invalid/region/2019/02/11/la-gare-de-valmorin-renovee-pour-l-ete.html"
    image = "3. https://x.invalid/wp-content/uploads/2025/01/logo-courrier.png"
    assert own_url_date([related, image, own], title) == "2019-03-05"
    assert own_url_date([related, image], title) is None
    # A bimonthly issue is dated by its first month; a magazine's page reference may follow.
    assert header_date(["Cahiers de Valmorin #12 • octobre-novembre 2006"]) == "2006-10"
    assert header_date(["> Septembre 2000, page 22"]) == "2000-09"


def test_a_page_printing_one_cued_publication_date_is_dated_by_it() -> None:
    assert sole_cued_stamp(["Menu", "Publié le 5 novembre 2016 à 10h05", "La commune a voté.",
                            "Publié le 5 novembre 2016 à 10h05"]) == "Publié le 5 novembre 2016 à 10h05"
    # Several cued dates: a list of other articles, none is known to be the article's.
    assert sole_cued_stamp(["Publié le 5 novembre 2016", "Publié le 4 novembre 2016"]) is None
    # The head the block finder chose holds a reader's comment and its date; the page's only
    # "Publié le" stamp sits elsewhere.
    comments = (f"\n\n   Réactions\n\n   Octave B. 7 novembre 2016 19:24\n\n{lynx(PARA_2)}\n\n{lynx(PARA_3)}\n")
    page = _page("Par Jeanne Castel | publié le 5 novembre 2016.") + comments
    assert _run(page).published == "2016-11-05"


def test_an_html_page_s_one_cued_stamp_beats_a_modification_date_in_its_markup() -> None:
    page = HTML.replace("2024-03-24T23:30:00+01:00", "2024-05-02T08:00:00+02:00").replace(
        '<div class="date"><div class="label">Publié le</div><span>Lundi 25 mars 2024</span></div>', "").replace(
        "</article>", "<footer><p>Publié le 25/03/2024 à 06:00 par la rédaction</p></footer></article>")
    assert _run(page, kind="html").published == "2024-03-25"


def test_the_run_s_other_articles_date_a_year_less_stamp() -> None:
    # The mission's "the corpus": articles of the same crawl dated 2024 settle a year-less
    # "mardi 12 mars" (a Tuesday in 2024, 2019, 2013…) that nothing on its own page dates.
    ctx = Context(settings={"today": "2026-06-01"})
    stage = MetadataStage(ctx)
    dated = [Article(id=f"d{i}", raw_text=_page(STAMP), hints={"kind": "text"}) for i in range(2)]
    yearless = Article(id="y", raw_text=_page("Par Jeanne Castel | Publié le mardi 12 mars à 10h45"),
                       hints={"kind": "text"})
    batch = [*dated, yearless]
    for art in batch:
        CleanStage(ctx)(art, ctx)
        stage(art, ctx)
    stage.finish_batch(batch, ctx)
    assert [a.published for a in dated] == ["2024-03-12", "2024-03-12"]
    assert yearless.published == "2024-03-12"


@pytest.mark.parametrize("line,published", [
    ("July 23, 2018 - Mis à jour à 17h59", "July 23, 2018"),
    ("Par Jeanne Vautrin - March 3, 2024 | mis à jour le 4 mars 2024", "March 3, 2024"),
])
def test_a_date_in_english_order_before_an_update_cue_is_the_publication(line: str, published: str) -> None:
    assert ("published", published) in stamps(line)


_HTML_PAGE = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Valmorin inaugure sa "
              "passerelle</title></head><body><main><article><h1>Valmorin inaugure sa passerelle</h1>{stamp}"
              f"<p>{PARA_2}</p><p>{PARA_3}</p></article></main></body></html>")


@pytest.mark.parametrize("heads", [
    CURL_HEADERS,
    # "curl -iL": the redirect's head, then the page's; header lines end in CR LF.
    "HTTP/1.1 301 Moved Permanently\r\nLocation: /passerelle\r\nDate: Tue, 12 Mar 2024 20:44:59 GMT\r\n\r\n"
    "HTTP/2 200 \r\ndate: Tue, 12 Mar 2024 20:45:00 GMT\r\nlast-modified: Mon, 11 Mar 2024 09:00:00 GMT\r\n\r\n",
])
def test_the_capture_headers_of_an_html_page_are_no_stamp(heads: str) -> None:
    # The response heads saved before the markup give the capture's clock, not the article's day.
    assert _run(heads + _HTML_PAGE.format(stamp=""), kind="html").published is None
    dated = _run(heads + _HTML_PAGE.format(stamp="<p>Publié le 3 mars 2024 à 14h05</p>"), kind="html")
    assert dated.published == "2024-03-03"


_CHAPO_PAGE = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Valmorin inaugure sa "
               "passerelle</title></head><body><header><div>Le Courrier de Valmorin</div><nav><ul>"
               + "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(("Accueil", "Politique", "Société")))
               + "</ul></nav></header><main><article><h1>Valmorin inaugure sa passerelle</h1>"
               "<p class=\"chapo\"><strong>Le chantier a duré deux ans et coûté plus d'un million.</strong></p>"
               "{under}" f"<p>{PARA_1}</p><p>{PARA_2}</p><p>{PARA_3}</p></article>{{after}}</main>"
               "<footer><ul><li>Mentions légales</li><li>Contact</li></ul></footer></body></html>")
_RELATED_IMAGES = ("<aside><h2>À lire aussi</h2><ul>" + "".join(
    f'<li><a href="/b{i}"><img src="https://img.courrier.example/2025/12/31/photo-{i}.jpg">Un autre titre '
    f"numéro {i} sur la commune</a></li>" for i in range(4)) + "</ul></aside>")


@pytest.mark.parametrize("under,after,published", [
    # The byline and its bare date under the standfirst, in a box the extraction leaves out, no date
    # in the markup.
    ('<p class="meta">Par Jeanne Castel</p><p class="meta">19 février 2020</p>', "", "2020-02-19"),
    ('<p class="meta">Par Jeanne Castel, le mardi 18 février 2020</p>', "", "2020-02-18"),
    # ... and when the extraction guessed a day from the pictures of the related links.
    ('<p class="meta">Par Jeanne Castel</p><p class="meta">19 février 2020</p>', _RELATED_IMAGES, "2020-02-19"),
    # The update said first on the stamp's line: the publication is the one after it.
    ("<p>Mis à jour le 06/12/2021 à 06H30, publié le 16/10/2020 à 15H14</p>", "", "2020-10-16"),
])
def test_an_html_page_without_a_marked_date_is_dated_by_the_stamp_it_shows(under: str, after: str,
                                                                           published: str) -> None:
    assert _run(_CHAPO_PAGE.format(under=under, after=after), kind="html").published == published


def test_a_date_in_a_sentence_under_the_standfirst_is_no_stamp() -> None:
    under = "<p>La passerelle sera ouverte au public le 3 mars 2020, a précisé la mairie.</p>"
    assert _run(_CHAPO_PAGE.format(under=under, after=""), kind="html").published is None


def _facts_list_page(items: str) -> str:
    """A lynx dump whose standfirst is followed by the article's facts set as a nested list."""
    standfirst = ("Depuis des années, l'urbaniste Octave Brunel observe la ville changer. Il raconte ce que la "
                  "passerelle a changé pour le quartier des Tanneurs.")
    return (LYNX_PAGE.split("Un pont piéton relie enfin les deux rives de la Lisse\n")[0]
            + f"Un pont piéton relie enfin les deux rives de la Lisse\n\n{lynx(standfirst)}\n{items}\n"
            + f"{lynx(PARA_1)}\n\n{lynx(PARA_2)}\n\n{lynx(PARA_3)}\n")


def test_a_date_alone_in_the_facts_list_under_the_standfirst_dates_the_dump() -> None:
    items = ("     *\n          +\n          + Urbanisme\n     *\n          +\n          + 26/10/2023\n"
             "     *\n          +\n          + Jeanne Castel\n     *\n          +\n          + 8 mn\n")
    assert _run(_facts_list_page(items)).published == "2023-10-26"
    # An item that says more than a date is no stamp ("12 mars 2020 : le premier confinement").
    said = items.replace("+ 26/10/2023", "+ 26/10/2023 : le conseil vote le projet de passerelle")
    assert _run(_facts_list_page(said)).published is None


def test_a_shown_day_refines_a_month_the_metadata_gives_alone() -> None:
    # The markup's first of the month, never printed as a day, reads as the month; the day shown
    # under the headline, in that month, is the article's.
    meta = '<meta property="article:published_time" content="2023-03-01T00:00:00+01:00"></head>'
    page = _CHAPO_PAGE.format(under='<p class="meta">Par Jeanne Castel</p><p class="meta">3 mars 2023</p>', after="")
    assert _run(page.replace("</head>", meta, 1), kind="html").published == "2023-03-03"
