"""The entity stage: the order in which the parts of this package read one article."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from veille.common.doctext import doc_text
from veille.common.fold import fold, norm, spelling_key
from veille.common.lexicon import rows
from veille.entities import keep_model, metonymy, type_model
from veille.entities.acronym_sweep import sweep_acronyms
from veille.entities.adjective_tails import extend_adjective_tails
from veille.entities.aliases import merge_aliases
from veille.entities.bare_union import bare_union
from veille.entities.body_acronyms import join_listed_expansions, listed_body_acronyms
from veille.entities.body_shapes import employer_orgs
from veille.entities.capital_surnames import capital_surnames
from veille.entities.clustering import Clusterer
from veille.entities.common_expansions import drop_common_expansions
from veille.entities.complement_chains import extend_chains
from veille.entities.complements import extend_complements
from veille.entities.coordinated import drop_portfolio_tails, extend_compass, extend_coordinated
from veille.entities.credits import credit_spans
from veille.entities.cues import org_cue_mentions
from veille.entities.decisions import Candidate, begin_explaining, refused, take_refusals
from veille.entities.descriptors import DescriptorFinder, after_descriptor
from veille.entities.display_names import introduced_name
from veille.entities.event_places import event_place_spans
from veille.entities.gazetteer import gazetteer, resolve_overlaps
from veille.entities.headed import merge_demonym_tails, merge_headless
from veille.entities.holders import HolderResolver
from veille.entities.idioms import idiom_spans
from veille.entities.institutions import institution_mentions
from veille.entities.kin import name_relatives
from veille.entities.linking import Linker
from veille.entities.lists import type_enumerations
from veille.entities.lone_capitals import lone_capital_surnames
from veille.entities.loose_acronyms import merge_loose_acronyms
from veille.entities.mention import Mention
from veille.entities.mentions import MentionFinder
from veille.entities.misc_orgs import promote_misc
from veille.entities.named_after import merge_named_after
from veille.entities.namesakes import check_context
from veille.entities.org_proposals import propose_orgs
from veille.entities.organisations import (
    Organisations,
    complete_from_acronym,
    drop_common_acronyms,
    merge_acronyms,
)
from veille.entities.pairings import split_pairings
from veille.entities.person_names import person_name
from veille.entities.resources import COMMON_GIVEN_NAMES, INSTITUTION_NOUNS, display_name, load_resources
from veille.entities.titled_names import untitled
from veille.entities.variants import merge_short_places, merge_spelled_acronyms, merge_variants
from veille.entities.vessels import vessel_names, vessel_spans
from veille.entities.work_titles import work_title_names, work_title_spans
from veille.kb import KB
from veille.model import Article, Entity
from veille.settings import Settings

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}")


def article_date(article: Article) -> str | None:
    """The date roles are read at: ``published`` (the dateline's when it is more precise and
    agrees), else the dateline's; never a date without its year ("XXXX-03-05"): a role holder
    picked on a guessed year is wrong as often as right."""
    line = article.dateline.date if article.dateline and article.dateline.date else None
    line = line if line and _ISO_DATE.fullmatch(line) else None
    date = article.published if article.published and _ISO_DATE.fullmatch(article.published) else None
    if date and line and len(line) > len(date) and line.startswith(date):
        return line  # "2022-04" from the page, "2022-04-06" in the dateline: the day is known
    return date or line


# "le Grand-Duché", "l'Hexagone": another way of naming, never the name (entities/periphrases.tsv)
_PERIPHRASES = frozenset(spelling_key(r[0]) for r in rows("entities/periphrases.tsv"))
_ARTICLE = re.compile(r"(?:l['’]|(?:le|la|les) )", re.IGNORECASE)  # "L'Élysée": an article, then the name


def merge_spellings(entities: list[Entity]) -> list[Entity]:
    """Entities of the same name written two ways, or read with two types by NER ("UDPS" as a
    place in one sentence and an organisation in the next), are one; the KB-linked one, else the
    first, keeps its name; a person reading wins the type."""
    out: list[Entity] = []
    seen: dict[str, Entity] = {}
    for e in entities:
        key = spelling_key(e.name)
        first = seen.get(key)
        if first is None or (first.kb_id and e.kb_id and first.kb_id != e.kb_id):
            seen.setdefault(key, e)
            out.append(e)
            continue
        person, place = (e, first) if first.kb_id else (first, e)
        if person.type == "PER" and not person.kb_id and place.kb_id and place.type == "LOC" \
                and len(person.mentions) > len(place.mentions) and norm(person.name) in COMMON_GIVEN_NAMES:
            # "Dominique" read as a person four times, as the island once: the person
            first.name, first.type, first.kb_id, first.actor = person.name, "PER", None, None
        elif e.kb_id and not first.kb_id:
            first.name, first.type, first.kb_id, first.actor = e.name, e.type, e.kb_id, e.actor
        elif not first.kb_id and "PER" in (first.type, e.type):
            first.type = "PER"
        elif not first.kb_id and len(e.mentions) > len(first.mentions):
            first.type = e.type  # the reading of most mentions ("ligne X" twice a place, "X" five times an organisation)
        spans, mentions = first.spans + e.spans, first.mentions + e.mentions
        if len(spans) != len(mentions):  # mentions without offsets: keep them as they come
            first.mentions = mentions
            continue
        pairs = sorted({tuple(sp): m for sp, m in zip(spans, mentions, strict=True)}.items())
        first.spans = [list(sp) for sp, _ in pairs]
        first.mentions = [m for _, m in pairs]
    return out


def _acronym(name: str, entry: dict) -> bool:
    """Whether a name is an acronym ("UE", "Otan" for OTAN): the KB's full name stays the name."""
    return name.isupper() or name.upper() in (entry.get("aliases") or ()) or name.upper() == entry["name"]


