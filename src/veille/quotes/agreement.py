"""Gender a sentence gives a person by agreement, when no title or given name tells: the article
or an adjective's ending before the name ("la jeune Nour Haddi"), a descriptor in apposition
("Nour Haddi, militante du collectif"), a participle agreeing with the name as subject ("Nour Haddi
est arrivée de Lyon"). French marks the feminine, so a feminine form is evidence; a masculine form
is evidence only with a masculine article (it is also the form of words with one gender)."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.state import ArticleState

_FEM_DETS = frozenset({"la", "une"})
_MASC_DETS = frozenset({"le", "un"})
# feminine endings and the masculine they come from ("fondatrice" / "fondateur", "militante" / "militant")
_FEMININE = (("trice", "teur"), ("euse", "eur"), ("ienne", "ien"), ("enne", "en"), ("ière", "ier"),
             ("ive", "if"), ("elle", "el"), ("onne", "on"), ("ante", "ant"), ("ente", "ent"), ("ée", "é"),
             ("eure", "eur"), ("ate", "at"), ("ise", "is"), ("ue", "u"), ("ine", "in"), ("ale", "al"))
# only endings no masculine noun or adjective of a person has ("-trice", "-euse", "-ienne", "-ière") count
# without the masculine being a listed person noun
_ALWAYS_FEMININE = ("trice", "euse", "ienne", "ière")


def _gender(tok: Any) -> str | None:
    g = tok.morph.get("Gender")
    return "f" if g == ["Fem"] else "m" if g == ["Masc"] else None


def feminine_form(state: ArticleState, tok: Any, predicate: bool = False) -> bool:
    """True when ``tok`` is a feminine form of a person noun or adjective ("militante", "fondatrice"),
    not a word of one form for both ("épidémiologiste", "membre"); as the predicate of "être", a
    feminine participle ("arrivée", "partie", "venue")."""
    word = tok.text.lower()
    if _gender(tok) != "f":
        return False
    if predicate:
        # a noun with no article or preposition of its own is a participle the parser misread
        bare_noun = tok.pos_ == "NOUN" and not any(c.dep_ in ("det", "case") for c in tok.children)
        participle = "Part" in tok.morph.get("VerbForm") or bare_noun
        return participle and word.endswith(("ée", "ie", "ue"))
    for fem, masc in _FEMININE:
        if word.endswith(fem) and len(word) > len(fem) + 1:
            if fem in _ALWAYS_FEMININE or bare(word[: -len(fem)] + masc) in state.res.person_nouns:
                return True
    return False


def agreement_gender(state: ArticleState, start: int, end: int) -> str | None:
    """"f" / "m" from the words agreeing with the person mentioned at [start, end), else None."""
    doc = state.doc
    first, last = state.tok_at(start), state.tok_at(max(start, end - 1))
    # the article before the name, over one or two adjectives ("la jeune X", "le vieux X")
    k = first.i - 1
    while k >= 0 and first.i - k <= 3 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1
    if k >= 0 and first.i - k >= 2 and doc[k].pos_ == "DET" and bare(doc[k].text) in _FEM_DETS | _MASC_DETS:
        return "f" if bare(doc[k].text) in _FEM_DETS else "m"
    # an apposition after the comma: its article, else a feminine noun or adjective before any preposition
    j = last.i + 1
    if j < len(doc) and doc[j].text == "," and _closed_apposition(doc, j):
        det = None
        for t in doc[j + 1:j + 5]:
            if t.pos_ == "DET":
                det = bare(t.text)
                continue
            if not (t.pos_ in ("NOUN", "ADJ") or "Part" in t.morph.get("VerbForm")) or not t.is_lower:
                break
            if det in _FEM_DETS or feminine_form(state, t) and det not in _MASC_DETS:
                return "f"
            if det in _MASC_DETS:
                return "m"
    head = last
    while head.dep_ == "flat:name" and head.head.i != head.i:
        head = head.head
    # a descriptor before the name, the name in apposition to it ("le nouveau commissaire, X", "la
    # porte-parole du parti, X"): the descriptor's article
    noun = _descriptor_before(doc, first.i)
    if noun is not None and noun.pos_ == "NOUN" and noun.is_lower \
            and (bare(noun.text) in state.res.person_nouns or bare(noun.lemma_) in state.res.person_nouns):
        det = next((bare(c.text) for c in noun.children if c.dep_ == "det"), None)
        if det in _FEM_DETS or det is not None and feminine_form(state, noun) and det not in _MASC_DETS:
            return "f"
        if det in _MASC_DETS:
            return "m"
    # a participle agreeing with the name as the subject of "être" ("X est arrivée", "X s'est dite")
    if head.dep_ in ("nsubj", "nsubj:pass"):
        verb = head.head
        # (the parser may read the participle as a noun with "être" as its copula)
        if verb.pos_ in ("VERB", "ADJ", "NOUN") and any(
                (c.dep_.startswith("aux") or c.dep_ == "cop") and bare(c.lemma_) == "etre" for c in verb.children):
            if feminine_form(state, verb, predicate=True) and "Sing" in verb.morph.get("Number"):
                return "f"
    return None


def _closed_apposition(doc: Any, comma: int) -> bool:
    """The words after the comma at ``comma`` are an apposition: no verb before the next comma, a
    bracket or the paragraph's end ("Pour X, cette mesure est …" opens a clause, not an apposition)."""
    for t in doc[comma + 1:comma + 16]:
        if t.text in (",", "(", ")", ".", ";") or "\n" in t.text:
            return True
        if t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm"):
            return False
    return False


def _descriptor_before(doc: Any, first: int) -> Any:
    """The head of the phrase that ends right before ", NAME" (the phrase the name is in apposition to),
    whatever the parser made of the name."""
    if first < 2 or doc[first - 1].text != ",":
        return None
    t = doc[first - 2]
    while t.head.i != t.i and t.head.i < first - 1:
        t = t.head
    return t if t.i < first - 1 else None
