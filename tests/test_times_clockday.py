"""Times of day anchored on the narrative's day (issue 12, clockday): a clock time past midnight after a
night or a late evening is the next day's (``veille.times.small_hours``), a programme line's "14 heures :"
is a clock time (rule ``clock_heures_programme``), and the forms of ``lexicons/times/normalization/
clock_anchors.tsv`` keep the day the narrative is on. Invented sentences, people and places; article of
Wednesday 2024-03-06.
"""

from __future__ import annotations

from conftest import time_values
from veille.common.lexicon import rows

WEDNESDAY = "2024-03-06"


def test_a_small_hours_clock_after_a_night_is_the_second_day(time_stage, nlp):
    got = time_values(nlp, time_stage, "Dans la nuit de vendredi à samedi, la grange de Paul Brun a brûlé. "
                      "Vers 3 heures, les pompiers ont maîtrisé le feu.", WEDNESDAY)
    assert got["la nuit de vendredi à samedi"] == ("TIME", "2024-03-01TNI")
    assert got["3 heures"] == ("TIME", "2024-03-02T03:00")
    got = time_values(nlp, time_stage, "Le car de Lise Roy est tombé en panne dans la nuit de lundi à mardi, "
                      "près de Gray, vers 1 h 15.", "2024-03-08")
    assert got["1 h 15"] == ("TIME", "2024-03-05T01:15")


def test_a_small_hours_clock_after_an_evening_keeps_the_evening_day(time_stage, nlp):
    # the check set's and the TimeBank's habit: the night's small hours after an evening are that evening's
    got = time_values(nlp, time_stage, "Samedi, vers 23 h, l'alerte a été donnée chez Paul Brun ; à 1 h 30, "
                      "le calme était revenu.", WEDNESDAY)
    assert got["23 h"] == ("TIME", "2024-03-02T23:00")
    assert got["1 h 30"] == ("TIME", "2024-03-02T01:30")


def test_the_morning_after_a_small_hours_clock_goes_on_the_second_day(time_stage, nlp):
    got = time_values(nlp, time_stage, "Dans la nuit de samedi à dimanche, la grange de Paul Brun a brûlé. Vers "
                      "2 h, l'alerte a été donnée ; à 4 h, les pompiers sont partis.", WEDNESDAY)
    assert got["2 h"] == ("TIME", "2024-03-03T02:00")
    assert got["4 h"] == ("TIME", "2024-03-03T04:00")


def test_the_day_stays_without_a_night_before_or_for_an_earlier_moment(time_stage, nlp):
    got = time_values(nlp, time_stage, "Dimanche, vers 2 h du matin, la grange de Paul Brun a brûlé.", WEDNESDAY)
    assert got["2 h du matin"] == ("TIME", "2024-03-03T02:00")
    got = time_values(nlp, time_stage, "Dans la nuit de vendredi à samedi, les pompiers ont éteint la grange de "
                      "Paul Brun. Le feu avait pris vers 4 h.", WEDNESDAY)
    assert got["4 h"] == ("TIME", "2024-03-01T04:00")
    # the broadcast evening's own clock: "ce soir à 0 h 10" keeps the article's day
    got = time_values(nlp, time_stage, "Le film de Léa Favre passe ce soir à 0 h 10 sur la chaîne locale.", WEDNESDAY)
    assert got["0 h 10"] == ("TIME", "2024-03-06T00:10")


