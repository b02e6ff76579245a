"""CleanStage on whole invented pages: mastheads, related lists, comments, bylines and notes around the article."""

from __future__ import annotations

import pytest

from clean_support import BODY, HEADLINE, stage_run
from veille.clean import clean_lines, cue_kind, page_stamps
from veille.clean.text import line_key
from veille.model import Article

SAHEL_PAGE = """Le Petit Courrier du Sahel
Carnets de route
Niger : la réouverture de la frontière avec le Bénin se fait attendre
Les transporteurs nigériens ont manifesté mardi à Niamey pour réclamer la réouverture de la frontière, fermée depuis l'été dernier.
Une attente interminable.
« Nous perdons de l'argent chaque jour », a lancé un chauffeur devant le ministère des Transports.
Faut-il y voir un signe de détente ?
Les autorités n'ont pas répondu aux sollicitations, mais un conseil des ministres est prévu jeudi selon la radio publique.
Sur le même sujet
Bénin : les transporteurs réclament la fin du blocus
Le port de Cotonou enregistre une baisse de son trafic pour le troisième mois consécutif
Partager la route est un devoir pour tous, a rappelé mercredi le syndicat des transporteurs.
Ibrahim, le 12 mars 2024 à 18h20
Enfin une bonne nouvelle pour les commerçants de la région.
Aïcha K. a écrit :
Il était temps, les prix avaient trop augmenté.
"""


def test_masthead_related_list_and_comments() -> None:
    out = clean_lines(SAHEL_PAGE.splitlines())
    assert out.title.startswith("Niger : la réouverture")
    assert {"Le Petit Courrier du Sahel", "Carnets de route"} <= set(out.boilerplate)
    # Short real paragraphs stay: a one-sentence paragraph, a quote, a question.
    for kept in ("Une attente interminable.", "Faut-il y voir un signe de détente ?"):
        assert kept in out.paragraphs
    assert any(p.startswith("« Nous perdons") for p in out.paragraphs)
    # The items under "Sur le même sujet" are other pages' headlines.
    assert not any(p.startswith(("Bénin :", "Le port de Cotonou")) for p in out.paragraphs)
    # A sentence that opens with a cue word ("Partager …") is body.
    assert out.paragraphs[-1].startswith("Partager la route")
    # A comment header closes the article.
    assert "Ibrahim, le 12 mars 2024 à 18h20" in out.boilerplate
    assert not any("prix avaient" in p for p in out.paragraphs)


def test_dated_masthead_is_not_a_title_and_is_a_stamp() -> None:
    text = ("Le Journal des Hauts — 4 juin 2019\n"
            "La Sambre déborde à Charleroi après trois jours de pluie continue\n"
            "Les pompiers sont intervenus à plus de cent reprises mardi, selon la zone de secours, "
            "qui appelle les riverains à la prudence.\n"
            "Le niveau devrait baisser dès jeudi, selon les prévisions.\n")
    out = clean_lines(text.splitlines())
    assert out.title.startswith("La Sambre déborde")
    assert "Le Journal des Hauts — 4 juin 2019" in out.date_lines


def test_author_note_after_the_body_is_furniture() -> None:
    text = ("La médiation reprend entre éleveurs et cultivateurs dans l'ouest ivoirien\n"
            "Propos recueillis par Awa Koné\n"
            "Les familles ne se parlaient plus depuis des mois, et chaque réunion commençait par des "
            "reproches mutuels sur les terres agricoles.\n"
            "Pourquoi ?\n"
            "Parce que les pluies ont manqué, et que chacun défend ce qui lui reste pour nourrir les siens.\n"
            "Awa Koné est journaliste indépendante, basée à Man.\n")
    out = clean_lines(text.splitlines())
    assert "Pourquoi ?" in out.paragraphs
    assert "Awa Koné est journaliste indépendante, basée à Man." in out.boilerplate


