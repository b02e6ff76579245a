"""Forms of the French TimeBank's annotation grammar put into dev articles, for ``bench/times_perturb.py``
(variants ``gram-*``, issue 12, timesgap).

``tests/data/times/timeml_forms.jsonl`` scores these forms in invented sentences alone; here each is one
invented sentence inserted after a dev gold day (the frame of ``time_anchor_forms.py``: the French TimeBank
dev split and the real dev pages, a day within 10 days of the article's), so that it is read where an article
has already named a day, a tense and a year: a part of the day told of a habit must not take the day named
before ("Le matin, les bénévoles ouvrent le local" is the generic ``TMO``, as the check set reads a habit), a
vague length keeps its ``PX…`` value, a reference its ``*_REF``. Each row: (sentence after a past day,
sentence after a coming day, [(gold words, value template, days after the anchor, TIMEX3 type)]); ``{d}`` is
the anchor day, ``{ay}`` the article's year. The sentences are the team's own words; no page text is copied.
"""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str, list[tuple[str, str, int, str]]]] = {
    "gram-habit-morning": ("Le matin, les bénévoles ouvrent le local.", "Le matin, les bénévoles ouvrent le local.",
                           [("Le matin", "TMO", 0, "TIME")]),
    "gram-habit-weekday": ("Le mardi, les bénévoles se réunissent au local.",
                           "Le mardi, les bénévoles se réunissent au local.", [("Le mardi", "XXXX-WXX-2", 0, "SET")]),
    "gram-every-week": ("Chaque semaine, les bénévoles se réunissent.", "Chaque semaine, les bénévoles se réunissent.",
                        [("Chaque semaine", "P1W", 0, "SET")]),
    "gram-vague-years": ("Depuis plusieurs années, le local était fermé.", "Depuis plusieurs années, le local est fermé.",
                         [("plusieurs années", "PXY", 0, "DURATION")]),
    "gram-lately": ("Ces derniers jours, le calme était revenu.", "Ces derniers jours, le calme est revenu.",
                    [("Ces derniers jours", "PXD", 0, "DURATION")]),
    "gram-ago-vague": ("Il y a quelques mois, le local avait fermé.", "Il y a quelques mois, le local avait fermé.",
                       [("quelques mois", "PXM", 0, "DURATION")]),
    "gram-that-long": ("Cela faisait trois semaines que le local était fermé.",
                       "Cela fait trois semaines que le local est fermé.", [("trois semaines", "P3W", 0, "DURATION")]),
    "gram-now": ("Actuellement, le local est fermé.", "Actuellement, le local est fermé.",
                 [("Actuellement", "PRESENT_REF", 0, "TIME")]),
    "gram-then": ("À l'époque, le local était une école.", "À l'époque, le local était une école.",
                  [("l'époque", "PAST_REF", 0, "TIME")]),
    "gram-future": ("À l'avenir, le local sera ouvert.", "À l'avenir, le local sera ouvert.",
                    [("l'avenir", "FUTURE_REF", 0, "TIME")]),
    "gram-decade": ("Dans les années 1990, le local était une école.", "Dans les années 1990, le local était une école.",
                    [("les années 1990", "199X", 0, "DATE")]),
    "gram-this-edge": ("En ce début d'année, le local a rouvert.", "En ce début d'année, le local rouvrira.",
                       [("ce début d'année", "{ay}", 0, "DATE")]),
}
