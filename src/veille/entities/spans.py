"""NER filtering: one spaCy span -> a clean mention, or nothing.

The rules, in order: a span never crosses a paragraph break or runs over a verb; trailing
punctuation, scores, determiners and time words go; "Parlement | de Kiev" is completed; the kind
of place ("base de", ``lexicons/name_modifiers.tsv``) and leading articles go; civilities
(``lexicons/titles.tsv``) make a person; a person span that swallowed its descriptor keeps its
trailing capitalised words. Then the filters: lower-case text, ``lexicons/entity_stopwords.tsv``,
weapon/treaty/currency names (``lexicons/system_names.tsv``, noun phrases headed by
``lexicons/system_heads.tsv``), capitalised demonyms ("les Ukrainiens"), generic heads
(``lexicons/generic_heads.tsv``) and descriptor tails. A name the KB knows survives the filters.
The filters are the rows of phases ``span`` and ``typed`` of ``lexicons/entities/name_decisions.tsv``,
asked in order by ``decisions.py`` (the checks they call live in ``name_checks.py``).
"""

from __future__ import annotations

import re
from typing import Any

from veille.common.fold import norm
from veille.entities import name_shapes as shapes
from veille.entities.appositions import (
    fronted_place,
    incise_speaker,
    person_apposed_after,
    person_noun_before,
)
from veille.entities.body_shapes import camel_case_body, english_titled
from veille.entities.businesses import business_head_before, business_name
from veille.entities.decisions import Candidate, refused
from veille.entities.eponym_venues import venue_mention
from veille.entities.gentiles import compound_gentile
from veille.entities.mention import Mention
from veille.entities.name_checks import (  # noqa: F401  (re-exported: read by the tests and other modules)
    common_word,
    in_capitals_heading,
    in_system_phrase,
    opens_clause,
    people_noun,
    quoted_alone,
)
from veille.entities.place_cues import place_cue_before, place_gloss_after
from veille.entities.resources import (
    COMMON_GIVEN_NAMES,
    DETERMINERS,
    FIELD_HEADS,
    GRAMMAR,
    INSTITUTION_NOUNS,
    NUMBERED_HEADS,
    ORG_TAILS,
    PARTICLES,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    QUALIFIED_SEATS,
    SEAT_INSTITUTIONS,
    STREET_NOUNS,
    EntityResources,
)

_OF = GRAMMAR["of"]
_SHORT_PARTICLES = GRAMMAR["short_particle"]
_OF_ARTICLE = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les"})
_LISTED_COMPLEMENT = frozenset({"de", "du", "des", "d'", "d’", "et"})
_DANGLING = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’"})
_INITIAL = re.compile(r"[A-Z]\.?")
_ORDINAL = re.compile(r"(?:[IVXLC]+|\d+)(?:\^?e|\^?er|\^?ère|ème|eme|ᵉ)s?")
_FOOTNOTE = re.compile(r"(?<=[^\W\d])\d{1,2}$")
_CODE = re.compile(r"[A-Z]{2,4}")


_ACRONYM_NAME = re.compile(r"[A-ZÀ-Ý]{3,}|[A-ZÀ-Ý]{2,}(?:-[A-ZÀ-Ý]{2,})+")  # "UDRV", "SSP-RV" (a region's letters)


