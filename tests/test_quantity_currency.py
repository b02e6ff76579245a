"""A bare currency word several countries use takes the code of the country its sentence names, else of
the site's country domain (invented sentences)."""

from __future__ import annotations

from veille.model import Quantity
from veille.quantities.currency import local_currency, localise_currencies


def _money(text: str, amount: str, unit: str) -> Quantity:
    start = text.index(amount)
    return Quantity(text=amount, value=1, unit=unit, start=start, end=start + len(amount))


def test_country_in_the_sentence() -> None:
    text = "Le port de Valbrume recevra 40 millions de dinars, a promis la Tunisie. Rien de plus."
    assert local_currency(_money(text, "40 millions de dinars", "DZD"), text, None) == "TND"


def test_default_without_clue_and_two_countries() -> None:
    text = "Le port de Valbrume recevra 40 millions de dinars."
    assert local_currency(_money(text, "40 millions de dinars", "DZD"), text, None) is None
    both = "L'Algérie et la Libye ont réuni 40 millions de dinars."
    assert local_currency(_money(both, "40 millions de dinars", "DZD"), both, None) is None


def test_site_domain() -> None:
    text = "Le port de Valbrume recevra 40 millions de dinars."
    assert local_currency(_money(text, "40 millions de dinars", "DZD"), text, "journal-exemple.tn") == "TND"
    assert local_currency(_money(text, "40 millions de dinars", "DZD"), text, "journal-exemple.com") is None


def test_dollars_only_by_domain_and_named_currency_kept() -> None:
    text = "Le Canada versera 30 millions de dollars au port de Valbrume."
    q = _money(text, "30 millions de dollars", "USD")
    assert local_currency(q, text, None) is None  # the US dollar stays the reference
    assert local_currency(q, text, "gazette-exemple.ca") == "CAD"
    said = "La Tunisie versera 40 millions de dinars algériens."
    q2 = _money(said, "40 millions de dinars algériens", "DZD")
    assert local_currency(q2, said, "journal-exemple.tn") is None


def test_localise_changes_the_unit() -> None:
    text = "La Jordanie a débloqué 5 millions de dinars pour Valbrume."
    q = _money(text, "5 millions de dinars", "DZD")
    localise_currencies([q], text, None)
    assert q.unit == "JOD"


def test_the_one_country_the_article_names() -> None:
    text = ("La Jordanie ouvre un nouveau port.\nLe ticket d'entrée coûte 12 dinars.\n"
            "Les touristes viennent de Valbrume.")
    assert local_currency(_money(text, "12 dinars", "DZD"), text, None) == "JOD"
    two = text + "\nL'Algérie suit le projet."
    assert local_currency(_money(two, "12 dinars", "DZD"), two, None) is None
