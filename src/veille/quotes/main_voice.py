"""A page with one main voice (a portrait, an interview written up, a testimony): a direct quote no rule
gave to anyone is the main voice's.

Example: a portrait quotes Paul Arnaud eight times; between two of his quotes, "« On ne lâche rien »,
glisse le maraîcher." names him only by a descriptor the entity stage did not tie to him, and no rule
finds a speaker. The page's direct quotes are his at three in four or more, so the quote is his too.

Only a quote left with nobody for want of evidence (``NO_EVIDENCE``: no rule found anyone, no voice near, a last speaker not
known, a descriptor tied to no one) is taken; a quote whose words name an unnamed source ("un proche",
"une habitante"), a plural voice or a person the page does not name stays with nobody. The main voice is
a person quoted ``MAIN_QUOTES`` times or more who holds ``MAIN_SHARE`` of the page's direct quotes.
"""

from __future__ import annotations

from collections import Counter

from veille.model import Quote
from veille.quotes.state import ArticleState

NO_EVIDENCE = frozenset({"nobody", "no_voice_near", "last_speaker", "descriptor"})
MAIN_SHARE = 0.75
MAIN_QUOTES = 5


def base_rule(rule: str | None) -> str:
    """The rule's name without its notes (``+via:…``) or later rules (`` || …``)."""
    return (rule or "").split(" || ")[0].split("+")[0].strip()


def page_main_voice(state: ArticleState, quotes: list[Quote]) -> str | None:
    """The person holding ``MAIN_SHARE`` or more of the page's direct quotes (at least ``MAIN_QUOTES``)."""
    direct = [q for q in quotes if q.kind == "direct"]
    named = Counter(q.speaker for q in direct if q.speaker)
    if not named:
        return None
    voice, n = named.most_common(1)[0]
    if n < MAIN_QUOTES or n < MAIN_SHARE * len(direct):
        return None
    people = {e.name for e in state.art.entities if e.type == "PER"}
    return voice if voice in people else None


def main_voice(state: ArticleState, quotes: list[Quote]) -> None:
    """Gives the page's main voice the direct quotes left with nobody for want of evidence."""
    voice = page_main_voice(state, quotes)
    if voice is None:
        return
    for q in quotes:
        if q.kind == "direct" and q.speaker is None and base_rule(state.rule_of.get(id(q), (q, ""))[1]) in NO_EVIDENCE:
            q.speaker = voice
            q.speaker_text = q.speaker_text or voice
            state.note_rule(q, "main_voice")
