"""Constructions of French reported speech that decide whether, and how far, a speech verb reports a
clause (issue 16): wishes and thoughts that report nothing, a report inside a clause fronted before the
main clause, and "Comme l'a dit X, <clause>". The words are data (``lexicons/quotes/indirect.tsv``)."""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.state import ArticleState, Cue
from veille.quotes.words import QUE, SUBJECT_CLITICS

_groups = lexicon.groups("quotes/indirect.tsv")
WISH = _groups["wish"]
THOUGHT_REFLEXIVE = _groups["thought_reflexive"]
FRONTED_SUB = frozenset(tuple(p.split()) for p in _groups["fronted_sub"])
AS_REPORT = frozenset(tuple(p.split()) for p in _groups["as_report"])
COMPARISON = _groups["comparison"]
TIME_NOUNS = _groups["time_noun"]
CLAUSE_BREAKS = frozenset(tuple(p.split()) for p in _groups["clause_break"])
OWN_VOICE_MODALS = _groups["own_voice_modal"]
CLAUSE_NOUNS = _groups["clause_noun"]
REFLEXIVE_INCISES = _groups["reflexive_incise"]
WRITER_ASIDES = frozenset(tuple(p.split()) for p in _groups["writer_aside"])
INCISE_MODALS = _groups["incise_modal"]
ADDRESSEE_VERBS = _groups["addressee_verb"]
MEANING_MODALS = _groups["meaning_modal"]
CAUSE_VERBS = _groups["cause_verb"]
LITOTES_MODALS = _groups["litotes_modal"]
PARTICIPLE_LEADS = _groups["participle_lead"]
SENTENCE_JOINERS = _groups["sentence_joiner"]
FIRST_SECOND = (["1"], ["2"])
REFLEXIVE = frozenset({"se", "s'"})
OBJECT_ARTICLES = frozenset({"l'", "le", "la"})


def _lemma(tok: Any) -> str:
    return bare(tok.lemma_)


def not_a_report(state: ArticleState, cue: Cue) -> bool:
    """True when the cue's "que" clause is no claim of anyone: a wish ("Paul Arnaud espère que le pont
    rouvrira"), a report only wished for ("On aurait aimé qu'il rappelle que …"), or a thought ("Il se
    dit que tout ira bien", "Elle s'assure que la porte est fermée")."""
    tok, doc = cue.tok, state.doc
    if _lemma(tok) in WISH:
        return True
    j = tok.i - 1
    while j >= 0 and (doc[j].pos_ in ("AUX", "ADV") or doc[j].text.startswith("-")):
        j -= 1
    if _lemma(tok) == "dire" and j >= 0 and _lemma(doc[j]) in MEANING_MODALS:
        return True  # "veut dire que …": a meaning, not a saying
    if j >= 0 and bare(doc[j].text) in REFLEXIVE and _lemma(tok) in THOUGHT_REFLEXIVE:
        return True
    # a speech verb in the "que" clause of a wish: "aurait aimé qu'elles disent que …" (not its
    # infinitive: "a souhaité rappeler que …" is a report)
    head = tok
    for _ in range(3):
        if head.head.i == head.i:
            break
        if head.dep_ == "ccomp" and _lemma(head.head) in WISH and head.head.i < tok.i:
            return True
        head = head.head
    k = tok.i - 1
    sent_start = tok.sent.start
    while k > sent_start and tok.i - k <= 6:
        if bare(doc[k].text) in QUE:
            m = k - 1
            while m >= sent_start and doc[m].pos_ in ("AUX", "ADV"):
                m -= 1
            return m >= sent_start and _lemma(doc[m]) in WISH
        k -= 1
    return False


def _starts_with(words: list[str], phrases: frozenset[tuple[str, ...]]) -> tuple[str, ...] | None:
    for p in sorted(phrases, key=len, reverse=True):
        if tuple(words[:len(p)]) == p:
            return p
    return None


