"""Captions closed by their credit and the site's promotions inside a dump's article (invented lines)."""

from veille.clean.captions import credit_tail
from veille.clean.reader_calls import drop_reader_calls, is_reader_call
from veille.clean.shapes import is_credit


def test_caption_closed_by_a_credit_word():
    assert credit_tail("Le quai de Valmorin sous la neige, lundi matin. Photo Léa Roy")
    assert credit_tail("La façade de la mairie de Valmorin. / Crédits : Awa Koné")
    assert credit_tail("Le cortège dans les rues de Valmorin. Image: Agence Exemple")
    assert credit_tail("Le maire de Valmorin lors de ses vœux. (Photo archives Le Courrier)")
    assert is_credit("Les élèves de Valmorin à la rentrée. Photo d'illustration Jean Dupin")


def test_caption_closed_by_a_photographer_and_agency():
    assert credit_tail("Une manifestante à Valmorin, le 3 mai 2024. Jean Dupin / AFP")
    assert credit_tail("Le pont de Valmorin rouvert aux piétons. JEAN DUPIN/AFP")
    assert credit_tail("Valmorin, ce lundi. Le marché couvert rouvre ses portes aux forains (LP/Léa Roy)")
    # a photographer and a studio either side of a spaced dash; a route of two places is no credit
    assert credit_tail("La réalisatrice Awa Koné sur le tournage (Jean Dupin - La Maison de Production)")
    assert not credit_tail("Le car relie les deux villes en deux heures (Valmorin - Bellerive)")
    assert not credit_tail("Le car relie les deux villes en deux heures (de Valmorin - à Bellerive)")


def test_credit_after_the_last_separator_of_the_caption():
    # a stray mark opening the line, a closing guillemet inside the caption: the credit still closes it
    assert credit_tail(". Un concert donné par Awa dans la cour de l'école de Valmorin - Crédit Awa, Chorale Exemple (courriel)")
    assert credit_tail("Le club des « Amis du port » repeint la coque du vieux chalutier de Valmorin - Crédit Amis du port")
    # a sentence before a spaced dash that goes on with a sentence stays text
    assert not credit_tail("Le club des « Amis du port » repeint la coque - et le maire a promis une aide dès lundi.")
    assert not credit_tail("Le maire a choisi - crédit ou non - de répondre aux questions des habitants de Valmorin.")


def test_caption_closed_by_a_picture_tag():
    # lexicons/clean/caption_tags.tsv: the picture only illustrates, or whose rights it is
    assert credit_tail("Le marché couvert de Valmorin un samedi matin (photo d'illustration).")
    assert credit_tail("L'ancienne gare de Valmorin, dans les années 1960 (DR)")
    assert credit_tail("Faut-il fermer la rue le dimanche ? Le maire a tranché. Photo d’illustration J. D.")
    assert credit_tail("Des vélos garés devant la mairie de Valmorin. Image d'illustration Léa Roy")
    # a tag inside a sentence, a credit too long after it, "Dr" a title, a caption of two words: kept
    assert not credit_tail("La mairie a publié une photo d'illustration du futur parc de Valmorin.")
    assert not credit_tail("Le chantier avance. Photo d'illustration prise par un voisin depuis son balcon du troisième")
    assert not credit_tail("Le docteur (Dr) Jean Dupin a reçu les familles lundi à Valmorin.")
    assert not credit_tail("Valmorin (DR)")


def test_text_and_headlines_are_no_captions():
    assert not credit_tail("Le maire a répondu aux questions. Il a dit non.")
    assert not credit_tail("Les élus de la coalition ont voté (CDU/CSU)")
    assert not credit_tail("Léa Roy répond à la dédicace de son rival [PHOTO]")
    assert not credit_tail("Mentions légales / Crédits")
    assert not credit_tail("Il a parlé à l'AFP. Photo de famille prise lors du mariage de sa soeur avec tous ses amis.")


