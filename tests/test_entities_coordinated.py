"""Organisation names that coordinate two complements with "et" (issue 16). Sentences and names are
invented."""

from __future__ import annotations

from test_entities import by_name, run_with_ents
from veille.entities import EntityStage
from veille.entities.coordinated import drop_portfolio_tails, extend_compass, extend_coordinated
from veille.entities.mention import Mention
from veille.pipeline import Context


def _extended(nlp, text: str, name: str, others: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    doc = nlp(text)
    s = text.index(name)
    names = [Mention(s, s + len(name), name, name, "ORG", "ner")]
    for other, label in others:
        o = text.index(other)
        names.append(Mention(o, o + len(other), other, other, label, "ner"))
    return [(m.text, m.label) for m in extend_coordinated(doc, text, names, frozenset({"conseil", "agence", "union"}))]


def test_a_lower_case_second_complement_belongs_to_the_name(nlp):
    text = "Le Conseil national de la marche et de la randonnée pédestre a voté une motion."
    assert _extended(nlp, text, "Conseil national de la marche") == [
        ("Conseil national de la marche et de la randonnée pédestre", "ORG")]


def test_a_second_place_name_belongs_to_a_name_ending_on_a_place(nlp):
    text = "L'Union des chorales de Picardie et de Lorraine a réagi lundi."
    got = _extended(nlp, text, "Union des chorales de Picardie", (("Lorraine", "LOC"),))
    assert got == [("Union des chorales de Picardie et de Lorraine", "ORG")]


def test_a_plural_subject_is_not_a_name(nlp):
    text = "L'Agence régionale de la pêche et des élus locaux ont signé un accord."
    assert _extended(nlp, text, "Agence régionale de la pêche") == [("Agence régionale de la pêche", "ORG")]


def test_no_second_complement_without_a_joiner(nlp):
    text = "Le Conseil national de la marche et plusieurs clubs ont protesté."
    assert _extended(nlp, text, "Conseil national de la marche") == [("Conseil national de la marche", "ORG")]


def test_lawyers_named_together_lose_the_plural_title(nlp):
    stage = EntityStage(Context(nlp=nlp))
    text = "L'accusé était défendu par Mes Paulin Arnaud-Lebrun et Yanis Roy."
    art = run_with_ents(nlp, stage, text, [("Mes Paulin Arnaud-Lebrun", "PER"), ("Yanis Roy", "PER")])
    assert "Paulin Arnaud-Lebrun" in by_name(art) and "Mes Paulin Arnaud-Lebrun" not in by_name(art)


def test_a_capitalised_cardinal_point_belongs_to_the_place_name():
    text = "Les pompiers du Wessex du Nord sont intervenus dans le nord de la ville de Brume."
    names = [Mention(text.index("Wessex"), text.index("Wessex") + 6, "Wessex", "Wessex", "LOC", "ner"),
             Mention(text.index("Brume"), text.index("Brume") + 5, "Brume", "Brume", "LOC", "ner")]
    assert [m.text for m in extend_compass(text, names)] == ["Wessex du Nord", "Brume"]


def test_the_second_field_of_a_portfolio_is_no_place():
    text = "La ministre de la Pêche et de la Mer, Anne Roy, a reçu son homologue de Brume et de la Terre-Haute."
    names = [Mention(text.index(w), text.index(w) + len(w), w, w, label, "ner")
             for w, label in (("Mer", "LOC"), ("Anne Roy", "PER"), ("Brume", "LOC"), ("Terre-Haute", "LOC"))]
    assert [m.text for m in drop_portfolio_tails(text, names)] == ["Anne Roy", "Brume", "Terre-Haute"]


def test_a_second_body_after_et_is_not_a_second_complement(nlp):
    text = "Elle a dirigé l'Agence de presse valdorienne et du bureau régional de la radio."
    assert _extended(nlp, text, "Agence de presse valdorienne") == [("Agence de presse valdorienne", "ORG")]


def test_a_name_that_already_coordinates_goes_on_no_further(nlp):
    text = "Le Conseil de la pêche et de la chasse et du nombre de permis a été publié."
    assert _extended(nlp, text, "Conseil de la pêche et de la chasse") == [("Conseil de la pêche et de la chasse", "ORG")]


def _split(nlp, text: str, name: str, label: str = "ORG") -> list[str]:
    from veille.entities.conjoined import split_conjoined

    doc = nlp(text)
    s = text.index(name)
    span = doc.char_span(s, s + len(name))
    return [p.text for p, _ in split_conjoined(span, label, frozenset({"conseil", "musee", "agence"}))]


def test_two_bodies_joined_by_et_read_as_one_span_are_two(nlp):
    text = "Le directeur du Musée de la marine et de la Bibliothèque des sciences a parlé."
    assert _split(nlp, text, "Musée de la marine et de la Bibliothèque des sciences", "LOC") == [
        "Musée de la marine", "Bibliothèque des sciences"]


def test_a_capitalised_field_of_a_portfolio_stays_in_the_name(nlp):
    text = "Le Ministère de la Transition verte et de la Cohésion des régions a publié un avis."
    name = "Ministère de la Transition verte et de la Cohésion des régions"
    assert _split(nlp, text, name) == [name]


def test_a_determiner_after_et_opens_a_phrase_of_its_own(nlp):
    text = "Le Conseil des arts et plusieurs mairies ont signé la charte."
    assert _split(nlp, text, "Conseil des arts et plusieurs mairies") == ["Conseil des arts"]


def test_an_et_ending_the_span_is_not_in_the_name(nlp):
    text = "Les données de la Caisse régionale de retraite et de la Caisse régionale de santé sont partagées."
    assert _split(nlp, text, "Caisse régionale de retraite et de la") == ["Caisse régionale de retraite"]


def test_a_third_complement_is_the_sentence_again(nlp):
    text = "Selon le Centre de prévention et contrôle des crues et du niveau des rivières, tout va bien."
    assert _split(nlp, text, "Centre de prévention et contrôle des crues et du niveau des rivières") == [
        "Centre de prévention et contrôle des crues"]
