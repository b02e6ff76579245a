"""Site names and rubrics around a page title's headline (invented titles and sites)."""

from veille.clean.title_tails import strip_title_tail


def test_rubric_label_after_dash_colon_or_full_stop_is_cut() -> None:
    assert strip_title_tail("Le maire de Valmorin rêve d'un pont suspendu - Chroniques") == \
        "Le maire de Valmorin rêve d'un pont suspendu"
    assert strip_title_tail("Le pont piéton de Valmorin ouvre enfin samedi : Actualités") == \
        "Le pont piéton de Valmorin ouvre enfin samedi"
    assert strip_title_tail("Le club de Valmorin monte en national. Sport") == "Le club de Valmorin monte en national"


def test_site_name_from_og_site_name_or_url_host_is_cut() -> None:
    assert strip_title_tail("Un concert à la foire de Valmorin - Radio Lisse", site="ici, par Radio Lisse") == \
        "Un concert à la foire de Valmorin"
    assert strip_title_tail("Un concert à la foire de Valmorin | Radio Lisse", url="https://www.radiolisse.fr/a/b") == \
        "Un concert à la foire de Valmorin"


def test_url_folder_names_the_section() -> None:
    assert strip_title_tail("Une fête de quartier sous la pluie à Valmorin - Vie du quartier",
                            url="https://courrier.example/vie-du-quartier/fete-123") == \
        "Une fête de quartier sous la pluie à Valmorin"


def test_two_halves_of_a_headline_are_kept() -> None:
    title = "Crues dans la vallée - Valmorin sous les eaux"
    assert strip_title_tail(title, site="Le Courrier de la Lisse", url="https://courrierlisse.fr/monde/x") == title
    assert strip_title_tail("Crues - Culture") == "Crues - Culture"  # too short a headline before it


def test_leading_arrow_is_cut() -> None:
    assert strip_title_tail("> Football : Valmorin-Lisbourg, un derby bizarre") == \
        "Football : Valmorin-Lisbourg, un derby bizarre"
    assert strip_title_tail("> Crues") == "> Crues"


def test_site_after_a_dash_named_by_the_copyright_line() -> None:
    from veille.clean.lines import strip_site_suffix

    page = ["Accueil", "Crues dans la vallée de la Lisse - Le Courrier", "Copyright © 2019 Le Courrier. Tous droits réservés"]
    assert strip_site_suffix(page[1], page) == "Crues dans la vallée de la Lisse"
    # Named nowhere else: the second half of the headline stays.
    assert strip_site_suffix("Crues dans la vallée - Valmorin sous les eaux", page) == \
        "Crues dans la vallée - Valmorin sous les eaux"


def test_dump_headline_closed_by_the_site_name_is_still_the_headline() -> None:
    from veille.clean.browser import clean_dump

    dump = ("Accueil   Politique   Société   Sports\n\n"
            "Le lavoir de Valmorin retrouve son toit | Le Courrier de la Lisse\n\n"
            "Par Jeanne Vautrin\n\n"
            "Le lavoir de Valmorin a retrouvé son toit de tuiles samedi, après huit mois de chantier\n"
            "mené par une association de bénévoles et financé pour moitié par la commune.\n\n"
            "Les bénévoles prévoient une fête au lavoir le mois prochain, avec un concert et un repas\n"
            "partagé, selon la présidente de l'association.\n\n"
            "Le village voisin de Pontarlieu envisage à son tour de restaurer son vieux lavoir, dont la\n"
            "charpente menace de s'effondrer depuis plusieurs hivers.\n\n"
            "© Le Courrier de la Lisse 2019\n")
    assert clean_dump(dump).title == "Le lavoir de Valmorin retrouve son toit"
