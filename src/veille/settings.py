"""The pipeline's settings, declared once with their meaning (a plain dict is still accepted)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Settings(Mapping[str, Any]):
    """What a caller may tune. Reads as a mapping too, so ``settings.get("today")`` keeps working."""

    today: str | None = field(default=None, metadata={
        "help": "ISO date standing for 'now' when an article's year must be guessed (tests pin it)"})
    entity_linking: bool = field(default=True, metadata={
        "help": "link entities to the knowledge base (canonical names, roles, metonymy)"})
    kb_dirs: list[str] | None = field(default=None, metadata={
        "help": "folders whose *.jsonl make the knowledge base; None: the bundled KB plus the user KB"})
    quotes_in_title: bool = field(default=False, metadata={
        "help": "also look for quotes in the title"})
    explain: bool = field(default=False, metadata={
        "help": "record on each quote and event the rule that produced it (`rule`), as `--explain` does"})

    @classmethod
    def coerce(cls, value: Settings | Mapping[str, Any] | None) -> Settings:
        """``Settings`` from a ``Settings``, a dict (unknown keys refused) or ``None``."""
        if isinstance(value, Settings):
            return value
        data = dict(value or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if data.get("kb_dirs") is not None:
            data["kb_dirs"] = [str(d) for d in data["kb_dirs"]]
        return cls(**data)

    def __getitem__(self, key: str) -> Any:
        if key not in self._names():
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    @classmethod
    def _names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def kb(self) -> Any:
        """The knowledge base these settings name, built once per process (``veille.kb.load_kb``)."""
        from veille.kb import load_kb

        return load_kb(self.kb_dirs)


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) of every setting, for documentation and ``--help`` texts."""
    return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(Settings)]
