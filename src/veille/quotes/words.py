"""The quote stage's word lists, read once from ``lexicons/quotes/*.tsv`` (grouped: group <TAB> word).

The code compares folded tokens (``veille.common.fold.bare``) against these sets; to teach the
stage a word, add a row to the TSV file, not a literal here.
"""

from __future__ import annotations

import re

from veille.common import lexicon
from veille.common.fold import bare

_pronouns = lexicon.groups("quotes/pronouns.tsv")
_determiners = lexicon.groups("quotes/determiners.tsv")
_conjunctions = lexicon.groups("quotes/conjunctions.tsv")
_prepositions = lexicon.groups("quotes/prepositions.tsv")
_adverbs = lexicon.groups("quotes/adverbs.tsv")
_fillers = lexicon.groups("quotes/fillers.tsv")
_foreign = lexicon.groups("quotes/foreign.tsv")
_voices = lexicon.groups("quotes/organisation_voices.tsv")
_named = lexicon.groups("quotes/named_in_marks.tsv")
VOCATIVES = lexicon.groups("quotes/vocatives.tsv")["vocative"]  # "« Merci, chère Anne Roy »": no incise
# speech verbs whose reflexive use reports nothing ("la fatigue s'ajoute à …", "la grève se poursuit")
REFLEXIVE_NOT_SPEECH = frozenset(bare(w) for w in lexicon.mapping("quotes/reflexive_verbs.tsv"))

PRONOUNS_SING = _pronouns["singular"]
PRONOUN_GENDER: dict[str, str | None] = {
    cols[1]: (cols[2] if len(cols) > 2 and cols[2] in ("m", "f") else None)
    for cols in lexicon.rows("quotes/pronouns.tsv", min_columns=2) if cols[0] == "singular"}
PRONOUNS_PLUR = _pronouns["plural"]
NOT_SPEAKERS = _pronouns["not_speaker"]
OBJECT_CLITICS = _pronouns["object_clitic"]
INVERTED_SUBJECTS = _pronouns["inverted_subject"]  # "-il", "-elle" …
SUBJECT_CLITICS = _pronouns["subject_clitic"]  # "il", "elle" …
PLAIN_SUBJECTS = _pronouns["plain_subject"]  # "on", "je": only ever subjects
STRESSED_PRONOUNS = _pronouns["stressed"]  # "lui", "elle" …
RELATIVE_PRONOUNS = _pronouns["relative"]
NEVER_SUBJECTS = _pronouns["never_subject"]  # "dont": the parser's slip, the subject follows it
NOT_A_SOURCE = tuple(sorted(_pronouns["not_a_source"]))  # prefixes, for str.startswith

INDEFINITE = _determiners["indefinite"]
DOCUMENT_ANAPHORS = _determiners["anaphoric"]  # "le rapport", "cette enquête": a document taken up
PRENOMINAL = _determiners["prenominal"]  # "le même rapport": an adjective before the noun
# folded prefixes of a phrase opening on an article ("le ", "l'")
ARTICLE_PREFIXES = tuple(sorted(w if w.endswith("'") else w + " " for w in _determiners["article"]))

QUE = _conjunctions["que"]
QUE_LOCUTIONS = _conjunctions["que_locution"]
REPORT_JOINERS = _conjunctions["report_joiner"]
NEGATION = _conjunctions["negation"]
NEGATION_END = _conjunctions["negation_end"]
COMPARATIVES = _conjunctions["comparative"]

INCISE_PREPS = _prepositions["incise_phrase"]
SUBJECT_END = _prepositions["subject_end"]
CLAUSE_ADJUNCTS = _prepositions["clause_adjunct"]
MODAL_LINKS = _prepositions["modal_link"]
COMPLEMENT_MARKERS = _prepositions["complement"]
PARTICIPLE_LEADS = _prepositions["participle_lead"]

CUE_WORDS = _adverbs["cue_word"]
TIME_FILLERS = _adverbs["time_filler"]

FILLERS_AFTER_VERB = frozenset(tuple(p.split()) for p in _fillers["after_verb"])
FILLERS_BEFORE_VERB = frozenset(tuple(p.split()) for p in _fillers["before_verb"])

FOREIGN_AUX = _foreign["aux"]
FOREIGN_STOPS = _foreign["stop"]
FOREIGN_PRONOUNS = lexicon.mapping("quotes/foreign_pronouns.tsv")

ORG_VOICES = _voices["voice"]
GOVERNMENT_HEADS = _voices["government"]
SPEECH_NOUNS = _voices["speech_noun"]
SIDE_NOUNS = _voices["side"]
DOCUMENT_NOUNS = _voices["document"]
RELAY_PARTICIPLES = _voices["relay"]
AUTHORED_NOUNS = _voices["authored"]
AUTHORING_VERBS = _voices["authoring"]  # "X a publié un rapport": X wrote it

# words before an opening mark that say the marks hold a name, a title or a charge (``named_marks.py``)
NAMING_WORDS = _named["naming"]
TITLE_NOUNS = _named["title_noun"]
CHARGE_WORDS = _named["charge"]
LIST_OPENERS = _named["list_opener"]
NAME_DETERMINERS = _named["determiner"]
SPEECH_AUX = _named["speech_aux"]
SIGN_NOUNS = _named["sign"]  # a thing that shows words ("une banderole « … »"; ``shown_marks.py``)
READING_PHRASES = _named["reading"]  # "où l'on peut lire « … »" after such a thing

# Words between a quote's end and its inverted cue: auxiliaries, clitic subjects, adverbs (POS tags).
INCISE_FILLER_POS = frozenset({"AUX", "PRON", "ADV", "PART"})
INVERTED_SINGULAR = INVERTED_SUBJECTS & PRONOUNS_SING  # "-il", "-elle"
SINGULAR_CLITICS = SUBJECT_CLITICS & PRONOUNS_SING  # "il", "elle"
SINGULAR_STRESSED = STRESSED_PRONOUNS & PRONOUNS_SING  # "lui", "elle"


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Titles before a name ("Mme", "M.", "Dr"), from the entity stage's lexicons/titles.tsv with their gender.
_titles = lexicon.rows("titles.tsv", min_columns=2)
TITLE_BEFORE_NAME = re.compile(r"^(" + _alternation({cols[0] for cols in _titles}) + r")\s+")
# folded text ending on a title of that gender ("… mme ", "… monsieur ")
TITLE_AT_END = {g: re.compile(r"\b(" + _alternation({bare(cols[0]) for cols in _titles if cols[1] == g}) + r")\s*$")
                for g in ("m", "f")}
# a title as written, then a name's particle, ending the text ("… M. de ", "… Mme d'"): the particle
# belongs to the name after it ("M. de Morimoto"), it is no descriptor's complement (case kept: "le
# professeur de X" is a complement)
TITLE_THEN_PARTICLE = re.compile(r"(?:^|[\s(«“\"])(?:" + _alternation({cols[0] for cols in _titles})
                                 + r")\s+(?:de|d'|d’|du|des)\s*$")
