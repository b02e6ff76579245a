"""What the quote stage loads once: speech verbs, speaker nouns, the KB's genders and demonyms.

``QuoteResources`` is built by ``QuoteStage`` and read (never changed) by every article's walk.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.words import SUBJECT_CLITICS, TIME_FILLERS

log = logging.getLogger("veille.quotes")


@dataclass
class CueEntry:
    """A speech verb of ``lexicons/speech_verbs.tsv``: lemma, language and flags (que, incise, cont …)."""
    lemma: str
    lang: str
    flags: frozenset[str]


def _french_forms(lemma: str) -> list[str]:
    """Regular inflections of a first- or second-group verb (the forms a cue takes in news)."""
    if lemma.endswith("er"):
        st = lemma[:-2]
        soft = st + "e" if st.endswith("g") else st  # jugeant, jugeait
        cedil = st[:-1] + "ç" if st.endswith("c") else st  # lançant
        base = [st + x for x in ("e", "es", "ent", "é", "ée", "és", "ées", "era", "eront", "erait",
                                 "eraient", "er")]
        base += [(soft if st.endswith("g") else cedil) + x for x in ("ant", "ait", "aient", "a")]
        return base
    if lemma.endswith("ir"):
        st = lemma[:-2]
        return [st + x for x in ("it", "is", "issent", "i", "ie", "issant", "issait", "issaient",
                                 "ira", "irait", "ir")]
    return [lemma]


def _speech_verb_rows(path: Path | None) -> list[tuple[str, ...]]:
    if path is None:
        return lexicon.rows("speech_verbs.tsv", min_columns=3)
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(tuple(col.strip() for col in line.split("\t")))
    return out


def load_speech_verbs(path: Path | None = None) -> tuple[dict[str, CueEntry], dict[str, CueEntry]]:
    """(lemma -> entry, folded surface form -> entry) from ``speech_verbs.tsv``, then (when no ``path`` is
    given) the reporting verbs of ``quotes/report_verbs.tsv`` that file lacks."""
    by_lemma: dict[str, CueEntry] = {}
    by_form: dict[str, CueEntry] = {}
    main_rows = _speech_verb_rows(path)
    known = {re.sub(r"^(s'|se )", "", cols[0]) for cols in main_rows}
    extra = [] if path is not None else [
        cols for cols in lexicon.rows("quotes/report_verbs.tsv", min_columns=3)
        if re.sub(r"^(s'|se )", "", cols[0]) not in known]
    for cols in main_rows + extra:
        lemma = re.sub(r"^(s'|se )", "", cols[0])
        entry = CueEntry(lemma, cols[1], frozenset(f.strip() for f in cols[2].split(",")))
        forms = [f.strip() for f in cols[3].split(",")] if len(cols) > 3 and cols[3] else []
        if entry.lang == "fr":
            by_lemma[lemma] = entry
            if "prep" not in entry.flags:
                forms += _french_forms(lemma)
        for f in forms:
            by_form.setdefault(bare(f), entry)
    return by_lemma, by_form


def _role_words() -> dict[str, set[str]]:
    """KB role code -> the head words of the descriptors naming its holders ("head_of_state" ->
    président, chef, roi …), read from the entity stage's ``lexicons/roles.tsv``."""
    out: dict[str, set[str]] = {}
    for pattern, role in lexicon.mapping("roles.tsv").items():
        head = bare(pattern.split()[0]) if pattern.split() else ""
        if head and not head.startswith("{"):
            for code in re.split(r"[,/]", role):
                out.setdefault(code.strip(), set()).add(head)
    return out


