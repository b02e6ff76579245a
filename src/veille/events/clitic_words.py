"""The object and dative clitics the event rules read and what each shows of its antecedent
(``lexicons/events/clitic_agreement.tsv``), kept apart so that ``pronouns`` and
``clitic_antecedent`` share them without importing each other."""

from __future__ import annotations

from veille.common.fold import lower_nfc
from veille.common.lexicon import rows

_ROWS = rows("events/clitic_agreement.tsv", min_columns=2)
# clitic -> (gender or None, number, case)
CLITICS: dict[str, tuple[str | None, str, str]] = {
    lower_nfc(c[0]): (None if c[1] == "-" else c[1], c[2], c[3]) for c in _ROWS if c[0] not in ("type", "ending")}
# a past participle's ending -> (gender, number), longest first
ENDINGS = sorted(((c[1], (c[2], c[3])) for c in _ROWS if c[0] == "ending"), key=lambda e: -len(e[0]))
# the types whose verb's direct object undergoes the act ("l'accuse"), not the thing asked ("l'exige")
PATIENT_OBJECT_TYPES = frozenset(c[1].upper() for c in _ROWS if c[0] == "type")


def lone_person_excluded(word: str) -> bool:
    """A plural clitic ("les", "leur") never takes up one person named alone."""
    shown = CLITICS.get(word)
    return shown is not None and shown[1] == "Plur"
