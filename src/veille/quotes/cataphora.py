"""Speaker rules for a cue-less quote whose speaker is named *after* it, in the next sentence: news
writing often opens a paragraph (or the article) on someone's words and only then says whose they
are ("« … » Claire Dubois estime avoir été dupée.", "« … » Ces propos, tenus par Paul Arnaud, …").
Without these rules such a quote goes to the last person named before it.
"""

from __future__ import annotations

import re
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.marks import MARK_FAMILY
from veille.quotes.quote_runs import cue_after_comma
from veille.quotes.rule_types import Decision
from veille.quotes.state import ArticleState
from veille.quotes.words import SPEECH_NOUNS

CLOSERS = " \t\n.…!?" + "".join(MARK_FAMILY)
# "« … » C'est ce qu'a déclaré X", "Voilà ce qu'affirme X", "C'est en ces termes que X a réagi"
WHAT_WAS_SAID = ("c'est ce qu", "c’est ce qu", "voila ce qu", "c'est en ces termes", "c’est en ces termes",
                 "c'est ainsi qu", "c’est ainsi qu")
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces", "ses", "les", "leurs", "leur"})
# "« … » Ce sont les mots de X", "Tels sont les propos de X", "Voilà la phrase de X" (folded words)
THESE_ARE = re.compile(r"(?:ce sont|c'est|tels sont|telles sont|telle est|tel est|voila|voici) "
                       r"(?:les |le |la |l'|ces |ses )?(\w+) (?:(?:tenue?s?|prononcee?s?|ecrite?s?) )?"
                       r"(?:de |d'|du |des |par )")
# "« … » Ces mots sont ceux de X", "Ces propos sont ceux d'une élue" (folded words)
THESE_WORDS_ARE = re.compile(r"(?:ces|les|de tels|de telles) (\w+) (?:sont|etaient|furent) (?:ceux|celles) (?:de |d'|du |des )")
# "Léon Marchal, syndicaliste, ne s'en cache pas.": frames with no speech verb that own the quote before them
AVOWAL_FRAMES = frozenset(cols[0] for cols in lexicon.rows("quotes/avowal_frames.tsv", min_columns=1))
# after "c'est ce que" / "c'est ainsi que": the subject itself (group 1 ends before it), or an inverted verb
# ("qu'analyse", "que commente", "qu'a rappelé") and the subject after it
INVERTED_VERB = r"()(?:(?:a|avait|aurait)\s+)?(?:[a-zà-ÿ]+\s+)?"


def _next_sentence(state: ArticleState, ctx: Any) -> tuple[int, int] | None:
    """The sentence right after the quote when the quote ends its own sentence: in the quote's
    paragraph, or the next paragraph's first when the quote ends its paragraph."""
    text = state.text
    ps, pe = ctx.para
    k = ctx.mark.end
    while k < pe and text[k] in CLOSERS:
        k += 1
    if k >= pe:
        nxt = next(((a, b) for a, b in state.segs if a >= pe and text[a:b].strip()), None)
        if nxt is None:
            return None
        k = state.skip_space(nxt[0])
    elif not any(c in ".…!?" for c in text[ctx.mark.end - 2:k]):
        return None  # "« … » dans les usines": the quote's sentence goes on
    if k >= len(text) or state.in_quote(k):
        return None
    _, se = state.sent_bounds(k)
    return k, min(se, state.seg_of(k)[1])


def _quote_opens_paragraph(state: ArticleState, ctx: Any) -> bool:
    """Nothing but a quotation mark before the quote in its paragraph (its sentence's first words)."""
    return not state.text[ctx.para[0]:ctx.mark.start].strip(" \t\n" + "".join(MARK_FAMILY))


def _credited(state: ArticleState, start: int, end: int) -> Decision | None:
    """The first person or organisation named, outside quotes, in ``[start, end)``."""
    named = next((m for m in state.mentions if start <= m.start < end and not m.in_quote
                  and m.entity.type in ("PER", "ORG")), None)
    return Decision(named.entity.name, state.text[named.start:named.end]) if named else None


