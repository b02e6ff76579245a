"""Direct quotes on real news writing: who speaks when the press chains, inverts or introduces quotes
(issue 16). One phenomenon of French press quoting a case; invented sentences and people only."""

from __future__ import annotations

import pytest

from conftest import quote_direct

PEOPLE = (("Claire Dubois", "PER"), ("Paul Arnaud", "PER"), ("Marc Lemoine", "PER"), ("Voix libres", "ORG"),
          ("Syndicat des pilotes", "ORG"), ("Union pour la Ville", "ORG"), ("Nadia", "LOC"), ("franceinfo", "ORG"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return quote_direct(nlp, paragraphs, PEOPLE, "case")


def test_pronoun_goes_to_the_speaker_just_introduced(nlp):
    # the last sentence's grammatical subject is Claire Dubois, but "il" goes on in the voice of the
    # cue before it (nobody else named since)
    got = _direct(nlp, ["Claire Dubois visitait le site lorsque l'accident a eu lieu, a rapporté le chef des "
                        "pompiers Paul Arnaud. « Elle n'a rien vu du tout ce jour-là », a-t-il ajouté."])
    assert got == [("Elle n'a", "Paul Arnaud", "pronoun_previous_speaker")]


def test_pronoun_after_a_speaker_of_the_other_gender_falls_back(nlp):
    # "dit-il" after Claire Dubois (a woman, "dit-elle"): the commissioner named since speaks
    got = _direct(nlp, ["« Ce musée est une merveille pour la ville », a commenté Claire Dubois, visiteuse. "
                        "« Je reviendrai sans doute le mois prochain », dit-elle. Les visiteurs sont nombreux, "
                        "constate son commissaire Paul Arnaud. « Les gens restent des heures dans les salles », "
                        "dit-il."])
    assert [s for _, s, _ in got] == ["Claire Dubois", "Claire Dubois", "Paul Arnaud"]


def test_a_full_stop_between_quotes_ends_the_chain(nlp):
    # « … ». « … », a répondu X: the inverted cue after the second quote does not reach back over the
    # sentence end to a quote that has a cue of its own
    got = _direct(nlp, ["Claire Dubois s'est dite « très inquiète pour la suite du chantier ». « Rien n'est "
                        "prêt pour l'hiver, mais nous tiendrons », a répondu Paul Arnaud."])
    assert [s for _, s, _ in got] == ["Claire Dubois", "Paul Arnaud"]


def test_a_cueless_quote_goes_to_the_person_its_sentence_names(nlp):
    # a person named after the previous quote breaks the chain of the paragraph
    got = _direct(nlp, ["« Nous verrons bien ce que l'hiver apportera », a dit Claire Dubois mardi. On prête "
                        "souvent à Paul Arnaud l'idée selon laquelle « un pont se construit toujours à deux »."])
    assert got[1] == ("un pont", "Paul Arnaud", "person_named_in_sentence")


def test_name_before_its_apposition_is_the_subject(nlp):
    # "X, le patron de …, s'est dit « … »": the parser takes the descriptor for the subject
    got = _direct(nlp, ["Marc Lemoine a parlé le premier. Sur les réseaux sociaux, Paul Arnaud, le patron des "
                        "ingénieurs, s'est dit « très fier de toute son équipe et de son travail »."])
    assert got == [("très fier", "Paul Arnaud", "person_in_subject")]


def test_a_quoted_programme_title_is_not_a_quote_of_the_lead_sentence(nlp):
    # "invitée du « Grand Jury du Dimanche »" names a programme: the sentence still leads into the quote
    got = _direct(nlp, ["« Nous avons tout essayé », a dit Paul Arnaud. Quant à Claire Dubois, invitée du « Grand "
                        "Jury du Dimanche », elle a refusé de répondre : « Je ne commenterai pas cette décision "
                        "de justice. »"])
    assert got[-1][1] == "Claire Dubois"


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Claire Dubois a ouvert le débat. Or, note Paul Arnaud, « le budget ne suffira pas à finir les travaux "
      "cette année »."], "Paul Arnaud"),
    (["« Rien ne bouge », selon les mots de Marc Lemoine. Commentant la décision, Paul Arnaud, co-président du "
      "Syndicat des pilotes, estime que « la direction joue la montre depuis des mois »."],
     "Marc Lemoine|Paul Arnaud"),
    (["Claire Dubois a ouvert la séance. D'autant que pour Paul Arnaud, le budget ne suffira pas.",
      "« Nous devrons tout revoir avant l'été prochain. »"], "Paul Arnaud"),
], ids=["fronted-incise", "apposition-without-article", "pour-after-connective"])
def test_speaker_named_before_the_quote(nlp, paragraphs, speaker):
    assert [s for _, s, _ in _direct(nlp, paragraphs)] == speaker.split("|")


