"""The speaker candidate scorer (``veille.quotes.candidates``): candidates with their evidence, the
shipped weights, the margin by which the rules' choice must be beaten. Invented sentences only."""

from __future__ import annotations

import json

from test_quotes_speaker_rules import article_with_people
from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.candidates import MARGIN, RULE_GROUPS, Candidate, load_weights, score
from veille.quotes.cueless_rules import ALL_RULES
from veille.settings import Settings

PARAGRAPHS = [
    "La maire de Vienne, Claire Dubois, a inauguré lundi le nouveau pont avec Paul Arnaud.",
    "« Tout est prêt pour l'été », a-t-elle dit. « Les travaux ont duré trois ans. »",
]


def _article() -> Article:
    return article_with_people("cands", PARAGRAPHS, ("Claire Dubois", "Paul Arnaud"))


def test_every_rule_belongs_to_a_family():
    names = {rule.name for rules in ALL_RULES.values() for rule in rules}
    assert names <= set(RULE_GROUPS)


def test_weights_are_shipped_with_their_margin():
    weights = load_weights()
    assert weights[MARGIN] > 0
    # a subject that names the speaker is the strongest evidence a rule can read
    assert weights["rule:named"] > weights["rule:fallback"]


def test_score_is_a_share_of_the_mass():
    cands = [Candidate("Claire Dubois", {"rule:named": 1}), Candidate(None, {"none": 1})]
    probs = score(cands, {"rule:named": 2.0, "none": 0.5})
    assert abs(sum(probs) - 1) < 1e-9 and probs[0] > probs[1]


def test_candidates_are_dumped_with_their_evidence(nlp, tmp_path, monkeypatch):
    dump = tmp_path / "cands.jsonl"
    monkeypatch.setenv("VEILLE_SPEAKER_DUMP", str(dump))
    art = _article()
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    rows = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert [r["speaker"] for r in rows] == ["Claire Dubois", "Claire Dubois"]
    first = {name: feats for name, feats in rows[0]["cands"]}
    assert set(first) >= {"Claire Dubois", "Paul Arnaud", None}
    assert first["Claire Dubois"].get("gender_agree") == 1  # "a-t-elle dit": la maire … Claire Dubois
    assert "rule:pronoun" in first["Claire Dubois"]
    assert first[None]["none"] == 1


def test_rules_choice_stands_when_the_evidence_agrees(nlp):
    art = _article()
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    assert [q.speaker for q in art.quotes] == ["Claire Dubois", "Claire Dubois"]
    assert not any((q.rule or "").startswith("model:") for q in art.quotes)


def test_a_short_form_of_a_listed_name_goes_to_that_name(nlp):
    art = Article(id="short", paragraphs=[
        "Marie Lefort de Givry, voisine du chantier, a porté plainte en mars contre la société Pontal.",
        "« Les riverains n'avaient pas été prévenus des travaux de nuit », a déclaré Mme de Givry au tribunal.",
    ])
    text = art.nlp_text()
    name = "Marie Lefort de Givry"
    i = text.index(name)
    art.entities = [Entity(name=name, type="PER", mentions=[name], spans=[[i, i + len(name)]])]
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    assert [q.speaker for q in art.quotes] == [name]
    assert art.quotes[0].rule.endswith("+full_name")


def test_a_candidate_with_the_evidence_replaces_the_rules_choice(nlp, monkeypatch):
    from veille.quotes import candidates

    # weights under which "nobody" holds all the evidence: the rules' "il" -> Paul Arnaud is replaced
    weights = {"none": 8.0, MARGIN: 0.5, "__min_share__": 0.5}
    monkeypatch.setattr(candidates, "load_weights", lambda: weights)
    # the margin is what this test is about: no rule is weak here, whatever the shipped weak_rules.tsv says
    monkeypatch.setattr(candidates, "WEAK_RULES", frozenset())
    art = Article(id="override", paragraphs=[
        "Paul Arnaud est arrivé au conseil municipal de Vienne lundi matin.",
        "« Nous avons beaucoup de travail devant nous », a-t-il dit.",
    ])
    text = art.nlp_text()
    i = text.index("Paul Arnaud")
    art.entities = [Entity(name="Paul Arnaud", type="PER", mentions=["Paul Arnaud"], spans=[[i, i + 11]])]
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    (q,) = art.quotes
    assert q.speaker is None
    assert q.rule.startswith("model:none 1.00 (over pronoun")
    # with the margin out of reach, the rules' choice stands
    weights[MARGIN] = 99.0
    art.quotes = []
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    assert [q.speaker for q in art.quotes] == ["Paul Arnaud"]


