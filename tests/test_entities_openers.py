"""A capitalised conjunction or sentence adverb opening a sentence ("Puis", "Cependant", "Malgré", …)
is no part of the name after it (issue 16: checked over the 316 dev pages, where no entity kept one;
this locks the behaviour with invented people)."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.entities import EntityStage
from veille.model import Article
from veille.pipeline import Context

FIXTURE = Path(__file__).parent / "data" / "kb_fixture"

_OPENERS = ["Si", "Or", "Ainsi", "Alors", "Puis", "Mais", "Donc", "Cependant", "Pourtant", "Enfin",
            "Selon", "Après", "Depuis", "Face", "Outre", "Malgré"]


@pytest.fixture(scope="module")
def stage(nlp):
    return EntityStage(Context(nlp=nlp, settings={"kb_dirs": [str(FIXTURE)]}))


@pytest.mark.parametrize("opener", _OPENERS)
def test_sentence_opener_is_trimmed_off_the_name(nlp, stage, opener):
    text = ("Le conseil municipal a voté le budget mardi soir.\n\n"
            f"{opener} Clarisse Montadier a expliqué que le projet restait fragile. "
            f"{opener} Montadier ne votera pas.")
    art = Article(id="t", title=None, paragraphs=text.split("\n\n"))
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    mentions = {m for e in art.entities for m in e.mentions}
    assert not any(m.split()[0] == opener for m in mentions), mentions
    assert any(e.name == "Clarisse Montadier" for e in art.entities)
