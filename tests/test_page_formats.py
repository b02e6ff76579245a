"""Headline and publication-stamp formats of news pages, on invented pages (issue 11).

The pages are built in ``tests/data/page_formats/cases.py`` (invented outlet, people and events):
each case is one format of a stamp or a headline. They are read as HTML (and as text dumps for the
cases written as dumps) through the clean and metadata stages; ``bench/page_formats.py`` also
reads them as lynx and w3m dumps. A few dumps written by hand here check the dump rules.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from veille.clean import CleanStage
from veille.clean.dump import Unit
from veille.clean.headline import broken_headline
from veille.clean.html import logo_headline, read_in_text, shown_headline, strip_credited_prefix
from veille.clean.lines import page_stamps
from veille.clean.page_dates import other_dates
from veille.clean.stamps import stamps
from veille.clean.text import line_key
from veille.metadata import MetadataStage
from veille.model import Article
from veille.pipeline import Context
from veille.readers import RawDocument, read_file

sys.path.insert(0, str(Path(__file__).parent / "data" / "page_formats"))
from cases import CASES, TEXT_CASES, TOPICS, heavy_cases  # noqa: E402

HEAVY = heavy_cases()

TODAY = "2026-06-01"


def _read(path: Path, url: str | None = None) -> Article:
    ctx = Context(settings={"today": TODAY})
    raw = next(d for d in read_file(path) if isinstance(d, RawDocument))
    art = Article(id="t", raw_text=raw.text, hints={"kind": raw.kind, **raw.meta})
    art.source.url = url or raw.url
    clean, meta = CleanStage(ctx), MetadataStage(ctx)
    clean(art, ctx)
    meta(art, ctx)
    meta.finish_batch([art], ctx)
    return art


def _check(art: Article, case: dict) -> None:
    assert art.title == case["title"], case["id"]
    assert art.published == case["published"], case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_html_page(case: dict, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(case["html"], encoding="utf-8")
    _check(_read(path, case.get("url")), case)


@pytest.mark.parametrize("case", HEAVY, ids=[c["id"] for c in HEAVY])
def test_html_page_with_a_big_sites_furniture(case: dict, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(case["html"], encoding="utf-8")
    _check(_read(path, case.get("url")), case)


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c["id"] for c in TEXT_CASES])
def test_text_page(case: dict, tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(case["text"], encoding="utf-8")
    _check(_read(path), case)


@pytest.mark.parametrize("browser", ["lynx", "w3m"])
def test_browser_dumps(browser: str, tmp_path: Path) -> None:
    if shutil.which(browser) is None:
        pytest.skip(f"{browser} not installed")
    cmd = {"lynx": ["lynx", "-dump", "-nolist", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
           "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"]}[browser]
    wrong = []
    for case in [*CASES, *HEAVY]:
        if case.get("html_only"):
            continue
        dump = subprocess.run(cmd, input=case["html"].encode(), capture_output=True, timeout=60, check=True).stdout
        path = tmp_path / f"{case['id']}.txt"
        path.write_bytes(dump)
        art = _read(path, case.get("url"))
        if art.title != case["title"] or art.published != case.get("dump_published", case["published"]):
            wrong.append((case["id"], art.title, art.published))
    assert wrong == []


def _lynx_page(headline: str, stamp_lines: list[str]) -> str:
    body = "\n\n".join(TOPICS["greve"])
    stamps_block = "\n\n".join(f"   {s}" for s in stamp_lines)
    return (f"   Le Journal de Pontarlieu\n\n     * Accueil\n     * Société\n     * Sports\n\n"
            f"                               {headline}\n\n{stamps_block}\n\n{body}\n\n"
            "Les plus lus\n\n     * Un nouveau directeur pour l'hôpital de Pontarlieu 8 février 2021\n")


def test_two_word_headline_over_its_stamp(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(_lynx_page("Grève reconduite", ["Publié le 3 mars 2023"]), encoding="utf-8")
    art = _read(path)
    assert (art.title, art.published) == ("Grève reconduite", "2023-03-03")


def test_two_words_without_a_stamp_under_them_are_no_headline(tmp_path: Path) -> None:
    # A section label of two words, then the headline and its stamp: the label is not the title.
    path = tmp_path / "page.txt"
    page = _lynx_page("Les chauffeurs de bus de Pontarlieu en grève", ["Publié le 3 mars 2023"])
    path.write_text(page.replace("     * Sports\n", "     * Sports\n\n   Vie locale\n"), encoding="utf-8")
    assert _read(path).title == "Les chauffeurs de bus de Pontarlieu en grève"


def test_unaccented_maj_is_an_update_cue(tmp_path: Path) -> None:
    assert stamps("MAJ 05/03/2023 à 09:10")[0][0] == "updated"
    assert stamps("Maj le 5 mars 2023")[0][0] == "updated"
    path = tmp_path / "page.txt"
    path.write_text(_lynx_page("Les chauffeurs de bus de Pontarlieu en grève",
                               ["MAJ 05/03/2023 à 09:10", "Publié 03/03/2023 à 14:05"]), encoding="utf-8")
    assert _read(path).published == "2023-03-03"


def test_signature_under_the_last_paragraph() -> None:
    lines = ["Le Journal de Pontarlieu", "Un titre", "Premier paragraphe du texte.", "Dernier paragraphe.",
             "Par Anne Roy, le 3 mars 2023", "Commentaires", "Martine L., le 9 avril 2022 à 11h40"]
    first, last = line_key(lines[2]), line_key(lines[3])
    dates, _ = page_stamps(lines, first, last)
    assert dates == ["Par Anne Roy, le 3 mars 2023"]
    # Without the article's last paragraph right above it, a dated byline down the page is none.
    dates, _ = page_stamps(lines[:4] + lines[5:] + lines[4:5], first, last)
    assert dates == []


def test_a_date_read_in_the_text_only() -> None:
    html = '<html><head><meta property="article:published_time" content="2023-03-03T10:00"></head></html>'
    assert not read_in_text("2023-03-03", html, None)
    assert read_in_text("2021-01-12", html, None)
    assert not read_in_text("2021-01-12", html, "https://exemple.invalid/2021/01/12/un-titre")


def test_logo_in_the_h1() -> None:
    html = "<html><head><title>Le port accueille un cargo géant</title></head></html>"
    lines = ["La Gazette du Littoral", "Le port accueille un cargo géant", "Publié le 3 mars 2023"]
    paras = ["Le port de Saint-Arbel a accueilli jeudi un cargo géant de 300 mètres."]
    assert logo_headline("La Gazette du Littoral", html, lines, paras) == "Le port accueille un cargo géant"
    # A headline sharing words with the lede stays.
    assert logo_headline("Un cargo géant au port", html, lines, paras) is None


def test_other_articles_dates_in_an_html_page() -> None:
    lines = ["À la une", "Un titre d'un autre article du site", "12/01/2021", "Un deuxième titre d'un autre article",
             "08/02/2021", "Un troisième titre d'un autre article", "20/02/2021", "Le vrai titre de la page",
             "Publié le 3 mars 2023", "Premier paragraphe.",
             "La mairie lance une consultation Publié le 14/11/2022",
             "Les crues ont coûté cher à la commune Publié le 02/02/2022",
             "Les plus lus", "Un nouveau directeur pour l'hôpital 8 février 2021",
             "Le festival de jazz dévoile sa programmation 20 février 2021",
             "Incendie dans une usine de la zone industrielle 21 février 2021"]
    assert other_dates(lines) == {1, 2, 3, 4, 5, 6, 10, 11, 13, 14, 15}


def test_english_and_segmented_stamps() -> None:
    assert stamps("March 3, 2023 at 2:05 pm") == [("published", "March 3, 2023 at 2:05 pm")]
    assert stamps("Awa Koné • 03/03/2023 • 4 min de lecture") == [("published", "03/03/2023")]
    assert stamps("Awa Koné | Société | 3 mars 2023") == [("published", "3 mars 2023")]
    # A sentence of segments is none.
    assert stamps("Le 3 mars 2023, la mairie a voté | le budget") == []


def _heavy_dump(headline: str, under: list[str], paras: list[str]) -> str:
    une = "\n\n".join(f"{t}\n\n   {d}" for t, d in [
        ("Les commerçants du centre-ville inquiets avant les travaux", "12/01/2021"),
        ("Un nouveau directeur pour l'hôpital de Pontarlieu", "08/02/2021"),
        ("Le festival de jazz de Saint-Arbel dévoile sa programmation", "20/02/2021")])
    return ("   La Gazette du Littoral\n\n     * Accueil\n     * Société\n\nÀ la une\n\n" + une
            + "\n\n   La Gazette du Littoral\n\n               " + headline + "\n\n"
            + "".join(f"   {u}\n\n" for u in under) + "\n\n".join("   " + p for p in paras)
            + "\n\nSur le même sujet\n\n     * La mairie lance une consultation Publié le 14/11/2022\n"
            "     * Les crues ont coûté cher à la commune Publié le 02/02/2022\n\n"
            "     * © 2024 La Gazette du Littoral\n")


def test_dump_with_teasers_a_dated_byline_and_a_copyright(tmp_path: Path) -> None:
    # Dated teasers above (each headline over its date), a dated byline under the headline,
    # related links with their own stamps, the site's name in the copyright.
    path = tmp_path / "page.txt"
    path.write_text(_heavy_dump("Le port accueille un cargo géant", ["Par Anne Roy, le 3 mars 2023"],
                                TOPICS["port"]), encoding="utf-8")
    art = _read(path)
    assert (art.title, art.published) == ("Le port accueille un cargo géant", "2023-03-03")


def test_dump_dateline_over_a_far_stamp(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    lede = "SAINT-ARBEL, 3 mars 2023 (Agence Littoral Presse) – " + TOPICS["port"][0]
    path.write_text(_heavy_dump("Le port accueille un cargo géant", [], [lede, *TOPICS["port"][1:]]),
                    encoding="utf-8")
    assert _read(path).published == "2023-03-03"


def test_site_name_over_a_short_headline(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(_heavy_dump("Grève reconduite", ["Publié le 3 mars 2023"], TOPICS["greve"]), encoding="utf-8")
    assert _read(path).title == "Grève reconduite"


def test_headline_broken_over_two_lines() -> None:
    us = [Unit("Le Vercorin adopte", "text", 10, 20), Unit("un budget tourné vers les transports", "text", 11, 14),
          Unit("Publié le 3 mars 2023", "text", 13, 3)]
    assert broken_headline(us, 1) == "Le Vercorin adopte un budget tourné vers les transports"
    assert broken_headline(us, 0) == "Le Vercorin adopte un budget tourné vers les transports"
    # A blank line between them, or a first line closing on a mark: two blocks.
    assert broken_headline([us[0], Unit("un budget tourné", "text", 12, 3)], 0) == "Le Vercorin adopte"
    assert broken_headline([Unit("Le Vercorin adopte :", "text", 10, 3), us[1]], 0) == "Le Vercorin adopte :"


def test_long_headline_run_onto_a_standfirst_without_a_period() -> None:
    text = ("Le conseil régional du Vercorin adopte un budget en hausse pour les transports et les lycées "
            "Après dix heures de débat, les élus de la majorité ont fait voter leur texte malgré les critiques")
    head = "Le conseil régional du Vercorin adopte un budget en hausse pour les transports et les lycées"
    assert broken_headline([Unit(text, "text", 5, 3)], 0) == head


def test_site_name_before_the_headline_in_the_title_element() -> None:
    lines = ["La Gazette du Littoral", "Texte.", "© 2024 La Gazette du Littoral"]
    assert strip_credited_prefix("La Gazette du Littoral - Un cargo géant entre au port", lines) == \
        "Un cargo géant entre au port"
    # Not a name the copyright gives: a place before a dash stays.
    assert strip_credited_prefix("Saint-Arbel - Un cargo géant entre au port", lines) == \
        "Saint-Arbel - Un cargo géant entre au port"


def test_the_headline_the_page_shows() -> None:
    lines = ["La Gazette du Littoral", "Le port de Saint-Arbel accueille un cargo géant", "Publié le 3 mars 2023"]
    html = "<h1>Le port de Saint-Arbel accueille un cargo géant</h1>"
    assert shown_headline(html, "Saint-Arbel : un cargo géant au port", lines) == lines[1]
    # Two h1, or an h1 sharing no word with the shared title (a logo, a section): the metadata's.
    assert shown_headline(html + "<h1>Autre</h1>", "Saint-Arbel : un cargo géant au port", lines) is None
    assert shown_headline("<h1>La Gazette du Littoral</h1>", "Un cargo géant au port", lines) is None
