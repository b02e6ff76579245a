"""Events whose doer the text leaves unnamed, kept with a null source by a small learned chooser.

When the source rules name nobody, ``source_rules.agentless`` keeps the event with a null source for
the cases its rules know ("Deux passants ont été blessés.", "Des manifestants ont bloqué la
route."). The press leaves many more doers unnamed or out of reach of the parse ("Les appels à la
démission se multiplient.", "Une plainte a été déposée contre Paul Durand."), and the real-page gold
codes them with a null source. This chooser reads features of the candidate (trigger type, kind,
lemma and part of speech, voice, the source rule's verdict, the target found and its kind, where
the subject is, the trigger's slot in its clause, a noun's determiner and number, mode, quote,
where in the article, and the sentence-type model's binned probability of the type), and keeps the
event when its probability of being such an event reaches the threshold chosen by grouped
cross-validation by site on the dev gold (``tools/real_pages/unnamed_training.py``, rebuilt by
``veille train actors``). A kept event noun is not taken for background (``kept_unnamed``). Its
decision shows in ``Event.rule`` as ``source=agentless_kept:model p=.41>…``. Weights ship in
``events/model/unnamed.npz``/``.json`` only when the coder gains out of fold, end to end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from veille.events.model.fit import read_named_weights, write_named_weights
from veille.events.view import ArticleView, agent, passive
from veille.events.walks import first_child
from veille.events.words import SUBJ, feat

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_NAME = "unnamed"


def unnamed_features(cand: Any, head: Any, roles: Any) -> list[str]:
    """The closed features of a candidate whose source the rules left empty."""
    trig = cand.trigger
    voice = "pass" if passive(head) else ("verb" if roles.verbal else "noun")
    rule = roles.source.rule.rsplit(">", 1)[-1].split(":")[0]
    via = roles.source.rule.split(">", 1)[0] if ">" in roles.source.rule else "-"
    verb = head if roles.verbal else roles.gov
    subj = "none"
    if verb is not None:
        s = first_child(verb, SUBJ)
        if s is not None:
            subj = s.pos_ if s.pos_ in ("PRON", "NOUN", "PROPN", "NUM") else "other"
    has_agent = verb is not None and agent(verb) is not None
    tgt = "tgt" if roles.targets or roles.noun_targets else "notgt"
    dep = head.dep_.split(":")[0]
    tense = (feat(head, "VerbForm") or ["-"])[0]
    feats = [
        "bias", f"ttype={trig.type}", f"tkind={trig.kind}", f"voice={voice}", f"rule={rule}", f"via={via}",
        f"subj={subj}", f"agent={has_agent}", tgt, f"dep={dep}", f"mode={cand.mode}", f"form={tense}",
        f"quote={cand.quote is not None}", f"title={cand.title}", f"gov={roles.gov is not None}",
        f"ttype={trig.type}|voice={voice}", f"ttype={trig.type}|{tgt}", f"rule={rule}|voice={voice}",
        f"tkind={trig.kind}|dep={dep}", f"subj={subj}|voice={voice}", f"ttype={trig.type}|rule={rule}",
        f"pos={head.pos_}", f"det={_determiner(head)}", f"num={(feat(head, 'Number') or ['-'])[0]}",
        f"tkin={_target_kind(roles)}", f"at={_position(cand)}", f"ttype={trig.type}|tkind={trig.kind}",
        f"ttype={trig.type}|at={_position(cand)}", f"ttype={trig.type}|tkin={_target_kind(roles)}",
        f"lemma={trig.type}:{head.lemma_.lower()}",
    ]
    return feats


def _determiner(head: Any) -> str:
    """A noun's determiner: definite, indefinite, possessive, demonstrative, none ("-" for a verb)."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return "-"
    det = first_child(head, ("det",))
    if det is None:
        return "none"
    if feat(det, "Poss") == ["Yes"]:
        return "poss"
    kind = feat(det, "PronType") or ["-"]
    return kind[0] if kind[0] != "Art" else (feat(det, "Definite") or ["art"])[0]