def written_name(entry: dict, named: list[Mention]) -> str:
    """The name an organisation or place goes by: the KB's, unless the article never writes it
    and always calls it by another of its names ("la Grande-Bretagne" throughout: Grande-Bretagne,
    not Royaume-Uni; "la République tchèque", not Tchéquie), the form the article uses most. An
    organisation the article only ever calls by its acronym goes by that acronym ("l'UE" throughout:
    UE); an acronym does not replace a full name the article also writes, nor a full name the KB's
    acronym (OTAN), nor a periphrasis ("le Grand-Duché") or a form in lower case ("le
    département d'État") the full name; a person keeps the KB's spelling ("Volodimir Zelenski" is Volodymyr
    Zelensky)."""
    name = display_name(entry["name"])
    if entry.get("type") not in ("LOC", "ORG") or not named or _acronym(name, entry):
        return name
    if entry.get("type") == "ORG" and all(_acronym(m.key, entry) for m in named):
        # Only ever "l'Unicef": the body goes by the acronym the article prints, not a long form it
        # never writes (the annotators' rule, and a KB expansion of an ambiguous acronym, "CEI",
        # cannot then name another body); the KB link stays.
        forms = Counter(m.key for m in named)
        return max(forms, key=lambda k: (forms[k], k.isupper()))
    own = spelling_key(name)
    aliases = {spelling_key(a) for a in entry.get("aliases") or ()}
    forms = Counter(m.key for m in named if spelling_key(m.key) in aliases and not _acronym(m.key, entry)
                    and m.key[:1].isupper() and spelling_key(m.key) not in _PERIPHRASES
                    and not _ARTICLE.match(m.key))
    if not forms or any(spelling_key(m.key) == own for m in named):
        return name
    return max(forms, key=lambda k: (forms[k], len(k)))


