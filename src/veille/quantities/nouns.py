"""The kind of a counted noun (``lexicons/units.tsv`` with ``quantities/counted_nouns.tsv``), read
through a hyphenated compound: a compound the lexicon does not list takes the kind of its last part,
which French compounds of people and things inflect and which names what is counted ("sous-préfets"
as "préfets", "beaux-pères" as "pères", "demi-heures" as "heures")."""

from __future__ import annotations


def noun_kind(kinds: dict[str, str], head: str) -> str | None:
    """The ``units.tsv`` kind of the noun ``head`` ("count", "skip"…), or None."""
    word = head.lower()
    kind = kinds.get(word)
    if kind is None and "-" in word:
        kind = kinds.get(word.rsplit("-", 1)[1])
    return kind
