"""Veille reads French news the way an analyst would.

Python API::

    from veille import extract
    for article in extract(["page.html", "dump.txt"]):
        print(article.title, article.published, [e.name for e in article.entities])
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import Any  # noqa: E402

from veille.model import Article  # noqa: E402


def __getattr__(name: str) -> Any:
    """``Pipeline`` and ``extract`` imported when first asked for: ``python -m veille`` and the
    ``veille`` command start without loading spaCy first, so a Ctrl-C in their first second meets
    Veille's own handling (one line), not an import's traceback."""
    if name in ("Pipeline", "extract"):
        from veille import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'veille' has no attribute {name!r}")


__all__ = ["Article", "Pipeline", "extract", "__version__"]