class EntityStage:
    """The doc stage building ``article.entities`` (see the package docstring)."""

    name = "entities"
    requires = ("title", "paragraphs", "published", "dateline", "foreign")
    assigns = ("entities",)

    def __init__(self, ctx: Any) -> None:
        self.res = load_resources(ctx)
        self.kb: KB = self.res.kb
        self.link = self.res.link
        self.mentions = MentionFinder(self.res)
        self.linker = Linker(self.res)
        self.descriptors = DescriptorFinder(self.res, rows("roles.tsv"))
        self.holders = HolderResolver(self.res, self.linker)
        self.clusterer = Clusterer(self.res, self.linker)
        self.organisations = Organisations(self.res)
        self.explain = bool(Settings.coerce(getattr(ctx, "settings", None)).explain)
        # the words that never open given names: built once (a union of the 95,000-word dictionary
        # per article was a quarter of the stage's time)
        self.not_given = self.res.dictionary | set(self.res.titles)

    def __call__(self, article: Article, doc: Any, ctx: Any) -> None:
        res = self.res
        if self.explain:
            begin_explaining()
        text = doc_text(article, doc)
        ntext = fold(text)
        date = article_date(article)
        names = self.mentions.ner_mentions(article, doc, text)
        # "Octave LEMARIN" (``capital_surnames.py``; a civility or a common word never opens the given names)
        names = capital_surnames(text, names, res.given_names, res.stopwords, self.kb, self.not_given)
        names = lone_capital_surnames(text, names, self.kb, res.stopwords, res.dictionary)  # "MACRON a promis"
        descs: list[Mention] = []
        if self.link:
            names = resolve_overlaps(res, text, names, gazetteer(res, article, doc, text, ntext))
        names = employer_orgs(text, promote_misc(text, names), res.given_names)  # "une salariée de X": X is a body
        names = listed_body_acronyms(text, names)  # "du Crous", "l'Inrap", "l'AP-HP" (``body_acronyms.py``)
        names = complete_from_acronym(text, org_cue_mentions(res, doc, text, names))
        names = drop_common_acronyms(text, names, res.org_heads | INSTITUTION_NOUNS)  # "l'imagerie par résonance magnétique (IRM)"
        names = drop_common_expansions(text, names, res.org_heads | INSTITUTION_NOUNS)  # "la Location Longue Durée (LLD)" (``common_expansions.py``)
        names = institution_mentions(res, text, names)  # "le tribunal administratif de Lille" (``institutions.py``)
        # "Haut Conseil | pour le climat": the lower-case complement NER left out (``complements.py``)
        names = extend_complements(doc, text, names, res.org_heads | INSTITUTION_NOUNS, self.kb, res.dictionary)
        # "Fédération pour la paix | sur le continent": the further complements (``complement_chains.py``)
        names = extend_chains(doc, text, names, res.org_heads | INSTITUTION_NOUNS, self.kb)
        names = extend_adjective_tails(doc, text, names)  # "Parti populaire | européen" (``adjective_tails.py``)
        names = extend_compass(text, extend_coordinated(doc, text, names, res.org_heads))  # "… et de la Y", "X du Sud"
        names = drop_portfolio_tails(text, names)  # "le ministre du Commerce et de l'Industrie"
        # "le Centre des métiers et des savoirs": a head noun's name NER missed or cut, the model deciding
        names = propose_orgs(Path(article.source.path or article.id or "").stem, doc, text, names,
                             res.org_heads | INSTITUTION_NOUNS)
        names = split_pairings(text, names)  # "le tandem Dorval-Morin": two names, not one (``pairings.py``)
        # "(Reportage Jean Dupont, édité par …)", "Avec AFP": the newsroom's credits, not the news.
        credits, idioms = credit_spans(text), idiom_spans(ntext)  # (and "le talon d'Achille": an idiom, no one)
        events = event_place_spans(text)  # "le Tour de Valdorie": no mention of the place (``event_places.py``)
        vessels = vessel_spans(text)  # "le pétrolier Korvan": a ship, no entity (``vessels.py``)
        works = work_title_spans(text)  # "l'exposition Hivernales": a title, no entity (``work_titles.py``)
        if credits or idioms or events or vessels or works:
            ships = vessel_names(vessels, [(m.start, m.key) for m in names])
            titles = work_title_names(text, works, [(m.start, m.key, m.label) for m in names])
            names = [m for m in names if not self._refused("article", m, text, credits=credits, idioms=idioms,
                                                           event_places=events, vessels=vessels, vessel_names=ships,
                                                           works=works, work_names=titles)]
        if self.link:
            for m in names:
                self.linker.link_exact(m)
            descs = self.descriptors.find(article, text, ntext, names)
            descs = sorted(descs + self.descriptors.demonym_nouns(article, doc), key=lambda d: d.start)
            # A descriptor is not a name: "secrétaire d'État américain" read by NER as "État
            # américain", "ministre russe des Affaires étrangères" as a place.
            names = [after_descriptor(m, descs, text) for m in names]
            names = [u for m in names if (u := untitled(m, res.titles)) is not None]  # "ministre Dr X" (``titled_names.py``)
            names = [m for m in names if not self._refused("linked", m, text, kb_id=m.kb_id, descs=descs)]
        type_enumerations(names, text, self.kb)
        clusters = self.clusterer.cluster(text, names, date, descs)
        if self.link:
            resolved = self.holders.attach(descs, text, clusters, date)
            extra = metonymy.demonyms(res, article, doc, text, ntext, resolved) \
                + self.organisations.descriptor_mentions(article, ntext, text, clusters)
            for m in extra:
                clusters.setdefault(("kb", m.kb_id), []).append(m)
        self.clusterer.full_names(clusters)
        self.clusterer.name_parts(clusters)
        if self.link:
            check_context(self.kb, text, clusters)  # "le PS" in an article on Portugal (``namesakes.py``)
            self.organisations.national_orgs(clusters)
        self.clusterer.surname_sweep(article, text, ntext, clusters)
        merge_acronyms(text, clusters)
        sweep_acronyms(article, text, clusters)  # "… (RVL) … le RVL": the acronym wherever written
        join_listed_expansions(clusters)  # "l'Inserm" and its official name written apart: one body
        merge_aliases(ntext, clusters)
        bare_union(ntext, clusters, self.kb)  # "les membres de l'Union": the union named, else the EU
        name_relatives(text, ntext, clusters)
        article.entities = self._entities(clusters, doc, article, text)
        if self.explain:
            article.entity_refusals = take_refusals()

    def _refused(self, phase: str, m: Mention, text: str, **context: Any) -> bool:
        """Whether a row of ``phase`` (``lexicons/entities/name_decisions.tsv``) refuses the mention."""
        return refused(phase, Candidate(self.res, m.key, m.label, m.start, m.end, text, context=context))

    def _entities(self, clusters: dict, doc: Any, article: Article, text: str) -> list[Entity]:
        """One ``Entity`` per cluster, in order of first mention; clusters of descriptors only, or
        of names no reading types, give none."""
        kb = self.kb
        out: list[tuple[int, Entity]] = []
        for key, ms in clusters.items():
            ms = sorted({(m.start, m.end): m for m in ms}.values(), key=lambda m: m.start)
            named = [m for m in ms if m.source in ("ner", "gaz", "sweep")]
            if all(m.source == "demonym" for m in ms):
                # "un chercheur français" names no country: an adjective alone is not a mention of
                # an entity (it still counts as one when the country is also named). A role alone
                # ("le président américain") still designates its holder (SCHEMA: descriptors).
                continue
            if key[0] == "kb":
                e = kb.entries[key[1]]
                # "Assemblée nationale (France)": the Wikipedia title's disambiguator is not the name.
                # (a seat named by its building, "la Maison-Blanche", is output as the place it is)
                ent = Entity(name=written_name(e, named), type="LOC" if e.get("building") else e["type"], kb_id=key[1])
            else:
                if not named:
                    continue
                labels = Counter(m.label for m in named)
                typed = Counter({k: v for k, v in labels.items() if k != "MISC"})
                # (an acronym NER left as MISC, "(CIO)", does not outvote its named organisation)
                etype = "PER" if labels.get("PER") else (typed or labels).most_common(1)[0][0]
                if etype == "MISC":
                    continue
                if etype == "PER":
                    name = person_name(self.res, [m.key for m in named])  # (not "Mai Léa Roy": ``person_names.py``)
                else:
                    name = Counter(m.key for m in named).most_common(1)[0][0]
                ent = Entity(name=name, type=etype)
            ent.mentions = [m.text for m in ms]
            ent.spans = [[m.start, m.end] for m in ms]
            if ent.kb_id and self.link:
                ent.actor = metonymy.actor(self.res, ent.kb_id, named, doc, clusters)
                if ent.actor and ent.type == "LOC" and kb.entries[key[1]].get("building"):
                    ent.type = "ORG"  # "l'Élysée a annoncé": the seat acts as the presidency; "à l'Élysée", a place
            out.append((ms[0].start, ent))
        out.sort(key=lambda x: x[0])
        merged = merge_headless(merge_spellings([e for _, e in out]), self.res.org_heads)
        final = merge_spelled_acronyms(merge_short_places(merge_variants(merge_demonym_tails(merged, self.kb.demonyms))))
        final = merge_loose_acronyms(final, self.kb)  # "le Parti libéral … le PLV" (``loose_acronyms.py``)
        final = merge_named_after(final)  # "la galerie X Y … X Y": the gallery, not a person (``named_after.py``)
        introduced_name(final)  # "le Conseil des archives régionales … le Conseil des archives" (``display_names.py``)
        if not keep_model.asked() and not type_model.asked():
            return final
        by_span = {(m.start, m.end): m for ms in clusters.values() for m in ms}
        kept = [(e, [by_span[(a, b)] for a, b in e.spans if (a, b) in by_span]) for e in final]
        type_model.retype(self.res, article, doc, kept)  # a learned type where only NER typed (``type_model.py``)
        if not keep_model.asked():
            return final
        # the learned last word (``keep_model.py``), each refusal a row of the decision table
        passed = keep_model.last_word(self.res, article, text, kept)
        kept_ids = {id(e) for e in passed}
        for e in final:
            if id(e) not in kept_ids:
                start, end = e.spans[0] if e.spans else (0, 0)
                self._refused("entity", Mention(start, end, e.name, e.name, e.type, "model"), text, model_refuses=True)
        return passed
