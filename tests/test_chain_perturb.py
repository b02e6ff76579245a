"""The quote-chain variants of ``bench/chain_perturb.py`` on invented text: a speaker's later cue
subjects turned into a pronoun, a surname or a role noun, and two voices' paragraphs joined."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from chain_variants import Words, find_cues, pronoun_chain, role_chain, surname_chain, two_voice  # noqa: E402
from name_variants import Person  # noqa: E402
from quote_variants import _paragraphs, apply_edits  # noqa: E402

WORDS = Words(frozenset({"dit", "ajoute", "ajouté", "souligne", "estime", "précisé"}),
              frozenset({"ministre", "avocate"}), {"octave": "m", "lise": "f"})
BODY = ("La ministre Lise Varenne a visité le port. Octave Lemarin l'accompagnait.\n\n"
        "« Nous tiendrons », a ajouté Lise Varenne. Lise Varenne estime que le port rouvrira. "
        "« Tout est prêt », souligne Octave Lemarin.\n\n"
        "« Il faudra du temps », dit Mme Varenne. Selon Lise Varenne, « rien n'est joué ».")
PEOPLE = [Person("Lise", "Varenne"), Person("Octave", "Lemarin")]


def _quotes() -> list[tuple[int, int]]:
    out, at = [], 0
    while (s := BODY.find("«", at)) >= 0:
        e = BODY.find("»", s)
        out.append((s, e + 1))
        at = e + 1
    return out


def _cues():
    paras = _paragraphs(BODY)
    quoted = {paras[0]: set(), paras[1]: set(PEOPLE), paras[2]: {PEOPLE[0]}}
    return find_cues(BODY, PEOPLE, _quotes(), quoted, WORDS)


def test_cues_are_later_mentions_in_speech_positions() -> None:
    assert [(BODY[c.start:c.end], c.position) for c in _cues()] == [
        ("Lise Varenne", "inverted"), ("Lise Varenne", "preverbal"), ("Octave Lemarin", "inverted"),
        ("Mme Varenne", "inverted"), ("Lise Varenne", "selon")]


def test_pronoun_chain_turns_the_verb_round_by_gender() -> None:
    text = apply_edits(BODY, pronoun_chain(BODY, PEOPLE, _cues(), WORDS)).text
    assert "», a-t-elle ajouté. Elle estime que" in text
    assert "», souligne-t-il." in text and "», dit-elle. Selon elle, « rien" in text


def test_pronoun_chain_skips_a_rival_of_the_same_gender() -> None:
    people = [Person("Lise", "Varenne"), Person("Lise", "Aubrac")]
    body = "Lise Varenne et Lise Aubrac sont là. « Oui », dit Lise Varenne."
    para = _paragraphs(body)[0]
    cues = find_cues(body, people, [(37, 44)], {para: {people[0]}}, WORDS)
    assert len(cues) == 1 and pronoun_chain(body, people, cues, WORDS) == []


def test_surname_and_role_chains() -> None:
    cues = _cues()
    surname = apply_edits(BODY, surname_chain(BODY, PEOPLE, cues, WORDS)).text
    assert "a ajouté Varenne. Varenne estime" in surname and "Selon Varenne," in surname
    role = apply_edits(BODY, role_chain(BODY, PEOPLE, cues, WORDS)).text
    assert "a ajouté la ministre. La ministre estime" in role and "dit la ministre. Selon la ministre," in role


def test_two_voice_joins_adjacent_paragraphs_of_two_speakers() -> None:
    paras = [(0, 10), (12, 20), (22, 30), (32, 40)]
    assert two_voice(paras, [{"A"}, {"B"}, {"B"}, {None}]) == [(10, 12, " ")]
    assert two_voice(paras, [{"A"}, {"A"}, {"A", "B"}, {"B"}]) == []


def test_aside_goes_before_a_quote_taken_up_by_a_pronoun() -> None:
    from aside_variants import ASIDE_ORG, ASIDE_PERSON, asides, pronoun_slots

    body = ("« Le chantier avance », a dit Lise Varenne. « Il reste deux mois », ajoute-t-elle.\n\n"
            "« Rien ne presse », souligne Octave Lemarin.")
    spans = [(body.find(t), body.find(t) + len(t)) for t in ("Le chantier avance", "Il reste deux mois",
                                                              "Rien ne presse")]
    assert [body[s:e] for s, e in spans] == ["Le chantier avance", "Il reste deux mois", "Rien ne presse"]
    slots = pronoun_slots(body, spans, [])
    assert [(body[at:at + 3], g, e) for at, g, e in slots] == [("« I", "f", None)]
    person = apply_edits(body, asides(slots, ASIDE_PERSON)).text
    assert "Lise Varenne. La députée Lucienne Ferrandou avait voté" in person
    assert "en commission. « Il reste deux mois », ajoute-t-elle." in person
    org = apply_edits(body, asides(slots, ASIDE_ORG)).text
    assert "Lise Varenne. La société Altessia a fermé" in org


def test_aside_slot_of_a_pronoun_chain_edit_carries_the_edit() -> None:
    from aside_variants import ASIDE_PERSON, asides, pronoun_slots

    cues = _cues()
    chain = pronoun_chain(BODY, PEOPLE, cues, WORDS)
    named = [(s + 2, e - 2) for s, e in _quotes()]
    slots = pronoun_slots(BODY, named, chain)
    assert len(slots) == 2 and all(e is not None for _, _, e in slots)
    text = apply_edits(BODY, asides(slots, ASIDE_PERSON)).text
    assert "avait voté contre le texte en commission. « Nous tiendrons », a-t-elle ajouté." in text
    assert "sans un mot. Elle estime que le port rouvrira." in text
