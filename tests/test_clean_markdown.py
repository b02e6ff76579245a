"""A page converted to Markdown (html2text, markdownify) read as a dump: invented pages only."""

from __future__ import annotations

from veille.clean.markdown import as_dump, exact_day, is_markdown, page_fields, prints_title
from veille.clean.stage import CleanStage
from veille.model import Article, Source

MENU = "\n".join(f"  * [Rubrique {i}](https://www.exemple-valmorin.fr/rubrique-{i})" for i in range(1, 8))
BODY = (
    "Le conseil municipal de Valmorin a voté jeudi soir la fermeture de la piscine du quartier des\n"
    "Tilleuls, après [plusieurs mois de débats](https://www.exemple-valmorin.fr/2019/03/02/debat-piscine)\n"
    "entre les élus et les associations de riverains.\n\n"
    "« Nous n'avions plus les moyens d'entretenir ce bâtiment », a expliqué **Jeanne Vautrin**, adjointe\n"
    "aux sports, en précisant que les travaux auraient coûté _plusieurs millions_ d'euros.\n\n"
    "Les associations ont annoncé un recours devant le tribunal administratif dans les prochaines\n"
    "semaines, et une réunion publique doit se tenir à la mairie le mois prochain.\n"
)
PAGE = (
    "[![Le Courrier de Valmorin](/images/logo.svg)](/)\n\n" + MENU + "\n\n"
    "Société\n\n"
    "# La piscine du quartier des Tilleuls, à Valmorin, fermera ses portes\n"
    "à la fin de l'année\n\n"
    "Par [Léon Barthelet](/auteurs/leon-barthelet)  \n"
    "Publié le 12 mars 2024 à 10h05\n\n"
    "![Le bassin de la piscine des Tilleuls.](https://www.exemple-valmorin.fr/img/piscine.jpg)\n\n"
    + BODY + "\n"
    "## À lire aussi\n\n"
    "  * [Valmorin : le marché de Noël revient place du Pont](https://www.exemple-valmorin.fr/2023/12/01/marche)\n"
    "  * [Pontarlieu : la ligne de car rouvre](https://www.exemple-valmorin.fr/2023/11/20/car)\n"
)


def test_markdown_is_recognised_and_plain_text_is_not():
    assert is_markdown(PAGE)
    assert not is_markdown(BODY.replace("](https://www.exemple-valmorin.fr/2019/03/02/debat-piscine)", ""))
    assert not is_markdown("   Le maire de Valmorin [1]démissionne.\n   [2]Accueil\n")


def test_as_dump_prints_the_page_as_lynx_would():
    dump = as_dump(PAGE)
    lines = dump.splitlines()
    # The top heading at the left edge, joined with the line the converter wrapped it onto.
    assert "La piscine du quartier des Tilleuls, à Valmorin, fermera ses portes à la fin de l'année" in lines
    # Links as their text only, pictures and targets gone, emphasis dropped, a paragraph on one line.
    assert "](" not in dump and "https://" not in dump and "**" not in dump
    assert any(ln.startswith("   Le conseil municipal de Valmorin") and ln.endswith("associations de riverains.")
               for ln in lines)
    assert "     * Pontarlieu : la ligne de car rouvre" in lines
    # A lower heading sits at the text's margin, not at the edge.
    assert "   À lire aussi" in lines
    # A hard break ("  " closing a line) keeps the byline and the stamp apart.
    assert "   Par Léon Barthelet" in lines and "   Publié le 12 mars 2024 à 10h05" in lines


def test_markdown_page_gives_title_date_and_body():
    stage = CleanStage(None)
    article = Article(id="md", source=Source(path="page.md"), raw_text=PAGE, hints={"kind": "text"})
    stage(article, None)
    assert article.title == "La piscine du quartier des Tilleuls, à Valmorin, fermera ses portes à la fin de l'année"
    assert article.paragraphs[0].startswith("Le conseil municipal de Valmorin a voté")
    assert not any("Rubrique" in p or "lire aussi" in p for p in article.paragraphs)
    assert "12 mars 2024" in " ".join(article.hints.get("date_lines", []))


def test_setext_heading_and_escapes():
    text = "[a](/a) [b](/b) [c](/c)\n\nLe maire démissionne\n====================\n\n3\\. Un point \\- deux\n"
    lines = as_dump(text).splitlines()
    assert "Le maire démissionne" in lines
    assert "   3. Un point - deux" in lines


def test_short_page_copy_is_read_as_a_page_not_as_an_article():
    from veille.clean.dump import is_page_copy

    menu = ["Accueil", "Valmorin", "Pontarlieu", "Sports", "Culture", "Se connecter", "S'abonner",
            "Rechercher", "Newsletter", "Partager", "Facebook", "Twitter", "Copier le lien", "Vidéos",
            "Podcasts", "Météo", "Annonces", "Jeux"]
    prose = [f"Le conseil municipal de Valmorin a débattu pendant {n} heures du budget de la piscine, "
             "avant un vote serré qui a divisé la majorité et les associations de riverains." for n in range(2, 26)]
    page = "\n".join([*menu[:10], "La piscine des Tilleuls fermera à la fin de l'année", "12 mars 2024",
                      *prose, *menu[10:]])
    assert is_page_copy(page)  # 44 lines, 19 of them short
    assert not is_page_copy("\n".join(prose[:20]))  # an article pasted alone


