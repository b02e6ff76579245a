"""The first end of a date range opened by "du" keeps its "du" (GUIDELINES, times: "Du 3 mai 2025 au
4 janvier 2026" is marked "Du 3 mai 2025" and "4 janvier 2026"); "entre", "de … à", "à partir du" and a
date after a noun keep their own extents. Invented sentences (issue 12, helper timerange)."""

from __future__ import annotations

import pytest

from times_helpers import found


@pytest.mark.parametrize("text, first, second", [
    ("Le stage de Nina Février aura lieu du 3 mai au 9 juin 2026.",
     ("du 3 mai", ("DATE", "2026-05-03")), ("9 juin 2026", ("DATE", "2026-06-09"))),
    ("Du 8 mars 2025 au 4 janvier 2026, le musée de Vesoul prête ses carnets.",
     ("Du 8 mars 2025", ("DATE", "2025-03-08")), ("4 janvier 2026", ("DATE", "2026-01-04"))),
    ("Le maire Hugo Perrin a siégé du 12 avril 2001 au 8 octobre 2007.",
     ("du 12 avril 2001", ("DATE", "2001-04-12")), ("8 octobre 2007", ("DATE", "2007-10-08"))),
    ("Les fouilles de Clara Vidal dureront du 1^er mars au 17 avril 2027.",
     ("du 1^er mars", ("DATE", "2027-03-01")), ("17 avril 2027", ("DATE", "2027-04-17"))),
])
def test_a_range_opened_by_du_keeps_du_on_its_first_end(time_stage, nlp, text, first, second):
    got = found(time_stage, nlp, text)
    assert got.get(first[0]) == first[1], got
    assert got.get(second[0]) == second[1], got


@pytest.mark.parametrize("text, extent", [
    ("Entre le 3 mai et le 9 juin, Anne Lacroix a repeint la chapelle de Dole.", "le 3 mai"),
    ("Le bal du 14 mars a été annulé par le comité de Gray.", "14 mars"),
    ("À partir du 5 mai, la piscine de Lure ouvrira le dimanche.", "5 mai"),
])
def test_other_first_ends_keep_their_extent(time_stage, nlp, text, extent):
    assert extent in found(time_stage, nlp, text)
