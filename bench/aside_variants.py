"""The aside variants of ``bench/chain_perturb.py``: a sentence about someone else written between a
speaker's quotes, just before a quote whose cue takes the speaker up by a pronoun ("« … », ajoute-t-il")
(issue 16: the forms spkpron left as one-site, "il" after a sentence on another man when the cue before
named the speaker, "commente-t-il" after sentences on organisations).

A slot is a gold quote with one named speaker and an inverted pronoun cue right after it ("», a-t-il
dit", "», estime-t-elle"; as the page writes it, or as ``pronoun-chain`` rewrote a later cue subject), or
a cue subject ``pronoun-chain`` turned into "Il"/"Elle" at a sentence start. The aside goes where the
quote's sentence starts (its opening mark, after a sentence's end or at a paragraph's start):

* ``aside-person``: one invented sentence whose subject is an invented person of the pronoun's gender,
  in the past, with no speech verb ("Le député X avait voté contre le texte en commission.");
* ``aside-org``: two invented sentences on invented organisations whose written gender is the
  pronoun's, with no speech verb ("Le groupe X a fermé …. Le comité …").

At most two slots a page (the first two). The quote, its cue and the gold speaker stay as they were;
the asides are this file's own invented sentences. Plain functions over strings, tested on invented
text in ``tests/test_chain_perturb.py``.
"""

from __future__ import annotations

import re

from quote_variants import Edit

_SP = " \u00a0\u202f"
_OPENING = "«“\""
# "», a-t-il ajouté", "» ajoute-t-elle", "», dit-il": a speech verb with its inverted pronoun after the quote
_PRONOUN_CUE = re.compile(rf"[{_SP}]*[»”\"]?[{_SP}]*,?[{_SP}]*(?:(?:a|avait|aurait)-t-|[a-zéèêûîô]+(?:-t)?-)(il|elle)\b")
MAX_SLOTS = 2

# invented sentences (people and organisations invented for this bench)
ASIDE_PERSON = {
    "m": ("Le député Lucien Ferrandou avait voté contre le texte en commission.",
          "Quelques jours plus tôt, le conseiller Bertrand Maillefer avait quitté la salle sans un mot.",
          "Le préfet Olivier Gastinel avait prolongé le dispositif jusqu'à la fin de l'été."),
    "f": ("La députée Lucienne Ferrandou avait voté contre le texte en commission.",
          "Quelques jours plus tôt, la conseillère Bernadette Maillefer avait quitté la salle sans un mot.",
          "La préfète Odile Gastinel avait prolongé le dispositif jusqu'à la fin de l'été."),
}
# no speech verb in them (an organisation that "confirmed" something is a voice the pronoun may take up)
ASIDE_ORG = {
    "m": ("Le groupe Altessia a fermé deux entrepôts en Lorraine l'an dernier. "
          "Le comité de suivi ne s'est pas réuni depuis l'hiver.",
          "Le syndicat Norvalis a déposé un recours devant le tribunal administratif. "
          "Le conseil régional n'a pas encore voté son budget."),
    "f": ("La société Altessia a fermé deux entrepôts en Lorraine l'an dernier. "
          "La direction régionale ne s'est pas réunie depuis l'hiver.",
          "La fédération Norvalis a déposé un recours devant le tribunal administratif. "
          "La commission régionale n'a pas encore voté son budget."),
}


def _sentence_start_before(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: a paragraph's start, or after ". ", "! ", "? ", ".» "."""
    before = text[:pos].rstrip(_SP)
    return not before or before.endswith("\n") or before[-1] in ".!?" or before[-2:] in (".»", "!»", "?»", ".”")


def _opening_mark(text: str, start: int) -> int | None:
    k = start - 1
    while k >= 0 and text[k] in _SP:
        k -= 1
    return k if k >= 0 and text[k] in _OPENING else None


def _quote_slot(text: str, span: tuple[int, int]) -> int | None:
    k = _opening_mark(text, span[0])
    return k if k is not None and _sentence_start_before(text, k) else None


def pronoun_slots(text: str, named_spans: list[tuple[int, int]],
                  chain_edits: list[Edit]) -> list[tuple[int, str, Edit | None]]:
    """(where the aside goes, "m"/"f", the ``pronoun-chain`` edit the slot needs or None) for each quote of
    a named speaker taken up by a pronoun cue: ``named_spans`` the gold quotes with one named speaker,
    ``chain_edits`` the edits of ``pronoun-chain``."""
    slots: dict[int, tuple[str, Edit | None]] = {}
    for span in named_spans:
        hit = _PRONOUN_CUE.match(text, span[1])
        at = _quote_slot(text, span) if hit else None
        if at is not None:
            slots[at] = ("m" if hit.group(1) == "il" else "f", None)
    for edit in chain_edits:
        s, _, rep = edit
        g = "f" if "elle" in rep.lower() else "m"
        if rep in ("Il", "Elle"):  # a sentence-start cue subject
            slots.setdefault(s, (g, edit))
        elif "-" in rep:  # an inverted cue: the quote just before it
            span = max((sp for sp in named_spans if sp[1] <= s and s - sp[1] <= 4), default=None)
            at = _quote_slot(text, span) if span else None
            if at is not None:
                slots.setdefault(at, (g, edit))
    return [(at, g, e) for at, (g, e) in sorted(slots.items())][:MAX_SLOTS]


def asides(slots: list[tuple[int, str, Edit | None]], sentences: dict[str, tuple[str, ...]]) -> list[Edit]:
    """An insertion of the next invented aside of the slot's gender before each slot, with the
    ``pronoun-chain`` edits the slots need."""
    out: list[Edit] = []
    for k, (at, g, chain) in enumerate(slots):
        options = sentences[g]
        out.append((at, at, options[k % len(options)] + " "))
        if chain is not None:
            out.append(chain)
    return out
