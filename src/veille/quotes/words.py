"""Word lists of the quote stage (phase 1: still inline; moved to lexicons/quotes/ next)."""

from __future__ import annotations

PRONOUNS_SING = {"il", "elle", "-il", "-elle", "celui-ci", "celle-ci", "lui"}
PRONOUNS_PLUR = {"ils", "elles", "-ils", "-elles", "eux"}
NOT_SPEAKERS = {"cela", "ca", "ce", "ceci", "c'", "on", "-on", "qui", "tout", "rien", "ceux-ci"}
INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines", "d'autres", "de"}
QUE = {"que", "qu'", "qu’", "qu"}  # "qu" when the tokenizer splits "qu'«"
# "alors que", "parce que", "tandis que": "que" ends a conjunction; the clause is not reported
QUE_LOCUTIONS = {"alors", "tandis", "parce", "bien", "avant", "apres", "pendant", "des", "depuis", "ainsi",
                  "sorte", "lors", "tant", "afin", "sans", "moins", "pour", "maintenant", "sitot", "encore"}
# prepositions of a short phrase between an incise verb and its subject ("a écrit sur Telegram X")
INCISE_PREPS = {"sur", "dans", "a", "au", "aux", "devant", "via", "depuis", "aupres", "lors", "de", "du"}
NEGATION_END = {"pas", "jamais", "guère", "nullement", "plus"}
# Words between a quote's end and its inverted cue: auxiliaries, clitic subjects, adverbs (POS tags).
INCISE_FILLER_POS = {"AUX", "PRON", "ADV", "PART"}
# Time words besides weekday names (those come from lexicons/calendar.json).
TIME_FILLERS = {"hier", "soir", "matin", "midi", "apres-midi", "aujourd'hui", "dernier", "encore", "aussi",
                 "egalement", "ensuite", "enfin", "alors", "deja", "lui-meme", "elle-meme"}
OBJECT_CLITICS = {"lui", "leur", "nous", "vous", "me", "m'", "te", "t'", "y", "en", "l'", "le", "la", "les"}
# Spanish and English: auxiliaries before a cue, subject pronouns, words ending a subject phrase.
FOREIGN_AUX = {"ha", "han", "habia", "has", "have", "had", "hubo", "hat", "hanno", "heeft"}
FOREIGN_PRONOUNS = {"he": "il", "she": "elle", "el": "il", "ella": "elle", "they": "ils", "ellos": "ils",
                     "er": "il", "ele": "il", "ela": "elle", "hij": "il", "zij": "elle"}
FOREIGN_STOPS = {"en", "in", "on", "at", "tras", "durante", "during", "after", "before", "antes", "despues",
                  "con", "with", "a", "to", "que", "that", "por", "by", "desde", "from", "y", "and",
                  "nach", "bei", "mit", "vor", "im", "am", "und", "dopo", "alla", "al", "nel",
                  "em", "na", "no", "apos", "tijdens", "met", "bij", "alongside", "told", "toward"}
