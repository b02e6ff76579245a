"""Template parts for years counted from an era ("52 av. J.-C.", "l'an 476 de notre ère"); a mixin
of ``values.Filler`` (its table lists the other functions).

==================  ===========================================================================
``{erayear:G}``     a year written in full with any number of digits, four digits as TimeML
                    writes years (``476`` -> ``0476``, ``3 000`` -> ``3000``); the rule puts
                    ``BC`` before it for a year before the era ("52 av. J.-C." -> ``BC0052``)
==================  ===========================================================================

The years of ``{y:G}`` are news years (two digits completed against the article's year); a year
followed by an era is a historian's year and is never completed.
"""

from __future__ import annotations


class Eras:
    """``f_erayear``; ``group`` comes from ``values.Filler``."""

    def group(self, name: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_erayear(self, g: str) -> str | None:
        digits = "".join(ch for ch in (self.group(g) or "") if ch.isdigit())
        if not digits or int(digits) == 0 or len(digits) > 5:
            return None
        return f"{int(digits):04d}"