@pytest.mark.parametrize("paragraphs", [
    ["« Nous n'avions rien vu venir, sourit le député Union pour la Ville (UV) Paul Arnaud. Le vote sera très "
     "serré. »"],
    ["« Le vote sera très serré jusqu'au bout », a prévenu le député Union pour la Ville (UV) Paul Arnaud."],
], ids=["incise-inside-marks", "inverted-cue"])
def test_party_name_and_acronym_inside_the_subject(nlp, paragraphs):
    # "le député <party with "pour" in its name> (<acronym>) <name>": the subject runs on to the person
    assert {s for _, s, _ in _direct(nlp, paragraphs)} == {"Paul Arnaud"}


def test_an_epithet_refers_to_the_person_just_named(nlp):
    # "le Lyonnais" (no role known for anyone): the person named in the sentence before, not the last speaker
    got = _direct(nlp, ["« Nous verrons bien ce que donnera la saison », a dit Marc Lemoine, le sélectionneur. "
                        "Le dernier retenu n'est autre que Paul Arnaud. « Je n'y croyais plus du tout », confie le "
                        "Lyonnais."])
    assert [s for _, s, _ in got] == ["Marc Lemoine", "Paul Arnaud"]


@pytest.mark.parametrize("lead", [
    "Nadia*, elle, a perdu son emploi en mars.",
    "Nadia, 34 ans, a perdu son emploi en mars.",
    "Nadia, habitante du quartier, a perdu son emploi en mars.",
], ids=["asterisk", "age", "apposition"])
def test_a_first_name_taken_for_a_place_speaks(nlp, lead):
    # the entity stage typed the lone first name as a place: its context says it is a person
    got = _direct(nlp, ["« Nous verrons bien », a dit Paul Arnaud, le patron.",
                        lead + " « Je cherche un nouveau travail depuis des mois », explique-t-elle."])
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Nadia"]


@pytest.mark.parametrize("paragraphs", [
    ["L'association Voix libres a porté plainte lundi à Vienne contre Paul Arnaud.",
     "« Nous irons jusqu'au bout de cette procédure », a indiqué l'association."],
    ["Voix libres a publié un communiqué lundi. Paul Arnaud n'a pas répondu.",
     "« Nous irons jusqu'au bout de cette procédure », a confié un porte-parole à la presse."],
], ids=["definite-noun", "lone-spokesperson"])
def test_organisation_named_before_speaks(nlp, paragraphs):
    # "l'association", "un porte-parole": the organisation named before, never the person named since
    assert [s for _, s, _ in _direct(nlp, paragraphs)] == ["Voix libres"]


def test_a_quoted_term_nobody_says_is_not_a_quote(nlp):
    # one or two words without a verb that nobody is found saying are a term ("le « patriarcat »"); an
    # exclamation is speech (and "X a dénoncé une « trahison »" stays X's words: test_quotes_speaker_rules)
    got = _direct(nlp, ["Le rapport évoque un « patriarcat » tenace. « Indécence ! », a répondu Claire Dubois."])
    assert got == [("Indécence !", "Claire Dubois", "person_in_subject")]


def test_a_new_subject_breaks_the_chain_and_selon_opens_a_new_sentence(nlp):
    # the spokesperson's quote is followed by a sentence on another subject ("le médecin", named before as
    # Paul Arnaud); the next quote is his, and "Selon lui" after it opens the next sentence, not its cue
    got = _direct(nlp, ["Le médecin Paul Arnaud a été mis en cause par Voix libres.",
                        "« La victime n'ose plus sortir de chez elle », a confié un porte-parole. Le médecin a "
                        "reconnu des propos maladroits. « C'est un malentendu. J'ai eu une réaction excessive. » "
                        "Selon lui, la patiente était agressive."])
    assert [s for _, s, _ in got] == ["Voix libres", "Paul Arnaud"]


