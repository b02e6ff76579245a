"""The subject forms of ``bench/events_subject_forms.py`` (issue 13): the shape of a trigger clause's
subject and the cues beside it, read from invented sentences (no page read)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from events_subject_forms import clause_verb, cues, subject_form  # noqa: E402


def _form(nlp, text, word, named=lambda i: False):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return subject_form(clause_verb(tok), named)


def test_pronoun_subjects(nlp):
    assert _form(nlp, "Elles demandent la fermeture de la mine.", "demandent") == "pron3"
    assert _form(nlp, "Nous réclamons une enquête sur la noyade.", "réclamons") == "first"
    assert _form(nlp, "On accuse souvent le maire de lenteur.", "accuse") == "on"


def test_relative_and_coordinated_verbs(nlp):
    form = _form(nlp, "Le syndicat Alpha, qui réclame une hausse, a manifesté samedi.", "réclame")
    assert form == "qui", form
    form = _form(nlp, "Le maire Paul Vidal a condamné l'attaque et appelé au calme.", "appelé")
    assert form == "coord", form


def test_clauses_without_subject_and_named_subjects(nlp):
    assert _form(nlp, "Le conseil a décidé de suspendre la ligne.", "suspendre") == "inf"
    text = "Le ministre Paul Vidal a dénoncé le blocage."
    doc = nlp(text)
    named = {t.i for t in doc if t.text in ("Paul", "Vidal")}
    verb = clause_verb(next(t for t in doc if t.text == "dénoncé"))
    assert subject_form(verb, lambda i: i in named or any(c.i in named for c in doc[i].children)) == "named"
    assert subject_form(verb) == "noun"


def test_cues_beside_the_verb(nlp):
    doc = nlp("La mairie ne soutient pas le projet.")
    verb = clause_verb(next(t for t in doc if t.text == "soutient"))
    assert "neg" in cues(verb)
    doc = nlp("Le comité pourrait sanctionner le club.")
    assert "modal" in cues(clause_verb(next(t for t in doc if t.text == "sanctionner")))
    assert "quote" in cues(verb, lambda i: True)
