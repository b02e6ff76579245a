"""entities/descriptors.py: role patterns from roles.tsv rows, and names glued after a descriptor."""

from __future__ import annotations

from entities_kb import tiny_kb
from veille.common.fold import fold
from veille.entities.descriptors import DescriptorFinder, after_descriptor, compile_roles
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources
from veille.model import Article

ROWS = [("chef du gouvernement {ADJ}", "head_of_government"),
        ("président de {OF}", "head_of_state/president"),
        ("gardien de la Ligue inconnue", "president", "Ligue inconnue")]


def test_patterns_longest_first_and_unknown_targets_skipped():
    patterns = compile_roles(tiny_kb(), ROWS)
    assert [p.slot for p in patterns] == ["ADJ", "OF"]
    assert patterns[1].roles == (["head_of_state"], ["president"])
    assert patterns[0].regex.match("chef du gouvernement valdorien").group("adj") == "valdorien"


def test_a_descriptor_reads_its_country_from_the_adjective():
    finder = DescriptorFinder(EntityResources(kb=tiny_kb()), ROWS)
    text = "Hier, le chef du gouvernement valdorien a parlé."
    art = Article(id="d", paragraphs=[text])
    (d,) = finder.find(art, text, fold(text), [])
    assert d.text == "le chef du gouvernement valdorien"
    assert d.role == ("head_of_government", "country:VD") and d.dated


def test_a_former_holder_is_not_dated():
    finder = DescriptorFinder(EntityResources(kb=tiny_kb()), ROWS)
    text = "Hier, le futur chef du gouvernement valdorien a parlé."
    (d,) = finder.find(Article(id="d", paragraphs=[text]), text, fold(text), [])
    assert d.text == "le futur chef du gouvernement valdorien" and not d.dated


def test_a_quantified_role_is_generic_and_not_dated():
    finder = DescriptorFinder(EntityResources(kb=tiny_kb()), ROWS)
    text = "Jamais aucun ancien élu local et chef du gouvernement valdorien n'a dirigé la ville."
    (d,) = finder.find(Article(id="d", paragraphs=[text]), text, fold(text), [])
    assert not d.dated
    text = "Aucun doute, le chef du gouvernement valdorien a parlé."
    (d,) = finder.find(Article(id="d", paragraphs=[text]), text, fold(text), [])
    assert d.dated


def test_a_name_the_ner_glued_after_a_descriptor_is_a_person():
    text = "chef du gouvernement valdorien Bastien Orcel"
    d = Mention(0, 30, text[:30], text[:30], "PER", "descriptor")
    glued = Mention(21, len(text), text[21:], text[21:], "ORG", "ner")
    person = after_descriptor(glued, [d], text)
    assert (person.key, person.label) == ("Bastien Orcel", "PER")
    assert after_descriptor(Mention(0, 8, "Valdorie", "Valdorie", "LOC", "ner"), [d], text).label == "LOC"
