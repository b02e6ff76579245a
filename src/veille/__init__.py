"""Veille reads French news the way an analyst would.

Python API::

    from veille import extract
    for article in extract(["page.html", "dump.txt"]):
        print(article.title, article.published, [e.name for e in article.entities])
"""

from __future__ import annotations

__version__ = "0.1.0"

from veille.model import Article  # noqa: E402
from veille.pipeline import Pipeline, extract  # noqa: E402

__all__ = ["Article", "Pipeline", "extract", "__version__"]
