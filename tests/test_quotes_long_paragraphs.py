"""An article whose paragraphs came merged into one (a dump that lost its blank lines) is read in
runs of a few sentences by the paragraph-scoped speaker rules (issue 16, ``bench/quote_perturb.py``
variant ``merged``). Invented sentences and names only."""

from __future__ import annotations

from conftest import quote_direct
from veille.quotes.long_paragraphs import LONG, RUN, reading_paragraphs

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