def _sentence_words(state: ArticleState, tok: Any, n: int = 3) -> list[str]:
    """The first ``n`` folded words of ``tok``'s sentence, an elided word split as the tokenizer may not."""
    out: list[str] = []
    for t in tok.sent[:n + 1]:
        low = bare(t.text)
        if "'" in low[:-1] and not low.endswith("'"):
            head, _, rest = low.partition("'")
            out += [head + "'", rest]
        else:
            out.append(low)
    return out


def main_clause_cut(state: ArticleState, cue: Cue, s: int, e: int) -> int:
    """Example "Alors que Paul Arnaud avait affirmé qu'il resterait, il a démissionné lundi.": a report
    made inside a clause set before the main clause (a fronted "alors que", "si", "quand", a relative
    "où il se disait que …") ends at the comma where the main clause starts. ``e`` when nothing cuts."""
    tok, doc = cue.tok, state.doc
    root = tok.sent.root
    words = _sentence_words(state, tok, 5)
    while words and (words[0] in SENTENCE_JOINERS or words[0] == ","):
        words = words[1:]  # "Mais si les habitants disent que …, ils …": a joiner before the subordinator
    fronted = _starts_with(words, FRONTED_SUB) is not None or fronted_participle(tok)
    subordinate = root.i > tok.i and tok.dep_ in ("advcl", "acl:relcl", "acl") \
        and not _governs(tok, root) and _verbal(root) and _marked(tok)
    if not (fronted or subordinate):
        return relative_cut(state, cue, s, e)
    # the speech verb stands in the fronted clause itself (no comma before it in its sentence)
    in_fronted = not any(t.text == "," and not state.in_quote(t.idx) for t in doc[tok.sent.start:tok.i])
    for t in doc[tok.i + 1:]:
        if t.idx >= e:
            break
        if t.idx < s or t.text != "," or state.in_quote(t.idx):
            continue
        nxt = list(doc[t.i + 1:t.i + 4])
        if not nxt:
            break
        whole = _quoted_whole(state, s, t.idx)  # "Si elle estime que « … », Léa Roy …": quoted whole
        if not (_finite_between(state, s, t.idx) or whole):
            continue  # "a déclaré qu'à long terme, il était prêt …": the report has no verb yet
        if subordinate and (nxt[0].i == root.i or nxt[0].head.i == root.i and nxt[0].pos_ == "AUX"):
            return t.idx  # "Le fils, qui prétendait que …, a attiré l'attention": the main verb resumes
        if bare(nxt[0].text) in SUBJECT_CLITICS and any(
                x.pos_ in ("AUX", "VERB") and "Fin" in x.morph.get("VerbForm") for x in nxt[1:]):
            return t.idx  # ", il a rejeté …": the main clause
        if (subordinate or fronted) and tok.i < nxt[0].i <= root.i and _subject_of(nxt[0], root):
            return t.idx  # ", Claire Dubois a repris le domaine"
        if fronted and in_fronted and (_finite_between(state, s, t.idx) or whole):
            # "Si Paul Arnaud considère que la réforme est juste, Claire Dubois …" (the parser often
            # makes the speech verb the root): the report is whole at the first comma after its verb
            return t.idx
    return relative_cut(state, cue, s, e)  # "L'article, qui précise que …, n'est pas en cause": no parse cut


def fronted_participle(tok: Any) -> bool:
    """Example "Soulignant que le texte est prêt, le ministre a rappelé …": a present participle opening its
    sentence (or a gerund, "En affirmant que", or "Après avoir rappelé que") heads a clause set before
    the main clause, like a fronted subordinator."""
    first = next((t for t in tok.sent if not (t.is_space or t.is_punct)), None)
    if first is None or first.i > tok.i or tok.i - first.i > 3 or "Part" not in tok.morph.get("VerbForm"):
        return False
    leads = [bare(t.text) for t in tok.doc[first.i:tok.i]]
    if any(w not in PARTICIPLE_LEADS for w in leads):
        return False  # ("En affirmant", "Tout en rappelant", "Après avoir rappelé")
    return "Pres" in tok.morph.get("Tense") or (leads[-1:] == ["avoir"] and "Past" in tok.morph.get("Tense"))