@pytest.mark.parametrize("line, kind", [
    ("Il a répondu avec aplomb.", None),  # "avec ap" as a whole word only
    ("Texte (ats/afp)", "credit"),
    ("Réagir vite est essentiel pour les secours, a-t-il ajouté.", None),
    ("Partager sur Facebook", "share"),
    ("Article suivantLe port reprend son activité", "nav"),
    ("Newsletters", "newsletter"),
    ("Partagerons-nous ce fardeau ?", None),
])
def test_cues_are_whole_words(line: str, kind: str | None) -> None:
    assert cue_kind(line) == kind


def test_credit_like_dateline_is_cut_from_the_first_paragraph() -> None:
    text = ("Le canton de Vaud renforce les contrôles sur les chantiers\n"
            "Yverdon (ats/afp) - Le canton a décidé mardi de renforcer les contrôles sur les chantiers.\n"
            "Une trentaine d'inspecteurs supplémentaires seront engagés d'ici à la fin de l'année.\n")
    out = clean_lines(text.splitlines())
    assert out.dateline == "Yverdon (ats/afp) -"
    assert out.paragraphs[0].startswith("Le canton a décidé")


def test_page_stamps_of_a_page_the_extraction_cut() -> None:
    lines = ["Le Journal des Hauts", "Par Hélène Vasseur | 12 mars 2024 | 14h05",
             "La passerelle a été ouverte au public mardi matin en présence du bourgmestre et des riverains.",
             "Lire aussi : la passerelle du 3 mars 2020", "Mis à jour le 14 mars 2024"]
    dates, updates = page_stamps(lines, first_paragraph_key=None)
    assert dates == ["Par Hélène Vasseur | 12 mars 2024 | 14h05"]
    assert updates == ["Mis à jour le 14 mars 2024"]


def test_page_stamps_stop_at_the_readers_thread() -> None:
    # (Invented.) The article prints no stamp; its readers' comments under it do: no date.
    para = "La passerelle a été ouverte au public mardi matin en présence du bourgmestre et des riverains."
    lines = ["Le Journal des Hauts", "Par Hélène Vasseur", para, "3 commentaires", "Marcel78",
             "Publié le 14 mars 2024 à 17h40", "Enfin une passerelle, il était temps."]
    assert page_stamps(lines, first_paragraph_key=line_key(para)) == ([], [])
    # A count beside the byline, above the text, opens no thread.
    lines = ["Le Journal des Hauts", "3 commentaires", "Publié le 12 mars 2024", para]
    assert page_stamps(lines, first_paragraph_key=line_key(para))[0] == ["Publié le 12 mars 2024"]


def test_blog_name_over_the_stamp_and_the_post_headline_under_it() -> None:
    text = ("Le blog de Koffi\n"
            "Posté le 3 février 2024 par Koffi Mensah\n"
            "Les pêcheurs de Lomé face à la hausse du prix du carburant\n"
            "Depuis le début de l'année, le litre d'essence a pris près de vingt francs CFA, et les "
            "pirogues restent à quai faute de moyens.\n"
            "Les coopératives demandent une aide de l'État.\n")
    out = clean_lines(text.splitlines())
    assert out.title == "Les pêcheurs de Lomé face à la hausse du prix du carburant"
    assert "Le blog de Koffi" in out.boilerplate


def test_byline_between_standfirst_and_first_paragraph() -> None:
    text = ("Les pêcheurs de Lomé face à la hausse du prix du carburant\n"
            "Depuis le début de l'année, le litre d'essence a pris près de vingt francs CFA, et les "
            "pirogues restent à quai faute de moyens.\n"
            "Koffi Mensah, à Lomé\n"
            "Par notre correspondant à Lomé, Koffi Mensah\n"
            "Sur la plage d'Adakpamé, une trentaine de pirogues n'ont pas pris la mer depuis lundi, "
            "selon les responsables de la coopérative locale.\n"
            "Une aide publique est à l'étude.\n")
    out = clean_lines(text.splitlines())
    assert {"Koffi Mensah, à Lomé", "Par notre correspondant à Lomé, Koffi Mensah"} <= set(out.boilerplate)
    assert out.paragraphs[0].startswith("Depuis le début") and out.paragraphs[-1] == "Une aide publique est à l'étude."


# -- second dev set: phenomena found in its error analysis (invented inputs) ----------------------


