"""What the quote stage loads (``veille.quotes.resources``): speech verbs, lexicons, the KB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from veille.common import lexicon
from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage, load_speech_verbs
from veille.settings import Settings

KB_FIXTURE = Path(__file__).parent / "data" / "kb_fixture"


# -- lexicon ---------------------------------------------------------------------------------

def test_lexicon_loads_and_generates_forms():
    by_lemma, by_form = load_speech_verbs()
    assert {"déclarer", "affirmer", "souligner", "ajouter", "dire", "poursuivre"} <= set(by_lemma)
    assert "que" in by_lemma["déclarer"].flags and "cont" in by_lemma["ajouter"].flags
    assert "soulignant" in by_form and "estime" in by_form and "senalado" in by_form  # accents folded
    assert by_form["said"].lang == "en"
    head = (Path(__file__).parents[1] / "src/veille/lexicons/speech_verbs.tsv").read_text().splitlines()[:6]
    assert any("source" in line and "Reviewed" in line for line in head) or "Reviewed" in "".join(head)


# -- the KB named by the settings (kb_dirs) ------------------------------------------------------

def test_stage_loads_the_kb_that_kb_dirs_names():
    # the fixture KB has 22 entries; the bundled one has hundreds
    stage = QuoteStage(Context(settings=Settings(kb_dirs=[str(KB_FIXTURE)])))
    assert len(stage.res.kb.entries) == 22
    assert len(QuoteStage(Context(settings={"kb_dirs": [str(KB_FIXTURE)]})).res.kb.entries) == 22


def _diplomat_speaker(nlp, stage: QuoteStage) -> str | None:
    # invented people: only a KB that lists Marc Lemoine as a diplomat tells who "le diplomate" is
    text = "Paul Arnaud a reçu Marc Lemoine mardi à Lyon. « Nous avancerons ensemble », a déclaré le diplomate."
    art = Article(id="kb", paragraphs=[text])
    art.entities = [Entity(name="Paul Arnaud", type="PER", mentions=["Paul Arnaud"], spans=[[0, 11]]),
                    Entity(name="Marc Lemoine", type="PER", mentions=["Marc Lemoine"], spans=[[18, 30]],
                           kb_id="person:marc-lemoine")]
    stage(art, nlp(art.nlp_text()))
    (quote,) = art.quotes
    return quote.speaker


def test_kb_dirs_decides_a_descriptor_speaker(nlp, tmp_path):
    person = {"id": "person:marc-lemoine", "name": "Marc Lemoine", "type": "PER", "aliases": [], "gender": "m",
              "nationality": ["FR"], "professions": ["diplomate"], "roles": []}
    (tmp_path / "people.jsonl").write_text(json.dumps(person, ensure_ascii=False) + "\n", encoding="utf-8")
    with_kb = QuoteStage(Context(settings=Settings(kb_dirs=[str(tmp_path)])))
    assert len(with_kb.res.kb.entries) == 1
    assert _diplomat_speaker(nlp, with_kb) == "Marc Lemoine"
    # the bundled KB does not know him: the paragraph's subject is taken instead
    assert _diplomat_speaker(nlp, QuoteStage(None)) == "Paul Arnaud"


# -- the word lists of lexicons/quotes/ ---------------------------------------------------------------

QUOTE_LEXICONS = sorted((Path(__file__).resolve().parents[1] / "src/veille/lexicons/quotes").glob("*.tsv"))


@pytest.mark.parametrize("path", QUOTE_LEXICONS, ids=lambda p: p.name)
def test_quote_lexicon_headers_name_source_columns_and_example(path):
    head = [line.lower() for line in lexicon.header(f"quotes/{path.name}")]
    assert any(line.startswith("# source:") for line in head)
    assert any(line.startswith("# columns:") for line in head)
    assert any(line.startswith("# example:") for line in head)
    assert lexicon.rows(f"quotes/{path.name}", min_columns=2)


def test_word_lists_come_from_the_lexicons():
    from veille.quotes import words

    assert len(QUOTE_LEXICONS) >= 8
    assert ("pour", "sa", "part") in words.FILLERS_BEFORE_VERB and ("lui", "aussi") in words.FILLERS_BEFORE_VERB
    assert words.PRONOUN_GENDER["-elle"] == "f" and words.PRONOUN_GENDER["lui"] is None
    assert words.FOREIGN_PRONOUNS["she"] == "elle"
    assert words.INVERTED_SINGULAR == {"-il", "-elle"}
    assert words.ARTICLE_PREFIXES == ("l'", "la ", "le ", "les ")


def test_titles_come_from_the_shared_titles_lexicon():
    from veille.quotes import words

    assert words.TITLE_BEFORE_NAME.sub("", "Mme Lucie Ferrand") == "Lucie Ferrand"
    assert words.TITLE_BEFORE_NAME.sub("", "Dr Youssef Amrani") == "Youssef Amrani"
    assert words.TITLE_AT_END["f"].search("selon mme ") and not words.TITLE_AT_END["m"].search("selon mme ")
    assert words.TITLE_AT_END["m"].search("a recu m. ") and words.TITLE_AT_END["m"].search("monsieur ")
