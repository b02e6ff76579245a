"""An organisation's name that ends on a lower-case complement, cut by the NER before the next one
(issue 16: names with their full extent, `entities/complement_chains.py`). Sentences and names are
invented."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.complement_chains import extend_chains
from veille.entities.complements import extend_complements
from veille.entities.mention import Mention

_HEADS = frozenset({"federation", "fonds", "organisation", "comite", "cour"})


class _KB:
    def __init__(self, *known: str) -> None:
        self.known = set(known)

    def lookup(self, name: str, *types: str) -> list:
        return ["x"] if name in self.known else []


def _chained(nlp, text: str, name: str, kb: _KB | None = None) -> list[str]:
    doc = nlp(text)
    s = text.index(name)
    names = [Mention(s, s + len(name), name, name, "ORG", "ner")]
    return [m.key for m in extend_chains(doc, text, names, _HEADS, kb or _KB())]


def test_a_second_complement_ending_at_a_comma_joins_the_name(nlp):
    text = "En 1970, le mouvement créa la Fédération mondiale pour la paix sur le continent, puis un journal."
    assert _chained(nlp, text, "Fédération mondiale pour la paix") == [
        "Fédération mondiale pour la paix sur le continent"]


def test_two_further_complements_before_the_acronym_join_the_name(nlp):
    text = "Mai : naissance du Fonds régional d'aide pour la protection de la montagne (FRAM)."
    assert _chained(nlp, text, "Fonds régional d'aide") == ["Fonds régional d'aide pour la protection de la montagne"]


def test_a_complement_that_situates_the_body_is_left_out(nlp):
    text = "Le Comité national pour la défense des forêts de la région a parlé."
    name = "Comité national pour la défense des forêts"
    assert _chained(nlp, text, name) == [name]


def test_no_clear_end_no_extension(nlp):
    # a place's name after the complement: where the body's name ends is not clear
    text = "Le Comité national pour la défense des forêts en Valdorie a parlé."
    name = "Comité national pour la défense des forêts"
    assert _chained(nlp, text, name) == [name]


def test_a_name_without_a_lower_case_complement_is_left_to_complements(nlp):
    text = "La Fédération mondiale sur le continent a voté."
    assert _chained(nlp, text, "Fédération mondiale") == ["Fédération mondiale"]


def test_a_name_the_kb_knows_goes_on_no_further(nlp):
    text = "Un avis signé par la Cour des comptes sur le budget des ports, publié hier, accuse."
    assert _chained(nlp, text, "Cour des comptes", _KB("Cour des comptes")) == ["Cour des comptes"]


def test_an_elided_article_kept_by_the_ner_does_not_hide_the_institution_noun(nlp):
    text = "Selon l’Organisation mondiale de la météorologie, il fera chaud."
    s = text.index("l’Organisation")
    names = [Mention(s, s + 23, "l’Organisation mondiale", "l’Organisation mondiale", "ORG", "ner")]
    assert [m.key for m in extend_complements(nlp(text), text, names, _HEADS, _KB())] == [
        "l’Organisation mondiale de la météorologie"]


def test_the_stage_keeps_the_full_name(nlp, entity_stage):
    text = "En 1970, le mouvement créa la Fédération mondiale pour la paix sur le continent, puis un journal."
    assert entity_types(nlp, entity_stage, text).get("Fédération mondiale pour la paix sur le continent") == "ORG"
