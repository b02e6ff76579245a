"""An author's note set as a paragraph of its own at the article's head or foot: the person who
signs a column or a tribune, presented in the third person ("Léa Roy est romancière. Dernier livre
paru : …", "Awa Koné, sociologue, est chercheuse à …"). Extraction keeps it with the text, and its
names, books and institutions then count as the article's.

A paragraph is one when it is among the first or last two paragraphs, a sentence or two, holds no quotation,
opens on a person's name (two to four capitalised words) followed by "est"/"était" or a comma and,
within a few words, a role noun (``lexicons/speaker_nouns.tsv``: "romancière", "médecin",
"co-auteure"), and when the article names that person nowhere after it (nor, at the foot, before
it): a portrait's lede ("Léa Roy est infirmière à Valmorin depuis vingt ans.") goes on naming her,
while a tribune's standfirst may name its author above the note ("Selon Léa Roy, …"). A signature
alone on its line ("Léa Roy") is no mention. Dumps and HTML pages alike (``body_furniture``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.clean.text import words
from veille.common.fold import fold
from veille.common.lexicon import rows

EDGE = 2  # paragraphs at the head and at the foot where a note is looked for
MIN_PARAGRAPHS = 3  # a note beside one or two paragraphs may be all the page gives of the article
NOTE_MIN_WORDS = 8  # a quote's attribution card ("Léa Roy, épidémiologiste") is shorter
NOTE_MAX_WORDS = 60
SIGNATURE_MAX_WORDS = 5
ROLE_REACH = 4  # words after "est" or the comma where the role noun may sit
_NAME = re.compile(r"^((?:[A-ZÀ-Þ][\w'’.-]+)(?:\s+(?:de\s+|du\s+|d['’]|van\s+|von\s+|le\s+|la\s+)?[A-ZÀ-Þ][\w'’.-]+){1,3})"
                   r"(?:\s+(?:est|était)\b|\s*,)")
_SPEECH = re.compile(r"[«»“”\"]")
# Words between "est" and the role ("est également la co-auteure", "est aujourd'hui professeure").
_FILLERS = frozenset({"le", "la", "l", "un", "une", "aussi", "également", "notamment", "aujourd'hui",
                      "aujourd’hui", "actuellement", "désormais", "ancien", "ancienne", "est", "était"})


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return frozenset(fold(row[0]).lower() for row in rows("speaker_nouns.tsv"))


def _is_role(word: str) -> bool:
    """A role noun, also with a "co-" prefix or a feminine "-e" the lexicon does not list ("co-auteure")."""
    w = fold(word).lower().strip(",.;:()")
    w = w[3:] if w.startswith(("co-", "co ")) else w
    nouns = _role_nouns()
    return w in nouns or w.endswith("e") and w[:-1] in nouns


def note_name(para: str) -> str | None:
    """The person an author's note presents ("Léa Roy est romancière …" -> "Léa Roy"), when the
    paragraph has a note's shape (see the module doc), else None."""
    text = para.strip()
    if not NOTE_MIN_WORDS <= len(words(text)) <= NOTE_MAX_WORDS or _SPEECH.search(text):
        return None
    m = _NAME.match(text)
    if not m:
        return None
    after = [w for w in re.split(r"[\s’']+", text[m.end():]) if w.strip(",")]
    after = [w for w in after if fold(w).lower().strip(",") not in _FILLERS][:ROLE_REACH]
    return m.group(1) if after and _is_role(after[0]) else None


def _named_elsewhere(name: str, others: list[str]) -> bool:
    surname = re.escape(name.split()[-1])
    return any(len(words(p)) > SIGNATURE_MAX_WORDS and re.search(rf"(?<!\w){surname}(?!\w)", p) for p in others)


def drop_author_notes(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the author's notes at their head and foot, and the notes."""
    n = len(paragraphs)
    if n < MIN_PARAGRAPHS:
        return paragraphs, []
    notes: set[int] = set()
    for i in sorted({*range(EDGE), *range(n - EDGE, n)}):
        name = note_name(paragraphs[i])
        head = i < EDGE
        if name and not _named_elsewhere(name, paragraphs[i + 1:] if head else paragraphs[:i] + paragraphs[i + 1:]):
            notes.add(i)
    return ([p for i, p in enumerate(paragraphs) if i not in notes],
            [p for i, p in enumerate(paragraphs) if i in notes])