def _given_genders(kb: Any | None) -> dict[str, str]:
    """Given names with their gender, from the KB's people ("Angela" f, "Olaf" m) and
    ``lexicons/given_names.tsv`` and ``lexicons/quotes/given_names.tsv``, kept when no two sources disagree: a cheap, data-driven guess
    for people outside the KB."""
    seen: dict[str, set[str]] = {}
    for path in ("given_names.tsv", "quotes/given_names.tsv"):  # the shared list, then the quotes stage's own
        for name, g in lexicon.mapping(path).items():
            seen.setdefault(bare(name), set()).add(g)
    if kb is not None:
        for entry in kb.entries.values():
            if entry.get("type") == "PER" and entry.get("gender") in ("m", "f"):
                for nm in [entry.get("name", ""), *(entry.get("aliases") or [])]:
                    first = nm.split()[0] if len(nm.split()) >= 2 else ""
                    if len(first) > 2 and first[:1].isupper() and first.isalpha():
                        seen.setdefault(bare(first), set()).add(entry["gender"])
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _verb_before_que(tok: Any) -> bool:
    """True when ``tok`` (tagged a noun) stands between a subject and "que": "le Bureau (OCHA) note que …",
    not "la note que j'ai lue" (an article before it) nor a noun after a preposition."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or tok.i == 0 or not tok.is_lower:
        return False
    j = tok.i + 1
    while j + 1 < len(doc) and bare(doc[j].text) in INCISE_ADVERBS:
        j += 1  # "Human Rights Watch note enfin que …"
    nxt, prev = bare(doc[j].text), doc[tok.i - 1]
    # a capitalised adjective closes a name ("L'association Terre Vive note que …")
    # or a subject clitic stands right before it ("Elle juge que …")
    named = prev.pos_ in ("PROPN", "NOUN", "PUNCT") or (prev.pos_ == "ADJ" and prev.text[:1].isupper()) \
        or bare(prev.text) in SUBJECT_CLITICS
    return nxt in ("que", "qu'") and named and prev.text not in (",", "(", "«")


INCISE_ADVERBS = lexicon.groups("quotes/indirect.tsv")["incise_adverb"]
INCISE_SUBJECT_END = frozenset({".", ":", ",", ";", "!", "?", "»", "”", "\n\n"})


_COMME_CLITICS = frozenset({"le", "l'", "l’"})


def _comme_aside(tok: Any) -> bool:
    """True when lower-case ``tok`` follows "comme le" / "comme l'" ("Comme le résume X, …", "comme le note
    X"): only a verb stands there, whatever the tagger says."""
    doc = tok.doc
    return tok.is_lower and tok.i >= 2 and bare(doc[tok.i - 1].text) in _COMME_CLITICS \
        and bare(doc[tok.i - 2].text) == "comme"


BARE_AFTER = frozenset({"sans", ".", "!", "volontiers", "aussitot", "encore", "alors", "ainsi"})


def _named_then_bare(tok: Any, low: str) -> bool:
    """True when ``tok`` (tagged a noun) is a present-tense form right after a name, or after a name and its
    apposition between commas, and says nothing of its own: a manner ("sans détour"), an adverb or the
    sentence's end follows ("Paul Arnaud, historien à Lyon, argumente sans détour."), not an object ("Anne
    Roy analyse les chiffres") nor a noun after a common noun ("Le rapport, analyse détaillée …")."""
    doc = tok.doc
    if not tok.is_lower or not low.endswith(("e", "ent", "it")) or tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    if bare(doc[tok.i + 1].text) not in BARE_AFTER:
        return False
    prev = doc[tok.i - 1]
    if prev.pos_ == "PROPN":
        return True
    if prev.text != ",":
        return False
    # the apposition's opening comma, within twelve words, right after the name's last word
    for j in range(tok.i - 2, max(0, tok.i - 14), -1):
        if doc[j].text in (".", "!", "?", ";", ":", "«", "»"):
            return False
        if doc[j].text == ",":
            return j > 0 and doc[j - 1].pos_ == "PROPN"
    return False


def _inverted_incise(tok: Any) -> bool:
    """True when ``tok`` (tagged a noun) stands as an inverted incise: right after a comma, before a
    subject that ends the sentence ("…, note encore le quotidien La Gazette : « … »", "…, relève
    l'institut."), not "…, note de synthèse" (a preposition after it) nor "…, la note du jury"."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != "," or not tok.is_lower:
        return False
    j = tok.i + 1
    while j < len(doc) and bare(doc[j].text) in INCISE_ADVERBS:
        j += 1
    if j + 1 >= len(doc) or doc[j].pos_ not in ("DET", "PROPN"):
        return False
    k = j + 1 if doc[j].pos_ == "DET" else j
    if doc[k].pos_ not in ("NOUN", "PROPN"):
        return False
    # the subject runs to the end of its sentence (or to a colon or comma) within eight words
    for m in range(k + 1, min(len(doc), k + 9)):
        if doc[m].text in INCISE_SUBJECT_END or doc[m].is_sent_start:
            return True
        if doc[m].pos_ in ("VERB", "AUX"):
            return False
    return k + 1 >= len(doc)


class QuoteResources:
    """The stage's read-only data: lexicons, and the KB that tells a linked person's gender,
    nationalities and professions (a descriptor subject, "la ministre", "le Norvégien", is matched
    against them)."""

    def __init__(self, kb: Any | None) -> None:
        self.by_lemma, self.by_form = load_speech_verbs()
        self.unnamed = {bare(w) for w in lexicon.mapping("unnamed_sources.tsv")}
        self.person_nouns = {bare(w) for w in lexicon.mapping("speaker_nouns.tsv")}
        self.non_speakers = {bare(w) for w in lexicon.mapping("non_speaker_heads.tsv")}
        self.role_words = _role_words()
        calendar = lexicon.json_data("calendar.json")
        # words that may stand between an inverted cue and its subject ("a indiqué lundi X")
        # ("a indiqué dimanche 7 octobre X": weekdays, months and the day numbers between them)
        self.time_words = {bare(w) for w in [*calendar.get("weekdays", {}), *calendar.get("months", {})]
                           if w.isalpha()} | TIME_FILLERS
        self.kb = kb
        self.given_gender = _given_genders(kb)
        self.demonyms: dict[str, str] = {}  # folded demonym -> ISO2 of its country
        self.demonym_country: dict[str, str] = {}  # folded demonym -> the country's KB name
        if kb is not None:
            for dem, cid in kb.demonyms.items():
                entry = kb.get(cid) or {}
                if entry.get("iso2"):
                    self.demonyms[bare(dem)] = entry["iso2"]
                if entry.get("name"):
                    self.demonym_country[bare(dem)] = entry["name"]

    def may_cue(self, form: str, lemma: str) -> bool:
        """Whether ``cue_entry`` can find an entry for a token of this folded form (``bare(tok.text)``)
        and lower-case lemma: a cheap test that spares the parse reads of every other word."""
        return form in self.by_form or lemma in self.by_lemma or form == "apres"

    def cue_entry(self, tok: Any) -> CueEntry | None:
        """The speech-verb entry a token stands for, if any."""
        pos = tok.pos_
        if pos not in ("VERB", "ADP", "ADV", "NOUN", "ADJ", "PROPN", "X", "AUX"):
            return None  # punctuation, determiners, pronouns: never a cue
        low = bare(tok.text)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        inverted = nxt is not None and nxt.text.startswith("-")
        if low in ("selon", "d'apres"):
            return self.by_form.get(low)
        if low == "apres" and tok.i > 0 and bare(tok.nbor(-1).text) in ("d'", "d"):
            return self.by_form.get("d'apres")
        if tok.pos_ not in ("VERB",) and not inverted:
            # the French parser tags foreign words at random: a foreign cue is taken on its form
            entry = self.by_form.get(low)
            if entry is not None and entry.lang == "fr" and "que" in entry.flags and _verb_before_que(tok):
                return entry  # "(OCHA) note que …": a verb form the tagger read as a noun
            if entry is not None and entry.lang == "fr" and "incise" in entry.flags and _inverted_incise(tok):
                return entry  # "…, note encore le quotidien : « … »": the same, as an inverted incise
            if entry is not None and entry.lang == "fr" and "incise" in entry.flags and _comme_aside(tok):
                return entry  # "Comme le résume X, …": the verb of the aside, the tagger read as a name or noun
            if entry is not None and entry.lang == "fr" and "incise" in entry.flags and _named_then_bare(tok, low):
                return entry  # "Paul Arnaud, historien, analyse sans détour.": a name's verb, read as a noun

            return entry if entry is not None and entry.lang != "fr" else None
        entry = self.by_lemma.get(tok.lemma_.lower())
        if entry is None:
            entry = self.by_form.get(low)
        return entry
