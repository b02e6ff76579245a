"""An organisation's acronym read wherever the article writes it once spelled out (invented text)."""

from __future__ import annotations

from veille.entities.acronym_sweep import sweep_acronyms
from veille.entities.mention import Mention
from veille.model import Article

TEXT = ("Le Rassemblement des Valdoriens libres (RVL) a tenu congrès. Selon le RVL, la ligne ne change pas. "
        "Les RVLX ne comptent pas.")


def _article() -> Article:
    return Article(id="t", title=None, published="2024-03-01", paragraphs=[TEXT])


def _long(label: str = "ORG") -> Mention:
    name = "Rassemblement des Valdoriens libres"
    at = TEXT.index(name)
    return Mention(at, at + len(name), name, name, label, "ner")


def test_the_bare_acronym_joins_the_organisation_spelled_out_before():
    clusters = {("name", "rassemblement des valdoriens libres", "ORG"): [_long()]}
    sweep_acronyms(_article(), TEXT, clusters)
    ms = clusters[("name", "rassemblement des valdoriens libres", "ORG")]
    assert [m.text for m in ms] == ["Rassemblement des Valdoriens libres", "RVL", "RVL"]
    assert all(m.label == "ORG" for m in ms)


def test_a_cluster_of_the_acronym_alone_joins_one_with_other_names_does_not():
    at = TEXT.index("RVL")
    alone = Mention(at, at + 3, "RVL", "RVL", "MISC", "ner")
    clusters = {("name", "rassemblement des valdoriens libres", "ORG"): [_long()], ("name", "rvl", "MISC"): [alone]}
    sweep_acronyms(_article(), TEXT, clusters)
    assert list(clusters) == [("name", "rassemblement des valdoriens libres", "ORG")]
    assert [m.label for m in clusters[("name", "rassemblement des valdoriens libres", "ORG")]] == ["ORG"] * 3
    at2 = TEXT.index("Valdoriens")
    mixed = [Mention(at, at + 3, "RVL", "RVL", "ORG", "ner"), Mention(at2, at2 + 10, "Valdoriens", "Valdoriens", "ORG", "ner")]
    clusters = {("name", "rassemblement des valdoriens libres", "ORG"): [_long()], ("name", "rvl", "ORG"): mixed}
    sweep_acronyms(_article(), TEXT, clusters)
    assert len(clusters[("name", "rassemblement des valdoriens libres", "ORG")]) == 1


def test_a_person_gets_no_acronym():
    people = {("name", "rassemblement des valdoriens libres", "PER"): [_long("PER")]}
    sweep_acronyms(_article(), TEXT, people)
    assert len(people[("name", "rassemblement des valdoriens libres", "PER")]) == 1


def test_the_acronym_of_the_name_s_tail_is_not_the_whole_body_s():
    text = "La Ligue des marcheurs de Brévane (MB) a défilé. Le MB a suivi."
    name = "Ligue des marcheurs de Brévane"
    clusters = {("name", "ligue des marcheurs de brevane", "ORG"): [Mention(3, 3 + len(name), name, name, "ORG", "ner")]}
    sweep_acronyms(Article(id="t", title=None, published="2024-03-01", paragraphs=[text]), text, clusters)
    assert len(clusters[("name", "ligue des marcheurs de brevane", "ORG")]) == 1
