"""Guards of the data rules that need the parse: a rule's fifth column names one of them.

A pattern sees words; some time words are times only in one syntactic role. The guards read the
shared parse (no second parse) around the match:

* ``adjective``: "quotidien", "annuel" are a SET only as an adjective on a noun ("le salon annuel"),
  not as a noun ("les quotidiens nationaux") nor on a noun of ``context_words.tsv`` (role
  ``not_periodic``: "la presse quotidienne" is the daily press, not a recurrence);
* ``habitual``: "le mercredi" without a date is a recurrence unless the verb tells one event in a
  completed past ("il est reparti le mercredi");
* ``adverbial``: "à l'avenir" is a reference when it modifies the clause, not when it is what a
  verb of ``context_words.tsv`` (role ``thinks_of``) is about ("penser à l'avenir") or the
  complement of a noun ("leur confiance dans l'avenir");
* ``on_noun``: "prochaines", "précédent" are references only on a noun ("les prochaines
  élections"), not as a noun ("un précédent");
* ``unit_noun``: "une seconde" is a duration as a noun, not as the ordinal ("une seconde fois");
* ``one_event``: "Le soir," opening a sentence is a part of the day the text tells of only when its
  verb tells one event, in a completed past or the future ("Le soir, le vent s'est levé"), not a
  habit ("Le soir, les rues sont désertes");
* ``told_event``: as ``one_event`` anywhere in the sentence ("Trois vols ont eu lieu pendant le
  week-end"), not a habit ("Le musée ferme pendant le week-end");
* ``present_habit``: "du lundi au vendredi" is a recurrence only on a verb in the present ("Le
  centre est ouvert du lundi au vendredi"), not on a past or coming event ("Le salon aura lieu du
  jeudi au dimanche");
* ``describes_noun``: "aujourd'hui" on an adjective or participle that describes a noun ("Léon
  Marty, aujourd'hui âgé de 70 ans", "l'usine, aujourd'hui disparue") is the present state of
  things (TimeML PRESENT_REF), not the day of an event ("il a signé aujourd'hui");
* ``not_age_at``: "à 16 ans" on a verb is an age ("Elle a quitté l'école à 16 ans", "mort à 85 ans"),
  unless the verb sets a length (``context_words.tsv`` role ``sets_length``: "condamné à 3 ans",
  "porté à 5 ans") or the years are "of" something ("à deux ans de la retraite");
* ``dated_event``: a time of day named by what is done then ("à l'heure du déjeuner") dates an event
  only on a verb in a completed past or the future ("il est rentré à l'heure du dîner"), not on a
  habit or an infinitive ("il est rare de croiser quelqu'un à l'heure du déjeuner");
* ``some_day_past``, ``some_day_future``: "un jour" is an indefinite past or future ("Un jour, il
  rouvrira la forge") when it modifies a verb bare, not as a length (a preposition before it,
  "pendant un jour"; the object of a verb of ``normalization/length_verbs.tsv``, "la grève a duré
  un jour") nor as a noun with a complement or an adjective ("un jour important", "un jour
  de pluie"); past or future by that verb (an infinitive looks ahead, "espérer le revoir un jour",
  unless a modal in the past carries it, "j'ai pu l'avoir un jour");
* ``not_contracted``: "des" is a vague amount ("pendant des heures", "met des mois à", right after a
  verb whatever the parse says) unless it is "de" + "les" ("en dehors des heures scolaires"), or the
  unit is qualified ("des heures supplémentaires").

Without a parse (``doc`` None) a guard keeps the match only where the rule alone is reliable.
"""

from __future__ import annotations

import re
from typing import Any

from veille.common.lexicon import words as lexicon_words
from veille.common.timespans import lexicon

PARSE_GUARDS = ("adjective", "habitual", "adverbial", "on_noun", "not_contracted", "unit_noun", "describes_noun",
                "one_event", "present_habit", "not_age_at", "dated_event", "told_event", "some_day_past", "some_day_future")
# Without a parse: the rules whose match is right more often than not stay.
_DEFAULT = {"adjective": False, "habitual": False, "adverbial": True, "on_noun": False,
            "not_contracted": True, "unit_noun": True, "describes_noun": False,
            "one_event": False, "present_habit": False,
            "not_age_at": True, "dated_event": False, "told_event": False, "some_day_past": False,
            "some_day_future": False}
# "une seconde fois", "une seconde session": the ordinal, not the unit of time.
_ORDINAL_UNITS = ("seconde", "secondes")
_ARGUMENT_DEPS = ("obj", "obl:arg", "iobj", "nsubj", "nsubj:pass", "ccomp")
# "des heures entières" is still a long time; other adjectives make a kind of hours.
_STILL_VAGUE = ("entière", "entières", "entiers", "longues", "longs", "interminables")


