"""The types every speaker rule shares: a rule's ``Decision``, the named ``Rule``, a cue's ``Subject``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from veille.quotes.state import Cue, Mention


class Decision(NamedTuple):
    """A rule's answer: the speaker (None: nobody) and, for cue-less quotes, the words naming them."""

    speaker: str | None
    speaker_text: str | None = None


@dataclass(frozen=True)
class Rule:
    """A named speaker rule; its docstring (``example``) gives an invented sentence it decides."""
    name: str
    decide: Callable[..., Decision | None]

    @property
    def example(self) -> str:
        return (self.decide.__doc__ or "").strip()


def _rules(*functions: Callable[..., Decision | None]) -> list[Rule]:
    return [Rule(f.__name__, f) for f in functions]


@dataclass
class Subject:
    """A cue's subject words, looked at once for every subject rule."""

    cue: Cue
    toks: list[Any]
    low: str  # folded words, a foreign pronoun read as the French one
    inside: list[Mention]  # mentions starting inside the subject
    head: Any
    article: bool  # the head has an article before it
    persons: list[Mention]  # persons named in the subject, not as a descriptor's complement