def test_a_programme_line_opening_with_n_heures_is_a_clock_time(time_stage, nlp):
    from veille.model import Article

    art = Article(id="t", paragraphs=["Samedi 9 mars", "14 heures : ouverture du salon de Lise Roy.",
                                      "18 heures à 20 h 30 : bal.", "Dimanche 10 mars", "11 heures : messe."],
                  published=WEDNESDAY)
    time_stage(art, nlp(art.nlp_text()), None)
    got = [(t.text, t.type, t.value) for t in art.times]
    assert ("14 heures", "TIME", "2024-03-09T14:00") in got
    assert ("18 heures", "TIME", "2024-03-09T18:00") in got
    assert ("11 heures", "TIME", "2024-03-10T11:00") in got
    got = time_values(nlp, time_stage, "Paul Brun a travaillé 14 heures à Gray.", WEDNESDAY)
    assert got["14 heures"] == ("DURATION", "PT14H")
    got = time_values(nlp, time_stage, "Le trajet de Lise Roy dure 3 heures : il faut partir tôt.", WEDNESDAY)
    assert got["3 heures"] == ("DURATION", "PT3H")


def test_times_of_day_take_the_narrative_day_not_the_article_day(time_stage, nlp):
    base = "Samedi, la grange de Paul Brun a brûlé. "
    cases = {"En fin de matinée, le maire est venu.": ("fin de matinée", "2024-03-02TMO"),
             "Dans l'après-midi, le maire est venu.": ("l'après-midi", "2024-03-02TAF"),
             "Ce soir-là, les voisins ont aidé.": ("Ce soir-là", "2024-03-02TEV"),
             "Le lendemain matin, le maire est venu.": ("Le lendemain matin", "2024-03-03TMO"),
             "Les gendarmes sont arrivés peu après 19 heures.": ("19 heures", "2024-03-02T19:00"),
             "Vers 7 h du matin, les gendarmes sont arrivés.": ("7 h du matin", "2024-03-02T07:00")}
    for sentence, (words, value) in cases.items():
        got = time_values(nlp, time_stage, base + sentence, WEDNESDAY)
        assert got[words] == ("TIME", value), sentence
    got = time_values(nlp, time_stage, "Lise Roy sera jugée le 12 mars. L'audience commencera à 14 heures.", WEDNESDAY)
    assert got["14 heures"] == ("TIME", "2024-03-12T14:00")


def test_the_anchor_table_gives_each_form_an_invented_example_and_a_value():
    table = rows("times/normalization/clock_anchors.tsv", min_columns=6)
    keys = [r[0] for r in table]
    assert len(keys) == len(set(keys))
    assert {"small_hours", "late_before", "evening_small_hours"} <= set(keys)
    for key, _form, _anchor, value, _extent, example in table:
        assert value and "->" in example, key


def test_the_anchored_variants_insert_a_time_of_day_with_its_value_and_move_the_gold():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from time_forms import rewrite_doc

    text = "Samedi, la grange de Paul Brun a brûlé. Le feu a duré deux heures.\nLise Roy est arrivée."
    golds = [{"begin": 0, "finish": 6, "type": "DATE", "value": "2024-03-02", "text": "Samedi"},
             {"begin": text.index("deux"), "finish": text.index(".\n"), "type": "DURATION", "value": "PT2H",
              "text": "deux heures"}]
    doc = {"id": "x", "title": "", "text": text, "date": WEDNESDAY, "golds": golds}
    expected = {"anchor-clock": [("23 h 30", "2024-03-02T23:30")],
                "anchor-next-morning": [("Le lendemain matin", "2024-03-03TMO")],
                "anchor-night": [("La nuit de vendredi à samedi", "2024-03-01TNI"), ("3 heures", "2024-03-02T03:00")],
                "anchor-programme": [("14 heures", "2024-03-02T14:00")]}
    for variant, items in expected.items():
        new = rewrite_doc(doc, variant)
        assert [(g["text"], g["value"]) for g in new["golds"] if g["rewritten"]] == items, variant
        assert all(new["text"][g["begin"]:g["finish"]] == g["text"] for g in new["golds"]), variant
    # a day on the article's own day, or ten days away and more, anchors nothing
    assert rewrite_doc({**doc, "date": "2024-03-02"}, "anchor-clock") is None
    assert rewrite_doc({**doc, "date": "2024-04-02"}, "anchor-clock") is None