def clean_span(res: EntityResources, ent: Any, label: str, text: str) -> Mention | None:
    """The mention a NER span (or a span found by the stage) stands for, or None when it is not a name."""
    kb = res.kb
    toks = list(ent)
    # A span never runs across a paragraph break.
    for i, t in enumerate(toks):
        if "\n" in t.text or (i and "\n" in text[toks[i - 1].idx + len(toks[i - 1]):t.idx]):
            toks = toks[:i] if i else toks[1:]
            break
    # A span never runs over a spaced dash opening an aside: "Nola B – native du Bronx –" is "Nola
    # B" ("Bahrain - McLaren", a hyphen between two names, is one name); nor over one before a
    # capitalised article, which opens a sentence or another name: a dateline "Lorient - La
    # commission …", a credit "Léa Marchal - Le Journal de …", a kicker "ENTRETIEN - Le …".
    dash = next((i for i, t in enumerate(toks) if i and t.whitespace_ and toks[i - 1].whitespace_ and (
        t.text in ("–", "—") or (t.text == "-" and i + 1 < len(toks) and (
            toks[i + 1].is_lower or (toks[i + 1].text[:1].isupper() and norm(toks[i + 1].text) in DETERMINERS))))),
        None)
    if dash:
        toks = toks[:dash]
    # Nor over a colon, a semicolon or a question mark: "Peuple : Voulons-nous …" is a heading word
    # and the question after it.
    stop = next((i for i, t in enumerate(toks) if i and t.text in _CLAUSE_MARKS), None)
    if stop:
        toks = toks[:stop]
    # Nor over a comma before a lower-case word that opens no further complement: "Fonds … pour la
    # population, | les naissances baissent" ("Agence de X, de Y et de Z" lists its complements).
    comma = next((i for i, t in enumerate(toks[:-1]) if i and t.text == "," and toks[i + 1].is_lower
                  and toks[i + 1].lower_ not in _LISTED_COMPLEMENT), None)
    if comma:
        toks = toks[:comma]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].lower_ in GRAMMAR["possessive"]
                    or (len(toks) > 1 and toks[-1].is_digit and norm(toks[0].text) not in NUMBERED_HEADS)):
        # ("Olympique de Marseille 2": a score; "Université Paris 8" keeps its number)
        toks = toks[:-1]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    if len(toks) > 1 and toks[0].text == "À" and toks[1].text[:1].isupper():
        toks = toks[1:]  # "À Valmont, …" read as one name: the preposition opening the sentence is no part of it
    if toks and result_code(toks):
        return None
    # "Unité des enquêtes spéciales de l’ | Ontario": NER stopped between the article and the
    # capitalised complement that ends the name.
    if label in ("ORG", "LOC") and len(toks) >= 2 and toks[-1].lower_ in _DANGLING and toks[0].text[:1].isupper():
        j = toks[-1].i + 1
        if j < len(ent.doc) and ent.doc[j].text[:1].isupper() and ent.doc[j].is_alpha:
            j += 1
        toks = toks + list(ent.doc[toks[-1].i + 1:j])
    if label == "ORG" and len(toks) >= 3 and norm(toks[0].text) in FIELD_HEADS and toks[0].text[:1].isupper():
        toks = toks + field_after(toks)
    # A span never runs over a verb: "l'Alliance survoleraient la Pologne" is "Alliance"
    # (and "Pologne" is read on its own by the gazetteer).
    for i, t in enumerate(toks[1:], 1):
        form = t.morph.get("VerbForm")
        # Finite verbs and infinitives only: participles belong to names ("Nations unies").
        if t.text[:1].islower() and ("Fin" in form or (t.pos_ in ("VERB", "AUX") and "Inf" in form)) \
                and t.lower_ not in PARTICLES:
            toks = toks[:i]
            break
    # Trailing determiners and calendar words ("Parlement d'Ankara lundi").
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].lower_ in DETERMINERS
                             or (toks[-1].text[:1].islower() and norm(toks[-1].text) in res.calendar)):
        toks = toks[:-1]
    # "Parlement | de Kiev": NER stopped before the place that completes an institution's name.
    if label != "PER" and len(toks) == 1 and norm(toks[0].text) in res.org_heads and res.link:
        nxt = toks[0].doc[toks[0].i + 1:toks[0].i + 3]
        if len(nxt) == 2 and nxt[0].lower_ in _OF and nxt[1].text[:1].isupper() \
                and kb.lookup(nxt[1].text, "LOC"):
            toks = toks + list(nxt)
            label = "ORG"
    # "Université de | Genève", "Cour d'appel de | Paris": NER kept the place and left out the
    # institution it completes.
    if label == "LOC" and toks:
        head = org_head_before(res, toks[0])
        if head is not None:
            toks = list(head.doc[head.i:toks[0].i]) + toks
            label = "ORG"
    # "base de Hmeimim", "région de Koursk": the kind of place is not part of its name.
    if label != "PER" and len(toks) >= 3 and norm(toks[0].text) in res.name_modifiers \
            and toks[1].lower_ in _OF and toks[2].text[:1].isupper():
        toks = toks[2:]
    gender = None
    surf_start = toks[0].idx if toks else None
    # Leading articles: "l'", "la Russie"; a capitalised "Le"/"La" is kept when it is part of
    # the name the KB knows ("Le Caire"), or when it is capitalised inside a sentence, before a
    # capitalised word: the article is then part of the name ("Le Drian", "la coopérative Les
    # Libraires réunis", "à La Seyne-sur-Mer").
    while toks and norm(toks[0].text) in DETERMINERS and len(toks) > 1:
        # ("Le monde voit…" is a sentence, not the newspaper: the noun must be capitalised too.)
        if toks[0].text[0].isupper() and ((kb.lookup(text[toks[0].idx:toks[-1].idx + len(toks[-1])])
                                           and toks[1].text[:1].isupper())
                                          or (label == "PER" and not toks[0].is_sent_start)
                                          or (not toks[0].is_sent_start and toks[1].text[:1].isupper()
                                              and toks[0].i > 0 and toks[0].nbor(-1).is_alpha
                                              and not kb.lookup(text[toks[1].idx:toks[-1].idx + len(toks[-1])]))):
            break
        toks = toks[1:]
        surf_start = toks[0].idx
    if toks and _ORDINAL.fullmatch(toks[0].text) and (len(toks) == 1 or toks[1].is_lower):
        # "(Ve arrondissement)", "XVIIIe arrondissement de Paris", "la 9e circonscription des X":
        # a numbered division (the place after it is read on its own), not a name
        return None
    # Civilities: "M. Blinken", "Mme Kallas" (also when NER left the civility outside).
    while toks and norm(toks[0].text) in res.titles and len(toks) > 1:
        gender = gender or res.titles[norm(toks[0].text)]
        toks = toks[1:]
        label = "PER" if label in ("MISC", "LOC", "ORG") else label
    if len(toks) >= 2 and compound_gentile(toks[0].text) and all(t.text[:1].isupper() for t in toks[1:]):
        toks, label = toks[1:], "PER"  # "l'Italo-Zambien Amos Kilu": the gentilé, then the person
        surf_start = toks[0].idx
    if len(toks) >= 2 and label == "PER" and demonym_noun_before_name(res, toks):
        toks = toks[1:]  # "l'Iranienne Shirin Kavi", "le Kurde Azad Ren": the gentilé, then the person
        surf_start = toks[0].idx
    if not toks:
        return None
    first = toks[0]
    if gender is None and first.i > 0 and norm(first.nbor(-1).text) in res.titles:
        gender = res.titles[norm(first.nbor(-1).text)]
        surf_start = first.nbor(-1).idx
        label = "PER"
    # A person span that swallowed its descriptor ("Secrétaire d'État américain Antony
    # Blinken"): keep the trailing run of capitalised words (particles allowed inside).
    if label == "PER" and len(toks) > 1:
        i = len(toks) - 1
        while i > 0 and (toks[i - 1].text[:1].isupper() or toks[i - 1].lower_ in PARTICLES
                         or toks[i - 1].text in ("-", "'", "’", "&")):
            i -= 1
        while i < len(toks) - 1 and toks[i].lower_ in PARTICLES:
            i += 1
        if i > 0:
            toks = toks[i:]
            surf_start = toks[0].idx
    k = shapes.person_start(res, toks, label)
    if k:  # "Premier ministre | X Y", "(ministre du) Travail | X Y": a role or its complement, then the person
        toks, label, surf_start = toks[k:], "PER", toks[k].idx
    if label == "PER":
        toks = toks[:shapes.complement_cut(toks)]  # "accusant Nadia | de mensonge": no particle
    if label == "PER" and len(toks) >= 2 and _INITIAL.fullmatch(toks[-1].text) and not toks[-2].is_punct \
            and toks[-1].i + 2 < len(toks[-1].doc) and "(" in (toks[-1].nbor(1).text, toks[-1].nbor(2).text):
        # "Yates A. (GBR/MIT)": a ranking table prints the surname, then the given name's initial
        # ("Oussama T." in running text is a name kept short on purpose, and stays whole).
        toks = toks[:-1]
    if len(toks) >= 2 and norm(toks[0].text) in res.person_heads and not toks[1].text[:1].isupper() \
            and not any(t.text[:1].isupper() and toks[k].lower_ not in _OF_ARTICLE for k, t in enumerate(toks[2:], 1)) \
            and not kb.lookup(text[toks[0].idx:toks[-1].idx + len(toks[-1])]):
        # "Président de la République", "Conseillère fédérale": a role, no name after it (a
        # capital only in the complement of the role)
        return None
    if label == "PER" and toks and toks[-1].lower_ in PARTICLES - _SHORT_PARTICLES \
            and toks[-1].i + 1 < len(toks[-1].doc) and toks[-1].nbor(1).text[:1].isupper() \
            and toks[-1].whitespace_:
        toks = toks + [toks[-1].nbor(1)]  # "Mohamed ould | Ghazaouani": NER stopped at the particle
    if label == "PER" and res.link and len(toks) >= 3 and toks[-2].lower_ in _OF:
        # "Victoire de Poutine": a preposition, not a particle, when the KB knows the surname
        # without it.
        last = norm(toks[-1].text)
        cands = kb.surnames.get(last, [])
        if cands and not any(f" {toks[-2].lower_.replace('’', chr(39))} {last}" in " " + norm(kb.name(c))
                             for c in cands):
            toks = toks[-1:]
            surf_start = toks[0].idx
    if label == "PER" and len(toks) >= 3 and toks[-1].is_upper and len(toks[-1].text) >= 4 \
            and not any(t.is_upper for t in toks[:-1]):
        toks = toks[:-1]  # "Anne Roy COLÈRE": a heading word in capitals glued after the name
    if (venue := venue_mention(res, toks, label, text)) is not None:
        return venue  # "au stade | Marcel Davrin": the stadium, not the person it honours
    if toks and label != "PER" and toks[0].text[:1].islower() and toks[0].is_alpha \
            and toks[0].lower_ not in PARTICLES and not kb.lookup(text[toks[0].idx:toks[-1].idx + len(toks[-1])]):
        toks = after_common_head(res, toks, label)
        if not toks:
            return None
        if toks[0].i > 0 and toks[0].nbor(-1).lower_ in _OF_ARTICLE:
            surf_start = toks[0].idx  # "la descente du | Col du Merle": the noun is no part of the mention
    if (school := shapes.school_mention(res, toks, text)) is not None:
        return school  # "au lycée | Marcel Davrin": the school, named "Lycée Marcel Davrin"
    street = shapes.square_before(toks[0], label)
    if street:
        # "la place des | Omeyyades": the square is named with its noun
        toks, label, business = street + toks, "LOC", False
        surf_start = toks[0].idx
    business = business_name(toks)
    head = business_head_before(toks[0]) if label != "PER" or len(toks) == 1 else None
    if head is not None and not kb.lookup(text[toks[0].idx:toks[-1].idx + len(toks[-1])]):
        # "le domaine des | Combettes": the business noun is part of the name
        toks, business = list(toks[0].doc[head.i:toks[-1].i + 1]), True
        surf_start = toks[0].idx
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    if toks[0].text[:3].lower() == "ex-" and toks[0].text[3:4].isupper() and len(toks[0].text) > 4:
        start += 3  # "sa filiale Ajilon (ex-Valcom)": the former name is Valcom
    footnote = _FOOTNOTE.search(toks[-1].text)
    if footnote and len(toks[-1].text) > len(footnote.group()) + 1 \
            and toks[-1].text[:-len(footnote.group())].isalpha() and toks[-1].text[:1].isupper():
        end -= len(footnote.group())  # "Li Sipan2": a footnote call glued to the name
    last = toks[-1].text
    if len(last) > 2 and last.endswith(".") and "." not in last[:-1] and sum(c.isupper() for c in last) >= 2:
        end -= 1  # "chez BAnQ." (an acronym ending the sentence): the full stop is not the name's
    key = text[start:end].replace("\xad", "")  # a soft hyphen of the web page is no part of the name
    if business or street:
        key = key[:1].upper() + key[1:]  # "domaine des Combettes" is named "Domaine des Combettes"
    # The filters, in the order of ``lexicons/entities/name_decisions.tsv`` (``decisions.py``).
    cand = Candidate(res, key, label, start, end, text, toks)
    if refused("span", cand):
        return None
    known = cand.known
    if not known and label in ("PER", "LOC", "MISC") and "&" in key and key[:1].isupper():
        label = "ORG"  # "Vernet & Fils", "L&K" (invented): an ampersand joins the names of a firm
    if not known and label in ("PER", "LOC", "MISC") and shapes.english_body(toks):
        label = "ORG"  # "le Mira Callow Trust", "University and College Union": an English body's name
    if not known and label in ("PER", "LOC", "MISC") and shapes.club_name(toks):
        label = "ORG"  # "FC Valdrin", "Korvan Pro Team": a sports club or team (``name_shapes.py``)
    if not known and label in ("PER", "LOC") and (camel_case_body(toks) or english_titled(toks)):
        label = "ORG"  # "VoltiPax", "The Morning Valdrin": a company's, a site's or a medium's name (``body_shapes.py``)
    if not known and business:
        label = "ORG"  # "la Maison Ardel", "l'Auberge de Val-Fleuri" (``businesses.py``)
    if not known and label in ("MISC", "LOC") and len(toks) >= 2 and norm(toks[0].text) in INSTITUTION_NOUNS \
            and toks[0].text[:1].isupper():
        label = "ORG"  # "la Coalition pour la vallée verte", "l'Église orthodoxe" (institution_nouns.tsv)
    if not known and label == "LOC" and norm(toks[0].text) in res.org_heads and not shapes.square_name(toks):
        label = "ORG"  # "Mejlis des Tatars de Crimée", "Parlement d'Ankara": an institution
    if not known and label == "LOC" and _ACRONYM_NAME.fullmatch(key):
        label = "ORG"  # "le PLVD", "l'UDRV" (invented): an acronym no gazetteer knows names a body, not a place
    if not known and (label in ("MISC", "LOC") and len(toks) <= 3 or label == "ORG" and len(toks) == 1) \
            and norm(toks[0].text) not in res.org_heads and all(t.text.lstrip("\xad")[:1].isupper() for t in toks) \
            and (person_noun_before(toks[0]) or incise_speaker(toks[0])
                 or (person_apposed_after(toks[-1]) and not fronted_place(toks[0]))):
        label = "PER"  # "le graphiste Lino Varda", ", confie Nicoletta", "Lina (1), 36 ans" (``appositions.py``)
    if not known and label in ("LOC", "ORG", "MISC") and shapes.glued_prefix_person(toks):
        label = "PER"  # "M'jid El Kadri" read as a place: a given name glued to its "M'" (``name_shapes.py``)
    if not known and label in ("PER", "MISC") and place_cue_before(toks, res.given_names, label) \
            and not person_apposed_after(toks[-1]):  # ("à Lina, étudiante": the person)
        label = "LOC"  # "le village de Vernouillet", "à Vernouillet": a place (``place_cues.py``)
    if not known and label != "LOC" and place_gloss_after(toks[-1]):
        label = "LOC"  # "à Valdrin (nord)": a town situated by a cardinal point (``place_cues.py``)
    if not known and label != "LOC" and place_shape(toks):
        label = "LOC"  # "Saint-Aubin-sur-Loire", "Beni Tarfa", "Rue de Valmy": the shape of a place's name
    if not known and (label == "LOC" or (label == "ORG" and len(toks) == 1)) and norm(toks[0].text) in COMMON_GIVEN_NAMES \
            and all(t.text[:1].isupper() or t.text == "-" for t in toks) and not place_cue_before(toks, res.given_names, "LOC"):
        # ("les maires de Nancy": a place noun before "de" keeps the town a place)
        label = "PER"  # "Karima", "Karim Benslama", "Noémie" read as a body: a common given name opens a person's name
    elif not known and label in ("LOC", "ORG", "MISC") and 2 <= len(toks) <= 5 and norm(toks[0].text) in res.given_names \
            and all((t.text[:1].isupper() and t.is_alpha and norm(t.text) not in res.org_heads) or t.text == "-"
                    or (0 < k < len(toks) - 1 and t.lower_ in PARTICLES) for k, t in enumerate(toks)) \
            and toks[-1].text != "-" and toks[-1].text not in ORG_TAILS and (label == "MISC" or not toks[0].is_sent_start) \
            and not kb.lookup(toks[0].text):  # ("Israel Start-Up Nation": a country's name first)
        label = "PER"  # "Tomas Veldek", "Sarah-Lou Vernet", "Ana do Vale" read as a team, a place or a thing
    cand.label = label
    if refused("typed", cand):
        return None
    if not known and label in ("LOC", "ORG") and after_role_noun(res, toks[0]):
        label = "PER"  # "le ministre qatari de l'Énergie, Saad al-Kaabi"
    surf_start = min(surf_start if surf_start is not None else start, start)
    return Mention(surf_start, end, text[surf_start:end], key, label, "ner", gender=gender)


