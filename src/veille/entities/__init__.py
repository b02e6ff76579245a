"""Entities: who and what an article names, resolved to canonical, time-aware identities.

Reads the shared spaCy ``Doc`` (no second parse) and builds ``article.entities``:

1. *mentions*: spaCy NER spans, cleaned (leading articles, civilities, trailing punctuation,
   descriptor words glued to a name, a verb the span ran over, "base de" before a place) and
   filtered (junk, MISC the KB does not know, anything in a foreign passage or in a clause of
   foreign function words, story credits, common words, capitalised demonym nouns "les
   Ukrainiens", weapon/treaty/currency names ``lexicons/system_names.tsv`` or names inside a noun
   phrase headed by ``lexicons/system_heads.tsv``); institutions NER reads as places
   (``lexicons/org_heads.tsv``) are organisations (the city in their name is no mention of its own:
   the real-page guidelines), and a place NER cut off
   from the institution it completes ("Université de | Genève") gets it back; capitalised heading
   words and sentence-initial common nouns (the same word in lower case elsewhere, or a word of
   the parser's French dictionary opening a sentence or a quotation) are dropped, and so are roles
   alone ("Président de la République"), adjectives of place used as nouns ("la Martiniquaise"),
   a street's name cut off by NER ("rue | Broca"), ranking-table codes, handles and feasts; a
   lower-case common noun before a name goes ("ligne | DouYu"); a capitalised article inside a
   sentence stays in the name ("à La Seyne-sur-Mer"); an institution NER cut before its
   complement gets it back, and a body of another body is two names ("Institut X | de
   l'université de Genève"); KB gazetteer matches for what NER misses (countries, organisations,
   places; "le Monde" with its article in lower case);
   country demonyms ("la pression militaire russe" -> Russie, a mention of a country the article
   names: an adjective alone gives no entity); descriptors from
   ``lexicons/roles.tsv`` ("le secrétaire général de l'OTAN", "l'homme politique norvégien") and
   organisation descriptors from the KB ("l'Alliance").
2. *linking* to the KB: exact alias (accents and case ignored), a transliteration key
   ("Volodimir Zelenski"), then fuzzy given names under an exact surname when the context agrees
   ("Jans Stoltenberg", "Andrzei Duda"). A name the KB does not know stays its own entity.
3. *merging* within the article: one entity per name whatever its spelling (accents, hyphens) or
   NER type; an acronym in brackets joins its name, also an acronym of the name in another
   language ("(Cerd)"); a surname alone or "M. Blinken" joins "Antony Blinken"; a person
   the KB does not know keeps the full name the article gives; an unnamed national body ("le
   ministère de la Défense") is the one of the country the article mentions most, when the KB has it.
4. descriptors resolve to an apposed name, to a holder the article names, or to whoever held the
   role at the article's date (``published``, else the dateline date; at year or month precision
   the holder for most of the period); "Le Norvégien" resolves like "l'homme politique norvégien".
5. *metonymy*: a capital or seat that is the subject of an action verb gets ``actor`` = the
   government or organisation it stands for ("Moscou a averti" -> Russie).

Where each step lives (one job per module):

- ``mentions.py``: mentions from spaCy's NER (split glued names, unlabelled persons, foreign
  clauses, person names NER cut short given back their given name, particle or hyphenated part);
- ``decisions.py``: the one ordered keep/refuse decision on a candidate name, the rows of
  ``lexicons/entities/name_decisions.tsv`` asked phase by phase (each refusal records its row;
  ``--explain`` writes them to ``Article.entity_refusals``); ``name_checks.py``: the checks of
  capitalised words they call (a dictionary word, a title in quotation marks, a heading in capitals);
- ``conjoined.py``: a span NER ran over "et" into the next noun phrase, cut ("X et plusieurs …",
  "X et de la", a third complement) or split in two names ("Musée de la marine et de la Bibliothèque
  des sciences"; ``lexicons/entities/conjoined_names.tsv``);
- ``spans.py``: the NER span repairs (one span -> a clean mention, or nothing when a row refuses it);
- ``non_names.py``: names that name nothing counted (a picture's file name, an event, a field of
  study, a university department, a verb with its hyphenated pronoun, a browser mark), dropped, and
  a name run over the next clause's opener, cut;
- ``person_names.py``: the form a person's entity goes by (not one with a stray word glued on);
- ``cues.py``: organisations named after a classifier noun ("la revue X", "l'association X",
  ``lexicons/entities/org_classifiers.tsv``), found and typed whatever NER reads;
- ``gazetteer.py``: KB names NER missed, case rules, KB reading vs NER reading;
- ``credits.py``: story credits ("Avec AFP", "(Reportage X)"), whose names are dropped;
- ``idioms.py``: names inside an idiom built on a proper name ("le talon d'Achille"), dropped;
- ``event_places.py``: a place inside an event's name ("le GP du X", "le festival de X",
  "le Prix de X", ``lexicons/entities/event_heads.tsv``; "le X Jazz Festival", "la X Expo",
  ``lexicons/entities/event_tails.tsv``), no mention of the place;
- ``vessels.py``: a ship's name after its vessel noun, in apposition to it or glossed by it ("le
  pétrolier X", "ce navire, le X,", "le X, un cargo"; ``lexicons/entities/vessel_nouns.tsv``) is
  no entity anywhere in the article;
- ``work_titles.py``: a work's title after the noun of its kind ("l'exposition X", "le slogan
  « X »"; ``lexicons/entities/work_nouns.tsv``) is no entity, nor its whole name anywhere in
  the article;
- ``gentiles.py``: gentilés the dictionary does not list and compound ones ("Franco-Congolais")
  designate people, not places (and, in ``name_checks.py``, a capitalised adjective of place said
  of people: "elle est Lyonnaise", ``lexicons/entities/gentile_predicates.tsv``);
- ``businesses.py``: businesses and estates named after a head noun ("la Maison X", "le domaine
  des X") are organisations;
- ``branches.py``: a local branch of a brand ("un Café X de Town") is the brand and the town;
- ``appositions.py``: a name after a noun of profession or kinship ("le graphiste X") or after
  an inverted speech verb (", confie X") is a person;
- ``headed.py``: an organisation named with and without its head noun ("Coalition X" / "X") or
  its nationality adjective ("Conseil X valdorien" / "Conseil X") is one;
- ``variants.py``: a place named with and without its geographic noun ("mer des X" / "X"), a name
  in two numbers, and an acronym spelling an organisation's initials without brackets are one;
- ``named_after.py``: a name that is part of a place's or body's name the article gives, written
  alone and read as a person ("la galerie X Y … X Y", "l'écurie X-Honda … chez X"), is that place or body;
- ``place_cues.py``: a name after "le village de", "originaire de", "à" is a place
  (``lexicons/entities/place_cues.tsv``);
- ``lists.py``: the unknown names of an enumeration ("X, Y, Z et W") take the type of most of them;
- ``aliases.py``: a second name after "connu sous le nom de", "alias" is the same person;
- ``kin.py``: a relative named by the given name after "son frère" takes the family name;
- ``linking.py``: linking a mention to the KB (exact, transliteration, fuzzy given names, surname alone);
- ``descriptors.py``: role and nationality descriptors (``lexicons/roles.tsv``);
- ``holders.py``: who a descriptor designates (apposition, named holder, holder at the date);
- ``clustering.py``: mentions -> entities (surnames, given names, full names, a word of a person's
  name read apart, surname sweep);
- ``common_expansions.py``: the capitalised spelled-out form of a common noun's acronym beside it
  ("la Location Longue Durée (LLD)", ``lexicons/entities/common_acronyms.tsv``), dropped;
- ``organisations.py``: "l'Alliance", "le ministère de la Défense", "Parlement d'Ankara", acronyms
  (and a name NER cut before the acronym that spells it: "Conseil stratégique | et politique (CSP)");
- ``metonymy.py``: demonyms ("russe" -> Russie) and capitals acting for governments ("Moscou a averti");
- ``resources.py``: the KB and word lists (``lexicons/`` and ``lexicons/entities/``), loaded once;
- ``stage.py``: ``EntityStage``, the order of the steps, the output records.
"""

from __future__ import annotations

from veille.entities.mention import Mention
from veille.entities.stage import EntityStage

__all__ = ["EntityStage", "Mention"]
