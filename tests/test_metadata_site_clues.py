"""source.site from a dump's head name matched to a domain the page prints of itself (metadata/site_clues.py)."""

from __future__ import annotations

from veille.metadata.site import page_site
from veille.metadata.site_clues import (
    _without_companies,
    alone_domain_site,
    clue_site,
    head_name_site,
    own_domains,
)

BODY = ("Le conseil municipal de Valbrume a voté mardi le budget de la nouvelle médiathèque, "
        "a indiqué le maire Octave Lerouge devant une salle comble.")


def test_logo_and_newsroom_mail() -> None:
    lines = ["Logo Gazette de Brume", "", BODY, "", "Pour nous écrire : redaction@gazettedebrume.fr"]
    assert head_name_site(lines) == "gazettedebrume.fr"
    assert page_site("\n".join(lines)) == "gazettedebrume.fr"


def test_masthead_with_tagline_and_region() -> None:
    lines = ["Aller au contenu", "Echo Valbrume Provence", "", BODY, "Contact : echovalbrume.com"]
    assert head_name_site(lines) == "echovalbrume.com"
    lines = ["Brumactu, le site des nouvelles du val", BODY, "Soutenez brumactu.net"]
    assert head_name_site(lines) == "brumactu.net"


def test_feed_title_and_mail() -> None:
    lines = ["#Valbrume Hebdo » Flux alternate", "", BODY, "Contactez-nous: info@valbrumehebdo.org"]
    assert head_name_site(lines) == "valbrumehebdo.org"


def test_partner_lines_platforms_and_owner_give_no_site() -> None:
    # a group's other titles, listed in a footer line, are not the page's outlet
    lines = ["Brume Sport", BODY, "Les sites du groupe : Gazette | brumesport.fr"]
    assert head_name_site(lines) is None
    # a share button's name and the platform's domain
    assert head_name_site(["Facebook Twitter", BODY, "https://www.facebook.com/gazettebrume"]) is None
    # the owner company's mail
    lines = ["Radio Brume", BODY, "RADIO BRUME LTD - Tel 000", "pub@radiobrume.mu"]
    assert "radiobrume" in own_domains(lines)
    assert "radiobrume" not in _without_companies(lines, own_domains(lines))
    assert clue_site(lines) is None
    # a web agency's credit
    assert head_name_site(["Atelier Pixel", BODY, "Réalisé par atelier-pixel.fr"]) is None


def test_two_menu_names_matching_two_domains_give_none() -> None:
    lines = ["Brume Sport", "Brume Emploi", BODY, "Nous écrire : sport@brumesport.fr", "emploi@brumeemploi.fr"]
    assert head_name_site(lines) is None


def test_lede_sentence_is_no_masthead() -> None:
    lines = ["Le Courrier Brumeux a révélé mardi que le maire partait", BODY, "lecourrierbrumeux.fr"]
    assert head_name_site(lines) is None


def test_domain_alone_in_the_head() -> None:
    lines = ["Accueil", "gazette-brume.fr", "", BODY, "Newsletter Gazette Brume"]
    assert alone_domain_site(lines) == "gazette-brume.fr"
    # named nowhere else, a link, or two of them: none
    assert alone_domain_site(["Accueil", "gazette-brume.fr", BODY]) is None
    assert alone_domain_site(["http://www.gazette-brume.fr", BODY, "Gazette Brume"]) is None
    assert alone_domain_site(["brume-immo.fr", "brume-auto.fr", BODY, "brume immo brume auto"]) is None


def test_table_outlet_opening_a_head_line() -> None:
    from veille.metadata.site_clues import table_head_site
    # "Le Figaro" is a table outlet (lexicons/metadata/outlets.tsv): its name before capitalised words is a masthead
    assert table_head_site(["Accueil", "Le Figaro Bordeaux", BODY]) == "lefigaro.fr"
    # a headline opening on the name is a sentence, not the masthead
    assert table_head_site(["Le Figaro révèle tout", BODY]) is None
    # two outlets in the head's short lines: a menu of titles, none
    assert table_head_site(["Le Figaro Bordeaux", "Mediapart Club", BODY]) is None


def test_follow_and_support_buttons() -> None:
    from veille.metadata.site_clues import self_named_site
    lines = [BODY, "* Suivez Le Figaro sur Facebook", "Le Figaro sur Instagram"]
    assert self_named_site(lines) == "lefigaro.fr"
    # an outlet the table lacks: the letters of a domain the page prints
    lines = [BODY, "Je soutiens Brumactu", "Écrire : redaction@brumactu.net"]
    assert self_named_site(lines) == "brumactu.net"
    # a group's buttons naming two outlets give none; a prose line is no button
    assert self_named_site([BODY, "Contactez Le Figaro", "Contactez Mediapart"]) is None
    long_line = "Suivez Le Figaro sur Facebook, a conseillé mardi le maire Octave Lerouge à ses administrés"
    assert self_named_site([BODY, long_line]) is None
