"""CleanStage: title, body and furniture of text dumps, HTML pages and records.

Every input here is invented for the tests (people, sites and stories)."""

from __future__ import annotations

from importlib import resources

import pytest

from clean_support import BODY, HEADLINE, stage_run
from veille.clean import clean_lines, cue_kind, similar, truncated_prefix
from veille.model import Article

DUMP = """Accueil Actualités Monde La ministre Odile Ferrand annonce un plan pour les ports de la...

La ministre Odile Ferrand annonce un plan pour les ports de la Manche

27

La ministre Odile Ferrand au port de Granville

La ministre Odile Ferrand au port de Granville – Photo Lucas Morvan/Agence Ouest Images

Suivez en direct toutes les annonces du gouvernement

CHERBOURG, 4 sept. (Dépêches du Nord) –

La ministre de la Mer, Odile Ferrand, a présenté jeudi à Cherbourg un plan de 300 millions d'euros pour moderniser les ports de la Manche.

« Nos ports doivent rester ouverts au monde », a-t-elle déclaré devant les dockers réunis sur le quai.

Lire aussi : Les pêcheurs bretons inquiets après la hausse du gazole

Les syndicats ont salué un « premier pas » mais réclament une concertation sur les horaires de travail des équipes de nuit.

Article précédentLa météo du week-end : du vent sur les côtes
Article suivantRugby : le club de Vannes reste invaincu
"""


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_dump_title_body_and_furniture() -> None:
    out = clean_lines(DUMP.splitlines())
    assert out.title == "La ministre Odile Ferrand annonce un plan pour les ports de la Manche"
    assert out.dateline == "CHERBOURG, 4 sept. (Dépêches du Nord) –"
    assert [p[:20] for p in out.paragraphs] == ["La ministre de la Me", "« Nos ports doivent ",
                                                "Les syndicats ont sa"]
    assert out.boilerplate == [
        "Accueil Actualités Monde La ministre Odile Ferrand annonce un plan pour les ports de la...",
        "27",
        "La ministre Odile Ferrand au port de Granville",
        "La ministre Odile Ferrand au port de Granville – Photo Lucas Morvan/Agence Ouest Images",
        "Suivez en direct toutes les annonces du gouvernement",
        "Lire aussi : Les pêcheurs bretons inquiets après la hausse du gazole",
        "Article précédentLa météo du week-end : du vent sur les côtes",
        "Article suivantRugby : le club de Vannes reste invaincu",
    ]


def test_nothing_is_lost() -> None:
    out = clean_lines(DUMP.splitlines())
    kept = [out.title, out.dateline, *out.paragraphs, *out.boilerplate]
    assert sorted(kept) == sorted(_lines(DUMP))


def test_paragraphs_never_repeat_the_title() -> None:
    text = DUMP.replace("Les syndicats ont", "La ministre Odile Ferrand annonce un plan pour les ports de la Manche\n\nLes syndicats ont")
    out = clean_lines(text.splitlines())
    assert all(not similar(p, out.title) for p in out.paragraphs)
    assert out.boilerplate.count("La ministre Odile Ferrand annonce un plan pour les ports de la Manche") == 1


def test_dateline_glued_to_the_first_paragraph_is_split_off() -> None:
    text = ("Un séisme secoue le nord du Chili sans faire de victimes\n\n"
            "SANTIAGO, 12 janv. (Agencia Sur) - Un séisme de magnitude 6,1 a secoué mardi le nord du Chili, "
            "sans faire de victimes ni de dégâts importants, selon les autorités locales.\n\n"
            "Les écoles de la région resteront fermées mercredi par précaution, a précisé le gouverneur.")
    out = clean_lines(text.splitlines())
    assert out.dateline == "SANTIAGO, 12 janv. (Agencia Sur) -"
    assert out.paragraphs[0].startswith("Un séisme de magnitude 6,1")
    assert out.title == "Un séisme secoue le nord du Chili sans faire de victimes"


