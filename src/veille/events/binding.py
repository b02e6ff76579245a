"""An object pronoun never stands for the subject of its own clause (issue 13, recall of REQUEST).

"Le président Marc Olivar leur a demandé de céder": "leur" is not Marc Olivar. A pronoun object
("le", "la", "les", "lui", "leur", group ``object_clitic`` of ``lexicons/events/arguments.tsv``)
that is not reflexive names someone other than its verb's subject (the reflexive would be "se"), so
a target the actor rules found in such a pronoun of the trigger's own verb is dropped when it is
the very actor found as that verb's subject. Before this, the pronoun resolver could take up the
subject just named, and a request whose target was its own source was dropped as an order to one's
own side ("nous avons demandé à nos forces de …", ``Coder._code``): the demand was lost.
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import lower_nfc
from veille.events.argument_words import OBJECT_CLITICS
from veille.events.roles import Roles
from veille.events.words import lower_text

OBJECT_DEPS = ("obj", "iobj", "obl:arg", "obl")


def _clitic_of(head: Any, tok: Any) -> bool:
    """``tok`` is an object pronoun of ``head``'s own clause."""
    return (tok.pos_ == "PRON" and lower_text(tok) in OBJECT_CLITICS and tok.i < head.i
            and tok.head.i == head.i and tok.dep_ in OBJECT_DEPS)


def drop_self_clitics(roles: Roles) -> None:
    """Drops the targets found in an object pronoun of the trigger's verb that are the source itself,
    when the source is that verb's subject (principle B: "il le soutient" is never self-support)."""
    source = roles.source.actor
    if source is None or not roles.verbal or roles.source.rule != "subject":
        return
    doc, head, name = roles.view.doc, roles.head, lower_nfc(source.name)
    kept = [t for t in roles.targets
            if not (lower_nfc(t.name) == name and _clitic_of(head, doc[t.token]))]
    if len(kept) != len(roles.targets):
        roles.targets = kept
        if not kept:
            roles.target_rule = "none:self-clitic"
