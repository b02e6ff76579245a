"""A name right before a verb without subject: only a name standing for the doer, not a demonym or a
complement qualifying a noun (invented sentences and names)."""

from __future__ import annotations

from events_support import code


def test_a_demonym_qualifying_a_noun_before_a_participle_is_no_doer(nlp, lex):
    case = {"text": "Les parents des suspects ont multiplié les confidences à la presse chilienne "
                    "dénonçant Lina Varga.",
            "entities": [["Chili", "LOC", ["chilienne"]], ["Lina Varga", "PER"]]}
    assert not any(e.source == "Chili" for e in code(case, nlp, lex))


def test_a_name_standing_before_a_participle_is_still_the_doer(nlp, lex):
    case = {"text": "La Pologne, les Pays-Bas approuvant l'envoi, a livré des chars à l'Ukraine.",
            "entities": [["Pologne", "LOC"], ["Pays-Bas", "LOC"], ["Ukraine", "LOC"]]}
    assert any(e.type == "AID" and e.source == "Pologne" for e in code(case, nlp, lex))
