"""Anchored times of day for ``bench/times_perturb.py``: a clock time or part of the day with no day of its
own, put after a dev gold day so that its value is that day's (or the next day's), not the article's.

Regional and agency French news tells a day's events hour by hour: "Samedi, … À 23 h 30, les pompiers …",
"Dans la nuit de vendredi à samedi, … Vers 3 heures, …", "Le lendemain matin, …", "Ce soir-là, …". The
variants here take every dev gold DATE or TIME that names its own day (a weekday, a day and month, a date in
digits, "hier") on a day other than the article's, and insert after its sentence (or its paragraph) one
invented sentence holding such a time, with the gold value TimeML gives it (``lexicons/times/
normalization/clock_anchors.tsv`` lists the forms and anchors). ``anchor-night`` also rewrites a bare weekday
into "la nuit de <veille> à <jour>". The inserted sentences are the team's own words; no page text is copied.
"""

from __future__ import annotations

import datetime as dt
import re

from time_grammar_forms import SENTENCES as GRAMMAR_SENTENCES

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")
_OWN_DAY = re.compile(r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|avant-hier|\d{1,2}|1er)\b"
                      r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", re.I)
_BARE_WEEKDAY = re.compile(r"^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")

# variant -> (past sentence, future sentence, [(gold words, value template, days after the anchor)]):
# the template's {d} is the anchor day.
SENTENCES: dict[str, tuple[str, str, list[tuple]]] = {
    "anchor-clock": ("À 23 h 30, les secours étaient sur place.", "À 23 h 30, les secours seront sur place.",
                     [("23 h 30", "{d}T23:30", 0)]),
    "anchor-vers": ("Vers 7 h du matin, les gendarmes sont arrivés.", "Vers 7 h du matin, les gendarmes arriveront.",
                    [("7 h du matin", "{d}T07:00", 0)]),
    "anchor-heures": ("Les gendarmes sont arrivés peu après 19 heures.", "Les gendarmes arriveront peu après 19 heures.",
                      [("19 heures", "{d}T19:00", 0)]),
    "anchor-part": ("En fin de matinée, le maire est venu.", "En fin de matinée, le maire viendra.",
                    [("fin de matinée", "{d}TMO", 0)]),
    "anchor-afternoon": ("Dans l'après-midi, le maire est venu.", "Dans l'après-midi, le maire viendra.",
                         [("l'après-midi", "{d}TAF", 0)]),
    "anchor-that-evening": ("Ce soir-là, les voisins ont aidé.", "Ce soir-là, les voisins aideront.",
                            [("Ce soir-là", "{d}TEV", 0)]),
    "anchor-next-morning": ("Le lendemain matin, le maire est venu.", "Le lendemain matin, le maire viendra.",
                            [("Le lendemain matin", "{d}TMO", 1)]),
    "anchor-small-hours": ("Vers 23 h, l'alerte a été donnée ; à 1 h 30, le calme était revenu.",
                           "Vers 23 h, le bal s'achèvera ; à 1 h 30, la salle fermera.",
                           [("23 h", "{d}T23:00", 0), ("1 h 30", "{d}T01:30", 0)]),  # the evening's day:
    # the check set's and the TimeBank dev gold's habit (clock_anchors.tsv, row evening_small_hours)
    "anchor-night": ("Vers 3 heures, les secours étaient sur place.", "Vers 3 heures, les secours seront sur place.",
                     [("3 heures", "{d}T03:00", 0)]),
    "anchor-programme": ("\n\n14 heures : accueil du public.", "\n\n14 heures : accueil du public.",
                         [("14 heures", "{d}T14:00", 0)]),
}
SENTENCES.update(GRAMMAR_SENTENCES)  # gold words may carry their TIMEX3 type, TIME by default
VARIANTS = list(SENTENCES)
# Only a day near the article's anchors a narrated time of day: a birth date or a law's date ten years back is
# background, and the stage rightly puts no time of day on it (``times._background_skipped``).
NEAR_DAYS = 10


def _day(value: str | None) -> dt.date | None:
    m = _DAY_VALUE.match(value or "")
    try:
        return dt.date.fromisoformat(m.group(0)[:10]) if m else None
    except ValueError:  # "2024-02-30" in a gold value
        return None


