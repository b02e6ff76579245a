"""A subject pronoun never stands for a name of its own verb's "que" clause: in "Ils exigent que la
clinique Aube rouvre les services", "ils" is not the clinic, whoever was the last subject before.
French writes the same party as a pronoun there ("veut qu'elle parte") or turns to an infinitive
("veut partir"). When the pronoun's reading falls on the actor the clause names, the one who asks
is someone the coder did not find: the source is left null ("obviated") and the clause's subject
stays the target (``target_rules.clause_subject``), as the dev gold codes such a demand
(helper evrequest, 2026-12-07).

Only for the types whose party may be the subject of a "que" clause (``clause_target_type`` of
``lexicons/events/role_words.tsv``) and a third-person pronoun subject ("il", "elles"…): a "nous"
in a quote is the speaker's side, which the clause may well name otherwise.
"""

from __future__ import annotations

from veille.common.fold import lower_nfc
from veille.events.actors import resolve
from veille.events.agents import verb_source
from veille.events.demands import clause_subjects
from veille.events.roles import Found, Roles
from veille.events.walks import first_child
from veille.events.words import CLAUSE_TARGET_TYPES, SUBJ, THIRD_PERSON, lower_text


def obviated_subject(r: Roles) -> Found | None:
    """A verb's pronoun subject read as the actor its "que" clause names is nobody found: "La
    clinique Aube a fermé deux services. Ils exigent que la clinique Aube rouvre les services." -> no
    source, the clinic the target. Other verbs go on to ``verb_agent``."""
    if not r.verbal or r.cand.trigger.type not in CLAUSE_TARGET_TYPES:
        return None
    subj = first_child(r.head, (*SUBJ, "expl:subj"))  # "Il veut que …" read as an expletive
    if subj is None or subj.pos_ != "PRON" or lower_text(subj) not in THIRD_PERSON:
        return None
    asked = {lower_nfc(a.name) for s in clause_subjects(r.head) if s.pos_ != "PRON"
             for a in resolve(r.view, s)}
    if not asked:
        return None
    found = verb_source(r.view, r.head)
    if found.actor is not None and lower_nfc(found.actor.name) in asked:
        return Found(None, "obviated")
    return found
