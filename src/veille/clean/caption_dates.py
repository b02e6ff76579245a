"""A photo caption that closes on the day the picture was taken: no stamp of the article.

French press captions, in the agencies' style, describe the scene then give its place and day
after a comma: "Des manifestants devant la préfecture de Valmorin, le 3 mars 2024.", "Le port de
Lisse, samedi 19 novembre", often printed twice (the picture's alt text, then the caption with its
credit: "… le 3 mars 2024 • © Agence Azur"), or with where it was taken after the day ("…, le 3 mars
2024 devant la mairie de Lisse", "…, le 3 mars 2024 à Lisse, en Valmorie."). The picture's day is not the article's, yet the line
is short, dated and sits among the furniture above the text, where the line cleaner reads the
page's own stamp. A byline closes the same way ("Awa Koné, le 3 mars 2024", "Par Léo Roy, le …"),
and so does a dateline ("Valmorin, le 3 mars 2024"): what comes before their comma is a name or
a place, capitalised words only; before a caption's comma comes a description, with words in
lower case ("Des manifestants devant …", "Le centre hospitalier", "Lisse, en Valmorie").
"""

from __future__ import annotations

import re

from veille.clean.cues import cue_kind

# ", le 3 mars 2024", ", samedi 19 novembre", ", le 1er janvier 2023." closing the line, a credit
# maybe after it ("• © Agence Azur", "/ Photo X").
# The day may be followed by where the picture was taken, one or two short places ("… le 3 mars 2024
# à Valmorin.", "… le 3 mars 2024 devant la mairie de Lisse", "… le 3 mars 2024 à Lisse, en Valmorie."):
# a preposition of place, then at most five words with no sentence mark.
_PLACE = r"(?:,?\s+(?:à|au|aux|en|devant|dans|près\s+de|sur)\s+[^\s,.;:!?«»\"]+(?:\s+[^\s,.;:!?«»\"]+){0,4})"
_CLOSING_DAY = re.compile(
    r",\s+(?:le\s+|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)(?:[0-3]?\d(?:er)?)\s+"
    rf"[A-Za-zÀ-ÿ]{{3,10}}\.?(?:\s+(?:19|20)\d\d)?{_PLACE}{{0,2}}\.?\s*(?:(?:[•|/]|©)\s*.{{0,80}})?$", re.I)
_HOUR = re.compile(r"\b[0-2]?\d\s?[h:]\s?[0-5]\d\b")  # a stamp gives its hour, a caption does not
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*")
_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "le", "la", "les", "von", "van", "ben", "el", "al"})


def dated_caption(text: str) -> bool:
    """The line is a photo caption closing on its day (see the module doc), not a stamp."""
    m = _CLOSING_DAY.search(text)
    if m is None or cue_kind(text) not in (None, "credit") or _HOUR.search(text):
        return False
    before = text[:m.start()]
    if before.lower().startswith("par ") or " par " in before.lower():
        return False  # "Un article par Awa Koné, le 3 mars 2024": a byline
    lower = [w for w in _LOWER_WORD.findall(before) if w.lower() not in _NAME_PARTICLES]
    return bool(lower)
