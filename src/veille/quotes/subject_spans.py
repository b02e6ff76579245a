"""The words of a speech cue's subject: the character span of the noun phrase a parsed subject heads
(stopping at the verb, at adjuncts after an inverted subject), and the verb forms it is read around."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.state import ArticleState
from veille.quotes.words import DOCUMENT_NOUNS, SUBJECT_END


def is_present_participle(tok: Any) -> bool:
    """True for a present participle ("soulignant"), also when the tagger left out its form."""
    form = tok.morph.get("VerbForm")
    return ("Part" in form and "Pres" in tok.morph.get("Tense")) or (
        tok.pos_ == "VERB" and not form and bare(tok.text).endswith("ant"))


def noun_after_det(doc: Any, j: int) -> bool:
    """Example "a indiqué son exploitant Paul Arnaud" / "a tenté le prévenu": a word in -ant or a past
    participle right after a determiner is a noun ("l'exploitant", "les habitants", "l'accusée", "les
    élus") that the tagger read as a verb form."""
    t = doc[j]
    if not (t.pos_ in ("VERB", "AUX") and j > 0 and doc[j - 1].pos_ == "DET"):
        return False
    return bare(t.text).endswith(("ant", "ants")) or (
        "Part" in t.morph.get("VerbForm") and "Pres" not in t.morph.get("Tense"))


def authored_by(doc: Any, j: int) -> bool:
    """True when ``doc[j]`` is a past participle followed by "par" ("un sondage réalisé par l'institut X",
    "un sondage réalisé par l'institut Y"): after a document noun, the agent phrase belongs to the inverted
    subject (not after people: "les experts interrogés par le journal" are not the journal's voice)."""
    t = doc[j]
    return "Part" in t.morph.get("VerbForm") and "Pres" not in t.morph.get("Tense") \
        and j + 1 < len(doc) and bare(doc[j + 1].text) == "par" \
        and j > 0 and (bare(doc[j - 1].lemma_) in DOCUMENT_NOUNS or bare(doc[j - 1].text) in DOCUMENT_NOUNS)


def np_span(state: ArticleState, head: Any, verb: Any) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``head`` (its subtree, stopping at the verb and
    at prepositional adjuncts after an inverted subject)."""
    doc = state.doc
    if head.i > verb.i:
        # inverted subject: up to a comma closing an apposition pair, or a preposition
        j = head.i
        end = head.i
        commas = 0
        # not the parser's sentence end: it sometimes splits inside a name ("Air | Horizon")
        seg_end = state.seg_of(verb.idx)[1]
        sent_end = len(doc)
        while j < sent_end and doc[j].idx < seg_end:
            t = doc[j]
            if j > head.i and inside_name(state, t, doc[head.i].idx):
                end = j  # "le député Union pour la Ville Paul Arnaud": a name runs over "pour"
                j += 1
                continue
            close = next((x for x in range(j + 1, min(sent_end, j + 5)) if doc[x].text == ")"), None)
            if t.text == "(" and close is not None and close + 1 < sent_end and doc[close + 1].pos_ == "PROPN":
                end = j = close + 1  # "le député de l'Union pour la Ville (UV) Paul Arnaud": an acronym
                continue
            if t.text in (".", ";", ":", "!", "?", "«", "»", "(", ")"):
                break
            if t.text == ",":
                commas += 1
                nt = doc[j + 1] if j + 1 < sent_end else None
                # "le président du Conseil européen, Charles Michel, dans une vidéo"
                if commas > 2 or nt is None or nt.pos_ not in ("PROPN", "DET", "NOUN", "ADJ"):
                    break
                if commas == 2:
                    break
            elif bare(t.text) in SUBJECT_END:
                break
            elif t.pos_ in ("VERB", "AUX", "SCONJ") and j > head.i and not noun_after_det(doc, j) \
                    and not authored_by(doc, j):
                break
            elif j > head.i and bare(t.text) in state.res.time_words and t.is_lower:
                break  # "a déclaré Paul Arnaud mardi soir": the time is not part of the name
            end = j
            j += 1
        first = head.left_edge if verb.i < head.left_edge.i <= head.i else head
        return first.idx, doc[end].idx + len(doc[end].text)
    left = head.left_edge
    right = head.right_edge
    if right.i >= verb.i:
        right = doc[verb.i - 1]
    while right.i > left.i and (right.pos_ in ("PUNCT", "AUX") or right.text.startswith("-")
                                or "Rel" in right.morph.get("PronType")):
        right = doc[right.i - 1]
    # a sentence-initial adjunct is not part of the subject
    return left.idx, right.idx + len(right.text)


def inside_name(state: ArticleState, tok: Any, since: int) -> bool:
    """True when ``tok`` lies inside an entity mention that started at or after ``since`` (and before it)."""
    return any(since <= m.start < tok.idx < m.end for m in state.mentions)
