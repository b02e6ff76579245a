"""An article whose paragraphs came merged into one (a dump that lost its blank lines) is read in
runs of a few sentences by the paragraph-scoped speaker rules (issue 16, ``bench/quote_perturb.py``
variant ``merged``). Invented sentences and names only."""

from __future__ import annotations

from conftest import quote_direct
from veille.quotes.long_paragraphs import LONG, RUN, reading_paragraphs
from veille.quotes.paragraph_turns import new_person_at, question_at

PEOPLE = (("Octave Lemarin", "PER"), ("Léa Morin", "PER"), ("Valbrune", "LOC"))

FILLER = ["Le pont de Valbrune a été fermé en mars.", "Les travaux doivent durer deux ans.",
          "La région paiera la moitié du chantier.", "Les commerçants du centre craignent une baisse des ventes.",
          "Une déviation passe par la route du moulin.", "Les bus scolaires partent plus tôt le matin.",
          "Un marché provisoire ouvrira sur la place.", "Les pompiers ont revu leurs trajets."]


def test_a_short_paragraph_is_left_as_it_is(nlp) -> None:
    text = " ".join((FILLER * 3)[:LONG])
    assert reading_paragraphs(nlp(text), text, [(0, len(text))], []) == [(0, len(text))]


def test_a_long_paragraph_is_cut_into_runs_never_inside_a_quote(nlp) -> None:
    quote = "« Nous tiendrons. Nous rouvrirons. Nous ne céderons rien. »"
    text = " ".join([FILLER[0], *FILLER[:RUN - 2], quote, *FILLER, *FILLER, *FILLER])
    qs = text.index("«")
    runs = reading_paragraphs(nlp(text), text, [(0, len(text))], [(qs, qs + len(quote))])
    assert len(runs) > 1 and runs[0][0] == 0 and runs[-1][1] == len(text)
    assert all(not (s < qs < e < qs + len(quote)) for s, e in runs)  # the quote stays in one run
    assert all(text[s:e].count(".") >= RUN for s, e in runs[:-1])
    assert text[runs[0][1] - 1] == "»"  # the run goes on to the end of the quote


def test_a_quote_far_from_the_last_speaker_in_a_merged_paragraph_is_not_his(nlp) -> None:
    merged = " ".join(["« Nous rouvrirons le pont », a dit Octave Lemarin.", *FILLER * 4,
                       "« On ne nous a rien demandé. »"])  # (thirty-two sentences later)
    got = quote_direct(nlp, [merged], PEOPLE)
    assert got[0][1] == "Octave Lemarin"
    assert got[-1][1] is None  # as when the paragraphs are set apart
    near = quote_direct(nlp, [" ".join([*FILLER, "« Nous rouvrirons le pont », a dit Octave Lemarin.",
                                        "« Rien ne nous retient ici. »"])], PEOPLE)
    assert [s for _, s, _ in near] == ["Octave Lemarin", "Octave Lemarin"]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of an invented text whose sentences end on ". ", "? " or "» "."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".?»" and (i + 1 == len(text) or text[i + 1] == " ") and not (ch == "?" and "«" in text[i:i + 3]):
            out.append((start, i + 1))
            start = i + 2
    return out


def _people(text: str, names: tuple[str, ...]) -> list[tuple[int, int, str]]:
    return sorted((m, m + len(n), n) for n in names for m in range(len(text)) if text.startswith(n, m))


def test_a_new_person_is_a_turn_unless_a_pronoun_takes_the_last_one_up() -> None:
    text = ("Octave Lemarin a visité le chantier. Le pont sera rouvert en mai. Léa Morin, la maire, a reçu les "
            "commerçants. Il cite Léa Morin devant eux. Léa Morin est repartie le soir.")
    sents = _sentences(text)
    people = _people(text, ("Octave Lemarin", "Léa Morin"))
    assert new_person_at(text, sents, 2, people)  # Léa Morin, named for the first time
    assert not new_person_at(text, sents, 3, people)  # "Il cite Léa Morin": the voice before goes on
    assert not new_person_at(text, sents, 4, people)  # Léa Morin was named in the sentences before
    assert not new_person_at(text, sents, 1, people)  # nobody named


def test_an_interview_question_is_a_turn_when_an_answer_opens_after_it() -> None:
    for text in ("Pourquoi fermer le pont ? « Il ne tient plus. »", "Et demain ? Paul Arnaud : On verra bien.",
                 "Et demain ? – On verra bien."):
        sents = [(0, text.index("?") + 1), (text.index("?") + 2, len(text))]
        assert question_at(text, sents, 0), text
    text = "Pourquoi fermer le pont ? Personne ne le sait encore."
    assert not question_at(text, [(0, 25), (26, len(text))], 0)


INTERVIEW = ["Paul Arnaud, le gardien de Vienne, retrouve dimanche le stade de ses débuts.",
             "Il a répondu à nos questions à la veille du match."]
ASKED = [("• Que ressentez-vous avant ce derby ?", "« Je connais chaque recoin du stade. Ce sera spécial. »"),
         ("• Comment jugez-vous vos adversaires ?", "« Ils pressent haut. Ils courent beaucoup. Ils marquent peu. »"),
         ("• Pensez-vous déjà à la retraite ?", "« Pas encore. Je me sens bien. Je resterai calme. »"),
         ("• Le public vous soutient-il ?", "« Il chante tout le match. Il veut gagner. C'est normal ici. »"),
         ("• Votre avenir ?", "« Je suis bien ici. Mon contrat court encore deux ans. On verra. »")]


def test_a_merged_interview_is_read_question_by_question(nlp) -> None:
    merged = " ".join([*INTERVIEW, *(part for pair in ASKED for part in pair)])
    got = quote_direct(nlp, [merged], (("Paul Arnaud", "PER"), ("Vienne", "LOC")))
    assert [s for _, s, _ in got] == ["Paul Arnaud"] * len(ASKED)
    assert all(rule == "interview_answer" for _, _, rule in got)
    # the same interview with its blank lines
    apart = quote_direct(nlp, [*INTERVIEW, *(" ".join(pair) for pair in ASKED)], (("Paul Arnaud", "PER"),
                                                                                    ("Vienne", "LOC")))
    assert [s for _, s, _ in apart] == [s for _, s, _ in got]


def test_a_merged_paragraph_is_cut_where_a_new_person_comes_in(nlp) -> None:
    text = " ".join([*FILLER, "« Nous rouvrirons le pont », a dit Octave Lemarin.", *FILLER[:4],
                     "Léa Morin, la maire de Valbrune, a reçu les commerçants.", "« Le chantier finira en mai. »",
                     *FILLER])
    people = _people(text, ("Octave Lemarin", "Léa Morin"))
    runs = reading_paragraphs(nlp(text), text, [(0, len(text))], [], people)
    assert any(text[s:].startswith("Léa Morin") for s, _ in runs)
    got = quote_direct(nlp, [text], PEOPLE)
    assert [s for _, s, _ in got] == ["Octave Lemarin", "Léa Morin"]