def test_promotions_speak_to_the_reader_about_the_site():
    assert is_reader_call("Recevez chaque matin la newsletter du Courrier de Valmorin dans votre boîte mail.")
    assert is_reader_call("Ajoutez Le Courrier de Valmorin sur Google News pour ne rater aucune actualité.")
    assert is_reader_call("Soutenez-nous : faites un don dès 1 euro.")
    assert is_reader_call("Vous désirez lire la suite de cet article ?")
    assert is_reader_call("Une dernière étape pour t'inscrire à la newsletter du Courrier...")  # elided "t'"
    # The story itself may talk about a newsletter; quoted speech is never the site's promotion.
    assert not is_reader_call("La mairie de Valmorin a lancé une newsletter en 2019, lue par 4 000 habitants.")
    assert not is_reader_call("« Abonnez-vous à ma newsletter », lance Léa Roy à ses élèves.")


def test_promotion_form_lines_after_the_last_call_go_with_it():
    paras = ["Le conseil municipal de Valmorin a voté le budget lundi soir, après trois heures de débat.",
             "Recevez notre newsletter chaque matin dans votre boîte mail.", "Adresse e-mail", "Valider"]
    kept, dropped = drop_reader_calls(paras)
    assert kept == paras[:1] and len(dropped) == 3


def _pulled(paragraphs):
    from veille.clean.lines import Cleaned
    from veille.clean.pull_quotes import drop_pull_quotes

    cleaned = Cleaned()
    cleaned.paragraphs = list(paragraphs)
    drop_pull_quotes(cleaned)
    return cleaned.paragraphs


_LONG = ("Léa Roy enseigne à Valmorin depuis vingt ans. Elle résume : « Le collège n'est pas un lieu de "
         "passage pour les enfants du quartier, c'est le seul endroit où ils se retrouvent tous ensemble "
         "chaque matin de la semaine », dit-elle avant la réunion.")


def test_pull_quote_set_above_its_paragraph_with_its_name_line():
    paras = ["Le collège de Valmorin fermera en juin, a annoncé le département.",
             "La décision a surpris les parents d'élèves, réunis lundi soir devant la grille.",
             "« Le collège n'est pas un lieu de passage pour les enfants du quartier, c'est le seul endroit "
             "où ils se retrouvent tous ensemble chaque matin »", "Léa Roy", _LONG]
    assert _pulled(paras) == [paras[0], paras[1], _LONG]


def test_shortened_pull_quote_and_short_quote_subheading():
    shortened = "« Le collège n'est pas un lieu de passage (...) c'est le seul endroit où ils se retrouvent tous ensemble »"
    heading = "« Le seul endroit où ils se retrouvent »"
    paras = ["Le collège de Valmorin fermera en juin.", "Les parents sont réunis lundi.", _LONG, shortened]
    assert _pulled(paras) == paras[:3]
    paras = ["Le collège de Valmorin fermera en juin.", "Les parents sont réunis lundi.", heading, _LONG]
    assert _pulled(paras) == paras  # a short quote over the section that holds it is its subheading


def test_promotion_button_opening_on_its_cue():
    assert is_reader_call("Je soutiens Le Courrier de Valmorin")
    assert is_reader_call("Je fais un don")
    assert not is_reader_call("Un don de 3 000 euros a été remis à l'école de Valmorin par Léa Roy.")


def test_slideshow_counter_is_no_paragraph():
    from veille.clean.text import LONE_NUMBER

    assert LONE_NUMBER.match("02 / 05")
    assert not LONE_NUMBER.match("02/05")


def test_closing_notes_are_cut_from_the_tail_only():
    from veille.clean.endnotes import drop_endnotes

    text = [f"Le conseil municipal de Valmorin a débattu du point {n} pendant une heure, sans conclure." for n in range(4)]
    notes = ["Notes", "[1] Les prénoms ont été modifiés.", "[2] Rapport de la mairie de Valmorin, 2023."]
    assert drop_endnotes(text + notes) == (text, notes)
    source = "Source : Observatoire de Valmorin, rapport annuel 2023."
    assert drop_endnotes(text + [source]) == (text, [source])
    # A list of the text in its second half, numbered in brackets but followed by prose, stays.
    listed = text + ["[1] Une première mesure.", *text]
    assert drop_endnotes(listed) == (listed, [])


