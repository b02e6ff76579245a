"""Public bodies written by a one-capital acronym or a short form ("l'Inserm", "du Crous",
"l'Urssaf", "l'AP-HP", "l'ULiège"), a closed list (``lexicons/entities/body_acronyms.tsv``).

French copy writes a pronounceable acronym as a word, capital first ("l'Inserm", not "l'INSERM").
The NER model then reads it as a thing (MISC: "du Crous"), a place ("l'Inrap", "l'Arcom") or passes
it by, and the acronym rules, which ask for two capitals or more, never see it; a hyphenated acronym
("l'AP-HP") comes out as two. Issue 16's dev errors show the form on five sites, a different body on
each: a listed form NER met is therefore an organisation wherever it stands alone (written as
listed or in capitals), and a cluster of the form alone joins the cluster of the body's official
name when the article writes that too ("… l'Inserm … l'Institut national de la santé et de la
recherche médicale"). The list is closed on purpose: an open proposal of capitalised words failed
out of site (bench/FINDINGS.md, "organisations the NER never proposes or cuts").

A form NER passed by is proposed too ("l'Inrap" with no mention over it): once the speaker model's
"nobody named near" counted persons only, the new organisation beside a quote no longer moved the
speakers (bench/FINDINGS.md, "Quotes, nobody named near counts persons").
"""

from __future__ import annotations

import re

from veille.common.fold import spelling_key
from veille.common.lexicon import rows
from veille.entities.mention import Mention

Clusters = dict[tuple, list[Mention]]

_ROWS = rows("entities/body_acronyms.tsv", min_columns=3)


def _spelling(name: str) -> str:
    """A name's spelling key (:func:`spelling_key`) with its commas and dashes left out too: an
    official name is written with or without the comma between its parts."""
    return spelling_key(re.sub(r"[,–—]", " ", name))


# the form as listed and in capitals ("Inserm", "INSERM") -> the official name's spelling
EXPANSIONS: dict[str, str] = {}
for _form, _name, *_ in _ROWS:
    EXPANSIONS[_form] = EXPANSIONS[_form.upper()] = _spelling(_name)
# a whole word: no letter, figure or joining mark right before or after ("Inserm-Transfert" is another name)
_FORMS = re.compile(r"(?<![\w@/&-])(" + "|".join(re.escape(f) for f in sorted(EXPANSIONS, key=len, reverse=True))
                    + r")(?![\w@/&]|-\w)")


def listed_body_acronyms(text: str, names: list[Mention]) -> list[Mention]:
    """The mentions with every listed form NER met read as an organisation: a mention spanning
    the form exactly becomes ORG whatever NER made of it ("du Crous" read MISC, "l'Inrap" LOC);
    mentions inside the form ("AP" and "HP" of "AP-HP") give way to it. A longer name around the
    form ("Crous de Valmont") is left as it is; a form NER passed by is proposed as an organisation."""
    out = list(names)
    for mt in _FORMS.finditer(text):
        a, b = mt.span()
        over = [m for m in out if m.start < b and a < m.end]
        if any(m.start < a or m.end > b for m in over):
            continue  # inside a longer name, or astride its edge
        exact = [m for m in over if (m.start, m.end) == (a, b)]
        if exact:
            for m in exact:
                m.label = "ORG"
            continue
        out = [m for m in out if m not in over]
        out.append(Mention(a, b, mt.group(1), mt.group(1), "ORG", "ner"))
    return sorted(out, key=lambda m: m.start)


def join_listed_expansions(clusters: Clusters) -> None:
    """A cluster holding listed forms only joins the cluster of the body's official name, when the
    article writes it apart ("l'Inserm" and, three paragraphs on, "l'Institut national de la santé
    et de la recherche médicale"): one body. Without that name written, the form stays the name."""
    by_spelling: dict[str, tuple] = {}
    for key, ms in clusters.items():
        for m in ms:
            if m.key not in EXPANSIONS and m.label != "PER":
                by_spelling.setdefault(_spelling(m.key), key)
    for key, ms in list(clusters.items()):
        forms = {m.key for m in ms if m.source in ("ner", "gaz", "sweep", "acronym")}
        if not forms or not forms <= EXPANSIONS.keys() or key[0] == "kb":
            continue
        target = by_spelling.get(EXPANSIONS[next(iter(forms))])
        if target is None or target == key or target not in clusters:
            continue
        for m in clusters.pop(key):
            m.label = "ORG"
            clusters[target].append(m)
