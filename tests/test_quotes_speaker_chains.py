"""Direct-quote speakers when several people are named around a quote: pronoun chains, gender
agreement, appositions, role nouns (issue 16). Invented sentences and people only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Anne Roy", "PER"), ("Lise Morel", "PER"), ("Paul Arnaud", "PER"), ("Karim Bensaïd", "PER"),
          ("Nour Haddi", "PER"), ("Yanis", "PER"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return quote_direct(nlp, paragraphs, PEOPLE, "chain")


def test_a_name_in_a_complement_does_not_break_the_pronoun_chain(nlp):
    # the last woman named (Lise Morel) is only cited inside a sentence whose subject is "elle":
    # "explique-t-elle" goes on with the subject of the chain, the essayist
    got = _direct(nlp, ["Anne Roy publie cette année un essai sur les villes moyennes.",
                        "Elle y défend, à travers des urbanistes comme Lise Morel, une autre idée du centre. "
                        "« Les petites villes ont été oubliées trop longtemps », explique-t-elle."])
    assert [s for _, s, _ in got] == ["Anne Roy"]


def test_a_feminine_apposition_or_participle_tells_who_elle_is(nlp):
    # nothing in the lexicons genders Nour Haddi, but "militante" and "arrivée" agree with her:
    # "elle" is her, not the woman quoted before, known by her given name
    got = _direct(nlp, ["« Nous irons jusqu'au bout », a lancé Anne Roy. Nour Haddi, militante du collectif, "
                        "est arrivée de Lyon ce matin. « Personne ne nous écoute depuis des mois », lâche-t-elle."])
    assert [s for _, s, _ in got] == ["Anne Roy", "Nour Haddi"]


def test_the_client_in_an_apposition_is_not_the_speaker(nlp):
    # "avocate de Paul Arnaud": the parser may take the client for the subject; the lawyer speaks
    got = _direct(nlp, ["À la sortie de l'audience, Me Anne Roy, avocate de Paul Arnaud, ouvrier du chantier, "
                        "a estimé « qu'un accord reste possible avant l'été »."])
    assert [s for _, s, _ in got] == ["Anne Roy"]


def test_a_pronoun_in_a_subordinate_clause_points_forward(nlp):
    # "Quand elle a vu …, Lise Morel a …": the pronoun announces Lise Morel, whose "dit-elle" it is
    got = _direct(nlp, ["« Il faut tout reprendre », explique Paul Arnaud, du comité des fêtes.",
                        "Quand elle a lu l'appel sur le site de la mairie, Lise Morel, habitante du quartier, "
                        "a tout de suite préparé une banderole. « Nous serons là samedi », dit-elle."])
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Lise Morel"]


def test_a_pupil_is_taken_up_again_by_a_school_noun(nlp):
    # "estime le lycéen": the pupil named in the sentence that leads into the quote
    got = _direct(nlp, ["Contrôlé à la sortie du train, Yanis ne comprend pas : « Je n'avais rien fait, "
                        "je rentrais chez moi », estime le lycéen."])
    assert [s for _, s, _ in got] == ["Yanis"]


def test_selon_and_a_pronoun_before_straight_quotation_marks(nlp):
    # 'Selon lui "…"': the source is "lui" (the lawyer just quoted), not the pronoun and the quote's words
    got = _direct(nlp, ['"Rien ne justifiait ce contrôle", estime Karim Bensaïd, avocat des familles. '
                        'Selon lui "la plupart de ces contrôles ne mènent à aucune poursuite".'])
    assert [s for _, s, _ in got] == ["Karim Bensaïd", "Karim Bensaïd"]


def test_an_incise_made_of_a_modal_and_an_infinitive(nlp):
    # "veut croire le trésorier X": the quote is cut around the incise, both parts are his
    got = _direct(nlp, ["« Ce n'est pas une affaire de sondages, veut croire le trésorier du club Paul Arnaud. "
                        "Les adhérents reviendront dès la rentrée. »"])
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Paul Arnaud"]


def test_a_name_after_the_outlet_of_an_incise(nlp):
    # "a déclaré à l'AFP Kolo Tembaru": no entity for him, but the name after the acronym is the speaker
    got = _direct(nlp, ["La police recherche les suspects dans la région. \"Nous avons identifié deux des quatre "
                        "suspects et des équipes sont lancées à leur poursuite\", a déclaré à l'AFP Kolo Tembaru, "
                        "porte-parole de la police."])
    assert [s for _, s, _ in got] == ["Kolo Tembaru"]


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
