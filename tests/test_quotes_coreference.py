"""Who a cue's definite description or subject pronoun takes up, and who the text brought in since the
last quote, as evidence for the speaker scorer (``veille.quotes.coreference``). Invented sentences and
invented names only."""

from __future__ import annotations

import json
import re

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _article(paragraphs: list[str], entities: list[tuple[str, str]]) -> Article:
    art = Article(id="coref", paragraphs=list(paragraphs))
    text = art.nlp_text()
    art.entities = [Entity(name=n, type=t, mentions=[n],
                           spans=[[h.start(), h.end()] for h in re.finditer(re.escape(n), text)])
                    for n, t in entities]
    return art


def _dumped(nlp, tmp_path, monkeypatch, art: Article) -> list[dict]:
    dump = tmp_path / "cands.jsonl"
    monkeypatch.setenv("VEILLE_SPEAKER_DUMP", str(dump))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]


def _feats(row: dict) -> dict:
    return {name: feats for name, feats in row["cands"]}


def test_a_definite_organisation_noun_takes_up_the_nearest_organisation(nlp, tmp_path, monkeypatch):
    art = _article([
        "Le syndicat Force Ouvrière Vienne a rencontré la direction de Pontal, puis le Comité des riverains de Vienne "
        "a publié son rapport annuel sur le bruit.",
        "« Le bruit a doublé en deux ans », indique le comité.",
    ], [("Force Ouvrière Vienne", "ORG"), ("Pontal", "ORG"), ("Comité des riverains de Vienne", "ORG")])
    rows = _dumped(nlp, tmp_path, monkeypatch, art)
    f = _feats(rows[-1])
    assert f["Comité des riverains de Vienne"].get("ref_nearest") == 1
    assert "ref_nearest" not in f.get("Pontal", {})


def test_a_definite_person_noun_takes_up_the_nearest_person_of_its_gender(nlp, tmp_path, monkeypatch):
    art = _article([
        "La députée Claire Dubois a interpellé le ministre Paul Arnaud mardi à l'Assemblée.",
        "« Les chiffres ne disent pas tout », a rappelé la députée.",
    ], [("Claire Dubois", "PER"), ("Paul Arnaud", "PER")])
    f = _feats(_dumped(nlp, tmp_path, monkeypatch, art)[-1])
    assert f["Claire Dubois"].get("ref_nearest") == 1
    assert "ref_nearest" not in f["Paul Arnaud"]


def test_a_pronoun_takes_up_an_organisation_of_its_gender(nlp, tmp_path, monkeypatch):
    art = _article([
        "La Cour d'appel de Vienne a rendu jeudi sa décision dans le litige qui oppose Paul Arnaud à sa commune.",
        "« La demande est rejetée dans son ensemble », écrit-elle.",
    ], [("Cour d'appel de Vienne", "ORG"), ("Paul Arnaud", "PER")])
    f = _feats(_dumped(nlp, tmp_path, monkeypatch, art)[-1])
    assert f["Cour d'appel de Vienne"].get("pron_nearest") == 1
    assert f["Cour d'appel de Vienne"].get("pron_org_nearest") == 1
    assert "pron_nearest" not in f["Paul Arnaud"]


def test_someone_brought_in_since_the_last_quote_may_answer_it(nlp, tmp_path, monkeypatch):
    art = _article([
        "« Rien ne bouge dans ce dossier depuis des mois », a dit Paul Arnaud lundi.",
        "Claire Dubois, arrivée plus tard, a pris place à la tribune. « Tout avance, mais les délais de la "
        "préfecture restent longs. »",
    ], [("Paul Arnaud", "PER"), ("Claire Dubois", "PER")])
    rows = _dumped(nlp, tmp_path, monkeypatch, art)
    f = _feats(rows[-1])
    assert f["Claire Dubois"].get("new_since_quote") == 1
    assert f["Paul Arnaud"].get("voice_interrupted") == 1


def test_a_quote_named_by_its_cue_gets_no_chain_evidence(nlp, tmp_path, monkeypatch):
    art = _article([
        "« Rien ne bouge », a dit Paul Arnaud. Claire Dubois a répondu. « Tout avance », a ajouté Paul Arnaud.",
    ], [("Paul Arnaud", "PER"), ("Claire Dubois", "PER")])
    f = _feats(_dumped(nlp, tmp_path, monkeypatch, art)[-1])
    assert not any("new_since_quote" in v or "voice_interrupted" in v for v in f.values())


def test_a_pronoun_follows_the_chain_of_subjects_to_an_organisation(nlp, tmp_path, monkeypatch):
    art = _article([
        "Le Comité des riverains de Vienne a publié mardi son rapport annuel. Le comité y relève une hausse du "
        "bruit la nuit, que Paul Arnaud conteste. Il se dit aussi préoccupé par les camions. « Les mesures "
        "manquent depuis des années », écrit-il.",
    ], [("Comité des riverains de Vienne", "ORG"), ("Paul Arnaud", "PER")])
    f = _feats(_dumped(nlp, tmp_path, monkeypatch, art)[-1])
    assert f["Comité des riverains de Vienne"].get("topic_chain") == 1
    assert "topic" not in f["Paul Arnaud"]


def test_a_plural_organisation_is_not_il(nlp, tmp_path, monkeypatch):
    art = _article([
        "Paul Arnaud, qui préside une amicale du personnel des Nations unies, craint des départs. « Les familles "
        "ne viendront plus à Vienne », explique-t-il.",
    ], [("Paul Arnaud", "PER"), ("Nations unies", "ORG")])
    f = _feats(_dumped(nlp, tmp_path, monkeypatch, art)[-1])
    assert f["Nations unies"].get("pron_org_clash") == 1
    assert f["Paul Arnaud"].get("pron_nearest") == 1


def _speakers(nlp, art: Article) -> list[str | None]:
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [q.speaker for q in art.quotes]


def test_an_organisation_kept_as_subject_is_il_over_a_person_it_names(nlp):
    art = _article([
        "Le Comité des riverains de Vienne a publié mardi son rapport annuel. Le comité y relève une hausse du "
        "bruit la nuit devant l'école de Paul Arnaud. Il se dit aussi préoccupé par les camions. « Les "
        "mesures manquent depuis des années », écrit-il.",
    ], [("Comité des riverains de Vienne", "ORG"), ("Paul Arnaud", "PER")])
    assert _speakers(nlp, art)[-1] == "Comité des riverains de Vienne"


def test_a_person_brought_in_by_a_plural_organisation_keeps_il(nlp):
    art = _article([
        "Paul Arnaud préside une amicale du personnel des Nations unies à Vienne. « Les familles "
        "ne viendront plus à Vienne », explique-t-il.",
    ], [("Paul Arnaud", "PER"), ("Nations unies", "ORG")])
    assert _speakers(nlp, art)[-1] == "Paul Arnaud"


def test_a_pronoun_goes_on_with_the_organisation_that_was_the_subject(nlp):
    from veille.quotes import QuoteStage as Stage

    art = _article([
        "La Cour de Valmont a cassé mardi l'arrêt de la cour d'appel de Brisville sur le partage des terres. "
        "Elle relève que « le code rural ne permet pas un tel partage ».",
    ], [("Cour de Valmont", "ORG"), ("cour d'appel de Brisville", "ORG")])
    Stage(None)(art, nlp(art.nlp_text()))
    assert [q.speaker for q in art.quotes if q.kind == "direct"] == ["Cour de Valmont"]