_CLAUSE_MARKS = frozenset({":", ";", "?", "!"})
# "Saint-Aubin-sur-Loire", "Aix-en-Othe", "Bourg-lès-Valence": the connectors of French commune names.
_COMMUNE = re.compile(r"[\w'’-]+-(?:sur|sous|en|lès|lez|aux)-[A-ZÉÈ][\w'’-]*")


_GENTILE_DETERMINERS = frozenset({"le", "la", "l'", "les", "un", "une", "cette", "ce", "cet"})


def demonym_noun_before_name(res: EntityResources, toks: list[Any]) -> bool:
    """Whether a person span opens on a capitalised gentilé used as a noun after an article
    ("l'Iranienne Shirin Kavi", "la jeune Kurde Nouri Azad"): the gentilé designates the person, it is
    not a word of the name."""
    first = toks[0]
    if not first.text[:1].isupper() or first.is_upper or first.i == 0:
        return False
    prev = first.nbor(-1)
    if prev.is_lower and prev.pos_ == "ADJ" and prev.i > 0:
        prev = prev.nbor(-1)  # "la jeune Iranienne Shirin Kavi"
    if prev.lower_.replace("’", "'") not in _GENTILE_DETERMINERS:
        return False
    word = norm(first.text)
    return (word in res.kb.demonyms or word in res.not_countries) \
        and all(t.text[:1].isupper() or t.text == "-" for t in toks[1:])


