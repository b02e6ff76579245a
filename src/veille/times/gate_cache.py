"""Which gate strings an article's text holds, each looked up once and only when a rule asks.

A rule of ``times/rules.py`` runs only on a text holding one of its gate strings (``Rule.gate``).
The engine used to test all of the rules' gate strings (about 400) against each text before running
any rule; here a rule's strings are tested in turn, shortest first (the most often present), until
one is found, and each answer is kept for the other rules that share the string. The same rules run:
``holds_one(gate)`` is ``not gate.isdisjoint({g for g in all_gates if g in text})``.
"""

from __future__ import annotations

_ORDER: dict[frozenset[str], tuple[str, ...]] = {}  # a gate -> its strings, shortest first


def _ordered(gate: frozenset[str]) -> tuple[str, ...]:
    order = _ORDER.get(gate)
    if order is None:
        order = _ORDER[gate] = tuple(sorted(gate, key=lambda g: (len(g), g)))
    return order


class GateMemo:
    """Example: ``GateMemo("le 3 mars").holds_one(frozenset({"mars", "avril"}))`` is True."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[str, bool] = {}

    def holds_one(self, gate: frozenset[str]) -> bool:
        """Whether the text holds at least one string of ``gate``."""
        seen, text = self.seen, self.text
        for g in _ordered(gate):
            found = seen.get(g)
            if found is None:
                found = seen[g] = g in text
            if found:
                return True
        return False
