"""Who a document speaks for when the text takes it up by its noun alone, paragraphs after it was brought
in: "Le ministère a publié un rapport. … Le rapport précise que …", "une enquête conduite par l'institut X
… Cette même enquête indique que …", "Selon un rapport de X, … Le même rapport précise que « … »". The
definite noun (``le``/``ce``/``le même`` + a document noun of ``lexicons/quotes/organisation_voices.tsv``)
is read as the document the text introduced last with that noun, and it speaks for that document's
author: the name after the noun ("un rapport de X"), the agent of the participle after it ("une enquête
menée par X"), or the subject of a verb of writing or publishing it is the object of ("X vient de
publier un rapport"; "X a lu le rapport" names a reader, not its author).
French press convention (the real-text gold: a study or survey speaks for the organisation that ran it).
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.state import ArticleState
from veille.quotes.words import AUTHORING_VERBS, DOCUMENT_ANAPHORS, DOCUMENT_NOUNS, PRENOMINAL

AUTHOR_TYPES = ("PER", "ORG")
AGENT_WINDOW = 6  # tokens from the noun to the "par" of "une enquête d'opinion conduite par X"


def document_head(toks: list[Any]) -> Any | None:
    """The document noun of a subject that takes a document up ("le rapport", "cette même enquête", "le
    rapport en question"): its determiner, at most one prenominal adjective, the noun; None otherwise."""
    if len(toks) < 2 or bare(toks[0].text) not in DOCUMENT_ANAPHORS:
        return None
    k = 2 if bare(toks[1].text) in PRENOMINAL and len(toks) > 2 else 1
    noun = toks[k]
    return noun if bare(noun.text) in DOCUMENT_NOUNS and noun.is_lower else None


def document_author(state: ArticleState, noun: Any, before: int) -> str | None:
    """The author of the document last introduced with ``noun``'s word before ``before`` (a character
    offset), or None when the text does not say who wrote that one."""
    word = bare(noun.text)
    for tok in reversed(state.doc[:noun.i]):
        if tok.idx >= before or bare(tok.text) != word or not tok.is_lower or state.in_quote(tok.idx):
            continue
        if not any(c.dep_ == "det" for c in tok.children):
            continue  # "par rapport à", "en note": the word, not a document
        author = _author_of(state, tok)
        if author is not None or not _takes_up(state, tok):
            # only the document brought in last with that noun: "un texte de loi a été adopté. Ce texte …"
            # is the law, whoever signed another "texte" paragraphs before
            return author
        # "Ce nouveau rapport fait …" with no author: the same document again, look further back
    return None


def _takes_up(state: ArticleState, tok: Any) -> bool:
    """The noun is itself written as taking a document up ("le rapport", "ce nouveau rapport")."""
    heads = (document_head(list(state.doc[lo:tok.i + 1])) for lo in (tok.i - 1, tok.i - 2) if lo >= 0)
    return any(h is not None and h.i == tok.i for h in heads)


def _author_of(state: ArticleState, tok: Any) -> str | None:
    sent = tok.sent
    names = [m for m in state.mentions if not m.in_quote and m.entity.type in AUTHOR_TYPES
             and sent.start_char <= m.start < sent.end_char]
    if not names:
        return None
    doc = state.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and bare(nxt.text) in ("de", "d'", "du", "des"):
        own = [m for m in names if nxt.idx < m.start <= nxt.idx + 12]
        if own:
            return own[0].entity.name  # "un rapport de X", "un sondage X" is read by the name rules
    agent = next((t for t in doc[tok.i + 1:min(len(doc), tok.i + 1 + AGENT_WINDOW)]
                  if bare(t.text) == "par" and t.sent == sent), None)
    if agent is not None:
        by = [m for m in names if agent.idx < m.start <= agent.idx + 8]
        if by:
            return by[0].entity.name  # "une enquête menée par X"
    if tok.dep_ == "obj" and tok.head.pos_ == "VERB" and bare(tok.head.lemma_) in AUTHORING_VERBS:
        verb = tok.head
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subj and verb.dep_ == "xcomp":  # "X vient de publier un rapport"
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
        for s in subj:
            lo, hi = s.left_edge.idx, s.right_edge.idx + len(s.right_edge.text)
            inside = {m.entity.name for m in names if lo <= m.start < hi}
            if len(inside) == 1:  # "X, Y ou Z ont signé le texte": many authors, no one voice
                return inside.pop()
    return None
