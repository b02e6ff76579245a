"""Speakers on sites the rules were not written on (issue 16): a profession as the incise's subject, an
incise inside the marks, a word set before the subject, an elided word that looks like a name. Invented
sentences and people only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Paul Verlaque", "PER"), ("Karim Dossou", "PER"), ("Lucie Arnal", "PER"), ("Martin Roux", "PER"),
          ("Léa Vernet", "PER"), ("Royal Shaker", "ORG"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return quote_direct(nlp, paragraphs, PEOPLE, "case")


def test_a_profession_in_apposition_after_the_name_is_its_descriptor(nlp):
    # "X, neurologue lyonnais": the parser reads the apposition as a conjunct; "le neurologue" is X,
    # not the footballer named since
    got = _direct(nlp, ["« On ne dort plus : on lutte pour dormir », résume Paul Verlaque, neurologue lyonnais. "
                        "Le footballeur Karim Dossou a raconté ses nuits blanches. « Je ne dors que trois heures. »",
                        "« Les sportifs sont vulnérables pendant les phases de rupture, commente le neurologue. "
                        "Sinon, le risque est limité. »"])
    assert [s for _, s, _ in got] == ["Paul Verlaque", "Karim Dossou", "Paul Verlaque", "Paul Verlaque"]


def test_a_profession_noun_subject_of_an_inverted_cue_is_the_person_who_has_it(nlp):
    got = _direct(nlp, ["Le pilote Martin Roux a chuté samedi, devant Lucie Arnal. « Sur le sec, les choses "
                        "seront différentes », a tempéré le pilote."])
    assert got == [("Sur le", "Martin Roux", "descriptor")]


def test_an_incise_verb_inside_the_marks_cuts_the_quote_and_names_both_parts(nlp):
    # "reprend X." inside the marks: both parts are X's, not the shop named before
    got = _direct(nlp, ["Lucie Arnal et Martin Roux ouvrent Royal Shaker à Agen. « Nous ne sommes pas un bar », "
                        "éclaire Martin Roux. Le Royal Shaker possède aussi un camion. « Là aussi, nous n'avons "
                        "pas de carte, reprend Lucie Arnal. Nous faisons du sur-mesure pour chaque client. »"])
    assert [s for _, s, _ in got] == ["Martin Roux", "Lucie Arnal", "Lucie Arnal"]


def test_a_word_detached_before_the_subject_pronoun_is_not_a_name(nlp):
    # "Tactile, elle palpe …": a capitalised adjective opening the sentence, the speaker is "elle"
    got = _direct(nlp, ["Que fait Léa Vernet quand elle rencontre quelqu'un ? Tactile, elle palpe ses vêtements. "
                        "« La base de mon travail, ce sont les lignes. »"])
    assert [s for _, s, _ in got] == ["Léa Vernet"]


def test_an_organisation_noun_with_a_common_noun_complement_stands_for_the_last_organisation(nlp):
    # "le groupe de réflexion": "de" + a common noun is no name of its own; the think tank named before
    # speaks, not the person named last
    people = (("Paul Arnaud", "PER"), ("Marc Lemoine", "PER"), ("Observatoire des finances locales", "ORG"))
    got = quote_direct(nlp, ["Paul Arnaud renvoie aux travaux de l'Observatoire des finances locales, qui a rendu un "
                             "rapport fin 2021. « On est revenu au niveau des années 1980 », détaillait Marc Lemoine, "
                             "son président.",
                             "Cette situation « porte le risque d'une fracture entre les villes » car « les petites "
                             "communes sont plus endettées que les autres », poursuit le groupe de réflexion."],
                       people, "case")
    assert [s for _, s, _ in got] == ["Marc Lemoine", "Observatoire des finances locales",
                                      "Observatoire des finances locales"]


def test_a_voice_goes_on_over_a_heading_and_a_paragraph_naming_no_one(nlp):
    got = _direct(nlp, ["« Le sommeil se soigne, même après des années », explique Paul Verlaque, neurologue.",
                        "Un trouble reconnu",
                        "En 2011, l'Organisation mondiale de la santé a reconnu ce trouble comme une maladie.",
                        "« Il faut dormir plus tôt et couper les écrans le soir. »"])
    assert got[-1] == ("Il faut", "Paul Verlaque", "unbroken_voice")


def test_a_voice_does_not_go_on_once_someone_else_is_named(nlp):
    got = _direct(nlp, ["« Le sommeil se soigne, même après des années », explique Paul Verlaque, neurologue.",
                        "Un trouble reconnu",
                        "Le footballeur Karim Dossou a longtemps souffert de ce trouble.",
                        "« Il faut dormir plus tôt et couper les écrans le soir. »"])
    assert got[-1][1] != "Paul Verlaque"


def test_an_organisation_noun_goes_to_the_acronym_bracketed_after_a_name_it_opens(nlp):
    # "le comité de l'ONU pour … (Cedam)": the committee, not the parent organisation named inside its name
    people = (("ONU", "ORG"), ("Cedam", "ORG"), ("Radio Vienne", "ORG"))
    got = quote_direct(nlp, ["Les discours de haine inquiètent le comité de l'ONU pour l'égalité des droits (Cedam), "
                             "relaie Radio Vienne. Le comité dénonce aussi « le discours raciste tenu par des "
                             "responsables politiques »."], people, "case")
    assert [s for _, s, _ in got] == ["Cedam"]


def test_a_person_speaks_before_the_organisation_written_as_her_affiliation(nlp):
    # "l'historienne X de l'Université de Y … : « … »": the person, not her university
    people = (("Claire Dubois", "PER"), ("Courrier de Vienne", "ORG"), ("Anne Roy", "PER"),
              ("Université de Vienne", "ORG"))
    got = quote_direct(nlp, ["Le mouvement a gagné tout le pays. Pour la journaliste Claire Dubois du Courrier de "
                             "Vienne : « Les manifestations pourraient bien être les premières d'un genre nouveau. »",
                             "C'est certainement le cas pour l'historienne et professeure Anne Roy de l'Université "
                             "de Vienne qui évoque sa portée historique : « ce mouvement représente un bouleversement "
                             "complet. »"], people, "case")
    assert [s for _, s, _ in got] == ["Claire Dubois", "Anne Roy"]


def test_an_unlisted_verb_before_a_person_inside_the_marks_is_an_incise(nlp):
    # "se souvient X, …" and "approuve X, …": verbs of manner no speech list holds, set between a comma
    # and a person's name inside the marks; each quote is cut in two and both parts are that person's
    got = _direct(nlp, ["Le tournoi d'Agen fête ses vingt ans. « Au début, les clubs hésitaient un peu, se souvient "
                        "Paul Verlaque, organisateur du tournoi. Mais ça a bien changé. »",
                        "« On ne joue pas sans équipe, approuve Léa Vernet, présidente du club. Alors nous "
                        "participons chaque année. »"])
    assert [(t, s) for t, s, _ in got] == [("Au début,", "Paul Verlaque"), ("Mais ça", "Paul Verlaque"),
                                           ("On ne", "Léa Vernet"), ("Alors nous", "Léa Vernet")]


def test_selon_and_a_person_inside_the_marks_is_an_incise(nlp):
    got = _direct(nlp, ["Chacun repart avec un trophée. « C'est indispensable, selon Lucie Arnal, l'organisatrice "
                        "du tournoi. Les joueurs adorent. »"])
    assert [(t, s) for t, s, _ in got] == [("C'est indispensable", "Lucie Arnal"), ("Les joueurs", "Lucie Arnal")]


def test_a_verb_inside_the_marks_before_a_name_it_governs_is_no_incise(nlp):
    # "…, remercié Paul Verlaque et signé …": a participle without its auxiliary, the name its object and the
    # clause going on: the quote's own words, nothing is cut
    got = _direct(nlp, ["« Hier, nous avons vu les élus, remercié Paul Verlaque et signé la charte », dit Léa Vernet."])
    assert len(got) == 1 and got[0][1] == "Léa Vernet"


def test_a_quote_over_two_paragraphs_whose_first_closes_on_an_incise_is_cut_there(nlp):
    got = _direct(nlp, ["Le tournoi est lancé en 1985. « Nous pensions être quelques dizaines, mais tout a vite "
                        "grandi, se souvient Paul Verlaque.",
                        "Dès la première édition, nous étions 450 ! » Le tournoi a vite grandi.",
                        "« Nous étions très peu, raconte Léa Vernet, et nous avons grandi.",
                        "Puis tout a changé. »"])
    # an incise inside the first paragraph cuts it too (helper colonlead): the words after it go on with
    # the next paragraph as one quote, both parts the incise's
    assert [(t, s) for t, s, _ in got] == [("Nous pensions", "Paul Verlaque"), ("Dès la", "Paul Verlaque"),
                                           ("Nous étions", "Léa Vernet"), ("et nous", "Léa Vernet")]


def test_a_verb_the_tagger_reads_as_a_noun_still_opens_the_incise_but_a_word_of_address_does_not(nlp):
    got = _direct(nlp, ["« Attention, on ne gagne pas un euro !, recadre Paul Verlaque. Notre budget est stable. »",
                        "« Ça va d'abord se faire dans la douleur, pronostique Léa Vernet, députée sortante. On "
                        "verra ensuite. »",
                        "« Merci pour tout, chère Lucie Arnal. Nous reviendrons », a lancé Martin Roux."])
    assert [(t, s) for t, s, _ in got] == [("Attention, on", "Paul Verlaque"), ("Notre budget", "Paul Verlaque"),
                                           ("Ça va", "Léa Vernet"), ("On verra", "Léa Vernet"),
                                           ("Merci pour", "Martin Roux")]


def test_a_role_noun_added_for_a_parliamentarian_or_a_speaker_at_a_meeting_names_the_person(nlp):
    # "le parlementaire", "l'oratrice": roles the noun list lacked; the quote is the person named with it
    got = _direct(nlp, ["Le député Paul Verlaque a présenté ses excuses mardi devant Lucie Arnal. « Je regrette ce "
                        "geste », a expliqué le parlementaire."])
    assert got[-1][1] == "Paul Verlaque"
    got = _direct(nlp, ["La militante Léa Vernet a pris la parole devant Martin Roux. « Nous ne céderons pas », "
                        "a ajouté l'oratrice."])
    assert got[-1][1] == "Léa Vernet"


def test_a_person_noun_right_after_the_name_without_a_comma_is_its_descriptor(nlp):
    # "X professeure de chimie": the comma the press leaves out; "sa professeure" is X, not a pupil named since
    got = quote_direct(nlp, ["Le 3 avril, Lucie Arnal professeure de chimie au lycée Jean-Moulin rentre de voyage "
                             "avec sa classe. Deux élèves sont alors contrôlés : Orukan et Talvek.",
                             "« Ces deux garçons se tenaient tranquilles sur le quai », raconte sa professeure, "
                             "encore choquée."], (("Lucie Arnal", "PER"), ("Orukan", "PER"), ("Talvek", "PER")))
    assert got == [("Ces deux", "Lucie Arnal", "descriptor")]