def test_crawl_header_is_metadata_not_title() -> None:
    text = (" date 2021-07 Les vignerons du Jura comptent leurs pertes après la grêle\n\n"
            "Les vignerons du Jura estiment avoir perdu près de la moitié de leur récolte après les orages "
            "de grêle de la semaine dernière, selon leur syndicat.\n")
    out = clean_lines(text.splitlines())
    assert out.header_date == "2021-07"
    assert out.title == "Les vignerons du Jura comptent leurs pertes après la grêle"
    assert len(out.paragraphs) == 1


def test_title_without_crumb_and_footer_lines() -> None:
    text = ("Le port du Havre bat son record de conteneurs au premier semestre\n\n"
            "Le port du Havre a traité plus de 1,6 million de conteneurs au premier semestre, un record "
            "depuis sa création, a annoncé lundi sa direction.\n\n"
            "Les nouvelles grues livrées au printemps ont permis de réduire le temps d'escale des navires.\n\n"
            "Source : Rédaction maritime\n\n"
            "Tags ports économie Normandie\n")
    out = clean_lines(text.splitlines())
    assert out.title.startswith("Le port du Havre bat son record")
    assert len(out.paragraphs) == 2
    assert out.boilerplate == ["Source : Rédaction maritime", "Tags ports économie Normandie"]


def test_crumb_ending_on_the_full_title() -> None:
    text = ("Accueil Région Les éoliennes de Fécamp produisent leurs premiers mégawatts\n\n"
            "Les éoliennes de Fécamp produisent leurs premiers mégawatts\n\n"
            "Le parc éolien en mer de Fécamp a injecté jeudi ses premiers mégawatts dans le réseau, "
            "a annoncé l'exploitant, qui vise une mise en service complète au printemps.\n")
    out = clean_lines(text.splitlines())
    assert out.title == "Les éoliennes de Fécamp produisent leurs premiers mégawatts"
    assert out.boilerplate == ["Accueil Région Les éoliennes de Fécamp produisent leurs premiers mégawatts"]


def test_title_whose_last_words_open_the_body_stays_the_title() -> None:
    text = ("Le préfet réunit des maires à Rouen\n\n"
            "Des maires à Rouen ont été reçus mardi par le préfet pour évoquer la sécheresse et les "
            "restrictions d'eau prévues cet été.\n")
    out = clean_lines(text.splitlines())
    assert out.title == "Le préfet réunit des maires à Rouen" and len(out.paragraphs) == 1


def test_intertitle_inside_the_body_is_kept() -> None:
    text = ("La gare de Lyon-Part-Dieu fermera deux voies pendant l'été\n\n"
            "La SNCF fermera deux voies de la gare de Lyon-Part-Dieu en juillet et en août pour des travaux "
            "de rénovation, a-t-elle annoncé vendredi.\n\n"
            "Des trains supprimés\n\n"
            "Une trentaine de trains régionaux seront supprimés chaque jour pendant la durée du chantier, "
            "selon la région.\n")
    out = clean_lines(text.splitlines())
    assert "Des trains supprimés" in out.paragraphs


def test_caption_pair_inside_the_body_is_furniture() -> None:
    text = ("Des chercheurs de Grenoble testent un nouveau capteur de pollution\n\n"
            "Une équipe de chercheurs de Grenoble a présenté mardi un capteur capable de mesurer les "
            "particules fines en temps réel, pour un coût dix fois plus faible.\n\n"
            "Le capteur installé sur un lampadaire\n\n"
            "Le capteur installé sur un lampadaire – Photo Inès Garnier/Studio Alpes\n\n"
            "Les premiers essais auront lieu dans trois quartiers de la ville à partir de l'automne, "
            "avant une éventuelle extension.\n")
    out = clean_lines(text.splitlines())
    assert len(out.paragraphs) == 2
    assert "Le capteur installé sur un lampadaire" in out.boilerplate


def test_short_lead_sentence_is_body_not_caption() -> None:
    text = ("Démission surprise à la mairie de Quimper\n\n"
            "Le maire de Quimper a démissionné lundi soir.\n\n"
            "Dans une lettre adressée au conseil municipal, il invoque des raisons de santé et annonce "
            "qu'il ne se représentera pas aux prochaines élections.\n")
    out = clean_lines(text.splitlines())
    assert out.paragraphs[0] == "Le maire de Quimper a démissionné lundi soir."


