"""Furniture cues of ``lexicons/boilerplate.tsv`` met in dumps and browser renders: the comment
area's own heading under the article (a link to the thread, "Voir les commentaires"; an invitation
to give one's opinion; the thread announced with its count after "Tous vos"; kind
``comments_section``) and the site's notice about where the piece comes from (an archive, an old
system, a televised report; kind ``source``). Every line below is invented, written in lynx's dump
style."""

from __future__ import annotations

import pytest

from test_clean_blocks import HEAD
from test_clean_dumps import PARA_1, PARA_2, PARA_3, lynx
from veille.clean.browser import clean_dump
from veille.clean.cues import cue_kind

READER_1 = ("Enfin ! Je traverse la rivière tous les matins pour aller au travail et le détour par la "
            "départementale était devenu dangereux pour les enfants.")
READER_2 = "Un million pour une passerelle, on aurait pu refaire les trottoirs du centre avec cette somme."


def _page(heading: str) -> str:
    return (f"{HEAD}\n{lynx(PARA_1)}\n\n{lynx(PARA_2)}\n\n{lynx(PARA_3)}\n   Le Courrier de Valmorin\n"
            f"{heading}\n\n   J'ai déjà un compte\n   Je me connecte\n\n"
            f"     * Le 12 mars à 19:24, par Marc Vidal\n{lynx(READER_1)}\n       Répondre à ce message\n"
            f"     * Le 12 mars à 18:02, par Solène B.\n{lynx(READER_2)}\n       Répondre à ce message\n")


@pytest.mark.parametrize("heading", ["   Voir les commentaires", "   Envie de donner votre avis ? (2 commentaires)",
                                     "Tous vos commentaires (2)"])
def test_the_readers_comments_under_their_heading_are_not_the_article(heading: str) -> None:
    cleaned = clean_dump(_page(heading))
    assert cleaned.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    text = "\n".join(cleaned.paragraphs)
    assert PARA_1 in text and PARA_3 in text
    assert "trottoirs" not in text and "départementale était" not in text


def test_a_sentence_about_comments_is_no_heading() -> None:
    assert cue_kind("Voir les commentaires") == "comments_section"
    assert cue_kind("Envie de donner votre avis ?") == "comments_section"
    assert cue_kind("Tous vos commentaires (9)") == "comments_section"
    long = "Voir les commentaires des riverains sur le projet a convaincu le conseil municipal de revoir le tracé."
    assert cue_kind(long) != "comments_section"


NOTICES = ["Cet article fait partie de nos archives : le Courrier de Valmorin a cessé de paraître en 2019. "
           "Pour toute question, écrivez à la rédaction.",
           "Cet article a été automatiquement transféré depuis l'ancienne plateforme du site ; sa mise en page peut en "
           "souffrir. Signalez-nous toute erreur.",
           "Ce reportage est issu de notre édition de 13h du 3 mars 2024, présentée par Léa Roy. Vous y retrouverez "
           "aussi les autres sujets du jour."]


@pytest.mark.parametrize("notice", NOTICES)
def test_the_sites_notice_about_the_piece_is_not_the_article(notice: str) -> None:
    assert cue_kind(notice) == "source"
    cleaned = clean_dump(f"{HEAD}\n{lynx(PARA_1)}\n\n{lynx(PARA_2)}\n\n{lynx(PARA_3)}\n\n{lynx(notice)}\n")
    text = "\n".join(cleaned.paragraphs)
    assert PARA_3 in text and notice[:40] not in text


def test_an_article_telling_of_an_archive_keeps_its_sentence() -> None:
    assert cue_kind("Cet article de loi fait partie du code civil depuis 1958, a rappelé la juge.") != "source"