def _verbal(root: Any) -> bool:
    """True when ``root`` is a verb or a predicate with its copula: a main clause the parser found, not a
    time word it left hanging ("… de faire tomber, mardi, le gouvernement")."""
    return root.pos_ in ("VERB", "AUX") or any(ch.dep_ == "cop" for ch in root.children)


def _marked(tok: Any) -> bool:
    """True when the clause of ``tok`` opens on a subordinator or a relative pronoun, or is a participle's:
    a clause the parser set under the main verb without one ("Lisbonne - La commission a annoncé …, le
    gouvernement … est débattu") is a misparse, not a subordinate clause."""
    return tok.dep_ == "acl" or any(ch.dep_ == "mark" or "Rel" in ch.morph.get("PronType") for ch in tok.children)


def relative_cut(state: ArticleState, cue: Cue, s: int, e: int) -> int:
    """Example "Paul Arnaud, qui avait affirmé que la mairie était ruinée, a voté le budget": a report made
    in a relative clause after a comma ends at the comma where a verb without subject (the main clause's)
    resumes, whatever the parse. ``e`` when nothing cuts."""
    doc = state.doc
    comma = _relative_opener(state, cue)
    if comma is None:
        return e
    for t in doc[cue.tok.i + 1:]:
        if t.idx >= e:
            break
        if t.idx < s or t.text != "," or state.in_quote(t.idx) or not (
                _finite_between(state, s, t.idx) or _quoted_whole(state, s, t.idx)):
            continue
        j = t.i + 1
        while j < len(doc) and doc[j].pos_ == "ADV":
            j += 1
        if j < len(doc) and doc[j].pos_ in ("AUX", "VERB") and "Fin" in doc[j].morph.get("VerbForm"):
            return t.idx
        if fronted_adjunct(state, doc[comma]) and j < len(doc) and bare(doc[j].text) not in RELATIVE_GOES_ON:
            return t.idx  # "Pour Paul Arnaud, qui a assuré que …, la priorité reste l'école": the main clause
    return e


RELATIVE_GOES_ON = _groups["relative_goes_on"]
RELATIVE_OPENERS = _groups["relative_opener"]


def _relative_opener(state: ArticleState, cue: Cue) -> int | None:
    """Index of the comma before the relative pronoun that opens the clause of ``cue`` (", qui a dit que",
    ", dont Paul Arnaud a dit que", ", à laquelle le maire a répondu que"), or None. Only the cue's subject
    may stand between them; a comma or a quotation mark in between means another construction."""
    doc = state.doc
    k = (cue.start_tok if cue.start_tok is not None else cue.tok.i) - 1
    sent_start = cue.tok.sent.start
    for j in range(k, max(sent_start, k - 8) - 1, -1):
        word = bare(doc[j].text)
        if doc[j].is_punct:
            return None
        if word in RELATIVE_OPENERS:
            before = j - 1
            if before >= sent_start and doc[before].pos_ == "ADP" and word != "dont":
                before -= 1  # "à laquelle", "avec qui"
            return before if before >= 1 and doc[before].text == "," else None
    return None


def fronted_adjunct(state: ArticleState, comma: Any) -> bool:
    """True when the sentence of ``comma`` opens on a preposition or adverb ("Pour X, qui …", "Selon X,
    qui …"): the relative clause after ``comma`` hangs on a phrase set before the main clause."""
    first = comma.sent[0]
    while first.i < comma.i and first.is_space:
        first = first.doc[first.i + 1]
    return first.pos_ in ("ADP", "ADV") and first.i < comma.i


