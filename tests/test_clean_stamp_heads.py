"""Invented lines and dumps: what a line prints before a lower-case publication cue (an author's name,
a label, or a sentence's subject), and a publication line set inside a long article's run.

Every person, place and sentence here is invented for these tests.
"""

from __future__ import annotations

from veille.clean.stamps import labels_stamp, sole_cued_stamp, stamps


def test_a_name_before_a_lower_case_cue_is_a_byline() -> None:
    # An author's byline with the date and a reading time after the cue (no "Par", no separator).
    assert stamps("Anne Roy publié le 12 mars 2024 5 min") == [("published", "publié le 12 mars 2024 5 min")]
    assert stamps("Jean-Marc de La Tour publiée le 3 mars 2024") == [("published", "publiée le 3 mars 2024")]
    assert labels_stamp("Awa Koné") and labels_stamp("Jean-Marc de La Tour")


def test_a_label_before_a_lower_case_cue_opens_a_stamp() -> None:
    # "Article publié le …, dernière mise à jour le …": the publication first, then the update.
    assert stamps("Article publié le 12/03/2024 à 10:15, dernière mise à jour le 13/03/2024") == [
        ("published", "publié le 12/03/2024 à 10:15"), ("updated", "dernière mise à jour le 13/03/2024")]
    assert sole_cued_stamp(["Dépêche mise en ligne le 3 mars 2024"]) == "mise en ligne le 3 mars 2024"


def test_a_sentence_before_a_lower_case_cue_is_no_stamp() -> None:
    assert stamps("Le décret publié le 3 mars 2024 au Journal officiel fixe les tarifs") == []
    assert stamps("Hortense Vidal a publié le 3 mars 2024 un rapport sur la halle") == []
    assert stamps("Le Journal Officiel publié le 3 mars 2024") == []  # (an article opens a sentence)
    assert not labels_stamp("AFP") and not labels_stamp("Cet article") and not labels_stamp("le rapport")


def _long_dump(stamp: str | None) -> str:
    from test_clean_dumps import lynx

    body = [f"Le conseil de Brévannes a examiné le point {n} du plan de rénovation de la halle du marché, "
            f"qui en compte quinze, avant un vote prévu pour la séance suivante du conseil municipal." for n in range(1, 15)]
    notes = [f"Note {n} : les chiffres de cet article viennent des services de la commune de Brévannes, "
             f"qui les ont communiqués à la rédaction à sa demande." for n in range(1, 7)]
    lines = ["   Le Courrier de Brévannes", "", "     * Accueil", "     * Région", "",
             "Brévannes examine le plan de rénovation de sa halle du marché", ""]
    for text in body:
        lines += [lynx(text), ""]
    if stamp:
        lines += ["   " + stamp, ""]
    for text in notes:
        lines += [lynx(text), ""]
    lines += ["     * Mentions légales", "     * Contact"]
    return "\n".join(lines)


def test_a_publication_line_inside_a_long_articles_run_dates_it() -> None:
    from test_clean_dumps import _stage_run

    # Past the head's reach and before the article's last notes: the page's one cued stamp.
    assert _stage_run(_long_dump("Article mis en ligne le 12/03/2024 à 10:15")).published == "2024-03-12"
    assert _stage_run(_long_dump(None)).published is None
