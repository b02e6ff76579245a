"""When the evidence scorer may overrule the subject of the verb an indirect quote's speech verb hangs on.

``main_verb_subject`` ("Claire Dubois, en visite à Lyon, a rappelé les faits en ajoutant que …") is a weak
rule: the scorer of ``candidates.py`` picks among the candidates with no margin kept for it. That is
right when the subject needs resolving, and wrong when the subject written there already says who
speaks (or that nobody named does), where the scorer's "recency" puts a name from the context instead
(issue 16, helper spkfix1: wrong on 4 outside dev sites and a held-out one, right on none; right on the
corpus dev part only for an absent subject, "il", a person noun). Invented examples:

* the subject may give way: none written ("…, estimant que"), a third-person pronoun ("il a rappelé
  …, ajoutant que"), a definite noun ("le principal intéressé a répondu, assurant que"), unless an
  organisation noun ("l'association a rappelé, estimant que") would go to someone not an organisation;
* it stands: a name ("la Norvège a répondu, estimant que"), a first-person pronoun ("nous avons
  répondu, estimant que": the writer or the interviewee, not the last name in the text), an
  indefinite noun ("un émissaire a dit, ajoutant que": somebody new), or words that are no noun
  phrase at all.
"""

from __future__ import annotations

import re

from veille.common.fold import bare
from veille.model import Quote
from veille.quotes.salience import ORGANISATION_NOUNS
from veille.quotes.state import ArticleState, Cue
from veille.quotes.words import SUBJECT_CLITICS

DEFINITE = frozenset({"le", "la", "l", "les", "ce", "cet", "cette", "ces"})
RULE = "main_verb_subject"
# the subject of a colon's sentence read as a person the text never names ("Une habitante raconte : « … »",
# speakers18): the scorer's "recency" would put back the name written inside her phrase or before it
UNNAMED_STANDS = frozenset({"colon_unnamed_subject"})
# a body taken up by its kind ("les experts" for the committee, "le cabinet" for the government,
# body_kinds.py): the scorer's "only person in the paragraph" is no answer to a collective noun
BODY_STANDS = frozenset({"members_of_body", "government_taken_up", "pronoun_body_topic"})
# a quote credited in so many words by the sentence after it ("« … » Ces mots sont ceux de X", cataphora.py,
# helper spkvar): no feature of the scorer reads that sentence, its "recency" puts back the voice before
CREDIT_STANDS = frozenset({"credited_in_next_sentence", "named_in_next_paragraph"})


def subject_gives_way(state: ArticleState, q: Quote, cue: Cue | None, rule: str, winner: str | None) -> bool:
    """Whether the scorer's ``winner`` may replace the speaker ``rule`` chose for ``q`` (always, but for an
    indirect quote whose speaker is the subject of the verb its speech verb hangs on: see the module, nor
    for an unnamed subject before a colon, a body taken up by its kind or a credit after the quote)."""
    if rule.split("+")[0].strip() in UNNAMED_STANDS | BODY_STANDS | CREDIT_STANDS:
        return False
    if q.kind != "indirect" or cue is None or rule.split("+")[0].strip() != RULE:
        return True
    text = (cue.subj_text or "").strip()
    if not text:
        return True
    words = re.findall(r"\w+", bare(text))
    if len(words) == 1 and words[0] in SUBJECT_CLITICS:
        return True  # "il", "elle", "ils", "elles": resolved by the evidence
    if len(words) < 2 or words[0] not in DEFINITE:
        return False
    if any(w[:1].isupper() for w in re.findall(r"\w+", text)[1:]):
        return False  # "la Norvège": a name
    if words[-1] in ORGANISATION_NOUNS or words[1] in ORGANISATION_NOUNS:
        return any(m.entity.name == winner and m.entity.type == "ORG" for m in state.mentions)
    return True