def _insertion_point(text: str, finish: int, paragraph: bool) -> int:
    """After the sentence (or paragraph) that ends the gold item's."""
    if paragraph:
        end = text.find("\n", finish)
        return len(text) if end < 0 else end
    m = _SENTENCE_END.search(text, finish)
    if m is None:
        return len(text)
    return m.start() if m.group(0) == "\n" else m.end()


def anchor_doc(doc: dict, variant: str, full: str) -> dict | None:
    """``doc`` with the variant's sentence inserted after each gold own-day item (on a day other than the
    article's, once a sentence), the inserted gold items marked ``rewritten``; None when none applies.
    ``full`` is the document's text as the bench scores it (title and body); the new text is ``_full``."""
    past, future, items = SENTENCES[variant]
    article = _day((doc.get("date") or "")[:10])
    golds = [{**g, "index": i, "rewritten": False} for i, g in enumerate(doc["golds"])]
    days = [(g, _day(g.get("value"))) for g in golds]
    edits: list[tuple[int, int, str, list[dict]]] = []  # (start, end, new words, gold items inside them)
    done: set[int] = set()
    for g, day in days:
        source = full[g["begin"]:g["finish"]]
        if not (article and day and day != article and abs((day - article).days) <= NEAR_DAYS and not g.get("optional") and g["type"] in ("DATE", "TIME")
                and _OWN_DAY.search(source)):
            continue
        night = variant == "anchor-night"
        if night and not (_BARE_WEEKDAY.match(source) and g["type"] == "DATE" and len(g["value"]) == 10):
            continue
        point = _insertion_point(full, g["finish"], variant == "anchor-programme")
        if point in done or any(h is not g and d is not None and g["finish"] <= h["begin"] < point for h, d in days):
            continue  # another day named before the sentence ends: that one anchors
        done.add(point)
        if night:  # "samedi" -> "la nuit de vendredi à samedi": TimeML's value is the first day's night
            words = f"la nuit de {WEEKDAYS[(day.weekday() - 1) % 7]} à {WEEKDAYS[day.weekday()]}"
            if source[:1].isupper():
                words = words[0].upper() + words[1:]
            g.update(text=words, type="TIME", value=f"{day - dt.timedelta(days=1)}TNI", rewritten=True, night=words)
        sentence = past if day < article else future
        insert = sentence if sentence.startswith("\n") else " " + sentence
        added = [{"begin": insert.index(w), "finish": insert.index(w) + len(w), "type": (kind or ["TIME"])[0],
                  "text": w, "value": t.format(d=(day + dt.timedelta(days=after)).isoformat(), ay=f"{article.year:04d}"),
                  "index": -1, "rewritten": True}
                 for w, t, after, *kind in items]
        edits.append((point, point, insert, added))
    if not edits:
        return None
    for g, _ in days:  # the rewritten nights are edits too
        if g.get("night"):
            edits.append((g["begin"], g["finish"], g.pop("night"), []))
    edits.sort(key=lambda e: (e[0], e[1]))

    def moved(pos: int, end: bool = False) -> int:
        """``pos`` in the edited text: an insertion at an item's start comes before it, at its end after it."""
        return pos + sum(len(words) - (e - s) for s, e, words, _ in edits
                         if e < pos or e == pos and (s < e or not end))

    out = []
    for g, _ in days:
        if g.get("rewritten"):  # a night: it starts where the weekday started
            b = moved(g["begin"])
            out.append({**g, "begin": b, "finish": b + len(g["text"])})
        else:
            out.append({**g, "begin": moved(g["begin"]), "finish": moved(g["finish"], end=True)})
    text, last = [], 0
    for s, e, words, added in edits:
        text.append(full[last:s])
        at = sum(map(len, text))
        text.append(words)
        out.extend({**a, "begin": a["begin"] + at, "finish": a["finish"] + at} for a in added)
        last = e
    text.append(full[last:])
    return {**doc, "golds": sorted(out, key=lambda g: g["begin"]), "_full": "".join(text)}