def _finite_between(state: ArticleState, s: int, e: int) -> bool:
    return any(t.idx >= s and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
               and not state.in_quote(t.idx) for t in state.toks_in(s, e))


def _quoted_whole(state: ArticleState, s: int, e: int) -> bool:
    """True when ``text[s:e]`` is one quotation, marks included ("qui précise que « … », n'est pas …")."""
    text = state.text
    a, b = s, e
    while a < b and (text[a].isspace() or text[a] in "«“\""):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "»”\""):
        b -= 1
    return b > a and any(qs <= a and b <= qe for qs, qe in state.quote_ranges)


def _governs(tok: Any, other: Any) -> bool:
    """True when ``other`` hangs (at any depth) on ``tok``."""
    h = other
    for _ in range(40):
        if h.i == tok.i:
            return True
        if h.head.i == h.i:
            return False
        h = h.head
    return False


def _subject_of(first: Any, root: Any) -> bool:
    """True when ``first`` opens the subject of ``root`` (or is the root)."""
    if first.i == root.i:
        return True
    return any(c.dep_.startswith("nsubj") and c.left_edge.i == first.i for c in root.children)


def as_report_clause(state: ArticleState, cue: Cue) -> tuple[int, int] | None:
    """Example "Comme l'a rappelé Claire Dubois lundi, la piscine restera fermée.": the clause after the
    comma is what the cue's subject said. Sets the cue's subject (the words up to that comma); the
    clause span, or None when the sentence is not of this form."""
    tok, doc = cue.tok, state.doc
    words = _sentence_words(state, tok, 4)
    lead = _starts_with(words, AS_REPORT)
    if lead is None:
        return None
    sent = tok.sent
    j = sent.start + len(lead)
    if j >= tok.i or bare(doc[j].text) not in OBJECT_ARTICLES:
        return None
    if any(doc[k].pos_ not in ("AUX", "ADV") and not doc[k].text.startswith("-") for k in range(j + 1, tok.i)):
        return None
    comma = next((t for t in doc[tok.i + 1:sent.end] if t.text == "," and not state.in_quote(t.idx)), None)
    if comma is None or comma.i - tok.i > 12 or comma.i == tok.i + 1:
        return None
    subj = [t for t in doc[tok.i + 1:comma.i] if bare(t.text) not in state.res.time_words]
    while subj and subj[-1].pos_ in ("ADV", "NUM", "ADP"):
        subj.pop()
    if not subj or subj[0].text.startswith("-"):
        return None
    cue.subj_start, cue.subj_end = subj[0].idx, subj[-1].idx + len(subj[-1].text)
    cue.subj_text = state.text[cue.subj_start:cue.subj_end]
    cue.inverted = True
    cue.resolved = False
    s = state.skip_space(comma.idx + 1)
    return (s, sent.end_char) if state.words(s, sent.end_char) >= 3 else None


def writer_voice(state: ArticleState, tok: Any) -> bool:
    """Example "J'ai dit que …", "Je veux juste signaler que …", "Vous devez vous assurer que …": an
    auxiliary or a governing verb in the first or second person makes the speech verb the writer's (or the
    reader's), which quotes nobody."""
    doc = state.doc
    h = tok.head
    if tok.dep_ == "xcomp" and h.i < tok.i and _lemma(h) in OWN_VOICE_MODALS and h.morph.get("Person") in FIRST_SECOND \
            and not third_person_subject(state, h):
        return True  # "Je tiens, au nom de tous, à rappeler que", "Vous devez tout de suite savoir que"
    j = tok.i - 1
    while j >= 0 and tok.i - j <= 5:
        t = doc[j]
        if t.pos_ == "AUX" or (t.pos_ == "VERB" and _lemma(t) in OWN_VOICE_MODALS):
            if t.morph.get("Person") in FIRST_SECOND:
                return True
        elif not (t.pos_ in ("ADV", "PART", "PRON") and j < tok.i - 1 or t.pos_ in ("ADV", "PART")
                  or bare(t.text) in REFLEXIVE_CLITICS or t.text.startswith("-")):
            break
        j -= 1
    return False


