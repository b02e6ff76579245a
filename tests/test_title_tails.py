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
