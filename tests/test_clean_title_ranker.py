"""The learned second opinion on a dump's headline (clean/title_ranker.py): candidates, site-free
features, the rule's choice kept when no model speaks or it agrees. Every line here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, _stage_run
from veille.clean import title_ranker as tr
from veille.clean.dump import Unit

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
LEDE = ("La commune de Valmorin a inauguré samedi un pont piéton au-dessus de la Lisse, après deux ans "
        "de travaux et un chantier plusieurs fois retardé par les crues du printemps.")


def _units() -> list[Unit]:
    texts = [("Accueil", "bullet"), ("Transports", "bullet"), ("Les Rendez-Vous De La Semaine", "text"),
             (HEADLINE, "heading"), ("Par Jeanne Castel | Publié le 12/03/24 à 10:45", "text"),
             (LEDE, "text"), (LEDE.replace("samedi", "dimanche"), "text")]
    return [Unit(t, k, n, 0 if k == "heading" else 3) for n, (t, k) in enumerate(texts)]


def test_candidates_are_the_text_lines_around_the_run() -> None:
    us = _units()
    assert tr.candidates(us, 5) == [2, 3, 4, 5, 6]  # (no menu bullet; the rule's pick added when far)
    assert 0 in tr.candidates(us, 5, extra=[0])


def test_features_need_no_site_knowledge() -> None:
    us = _units()
    view = tr.page_view(us, ["Un pont piéton relie les deux rives - Le Courrier de Valmorin"], ["pont", "pieton"])
    head = tr.features(us, 3, 5, view, 3, {3: 4.0})
    menu = tr.features(us, 2, 5, view, 3, {})
    assert head["anchored"] == 1.0 and head["heading"] == 1.0 and head["rule_pick"] == 1.0
    assert head["header_share"] > 0.5 and head["lede_share"] > 0.3
    assert menu["caps_ratio"] == 1.0 and menu["rule_cand"] == 0.0 and menu["header_share"] == 0.0
    stamp = tr.features(us, 4, 5, view, 3, {})
    assert stamp["self_stamp"] == 1.0 and stamp["has_date"] == 1.0
    assert set(head) == set(tr.FEATURES)


def test_the_rule_s_choice_stands_without_a_model() -> None:
    us = _units()
    with tr.rule_only():
        assert tr.model() is None
        assert tr.rerank(us, 5, [], [], 2, {2: 1.0}) == 2
    # The shipped model keeps a headline the rule chose, with its byline and lede under it.
    assert tr.rerank(us, 5, [], [], 3, {3: 4.0}) == 3


def test_a_plain_page_keeps_its_headline() -> None:
    art = _stage_run(LYNX_PAGE)
    assert art.title == HEADLINE


def _every_feature_read(us: list[Unit], run_start: int, pick: int | None, scores: dict[int, float],
                        weights: dict[str, float]) -> int | None:
    """``rerank`` as it was: every feature of every candidate read and scored."""
    cands = tr.candidates(us, run_start, [pick] if pick is not None else [])
    if not cands:
        return pick
    view = tr.page_view(us, ["Un pont piéton relie les deux rives"], ["pont", "pieton"])
    scored = [(tr.score(tr.features(us, i, run_start, view, pick, scores), weights), i) for i in cands]
    return max(scored, key=lambda t: (t[0], -t[1]))[1]


def test_the_bounded_reading_chooses_as_every_feature_read(monkeypatch) -> None:
    # Weights drawn at random (the shipped ones, then any sign and size) and every rule pick: the
    # candidates left unread by their bounds never score highest.
    import random

    rand = random.Random(11)
    us = _units() + [Unit("Un pont piéton relie enfin les deux rives", "text", 7, 3),
                     Unit("Publié le 13/03/24", "text", 8, 3), Unit(LEDE, "text", 9, 3)]
    shipped = tr.model()
    assert shipped is not None
    for trial in range(300):
        weights = dict(shipped) if trial == 0 else {
            name: rand.uniform(-3, 3) * rand.choice((0.0, 0.1, 1.0)) for name in tr.FEATURES}
        monkeypatch.setattr(tr, "model", lambda w=weights: w)
        for pick in (None, 2, 3, 4, 5, 7):
            scores = {} if pick is None else {pick: rand.uniform(-6, 12)}
            for run_start in (3, 5, 8):
                want = _every_feature_read(us, run_start, pick, scores, weights)
                assert tr.rerank(us, run_start, ["Un pont piéton relie les deux rives"], ["pont", "pieton"],
                                 pick, scores) == want, (trial, pick, run_start)
