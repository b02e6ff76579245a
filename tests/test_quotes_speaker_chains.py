"""Direct-quote speakers when several people are named around a quote: pronoun chains, gender
agreement, appositions, role nouns (issue 16). Invented sentences and people only."""

from __future__ import annotations

import pytest

from conftest import quote_direct

PEOPLE = (("Anne Roy", "PER"), ("Lise Morel", "PER"), ("Paul Arnaud", "PER"), ("Karim Bensaïd", "PER"),
          ("Nour Haddi", "PER"), ("Yanis", "PER"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return quote_direct(nlp, paragraphs, PEOPLE, "chain")


# (paragraphs, the speaker of each direct quote in order), one case a phenomenon
CHAINS = [
    # the last woman named (Lise Morel) is only cited inside a sentence whose subject is "elle":
    # "explique-t-elle" goes on with the subject of the chain, the essayist
    pytest.param(["Anne Roy publie cette année un essai sur les villes moyennes.",
                  "Elle y défend, à travers des urbanistes comme Lise Morel, une autre idée du centre. "
                  "« Les petites villes ont été oubliées trop longtemps », explique-t-elle."],
                 ["Anne Roy"], id="a_name_in_a_complement_does_not_break_the_pronoun_chain"),
    # nothing in the lexicons genders Nour Haddi, but "militante" and "arrivée" agree with her:
    # "elle" is her, not the woman quoted before, known by her given name
    pytest.param(["« Nous irons jusqu'au bout », a lancé Anne Roy. Nour Haddi, militante du collectif, "
                  "est arrivée de Lyon ce matin. « Personne ne nous écoute depuis des mois », lâche-t-elle."],
                 ["Anne Roy", "Nour Haddi"], id="a_feminine_apposition_or_participle_tells_who_elle_is"),
    # "avocate de Paul Arnaud": the parser may take the client for the subject; the lawyer speaks
    pytest.param(["À la sortie de l'audience, Me Anne Roy, avocate de Paul Arnaud, ouvrier du chantier, "
                  "a estimé « qu'un accord reste possible avant l'été »."],
                 ["Anne Roy"], id="the_client_in_an_apposition_is_not_the_speaker"),
    # "Quand elle a vu …, Lise Morel a …": the pronoun announces Lise Morel, whose "dit-elle" it is
    pytest.param(["« Il faut tout reprendre », explique Paul Arnaud, du comité des fêtes.",
                  "Quand elle a lu l'appel sur le site de la mairie, Lise Morel, habitante du quartier, "
                  "a tout de suite préparé une banderole. « Nous serons là samedi », dit-elle."],
                 ["Paul Arnaud", "Lise Morel"], id="a_pronoun_in_a_subordinate_clause_points_forward"),
    # "estime le lycéen": the pupil named in the sentence that leads into the quote
    pytest.param(["Contrôlé à la sortie du train, Yanis ne comprend pas : « Je n'avais rien fait, "
                  "je rentrais chez moi », estime le lycéen."],
                 ["Yanis"], id="a_pupil_is_taken_up_again_by_a_school_noun"),
    # 'Selon lui "…"': the source is "lui" (the lawyer just quoted), not the pronoun and the quote's words
    pytest.param(['"Rien ne justifiait ce contrôle", estime Karim Bensaïd, avocat des familles. '
                  'Selon lui "la plupart de ces contrôles ne mènent à aucune poursuite".'],
                 ["Karim Bensaïd", "Karim Bensaïd"], id="selon_and_a_pronoun_before_straight_quotation_marks"),
    # "veut croire le trésorier X": the quote is cut around the incise, both parts are his
    pytest.param(["« Ce n'est pas une affaire de sondages, veut croire le trésorier du club Paul Arnaud. "
                  "Les adhérents reviendront dès la rentrée. »"],
                 ["Paul Arnaud", "Paul Arnaud"], id="an_incise_made_of_a_modal_and_an_infinitive"),
    # "a déclaré à l'AFP Kolo Tembaru": no entity for him, but the name after the acronym is the speaker
    pytest.param(["La police recherche les suspects dans la région. \"Nous avons identifié deux des quatre "
                  "suspects et des équipes sont lancées à leur poursuite\", a déclaré à l'AFP Kolo Tembaru, "
                  "porte-parole de la police."],
                 ["Kolo Tembaru"], id="a_name_after_the_outlet_of_an_incise"),
]


@pytest.mark.parametrize("paragraphs, speakers", CHAINS)
def test_the_speakers_of_a_chain(nlp, paragraphs, speakers):
    assert [s for _, s, _ in _direct(nlp, paragraphs)] == speakers


def test_a_singular_pronoun_does_not_take_up_the_plural_group_of_the_cue_before(nlp):
    # "les agriculteurs ont signalé …" is an unnamed plural voice: the "il" of the next cue is not that
    # group (nobody), it goes back to the man named before
    got = _direct(nlp, ["La sécheresse a réduit les récoltes de moitié, a déclaré Paul Arnaud, directeur de la "
                        "coopérative. Il a décrit des champs brûlés. Les agriculteurs ont signalé qu'ils ne pouvaient "
                        "plus semer. Il a rappelé que la vallée « nourrissait autrefois toute la région »."])
    assert [(s, r) for _, s, r in got] == [("Paul Arnaud", "pronoun_antecedent")]



def test_a_given_name_of_the_quotes_own_list_genders_the_person_elle_skips(nlp):
    # "Gustave" (lexicons/quotes/given_names.tsv) is a man: "dit-elle" skips him for the woman named before
    people = (("Anne Roy", "PER"), ("Gustave Ferrand", "PER"))
    got = quote_direct(nlp, ["Anne Roy est arrivée à midi. Gustave Ferrand attendait devant la mairie. "
                             "« Tout est prêt pour la fête », dit-elle."], people, "chain")
    assert [s for _, s, _ in got] == ["Anne Roy"]