def credited_in_next_sentence(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "« Nous ne céderons pas. » C'est ce qu'a déclaré mardi Claire Dubois." / "« … » Ce sont les
    mots de Claire Dubois." / "« … » Ces mots sont ceux de Claire Dubois, élue de l'opposition.": the
    sentence right after a cue-less quote credits it in so many words, wherever the quote stands in its
    paragraph; it comes before the rules that read the quote's context (a person named since the quote
    before, the lead sentence's subject)."""
    found = _next_sentence(state, ctx)
    if found is None:
        return None
    a, b = found
    head = bare(state.text[a:min(b, a + 60)])
    if head.startswith(WHAT_WAS_SAID):
        # "« … » C'est ce qu'a déclaré mardi Claire Dubois.": whoever the sentence's cue names
        for t in state.toks_in(a, b):
            cue = state.cue_at.get(t.i)
            if cue is None or cue.subj_start is None:
                continue
            named = next((m for m in state.mentions if cue.subj_start <= m.start < (cue.subj_end or 0)
                          and not m.in_quote and m.entity.type in ("PER", "ORG")), None)
            if named is not None:
                return Decision(named.entity.name, state.text[named.start:named.end])
            break
        # "« … » C'est ainsi que Claire Dubois, présidente de la région, a salué l'ouverture." (no speech cue:
        # the name that opens the clause after "que" is its subject), "« … » C'est ce qu'analyse Claire
        # Dubois." (a verb the lexicon lacks, its subject inverted right after it)
        opener = re.match(r"[^«»\"“”]{0,30}?\bqu(?:e\s+|['’]\s*)" + INVERTED_VERB, state.text[a:b])
        named = next((m for m in state.mentions if opener and a + opener.end(1) <= m.start <= a + opener.end()
                      and (m.subject or m.start > a + opener.end(1)) and not m.in_quote
                      and m.entity.type in ("PER", "ORG")), None)
        return Decision(named.entity.name, state.text[named.start:named.end]) if named else None
    words_of = THESE_ARE.match(head) or THESE_WORDS_ARE.match(head)
    if words_of and words_of.group(1) in SPEECH_NOUNS:
        # "« … » Ce sont les mots de Claire Dubois, mardi.": the words are credited in so many words
        return _credited(state, a + words_of.end(), b)
    return None


OWN_WORDS = re.compile(r"[«»“”\":]|\bqu(?:e\b|['’])")  # a cue's own words: a quote, a colon, a "que" clause


def named_in_next_paragraph(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "La digue a tenu. « Nous avons eu de la chance. »" then a paragraph "Paul Arnaud, maire de
    Vienne, le reconnaît volontiers. Les travaux reprendront lundi.": a cue-less quote that ends its paragraph
    (alone in it or after other sentences) is the words of the person the next paragraph opens on when
    that paragraph's first sentence is a speech cue of theirs that says nothing of its own (no quote, no
    colon, no "que" clause after the verb): the cue credits the quote before it, whoever spoke before."""
    text = state.text
    k = ctx.mark.end
    while k < ctx.para[1] and text[k] in CLOSERS:
        k += 1
    if k < ctx.para[1]:
        return None  # words follow the quote in its paragraph
    found = _next_sentence(state, ctx)
    if found is None:
        return None
    a, b = found
    first = next((m for m in state.mentions if m.start == a and not m.in_quote and m.entity.type in ("PER", "ORG")), None)
    if first is None:
        return None
    cue = next((state.cue_at[t.i] for t in state.toks_in(a, b) if t.i in state.cue_at), None)
    if cue is None and _avowal_frame(text[first.end:b]):
        return Decision(first.entity.name, text[first.start:first.end])
    if cue is None or cue.start < first.end or OWN_WORDS.search(text, cue.end, b):
        return None
    # the name opens the cue's subject, or only an apposition stands between them ("Paul Arnaud, maire de
    # Vienne, le reconnaît": a parse may take the apposition for the subject, or find none): no verb between
    if cue.subj_start is not None and not a <= cue.subj_start < cue.start:
        return None
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in state.toks_in(first.end, cue.start)):
        return None
    return Decision(first.entity.name, text[first.start:first.end])


def _avowal_frame(rest: str) -> bool:
    """True when what follows the name in its sentence is an apposition at most and then one of
    ``AVOWAL_FRAMES``, and nothing else ("…, syndicaliste à Lyon, ne s'en cache pas.")."""
    rest = re.sub(r"\s+", " ", bare(rest)).strip()
    rest = re.sub(r"^,[^,.;:!?«»\"]*, ", "", rest)
    return rest.rstrip(" .!") in AVOWAL_FRAMES


def named_in_next_sentence(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "« J'ai été dupé. » Paul Arnaud, 54 ans, estime avoir perdu toutes ses économies." /
    "« Je ne regrette rien. » Ces propos, tenus par Claire Dubois devant ses élèves, …": a quote that
    opens its paragraph, with nobody quoted before it there, is the words of the person the next
    sentence opens on when that person's verb is a speech or opinion cue, or of the one person a
    sentence about "ces propos", "ces mots" names (the credits in so many words:
    ``credited_in_next_sentence``)."""
    found = _next_sentence(state, ctx)
    if found is None:
        return None
    a, b = found
    head = bare(state.text[a:min(b, a + 60)])
    these = THESE_ARE.match(head) or THESE_WORDS_ARE.match(head)
    if head.startswith(WHAT_WAS_SAID) or these and these.group(1) in SPEECH_NOUNS:
        return None  # a credit in so many words: ``credited_in_next_sentence`` read it
    toks = state.toks_in(a, b)
    if not _quote_opens_paragraph(state, ctx):
        return None
    if len(toks) >= 2 and bare(toks[0].text) in DEMONSTRATIVES and bare(toks[1].text) in SPEECH_NOUNS:
        named = {m.entity.name: m for m in state.mentions
                 if a <= m.start < b and not m.in_quote and m.entity.type == "PER"}
        if len(named) == 1:
            m = next(iter(named.values()))
            return Decision(m.entity.name, state.text[m.start:m.end])
        return None
    if ctx.prev is not None and ctx.prev[1].speaker is not None and \
            state.seg_of(ctx.prev[0].start)[0] >= state.paragraph_start_before(ctx.para[0]):
        return None  # a quote just before may go on in this one: the chain rules decide
    first = next((m for m in state.mentions if m.start == a and m.entity.type in ("PER", "ORG")), None)
    if first is None:
        return None
    for t in toks:
        cue = state.cue_at.get(t.i)
        if cue is not None and cue.subj_start is not None and cue.subj_start <= a < (cue.subj_end or 0):
            return Decision(first.entity.name, state.text[first.start:first.end])
    return None


AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*ans\b")
FIRST_PERSON = re.compile(r"\b(?:je|j['’]|me|m['’]|moi|nous|mon|ma|mes|notre|nos)\b", re.I)


def subject_of_next_sentence(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "« On m'a volé mes économies. » Paul Arnaud, 61 ans, a porté plainte mardi.": a quote in the
    first person that opens its paragraph, with no quote before it there, belongs to the person the next
    sentence opens on as its subject, even when that sentence's verb is no speech verb (the words lead,
    the speaker follows)."""
    if not _quote_opens_paragraph(state, ctx) or not FIRST_PERSON.search(state.text, ctx.mark.start, ctx.mark.end):
        return None
    if ctx.prev is not None and state.seg_of(ctx.prev[0].start) == ctx.para:
        return None
    found = _next_sentence(state, ctx)
    if found is None:
        return None
    a, b = found
    first = next((m for m in state.mentions if m.start == a and not m.in_quote), None)
    if first is None or not first.subject or first.entity.type != "PER" and not AGE_AFTER.match(state.text, first.end):
        return None  # ("Dominique, 54 ans, …": an age in apposition makes a person of a name read as a place)
    return Decision(first.entity.name, state.text[first.start:first.end])


def incise_of_later_quote(state: ArticleState, ctx: Any, resolve: Any) -> Decision | None:
    """Example "Si la digue a cédé, c'est parce que, « faute d'entretien » depuis des années, « elle ne
    pouvait plus tenir », estiment les ingénieurs consultés.": a quote with no cue of its own, followed in
    its sentence by a second quote that an inverted cue right after it attributes ("…», estiment X"),
    is that cue's speaker's, whether X is named or not (nobody else speaks in between)."""
    text = state.text
    ss, se = state.sent_bounds(ctx.mark.start)
    stop = min(se, ctx.para[1])
    later = sorted((qs, qe) for qs, qe in state.quote_ranges if ctx.mark.end <= qs < stop)
    if not later:
        return None
    for qs, qe in later:
        if SENTENCE_BREAK.search(text, ctx.mark.end, qs):
            return None
        k = qe
        while k < stop and (text[k].isspace() or text[k] in MARK_FAMILY):
            k += 1
        if k >= stop or text[k] != ",":
            continue
        cue = cue_after_comma(state, k)
        if cue is None or not cue.inverted or cue.subj_start is None:
            return None
        resolve(state, cue)
        return Decision(cue.speaker, cue.subj_text) if cue.rule else None
    return None


SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÀ-Þ«“\"]")
