"""veille.quotes.first_person: words in the first person singular, and the latest speaker who is a person."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.first_person import last_person_speaker, singular_voice, speaker_type


def test_singular_voice() -> None:
    assert singular_voice("Mon grand-père pêchait ici, et moi aussi.")
    assert singular_voice("Ensuite je suis partie.")
    assert singular_voice("J'ai signé la pétition.")  # elided forms before their verb
    assert singular_voice("Ils m’ont reçue tard.")
    assert not singular_voice("Nous tiendrons jusqu'au bout.")
    assert not singular_voice("Les marées montent plus haut chaque hiver.")
    assert not singular_voice("Le mensonge a duré trop longtemps.")  # "me" inside a word is no pronoun


def test_speaker_type_and_the_latest_person(nlp) -> None:
    state = quote_state(nlp, ["Le conseil portuaire de Quelmer a publié un communiqué mardi soir.",
                              "Gwenaëlle Tanguy, patronne de pêche, a répondu le lendemain."],
                        {"conseil portuaire de Quelmer": "ORG", "Gwenaëlle Tanguy": "PER", "Quelmer": "LOC"})
    assert speaker_type(state, "Gwenaëlle Tanguy") == "PER"
    assert speaker_type(state, "conseil portuaire de Quelmer") == "ORG"
    assert speaker_type(state, "Personne Inconnue") is None
    state.memory.record("Gwenaëlle Tanguy")
    state.memory.record("conseil portuaire de Quelmer")
    assert last_person_speaker(state) == "Gwenaëlle Tanguy"  # the organisation spoke after her
    state.memory.record("un pêcheur du port")  # a name no entity holds counts as a person
    assert last_person_speaker(state) == "un pêcheur du port"