def place_shape(toks: list[Any]) -> bool:
    """Whether a name has the shape of a place's: a French commune's hyphenated name with its
    connector, a Maghrebi place prefix (``lexicons/entities/place_prefixes.tsv``) before a
    capitalised word, or a capitalised street noun and its name ("Rue de Valmy")."""
    first = toks[0]
    if len(toks) == 1:
        return bool(_COMMUNE.fullmatch(first.text)) and first.text[:1].isupper()
    if norm(first.text) in PLACE_PREFIXES and first.text[:1].isupper() and toks[1].text[:1].isupper():
        return True
    return first.lower_ in STREET_NOUNS and first.text[:1].isupper() and len(toks) >= 3 \
        and toks[1].lower_ in _OF and toks[-1].text[:1].isupper()


def field_after(toks: list[Any]) -> list[Any]:
    """The field a school or research body is named after, when NER stopped before it: "École des
    hautes études | en santé publique" -> "en santé publique" (a lower-case noun and its
    adjectives after "en"); nothing when the name ends on a capital ("Institut Pasteur en
    Guyane": a place, read on its own) or holds one."""
    if any(t.text[:1].isupper() for t in toks[1:]) or not (toks[-1].is_lower and toks[-1].pos_ in ("NOUN", "ADJ")):
        return []
    doc = toks[-1].doc
    j = toks[-1].i + 1
    if j + 1 >= len(doc) or doc[j].lower_ != "en" or not (doc[j + 1].is_lower and doc[j + 1].pos_ == "NOUN"):
        return []
    k = j + 2
    while k < len(doc) and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ == "ADJ":
        k += 1
    return list(doc[j:k])


