"""Where an article ends on pages of sites never seen (issue 11): the share row under the text,
related-list headings, chevron links, an author box heading. Every page and sentence here is
invented."""

from __future__ import annotations

from test_clean_dumps import PARA_1, PARA_2, PARA_3, _stage_run, lynx
from veille.clean.article_end import share_row
from veille.clean.cues import cue_kind
from veille.clean.shapes import is_comment_header
from veille.clean.text import normalize_line
from veille.common.dates import find_date_in_line, find_full_date

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
# Other articles' headlines and ledes printed under a share row with no list heading: they read
# like prose and used to extend the article.
TEASER_HEAD = "La médiathèque de Valmorin ouvre le dimanche"
TEASER_LEDE = ("La médiathèque de Valmorin ouvrira ses portes le dimanche après-midi à partir du mois "
               "prochain, a annoncé la conseillère Maud Pelletier lors du dernier conseil municipal, "
               "après une pétition signée par plus de mille lecteurs et deux ans de débats sur son "
               "budget de fonctionnement et le recrutement de trois agents supplémentaires.")
TEASER_HEAD_2 = "Les bus de nuit reviennent sur la ligne 4"
TEASER_LEDE_2 = ("Les bus de nuit circuleront de nouveau sur la ligne 4 entre la gare et le campus dès "
                 "le mois de septembre, a fait savoir la régie des transports de Valmorin, qui promet un "
                 "passage toutes les demi-heures et de nouveaux abris aux arrêts les plus fréquentés "
                 "par les étudiants le week-end.")
PARA_4 = ("Les riverains du quai des Tanneurs, qui avaient longtemps réclamé l'ouvrage, se sont "
          "réunis sur la berge pour la coupure du ruban, en présence des élèves de l'école voisine et "
          "de l'harmonie municipale, avant un pique-nique offert par le comité des fêtes.")
PARA_5 = ("La mairie prévoit d'éclairer le pont à la nuit tombée dès l'automne et d'y installer des "
          "bancs, a précisé l'adjointe Lise Marchal, qui promet aussi une piste pour les vélos sur la "
          "rive nord d'ici à deux ans si la région confirme sa part du financement.")
PARAS = [PARA_1, PARA_2, PARA_3, PARA_4, PARA_5]


def _page(after_text: list[str]) -> str:
    head = ["Accueil", "", HEADLINE, "", "   Par Jeanne Castel | Publié le 12/03/2024", ""]
    body = [piece for para in PARAS for piece in (lynx(para), "")]
    return "\n".join(head + body + after_text) + "\n"


def test_a_share_row_under_the_text_ends_the_article() -> None:
    page = _page(["Partager :", "", "     *", "     *", "", "Jeanne Castel", "",
                  TEASER_HEAD, "", lynx(TEASER_LEDE), "", TEASER_HEAD_2, "", lynx(TEASER_LEDE_2), ""])
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.paragraphs == PARAS


def test_a_share_row_is_a_whole_line() -> None:
    for row in ("Partager :", "Partager", "Partagez !", "Partager cet article", "Partager l’article :",
                "Partager cet article (BUTTON)"):
        assert share_row().match(normalize_line(row)), row
    for line in ("Partagez-vous cet avis ?", "Partager un repas avec ses voisins", "Partager sur"):
        assert not share_row().match(normalize_line(line)), line


def test_headings_that_end_the_article() -> None:
    for heading in ("Plus d'actualités", "À propos de l'auteur", "À consulter également",
                    "La rédaction vous conseille :"):
        page = _page([heading, "", TEASER_HEAD, "", lynx(TEASER_LEDE), ""])
        art = _stage_run(page)
        assert art.paragraphs == PARAS, heading


def test_a_line_opening_with_chevrons_is_a_link() -> None:
    assert cue_kind(">> La médiathèque de Valmorin ouvre le dimanche") == "link"
    assert cue_kind(">>> Les bus de nuit reviennent sur la ligne 4") == "link"
    assert cue_kind("Le débit de la Lisse >> la normale") is None


def test_a_print_plugin_row() -> None:
    assert cue_kind("Print Friendly, PDF & Email") == "share"


def test_an_instagram_embed_s_chrome() -> None:
    assert cue_kind("Voir cette publication sur Instagram") == "share"
    assert cue_kind("Une publication partagée par Léa Roy (@learoy_valmorin)") == "share"


def test_a_whole_month_name_with_an_abbreviation_s_period_before_a_year() -> None:
    assert find_full_date("Publié le 22 juin. 2022").iso() == "2022-06-22"
    assert find_full_date("Publié le 3 mai. 2021 par Léa Roy").iso() == "2021-05-03"
    assert find_date_in_line("Le chantier reprendra le 22 juin.") is None  # a sentence ends, no year


def test_a_readers_comment_header_with_its_date_glued() -> None:
    # A WordPress-style comment header ("X dit :") and its date on the next line, joined by the dump.
    assert is_comment_header("Gaspard Lenoir dit : 4 avril 2024 à 21 h 05 min")
    assert not is_comment_header("Gaspard Lenoir dit : le 4 avril 2024 sera un jour de fête pour tous")


def test_share_print_rows_and_placeholders_are_furniture() -> None:
    assert cue_kind("Tweeter Facebook Envoyer par e-mail") == "share"
    assert cue_kind("Accueil Envoyer à un ami Version imprimable") == "share"
    assert cue_kind("6 min. de lecture") == "reading"
    assert cue_kind("Loading...") == "nav"
    assert cue_kind("Tweeter sans relâche est devenu son métier, dit Léa Roy.") is None
