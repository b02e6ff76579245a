"""An acronym of a common noun that also names a body of feminine gender ("la BAC", "les BAC",
"la brigade anticriminalité (BAC)"): the body, kept before the stopword filter would refuse the
common noun ("son bac en poche", a diploma, masculine). The acronyms and the bodies' spelled-out
names are ``lexicons/entities/feminine_acronyms.tsv``."""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows


def _letters(text: str) -> str:
    """Folded, without spaces or hyphens: "anti-criminalité" and "anticriminalité" meet."""
    return norm(text).replace(" ", "").replace("-", "")


# acronym (folded) -> the body's spelled-out name (folded, without spaces or hyphens)
BODIES: dict[str, str] = {norm(r[0]): _letters(r[1]) for r in rows("entities/feminine_acronyms.tsv", min_columns=2)}
_FEMININE_OR_PLURAL = frozenset({"la", "les", "des", "aux", "ces"})


def feminine_body(toks: list[Any], key: str) -> bool:
    """Whether a one-word span in capitals is one of these acronyms read as the body: after a
    feminine or plural article, or in brackets right after the body's spelled-out name."""
    if len(toks) != 1 or not toks[0].is_upper or norm(key) not in BODIES or toks[0].i == 0:
        return False
    tok = toks[0]
    prev = tok.nbor(-1)
    if prev.lower_ in _FEMININE_OR_PLURAL:
        return True
    if prev.text != "(":
        return False
    # the few words before the bracket (a hyphenated spelling is three tokens a word)
    before = tok.doc[max(0, prev.i - 8):prev.i].text
    return _letters(before).endswith(BODIES[norm(key)])