REFLEXIVE_CLITICS = frozenset({"se", "s'", "me", "m'", "te", "t'", "nous", "vous"})


def object_before_que(state: ArticleState, cue: Cue, que: Any) -> bool:
    """Example "Claire Dubois raconte l'hiver que son voisin lui a fait vivre": a noun phrase opening on a
    determiner right after the speech verb is its object, and the "que" after it opens a relative clause;
    a time phrase there ("a annoncé ce lundi que", "a dit la semaine dernière que") is no object."""
    doc = state.doc
    if addressee_verb(cue):
        return False
    k = cue.tok.i + 1
    while k < que.i and doc[k].pos_ == "ADV":
        k += 1
    if k >= que.i or doc[k].pos_ != "DET":
        return False
    nouns = [t for t in doc[k + 1:que.i] if t.pos_ in ("NOUN", "PROPN", "NUM")]
    if not nouns:
        return False
    first = nouns[0]
    if que.i == first.i + 1 and bare(first.lemma_) in CLAUSE_NOUNS:
        return False  # "déplore le fait que …": the noun takes the reported clause
    return not (first.pos_ == "NUM" or time_noun(state, first))


def addressee_verb(cue: Cue) -> bool:
    """Example "Claire Dubois a averti les habitants que la piscine restera fermée": the verb's object is the
    one told (``addressee_verb``), so the "que" after it opens the report, not a relative clause."""
    return _lemma(cue.tok) in ADDRESSEE_VERBS


def causal_subjunctive(state: ArticleState, cue: Cue, s: int, e: int) -> bool:
    """Example "Ce retard explique que la piscine soit fermée": a verb of explaining (``cause_verb``) whose
    clause is in the subjunctive gives the cause of a fact; nobody's words are reported."""
    if _lemma(cue.tok) not in CAUSE_VERBS:
        return False
    verb = next((t for t in state.toks_in(s, e) if t.idx >= s and t.pos_ in ("VERB", "AUX")
                 and "Fin" in t.morph.get("VerbForm") and not state.in_quote(t.idx)), None)
    return verb is not None and "Sub" in verb.morph.get("Mood")


def litotes_modal(tok: Any) -> bool:
    """Example "Paul Arnaud n'a pas manqué de rappeler que …": ``tok`` is a verb of ``litotes_modal``
    negated ("ne … pas" within four words before it), which passes the infinitive after it on as said."""
    if _lemma(tok) not in LITOTES_MODALS:
        return False
    before = [bare(t.text) for t in tok.doc[max(0, tok.i - 4):tok.i]]
    return any(w in ("ne", "n'") for w in before) and any(w in ("pas", "jamais") for w in before)


def time_noun(state: ArticleState, tok: Any) -> bool:
    """True when ``tok`` is a noun of time ("semaine", "lundi", "matin"): a phrase it heads between a
    speech verb and "que" is a time phrase, not the verb's object ("a annoncé la semaine dernière que")."""
    return bare(tok.text) in TIME_NOUNS or bare(tok.lemma_) in TIME_NOUNS or bare(tok.text) in state.res.time_words


def clause_break(state: ArticleState, i: int) -> bool:
    """True when the words from token ``i`` (after a comma) end a reported clause ("…, alors que …")."""
    words = [bare(t.text) for t in state.doc[i:i + 2]]
    return any(tuple(words[:len(p)]) == p for p in CLAUSE_BREAKS)


