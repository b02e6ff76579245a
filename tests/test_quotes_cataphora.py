"""A cue-less quote whose speaker is named after it, in the next sentence (``veille.quotes.cataphora``),
issue 16. Invented sentences and people only."""

from __future__ import annotations

from test_quotes_direct_speakers import _direct


def test_quote_opening_a_paragraph_goes_to_the_person_the_next_sentence_opens_on(nlp):
    got = _direct(nlp, ["« J'ai été dupé comme un débutant par ce faux patron. » Paul Arnaud, 54 ans, habitant "
                        "de Vienne, estime avoir perdu toutes ses économies. Il a porté plainte."])
    assert got == [("J'ai été", "Paul Arnaud", "named_in_next_sentence")]


def test_these_words_credit_the_quote_to_the_one_person_named(nlp):
    got = _direct(nlp, ["Claire Dubois enseigne au lycée de Vienne depuis vingt ans.",
                        "« Je ne regrette rien de ce que j'ai dit en classe. » Ces propos, tenus par Paul Arnaud "
                        "devant ses élèves, ont surpris les parents."])
    assert got == [("Je ne", "Paul Arnaud", "named_in_next_sentence")]


def test_a_quote_after_another_speaker_goes_on_in_that_voice(nlp):
    # the paragraph before quotes Claire Dubois: the next quote continues her words, whoever the
    # following sentence opens on
    got = _direct(nlp, ["« Le pont sera prêt à temps », a assuré Claire Dubois, la maire de Vienne.",
                        "« Les équipes travaillent jour et nuit. » Paul Arnaud estime pourtant que le chantier "
                        "prendra du retard."])
    assert [s for _, s, _ in got] == ["Claire Dubois", "Claire Dubois"]


def test_a_sentence_that_goes_on_after_the_quote_names_nobody_after_it(nlp):
    got = _direct(nlp, ["« Nous manquons de bras et de matériel » dans les usines. Paul Arnaud estime que la "
                        "situation va durer."])
    assert all(rule != "named_in_next_sentence" for _, _, rule in got)


def test_what_was_said_credits_the_quote_before_it(nlp):
    got = _direct(nlp, ["Paul Arnaud a ouvert la séance du conseil. « Nous ne céderons pas à la pression des "
                        "lobbys. » C'est ce qu'a déclaré mardi Claire Dubois, élue de l'opposition."])
    assert got == [("Nous ne", "Claire Dubois", "credited_in_next_sentence")]


def test_c_est_ainsi_que_credits_the_name_that_opens_its_clause(nlp):
    # "saluer" is no speech cue here: the name right after "C'est ainsi que" is the speaker
    got = _direct(nlp, ["Paul Arnaud, maire de Vienne, a inauguré le pont lundi.",
                        "« Nous avons tenu nos promesses, et le chantier a été livré à temps pour l'été. » C'est "
                        "ainsi que Claire Dubois, la présidente de la région, a salué l'ouverture."])
    assert got == [("Nous avons", "Claire Dubois", "credited_in_next_sentence")]


def test_these_words_are_hers_credits_a_quote_inside_a_paragraph(nlp):
    # the quote does not open its paragraph and another voice spoke just before: the credit after it decides
    got = _direct(nlp, ["« Le budget sera voté en juin », a promis Paul Arnaud, le maire de Vienne. L'opposition "
                        "reste sceptique. « Personne n'a vu le moindre chiffre depuis l'hiver. » Ces mots sont "
                        "ceux de Claire Dubois, élue de la liste écologiste."])
    assert got[-1] == ("Personne n'a", "Claire Dubois", "credited_in_next_sentence")


def test_what_was_said_with_a_verb_the_lexicon_lacks_goes_to_the_subject_after_it(nlp):
    got = _direct(nlp, ["« Le budget sera voté en juin », a promis Paul Arnaud, le maire de Vienne. Le vote "
                        "approche. « Les comptes de la ville sont dans le rouge depuis trois ans. » C'est ce qu'analyse Claire "
                        "Dubois, économiste à Lyon."])
    assert got[-1] == ("Les comptes", "Claire Dubois", "credited_in_next_sentence")


def test_a_speech_cue_opening_the_next_paragraph_credits_the_quote_closing_this_one(nlp):
    # the quote closes its paragraph after another voice's quote; the next paragraph opens on a cue of
    # Claire Dubois that reports nothing of its own
    got = _direct(nlp, ["« Le budget sera voté en juin », a promis Paul Arnaud, le maire de Vienne. L'opposition "
                        "reste sceptique. « Personne n'a vu le moindre chiffre depuis l'hiver. »",
                        "Claire Dubois, élue de la liste écologiste, le répète depuis des semaines. Le conseil "
                        "se réunira lundi."])
    assert got[-1] == ("Personne n'a", "Claire Dubois", "named_in_next_paragraph")


def test_a_quote_alone_in_its_paragraph_is_credited_by_the_cue_that_opens_the_next(nlp):
    got = _direct(nlp, ["« Le pont sera prêt à temps », a assuré Paul Arnaud, le maire de Vienne.",
                        "« Nous n'avons jamais vu un chantier aussi mal tenu. »",
                        "Claire Dubois, cheffe de l'opposition au conseil municipal, l'a répété mardi soir devant la presse."])
    assert got[-1] == ("Nous n'avons", "Claire Dubois", "named_in_next_paragraph")


def test_a_cue_with_words_of_its_own_in_the_next_paragraph_credits_nothing_before_it(nlp):
    # "estime que …": the cue reports its own words (the older rules decide the quote before)
    got = _direct(nlp, ["« Le pont sera prêt à temps », a assuré Paul Arnaud, le maire de Vienne.",
                        "« Les équipes travaillent jour et nuit. »",
                        "Claire Dubois estime pourtant que le chantier prendra du retard."])
    assert [rule for _, _, rule in got if rule == "named_in_next_paragraph"] == []
