"""veille.events.oblique_binding: a strong pronoun in an oblique does not stand for its own clause's subject."""

from __future__ import annotations

from veille.events.oblique_binding import own_subject


def test_own_subject_of_an_oblique(nlp) -> None:
    doc = nlp("Marc Olivar s'en est pris à elle devant les caméras.")
    her = next(t for t in doc if t.text == "elle")
    assert [doc[i].text for i in sorted(own_subject(her))] == ["Marc", "Olivar"]
    assert own_subject(doc[0]) == frozenset()  # the subject itself is no oblique
    doc = nlp("Parle-lui demain.")  # an imperative has no subject
    assert all(not own_subject(t) for t in doc)
