"""Interface lines, initials, a rubric opening the lede and the headline printed again, left inside
an article by text extraction (invented lines, invented people and places)."""

from veille.clean.body_furniture import drop_body_furniture
from veille.clean.lines import Cleaned
from veille.clean.ui_lines import (
    _signature_surnames,
    drop_signatures,
    drop_title_repeat,
    drop_ui_lines,
    lede_kicker,
    lede_place,
    ui_kind,
)

TEXT = "Le conseil municipal de Valmorin a voté mardi soir le budget du nouveau marché couvert."


def test_interface_lines_by_kind():
    assert ui_kind("La suite après cette publicité") == "ad_break"
    assert ui_kind("Cette vidéo peut vous intéresser") == "player"
    assert ui_kind("Your browser does not support the video tag.") == "player"
    assert ui_kind("Pour voir cette vidéo, activez JavaScript dans votre navigateur.") == "player"
    assert ui_kind("Voir le diaporama en grand »") == "gallery"
    assert ui_kind("Déjà abonné ? Je me connecte") == "paywall"
    assert ui_kind("Pour lire la suite de cet article, abonnez-vous à partir de 1 € par mois.") == "paywall"
    assert ui_kind("12 commentaires 40 partages") == "counter"
    assert ui_kind("3 Réactions | 210 Partages") == "counter"
    assert ui_kind("- Publicité -") == "ad_break"
    assert ui_kind("Lancer le diaporama") == ui_kind("12 photos") == "gallery"
    assert ui_kind("Facebook icon") == "share" and ui_kind("Logo Radio Valmorin") == "logo"
    assert ui_kind("Facebook a annoncé lundi la fermeture de son bureau de Valmorin.") is None
    assert ui_kind("Copier le lien Lien copié") == "button"
    assert ui_kind("Une erreur s’est produite, merci d’essayer à nouveau.") == "form"
    assert ui_kind("Votre demande a été envoyée au maire de Valmorin, qui répondra lundi.") is None
    assert ui_kind("L.R.") == "initials"
    assert ui_kind("abc-def/gh/ij") == "initials"


def test_text_is_no_interface_line():
    for text in (TEXT, "II.", "M. Roy a parlé.", "« Voir le diaporama », a plaisanté Léa Roy.",
                 "La suite après cette publicité a surpris tout le monde dans la salle du conseil ce soir-là.",
                 "Pour lire la suite du rapport, les élus de Valmorin ont demandé un délai.",
                 "12 commentaires ont été déposés sur le registre de l'enquête publique."):
        assert ui_kind(text) is None, text


def test_interface_lines_leave_the_body_and_stay_in_the_boilerplate():
    paras = [TEXT, "La suite après cette publicité", "Les travaux commenceront au printemps.", "L.R."]
    kept, dropped = drop_ui_lines(paras)
    assert kept == [TEXT, "Les travaux commenceront au printemps."]
    assert dropped == ["La suite après cette publicité", "L.R."]
    cleaned = Cleaned(paragraphs=list(paras))
    drop_body_furniture(cleaned, dump=False)
    assert cleaned.paragraphs == kept and set(dropped) <= set(cleaned.boilerplate)


def test_a_rubric_in_capitals_opening_the_lede_is_cut_off():
    kept, kicker = lede_kicker(["MARCHÉ - " + TEXT, "Suite."])
    assert kicker == "MARCHÉ -" and kept == [TEXT, "Suite."]
    kept, kicker = lede_kicker(["ENQUÊTE/TRIBUNE – " + TEXT])
    assert kicker == "ENQUÊTE/TRIBUNE –" and kept == [TEXT]


def test_a_place_an_agency_or_a_short_lede_keeps_its_opening():
    for para in ("PARIS - " + TEXT, "AFP - " + TEXT, "MARCHÉ - Le budget est voté.", "Valmorin - " + TEXT):
        assert lede_kicker([para]) == ([para], None), para


