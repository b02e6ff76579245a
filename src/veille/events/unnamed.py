"""Events whose doer the text leaves unnamed, kept with a null source by a small learned chooser.

When the source rules name nobody, ``source_rules.agentless`` keeps the event with a null source for
the cases its rules know ("Deux passants ont été blessés.", "Des manifestants ont bloqué la
route."). The press leaves many more doers unnamed or out of reach of the parse ("Les appels à la
démission se multiplient.", "Une plainte a été déposée contre Paul Durand."), and the real-page gold
codes them with a null source. This chooser reads closed features of the candidate only (trigger
type and kind, voice, the source rule's verdict, whether a target was found, where the subject is,
the trigger's slot in its clause: no word of any sentence), and keeps the event when its
probability of being such an event reaches the threshold chosen by grouped cross-validation by
site on the dev gold (``tools/real_pages/unnamed_training.py``). Its decision shows in
``Event.rule`` as ``source=unnamed-model <p>>…``. Weights ship in ``events/model/unnamed.npz``/``.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from veille.events.model.fit import read_weights, write_weights
from veille.events.view import agent, passive
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
        s = next((c for c in verb.children if c.dep_ in SUBJ), None)
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
    ]
    return feats


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
        meta = {**self.meta, "labels": ["unnamed"], "features": sorted(self.vocab, key=self.vocab.get)}
        write_weights(directory, MODEL_NAME, self.weights.reshape(-1, 1), np.array([self.bias]), meta)


@lru_cache(maxsize=1)
def load_chooser(directory: Path = MODEL_DIR) -> UnnamedChooser | None:
    read = read_weights(directory, MODEL_NAME)
    if read is None:
        return None
    meta, weights, bias = read
    vocab = {f: i for i, f in enumerate(meta.pop("features"))}
    return UnnamedChooser(vocab=vocab, weights=weights.reshape(-1).astype(np.float64), bias=float(bias[0]), meta=meta)


# Tools set ``CHOOSER`` to score with another model (grouped cross-validation) and ``RECORDER`` to a
# list to collect every candidate's features (each then kept, tagged with its row); None: the shipped model.
CHOOSER: Any = None
RECORDER: list[dict] | None = None


def keep_unnamed(view: Any, cand: Any, head: Any, roles: Any) -> bool:
    """Whether an event the rules give no source is kept with a null source (the chooser's say)."""
    chooser = CHOOSER if CHOOSER is not None else load_chooser()
    if RECORDER is None and (chooser is None or chooser.threshold > 1.0):
        return False
    feats = unnamed_features(cand, head, roles)
    if RECORDER is not None:
        RECORDER.append({"view": view, "cand": cand, "feats": feats})
        roles.source = roles.source.under(f"unnamed-model#{len(RECORDER) - 1}")
        return True
    p = chooser.score(feats)
    if p < chooser.threshold:
        return False
    roles.source = roles.source.under(f"unnamed-model {p:.2f}")
    return True