def test_weak_rules_are_rules_the_stage_has():
    # lexicons/quotes/weak_rules.tsv names rules whose choice the scorer may replace with no margin: a
    # misspelt or renamed rule there would silently decide alone again
    from veille.quotes.candidates import WEAK_RULES, is_weak

    known = {r.name for rules in ALL_RULES.values() for r in rules}
    assert WEAK_RULES and WEAK_RULES <= known and WEAK_RULES <= set(RULE_GROUPS)
    # the list is refitted each round: any listed rule is weak with a repair suffix, an unlisted one is not
    weak = sorted(WEAK_RULES)[0]
    assert is_weak(weak + "+full_name") and not is_weak("person_in_subject")


def _dumped(nlp, tmp_path, monkeypatch, art: Article) -> list[dict]:
    dump = tmp_path / "cands.jsonl"
    monkeypatch.setenv("VEILLE_SPEAKER_DUMP", str(dump))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]


def test_a_portraits_subject_is_a_candidate_paragraphs_after_her_name(nlp, tmp_path, monkeypatch):
    # the interviewee named in the headline and the lede, quoted three paragraphs later with no cue
    art = article_with_people("far", [
        "Claire Dubois, potière à Vienne, expose ses vases au musée municipal jusqu'en mars.",
        "L'atelier occupe une ancienne grange au bord de la rivière.",
        "Le four tourne deux fois par semaine, le samedi et le mardi.",
        "Les élèves du lycée voisin viennent souvent l'après-midi.",
        "« J'ai appris seule, en regardant les anciens travailler. »",
    ], ("Claire Dubois",))
    art.title = "Claire Dubois, la terre et le feu"
    text = art.nlp_text()
    i = text.index("Claire Dubois")
    j = text.index("Claire Dubois", i + 1)
    art.entities[0].spans = [[i, i + 13], [j, j + 13]]
    rows = _dumped(nlp, tmp_path, monkeypatch, art)
    cands = {name: feats for name, feats in rows[-1]["cands"]}
    feats = cands["Claire Dubois"]
    assert feats.get("in_title") == 1 and feats.get("in_lede") == 1
    assert feats.get("person_says_i") == 1 and feats.get("main_person_says_i") == 1


def test_a_short_form_of_an_organisation_name_in_the_subject(nlp, tmp_path, monkeypatch):
    art = Article(id="court", paragraphs=[
        "La Cour constitutionnelle de Vienne a examiné lundi la loi sur les loyers.",
        "Elle a rendu un avis sévère. « Le texte viole l'égalité devant la loi », a estimé la Cour mardi.",
    ])
    text = art.nlp_text()
    name = "Cour constitutionnelle de Vienne"
    i = text.index(name)
    art.entities = [Entity(name=name, type="ORG", mentions=[name], spans=[[i, i + len(name)]])]
    rows = _dumped(nlp, tmp_path, monkeypatch, art)
    cands = {n: f for n, f in rows[-1]["cands"]}
    assert cands[name].get("subject_word_in_name") == 1


def test_the_model_names_the_evidence_that_decided():
    from veille.quotes.candidates import top_feature

    winner = Candidate("Claire Dubois", {"in_title": 1, "salience": 1.0})
    loser = Candidate("Paul Arnaud", {"rule:fallback": 1, "salience": 0.5})
    weights = {"in_title": 0.4, "salience": 2.0, "rule:fallback": 0.3}
    assert top_feature(winner, loser, weights) == "salience"


def test_nobody_named_near_counts_persons_not_organisations(nlp, tmp_path, monkeypatch):
    # an organisation named in the paragraph before is what the quote is about; a person there may speak
    paragraphs = ["Le Syndicat des eaux de Vienne a coupé le réseau du quartier lundi.",
                  "Les habitants font la queue devant la mairie. « Nous attendons toujours l'eau. »"]
    art = Article(id="near-org", paragraphs=paragraphs)
    text = art.nlp_text()
    org = "Syndicat des eaux de Vienne"
    i = text.index(org)
    art.entities = [Entity(name=org, type="ORG", mentions=[org], spans=[[i, i + len(org)]])]
    none = {n: f for n, f in _dumped(nlp, tmp_path, monkeypatch, art)[-1]["cands"]}[None]
    assert none.get("nobody_named_near") == 1
    art = article_with_people("near-person", [paragraphs[0].replace("Le Syndicat des eaux de Vienne", "Paul Arnaud"),
                                              paragraphs[1]], ("Paul Arnaud",))
    (tmp_path / "cands.jsonl").unlink()
    none = {n: f for n, f in _dumped(nlp, tmp_path, monkeypatch, art)[-1]["cands"]}[None]
    assert "nobody_named_near" not in none
