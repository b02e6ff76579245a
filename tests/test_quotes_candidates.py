"""The speaker candidate scorer (``veille.quotes.candidates``): candidates with their evidence, the
shipped weights, the margin by which the rules' choice must be beaten. Invented sentences only."""

from __future__ import annotations

import json

from test_quotes_speaker_rules import article_with_people
from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.candidates import MARGIN, RULE_GROUPS, Candidate, load_weights, score
from veille.quotes.speaker_rules import ALL_RULES
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
    assert is_weak("governing_cue+full_name") and not is_weak("person_in_subject")