def test_the_headline_printed_again_among_the_first_paragraphs():
    title = "Valmorin vote le budget de son marché couvert"
    kept, dropped = drop_title_repeat(title, ["2. Valmorin vote le budget de son marché couvert", TEXT])
    assert kept == [TEXT] and len(dropped) == 1
    # A headline's words inside a longer paragraph, or a repeat further down, stay.
    paras = [TEXT, "Les travaux commenceront au printemps.", title]
    assert drop_title_repeat(title, paras) == (paras, [])
    assert drop_title_repeat("Budget voté", ["Budget voté", TEXT]) == (["Budget voté", TEXT], [])


def test_a_signature_is_a_name_the_article_never_uses():
    paras = ["Léa Roy", TEXT, "Les travaux commenceront au printemps.", "Le maire s'en félicite.",
             "Awa Koné et Paul Martin"]
    kept, dropped = drop_signatures(paras)
    assert dropped == ["Léa Roy", "Awa Koné et Paul Martin"] and kept == paras[1:4]
    # A name set as a subheading is the one the next paragraph talks about.
    paras = [TEXT, "Léa Roy", "Léa Roy tient la boulangerie de la place depuis dix ans.", "Fin."]
    assert drop_signatures(paras) == (paras, [])
    assert _signature_surnames("Faits divers") is None and _signature_surnames("Le Grand Prix de Lisse 2024") is None


def test_a_byline_dash_and_the_name_again_with_its_outlet_are_signatures():
    # "- Name" under the stamp (issue 11: dev pages as given kept it in the body)
    paras = [TEXT, "Les travaux commenceront au printemps.", "Le maire s'en félicite.", "- Léa Roy"]
    assert drop_signatures(paras) == (paras[:3], ["- Léa Roy"])
    # The name then the name with its outlet: neither is a use of the name by the article.
    paras = [TEXT, "Léa Roy", "Léa Roy Le Courrier", "Les travaux commenceront au printemps.",
             "Le maire s'en félicite.", "Le chantier durera deux ans.", "Fin."]
    assert drop_signatures(paras)[1] == ["Léa Roy", "Léa Roy Le Courrier"]
    # The article naming the person keeps the name (the outlet's line still goes: no word of it is used).
    paras[4] = "Léa Roy, adjointe au maire, s'en félicite."
    assert drop_signatures(paras)[1] == ["Léa Roy Le Courrier"]


def test_a_picture_credit_alone_is_furniture():
    for line in ("Illustration : Léa Roy", "Photo archives Le Courrier de Valmorin", "PHOTO FOURNIE PAR AWA KONÉ",
                 "Photo illustration L.R.", "Crédit photo : Paul Martin"):
        assert ui_kind(line) == "credit", line
    # a sentence or a subheading that opens on the word is text
    for line in ("Photo de famille pour les ministres", "Illustration de la crise du logement",
                 "Photo : le maire de Valmorin inaugure la nouvelle école du quartier"):
        assert ui_kind(line) is None, line


def test_credit_lines_leave_the_body_after_the_closing_teasers():
    art = [TEXT, "Photo archives Le Courrier de Valmorin", "Les travaux commenceront au printemps, selon la mairie.",
           "Le maire s'en félicite.", "Le chantier durera deux ans."]
    tail = ["Les lectures de nos jeunes lecteurs", "PHOTO FOURNIE PAR LÉA ROY", "Paul Martin, 6 ans",
            "La série des enquêtes de Lisse, éditions du Port de Valmorin", "PHOTO FOURNIE PAR AWA KONÉ",
            "Awa Koné, 9 ans", "Le journal d'une chatte de Lisse, de Léa Roy, éditions du Port",
            "PHOTO FOURNIE PAR JEAN DUPIN", "Jean Dupin, 12 ans", "Les contes de la rivière de Valmorin, éditions du Marché"]
    cleaned = Cleaned(title="Le budget du marché voté", paragraphs=art + tail, boilerplate=[])
    drop_body_furniture(cleaned, dump=True)
    assert cleaned.paragraphs == [art[0], *art[2:]]
    assert "Photo archives Le Courrier de Valmorin" in cleaned.boilerplate and "PHOTO FOURNIE PAR AWA KONÉ" in cleaned.boilerplate


