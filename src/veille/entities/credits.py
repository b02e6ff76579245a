"""The credits of a story: a bracketed line naming who reported, wrote, edited or translated it
("(Reportage X ; version française Y, édité par Z)", "(Avec AFP)", "(AFP/Reuters)"), or a last
line "Avec AFP" / "Par X" / "Photo : X" / "© X", also closing a caption's line after its last
sentence ("… devant la mairie. Crédit : X"). Names there are the newsroom's, not the news'.
Agencies are those of ``lexicons/agencies.tsv``, the other cue words those of
``lexicons/entities/credit_cues.tsv``."""

from __future__ import annotations

import re

from veille.common.lexicon import rows


def _agencies() -> str:
    names = sorted({r[0] for r in rows("agencies.tsv")}, key=lambda n: (-len(n), n))
    return "(?:" + "|".join(re.escape(n) for n in names) + ")"


def _cues(place: str) -> str:
    """The patterns of ``entities/credit_cues.tsv`` for one place, as one alternation."""
    return "(?:" + "|".join(r[1] for r in rows("entities/credit_cues.tsv", min_columns=2) if r[0] == place) + ")"


_AGENCY = _agencies()
CREDITS = re.compile(
    # "(Reportage X ; version française Y, édité par Z)", "(Avec AFP)", "(AFP/Reuters)"
    r"\((?:(?:\s*(?:" + _cues("bracket_opening") + r"|Avec (?:l'|l’)?(?:" + _AGENCY + r"|agences?))\b"
    r"|[^()\n]{0,200}?\b" + _cues("bracket_inside") + r")[^()\n]{0,300}"
    r"|" + _AGENCY + r"(?:\s*[/,-]\s*\w+){0,3})\)"
    # a line of its own: "Avec AFP", "Par Jeanne Dumoulin", "Photo : X", "© X"
    r"|(?:^|\n)(?:Avec (?:l'|l’)?(?:" + _AGENCY + r"|agences?)|Par (?=[A-ZÉ][\w’'-]+ [A-ZÉ])|" + _cues("line_opening")
    + r"|Sources? ?: ?(?:" + _AGENCY + r"|agences?)|©)[^\n.]{0,80}(?=\n|$)"
    # a caption's credit closing its line after the caption's last sentence: "… la mairie. © X"
    r"|(?<=[.!?…»] )(?:" + _cues("line_opening") + r"|©)[^\n.]{0,80}(?=\n|$)"
    r"|" + _cues("interview") + r" [^\n.,;]{0,60}")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every credit of the text."""
    return [mt.span() for mt in CREDITS.finditer(text)]
