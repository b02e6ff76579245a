"""Quotes: who said what, in quotation marks (direct) or reported after a speech verb (indirect).

``QuoteStage`` (a doc stage, after entities, times and quantities) reads the shared spaCy Doc; no
second spaCy call. One module per job:

| module | job |
| --- | --- |
| ``marks`` | the quotation-mark scanner (``scan_quote_marks``), plain string code |
| ``resources`` | what is loaded once: speech verbs, speaker nouns, KB genders and demonyms |
| ``words`` | the stage's word lists, read from ``lexicons/quotes/`` |
| ``state`` | one article's walk: Doc indexes, mentions, and the speakers found so far |
| ``mentions`` | who is named where; names the entity stage missed; descriptors by a name |
| ``cues`` | speech cues ("a déclaré", "selon", "a tenu à préciser que") |
| ``subjects`` | the words naming who speaks for a cue (parse and word-pattern fallbacks) |
| ``speaker_rules`` | **how a quote's speaker is chosen**: named, ordered rules |
| ``rule_types`` | what every rule shares: ``Decision``, ``Rule``, a cue's ``Subject`` |
| ``voices`` | organisations that speak without a name: "un porte-parole de X", "du côté de X, on …" |
| ``incises`` | « …, explique X, … » inside the marks: the quote is cut in two around the incise |
| ``blocks`` | quote blocks printed without marks, credited by a line under them |
| ``antecedents`` | the person a pronoun or a descriptor stands for |
| ``gender`` | the gender of a person or a descriptor |
| ``direct`` | direct quotes and the cue attributing them |
| ``named_marks`` | marks holding a title, a name or a charge ("intitulé « … »", "mis en examen pour « … »"): no speech |
| ``unopened`` | a first-person paragraph closing a mark it never opened: a quote |
| ``reversed_marks`` | an article whose guillemets all read » … «: read « … » (same length) |
| ``dialogue_dashes`` | a paragraph of speech opened by a dialogue dash, no marks: a quote |
| ``curly_pairs``, ``lost_open`` | curly marks set both ways paired by position; where a quote whose opening mark was lost starts |
| ``unmarked_speech`` | a first-person clause with no marks after a speech verb's colon or before an incise: a direct quote |
| ``indirect`` | reported clauses after a speech verb |
| ``stage`` | ``QuoteStage``: builds the state, walks quotes in text order |

Cues (``lexicons/speech_verbs.tsv``): the cue before a quote ("a déclaré : «", "a souligné que
« … »"), the inverted cue after it ("», a ajouté le ministre", "», dit-elle"; any verb in that
position counts, "», a ironisé X"; a simple present too, "», juge, de son côté, X", even when the
tagger reads it as a noun), an incise inside the marks ("« …, sourit X. … »"), a continuation verb opening the
next sentence ("« … » M. X a poursuivi"), the reported clause after "que" ("a souligné que …",
"affirmant que …", "a fait savoir que …"), the clause before an inverted cue ("<clause>, a ajouté
le chef de l'OTAN."), "selon X, …" / "…, selon X." (names who a partial quote belongs to).

Conventions (those of the shared gold): quotes come from the body, not the title (setting
``quotes_in_title``); a direct quote of three words or fewer needs a speech cue in its sentence
(else it is a scare quote, a name, a title), and a cue-less quote needs a verb or eight words; an
indirect clause holding a partial quote gives both quotes, unless the clause is the direct quote
but for a word or two. The speaker rules are documented one by one in ``speaker_rules``.
"""

from veille.quotes.marks import MarkSpan, scan_quote_marks
from veille.quotes.resources import CueEntry, load_speech_verbs
from veille.quotes.stage import QuoteStage

__all__ = ["CueEntry", "MarkSpan", "QuoteStage", "load_speech_verbs", "scan_quote_marks"]