def result_code(toks: list[Any]) -> bool:
    """"(FRA/DEC)", "SUI/SUN": the country and team codes of a sports ranking table, capitals
    joined by a slash, name nobody."""
    doc = toks[0].doc
    if len(toks) == 1 and re.fullmatch(r"[A-Z]{2,4}/[A-Z]{2,4}", toks[0].text):
        return True
    if len(toks) != 1 or not _CODE.fullmatch(toks[0].text):
        return False
    i = toks[0].i
    before = doc[i - 2:i] if i >= 2 else None
    after = doc[i + 1:i + 3] if i + 2 < len(doc) else None
    return bool((after is not None and after[0].text == "/" and _CODE.fullmatch(after[1].text))
                or (before is not None and before[1].text == "/" and _CODE.fullmatch(before[0].text)))


def after_common_head(res: EntityResources, toks: list[Any], label: str) -> list[Any]:
    """What names something in a span NER opened on a lower-case common noun: "ligne | DouYu",
    "parti | Ennahdha" keep the name after it; "ministère de la Culture", "histoire de la
    République" name nothing NER can tell (nothing, or one word of the dictionary, after the
    noun). An institution or a place noun keeps its complement ("université de Genève", "lac
    d'Annecy"); another noun's complement ("police de Toronto") is read on its own."""
    j = 0
    while j < len(toks) and not toks[j].text[:1].isupper():
        j += 1
    rest = toks[j:]
    if not rest:
        return []
    if j > 1 and label == "LOC":
        if norm(toks[0].text) in PLACE_NOUNS or norm(toks[0].text) in res.org_heads:
            return toks  # a place noun and its complement: "lac d'Annecy", "col du Noyer"
        if toks[j - 1].lower_ in _OF_ARTICLE:
            # another noun names no place of its own: "la descente du | Col du Merle", "le spectacle
            # de | Saint-Aubin", "le département du | Morvan" (``lexicons/entities/place_nouns.tsv``)
            return rest
        return toks
    if any(norm(t.text) in res.kb.demonyms for t in toks[1:j]):
        return toks  # a national body: "ministère guatémaltèque de l'Intérieur"
    if norm(toks[0].text) in res.org_heads:
        # an institution and its name: "université de Genève", "institut Ramazzini"; "le ministère
        # de la Défense" is read as the one of the country the article is about
        return toks
    if len(rest) == 1 and (rest[0].lower_ in res.dictionary or rest[0].lemma_.lower() in res.dictionary):
        return []
    if j == 1:
        return rest  # an apposition: "ligne DouYu", "île Caja de Muertos"
    return []  # "police de Toronto": the place is read on its own


