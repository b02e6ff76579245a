"""An imperfect the tagger reads as a conditional (``Mood=Cnd`` on "il dénonçait") is no conditional:
every French conditional is a future stem ending in "r" plus an imperfect ending (invented sentences)."""

from __future__ import annotations

from veille.events.modes import is_conditional


def _token(nlp, text: str, form: str):
    return next(t for t in nlp(text) if t.text == form)


def test_an_imperfect_is_never_a_conditional(nlp):
    doc_text = "Paul Vidal a critiqué le maire. Il dénonçait notamment la désinformation autour de la loi."
    assert not is_conditional(_token(nlp, doc_text, "dénonçait"))
    text = "Député de Montvert depuis 2002, il bénéficiait de soutiens d'anciens ministres."
    assert not is_conditional(_token(nlp, text, "bénéficiait"))


def test_conditionals_stay_conditionals(nlp):
    assert is_conditional(_token(nlp, "Le parti Aube pourrait soutenir la ministre Léa Tamar.", "pourrait"))
    assert is_conditional(_token(nlp, "Selon Paul Vidal, le parti Aube soutiendrait la ministre.", "soutiendrait"))
    assert is_conditional(_token(nlp, "Paul Vidal a dit qu'il livrerait des armes.", "livrerait"))