def test_feed_summary_without_a_heading_keeps_its_first_paragraph() -> None:
    # A feed entry's summary holds only paragraphs: the entry's title is the title, so the first
    # paragraph must not be taken for a headline.
    html = ("<p>Les maraîchers de la vallée de la Garonne ont perdu lundi une partie de leurs récoltes "
            "après un orage de grêle d'une rare violence.</p>"
            "<p>La chambre d'agriculture estime les dégâts à plusieurs millions d'euros et demande "
            "la reconnaissance de l'état de catastrophe naturelle.</p>")
    art = stage_run(Article(id="f", raw_text=html,
                             hints={"kind": "html", "title": "La grêle ravage les cultures de la Garonne"}))
    assert art.title == "La grêle ravage les cultures de la Garonne"
    assert [p[:20] for p in art.paragraphs] == ["Les maraîchers de la", "La chambre d'agricul"]


@pytest.mark.parametrize("line, kind", [
    ("Par Maëlle Guérin - 3 févr. à 07:15 | mis à jour le 3 févr. à 09:40 - Temps de lecture : 3 min", "date"),
    ("Par Anatole Brun | Temps de lecture : 4 min", "byline"),
    # a sentence with dashes is no stamp line
    ("Le préfet - qui avait signé l'arrêté le 3 février - a dû le retirer sous la pression", None),
    ("Lyon - Marseille : les supporters interdits de déplacement le 3 février", None),
])
def test_byline_stamps_and_reading_time_on_one_line(line: str, kind: str | None) -> None:
    assert cue_kind(line) == kind


def test_long_byline_with_a_yearless_stamp_is_furniture_and_a_date_line() -> None:
    line = "Par Maëlle Guérin - 3 févr. à 07:15 | mis à jour le 3 févr. à 09:40 - Temps de lecture : 3 min"
    out = clean_lines((HEADLINE + "\n" + line + "\n" + BODY).splitlines())
    assert out.title == HEADLINE and len(out.paragraphs) == 3
    assert line in out.boilerplate and line in out.date_lines


def test_related_articles_heading_worded_en_relation() -> None:
    text = (HEADLINE + "\n" + BODY.split("\n")[0] + "\n" + BODY.split("\n")[1] + "\n"
            "Articles en relation\n"
            "Tempêtes : la commune de Cancale renforce ses digues\n"
            + BODY.split("\n")[2] + "\n")
    out = clean_lines(text.splitlines())
    assert len(out.paragraphs) == 3
    assert "Articles en relation" in out.boilerplate
    assert "Tempêtes : la commune de Cancale renforce ses digues" in out.boilerplate


@pytest.mark.parametrize("header", [
    "7 réflexions sur « Saint-Malo face à la mer »",
    "2 réponses à « Saint-Malo face à la mer »",
    "Une réflexion sur « Saint-Malo face à la mer »",
])
def test_blog_comments_header_naming_the_post_closes_the_article(header: str) -> None:
    text = (HEADLINE + "\n" + BODY + header + "\n"
            "Yannick R. le 4 mars 2024 à 10 h 02 - Très bon article, merci pour ces précisions.\n"
            "Répondre\n")
    out = clean_lines(text.splitlines())
    assert len(out.paragraphs) == 3
    assert header in out.boilerplate
    assert not any(p.startswith("Yannick") for p in out.paragraphs)


def test_a_sentence_opening_with_a_count_is_not_a_comments_header() -> None:
    assert cue_kind("7 réflexions sur la mer ont été rédigées par les élèves du collège.") is None


def test_machine_translation_note_is_furniture() -> None:
    note = "Cet article a été traduit automatiquement de l'allemand."
    out = clean_lines((HEADLINE + "\n" + note + "\n" + BODY).splitlines())
    assert note in out.boilerplate and len(out.paragraphs) == 3


def test_masthead_then_menu_and_section_label_then_headline() -> None:
    text = ("La Voix des Côtes\n"
            "Régions Politique Économie Sports Culture\n"
            "BRETAGNE\n"
            + HEADLINE + "\n" + BODY)
    out = clean_lines(text.splitlines())
    assert out.title == HEADLINE
    assert "La Voix des Côtes" in out.boilerplate and len(out.paragraphs) == 3
