"""Helpers of the clean tests: an invented headline and body, and one CleanStage run."""

from __future__ import annotations

from veille.clean import CleanStage
from veille.model import Article
from veille.pipeline import Context

BODY = ("La mairie de Saint-Malo a présenté mardi un plan de protection du littoral contre l'érosion, "
        "doté de 12 millions d'euros sur cinq ans.\n"
        "Les travaux commenceront à l'automne par la digue du Sillon, la plus exposée aux tempêtes "
        "d'hiver, selon l'adjoint chargé de l'urbanisme.\n"
        "Les associations de riverains saluent un premier pas mais réclament une étude indépendante "
        "sur les effets des enrochements.\n")
HEADLINE = "Saint-Malo lance un plan contre l'érosion du littoral"


def stage_run(article: Article) -> Article:
    ctx = Context()
    CleanStage(ctx)(article, ctx)
    return article
