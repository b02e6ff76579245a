"""Quotes whose closing mark is missing (``veille.quotes.open_marks``, issue 16; ``bench/quote_perturb.py``
variants ``continued`` and ``no-close-end``). Invented sentences and names only."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import quote_direct
from quotes_support import article_with_entities

PEOPLE = (("Paul Arnaud", "PER"), ("Léa Morin", "PER"), ("Valbrune", "LOC"))
OPEN = "Le maire de Valbrune, Paul Arnaud, a reçu les riverains mardi soir."


def _quotes(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return quote_direct(nlp, paragraphs, PEOPLE)


def test_an_open_quote_goes_on_after_its_incise(nlp) -> None:
    # the » lost at the paragraph end: the words after the incise are still the mayor's
    got = _quotes(nlp, [OPEN, "« Nous rouvrirons le pont avant l'hiver, raconte Paul Arnaud. Rien ne nous "
                              "retiendra, pas même la pluie.", "La salle a applaudi longuement."])
    assert [(w, s) for w, s, _ in got] == [("Nous rouvrirons", "Paul Arnaud"), ("Rien ne", "Paul Arnaud")]
    assert all(r.endswith("+open_mark:incise") for _, _, r in got)


def test_an_open_quote_ends_before_an_incise_that_ends_its_paragraph(nlp) -> None:
    for incise in ("a déclaré Paul Arnaud", "selon Paul Arnaud"):
        got = _quotes(nlp, [OPEN, f"« Nous rouvrirons le pont avant l'hiver, {incise}.", "La salle a applaudi."])
        assert [(w, s) for w, s, _ in got] == [("Nous rouvrirons", "Paul Arnaud")]


def test_a_straight_mark_left_open_still_ends_before_its_incise(nlp) -> None:
    # a straight mark cannot tell opening from closing: the words after the incise are not taken
    got = _quotes(nlp, [OPEN, '"Nous rouvrirons le pont avant l\'hiver, raconte Paul Arnaud. Rien ne nous '
                              'retiendra, pas même la pluie.', "La salle a applaudi longuement."])
    assert [(w, s) for w, s, _ in got] == [("Nous rouvrirons", "Paul Arnaud")]


def test_a_reopened_paragraph_naming_its_own_speaker_is_a_new_quote(nlp) -> None:
    got = _quotes(nlp, [OPEN, "« Nous rouvrirons le pont avant l'hiver, dit Paul Arnaud. Rien ne nous retiendra.",
                        "« Nous verrons bien ce que vous ferez, répond Léa Morin. Le conseil votera lundi. »"])
    assert [(w, s) for w, s, _ in got] == [("Nous rouvrirons", "Paul Arnaud"), ("Rien ne", "Paul Arnaud"),
                                           ("Nous verrons", "Léa Morin"), ("Le conseil", "Léa Morin")]
    assert got[2][2].endswith("+open_mark:new_paragraph")


def test_a_quote_continued_over_paragraphs_stays_one_record(nlp) -> None:
    # French convention: « at the head of the continued paragraph, one » at the end
    got = _quotes(nlp, [OPEN, "Il a déclaré : « Nous rouvrirons le pont avant l'hiver.",
                        "« Ni la pluie ni le vent ne changeront notre décision. »"])
    assert [(w, s) for w, s, _ in got] == [("Nous rouvrirons", "Paul Arnaud")]


def test_closed_quotes_are_left_as_they_were(nlp) -> None:
    got = _quotes(nlp, [OPEN, "« Nous rouvrirons le pont avant l'hiver, raconte Paul Arnaud. Rien ne nous "
                              "retiendra. »", "La salle a applaudi longuement."])
    assert [(w, s) for w, s, _ in got] == [("Nous rouvrirons", "Paul Arnaud"), ("Rien ne", "Paul Arnaud")]
    assert not any("open_mark" in (r or "") for _, _, r in got)


_PIECES = ["« ", " »", "“", "”", '"', "»", "«", "Nous rouvrirons le pont", ", raconte Paul Arnaud",
           ", a-t-il ajouté", ", selon Léa Morin", ". ", "Rien ne nous retiendra", "\n\n", " à Valbrune", ":"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=24))
def test_property_quotes_stay_inside_the_text(nlp, parts: list[str]) -> None:
    from veille.pipeline import Context
    from veille.quotes import QuoteStage
    from veille.settings import Settings

    paragraphs = [p for p in "".join(parts).split("\n\n") if p.strip()] or ["Rien."]
    art = article_with_entities(paragraphs, dict(PEOPLE))
    text = art.nlp_text()
    quotes = QuoteStage(Context(settings=Settings(explain=True))).extract(art, nlp(text))  # errors propagate
    for q in quotes:
        if q.start is None:
            continue
        assert 0 <= q.start < q.end <= len(text)
        assert all(word in text for word in q.text.split())
