"""tools/quotes/indirect_fit.py and indirect_guards.py: indirect quotes by cue lemma, clause form and site,
and the form rules wrapped without changing what they answer. Invented rows and sentences only."""

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "quotes"))

import indirect_fit  # noqa: E402
import indirect_guards  # noqa: E402


def _row(cue: str, site: str, verdict: str, speaker_ok: bool | None = True, context: str = "a dit que ") -> dict:
    return {"cue": cue, "site": site, "verdict": verdict, "speaker_ok": speaker_ok, "page": site,
            "text": f"{cue} {site} {verdict}", "context": context, "form": "que"}


def test_the_clause_form_is_read_from_the_text_before():
    assert indirect_fit.clause_form({"context": "Paul Arnaud a affirmé qu’"}) == "que"
    assert indirect_fit.clause_form({"context": "Tribune. "}) == "before"


def test_switching_a_cue_off_turns_its_right_quotes_into_misses():
    rows = [_row("dire", "a.fr", "right"), _row("dire", "b.fr", "right", False), _row("jurer", "c.fr", "right"),
            _row("dire", "c.fr", "wrong"), _row("-", "d.fr", "missed")]
    f1, speaker, tp, fp = indirect_fit.scores(rows)
    assert (tp, fp) == (3, 1) and abs(speaker - 2 / 3) < 1e-9 and abs(f1 - 0.75) < 1e-9
    f1, speaker, tp, fp = indirect_fit.scores(rows, {("c.fr", "jurer"), ("c.fr", "dire")})
    assert (tp, fp) == (2, 0) and abs(f1 - 2 * 2 / 4 / (1 + 2 / 4)) < 1e-9


def test_a_wrapped_rule_answers_as_before_and_counts_its_firings():
    fired: defaultdict = defaultdict(set)
    indirect_guards.PAGE[0] = "w0001"
    guard = indirect_guards.wrap("g", "guard", lambda state, cue: cue == "yes", fired, set())
    cut = indirect_guards.wrap("c", "cut", lambda state, cue, s, e: e - 1, fired, set())
    assert guard(None, "yes") is True and guard(None, "no") is False
    assert cut(None, None, 0, 10) == 9
    assert dict(fired) == {"g": {"w0001"}, "c": {"w0001"}}
    off_guard = indirect_guards.wrap("g", "guard", lambda state, cue: True, fired, {"g"})
    off_cut = indirect_guards.wrap("c", "cut", lambda state, cue, s, e: e - 1, fired, {"c"})
    assert off_guard(None, "yes") is False and off_cut(None, None, 0, 10) == 10