def test_a_short_quote_after_a_colon_is_speech(nlp):
    # the colon announces the words even when the verb before it is no speech verb ("a fini par lâcher")
    got = _direct(nlp, ["Pressé de questions, Paul Arnaud a fini par lâcher : « je reste maire ». « Je reste "
                        "maire et je le resterai jusqu'au bout », a-t-il répété."])
    assert [(w, s) for w, s, _ in got] == [("je reste", "Paul Arnaud"), ("Je reste", "Paul Arnaud")]


def test_an_institution_never_named_is_not_the_last_organisation(nlp):
    # "la police" is not Voix libres (named before): an institution the article does not name speaks for nobody
    got = _direct(nlp, ["Voix libres a porté plainte lundi à Vienne.",
                        "« Deux hommes ont été interpellés dans la nuit », a indiqué la police."])
    assert [s for _, s, _ in got] == [None]


def test_inverted_subject_after_a_phrase_ending_on_an_acronym(nlp):
    # "a expliqué à un journaliste de l'AFP Paul Arnaud": the name after the phrase is the subject
    got = _direct(nlp, ["« Nous ne pouvons pas attendre deux ans de plus », a expliqué à un journaliste de "
                        "l'AFP Paul Arnaud, 46 ans."])
    assert got == [("Nous ne", "Paul Arnaud", "person_in_subject")]


def test_a_person_noun_never_goes_to_the_outlet_named_next_to_it(nlp):
    got = _direct(nlp, ["Le confinement n'est pas la panacée, estime Paul Arnaud, épidémiologiste à Vienne.",
                        "« Au moment où on a confiné, le virus circulait beaucoup », rappelle Paul Arnaud devant "
                        "les experts interrogés par franceinfo.",
                        "On n'avait pas assez de masques pour la population.",
                        "« Malgré cette mesure, on a quand même été obligés de transférer des patients », poursuit "
                        "l'épidémiologiste."])
    assert got[-1][1] == "Paul Arnaud"


def test_describe_after_the_quote_is_an_incise(nlp):
    got = _direct(nlp, ["Le photographe Paul Arnaud a passé quatre ans dans l'usine abandonnée.",
                        "« Elle se dressait au milieu des débris comme un titan poussiéreux », décrit l'auteur des "
                        "clichés."])
    assert got == [("Elle se", "Paul Arnaud", "descriptor")]


def test_comme_with_an_object_clitic_inverts_the_subject(nlp):
    got = _direct(nlp, ["Paul Arnaud a visité le chantier lundi. Mais comme l'a rappelé la maire de Vienne, "
                        "Claire Dubois : « Rien ne sera prêt avant l'été. »"])
    assert got == [("Rien ne", "Claire Dubois", "person_in_subject")]


def test_a_plural_descriptor_names_none_of_the_people_named_before(nlp):
    got = _direct(nlp, ["Paul Arnaud a présenté l'étude lundi à Vienne.",
                        "Comme le soulignaient les auteurs de l'étude : « la pratique régulière du sport réduit les "
                        "risques »."])
    assert got == [("la pratique", None, "descriptor")]


def test_an_embedded_post_is_its_author_s_direct_quote(nlp):
    got = _direct(nlp, ["Paul Arnaud, maire de Vienne, a répondu à nos questions lundi dans son bureau.",
                        "Sur les réseaux sociaux, la colère gronde contre la décision.",
                        "Honte à ce gouvernement qui abandonne les soignants. pic.twitter.com/Ab12Cd — Claire Dubois "
                        "(@cdubois) 12 mars 2020",
                        "« Nous ne lâcherons rien face au ministère. » — Marc Lemoine (@mlemoine) 13 mars 2020"])
    assert got == [("Honte à", "Claire Dubois", "embedded_post"),
                   ("Nous ne", "Marc Lemoine", "credit_after_marks")]


@pytest.mark.parametrize("opening, closing", [("“", "”"), ("”", "”"), ('"', '"')])
def test_a_quotation_mark_parsed_as_the_subject_is_no_voice(nlp, opening, closing):
    # the parser may hang the opening mark on the inverted cue as its subject: the person after the cue speaks
    got = _direct(nlp, [f"Le club de rugby a réuni ses membres mardi. {opening}Nous ne céderons rien sur les "
                        f"salaires{closing}, a déclaré Paul Arnaud."])
    assert [(s, r) for _, s, r in got] == [("Paul Arnaud", "person_in_subject")]