def test_unmarked_pull_quote_above_the_paragraph_it_repeats():
    pulled = ("Le collège n'est pas un lieu de passage pour les enfants du quartier, c'est le seul endroit "
              "où ils se retrouvent tous ensemble chaque matin")
    paras = ["Le collège de Valmorin fermera en juin.", "Les parents sont réunis lundi.", pulled, _LONG]
    assert _pulled(paras) == [paras[0], paras[1], _LONG]


def test_references_and_further_reading_close_the_article():
    from veille.clean.endnotes import drop_endnotes

    text = [f"Les chercheurs de Valmorin ont suivi {n} dormeurs pendant trois nuits, sans conclure." for n in range(4)]
    # APA references with their footnote number glued and a DOI, some listing many authors.
    apa = ["1Castel, J., Brunel, O., & Roy, L. (2021). Sleep of invented towns. Journal of Examples, 3, 1-9. "
           "https://doi.org/10.1000/exemple.1",
           "2Marchal, L. " + ", ".join(f"Auteur{k}, A." for k in range(30)) + " (2019). Dreams again. Examples, 4."]
    assert drop_endnotes(text + apa) == (text, apa)
    # A further-reading heading, then a title and a Vancouver author list.
    further = ["Pour en savoir plus", "Invented sleep networks",
               "Castel J, Brunel O, Roy L, Marchal L. Journal of Examples 2019"]
    assert drop_endnotes(text + further) == (text, further)
    # A sentence naming a study, with its year in brackets, is prose.
    prose = text + ["Selon Léa Roy, une étude de Jean Castel (2019) a montré le contraire dans trois villes."]
    assert drop_endnotes(prose) == (prose, [])


def test_a_print_edition_note_is_furniture():
    from veille.clean.cues import cue_kind

    assert cue_kind("Cet article a été publié dans le journal du 3 mars 2024") == "source"
    assert cue_kind("Un article à retrouver dans le magazine de l'Observatoire n° 12") == "source"


def test_a_zoom_link_under_a_picture_is_furniture():
    from veille.clean.cues import cue_kind

    for line in ("(Cliquez sur l'image pour l'agrandir)", "Cliquez pour agrandir l'image", "Agrandir l'image"):
        assert cue_kind(line) == "credit", line


def test_a_picture_s_file_name_is_furniture():
    from veille.clean.captions import is_file_name

    for line in ("IMG_2034.jpg", "vue-du-port-de-valmorin-02", "Pourquoi_le_port.png",
                 "https://exemple.org/files/la_cour_du_ port_de_valmorin.jpg"):
        assert is_file_name(line), line
    for line in ("Saint-Jean-de-Luz", "Le port.", "Valmorin-sur-Lisse", "mots-clés"):
        assert not is_file_name(line), line


def test_a_sign_up_box_for_the_site_s_letter():
    assert is_reader_call("Recevoir notre lettre d'information")
    assert is_reader_call("Vous recevrez chaque mois nos derniers articles. Vous pourrez vous désabonner à tout moment.")
    assert not is_reader_call("La mairie de Valmorin publie une lettre d'information chaque mois depuis 2019.")


def test_the_site_asking_its_reader_about_the_article_is_a_promotion():
    assert is_reader_call("Cet article vous a plu ? Partagez-le avec vos proches.")
    assert is_reader_call("Vous avez apprécié l'article ? Soutenez Le Courrier de Valmorin.")
    assert is_reader_call("Le sujet vous intéresse ?")
    assert is_reader_call("Vous avez repéré une erreur dans ce texte ? Écrivez-nous.")
    # The story's own sentences: no reader addressed, or a person quoted.
    assert not is_reader_call("Le maire a signalé une erreur dans le budget présenté au conseil.")
    assert not is_reader_call("« Le sujet vous intéresse ? Venez au conseil », a lancé Octave Brunel.")
