"""Events carried by reported speech: who speaks when the parse hides or blurs the speaker.

A condemnation, a denial, praise or a demand is most often told by the verb that reports it.
Rules here (each with an invented example, tried from ``agents.VERB_SOURCE_RULES`` and
``source_rules.agentless``):

* ``quote_ending_before``: the quote an incise verb follows, also past adverbs ("», a ainsi
  dénoncé le fonctionnaire": the speaker the quotes stage gave the quote);
* ``reflexive_pronoun_subject``: "Il s'inquiète de …", whose "il" the parser reads as an expletive;
* ``unnamed_group_subject``: "Les infirmières réclament des renforts" (a null source, the group
  nouns in ``lexicons/events/speech_groups.tsv``);
* ``unnamed_speaker``: a speaker named by no one in particular, set after its verb ("», ironise un
  élu", "la réforme que dénoncent de nombreux syndicats") or as the antecedent of "qui" ("des
  associations, qui ont accusé X"): a null source.

The article's ``quotes`` are filled before the events stage (``EventStage.requires``) and read
through ``ArticleView.tok_quote``.
"""
from __future__ import annotations

from typing import Any

from veille.common.fold import lower_nfc
from veille.common.lexicon import groups
from veille.events.actors import resolve
from veille.events.roles import Found
from veille.events.triggers import verb_entries
from veille.events.view import ArticleView
from veille.events.walks import children_with, has_child
from veille.events.words import SUBJ, UNNAMED, feat, lemma

# The types whose doer is a speaker: a demand, a complaint, a denial, praise.
SPOKEN_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT", "REQUEST"})


def quote_ending_before(view: ArticleView, verb: Any) -> Any:
    """The quote that ends right before a verb (only its closing mark, a comma, auxiliaries and
    adverbs between: "», a ainsi dénoncé …", "», a encore fustigé …")."""
    for j in range(verb.i - 1, max(verb.i - 6, -1), -1):
        if view.tok_quote[j] is not None:
            return view.tok_quote[j]
        t = view.doc[j]
        if not (t.is_punct or t.dep_.startswith("aux") or t.dep_.startswith("expl") or t.pos_ == "ADV"):
            return None
    return None


_GROUPS = groups("events/speech_groups.tsv")
# The dependents of a noun that say something about it without naming who it is.
ASIDE_DEPS = ("acl:relcl", "acl", "appos")
GROUP_NOUNS = _GROUPS["group_noun"]


def unnamed_group_subject(view: ArticleView, verb: Any) -> bool:
    """The subject is a plural group of people named by their trade or situation, with no name in
    it: "Les infirmières de l'hôpital réclament des renforts." -> an unnamed source (not
    "Les salariés de Valcor", whose company is named, nor "les experts", who are a body)."""
    subjects = children_with(verb, SUBJ)
    if len(subjects) != 1:
        return False
    subj = subjects[0]
    if subj.pos_ != "NOUN" or feat(subj, "Number") != ["Plur"] or lemma(subj) not in GROUP_NOUNS:
        return False
    if any(d.dep_ == "det" and feat(d, "Poss") == ["Yes"] for d in subj.children):
        return False  # "ses salariés", "leurs parents": someone's people, named elsewhere
    # A name inside the noun phrase ("les salariés de Valcor") makes it someone's; one inside a
    # relative clause or an apposition about the group ("les ouvriers, qui travaillent pour X,") does not.
    aside = {t.i for c in subj.children if c.dep_ in ASIDE_DEPS for t in c.subtree}
    return not any(view.tok_entity[t.i] is not None for t in subj.subtree if t.i not in aside)


# The subject pronouns the parser reads as an expletive before a reflexive verb ("Il s'inquiète").
EXPLETIVE_SUBJECTS = frozenset({"il", "elle", "ils", "elles"})