CLIP = ('---\ntitle: "La piscine du quartier des Tilleuls, à Valmorin, fermera ses portes - Le Courrier de Valmorin"\n'
        'source: "https://www.exemple-valmorin.fr/societe/piscine-des-tilleuls"\nauthor:\n  - "[[Léon Barthelet]]"\n'
        "{published}created: 2024-03-14T09:30:00\ntags:\n  - \"clippings\"\n---\n\n")


def _undated(page: str) -> str:
    return page.replace("Publié le 12 mars 2024 à 10h05\n", "")


def test_front_matter_fields_and_never_the_capture_day():
    fields, rest = page_fields(CLIP.format(published="published: 2024-03-12T10:05:00+01:00\n") + PAGE)
    assert fields["published"] == "2024-03-12T10:05:00+01:00"
    assert fields["url"].endswith("/piscine-des-tilleuls") and fields["title"].startswith("La piscine")
    assert set(fields) == {"title", "url", "published"} and rest.lstrip().startswith("[![Le Courrier")
    reader = "Title: Le pont rouvre\n\nURL Source: https://www.exemple-valmorin.fr/pont\n\nMarkdown Content:\n" + PAGE
    assert page_fields(reader)[0] == {"title": "Le pont rouvre", "url": "https://www.exemple-valmorin.fr/pont"}
    assert exact_day("2024-03-12T10:05+01:00") and exact_day("2024-03-12") and not exact_day("2024-03-01")


def _clean(text: str) -> Article:
    article = Article(id="md", source=Source(path="page.md"), raw_text=text, hints={"kind": "text"})
    CleanStage(None)(article, None)
    return article


def test_clipped_page_dated_by_its_field_only_when_it_shows_no_date():
    shown = _clean(CLIP.format(published="published: 2024-03-11T23:30:00Z\n") + PAGE)
    assert "date" not in shown.hints  # the page's own stamp is read (the field's day is UTC's)
    assert shown.source.url == "https://www.exemple-valmorin.fr/societe/piscine-des-tilleuls"
    assert _clean(CLIP.format(published="published: 2024-03-12T10:05:00+01:00\n") + _undated(PAGE)).hints["date"] \
        == "2024-03-12T10:05:00+01:00"
    clipped = _clean(CLIP.format(published="") + _undated(PAGE))  # only the day it was clipped
    assert "date" not in clipped.hints and not clipped.hints.get("date_lines")


def test_a_text_opening_on_a_rule_is_no_front_matter():
    text = "---\nLe maire de Valmorin a démissionné jeudi soir.\n---\nLe conseil se réunira lundi.\n"
    assert page_fields(text) == ({}, text) and not is_markdown(text)


ARTICLE_ONLY = ("---\ntitle: Le marché couvert de Pontarlieu rouvre après deux ans de travaux - Le Courrier de Valmorin\n"
                "author: Par Awa Kerbrat\nhostname: exemple-valmorin.fr\nsitename: Le Courrier de Valmorin\n"
                "date: \"{day}\"\n---\n"
                "Les commerçants du *marché couvert* ont retrouvé leurs étals samedi matin, après deux années d'un "
                "chantier que beaucoup jugeaient interminable.\n\n"
                "« On a cru que ça ne finirait jamais », a confié une fromagère installée depuis vingt ans sous la halle.\n\n"
                "La mairie promet une inauguration officielle au printemps, en présence des élus du département.\n")


def test_article_only_export_takes_its_title_and_day_from_its_metadata():
    article = _clean(ARTICLE_ONLY.format(day="2024-03-16"))
    assert article.title == "Le marché couvert de Pontarlieu rouvre après deux ans de travaux"  # (site cut)
    assert article.hints["date"] == "2024-03-16" and article.hints["site"] == "Le Courrier de Valmorin"
    assert article.paragraphs[0].startswith("Les commerçants du marché couvert")
    assert "date" not in _clean(ARTICLE_ONLY.format(day="2024-03-01")).hints  # a 1st: maybe an issue's month
    assert not prints_title(as_dump(page_fields(ARTICLE_ONLY)[1]), page_fields(ARTICLE_ONLY)[0]["title"])


STANDFIRST_FIRST = ("---\ntitle: Le marché couvert de Pontarlieu rouvre après deux ans de travaux\n"
                    "hostname: exemple-valmorin.fr\n"
                    "date: \"2024-03-16\"\n---\n"
                    "Après deux ans de travaux, le marché couvert de Pontarlieu a rouvert samedi matin.\n\n"
                    "Les commerçants du marché couvert ont retrouvé leurs étals samedi matin, après deux années d'un "
                    "chantier que beaucoup jugeaient interminable, sous les applaudissements des habitués.\n\n"
                    "« On a cru que ça ne finirait jamais », a confié une fromagère installée depuis vingt ans sous la halle.\n\n"
                    "La mairie promet une inauguration officielle au printemps, en présence des élus du département.\n")


def test_an_export_title_over_a_standfirst_taken_for_the_headline():
    # The export prints no headline, its standfirst repeats the title's words: the title is the
    # export's, the standfirst (a sentence closed by a period) stays in the text.
    article = _clean(STANDFIRST_FIRST)
    assert article.title == "Le marché couvert de Pontarlieu rouvre après deux ans de travaux"
    assert any(p.startswith("Après deux ans de travaux, le marché") for p in article.paragraphs)
