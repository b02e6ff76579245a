"""Posts printed with a capital ("le Directeur général de Bravex", "la Porte-parole du Conseil"): the entity
stage may list them as organisations; as a quote's subject they describe a person, whom the descriptor
rules look for, not an organisation that speaks.
"""

from __future__ import annotations

import re
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


# the endings of French demonyms ("Lyonnais", "Niçoise", "Norvégien", "Américaine"; rarer ones are missed)
DEMONYM_ENDING = re.compile(r"(?:ais|aise|ois|oise|ien|ienne|ain|aine|éen|éenne|in|ine|ol|ole|an|ane|ote|ard|arde)s?$")


def is_epithet(state: ArticleState, word: str) -> bool:
    """Example "confie le Lyonnais" and "a dit la Norvégienne" name a person by where they come from; "le
    Code rural le rappelle" and "le Règlement le prévoit" are texts that speak for nobody."""
    folded = bare(word)
    return folded in state.res.demonyms or DEMONYM_ENDING.search(word.lower()) is not None