def reflexive_pronoun_subject(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A personal pronoun the parser took for an expletive before a reflexive verb is its subject:
    "Le syndicat Forge a publié une enquête. Il s'inquiète de la hausse des loyers." -> Forge (an
    impersonal "il s'agit de" carries no event of its own)."""
    if has_child(verb, SUBJ):
        return None
    if not any(t.type in SPOKEN_TYPES for t in verb_entries(view, verb)):
        return None  # only a reflexive verb that is itself the statement ("s'inquiéter", "se rallier")
    if not has_child(verb, ("expl:comp", "expl:pass")):
        return None
    pron = next((c for c in verb.children if c.dep_ == "expl:subj" and c.i < verb.i and c.i != exclude
                 and lower_nfc(c.text) in EXPLETIVE_SUBJECTS), None)
    if pron is None:
        return None
    actors = resolve(view, pron, with_conj=False)
    return Found(actors[0], "reflexive-pronoun-subject") if actors else None


# The slots the parser gives a subject set after its verb ("», ironise un élu", "que dénoncent de
# nombreux syndicats"), and the relative pronouns standing for a subject.
INVERTED_DEPS = ("obj", "obl:arg", "nmod", "appos", "dep", "obl:mod", "nsubj")
RELATIVE_SUBJECTS = frozenset({"qui"})
RELATIVE_OBJECTS = frozenset({"que", "qu'", "qu\u2019"})


def _indefinite(view: ArticleView, noun: Any) -> bool:
    """A common noun phrase naming nobody in particular: "un élu", "de nombreux syndicats",
    "deux témoins", "d'associations locales" (a determiner or number of ``unnamed``, or a bare
    plural after "de"), with no entity in it."""
    if noun.pos_ != "NOUN":
        return False
    # an aside, or a nationality adjective ("de nombreux journaux américains": still nobody in particular)
    aside = {t.i for c in noun.children if c.dep_ in ASIDE_DEPS or (c.dep_ == "amod" and c.pos_ == "ADJ")
             for t in c.subtree}
    if any(view.tok_entity[t.i] is not None for t in noun.subtree if t.i not in aside):
        return False
    deps = [c for c in noun.children if c.dep_ in ("det", "nummod", "amod", "case") and c.i < noun.i]
    if any(c.dep_ == "det" and lower_nfc(c.text) not in UNNAMED for c in deps):
        return False  # "le maire", "ses collègues": someone the text knows
    words = {lower_nfc(c.text) for c in deps}
    if words & UNNAMED or any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in deps):
        return True
    return feat(noun, "Number") == ["Plur"] and not any(c.dep_ == "det" for c in deps) and bool(
        words & {"de", "d'", "d’"})


def unnamed_speaker(view: ArticleView, verb: Any) -> bool:
    """A statement whose speaker is an indefinite noun phrase: set after the verb, the incise
    after a quote ("« C'est absurde », ironise un élu.") or inverted in a relative ("une réforme
    que dénoncent de nombreux syndicats"), or the antecedent of a "qui" subject ("d'associations
    locales, qui ont accusé Paul Durand de mépris") -> a null source."""
    if verb.pos_ != "VERB" or not any(t.type in SPOKEN_TYPES for t in verb_entries(view, verb)):
        return False
    # a "subject" inside a quote the verb is not in is the quote, misread ("« … », a dénoncé un élu")
    subjects = [c for c in verb.children if c.dep_ in SUBJ
                and (view.tok_quote[c.i] is None or view.tok_quote[verb.i] is not None)]
    if len(subjects) == 1 and subjects[0].i < verb.i:
        rel = subjects[0]
        if lower_nfc(rel.text) in RELATIVE_SUBJECTS and verb.dep_ == "acl:relcl":
            # plural people or groups ("d'associations, qui"), not a thing ("un sigle qui rejette …")
            return feat(verb.head, "Number") == ["Plur"] and _indefinite(view, verb.head)
        return False
    if subjects and subjects[0].i < verb.i:
        return False
    before = next((t for t in reversed(view.doc[max(verb.i - 4, 0):verb.i])
                   if not (t.dep_.startswith("aux") or t.pos_ == "ADV")), None)
    relative = before is not None and lower_nfc(before.text) in RELATIVE_OBJECTS
    if quote_ending_before(view, verb) is None and not relative:
        return False
    # the parser hangs the inverted subject anywhere ("que dénoncent lundi de nombreux X": under "lundi")
    after = [t for t in view.doc[verb.i + 1:min(verb.i + 5, len(view.doc))] if t.pos_ == "NOUN"
             and (t.head.i == verb.i or t.head.head.i == verb.i) and t.dep_ in INVERTED_DEPS]
    return any(_indefinite(view, t) for t in after)