def test_single_paragraph_has_no_title() -> None:
    text = "Le conseil régional a voté jeudi un budget en hausse de 3 % pour les lycées de la région."
    out = clean_lines([text])
    assert out.title is None
    assert out.paragraphs == [text]


def test_site_name_line_is_not_the_title() -> None:
    text = ("Le Courrier\n\n"
            "Les apiculteurs alsaciens redoutent une nouvelle saison difficile\n\n"
            "Les apiculteurs d'Alsace craignent une récolte de miel en baisse pour la troisième année "
            "consécutive, après un printemps froid et pluvieux.\n")
    out = clean_lines(text.splitlines())
    assert out.title == "Les apiculteurs alsaciens redoutent une nouvelle saison difficile"
    assert out.boilerplate == ["Le Courrier"]


def test_publication_stamp_is_kept_for_metadata() -> None:
    text = ("Les cerisiers du Japon fleurissent en avance à Paris\n\n"
            "Publié le 28 mars 2024 à 09h15\n\n"
            "Les cerisiers du jardin des Plantes ont fleuri avec près de deux semaines d'avance cette "
            "année, selon les jardiniers du Muséum.\n")
    out = clean_lines(text.splitlines())
    assert out.date_lines == ["Publié le 28 mars 2024 à 09h15"]
    assert "Publié le 28 mars 2024 à 09h15" in out.boilerplate


@pytest.mark.parametrize("line,kind", [
    ("Lire aussi: Un autre article", "link"),
    ("À lire aussi : un autre article", "link"),
    ("Article suivantLe sport du jour", "nav"),
    ("Suivez en direct la soirée électorale", "live"),
    ("Source : Agences", "source"),
    ("Partager sur Facebook", "share"),
    ("12 commentaires", "comments_section"),
    ("Vos réactions (4)", "comments_section"),
    ("Commentaires (12)", "comments_section"),
    ("Votre adresse e-mail ne sera pas publiée.", "comments"),
    ("Publié le 3 mars 2023", "date"),
    ("Lees ook: De haven van Gent groeit", "link"),
    ("Read more: Port strike ends", "link"),
    ("Leer más: El puerto de Vigo", "link"),
    ("Lesen Sie auch: Der Hafen wächst", "link"),
    ("Leggi anche: Il porto di Genova", "link"),
    ("Par Solène Martel", "byline"),
    ("Par Solène Martel et Hugo Vidal avec agences", "byline"),
    ("Texte par : Radio Exemple avec nos correspondants", "byline"),
    ("Posté par redaction | 2 réactions", "byline"),
    ("By Tom Harrow", "byline"),
    ("Par ailleurs, la mairie a fermé le pont.", None),
    ("Par décret, le préfet a fermé le pont", None),
    ("« Le Point du soir » Chaque soir, les infos de la journée. S'inscrire", "newsletter"),
    ("Les lecteurs du quotidien régional qui le souhaitent peuvent désormais s'abonner.", None),
    ("(Reportage Ivan Petrenko; version française Lise Caron, édité par Noé Bard)", "credit"),
    ("(Rédigé par Tom Harrow, avec la rédaction)", "credit"),
    ("Nous utilisons des cookies pour mesurer l'audience. Accepter Refuser", "consent"),
    ("Ce site utilise des cookies. Tout accepter Continuer sans accepter", "consent"),
    ("La Vigie Moderne - Le blog de la politique locale", "site"),
    ("Le Courrier du Lac | Toute l'actualité du Léman", "site"),
    ("Ukraine - la Russie bombarde Kharkiv dans la nuit", None),
    ("Le Premier ministre a lu aussi le rapport de la commission d'enquête.", None),
])
def test_cue_kinds(line: str, kind: str | None) -> None:
    assert cue_kind(line) == kind