def _target_kind(roles: Any) -> str:
    """The kind of the first target found (PER, ORG, LOC, a place phrase), or none."""
    targets = roles.targets or roles.noun_targets
    if not targets:
        return "none"
    return "place" if targets[0].place else targets[0].kind


def _position(cand: Any) -> str:
    """Where in the article: the headline, the lede's first sentences, further on."""
    if cand.title:
        return "title"
    return "s0-2" if cand.sent <= 2 else "s3-8" if cand.sent <= 8 else "s9+"


# The sentence-type model's probability of the candidate's type, in bins (the chooser is linear).
P_BINS = (0.05, 0.15, 0.3, 0.5)


def type_prob_features(ttype: str, scores: dict[str, float] | None) -> list[str]:
    """Binned sentence-model probabilities of the candidate's type and of any event (none: no model)."""
    if scores is None:
        return ["ptype=none"]
    # cumulative bins: each weight adds to the one below, so a higher probability can only add
    return [f"{name}>={b}" for name, value in (("ptype", scores.get(ttype, 0.0)), ("pany", scores.get("ANY", 0.0)))
            for b in P_BINS if value >= b]


@dataclass
class UnnamedChooser:
    vocab: dict[str, int]
    weights: np.ndarray  # (features,)
    bias: float
    meta: dict = field(default_factory=dict)

    @property
    def threshold(self) -> float:
        return float(self.meta.get("threshold", 1.1))

    def score(self, feats: list[str]) -> float:
        z = self.bias + float(sum(self.weights[i] for i in map(self.vocab.get, feats) if i is not None))
        return 1.0 / (1.0 + float(np.exp(-min(max(z, -30.0), 30.0))))

    def save(self, directory: Path = MODEL_DIR) -> None:
        write_named_weights(directory, MODEL_NAME, self.vocab, self.weights.reshape(-1, 1), np.array([self.bias]),
                            self.meta, ["unnamed"])


@lru_cache(maxsize=1)
def load_chooser(directory: Path = MODEL_DIR) -> UnnamedChooser | None:
    read = read_named_weights(directory, MODEL_NAME)
    if read is None:
        return None
    vocab, meta, weights, bias = read
    return UnnamedChooser(vocab=vocab, weights=weights.reshape(-1).astype(np.float64), bias=float(bias[0]), meta=meta)


# Tools set ``CHOOSER`` to score with another model (grouped cross-validation) and ``RECORDER`` to a
# list to collect every candidate's features (each then kept, tagged with its row); None: the shipped model.
CHOOSER: Any = None
RECORDER: list[dict] | None = None


KEPT_RULE = "agentless_kept"


def kept_unnamed(roles: Any) -> bool:
    """Whether the chooser kept this event: its say also covers a bare event noun ("les
    manifestations ont repris"), which the coder otherwise takes for background."""
    return roles.source.rule.startswith(KEPT_RULE)


def keep_unnamed(view: ArticleView, cand: Any, head: Any, roles: Any) -> bool:
    """Whether an event the rules give no source is kept with a null source (the chooser's say)."""
    chooser = CHOOSER if CHOOSER is not None else load_chooser()
    if RECORDER is None and (chooser is None or chooser.threshold > 1.0):
        return False
    feats = unnamed_features(cand, head, roles)
    if RECORDER is not None:  # the tool adds the sentence model's bins, scored out of fold
        sent = head.sent
        RECORDER.append({"feats": feats, "type": cand.trigger.type, "sent": (sent.start_char, sent.end_char)})
        roles.source = roles.source.under(f"{KEPT_RULE}#{len(RECORDER) - 1}")
        return True
    scorer = view.sentence_scores
    feats += type_prob_features(cand.trigger.type, scorer(head.sent.start) if scorer is not None else None)
    p = chooser.score(feats)
    if p < chooser.threshold:
        return False
    roles.source = roles.source.under(f"{KEPT_RULE}:model p={p:.2f}".replace("p=0.", "p=."))
    return True
