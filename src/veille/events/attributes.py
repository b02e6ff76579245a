"""What an event carries besides its actors: its date, its place, the quantities of its clause.

The date is a time expression of the trigger's clause that hangs on the event's words
(``veille.events.time_attachment``; the nearest; a "depuis" one is a start, not the date), else one
its main clause lends it ("lorsque ...", a gerund's "en ...", or a time fronted before the first of
coordinated clauses),
else the day the article reports (``veille.events.news_day``: its lede's or dateline's day, the
publication day when the lede names no time, none when it opens on other times) for news told in the
present or the perfect of a main clause (past the lede of a page without a dateline, the perfect
only), unless the clause names a vague time ("ces derniers jours") or a habit; the place is a place
preposition's location on the trigger or its clause, or the name ending a locative phrase there
("dans la banlieue de X", ``veille.events.places``); the quantities are those wholly inside the
clause.
"""

from __future__ import annotations

from typing import Any

from veille.common.timespans import calendar_date
from veille.events.actors import Actor
from veille.events.clauses import clause_region, clause_top
from veille.events.date_frames import framed_times, inside, past_infinitive
from veille.events.news_day import news_day, news_day_at, vague_time
from veille.events.places import addressee, loose_place, nested_place, relative_place, seat_city
from veille.events.time_attachment import event_path, own_time, simultaneous
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, case
from veille.events.words import feat, lemma
from veille.model import Quantity


def split_targets(targets: list[Actor], time_toks: list[int],
                  head: Any) -> list[tuple[Actor | None, int | None]]:
    """One event per target when each has its own time ("lundi X, et jeudi Y"), else one."""
    if not targets:
        return [(None, None)]
    dedup: list[Actor] = []
    for t in sorted(targets, key=lambda a: a.place):
        if all(t.name != d.name for d in dedup):
            dedup.append(t)
    if len(dedup) > 1 and time_toks:
        groups = []
        for t in dedup:
            before = [i for i in time_toks if head.i < i < t.token]
            groups.append((t, before[-1] if before else None))
        whens = {w for _, w in groups}
        if len(whens) == len(groups) and None not in whens:
            return groups
    return [(dedup[0], None)]


def _time_value(view: ArticleView, tok_i: int) -> tuple[bool, str | None]:
    k = view.tok_time[tok_i]
    t = view.article.times[k]
    prev = view.doc[tok_i - 1] if tok_i > 0 else None
    # The first token of this occurrence (an expression can occur several times).
    first = tok_i
    while first > 0 and view.tok_time[first - 1] == k:
        first -= 1
    before = view.doc[first - 1] if first > 0 else prev
    for tok in (before, view.doc[first]):
        if tok is not None and lemma(tok) in view.lex.cue("nosource"):
            return False, None
    return True, calendar_date(t.value, getattr(t, "type", "DATE")) if t.value is not None else None


def event_date(view: ArticleView, cand: Candidate, top: Any, when: int | None, time_toks: list[int],
               head: Any) -> str | None:
    if when is not None:
        ok, value = _time_value(view, when)
        if ok:
            return value
    usable = []
    blocked = False
    seen_times: set[int] = set()
    path = event_path(head, top)
    act = past_infinitive(head) if head.i != top.i else None  # "reconnu coupable lundi d'avoir frappé"
    anterior = act is not None and act.i != top.i
    for i in time_toks:
        k = view.tok_time[i]
        if k in seen_times:
            continue
        seen_times.add(k)
        if not own_time(view, i, path) or (anterior and not inside(act, i)):
            continue  # it dates another word of the clause
        ok, value = _time_value(view, i)
        if ok:
            usable.append((abs(i - head.i), value))
        else:
            blocked = True
    if not usable and not blocked:
        usable = [(abs(i - head.i), v) for i in framed_times(view, path) for ok, v in [_time_value(view, i)] if ok]
    if usable:
        return min(usable, key=lambda x: x[0])[1]
    if anterior:
        return None  # an act done before its governing verb: neither that verb's time nor the news day
    if not blocked and cand.mode in ("fact", "intent"):
        # Said or reported: a time of the same saying still dates a clause hung on it.
        inherited = governing_time(view, top)
        if inherited is not None:
            return inherited
    if blocked or cand.mode != "fact" or cand.quote is not None:
        return None
    reported = news_day(view)
    if not reported or vague_time(view, clause_region(top, head)):
        return None
    # The article's own date only for news told in the present or the perfect of a main clause.
    if top.pos_ not in ("VERB", "AUX"):
        return None
    if top.dep_ not in ("ROOT", "conj") and not (top.dep_ == "ccomp" and top.head.dep_ == "ROOT"):
        return None
    if top.dep_ == "conj" and top.head.dep_ != "ROOT":
        return None
    tense = feat(top, "Tense")
    aux = [c for c in top.children if c.dep_.startswith("aux")]
    if aux:
        tense = feat(aux[0], "Tense")
    if tense != ["Pres"]:
        return None
    return news_day_at(view, head.idx, perfect=any(c.dep_ == "aux:tense" for c in aux))