def test_long_line_starting_with_a_cue_word_is_body() -> None:
    line = ("Source: selon plusieurs témoins interrogés sur place, les secours sont arrivés plus de deux "
            "heures après l'alerte, alors que la route était dégagée depuis le matin.")
    assert cue_kind(line) is None


def test_truncated_prefix() -> None:
    assert truncated_prefix("Accueil Sport Le club de Brest garde son entraîneur pour...",
                            "Le club de Brest garde son entraîneur pour deux saisons")
    assert not truncated_prefix("Le club de Brest garde son entraîneur",
                                "Le club de Brest garde son entraîneur pour deux saisons")


def test_lexicon_names_its_source() -> None:
    text = resources.files("veille").joinpath("lexicons/boilerplate.tsv").read_text("utf-8")
    head = text.splitlines()[0].lower()
    assert head.startswith("# source:") and "reviewed" in head


HTML = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Les tramways de Besançon roulent à l'hydrogène | Journal de l'Est (exemple)</title>
<meta property="og:title" content="Les tramways de Besançon roulent à l'hydrogène">
<meta property="og:site_name" content="Journal de l'Est">
<meta property="article:published_time" content="2024-02-20T07:00:00+01:00">
</head><body>
<nav><a href="/">Accueil</a> · <a href="/region">Région</a></nav>
<article><h1>Les tramways de Besançon roulent à l'hydrogène</h1>
<p>BESANÇON, 20 févr. (Journal de l'Est) – Les deux premières rames à hydrogène du tramway de Besançon ont été mises en service mardi matin, après six mois d'essais sans voyageurs.</p>
<p>La métropole prévoit de convertir toute la flotte d'ici à la fin de la décennie, pour un coût estimé à 40 millions d'euros.</p>
<p>Lire aussi : Le vélo électrique séduit les habitants de Dole</p>
<p>Les usagers interrogés à la station Chamars disent ne voir aucune différence, sinon un peu moins de bruit au démarrage.</p>
</article><footer>Mentions légales · Contact</footer></body></html>"""




def test_html_uses_trafilatura_and_page_metadata() -> None:
    art = stage_run(Article(id="h", raw_text=HTML, hints={"kind": "html"}))
    assert art.title == "Les tramways de Besançon roulent à l'hydrogène"
    assert art.hints["date"] == "2024-02-20"
    assert art.hints["site"] == "Journal de l'Est"
    assert art.dateline is not None and art.dateline.text.startswith("BESANÇON, 20 févr.")
    assert art.paragraphs[0].startswith("Les deux premières rames")
    assert len(art.paragraphs) == 3
    assert not any(p.startswith("Lire aussi") for p in art.paragraphs)
    assert any(b.startswith("Accueil") for b in art.boilerplate)
    assert not any(b == art.title for b in art.boilerplate)


def test_feed_title_wins_over_page_title() -> None:
    art = stage_run(Article(id="h", raw_text=HTML, hints={"kind": "html", "title": "Titre du flux"}))
    assert art.title == "Titre du flux"


def test_record_title_wins_and_its_repeat_is_removed() -> None:
    text = ("Le lac d'Annecy atteint un niveau record\n\n"
            "Le niveau du lac d'Annecy a atteint dimanche son plus haut niveau depuis trente ans, après "
            "une semaine de pluies continues sur les Alpes.\n")
    art = stage_run(Article(id="r", raw_text=text,
                             hints={"kind": "record", "title": "Le lac d'Annecy atteint un niveau record"}))
    assert art.title == "Le lac d'Annecy atteint un niveau record"
    assert len(art.paragraphs) == 1 and art.paragraphs[0].startswith("Le niveau du lac")


def test_first_paragraph_opening_with_the_record_title_is_kept() -> None:
    text = ("Grève des contrôleurs aériens : une centaine de vols annulés à Nice, selon l'aéroport, "
            "qui conseille aux voyageurs de vérifier leur vol avant de partir.\n")
    out = clean_lines(text.splitlines(), known_title="Grève des contrôleurs aériens")
    assert out.paragraphs == [text.strip()]


def test_record_holding_html_is_read_as_html() -> None:
    art = stage_run(Article(id="r", raw_text=HTML, hints={"kind": "record", "title": "Titre du fichier"}))
    assert art.title == "Titre du fichier"
    assert art.paragraphs and not any("<p>" in p for p in art.paragraphs)


def test_empty_article_is_an_error() -> None:
    with pytest.raises(ValueError):
        stage_run(Article(id="e", raw_text="\n\n  \n", hints={"kind": "text"}))


# -- page layouts of other sites (all invented) ---------------------------------------------------



@pytest.mark.parametrize("header", [
    # consent banner, then a crumb with ">" separators
    "Nous utilisons des cookies pour améliorer votre expérience. Accepter Refuser\n"
    "Accueil > Régions > Bretagne\n",
    # a bare date stamp above the headline
    "Bretagne\n14 mars 2024 | 09:12\n",
    # an agency crumb with bars
    "Agence Armor | Actualité | Environnement\n",
    # a site name in capitals and a section label
    "RADIO LITTORAL\nRégions\n",
    # "site – tagline", then a crumb with slashes
    "La Vigie Moderne - Le blog de la politique locale\nAccueil / Régions / Bretagne\n",
    # a crumb with "›" and a site name before it
    "Le Courrier de l'Ouest › Bretagne\n",
])
def test_headline_under_page_furniture(header: str) -> None:
    text = header + HEADLINE + "\nPublié le 14/03/2024 à 09h12\n" + BODY
    out = clean_lines(text.splitlines())
    assert out.title == HEADLINE
    assert len(out.paragraphs) == 3
    assert not any(p in header for p in out.paragraphs)


def test_headline_is_the_line_above_the_byline_over_a_standfirst() -> None:
    text = ("Le Phare de l'Ouest - Votre quotidien régional\n"
            "Bretagne littorale\n"
            + HEADLINE + "\n"
            "Le plan, doté de 12 millions d'euros, doit protéger les quartiers les plus exposés. "
            "Les riverains restent prudents.\n"
            "Par Solène Martel\n"
            "Mis à jour le 14 mars 2024 à 10h05\n" + BODY)
    out = clean_lines(text.splitlines())
    assert out.title == HEADLINE
    assert "Par Solène Martel" in out.boilerplate
    assert out.paragraphs[0].startswith("Le plan, doté de 12 millions")
    assert "Mis à jour le 14 mars 2024 à 10h05" in out.update_lines  # a later edit, read last


def test_date_stamp_above_the_headline_dates_the_page() -> None:
    text = "Régions\n14 mars 2024 | 09:12\n" + HEADLINE + "\n" + BODY
    out = clean_lines(text.splitlines())
    assert out.title == HEADLINE
    assert "14 mars 2024 | 09:12" in out.date_lines


def test_body_furniture_of_other_sites() -> None:
    text = (HEADLINE + "\n" + BODY
            + "Newsletter\n"
            "« La Lettre des régions » Chaque matin, l'essentiel de l'actualité régionale. S'inscrire\n"
            "(Reportage Ivan Petrenko; version française Lise Caron, édité par Noé Bard)\n"
            "(Belga)\n"
            "Lees ook: De haven van Gent groeit\n"
            "Read more: Port strike ends after two weeks\n")
    out = clean_lines(text.splitlines())
    assert len(out.paragraphs) == 3
    assert out.paragraphs[-1].startswith("Les associations de riverains")


def test_comments_section_closes_the_article() -> None:
    text = (HEADLINE + "\n" + BODY
            + "Vos réactions (3)\n"
            "Gwenaël : Enfin une décision, il était temps !\n"
            "Maryvonne B. : Et les digues du nord de la ville, on les oublie encore une fois ? "
            "Cela fait dix ans que les riverains attendent des travaux sur le front de mer.\n"
            "Laisser un commentaire\n"
            "Votre adresse e-mail ne sera pas publiée.\n")
    out = clean_lines(text.splitlines())
    assert len(out.paragraphs) == 3
    assert "Gwenaël : Enfin une décision, il était temps !" in out.boilerplate


def test_reader_comment_without_a_header_after_the_article() -> None:
    out = clean_lines((HEADLINE + "\n" + BODY + "Gwenaël : Enfin une décision !\n").splitlines())
    assert out.paragraphs[-1].startswith("Les associations") and len(out.paragraphs) == 3


def test_comment_counter_near_the_byline_does_not_cut_the_body() -> None:
    text = HEADLINE + "\nPosté par redaction | 5 réactions\n12 commentaires\n" + BODY
    out = clean_lines(text.splitlines())
    assert out.title == HEADLINE and len(out.paragraphs) == 3


def test_headline_ending_with_a_question_mark_above_a_byline() -> None:
    headline = "Faut-il encore construire des digues sur la côte d'Émeraude ?"
    out = clean_lines(("LE PHARE\n" + headline + "\nPar Hugo Vidal\n" + BODY).splitlines())
    assert out.title == headline


def test_headline_above_a_signature_and_a_relative_stamp() -> None:
    text = ("Le Journal du Soir\nInternational\n" + HEADLINE + "\n"
            "La ville veut protéger ses digues. Les riverains restent sceptiques face au coût du chantier.\n"
            "Le Journal du Soir avec AFP\n"
            "Publié aujourd’hui à 10h05, modifié à 11h20\n"
            "Lecture 2 min.\n"
            "Article réservé aux abonnés\n" + BODY
            + "Il vous reste 60 % de cet article à lire. La suite est réservée aux abonnés.\n")
    out = clean_lines(text.splitlines())
    assert out.title == HEADLINE
    assert out.paragraphs[0].startswith("La ville veut protéger")
    assert out.paragraphs[-1].startswith("Les associations de riverains") and len(out.paragraphs) == 4


def test_site_after_a_dash_is_cut_only_when_the_page_names_the_site() -> None:
    out = clean_lines((HEADLINE + " - Ouest Info\nOuest Info Yann Le Goff.\n" + BODY).splitlines())
    assert out.title == HEADLINE
    headline = "Bretagne - la mairie de Saint-Malo lance un plan"
    out = clean_lines((headline + "\n" + BODY).splitlines())
    assert out.title == headline


def test_headline_with_a_slash_and_a_colon_is_not_a_crumb() -> None:
    headline = "Rennes / Nantes : la ligne à grande vitesse reportée"
    out = clean_lines(("Accueil > Régions\n" + headline + "\nPar Hugo Vidal\n" + BODY).splitlines())
    assert out.title == headline



def test_caption_with_a_credit_in_capitals_inside_the_body() -> None:
    lines = BODY.splitlines()
    text = "\n".join([HEADLINE, lines[0], "La digue du Sillon, à Saint-Malo, le 2 mars 2024. AFP - YANN KERMOAL",
                      lines[1], "Le maire a confié à Reuters - sans plus de détails - son inquiétude.", lines[2]])
    out = clean_lines(text.splitlines())
    assert "La digue du Sillon, à Saint-Malo, le 2 mars 2024. AFP - YANN KERMOAL" in out.boilerplate
    assert "Le maire a confié à Reuters - sans plus de détails - son inquiétude." in out.paragraphs


def test_kicker_above_the_headline_is_furniture() -> None:
    out = clean_lines(("Littoral en danger\n" + HEADLINE + "\n" + BODY).splitlines())
    assert out.title == HEADLINE and "Littoral en danger" in out.boilerplate
    short = "Saint-Malo protège ses digues"
    out = clean_lines((short + "\n" + BODY).splitlines())
    assert out.title == short


def test_labels_between_headline_and_stamp_are_skipped() -> None:
    text = ("La Libre Exemple\nBelgique\n" + HEADLINE + "\nContenu abonné\nBelga\n"
            "Publié le 14-03-2024 à 10h05\n" + BODY)
    out = clean_lines(text.splitlines())
    assert out.title == HEADLINE and len(out.paragraphs) == 3
    assert out.date_lines == ["Publié le 14-03-2024 à 10h05"]


# -- outlet layouts: mastheads, related lists, comments, author notes ---------------------------------