def test_a_signature_over_the_closing_teasers():
    teasers = ["Le port de Lisse rouvre ses quais", "Après deux ans de travaux, les pontons accueilleront cent bateaux.",
               "Valmorin : la foire aux vins déménage", "La foire quitte la place du marché pour le parc cette année.",
               "Trois pistes cyclables promises", "Les élus ont voté lundi trois pistes le long de la rivière.",
               "Le marché de Noël ouvre samedi", "Quarante chalets attendent les visiteurs sur la place."]
    art = [TEXT, "Les travaux commenceront au printemps, selon la mairie.", "Le maire s'en félicite.",
           "Le chantier durera deux ans.", "Léa Roy"]
    cleaned = Cleaned(title="Le budget du marché voté", paragraphs=art + teasers, boilerplate=[])
    drop_body_furniture(cleaned, dump=False)
    assert cleaned.paragraphs == art[:4] and "Léa Roy" in cleaned.boilerplate


def test_a_place_opening_the_lede_is_its_dateline():
    kept, dateline, place = lede_place(["Lisse (38) – " + TEXT, "Suite."])
    assert (kept, dateline, place) == ([TEXT, "Suite."], "Lisse (38) –", "Lisse")
    kept, dateline, place = lede_place(["BELGIQUE - " + TEXT])
    assert (kept, dateline, place) == ([TEXT], "BELGIQUE -", "Belgique")
    # An unknown word without a department, or a short lede, is left alone.
    for para in ("Valmorin - " + TEXT, "Belgique - Budget voté."):
        assert lede_place([para]) == ([para], None, None), para


def test_the_site_s_note_on_rights_and_opinions_is_furniture():
    assert ui_kind("Mention des sources obligatoire pour toute reprise des articles du Courrier de Valmorin.") == "rights"
    assert ui_kind("Les billets de cette rubrique reflètent les opinions de ses auteurs.") == "rights"
    assert ui_kind("Ces textes n'engagent que leurs auteurs.") == "rights"
    assert ui_kind("Republishing our content? Write to the Valmorin Courier first.") == "rights"
    # the story's own words about opinions, authors and sources stay
    assert ui_kind("Le maire estime que ces chiffres reflètent l'état réel des finances de Valmorin.") is None
    assert ui_kind("L'accord engage leurs auteurs à publier leurs sources avant la fin de l'année.") is None
    assert ui_kind("« Ces lettres reflètent les opinions de ses auteurs », a répondu le maire.") is None


def test_teaser_heads_and_arrow_links_are_furniture():
    assert ui_kind("A ne pas manquer sur Radio Valmorin :") == "teaser"
    assert ui_kind("À voir également sur Le Courrier :") == "teaser"
    assert ui_kind("Retrouvez toutes les vidéos du festival") == "teaser"
    assert ui_kind("Voir tous les articles") == "teaser"
    assert ui_kind("> Valmorin : la foire aux vins repoussée d'une semaine") == "teaser"
    assert ui_kind(">> Trois questions sur le nouveau pont de la Lisse") == "teaser"
    kept, dropped = drop_ui_lines([TEXT, "> Le maire de Valmorin quitte son parti", TEXT])
    assert kept == [TEXT, TEXT] and dropped == ["> Le maire de Valmorin quitte son parti"]


def test_teaser_cues_leave_prose_alone():
    # A sentence that opens like a label, a call or a figure goes on: these are the article's.
    assert ui_kind("A voir les files devant la mairie, le marché couvert plaît déjà.") is None
    assert ui_kind("Retrouvez la famille Dupin sur le marché de Valmorin chaque samedi.") is None
    assert ui_kind("Suivez la Lisse jusqu'au pont : le sentier longe les vignes.") is None
    assert ui_kind("> 300 personnes selon la police") is None


def test_sign_up_form_fields_are_furniture():
    assert ui_kind("[ ] Je veux aussi les bons plans du Courrier de Valmorin") == "form"
    assert ui_kind("( ) MENSUELLE") == ui_kind("[X] Nécessaires") == "form"
    assert ui_kind("Votre adresse e-mail*") == ui_kind("Adresse e-mail") == ui_kind("Courriel :") == "form"
    assert ui_kind("Son adresse e-mail a fuité.") is None
    assert ui_kind("(1) Le rapport du conseil municipal de Valmorin, page 12.") is None