def governing_time(view: ArticleView, top: Any, depth: int = 0) -> str | None:
    """The date a clause takes from the clause it hangs on, when it has no time of its own.

    An adverbial clause ("lorsque ...", "avant de ...", "après qu'il a ...") happens at the time of
    its main clause ("X se rendait lundi à Y lorsque ..."); a clause coordinated after another (by
    "et" or a comma) shares a time written before the first verb ("Lundi, X a ..., Y a ...").
    When the clause it hangs on has no time either, but is itself such a clause or a relative one
    ("X, qui travaillait à Y lorsque ...", "par un suspect qui a tué Z avant d'être arrêté"), the
    time is looked for one clause further up (two steps at most). A relative or a reported clause
    holding the event keeps its own time.
    """
    relay = depth > 0 and _relative(top)  # a relative clause only passes a time on
    if not relay and (top.dep_ not in ("advcl", "conj") or top.head.i == top.i):
        return None
    marks = [lemma(c) for c in top.children if c.dep_ in ("mark", "case")]
    along = simultaneous(top)  # a gerund or present participle: its verb's time, wherever it stands
    if not relay and marks and not along and not _same_time(view, top, marks):
        return None  # "après ...", "alors que ...": another time, or a background
    # A clause joined by "et" or a mere comma (spaCy may call the latter advcl) is dated like a
    # coordinated one: only by a time fronted before the first verb.
    joined = not relay and (top.dep_ == "conj" or not marks) and not along
    parent = clause_top(top.head)
    if parent.i == top.i:
        return None
    found: list[tuple[int, str | None]] = []
    seen: set[int] = set()
    for i in sorted(clause_region(parent, top)):
        k = view.tok_time[i]
        if k is None or k in seen or i in range(top.left_edge.i, top.right_edge.i + 1):
            continue
        seen.add(k)
        if joined and i > parent.i:
            continue  # a time after the first verb dates that verb only
        if any(view.doc[j].is_quote for j in range(min(i, top.i), max(i, top.i))):
            return None  # the time is said inside a quotation, the clause outside it (or the reverse)
        ok, value = _time_value(view, i)
        if not ok:
            return None
        found.append((i, value))
    if not found and depth < 2 and not joined:
        return governing_time(view, parent, depth + 1)
    if len({v for _, v in found}) != 1:
        return None  # none, or several times the clause could take
    return found[0][1]


def _relative(top: Any) -> bool:
    """A relative clause: the parser's ``acl:relcl``, or one it hung on a verb with a relative word
    of its own ("..., où il travaillait, ...")."""
    if top.dep_ == "acl:relcl":
        return True
    return top.dep_ == "advcl" and any(
        "Rel" in feat(c, "PronType") for c in top.children if c.i < top.i)


def _same_time(view: ArticleView, top: Any, marks: list[str]) -> bool:
    """A subordinator of the same time ("lorsque", "avant de"), or one read so with "que" and a
    finite verb ("après que ... a signé"): kinds ``sametime`` and ``sametime_que``."""
    if any(m in view.lex.cue("sametime") for m in marks):
        return True
    return ("que" in marks and any(m in view.lex.cue("sametime_que") for m in marks)
            and feat(top, "VerbForm") != ["Inf"])


def event_place(view: ArticleView, region: set[int], tgt: Actor | None, head: Any,
                etype: str | None = None) -> str | None:
    if tgt is not None and tgt.place:
        return tgt.entity or tgt.name
    best = None
    top = clause_top(head)
    anchors = (head.i, top.i)
    for i in sorted(region):
        ent = view.tok_entity[i]
        if ent is None or ent.type != "LOC" or addressee(view, i, tgt, etype):
            continue
        tok = view.doc[i]
        if tok.dep_ not in ("obl", "obl:arg", "obl:mod", "nmod"):
            continue
        prep = case(tok)
        if prep in view.lex.cue("place") and tok.head.i in anchors:
            best = ent.name
            break
        if best is None and nested_place(view, tok, region):
            best = ent.name  # "dans la banlieue de X": kept unless a plain "à Y" follows
    return (best or relative_place(view, top) or seat_city(view, region, head)
            or loose_place(view, region, tgt, head, {head.i, top.i}, etype))  # a place hung a few links below


def event_quantities(view: ArticleView, region: set[int]) -> list[Quantity]:
    out = []
    for q, spans in _quantity_tokens(view):
        for start, end, toks in spans:
            if toks and all(i in region for i in toks):
                out.append(Quantity(text=q.text, value=q.value, unit=q.unit, start=start, end=end))
                break
    return out


def _quantity_tokens(view: ArticleView) -> list[tuple[Quantity, list[tuple[int, int, list[int]]]]]:
    """Each quantity of the article with its occurrences and their tokens, found once per article
    (every event of the article asks which of them lie in its clause)."""
    found = view.__dict__.get("_quantity_tokens")
    if found is None:
        found = view.__dict__["_quantity_tokens"] = []
        for q in view.article.quantities:
            occ = [tuple(sp) for sp in (getattr(q, "spans", None) or []) if len(sp) == 2]
            found.append((q, [(start, end, list(view.tokens_in(start, end)))
                              for start, end in occ or view.occurrences(q.text, q.start, q.end)]))
    return found  # type: ignore[no-any-return]


def sentence_text(view: ArticleView, unit: list[Any]) -> str:
    return view.text[unit[0].start_char:unit[-1].end_char].strip()