def _span(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _is_time_word(tok: Any, words: dict[str, str]) -> bool:
    low = tok.lower_
    return tok.like_num or words.get(low) == "time_noun" or low in lexicon()["months"]


def verb_of(tok: Any) -> Any:
    """The verb the token depends on (up to six steps up), or None."""
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def completed_past(verb: Any, words: dict[str, str] | None = None) -> bool:
    """A passé composé, plus-que-parfait or passé simple: one event, not a habit (``words``: the
    roles of ``context_words.tsv``, for the verbs conjugated with "être")."""
    if "Part" in verb.morph.get("VerbForm"):
        auxes = [c for c in verb.children if c.dep_.startswith("aux")]
        if auxes:
            # "a signé", "avait signé" tell one event; "est fermée" (a passive present) and
            # "sera fermée" do not.
            return any(_tense_aux(verb, a, words) and "Fut" not in a.morph.get("Tense")
                       and "Cnd" not in a.morph.get("Mood") for a in auxes)
        # "il est arrivé mardi et reparti le mercredi": the auxiliary is the first verb's.
        return verb.dep_ == "conj" and "Past" in verb.morph.get("Tense") and completed_past(verb.head, words)
    return "Past" in verb.morph.get("Tense") and "Fin" in verb.morph.get("VerbForm")


def _tense_aux(verb: Any, aux: Any, words: dict[str, str] | None) -> bool:
    """Whether the auxiliary makes a compound past of the verb. "Être" does so only for the verbs
    that take it ("est arrivée", "s'est tenu", even when parsed as a passive); with the others it
    makes a passive present, a state or a habit ("Le bulletin est distribué le vendredi")."""
    if words is None or aux.lemma_ != "être" or "Pres" not in aux.morph.get("Tense"):
        return aux.dep_ == "aux:tense"
    if words.get(verb.lemma_.lower()) == "etre_verb":
        return True
    return any(c.dep_.startswith("expl") or c.lower_ in ("se", "s'", "s’") for c in verb.children)


def passes(guard: str, m: re.Match[str], doc: Any, words: dict[str, str]) -> bool:
    """True when the match of a rule with this parse guard is kept (``words``: the roles of
    ``context_words.tsv``)."""
    if doc is None:
        return _DEFAULT[guard]
    if guard == "not_age_at":
        return not _age_at(m, doc, words)
    span = _span(doc, m.start(), m.end())
    if span is None:
        return _DEFAULT[guard]
    root = span.root
    if guard == "adjective":
        if root.pos_ != "ADJ" or root.dep_ != "amod" or root.head.pos_ != "NOUN":
            return False
        # The noun it qualifies, or the word right before it when the parse attached it further.
        near = [root.head] + ([root.doc[root.i - 1]] if root.i > 0 else [])
        return not any(words.get(t.lower_) == "not_periodic" for t in near)
    if guard == "habitual":
        verb = verb_of(root)
        return verb is None or not completed_past(verb, words)
    if guard == "adverbial":
        head = root.head
        if head.pos_ == "NOUN" and root.dep_ == "nmod":  # "leur confiance dans l'avenir"
            return False
        return not (root.dep_ in _ARGUMENT_DEPS and words.get(head.lemma_.lower()) == "thinks_of")
    if guard == "on_noun":
        ref = next((t for t in span if t.pos_ == "ADJ" and t.dep_ == "amod"), None)
        if ref is None or ref.head.pos_ != "NOUN":
            return False
        # "le mois précédent", "le 13 avril prochain" are dates, read by the date rules.
        near = [ref.head] + ([ref.doc[ref.i - 1]] if ref.i > 0 else [])
        return not any(_is_time_word(t, words) for t in near)
    if guard == "not_contracted":
        det = span[0]  # "des" right before the unit; "des dernières années" is a period all the same
        if det.lower_ == "des" and len(span) == 2 and (det.dep_ == "case" or det.pos_ == "ADP") \
                and not _after_verb(det):
            return False
        unit = span[-1]
        after = [c for c in unit.children if c.i > unit.i and c.dep_ == "amod"]
        return not any(a.lower_ not in _STILL_VAGUE for a in after)
    if guard == "unit_noun":
        unit = span[-1]
        if unit.lower_ not in _ORDINAL_UNITS or unit.i + 1 >= len(unit.doc):
            return True
        after = unit.doc[unit.i + 1]
        return not (after.pos_ in ("NOUN", "ADJ") or (unit.head.i > unit.i and unit.head.pos_ == "NOUN"))
    if guard in ("one_event", "told_event"):
        verb = verb_of(root)
        if verb is None or (guard == "one_event" and not span[0].is_sent_start):
            return False
        tenses = [t for v in (verb, *[c for c in verb.children if c.dep_.startswith("aux")])
                  for t in v.morph.get("Tense")]
        return completed_past(verb, words) or "Fut" in tenses
    if guard == "present_habit":
        verb = verb_of(root)
        if verb is None or completed_past(verb, words):
            return False
        tenses = [t for v in (verb, *[c for c in verb.children if c.dep_.startswith("aux")])
                  for t in v.morph.get("Tense")]
        return "Fut" not in tenses and "Imp" not in tenses and "Cnd" not in verb.morph.get("Mood")
    if guard == "dated_event":
        verb = verb_of(root)
        if verb is None:
            return False
        tenses = [t for v in (verb, *[c for c in verb.children if c.dep_.startswith("aux")])
                  for t in v.morph.get("Tense")]
        return completed_past(verb, words) or "Fut" in tenses
    if guard in ("some_day_past", "some_day_future"):
        return _some_day(span) == guard[9:]
    if guard == "describes_noun":
        head = root.head
        if head is root or head.dep_ not in ("amod", "acl"):
            return False
        return head.pos_ == "ADJ" or (head.pos_ == "VERB" and words.get(head.lemma_.lower()) == "state")
    raise ValueError(f"unknown guard {guard}")


# Not "jusqu'à 5 ans", "d'ici à deux ans": a limit or a horizon, a length all the same.
_AT_BEFORE = re.compile(r"(?<![\w'’-])(?<!ici\s)à\s+(?:seulement\s+|peine\s+)?$", re.I)
_OF_AFTER = re.compile(r"\s+(?:de\s|d['’]|des\s|du\s)", re.I)


def _age_at(m: re.Match[str], doc: Any, words: dict[str, str]) -> bool:
    """Years after "à" that the parse hangs on a verb which does not set a length: an age."""
    start = m.start("extent") if "extent" in m.re.groupindex else m.start()
    text = m.string  # the text as searched (offsets as doc.text's, which spaCy rebuilds on each access)
    if not _AT_BEFORE.search(text[max(0, start - 16):start]) or _OF_AFTER.match(text, m.end()):
        return False
    span = _span(doc, start, m.end())
    if span is None:
        return False
    unit = span[-1]
    if unit.lower_ not in ("an", "ans") or not unit.dep_.startswith("obl"):
        return False
    head = unit.head
    return head.pos_ == "VERB" and words.get(head.lemma_.lower()) != "sets_length"


_MODALS = ("pouvoir", "devoir", "vouloir", "savoir")


def _some_day(span: Any) -> str | None:
    """"past" or "future" for an indefinite "un jour" on a verb, None when it is no time of its own."""
    day = next((t for t in span if t.lower_ == "jour"), None)
    if day is None or day.head is day or any(
            c.dep_ in ("case", "nmod", "nummod", "acl:relcl") or (c.dep_ == "amod" and c.lower_ != "beau")
            for c in day.children):
        return None
    # A bare noun phrase the parse hangs on a noun ("viendra à Lure un jour") modifies the verb above.
    verb = verb_of(day) if day.dep_ == "nmod" and day.head.pos_ == "PROPN" else day.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or (
            day.dep_ not in ("obl:mod", "obl", "advmod", "obj") and verb is day.head):
        return None
    if day.dep_ == "obj" and verb.lemma_.lower() in lexicon_words("times/normalization/length_verbs.tsv"):
        return None
    lemma = verb.lemma_.lower()
    if "Inf" in verb.morph.get("VerbForm") and verb.lower_ != lemma:
        # A passé simple the tagger takes for an infinitive ("déclara un jour", "déclarèrent").
        return "past" if verb.lower_ in (lemma[:-2] + "a", lemma[:-2] + "it") or verb.lower_.endswith(
            ("èrent", "irent", "urent")) else None
    if "Inf" in verb.morph.get("VerbForm"):
        if verb.head is verb or verb.head.lemma_ not in _MODALS:
            return "future"
        verb = verb.head
    tenses = [t for v in (verb, *[c for c in verb.children if c.dep_.startswith("aux")]) for t in v.morph.get("Tense")]
    if "Fut" in tenses or "Cnd" in verb.morph.get("Mood"):
        return "future"
    return "past" if "Past" in tenses or "Imp" in tenses else "future"


def _after_verb(det: Any) -> bool:
    """"des" right after a verb, or after a verb and its adverb in -ment ("met des mois à",
    "s'écoule souvent des mois"): the indefinite article, which the parse may still read as "de" +
    "les" (a preposition comes after a noun or an adverb of place: "au cours des", "en dehors des")."""
    doc, i = det.doc, det.i
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.pos_ == "ADV" and before.lower_.endswith("ment") and i > 1:
        before = doc[i - 2]
    return before is not None and before.pos_ in ("VERB", "AUX")

