"""The facet index now lives in ``veille.queries.facets`` (the one read layer); kept importable here."""

from __future__ import annotations

from veille.queries.facets import FacetCache, FacetIndex, Ranked, build_index, store_version

__all__ = ["FacetCache", "FacetIndex", "Ranked", "build_index", "store_version"]
