"""A mention: one stretch of the article's text that names (or describes) an entity."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the surface form as it appears (civility included)
    key: str  # the name to link: no article, no civility
    label: str  # PER / ORG / LOC / MISC
    source: str  # ner | gaz | sweep | acronym | demonym | descriptor | orgdesc
    kb_ids: list[str] = field(default_factory=list)
    kb_id: str | None = None
    gender: str | None = None
    cluster: int | None = None
    # descriptors only: (role, of) to resolve, or ("nationality", country id)
    role: tuple[str, str | None] | None = None
    dated: bool = True  # False for "ancien ..." (never resolved by date)
    role_end: int = 0  # descriptors: where the role words end (before the named country/org)


def apposed(d: Mention, persons: list[Mention], text: str) -> Mention | None:
    """A person name right after the descriptor, or right before it with a comma."""
    for p in persons:
        gap = text[d.end:p.start]
        if 0 <= p.start - d.end <= 3 and gap.strip() in ("", ","):
            return p
        gap = text[p.end:d.start]
        if 0 <= d.start - p.end <= 3 and gap.strip() == ",":
            return p
    return None
