"""The web's read queries now live in ``veille.queries`` (shared with the CLI); kept importable here."""

from __future__ import annotations

from veille.queries import *  # noqa: F403
from veille.queries import __all__  # noqa: F401
