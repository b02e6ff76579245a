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