def org_head_before(res: EntityResources, first: Any) -> Any | None:
    """The capitalised institution noun (``lexicons/org_heads.tsv``) a name completes, written just
    before it with lower-case nouns or adjectives and a "de" in between ("Hôpital universitaire
    d'|Ostrava"), or None."""
    doc = first.doc
    j = first.i - 1
    if j < 0 or doc[j].lower_.replace("’", "'") not in _OF:
        return None
    while j >= 0 and first.i - j <= 6:
        t = doc[j]
        if t.text[:1].isupper():
            return t if norm(t.text) in res.org_heads and t.is_alpha else None
        if (t.lower_ in SEAT_INSTITUTIONS or (t.lower_ in QUALIFIED_SEATS and first.i - j >= 3)) \
                and j > 0 and t.nbor(-1).lower_ in DETERMINERS:
            return t  # "l'université de | Montpellier", "le tribunal correctionnel de | Valmont": named by its seat
        of = t.lower_.replace("’", "'") in _OF
        if not of and not (t.is_alpha and t.is_lower and t.pos_ in ("NOUN", "ADJ")):
            return None  # "Assemblée nationale dans le groupe de": a clause, not a name
        j -= 1
    return None


def role_noun_right_before(res: EntityResources, first: Any) -> bool:
    """"la présidente lituanienne X", "le ministre X": a person noun (and at most one
    lower-case adjective) written right before the token."""
    doc = first.doc
    for back in (1, 2):
        if first.i - back < 0:
            return False
        t = doc[first.i - back]
        if norm(t.text) in res.person_heads:
            return True
        if not (t.is_lower and t.pos_ == "ADJ"):
            return False
    return False


def after_role_noun(res: EntityResources, first: Any) -> bool:
    """Whether a span follows ", " closing a noun phrase headed by a person noun (apposition)."""
    if first.i < 2 or first.nbor(-1).text != ",":
        return False
    for t in reversed(list(first.doc[max(first.sent.start, first.i - 9):first.i - 1])):
        if norm(t.text) in res.person_heads:
            return True
        if t.text in (",", ";", ":") or t.pos_ in ("VERB", "AUX"):
            return False
    return False