def writer_aside(state: ArticleState, i: int) -> bool:
    """Example "Paul Arnaud a affirmé que la somme était versée, ce que contestent les syndicats": from
    token ``i`` (after a comma) the writer sets another party's speech act against the report, or beside
    it ("…, comme l'a rappelé la mairie"): "ce que" or "comme" and a speech verb within five words; the
    reported clause ends before it."""
    doc = state.doc
    words = [bare(t.text) for t in doc[i:i + 2]]
    lead = next((p for p in WRITER_ASIDES if tuple(words[:len(p)]) == p), None)
    if lead is None:
        return False
    # (within five words: "comme il l'avait pourtant reconnu")
    return any(state.res.cue_entry(t) is not None for t in doc[i + len(lead):i + len(lead) + 5]
               if not state.in_quote(t.idx))


def aside_cue(state: ArticleState, cue: Cue) -> bool:
    """True when ``cue`` is the verb of a writer's aside ("…, ce que dément la mairie"): its object is the
    "ce que" before it, and it reports no clause of its own."""
    doc = state.doc
    j = cue.tok.i - 1
    while j > 0 and cue.tok.i - j <= 4:
        if bare(doc[j].text) in QUE and bare(doc[j - 1].text) == "ce":
            return True
        if doc[j].pos_ not in ("AUX", "ADV", "PRON") and not doc[j].text.startswith("-"):
            return False
        j -= 1
    return False


def third_person_subject(state: ArticleState, tok: Any) -> bool:
    """Example "Paul Arnaud estime, plus que jamais, que …": "estime" is first or third person, and the
    tagger may say first; a noun or name as the verb's subject (by the parse) makes it the third."""
    return any(c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


def impersonal_passive(state: ArticleState, cue: Cue) -> bool:
    """Example "Il a été annoncé que la piscine fermera": an impersonal "il" with a passive speech verb
    names nobody (the "il" has no antecedent)."""
    doc, tok = state.doc, cue.tok
    before = [bare(t.text) for t in doc[max(0, tok.i - 4):tok.i]]
    if cue.inverted or bare(cue.subj_text or "il") != "il":
        return False
    if "ete" in before and "il" in before[:2 + before.index("ete")]:
        return True
    # "Il est précisé que …", "il était rappelé que …": a speech verb takes "avoir" in the active, so
    # "il" + "être" + its participle is the passive
    j = tok.i - 1
    while j > 0 and doc[j].pos_ == "ADV":
        j -= 1
    return "Part" in tok.morph.get("VerbForm") and j > 0 and bare(doc[j].lemma_) == "etre" \
        and bare(doc[j - 1].text) == "il"


def bare_participle(state: ArticleState, cue: Cue) -> bool:
    """Example "Le coureur, reconnu pour la voiture qu'il allait piloter, …": a past participle with no
    auxiliary describes a noun; the "que" after it is a relative pronoun, and nothing is reported."""
    tok, doc = cue.tok, state.doc
    if "Part" not in tok.morph.get("VerbForm") or "Past" not in tok.morph.get("Tense") or cue.inverted:
        return False
    if any(ch.pos_ == "AUX" or ch.dep_.startswith("aux") for ch in tok.children):
        return False
    if subject_right_before(tok):
        return False  # "Claire Dubois avertit que …": the tagger read a finite verb as a participle
    j = tok.i - 1
    while j >= 0 and tok.i - j <= 4 and (doc[j].pos_ in ("ADV", "PRON", "AUX") or doc[j].text.startswith("-")):
        if doc[j].pos_ == "AUX" or doc[j].text.startswith("-"):
            return False
        j -= 1
    return not aux_before_aside(doc, j)


def aux_before_aside(doc: Any, j: int) -> bool:
    """Example "Paul Arnaud a, par ailleurs, précisé que …": token ``j`` closes an adverbial set off by commas
    (at most five words) right after an auxiliary; the participle after it is a compound tense's."""
    if j < 0 or doc[j].text != ",":
        return False
    k = j - 1
    while k >= 0 and j - k <= 6 and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        k -= 1
    return k >= 1 and k < j - 1 and doc[k].text == "," and doc[k - 1].pos_ == "AUX"


def question(state: ArticleState, cue: Cue) -> bool:
    """Example "Paul Arnaud a-t-il dit que la piscine fermera ?": a speech verb asked about (an inverted
    clitic before the clause, a question mark closing the sentence) reports nothing."""
    tok = cue.tok
    inverted_clitic = any(t.text.startswith("-") and t.pos_ == "PRON" for t in state.doc[max(0, tok.i - 3):tok.i + 2])
    return inverted_clitic and tok.sent.text.rstrip(" »”\"").endswith("?")


def reflexive_incise(state: ArticleState, tok: Any) -> bool:
    """Example "Le journal compte six reporters, auxquels s'ajoutent dix pigistes": a speech verb made
    reflexive ("s'ajouter", "se poursuivre") says what happens; it is no inverted incise."""
    doc = state.doc
    j = tok.i - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "ADV"):
        j -= 1
    return j >= 0 and bare(doc[j].text) in REFLEXIVE and _lemma(tok) in REFLEXIVE_INCISES


