"""veille.quotes.subject_spans: the verb forms a cue's subject is read around (a present participle,
a noun in -ant after a determiner, "réalisé par" after a document noun) and the span of the subject."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.cues import find_cues
from veille.quotes.subject_spans import authored_by, is_present_participle, noun_after_det, np_span


def test_verb_forms(nlp) -> None:
    doc = nlp("Il a indiqué son exploitant Paul Arnaud, soulignant que les habitants attendaient "
              "un sondage réalisé par l'institut.")
    at = {t.text: t for t in doc}
    assert is_present_participle(at["soulignant"]) and not is_present_participle(at["indiqué"])
    assert noun_after_det(doc, at["exploitant"].i)  # "son exploitant": a noun the tagger read as a verb
    assert not noun_after_det(doc, at["soulignant"].i)
    assert authored_by(doc, at["réalisé"].i)  # "un sondage réalisé par": the agent belongs to the subject
    assert not authored_by(doc, at["indiqué"].i)


def test_span_of_an_inverted_subject_stops_at_an_adjunct(nlp) -> None:
    state = quote_state(nlp, ["« Le port rouvrira », a assuré la préfète Anne Morvan dans un communiqué."],
                        {"Anne Morvan": "PER"})
    (cue,) = find_cues(state)
    head = next(t for t in state.doc if t.text == "préfète")
    s, e = np_span(state, head, cue.tok)
    assert state.text[s:e] == "la préfète Anne Morvan"
