"""Posts printed with a capital ("le Directeur général de Bravex", "la Porte-parole du Conseil"): the entity
stage may list them as organisations; as a quote's subject they describe a person, whom the descriptor
rules look for, not an organisation that speaks.
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.rule_types import Subject
from veille.quotes.state import ArticleState


def is_title_entity(state: ArticleState, subj: Subject, mention: Any) -> bool:
    """Example "« Nous tiendrons », a dit le Directeur financier de Bravex.": the mention covering the
    subject's head is an organisation whose name opens on a person's post (``speaker_nouns.tsv``) the
    subject writes with an article, so it names a post, not the organisation."""
    if mention.entity.type == "PER" or not subj.article:
        return False
    words = bare(mention.entity.name).split()
    head = bare(subj.head.text)
    nouns = state.res.person_nouns
    return bool(words) and words[0] == head and (head in nouns or bare(subj.head.lemma_) in nouns)