def opens_on_subordinator(state: ArticleState, s: int) -> bool:
    """Example "Lorsque c'est possible, écrivent les journalistes, les œuvres sont mises à l'abri": the
    words from ``s`` open on a subordinator (``fronted_sub``), a clause that needs a main clause."""
    tok = state.tok_at(state.skip_space(s))
    words = [bare(t.text) for t in tok.doc[tok.i:tok.i + 3]]
    return _starts_with(words, FRONTED_SUB) is not None


def predicate_adjective(state: ArticleState, cue: Cue) -> bool:
    """Example "Paul Arnaud a jugé inacceptable que la ville ferme l'école": an adjective right after the verb
    is what the speaker thinks of a fact; the "que" clause is that fact, not words reported."""
    doc = state.doc
    k = cue.tok.i + 1
    while k < len(doc) and doc[k].pos_ == "ADV":
        k += 1
    return k + 1 < len(doc) and doc[k].pos_ == "ADJ" and bare(doc[k + 1].text) in QUE \
        and bare(doc[k].lemma_) not in QUANTIFIERS  # "admettent tous que …" is a report


QUANTIFIERS = frozenset({"tout", "tous", "toute", "toutes", "meme", "seul"})


def subject_right_before(tok: Any) -> bool:
    """Example "Le maire Paul Arnaud dit que …": the verb's subject (by the parse) ends right before it, with
    no comma between (a participle describing a noun is set off by one: "Le coureur, reconnu pour …");
    the verb is finite whatever its tag; so is a verb right after a subject clitic."""
    doc = tok.doc
    if tok.i > 0 and bare(doc[tok.i - 1].text) in SUBJECT_CLITICS:
        return True  # "Elle avertit que …": no participle follows a subject clitic
    for ch in tok.children:
        if ch.dep_ in ("nsubj", "nsubj:pass") and ch.i < tok.i and ch.pos_ in ("NOUN", "PROPN"):
            end = max(t.i for t in ch.subtree if t.i < tok.i)
            return end == tok.i - 1 and not any(t.text == "," for t in doc[ch.left_edge.i:tok.i])
    return False


def modal_right_before(state: ArticleState, tok: Any) -> bool:
    """True when the word right before the infinitive ``tok`` is a verb that passes speech on ("fait
    savoir")."""
    if tok.i == 0 or "Inf" not in tok.morph.get("VerbForm"):
        return False
    prev = state.doc[tok.i - 1]
    entry = state.res.by_lemma.get(prev.lemma_.lower())
    return prev.pos_ in ("VERB", "AUX") and entry is not None and "modal" in entry.flags


def incise_verb(state: ArticleState, cue: Cue) -> Any:
    """The verb an inverted cue is written with: the modal of "…, a fait savoir la mairie", else the cue's
    own verb."""
    return state.doc[cue.tok.i - 1] if modal_right_before(state, cue.tok) else cue.tok
