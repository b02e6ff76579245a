"""An HTML page whose source wraps the text inside its paragraphs (a hand-written or exported page
set at 70 columns, as some CMS write it): the extraction keeps the source's line breaks, so each
paragraph comes as a run of line fragments ("… la création d'un fonds de soutien aux" / "communes
rurales, prévu pour …"), which the line rules read as short lines (menus, captions) and the parser
as sentences cut in two.

The page is one when many of its lines open in lower case (a block of a page opens on a capital);
its lines are then joined again: a line runs on into the next when the next opens in lower case, or
when it is as long as a wrapped line and ends without a sentence mark. The headline is never
joined to what follows it. Measured by the ``html-wrapped`` variant of ``bench/page_perturb.py``.
"""

from __future__ import annotations

WRAPPED_SHARE = 0.25  # share of the lines of three words or more opening in lower case
WRAPPED_MIN_LINES = 8  # such lines, at the least
WRAP_MIN_CHARS = 50  # a line this long ending without a sentence mark was cut by the source's wrap
_OPEN_ENDS = (",", ";", "-", "'", "’", "(", "«")


def _opens_lower(line: str) -> bool:
    text = line.lstrip(" «\"“(")
    return text[:1].isalpha() and text[:1].islower()


def is_source_wrapped(lines: list[str]) -> bool:
    """Whether many lines open in lower case: the source's wrap, not the page's blocks."""
    worded = [ln for ln in lines if len(ln.split()) >= 3]
    lower = sum(_opens_lower(ln) for ln in worded)
    return lower >= WRAPPED_MIN_LINES and lower >= WRAPPED_SHARE * len(worded)


def _runs_on(line: str, following: str) -> bool:
    if not following.strip() or not line.strip():
        return False
    if _opens_lower(following):
        return True
    end = line.rstrip()
    return len(end) >= WRAP_MIN_CHARS and (end.endswith(_OPEN_ENDS) or end[-1].isalpha())


def join_wrapped(lines: list[str], title: str | None = None) -> list[str]:
    """The extraction's lines with the source's wraps joined again (unchanged when the page is
    not source-wrapped, see the module doc)."""
    if not is_source_wrapped(lines):
        return lines
    head = " ".join((title or "").split())
    out: list[str] = []
    for line in lines:
        if out and _runs_on(out[-1], line) and " ".join(out[-1].split()) != head:
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out
