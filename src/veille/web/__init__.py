"""The web UI and JSON API (``veille serve``)."""

from __future__ import annotations

from veille.web.app import create_app

__all__ = ["create_app"]
