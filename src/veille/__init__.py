"""Veille reads French news the way an analyst would.

Python API::

    from veille import extract
    for article in extract(["page.html", "dump.txt"]):
        print(article.title, article.published, [e.name for e in article.entities])
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import Any  # noqa: E402


def __getattr__(name: str) -> Any:
    """``Article``, ``Pipeline`` and ``extract`` imported when first asked for: ``python -m veille``
    and the ``veille`` command import this package before any of Veille's own handling can run,
    so it loads nothing: a Ctrl-C in their first second meets that handling (one line), not an
    import's traceback."""
    if name == "Article":
        from veille.model import Article

        return Article
    if name in ("Pipeline", "extract"):
        from veille import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'veille' has no attribute {name!r}")


__all__ = ["Article", "Pipeline", "extract", "__version__"]
